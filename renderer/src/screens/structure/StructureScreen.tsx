/** Filled in by the workspace issue. */
export function StructureScreen() {
  return <div className="muted">Structure</div>;
}
