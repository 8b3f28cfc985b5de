import { formatIssue, type ModelIssue } from '../../shared/model/validate';
import { dirname } from 'node:path';
import { fileSystemProblem, problem, type Problem } from '../../shared/messages/problems';

/** Why a model file could not be opened or changed; `message` is written for the planner. */
export type StoreErrorCode =
  | 'not-found'
  | 'empty'
  | 'not-sqlite'
  | 'foreign-sqlite'
  | 'newer-version'
  | 'locked'
  | 'read-only'
  | 'damaged'
  /** The schema is not the one the app writes (a view, a trigger, a changed table): refused unread. */
  | 'tampered'
  | 'invalid-model'
  | 'invalid-edit'
  | 'nothing-to-undo'
  | 'nothing-to-redo'
  | 'snapshot-not-found'
  | 'io';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly path?: string,
    /** The problem as a code with parameters (shared/messages), for the UI's and the CLI's own words. */
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

/** The coded problem of a store error: its own, or the one its code stands for. */
export function problemOfStoreError(error: StoreError): Problem {
  if (error.problem) return error.problem;
  const path = error.path ?? '';
  switch (error.code) {
    case 'nothing-to-undo':
      return problem('nothing-to-undo', {});
    case 'nothing-to-redo':
      return problem('nothing-to-redo', {});
    case 'locked':
      if (path) return problem('file-in-use', { path });
      break;
    case 'read-only':
      if (path) return problem('file-read-only', { path });
      break;
    case 'newer-version':
      if (path) return problem('file-newer-version', { path });
      break;
  }
  return problem('other', { text: error.message });
}

/** A file-system error while writing `path`: a missing folder, no permission, a full disk, a file in use. */
export function writeProblem(error: unknown, path: string): Problem | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  return fileSystemProblem(code, code === 'ENOENT' || code === 'ENOTDIR' ? dirname(path) : path);
}

/** A model that breaks a rule of the model (a file, a JSON, an import): the rule as its own problem where it has one. */
export function brokenRule(path: string, issue: ModelIssue): StoreError {
  const message = `${path} holds a model that breaks a rule: ${formatIssue(issue)}`;
  return new StoreError(
    'invalid-model',
    message,
    path,
    issue.problem ? problem('model-breaks-rule', { path, where: issue.path, problem: issue.problem }) : undefined,
  );
}

/** SQLite's quick_check report spans lines; a message is one line (the CLI prints one line). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '; ');
}
