import type { SessionState } from '../../shared/api/contract';
import type { ApiMethod } from '../../shared/api/methods';

/**
 * `window.costPlanner`, exposed by main/preload/index.ts: the app version, one function per
 * API method (each taking the method's input and resolving to its response), and a
 * subscription to the session changes the main process makes on its own (File, Edit and View
 * menus, a file opened by a second launch): adopt the state it passes, e.g.
 * `window.costPlanner?.onSessionChanged((session) => workspace.adopt(session))`.
 * Absent when the page runs outside Electron (a plain browser, a test).
 */
export interface CostPlannerBridge {
  readonly version: string;
  readonly api: Readonly<Record<ApiMethod, (input: unknown) => Promise<unknown>>>;
  /** Returns a function that removes the listener. */
  readonly onSessionChanged: (listener: (session: SessionState) => void) => () => void;
  /** A menu item asks the window to open one of its dialogs (File > Export client deck). */
  readonly onWindowDialog?: (listener: (dialog: 'exportDeck') => void) => () => void;
}

declare global {
  interface Window {
    readonly costPlanner?: CostPlannerBridge;
  }
}
