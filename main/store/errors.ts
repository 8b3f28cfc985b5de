import type { ModelIssue } from '../../shared/model/validate';
import { renderProblem } from '../../shared/messages/render';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileSystemProblem, problem, type Problem } from '../../shared/messages/problems';

/** Why a model file could not be opened or changed, for code; the planner reads the error's `problem`. */
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

/**
 * A refused open, read or change of a model file. The problem is the message: a code with
 * typed parameters the UI and the CLI word in the planner's language; `message` is its English
 * wording, for logs and for callers that print one line.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    /** The problem as a code with parameters (shared/messages), for the UI's and the CLI's own words. */
    readonly problem: Problem,
    readonly path?: string,
  ) {
    super(englishText(problem));
  }
}

/** A problem in English, as logs and one-line callers read it. */
export function englishText(problem: Problem): string {
  return renderProblem(problem, { language: 'en', unit: 'yuan' });
}

/** The coded problem of a store error (every store error has one). */
export function problemOfStoreError(error: StoreError): Problem {
  return error.problem;
}

/** A file-system error while writing `path`: a missing folder, no permission, a full disk, a file in use; else the OS's words as a detail. */
export function writeProblem(error: unknown, path: string): Problem {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  // SQLite's own "directory does not exist" carries no errno code.
  if (code === undefined && !existsSync(dirname(path))) return problem('folder-missing', { path: dirname(path) });
  return (
    fileSystemProblem(code, code === 'ENOENT' || code === 'ENOTDIR' ? dirname(path) : path) ?? problem('file-write-failed', { path, detail: errorText(error) })
  );
}

/**
 * An error SQLite or the file system raised while opening (`open`) or writing (`write`) a model
 * file, as a StoreError: a lock, a read-only file, a full disk, damaged pages by their reason;
 * anything else with SQLite's or the OS's own words as the detail. A StoreError passes as it is.
 */
export function storeFailure(error: unknown, path: string, action: 'open' | 'write'): StoreError {
  if (error instanceof StoreError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new StoreError('locked', problem('file-in-use', { path }), path);
  if (code.startsWith('SQLITE_READONLY')) return new StoreError('read-only', problem('file-read-only', { path }), path);
  if (code.startsWith('SQLITE_FULL')) return new StoreError('io', problem('disk-full', { path }), path);
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'))
    return new StoreError('damaged', problem('file-damaged', { path, damage: { kind: 'rows-unreadable' }, detail: errorText(error) }), path);
  const fileSystem = fileSystemProblem(code, path);
  if (fileSystem) return new StoreError('io', fileSystem, path);
  return new StoreError('io', problem(action === 'open' ? 'file-open-failed' : 'file-write-failed', { path, detail: errorText(error) }), path);
}

/** An error's own text (a library's, the OS's), for a problem's `detail`. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A model that breaks a rule of the model (a file, a JSON, an import): the rule as its own problem where it has one. */
export function brokenRule(path: string, issue: ModelIssue): StoreError {
  return new StoreError('invalid-model', brokenRuleProblem(path, issue), path);
}

export function brokenRuleProblem(path: string, issue: ModelIssue): Problem {
  return problem('model-breaks-rule', { path, where: issue.path, problem: issue.problem });
}

/** SQLite's quick_check report spans lines; a message is one line (the CLI prints one line). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '; ');
}
