/**
 * Fitting axis labels into the room a chart gives them: wrapped at spaces or between CJK
 * characters, at most a few lines each, the last shortened with "…" (the full text is in the
 * tooltip). Pure, with the text measurer passed in, so it is tested without a canvas.
 */

const CJK = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef';
/** One CJK character, a word with the spaces after it, or spaces. */
const TOKENS = new RegExp(`[${CJK}]|[^\\s${CJK}]+\\s*|\\s+`, 'g');
export const ELLIPSIS = '…';

/** Greedy wrap of one text into lines no wider than `maxWidth`; a word wider than a line is broken between characters. */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let current = '';
  const push = () => {
    if (current.trim()) lines.push(current.trimEnd());
    current = '';
  };
  for (const token of text.match(TOKENS) ?? []) {
    if (measure((current + token).trimEnd()) <= maxWidth) {
      current += token;
      continue;
    }
    push();
    if (measure(token.trimEnd()) <= maxWidth) {
      current = token.trimStart();
      continue;
    }
    for (const char of token) {
      if (current && measure((current + char).trimEnd()) > maxWidth) push();
      current += char;
    }
  }
  push();
  return lines;
}

/** `text` cut to fit `maxWidth` with "…" at its end (just "…" when nothing else fits). */
export function abbreviate(text: string, maxWidth: number, measure: (text: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = Array.from(text);
  let keep = chars.length;
  while (keep > 0 && measure(chars.slice(0, keep).join('').trimEnd() + ELLIPSIS) > maxWidth) keep--;
  return chars.slice(0, keep).join('').trimEnd() + ELLIPSIS;
}

/** Wrapped onto as few lines as at `maxWidth`, but as even as they go ("呼叫中 / 心人工", not "呼叫中心人 / 工"). */
export function balanced(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines = wrapText(text, maxWidth, measure);
  if (lines.length < 2) return lines;
  let low = maxWidth / lines.length - 1;
  let high = maxWidth;
  // The narrowest width (to 1 px) that still needs no more lines.
  while (high - low > 1) {
    const middle = (low + high) / 2;
    if (wrapText(text, middle, measure).length <= lines.length) high = middle;
    else low = middle;
  }
  return wrapText(text, high, measure);
}

/**
 * An axis label (one entry per line: a lever's name, then its kind and change) fitted into
 * `maxWidth`: each entry wrapped onto at most `linesPerEntry` lines, the last shortened when
 * more would be needed.
 */
export function fitLabel(entries: readonly string[], maxWidth: number, measure: (text: string) => number, linesPerEntry = 2): string[] {
  const fitted: string[] = [];
  for (const entry of entries) {
    const lines = wrapText(entry, maxWidth, measure);
    if (lines.length <= linesPerEntry) {
      fitted.push(...balanced(entry, maxWidth, measure));
      continue;
    }
    const kept = lines.slice(0, linesPerEntry);
    const rest = lines.slice(linesPerEntry - 1).join(/[\u2e80-\u9fff]$/.test(kept[linesPerEntry - 1] ?? '') ? '' : ' ');
    kept[linesPerEntry - 1] = abbreviate(rest, maxWidth, measure);
    fitted.push(...kept);
  }
  return fitted;
}
