import { problem } from '../../shared/messages/problems';
import type { Model } from '../../shared/model/schema';
import { readModelJson } from '../io/model-json';
import { problemOfStoreError, StoreError } from '../store/errors';
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
  if (!file.endsWith('.json')) throw new UsageError(`${file}: expected a model file ending in .costplan or .json`, problem('model-file-kind', { path: file }));
  const read = readModelJson(file);
  if (!read.ok) throw new UsageError(`${file}: ${read.error}`);
  return read.value;
}

/** Store errors already name the file. */
export function asUsageError(error: unknown): unknown {
  if (!(error instanceof StoreError)) return error;
  const coded = problemOfStoreError(error);
  return new UsageError(error.message, coded.code === 'other' ? undefined : coded);
}
