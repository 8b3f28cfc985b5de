import { contextBridge } from 'electron';

/** Replaced with package.json's version at build time (electron.vite.config.ts `define`). */
declare const __APP_VERSION__: string;

/**
 * What the renderer sees as `window.costPlanner`. Only plain values and named functions cross
 * the bridge; `ipcRenderer` itself is never exposed. The typed API contract comes later.
 */
const costPlannerBridge = Object.freeze({
  version: __APP_VERSION__,
});

contextBridge.exposeInMainWorld('costPlanner', costPlannerBridge);
