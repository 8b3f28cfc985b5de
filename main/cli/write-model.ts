import { existsSync } from 'node:fs';
import type { Model } from '../../shared/model/schema';
import { ModelDocument } from '../store/document';
import { cliDataDir } from './data-dir';
import { asUsageError } from './load-model';
import { UsageError } from './errors';

export function requireOut(value: unknown, usage: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`--out FILE is required: ${usage}`);
  return value;
}

/** Creates a .costplan file; an existing file is only replaced with --force. */
export async function writeModelFile(out: string, model: Model, force: boolean): Promise<void> {
  if (!out.endsWith('.costplan')) throw new UsageError(`${out}: a model file must end in .costplan`);
  if (existsSync(out) && !force) throw new UsageError(`${out} already exists; pass --force to replace it`);
  try {
    const document = await ModelDocument.create(out, model, { dataDir: cliDataDir(), overwrite: force });
    await document.close();
  } catch (error) {
    throw asUsageError(error);
  }
}
