/** Set at build time by electron.vite.config.ts: true only in the end-to-end tests' build. */
declare const __COSTPLAN_TEST_HOOKS__: boolean;
