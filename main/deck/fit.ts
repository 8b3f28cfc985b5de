/**
 * Text that must stay on its slide. PowerPoint shrinks text on overflow only after the user
 * edits it (pptxgenjs' `fit: 'shrink'` only sets the flag), and LibreOffice does not shrink
 * at all, so the deck sizes text itself: an estimate of each character's width (CJK full
 * width, Latin about half), greedy wrapping at spaces (anywhere in CJK text), and the largest
 * font size from `max` down to `min` at which the text fits the box; below `min` the text is
 * cut with an ellipsis (the speaker notes keep it whole). The estimate errs wide, so real
 * text takes a little less room than planned.
 */
const POINTS_PER_INCH = 72;
export const LINE_HEIGHT = 1.2;

export function charWidthEm(code: number): number {
  if (code >= 0x2e80 && code <= 0x9fff) return 1;
  if (code >= 0xac00 && code <= 0xd7af) return 1;
  if (code >= 0xf900 && code <= 0xfaff) return 1;
  if (code >= 0xff00 && code <= 0xffef) return 1;
  if (code === 0x20) return 0.3;
  if (code >= 0x30 && code <= 0x39) return 0.58;
  if (code >= 0x41 && code <= 0x5a) return 0.68;
  if ("il.,:;|!'’()[]".includes(String.fromCharCode(code))) return 0.3;
  if (code === 0x6d || code === 0x77) return 0.85;
  return 0.55;
}

export function textWidthEm(text: string): number {
  let width = 0;
  for (const char of text) width += charWidthEm(char.codePointAt(0)!);
  return width;
}

function isWide(char: string): boolean {
  return charWidthEm(char.codePointAt(0)!) === 1;
}

/** Splits into wrap units: words with their trailing space, and each CJK character alone. */
function units(paragraph: string): string[] {
  const result: string[] = [];
  let word = '';
  for (const char of paragraph) {
    if (isWide(char)) {
      if (word) result.push(word);
      word = '';
      result.push(char);
    } else if (char === ' ') {
      result.push(word + ' ');
      word = '';
    } else word += char;
  }
  if (word) result.push(word);
  return result;
}

/** The lines a text wraps into at `widthEm` (explicit line breaks kept). */
export function wrapLines(text: string, widthEm: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const unit of units(paragraph)) {
      const w = textWidthEm(unit.trimEnd());
      if (line && lineWidth + w > widthEm) {
        lines.push(line.trimEnd());
        line = '';
        lineWidth = 0;
      }
      // A single word wider than the line is broken by characters.
      if (w > widthEm) {
        for (const char of unit) {
          const cw = textWidthEm(char);
          if (lineWidth + cw > widthEm && line) {
            lines.push(line);
            line = '';
            lineWidth = 0;
          }
          line += char;
          lineWidth += cw;
        }
        continue;
      }
      line += unit;
      lineWidth += textWidthEm(unit);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export interface FittedText {
  text: string;
  fontSize: number;
  lines: number;
}

/** Inner margin the deck gives every text box (points), so the estimate knows the room. */
export const TEXT_MARGIN_PT = 2;

/** The largest size from `max` to `min` at which `text` fits a `w` x `h` inch box; else cut at `min`. */
export function fitText(text: string, box: { w: number; h: number }, max: number, min: number): FittedText {
  const widthPt = box.w * POINTS_PER_INCH - 2 * TEXT_MARGIN_PT - 2;
  const heightPt = box.h * POINTS_PER_INCH - 2 * TEXT_MARGIN_PT;
  for (let size = max; size >= min; size -= size > 14 ? 2 : 1) {
    const lines = wrapLines(text, widthPt / size).length;
    if (lines * size * LINE_HEIGHT <= heightPt) return { text, fontSize: size, lines };
  }
  const maxLines = Math.max(1, Math.floor(heightPt / (min * LINE_HEIGHT)));
  return { text: cutToLines(text, widthPt / min, maxLines), fontSize: min, lines: maxLines };
}

/** The text cut to `maxLines` lines of `widthEm`, ending in an ellipsis. */
export function cutToLines(text: string, widthEm: number, maxLines: number): string {
  const lines = wrapLines(text, widthEm);
  if (lines.length <= maxLines) return text;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 0 && textWidthEm(last + '…') > widthEm) last = Array.from(last).slice(0, -1).join('');
  kept[maxLines - 1] = last + '…';
  return kept.join('\n');
}

/**
 * Table cells get less room than the estimate gives text boxes: renderers pad cells, bold
 * figures run wider, and a row that wraps where the plan said it would not pushes the table
 * past the slide's bottom. 12% is what LibreOffice needed on the deck's tables.
 */
const CELL_WIDTH_SAFETY = 1.12;

function cellWidthEm(w: number, fontSize: number, marginPt: number): number {
  return (w * POINTS_PER_INCH - 2 * marginPt - 2) / (fontSize * CELL_WIDTH_SAFETY);
}

/** Lines a cell's text takes at a font size in a column `w` inches wide with `marginPt` each side. */
export function cellLines(text: string, w: number, fontSize: number, marginPt: number): number {
  return wrapLines(text, cellWidthEm(w, fontSize, marginPt)).length;
}

/** A cell text cut to at most `maxLines` lines. */
export function cutCell(text: string, w: number, fontSize: number, marginPt: number, maxLines: number): string {
  return cutToLines(text, cellWidthEm(w, fontSize, marginPt), maxLines);
}

export function rowHeight(lines: number, fontSize: number, marginPt: number): number {
  return (lines * fontSize * LINE_HEIGHT + 2 * marginPt) / POINTS_PER_INCH + 0.03;
}
