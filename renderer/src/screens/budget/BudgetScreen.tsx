/** Filled in by the workspace issue. */
export function BudgetScreen() {
  return <div className="muted">Budget</div>;
}
