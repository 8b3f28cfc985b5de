import type { Model } from '../../shared/model/schema';
import { readModelJson } from '../io/model-json';
import { UsageError } from './errors';

/** Reads a model for a command; every problem becomes one line naming the file. */
export function loadModel(file: string): Model {
  if (!file.endsWith('.json')) throw new UsageError(`${file}: expected a model file ending in .json`);
  const read = readModelJson(file);
  if (!read.ok) throw new UsageError(`${file}: ${read.error}`);
  return read.value;
}
