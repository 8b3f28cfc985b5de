import fc from 'fast-check';
import type { EditCommand } from '../../shared/edits';
import { LEVER_KINDS, type Model } from '../../shared/model';

/**
 * Random edit commands that fit the model they are applied to: the generated numbers pick
 * among the nodes, scenarios and lines that exist when the command runs. Some are invalid on
 * purpose (shares over 100%, throughput -150%, empty names, moves under a descendant).
 */
export interface IdSource {
  next(prefix: string): string;
}

export type CommandMaker = (model: Model, ids: IdSource) => EditCommand | undefined;

export function counterIds(): IdSource {
  let counter = 0;
  return { next: (prefix) => `${prefix}${++counter}` };
}

export function pick<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

export const commandMakers: fc.Arbitrary<{ label: string; make: CommandMaker }>[] = [
  fc
    .record({
      node: fc.nat(),
      scenario: fc.nat(),
      kind: fc.constantFrom(...LEVER_KINDS),
      value: fc.oneof(fc.double({ min: -0.6, max: 0.6, noNaN: true }), fc.constant(null), fc.constant(-1.5)),
    })
    .map((a) => ({
      label: `setLever(${a.kind}=${a.value})`,
      make: (model: Model) => {
        const node = pick(model.costTree, a.node);
        const scenario = pick(model.scenarios, a.scenario);
        return node && scenario ? { type: 'setLever', scenarioId: scenario.id, nodeId: node.id, kind: a.kind, value: a.value } : undefined;
      },
    })),
  fc.record({ node: fc.nat(), share: fc.double({ min: 0, max: 1.2, noNaN: true }) }).map((a) => ({
    label: `setBasis(share=${a.share})`,
    make: (model: Model) => {
      const node = pick(model.costTree, a.node);
      return node
        ? { type: 'setBasis', nodeId: node.id, basis: node.parentId === null ? { kind: 'amount', amount: a.share * 1e8 } : { kind: 'share', share: a.share } }
        : undefined;
    },
  })),
  fc.record({ parent: fc.nat(), share: fc.double({ min: 0, max: 0.5, noNaN: true }), name: fc.string({ minLength: 1, maxLength: 12 }) }).map((a) => ({
    label: `addNode(${JSON.stringify(a.name)})`,
    make: (model: Model, ids: IdSource) => {
      const parent = pick(model.costTree, a.parent);
      return parent
        ? { type: 'addNode', node: { id: ids.next('n'), parentId: parent.id, name: a.name, basis: { kind: 'share', share: a.share }, relevance: 'weak' } }
        : undefined;
    },
  })),
  fc.record({ node: fc.nat(), name: fc.string({ minLength: 0, maxLength: 12 }) }).map((a) => ({
    label: `renameNode(${JSON.stringify(a.name)})`,
    make: (model: Model) => {
      const node = pick(model.costTree, a.node);
      return node ? { type: 'renameNode', nodeId: node.id, name: a.name } : undefined;
    },
  })),
  fc.record({ node: fc.nat(), parent: fc.nat() }).map((a) => ({
    label: 'moveNode',
    make: (model: Model) => {
      const node = pick(model.costTree, a.node);
      const parent = pick(model.costTree, a.parent);
      return node && parent ? { type: 'moveNode', nodeId: node.id, parentId: parent.id } : undefined;
    },
  })),
  fc.nat().map((n) => ({
    label: 'deleteNode',
    make: (model: Model) => {
      const node = pick(model.costTree, n);
      return node ? { type: 'deleteNode', nodeId: node.id } : undefined;
    },
  })),
  fc.record({ scenario: fc.nat(), name: fc.string({ minLength: 1, maxLength: 10 }) }).map((a) => ({
    label: 'cloneScenario',
    make: (model: Model, ids: IdSource) => {
      const scenario = pick(model.scenarios, a.scenario);
      return scenario ? { type: 'cloneScenario', scenarioId: scenario.id, newId: ids.next('s'), name: a.name } : undefined;
    },
  })),
  fc.nat().map((n) => ({
    label: 'deleteScenario',
    make: (model: Model) => {
      const scenario = pick(model.scenarios, n);
      return scenario ? { type: 'deleteScenario', scenarioId: scenario.id } : undefined;
    },
  })),
  fc
    .record({
      scenario: fc.nat(),
      horizon: fc.integer({ min: 0, max: 31 }),
      growth: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      ramp: fc.option(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }), { nil: null }),
    })
    .map((a) => ({
      label: `setScenarioParameters(h=${a.horizon})`,
      make: (model: Model) => {
        const scenario = pick(model.scenarios, a.scenario);
        return scenario ? { type: 'setScenarioParameters', scenarioId: scenario.id, horizonYears: a.horizon, volumeGrowth: a.growth, ramp: a.ramp } : undefined;
      },
    })),
  fc
    .record({ scenario: fc.nat(), amount: fc.double({ min: 0, max: 1e6, noNaN: true }), timing: fc.constantFrom('upfront' as const, 'spread' as const) })
    .map((a) => ({
      label: 'addInvestment',
      make: (model: Model, ids: IdSource) => {
        const scenario = pick(model.scenarios, a.scenario);
        return scenario
          ? {
              type: 'addInvestment',
              scenarioId: scenario.id,
              line: { id: ids.next('i'), name: 'Line', category: 'training', amount: { kind: 'perYear', amount: a.amount }, timing: a.timing },
            }
          : undefined;
      },
    })),
  fc.record({ scenario: fc.nat(), line: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }).map((a) => ({
    label: 'changeInvestment',
    make: (model: Model) => {
      const scenario = pick(model.scenarios, a.scenario);
      const line = scenario && pick(scenario.investments, a.line);
      return scenario && line
        ? { type: 'changeInvestment', scenarioId: scenario.id, lineId: line.id, amount: { kind: 'shareOfSaving', share: a.share } }
        : undefined;
    },
  })),
  fc
    .record({ name: fc.string({ minLength: 1, maxLength: 10 }), unit: fc.constantFrom('yuan' as const, 'tenThousand' as const, 'hundredMillion' as const) })
    .map((a) => ({
      label: 'setModelSettings',
      make: () => ({ type: 'setModelSettings', name: a.name, displayUnit: a.unit }),
    })),
];
