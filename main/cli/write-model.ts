import { existsSync } from 'node:fs';
import { problem } from '../../shared/messages/problems';
import type { Model } from '../../shared/model/schema';
import { fileFailure } from '../io/model-json';
import { ModelDocument } from '../store/document';
import { cliDataDir } from './data-dir';
import { asUsageError } from './load-model';
import { UsageError } from './errors';

export function requireOut(value: unknown, usage: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(problem('option-required', { option: '--out FILE', usage }));
  return value;
}

/** Creates a .costplan file; an existing file is only replaced with --force. */
export async function writeModelFile(out: string, model: Model, force: boolean): Promise<void> {
  if (!out.endsWith('.costplan')) throw new UsageError(problem('file-kind', { path: out, expected: 'model-out' }));
  refuseExisting(out, force);
  try {
    const document = await ModelDocument.create(out, model, { dataDir: cliDataDir(), overwrite: force });
    await document.close();
  } catch (error) {
    throw asUsageError(error);
  }
}

/** An existing file is only replaced with --force. */
export function refuseExisting(out: string, force: unknown): void {
  if (existsSync(out) && force !== true) throw new UsageError(problem('output-exists', { path: out }));
}

/** A file that could not be written, in the planner's words. */
export function cannotWrite(out: string, error: unknown): UsageError {
  const failure = fileFailure(error);
  // A file being written is not there yet: "missing" means its folder is.
  return new UsageError(problem('cannot-write', { path: out, ...(failure.reason === 'missing' ? { reason: 'missing-folder' } : failure) }));
}
