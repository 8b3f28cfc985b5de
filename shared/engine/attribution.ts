/**
 * Shapley attribution of a multiplicative saving. A line of amount A whose levers have cost
 * factors f_1..f_k saves A (1 - f_1 ... f_k). Each lever gets its Shapley value: the average,
 * over every order in which the levers could be switched on, of the saving it adds when it
 * is switched on. The values do not depend on the order the levers are listed in and add
 * up to the line's saving. For a product the sum over coalitions collapses to elementary
 * symmetric polynomials, so it costs O(k^2) per lever, not O(2^k):
 *   phi_i = A (1 - f_i) sum_{s=0}^{k-1} e_s(f without f_i) s! (k-1-s)! / k!
 */
export function shapleyShares(amount: number, factors: readonly number[], out: Float64Array): void {
  const k = factors.length;
  if (k === 0) return;
  if (k === 1) {
    out[0] = amount * (1 - factors[0]!);
    return;
  }
  const weights = coalitionWeights(k);
  const symmetric = symmetricBuffer(k);
  for (let i = 0; i < k; i++) {
    symmetric.fill(0, 0, k);
    symmetric[0] = 1;
    let degree = 0;
    for (let j = 0; j < k; j++) {
      if (j === i) continue;
      const f = factors[j]!;
      degree++;
      for (let s = degree; s >= 1; s--) symmetric[s] = symmetric[s]! + symmetric[s - 1]! * f;
    }
    let weighted = 0;
    for (let s = 0; s < k; s++) weighted += symmetric[s]! * weights[s]!;
    out[i] = amount * (1 - factors[i]!) * weighted;
  }
}

const weightCache: Float64Array[] = [];
let scratch = new Float64Array(16);

function symmetricBuffer(k: number): Float64Array {
  if (scratch.length < k) scratch = new Float64Array(k * 2);
  return scratch;
}

/** w(s) = s! (k-1-s)! / k!, the chance that a given lever joins a coalition of size s. */
function coalitionWeights(k: number): Float64Array {
  const cached = weightCache[k];
  if (cached) return cached;
  const weights = new Float64Array(k);
  for (let s = 0; s < k; s++) {
    // 1 / (k * C(k-1, s)), computed without large factorials.
    let binomial = 1;
    for (let j = 1; j <= s; j++) binomial = (binomial * (k - 1 - s + j)) / j;
    weights[s] = 1 / (k * binomial);
  }
  weightCache[k] = weights;
  return weights;
}
