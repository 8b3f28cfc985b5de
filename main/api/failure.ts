import { problem, type Problem } from '../../shared/messages/problems';
import { renderProblem } from '../../shared/messages/render';

/**
 * A failure a handler reports to the UI: a stable code for code, the problem (a code with typed
 * parameters, worded by each client in its language), and the English message for logs, worded
 * from the problem.
 */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    readonly problem: Problem,
    /** The field or model place the failure is about. */
    readonly path?: string,
  ) {
    super(renderProblem(problem, { language: 'en', unit: 'yuan' }));
  }
}

/**
 * The problem of an engine or edit issue. Typed with `problem` optional on purpose, so this stays
 * right whether or not the issue type already requires one; an issue without a code yet is an
 * unforeseen error, its English kept as the detail.
 */
export function problemOfIssue(issue: { path: string; message: string; problem?: Problem | undefined }): Problem {
  return issue.problem ?? problem('internal-error', { detail: issue.path ? `${issue.path}: ${issue.message}` : issue.message });
}
