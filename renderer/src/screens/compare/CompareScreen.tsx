/** Filled in by the workspace issue. */
export function CompareScreen() {
  return <div className="muted">Compare</div>;
}
