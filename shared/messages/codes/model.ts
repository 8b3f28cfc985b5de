/** The rules of the model: amounts, ratios, names and the shape of the cost tree and the scenarios (shared/model). Amounts are in yuan; ratios as fractions (0.15 for 15%). */
export interface ModelProblemParams {
  /** A typed text that is not a number. */
  'not-a-number': { text: string };
  'amount-negative': { amount: number };
  'amount-too-large': { amount: number; max: number };
  /** A ratio (lever, rate, share, ramp) outside its range; `reason` says why the bound exists. */
  'ratio-out-of-range': { value: number; min: number; max: number; exclusiveMin: boolean; reason?: 'unitCost' | 'throughput' | 'volume' };
  'name-empty': Record<string, never>;
  'name-too-long': { length: number; max: number };
  /** A note or caption longer than its field takes. */
  'text-too-long': { length: number; max: number };
  /** A one-off amount (negative for a cost) beyond the largest amount either way. */
  'signed-amount-too-large': { amount: number; max: number };
  'plan-year-invalid': { value: number; max: number };
  'horizon-invalid': { value: number; max: number };
  'year-invalid': { value: number };
  /** Shares of the children of one parent add up past 100%. */
  'shares-over-parent': { parent: string; total: number };
  /** Shares and amounts of the children add up past the parent (total Infinity: the parent is 0). */
  'children-over-parent': { parent: string; total: number };
  'duplicate-sibling-name': { parent: string; name: string };
  'duplicate-scenario-name': { name: string };
  'root-cannot-move': Record<string, never>;
  'root-cannot-delete': Record<string, never>;
  'move-under-itself': { target: string };
  /** An edit names something that is no longer there (another window deleted it, say). */
  'edit-target-missing': { kind: 'node' | 'scenario' | 'revenueLine' | 'oneOff'; id: string };
  'duplicate-node-id': { id: string };
  'no-root': Record<string, never>;
  'several-roots': { count: number; names: string };
  'orphan-line': { parentId: string };
  'own-parent': Record<string, never>;
  'parent-cycle': Record<string, never>;
  'too-deep': { depth: number; max: number };
  'root-needs-amount': Record<string, never>;
  'lever-line-missing': { id: string };
  'lever-twice': Record<string, never>;
  'duplicate-investment-id': { id: string };
  'duplicate-scenario-id': { id: string };
}

export const MODEL_CODES = [
  'not-a-number',
  'amount-negative',
  'amount-too-large',
  'ratio-out-of-range',
  'name-empty',
  'name-too-long',
  'text-too-long',
  'signed-amount-too-large',
  'plan-year-invalid',
  'horizon-invalid',
  'year-invalid',
  'shares-over-parent',
  'children-over-parent',
  'duplicate-sibling-name',
  'duplicate-scenario-name',
  'root-cannot-move',
  'root-cannot-delete',
  'move-under-itself',
  'edit-target-missing',
  'duplicate-node-id',
  'no-root',
  'several-roots',
  'orphan-line',
  'own-parent',
  'parent-cycle',
  'too-deep',
  'root-needs-amount',
  'lever-line-missing',
  'lever-twice',
  'duplicate-investment-id',
  'duplicate-scenario-id',
] as const satisfies readonly (keyof ModelProblemParams)[];
