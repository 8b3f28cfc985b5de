import { problem } from '../../shared/messages/problems';
import type { Model } from '../../shared/model/schema';
import { readModelJson } from '../io/model-json';
import { StoreError } from '../store/errors';
import { readModelFile } from '../store/read';
import { UsageError } from './errors';

/** Reads a model (.costplan or .json) for a command without changing the file; problems become one line. */
export function loadModel(file: string): Model {
  if (file.endsWith('.costplan')) {
    try {
      return readModelFile(file).model;
    } catch (error) {
      throw asUsageError(error);
    }
  }
  if (!file.endsWith('.json')) throw new UsageError(problem('file-kind', { path: file, expected: 'model' }));
  const read = readModelJson(file);
  if (!read.ok) throw new UsageError(problem('in-file', { file, problem: read.error }));
  return read.value;
}

/** A store error as the CLI's one line: its problem already names the file. */
export function asUsageError(error: unknown): unknown {
  return error instanceof StoreError ? new UsageError(error.problem) : error;
}
