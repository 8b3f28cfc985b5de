import type { Problem } from '../messages/problems';
import { renderProblem } from '../messages/render';

/** One broken rule: where (a path a planner can read) and what. */
export interface ModelIssue {
  path: string;
  /** In English, for logs and old callers: the problem worded in English (`issueMessage`). */
  message: string;
  /** The problem as a code with its parameters (shared/messages): screens word it in their own language. */
  problem: Problem;
}

/** English in yuan: the wording of logs, of the CLI without --lang and of `message`. */
const ENGLISH = { language: 'en', unit: 'yuan' } as const;

/**
 * The English of an issue's problem after its path: a field problem of a file (`field-invalid`)
 * names its place in its own words for a screen, and the path already says where for a log.
 */
export function issueMessage(problem: Problem): string {
  return renderProblem(problem.code === 'field-invalid' ? problem.params.problem : problem, ENGLISH);
}

/**
 * An issue at `path`. Its English `message` is worded when first read: a file of 50,000 broken
 * lines gives 50,000 issues, and most callers read the first one only.
 */
export function modelIssue(path: string, problem: Problem): ModelIssue {
  let message: string | undefined;
  const issue = { path, problem } as ModelIssue;
  return Object.defineProperty(issue, 'message', { enumerable: true, get: () => (message ??= issueMessage(problem)) });
}

/** An issue in one English line for logs and the CLI: its path, then its problem (or, from an older caller, its message). */
export function formatIssue(issue: { path: string; problem?: Problem; message?: string }): string {
  const message = issue.problem ? issueMessage(issue.problem) : (issue.message ?? '');
  return issue.path ? `${issue.path}: ${message}` : message;
}
