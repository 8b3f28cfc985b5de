import { problem, type Problem } from '../messages/problems';
import { renderProblem } from '../messages/render';
import { z } from 'zod';

/**
 * Clean text: what a name or a note may hold. Text arrives from files and workbooks someone
 * sent; it ends up in a terminal, a file, a workbook and a deck. So it holds no half of a
 * surrogate pair (it would not survive UTF-8 and come back as replacement characters), no
 * control characters (ESC, BEL, NUL: a terminal obeys them; a line break only where the field
 * is several lines long) and no bidirectional overrides or isolates (they reorder what is
 * shown, so a name can read as something it is not).
 */

/** Characters refused in every text field; line breaks and tab are allowed per field. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
const LINE_BREAK = /[\n\r]/u;
const TAB = /\t/u;
/** A lead surrogate not followed by a trail, or a trail without a lead (the regex works on code units: no u flag). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface CleanTextOptions {
  /** At most this many characters. */
  max: number;
  /** Empty (or only spaces) is refused. */
  required?: boolean;
  /** Line breaks and tabs are allowed (notes, captions); names are one line. */
  multiline?: boolean;
}

/** Why `text` is not clean, as a coded problem (which character, where), or undefined. */
export function uncleanText(text: string, options: { multiline?: boolean } = {}): Problem | undefined {
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate)
    return problem('text-unclean', { reason: 'half-character', character: codePoint(text.charCodeAt(surrogate.index)), position: surrogate.index + 1 });
  const control = CONTROL.exec(text) ?? (options.multiline ? null : (LINE_BREAK.exec(text) ?? TAB.exec(text)));
  if (control)
    return problem('text-unclean', {
      reason: options.multiline ? 'control' : 'control-one-line',
      character: codePoint(control[0].charCodeAt(0)),
      position: control.index + 1,
    });
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) return problem('text-unclean', { reason: 'direction', character: codePoint(bidi[0].charCodeAt(0)), position: bidi.index + 1 });
  return undefined;
}

/** Why `text` is not clean, in English as the end of a message ("must not hold ..."), or undefined. */
export function textProblem(text: string, options: { multiline?: boolean } = {}): string | undefined {
  const unclean = uncleanText(text, options);
  return unclean && renderProblem(unclean, { language: 'en', unit: 'yuan' });
}

/**
 * A zod schema for a text field with these rules; the field is named by zod's path. Apply it
 * to every new name, note or caption of the model.
 */
export function cleanText(options: CleanTextOptions) {
  return z.string({ error: (issue) => `must be text, got ${describeValue(issue.input)}` }).superRefine((value, ctx) => {
    if (options.required && value.trim().length === 0) {
      ctx.addIssue({ code: 'custom', message: 'must not be empty', params: { problem: problem('name-empty', {}) } });
      return;
    }
    if (value.length > options.max) {
      ctx.addIssue({
        code: 'custom',
        message: `must be at most ${options.max} characters, got ${value.length}`,
        params: { problem: problem('text-too-long', { length: value.length, max: options.max }) },
      });
      return;
    }
    const unclean = uncleanText(value, options);
    if (unclean) ctx.addIssue({ code: 'custom', message: textProblem(value, options), params: { problem: unclean } });
  });
}

/** Longest part of a user's value a message quotes. */
export const QUOTE_MAX = 80;

/**
 * A user's value inside a message: in quotes, at most QUOTE_MAX characters, with control,
 * direction and lone surrogate characters written as \u escapes, so a message stays one
 * short, printable line whatever the value holds.
 */
export function quoteText(value: string, max = QUOTE_MAX): string {
  const cut = value.length > max ? `${value.slice(0, surrogateSafeEnd(value, max))}…` : value;
  // Backslashes and quotes escaped as in JSON: the quoted text reads back with JSON.parse.
  return `"${escapeText(cut.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"'))}"`;
}

/** Writes control, direction and lone surrogate characters as \u escapes (for terminals and messages); `lineBreaks` keeps \n and tab. */
export function escapeText(text: string, keep: { lineBreaks?: boolean } = {}): string {
  const pattern = keep.lineBreaks ? ESCAPED_KEEPING_LINES : ESCAPED;
  return text.replace(pattern, (char) => codePoint(char.charCodeAt(0)).replace('U+', '\\u').toLowerCase());
}

const ESCAPED = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ESCAPED_KEEPING_LINES =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function surrogateSafeEnd(value: string, end: number): number {
  const code = value.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return quoteText(value, 40);
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value;
}
