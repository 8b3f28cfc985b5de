import { problem, type FieldName, type Problem } from '../../shared/messages/problems';
import { problemOfIssue, type ModelIssue } from '../../shared/model/validate';
import { textProblem } from '../../shared/model/text';

/**
 * The model's rules as the import reports them: a rule a cell breaks is named by its code
 * (shared/model carries one on most rules). A rule without a code yet keeps its English words
 * as a quoted technical detail ('value-refused'), never as the sentence.
 */

/** What `textProblem` (shared/model/text.ts) refuses, found again to say which character and where. */
const SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const LINE_BREAK = /[\n\r\t]/u;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;

/** Text a name (one line) or a note (`multiline`) may not hold, as a problem of `field`; undefined when it is clean. */
export function uncleanTextProblem(text: string, field: FieldName, multiline = false): Problem | undefined {
  if (textProblem(text, { multiline }) === undefined) return undefined;
  const found = (
    [
      ['surrogate', SURROGATE.exec(text)],
      ['control', CONTROL.exec(text)],
      ['line-break', multiline ? null : LINE_BREAK.exec(text)],
      ['bidi', BIDI.exec(text)],
    ] as const
  ).find(([, match]) => match !== null);
  if (!found) return problem('value-refused', { detail: textProblem(text, { multiline }) ?? '' });
  const [reason, match] = found;
  const char = `U+${match![0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return problem('cell-text-unclean', { field, reason, char, position: match!.index + 1 });
}

/** A rule of the model a whole-model check found broken: its code, or its English words as a detail. */
export function issueProblem(issue: Pick<ModelIssue, 'message' | 'problem'>): Problem {
  return issue.problem;
}

/** The rule a field's value breaks (a zod issue of the model's schema), as a problem of that field. */
export function fieldRuleProblem(issue: { message: string } | undefined, value: unknown, what: { field: FieldName; year?: number }): Problem {
  const rule = issue ? problemOfIssue(issue) : undefined;
  if (!rule && typeof value === 'string') {
    const unclean = uncleanTextProblem(value, what.field, what.field === 'notes');
    if (unclean) return unclean;
  }
  return problem('cell-invalid', { ...what, problem: rule ?? problem('value-refused', { detail: issue?.message ?? 'is not valid' }) });
}
