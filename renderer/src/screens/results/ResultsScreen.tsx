/** Filled in by the workspace issue. */
export function ResultsScreen() {
  return <div className="muted">Results</div>;
}
