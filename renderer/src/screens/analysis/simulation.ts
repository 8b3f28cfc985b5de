import type { Problem } from '../../../../shared/messages/problems';
import { simulate, type SimulationResult } from '../../../../shared/analysis/monte-carlo';
import type { OutputName } from '../../../../shared/analysis/outputs';
import type { Model } from '../../../../shared/model/schema';

/** What the page asks the simulation worker. */
export interface SimulationJob {
  model: Model;
  scenarioId: string;
  output: OutputName;
  trials: number;
  seed: number;
  bins?: number;
}

export type SimulationMessage =
  { type: 'progress'; done: number; total: number } | { type: 'done'; result: SimulationResult } | { type: 'error'; message: string; problem: Problem };

/** The shared Monte Carlo simulation (same seed, same result as the CLI), reporting progress per chunk. */
export function runSimulation(job: SimulationJob, progress: (done: number, total: number) => void): SimulationMessage {
  const result = simulate(
    job.model,
    { scenario: job.scenarioId, output: job.output, trials: job.trials, seed: job.seed, ...(job.bins === undefined ? {} : { bins: job.bins }) },
    { onProgress: progress },
  );
  return result.ok ? { type: 'done', result: result.value } : { type: 'error', message: result.error.message, problem: result.error.problem };
}
