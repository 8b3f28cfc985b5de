/** Filled in by the workspace issue. */
export function LeversScreen() {
  return <div className="muted">Levers</div>;
}
