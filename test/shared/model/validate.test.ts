import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createExampleModel,
  formatIssue,
  LANGUAGES,
  LIMITS,
  validateModel,
  type CostNode,
  type InvestmentLine,
  type Model,
  type ModelIssue,
  type Scenario,
} from '../../../shared/model';
import { arbitraryModel } from '../../support/arbitraries';
import { quoteText } from '../../../shared/model/text';
import { applyEdit } from '../../../shared/edits/apply';

/**
 * One test per rule `validateModel` enforces, each on the built-in example (English names,
 * so paths read costTree["Contact center"]) with one thing broken. Every test checks the
 * exact path, a fragment of the message, and the line `formatIssue` renders.
 */

const WAN = 10_000;

/** A fresh copy of the English example, broken by `mutate`. */
function broken(mutate: (model: Model) => void): Model {
  const model = structuredClone(createExampleModel('en'));
  mutate(model);
  return model;
}

/** The same, for changes the types forbid (extra keys, wrong types): edits the raw object. */
function brokenRaw(mutate: (model: Record<string, unknown>) => void): unknown {
  const model = structuredClone(createExampleModel('en')) as unknown as Record<string, unknown>;
  mutate(model);
  return model;
}

function node(model: Model, id: string): CostNode {
  const found = model.costTree.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

function scenario(model: Model, id = 'target-15'): Scenario {
  const found = model.scenarios.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

function line(model: Model, id: string): InvestmentLine {
  const found = scenario(model).investments.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no investment line ${id}`);
  return found;
}

function issuesOf(input: unknown): ModelIssue[] {
  const result = validateModel(input);
  if (result.ok) throw new Error('expected the model to be rejected, but it validated');
  return result.error;
}

/**
 * Expects an issue at exactly `path` whose message holds `fragment`; with `only`, it must be
 * the only issue. Returns the rendered line.
 */
function expectIssue(input: unknown, path: string, fragment: string, options: { only?: boolean } = { only: true }): string {
  const issues = issuesOf(input);
  const rendered = issues.map(formatIssue).join('\n');
  const issue = issues.find((candidate) => candidate.path === path);
  expect(issue, `no issue at ${path}; got:\n${rendered}`).toBeDefined();
  expect(issue!.message).toContain(fragment);
  if (options.only) expect(issues, rendered).toHaveLength(1);
  const line = formatIssue(issue!);
  expect(line).toBe(path ? `${path}: ${issue!.message}` : issue!.message);
  return line;
}

const TARGET = 'scenarios["Target 15%"]';
const LABOR_LEVER = `${TARGET}.levers["Contact-center labor"]`;
const ROOT = 'costTree["After-sales service cost"]';
const CONTACT = 'costTree["Contact center"]';

describe('validateModel accepts', () => {
  it.each(LANGUAGES)('the built-in example (%s) as it is', (language) => {
    const model = createExampleModel(language);
    const result = validateModel(model);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toEqual(model);
  });

  it('the edges of each range', () => {
    const model = broken((m) => {
      m.name = 'n'.repeat(LIMITS.nameMaxLength);
      scenario(m).levers = [
        { nodeId: 'contact-center-labor', unitCostChange: -1, throughputChange: LIMITS.maxThroughputIncrease, volumeChange: LIMITS.maxCostIncrease },
        { nodeId: 'contact-center-other', unitCostChange: LIMITS.maxCostIncrease, throughputChange: LIMITS.minRate, volumeChange: -1 },
      ];
      scenario(m).horizonYears = LIMITS.maxHorizonYears;
      scenario(m).volumeGrowth = LIMITS.minRate;
      scenario(m).discountRate = LIMITS.maxRate;
      scenario(m).ramp = [0, 1];
      node(m, 'service-cost').basis = { kind: 'amount', amount: LIMITS.maxAmount };
      node(m, 'other-service').basis = { kind: 'share', share: 0 };
      node(m, 'materials-field').basis = { kind: 'share', share: 1 - 0.14 };
    });
    const result = validateModel(model);
    expect(result.ok ? [] : result.error.map(formatIssue)).toEqual([]);
  });

  it('shares adding up to 100% with float noise (0.1 + 0.2 + 0.7)', () => {
    const model = broken((m) => {
      node(m, 'materials-field').basis = { kind: 'share', share: 0.1 };
      node(m, 'contact-center').basis = { kind: 'share', share: 0.2 };
      node(m, 'other-service').basis = { kind: 'share', share: 0.7 };
    });
    expect(validateModel(model).ok).toBe(true);
  });
});

describe('validateModel rejects', () => {
  describe('non-finite numbers (possible in an object, not in JSON)', () => {
    it.each([
      ['NaN share', (m: Model) => (node(m, 'contact-center').basis = { kind: 'share', share: Number.NaN }), `${CONTACT}.basis.share`, 'got NaN'],
      ['Infinity amount', (m: Model) => (node(m, 'service-cost').basis = { kind: 'amount', amount: Infinity }), `${ROOT}.basis.amount`, 'got Infinity'],
      ['-Infinity lever', (m: Model) => (scenario(m).levers[0]!.unitCostChange = -Infinity), `${LABOR_LEVER}.unitCostChange`, 'got -Infinity'],
      ['NaN growth', (m: Model) => (scenario(m).volumeGrowth = Number.NaN), `${TARGET}.volumeGrowth`, 'got NaN'],
      ['NaN horizon', (m: Model) => (scenario(m).horizonYears = Number.NaN), `${TARGET}.horizonYears`, 'got NaN'],
      [
        'Infinity investment',
        (m: Model) => (line(m, 'digital-tools').amount = { kind: 'perYear', amount: Infinity }),
        `${TARGET}.investments["Digital tools"].amount.amount`,
        'got Infinity',
      ],
      ['NaN plan year', (m: Model) => (m.firstPlanYear = Number.NaN), 'firstPlanYear', 'got NaN'],
    ] as const)('%s', (_, mutate, path, fragment) => {
      const rendered = expectIssue(broken(mutate), path, 'must be a finite number');
      expect(rendered).toContain(fragment);
    });
  });

  describe('negative amounts', () => {
    it('on a node', () => {
      const rendered = expectIssue(
        broken((m) => (node(m, 'service-cost').basis = { kind: 'amount', amount: -1 })),
        `${ROOT}.basis.amount`,
        'must not be negative',
      );
      expect(rendered).toBe(`${ROOT}.basis.amount: must not be negative, got -1 yuan`);
    });

    it('on an investment line, per year and year by year', () => {
      expectIssue(
        broken((m) => (line(m, 'manager-bonus').amount = { kind: 'perYear', amount: -5 })),
        `${TARGET}.investments["Manager bonus"].amount.amount`,
        'must not be negative, got -5',
      );
      expectIssue(
        broken((m) => (line(m, 'manager-bonus').amount = { kind: 'yearly', amounts: [1, -1] })),
        `${TARGET}.investments["Manager bonus"].amount.amounts[1]`,
        'must not be negative, got -1',
      );
    });

    it('above the largest amount', () => {
      expectIssue(
        broken((m) => (node(m, 'service-cost').basis = { kind: 'amount', amount: 1e16 })),
        `${ROOT}.basis.amount`,
        'must be at most 1,000,000,000,000,000 yuan, got 10,000,000,000,000,000 yuan',
      );
    });
  });

  describe('shares outside 0..100%', () => {
    it.each([
      [1.2, 'got 120%'],
      [-0.1, 'got -10%'],
    ])('share %s', (share, fragment) => {
      const rendered = expectIssue(
        broken((m) => (node(m, 'contact-center').basis = { kind: 'share', share })),
        `${CONTACT}.basis.share`,
        fragment,
        {
          // 1.2 also makes the root's children add up to more than 100%, but the structural
          // check runs first and stops there.
          only: true,
        },
      );
      expect(rendered).toContain('must be at least 0% and at most 100%');
    });

    it('share of saving of an investment line', () => {
      expectIssue(
        broken((m) => (line(m, 'manager-bonus').amount = { kind: 'shareOfSaving', share: 1.5 })),
        `${TARGET}.investments["Manager bonus"].amount.share`,
        'got 150%',
      );
    });

    it('ramp', () => {
      expectIssue(
        broken((m) => (scenario(m).ramp = [0.5, 1.1])),
        `${TARGET}.ramp[1]`,
        'got 110%',
      );
    });
  });

  describe('children claiming more than their parent', () => {
    it('sibling shares over 100% (the contact center split 87% + 25%)', () => {
      const rendered = expectIssue(
        broken((m) => {
          node(m, 'contact-center-labor').basis = { kind: 'share', share: 0.87 };
          node(m, 'contact-center-other').basis = { kind: 'share', share: 0.25 };
        }),
        `${CONTACT}.children`,
        'the shares under "Contact center" add up to 112%',
      );
      expect(rendered).toBe('costTree["Contact center"].children: the shares under "Contact center" add up to 112% (max 100%)');
    });

    it('an amount child that does not fit beside its share siblings', () => {
      // 900万 of a 996.24万 contact center, beside a 13% sibling: 90.34% + 13% = 103.34%.
      expectIssue(
        broken((m) => (node(m, 'contact-center-labor').basis = { kind: 'amount', amount: 900 * WAN })),
        `${CONTACT}.children`,
        'the shares and amounts under "Contact center" add up to 103.34% of it (max 100%)',
      );
    });

    it('an amount child under a parent whose amount is 0', () => {
      expectIssue(
        broken((m) => {
          node(m, 'service-cost').basis = { kind: 'amount', amount: 0 };
          node(m, 'materials-field').basis = { kind: 'amount', amount: 1 };
        }),
        `${ROOT}.children`,
        'its amount is 0',
      );
    });
  });

  describe('lever ranges', () => {
    it('throughput change at -100% (per-capita volume falls to zero)', () => {
      const rendered = expectIssue(
        broken((m) => (scenario(m).levers[0]!.throughputChange = -1)),
        `${LABOR_LEVER}.throughputChange`,
        'must be at least -99%',
      );
      expect(rendered).toContain('per-capita volume cannot fall to zero');
      expect(rendered).toContain('got -100%');
    });

    it('throughput change below -100%', () => {
      expectIssue(
        broken((m) => (scenario(m).levers[0]!.throughputChange = -1.5)),
        `${LABOR_LEVER}.throughputChange`,
        'got -150%',
      );
    });

    it('unit cost change below -100% (a negative cost)', () => {
      const rendered = expectIssue(
        broken((m) => (scenario(m).levers[0]!.unitCostChange = -1.01)),
        `${LABOR_LEVER}.unitCostChange`,
        'must be at least -100%',
      );
      expect(rendered).toContain('a unit cost cannot fall below zero');
      expect(rendered).toContain('got -101%');
    });

    it('volume change below -100%', () => {
      const rendered = expectIssue(
        broken((m) => (scenario(m).levers[0]!.volumeChange = -1.5)),
        `${LABOR_LEVER}.volumeChange`,
        'a volume cannot fall below zero',
      );
      expect(rendered).toContain('got -150%');
    });

    it('a cost increase above +1000%', () => {
      expectIssue(
        broken((m) => (scenario(m).levers[0]!.unitCostChange = 10.5)),
        `${LABOR_LEVER}.unitCostChange`,
        'at most 1,000%',
      );
    });
  });

  describe('scenario settings', () => {
    it.each([
      ['volumeGrowth', -1],
      ['volumeGrowth', -1.5],
      ['discountRate', -1],
      ['discountRate', -2],
    ] as const)('%s at %s', (field, value) => {
      const rendered = expectIssue(
        broken((m) => {
          scenario(m)[field] = value;
        }),
        `${TARGET}.${field}`,
        'must be at least -99%',
      );
      expect(rendered).toContain(`got ${value * 100}%`);
    });

    it.each([0, 31, 2.5])('horizon of %s years', (horizonYears) => {
      const rendered = expectIssue(
        broken((m) => (scenario(m).horizonYears = horizonYears)),
        `${TARGET}.horizonYears`,
        'must be a whole number of years from 1 to 30',
      );
      expect(rendered).toContain(`got ${horizonYears}`);
    });
  });

  describe('names', () => {
    it.each([
      ['the model', (m: Model, name: string) => (m.name = name), 'name'],
      // A blank name cannot label its item, so the path falls back to the index.
      ['a node', (m: Model, name: string) => (node(m, 'materials-field').name = name), 'costTree[1].name'],
      ['a scenario', (m: Model, name: string) => (scenario(m).name = name), 'scenarios[0].name'],
      ['an investment line', (m: Model, name: string) => (line(m, 'digital-tools').name = name), `${TARGET}.investments[1].name`],
    ] as const)('empty or blank name of %s', (_, rename, path) => {
      expectIssue(
        broken((m) => rename(m, '')),
        path,
        'must not be empty',
      );
      expectIssue(
        broken((m) => rename(m, ' \t ')),
        path,
        'must not be empty',
      );
    });

    it('over-long names (121 characters)', () => {
      const long = 'x'.repeat(LIMITS.nameMaxLength + 1);
      expectIssue(
        broken((m) => (m.name = long)),
        'name',
        'a name has at most 120 characters, this one 121',
      );
      expectIssue(
        broken((m) => (node(m, 'materials-field').name = long)),
        `costTree[${quoteText(long)}].name`,
        'a name has at most 120 characters, this one 121',
      );
      expectIssue(
        broken((m) => (scenario(m, 'digital-tools-20').name = long)),
        `scenarios[${quoteText(long)}].name`,
        'a name has at most 120 characters, this one 121',
      );
    });

    it('duplicate scenario names, compared trimmed and case-insensitively', () => {
      expectIssue(
        broken((m) => (scenario(m, 'digital-tools-20').name = 'Target 15%')),
        `${TARGET}.name`,
        'there is already a scenario named "Target 15%"',
      );
      expectIssue(
        broken((m) => (scenario(m, 'digital-tools-20').name = ' target 15% ')),
        'scenarios[" target 15% "].name',
        'there is already a scenario named "target 15%"',
      );
    });

    it('two children of one parent with the same (trimmed) name', () => {
      expectIssue(
        broken((m) => (node(m, 'other-service').name = 'Contact center ')),
        `${ROOT}.children`,
        '"After-sales service cost" already has a line named "Contact center"',
      );
    });
  });

  describe('the shape of the tree', () => {
    it('a cycle: two nodes pointing at each other, beside the root', () => {
      const model = broken((m) => {
        node(m, 'materials-field').parentId = 'other-service';
        node(m, 'other-service').parentId = 'materials-field';
      });
      const issues = issuesOf(model);
      expect(issues.map(formatIssue)).toEqual([
        'costTree["Materials and field service"].parentId: is part of a cycle: the node never reaches the root',
        'costTree["Other service cost"].parentId: is part of a cycle: the node never reaches the root',
      ]);
    });

    it('a node that is its own parent', () => {
      expectIssue(
        broken((m) => (node(m, 'materials-field').parentId = 'materials-field')),
        'costTree["Materials and field service"].parentId',
        'a node cannot be its own parent',
      );
    });

    it('an orphan (parentId not found)', () => {
      expectIssue(
        broken((m) => (node(m, 'materials-field').parentId = 'nowhere')),
        'costTree["Materials and field service"].parentId',
        'refers to no node (orphan: "nowhere")',
      );
    });

    it('duplicate node ids', () => {
      expectIssue(
        broken((m) => (node(m, 'other-service').id = 'materials-field')),
        'costTree["Other service cost"].id',
        'duplicate node id "materials-field"',
      );
    });

    it('two roots', () => {
      const rendered = expectIssue(
        broken((m) => {
          const other = node(m, 'other-service');
          other.parentId = null;
          other.basis = { kind: 'amount', amount: 5 };
        }),
        'costTree',
        'has 2 root nodes',
      );
      expect(rendered).toBe('costTree: has 2 root nodes ("After-sales service cost", "Other service cost"); exactly one is allowed');
    });

    it('no root', () => {
      expectIssue(
        broken((m) => (node(m, 'service-cost').parentId = 'other-service')),
        'costTree',
        'has no root node',
      );
    });

    it('an empty tree', () => {
      expectIssue(
        broken((m) => (m.costTree = [])),
        'costTree',
        'must hold at least the root node',
      );
    });

    it('a root with a share basis', () => {
      expectIssue(
        broken((m) => (node(m, 'service-cost').basis = { kind: 'share', share: 0.5 })),
        `${ROOT}.basis`,
        'the root must have an amount, not a share of a parent',
      );
    });

    it('an id with characters outside letters, digits and _ . : -', () => {
      expectIssue(
        broken((m) => (node(m, 'materials-field').id = 'a b')),
        'costTree["Materials and field service"].id',
        'may only hold letters, digits and _ . : -',
      );
    });
  });

  describe('references and duplicates inside scenarios', () => {
    it('a lever on an unknown node', () => {
      expectIssue(
        broken((m) => (scenario(m).levers[0]!.nodeId = 'ghost')),
        `${TARGET}.levers["ghost"].nodeId`,
        'refers to no cost node ("ghost")',
      );
    });

    it('two lever entries for one node', () => {
      expectIssue(
        broken((m) => scenario(m).levers.push({ nodeId: 'contact-center-labor', volumeChange: 0.1 })),
        LABOR_LEVER,
        'the node has two lever entries',
      );
    });

    it('duplicate scenario ids', () => {
      expectIssue(
        broken((m) => (scenario(m, 'digital-tools-20').id = 'target-15')),
        'scenarios["Digital tools 20%"].id',
        'duplicate scenario id "target-15"',
      );
    });

    it('duplicate investment line ids', () => {
      expectIssue(
        broken((m) => (line(m, 'digital-tools').id = 'manager-bonus')),
        `${TARGET}.investments["Digital tools"].id`,
        'duplicate investment line id "manager-bonus"',
      );
    });
  });

  describe('unknown fields (every object is strict)', () => {
    type RawEdit = (model: Record<string, unknown>) => void;
    const cases: [string, RawEdit, string][] = [
      ['the model', (m) => void (m['colour'] = 'red'), ''],
      ['a node', (m) => void (rawAt(m, 'costTree', 0)['colour'] = 'red'), ROOT],
      ['a basis', (m) => void (rawAt(rawAt(m, 'costTree', 1), 'basis')['colour'] = 'red'), 'costTree["Materials and field service"].basis'],
      ['a scenario', (m) => void (rawAt(m, 'scenarios', 0)['colour'] = 'red'), TARGET],
      ['a lever', (m) => void (rawAt(rawAt(m, 'scenarios', 0), 'levers', 0)['colour'] = 'red'), LABOR_LEVER],
      ['an investment line', (m) => void (rawAt(rawAt(m, 'scenarios', 0), 'investments', 0)['colour'] = 'red'), `${TARGET}.investments["Manager bonus"]`],
    ];
    it.each(cases)('on %s', (_, mutate, path) => {
      const rendered = expectIssue(brokenRaw(mutate), path, 'Unrecognized key');
      expect(rendered).toContain('"colour"');
    });
  });

  describe('the header', () => {
    it('a schemaVersion from the future names the newer version', () => {
      const rendered = expectIssue(
        brokenRaw((m) => (m['schemaVersion'] = 3)),
        'schemaVersion',
        'written by a newer version of the app',
      );
      expect(rendered).toBe('schemaVersion: is 3, written by a newer version of the app (this one reads 2)');
    });

    it('an older or malformed schemaVersion', () => {
      expectIssue(
        brokenRaw((m) => (m['schemaVersion'] = 0)),
        'schemaVersion',
        'must be 1 or 2, got 0',
      );
      expectIssue(
        brokenRaw((m) => (m['schemaVersion'] = '1')),
        'schemaVersion',
        'must be 1 or 2, got "1"',
      );
    });

    it('another format', () => {
      expectIssue(
        brokenRaw((m) => (m['format'] = 'something-else')),
        'format',
        'must be "service-cost-planner/model"',
      );
    });

    it('a currency that is not a three-letter code', () => {
      expectIssue(
        brokenRaw((m) => (m['currency'] = 'cny')),
        'currency',
        'three-letter ISO 4217 code',
      );
    });

    it('a wrong type where a number belongs', () => {
      expectIssue(
        brokenRaw((m) => (rawAt(rawAt(m, 'costTree', 0), 'basis')['amount'] = '7116')),
        `${ROOT}.basis.amount`,
        'must be a number, got "7116"',
      );
    });

    it('something that is not a model at all', () => {
      for (const input of [null, undefined, 42, 'model', []]) expect(issuesOf(input).length).toBeGreaterThan(0);
    });
  });
});

describe('validateModel never throws', () => {
  it('on any value', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(validateModel(input).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('on a valid model with one field anywhere replaced by any value', () => {
    fc.assert(
      fc.property(arbitraryModel({ maxNodes: 8 }), fc.nat(), fc.anything(), (model, pick, replacement) => {
        const copy = structuredClone(model) as unknown;
        const slots = objectSlots(copy);
        const slot = slots[pick % slots.length]!;
        slot.holder[slot.key] = replacement;
        const result = validateModel(copy);
        if (!result.ok) for (const issue of result.error) expect(typeof formatIssue(issue)).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});

/** The object at `key` (and, for arrays, at `index`) of a raw model. */
function rawAt(holder: Record<string, unknown>, key: string, index?: number): Record<string, unknown> {
  const value = holder[key];
  const item = index === undefined ? value : Array.isArray(value) ? (value[index] as unknown) : undefined;
  if (typeof item !== 'object' || item === null) throw new Error(`no object at ${key}${index === undefined ? '' : `[${index}]`}`);
  return item as Record<string, unknown>;
}

/** Every (object or array, key) pair inside a value: the places one could put another value. */
function objectSlots(value: unknown): { holder: Record<string | number, unknown>; key: string | number }[] {
  const slots: { holder: Record<string | number, unknown>; key: string | number }[] = [];
  const walk = (item: unknown): void => {
    if (typeof item !== 'object' || item === null) return;
    const holder = item as Record<string | number, unknown>;
    for (const key of Array.isArray(item) ? item.keys() : Object.keys(item)) {
      slots.push({ holder, key });
      walk(holder[key]);
    }
  };
  walk(value);
  return slots;
}

describe('clean text in names and notes', () => {
  const base = () => createExampleModel('en');
  const cases: [string, string][] = [
    ['a lone surrogate', '\ud800'.repeat(100)],
    ['ESC and BEL (a terminal title and a screen clear)', '\u001b]0;pwned\u0007\u001b[2J'],
    ['NUL', 'a\u0000b'],
    ['a C1 control', 'a\u0085b'],
    ['a right-to-left override', 'invoice\u202egpj.exe'],
    ['a direction isolate', 'a\u2066b'],
    ['a line break', 'two\nlines'],
    ['a tab', 'tab\there'],
  ];
  it.each(cases)('refuses %s in a name, naming the field', (_, bad) => {
    const model = base();
    model.scenarios[0]!.name = bad;
    const result = validateModel(model);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error[0]!.path).toMatch(/^scenarios\[.*\]\.name$/u);
    expect(result.error[0]!.message).toMatch(/must not hold/u);
    expect(formatIssue(result.error[0]!)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
  });

  it('keeps line breaks and tabs in notes, refuses the rest there too', () => {
    const model = base();
    model.costTree[1]!.notes = 'line one\n\tline two\r\nline three';
    expect(validateModel(model).ok).toBe(true);
    model.costTree[1]!.notes = 'a\u001b[31mred';
    const result = validateModel(model);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatIssue(result.error[0]!)).toMatch(/^costTree\[.*\]\.notes: must not hold the control character U\+001B/u);
  });

  it('quotes at most 80 characters of a value in a message', () => {
    const model = base();
    model.costTree[1]!.name = '名'.repeat(1_000_000);
    const result = validateModel(model);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatIssue(result.error[0]!).length).toBeLessThan(200);
  });
});

describe('clean text in edits', () => {
  it.each([
    ['lone surrogates', '\ud800'.repeat(100), /half of a character/u],
    ['a terminal escape', '\u001b]0;pwned\u0007', /control character U\+001B/u],
    ['a direction override', 'x\u202ey', /text-direction control U\+202E/u],
  ])('renameNode and renameScenario refuse %s, naming the field', (_, name, words) => {
    const model = createExampleModel('en');
    for (const command of [
      { type: 'renameNode', nodeId: model.costTree[1]!.id, name },
      { type: 'renameScenario', scenarioId: model.scenarios[0]!.id, name },
    ] as const) {
      const result = applyEdit(model, command);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error[0]!.path).toBe('command.name');
        expect(result.error[0]!.message).toMatch(words);
      }
    }
  });
});
