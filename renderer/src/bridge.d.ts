import type { ApiMethod } from '../../shared/api/methods';

/**
 * `window.costPlanner`, exposed by main/preload/index.ts: the app version and one function per
 * API method, each taking the method's input and resolving to its response. Absent when the
 * page runs outside Electron (a plain browser, a test).
 */
export interface CostPlannerBridge {
  readonly version: string;
  readonly api: Readonly<Record<ApiMethod, (input: unknown) => Promise<unknown>>>;
}

declare global {
  interface Window {
    readonly costPlanner?: CostPlannerBridge;
  }
}
