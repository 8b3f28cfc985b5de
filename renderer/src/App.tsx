export interface AppProps {
  /** The app version from the preload bridge; undefined outside Electron. */
  version: string | undefined;
}

/** Placeholder page: the planner's screens come in later issues. */
export function App({ version }: AppProps) {
  return (
    <main className="placeholder">
      <h1>Service Cost Planner</h1>
      <p>Plan after-sales service cost: cost structure, driver levers, savings, incentive budget and multi-year return.</p>
      {version === undefined ? null : <p className="version">Version {version}</p>}
    </main>
  );
}
