import '../../security/zod-jitless';
import { problem } from '../../../../shared/messages/problems';
import { runSimulation, type SimulationJob, type SimulationMessage } from './simulation';

/** Runs one Monte Carlo simulation off the page's thread; the page terminates it to cancel. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SimulationJob>) => void) | null;
  postMessage(message: SimulationMessage): void;
};
scope.onmessage = (event) => {
  const post = (message: SimulationMessage) => scope.postMessage(message);
  try {
    post(runSimulation(event.data, (done, total) => post({ type: 'progress', done, total })));
  } catch (error) {
    // An error no rule foresaw: its own text is a detail of a problem the page words in its language.
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'error', message, problem: problem('internal-error', { detail: message }) });
  }
};
