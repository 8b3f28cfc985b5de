import type { ScenarioResult } from '../engine/compute';
import { rampForYear } from '../engine/compute';
import type { LeverKind, Scenario } from '../model/schema';

/**
 * The bridge (waterfall) of a scenario's horizon saving: one step per lever, one for volume
 * growth, adding up to the total.
 *
 * Method. The year-1 saving B is split among the levers by their Shapley values c_j (the
 * engine's `contributions`: the average, over every order in which the levers could be
 * switched on, of the saving each adds; exact for the product form of the cost factors,
 * see engine/attribution.ts). They add up to B and do not depend on the order the levers
 * are listed in. Over the horizon, without volume growth, the saving would be B x R with
 * R = sum of the yearly ramps; so a lever's step is c_j x R: what it saves over the horizon
 * at today's volume. The growth step is the rest, horizon saving - sum of the lever steps,
 * which is B x sum_y ((1 + g)^(y - 1) - 1) x ramp_y: the extra saving that the growing
 * volume brings (negative when volume shrinks). The steps add up to the horizon saving by
 * construction (to float rounding), and none depends on the order of the levers.
 */
export type BridgeStep =
  | {
      kind: 'lever';
      nodeId: string;
      lever: LeverKind;
      change: number;
      /** The lever's Shapley value of the year-1 saving. */
      yearOneSaving: number;
      /** Its step: yearOneSaving x the sum of the ramps. */
      saving: number;
    }
  | { kind: 'growth'; yearOneSaving: 0; saving: number };

export interface Bridge {
  scenarioId: string;
  /** Year-1 saving at full target (the engine's baseSaving). */
  yearOneSaving: number;
  /** Sum of the yearly ramps over the horizon (the horizon in years when there is no ramp). */
  rampYears: number;
  /** Horizon saving: what the steps add up to. */
  saving: number;
  steps: BridgeStep[];
}

/** Expects the scenario's result with its contributions (the default of computeScenario). */
export function bridge(scenario: Scenario, result: ScenarioResult): Bridge {
  let rampYears = 0;
  for (let year = 1; year <= scenario.horizonYears; year++) rampYears += rampForYear(scenario, year);
  const steps: BridgeStep[] = result.contributions.map((contribution) => ({
    kind: 'lever',
    nodeId: contribution.nodeId,
    lever: contribution.kind,
    change: contribution.change,
    yearOneSaving: contribution.saving,
    saving: contribution.saving * rampYears,
  }));
  let leverTotal = 0;
  for (const step of steps) leverTotal += step.saving;
  steps.push({ kind: 'growth', yearOneSaving: 0, saving: result.totals.saving - leverTotal });
  return { scenarioId: scenario.id, yearOneSaving: result.baseSaving, rampYears, saving: result.totals.saving, steps };
}
