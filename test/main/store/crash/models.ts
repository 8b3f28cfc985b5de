import { generateModel } from '../../../../bench/generate';
import type { Model } from '../../../../shared/model/schema';

/**
 * The models the `create` worker writes in turn: create N writes models[N % 3] (three, so that
 * after create N the file may hold create N's or N+1's model, but never N+2's).
 */
export function createModels(leafLines: number): Model[] {
  return [1, 2, 3].map((seed) => generateModel({ leafLines, scenarios: 2, seed }));
}
