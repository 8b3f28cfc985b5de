/**
 * `window.costPlanner`, exposed by main/preload/index.ts. Absent when the page runs outside
 * Electron (a plain browser, a test). The typed API contract replaces this later.
 */
export interface CostPlannerBridge {
  readonly version: string;
}

declare global {
  interface Window {
    readonly costPlanner?: CostPlannerBridge;
  }
}
