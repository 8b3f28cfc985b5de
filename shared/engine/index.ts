import { err, ok, type Result } from '../result';
import type { Model, Scenario } from '../model/schema';
import { validateModel, type ModelIssue } from '../model/validate';
import { computeScenario, type ComputeOptions, type ModelResult, type ScenarioResult } from './compute';
import { preparedRevenueOf, type PreparedRevenue } from './revenue';
import { prepareTree, type PreparedTree } from './tree';

export * from './compute';
export { prepareTree, type PreparedTree } from './tree';
export { leverFactor, changeForFactor, combinedLeverFactor } from './levers';
export { paybackYears } from './payback';
export { prepareRevenue, preparedRevenueOf, computeRevenueGain, marginGain, type PreparedRevenue, type RevenueGain } from './revenue';

/** Validates an untrusted model and computes every scenario; errors come back as values. */
export function computeModel(input: unknown, options: ComputeOptions = {}): Result<ModelResult & { model: Model }, ModelIssue[]> {
  const validated = validateModel(input);
  if (!validated.ok) return err(validated.error);
  const model = validated.value;
  const tree = prepareTree(model.costTree);
  const revenue = preparedRevenueOf(model);
  return ok({
    model,
    tree,
    revenue,
    scenarios: model.scenarios.map((scenario) => computeScenario(tree, scenario, model.firstPlanYear, { ...options, revenue })),
  });
}

/**
 * Recomputes only what an edit touched. Models are updated immutably (an edit replaces the
 * objects on its path and keeps the rest), so an unchanged cost tree or scenario is the very
 * same object as before and its prepared tree or result is reused: a lever edit recomputes
 * one scenario over the already resolved tree.
 */
export class IncrementalEngine {
  private tree: PreparedTree | undefined;
  private treeSource: Model['costTree'] | undefined;
  private results = new WeakMap<Scenario, { tree: PreparedTree; revenue: PreparedRevenue; firstPlanYear: number; result: ScenarioResult }>();

  constructor(private readonly options: ComputeOptions = {}) {}

  /** Expects a validated model. */
  compute(model: Model): ModelResult {
    if (this.treeSource !== model.costTree || !this.tree) {
      this.tree = prepareTree(model.costTree);
      this.treeSource = model.costTree;
    }
    const tree = this.tree;
    // Prepared once per revenue list: an edit elsewhere keeps the same list object.
    const revenue = preparedRevenueOf(model);
    const scenarios = model.scenarios.map((scenario) => {
      const cached = this.results.get(scenario);
      if (cached && cached.tree === tree && cached.revenue === revenue && cached.firstPlanYear === model.firstPlanYear) return cached.result;
      const result = computeScenario(tree, scenario, model.firstPlanYear, { ...this.options, revenue });
      this.results.set(scenario, { tree, revenue, firstPlanYear: model.firstPlanYear, result });
      return result;
    });
    return { tree, revenue, scenarios };
  }
}
