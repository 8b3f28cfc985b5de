import { describe, expect, it } from 'vitest';
import { createExampleModel, createTemplateModel, formatIssue, validateModel, type CostNode, type Model, type ModelIssue } from '../../../shared/model';
import { renderProblem, type MessageView } from '../../../shared/messages/render';
import type { ProblemCode } from '../../../shared/messages/problems';
import { LIMITS } from '../../../shared/model/schema';
import { englishWords } from '../../support/chinese';

/**
 * Every rule `validateModel` enforces, refused in Chinese: the text names the thing the way the
 * screens name it, amounts are in the display unit (万元 here), and no English word is left
 * (test/support/chinese.ts; what the planner or the file wrote is quoted and not counted).
 */

const ZH: MessageView = { language: 'zh', unit: 'tenThousand' };
const WAN = 10_000;

function example(): Model {
  return structuredClone(createExampleModel('zh'));
}

function revenue(): Model {
  return structuredClone(createTemplateModel('service-revenue', 'zh'));
}

function node(model: Model, id: string): CostNode {
  return model.costTree.find((candidate) => candidate.id === id)!;
}

/** Writes a value the types forbid (a file can hold anything). */
function set(target: object, key: string, value: unknown): void {
  (target as Record<string, unknown>)[key] = value;
}

function firstIssue(model: unknown): ModelIssue {
  const validated = validateModel(model);
  if (validated.ok) throw new Error('expected the model to be refused');
  return validated.error[0]!;
}

/** The first issue of a broken model in Chinese, checked for English words. */
function chinese(model: unknown, code: ProblemCode): string {
  const issue = firstIssue(model);
  const inner = issue.problem.code === 'field-invalid' ? issue.problem.params.problem : issue.problem;
  expect(inner.code, formatIssue(issue)).toBe(code);
  const text = renderProblem(issue.problem, ZH);
  expect(englishWords(text), text).toEqual([]);
  expect(text).toMatch(/[\u4e00-\u9fff]/u);
  return text;
}

function broken(start: () => Model, change: (model: Model) => void): Model {
  const model = start();
  change(model);
  return model;
}

describe('the rules of the cost tree in Chinese', () => {
  it.each<[string, (model: Model) => void, ProblemCode, string]>([
    [
      'a negative amount, in the display unit',
      (m) => (node(m, 'service-cost').basis = { kind: 'amount', amount: -100 * WAN }),
      'amount-negative',
      '成本项“售后服务成本”的金额：金额不能为负数，输入的是 -100 万元',
    ],
    [
      'an amount past the largest',
      (m) => (node(m, 'service-cost').basis = { kind: 'amount', amount: 2e15 }),
      'amount-too-large',
      '最多为 100,000,000,000 万元',
    ],
    ['a share above 100%', (m) => (node(m, 'contact-center').basis = { kind: 'share', share: 1.2 }), 'ratio-out-of-range', '输入的是 120%'],
    ['an empty name', (m) => (node(m, 'contact-center').name = '  '), 'name-empty', '名称不能为空'],
    ['a name too long', (m) => (node(m, 'contact-center').name = '名'.repeat(LIMITS.nameMaxLength + 1)), 'name-too-long', '现有 121 个'],
    [
      'notes too long',
      (m) => (node(m, 'contact-center').notes = '注'.repeat(LIMITS.notesMaxLength + 1)),
      'text-too-long',
      '成本项“呼叫中心”的备注：最多 4000 个字',
    ],
    [
      'a control character in a name',
      (m) => (node(m, 'contact-center').name = '呼叫\u001b中心'),
      'text-unclean',
      '不能含控制字符 U+001B（第 3 个字符）；此项只能是一行文字',
    ],
    ['a line break in a name', (m) => (node(m, 'contact-center').name = '呼叫\n中心'), 'text-unclean', '不能含控制字符 U+000A'],
    ['a control character in notes', (m) => (node(m, 'contact-center').notes = '注\u0007'), 'text-unclean', '不能含控制字符 U+0007（第 2 个字符）'],
    ['half a character', (m) => (node(m, 'contact-center').name = '呼\ud800叫'), 'text-unclean', '含有半个字符'],
    ['a direction override', (m) => (node(m, 'contact-center').name = '发票\u202egpj.exe'), 'text-unclean', '不能含文字方向控制符 U+202E'],
    ['two nodes with one id', (m) => (node(m, 'other-service').id = 'contact-center'), 'duplicate-node-id', '成本项编号“contact-center”重复'],
    ['no root', (m) => (node(m, 'service-cost').parentId = 'other-service'), 'no-root', '成本结构没有根节点'],
    [
      'two roots',
      (m) => {
        node(m, 'other-service').parentId = null;
        node(m, 'other-service').basis = { kind: 'amount', amount: 5 };
      },
      'several-roots',
      '成本结构有 2 个根节点',
    ],
    ['an orphan', (m) => (node(m, 'contact-center').parentId = 'nowhere'), 'orphan-line', '上级“nowhere”不存在'],
    ['its own parent', (m) => (node(m, 'contact-center').parentId = 'contact-center'), 'own-parent', '成本项不能是自己的上级'],
    [
      'a cycle',
      (m) => {
        node(m, 'contact-center').parentId = 'contact-center-labor';
        node(m, 'contact-center-labor').parentId = 'contact-center';
      },
      'parent-cycle',
      '上级关系形成了循环',
    ],
    ['a root entered as a share', (m) => (node(m, 'service-cost').basis = { kind: 'share', share: 0.5 }), 'root-needs-amount', '根节点须填金额'],
    [
      'two children with one name',
      (m) => (node(m, 'other-service').name = node(m, 'contact-center').name),
      'duplicate-sibling-name',
      '已有名为“呼叫中心”的成本项',
    ],
    ['shares over 100%', (m) => (node(m, 'contact-center-labor').basis = { kind: 'share', share: 0.9 }), 'shares-over-parent', '“呼叫中心”下各项占比合计'],
    [
      'an amount child beside share siblings',
      (m) => (node(m, 'contact-center-labor').basis = { kind: 'amount', amount: 9_000 * WAN }),
      'children-over-parent',
      '“呼叫中心”下各项占比与金额合计为上级的',
    ],
  ])('%s', (_, change, code, fragment) => {
    expect(chinese(broken(example, change), code)).toContain(fragment);
  });

  it('a line more than 30 levels below the root', () => {
    const model = example();
    const tree = model.costTree;
    let parent = 'other-service';
    for (let level = 0; level < LIMITS.maxDepth; level++) {
      tree.push({ id: `deep-${level}`, parentId: parent, name: `层 ${level}`, basis: { kind: 'share', share: 1 }, relevance: 'weak' });
      parent = `deep-${level}`;
    }
    expect(chinese(model, 'too-deep')).toContain('位于根节点下第 31 层（最多 30 层）');
  });
});

describe('the rules of scenarios in Chinese', () => {
  const scenario = (m: Model, index = 0) => m.scenarios[index]!;
  it.each<[string, (model: Model) => void, ProblemCode, string]>([
    ['a lever on a line that is gone', (m) => (scenario(m).levers[0]!.nodeId = 'ghost'), 'lever-line-missing', '对应的成本项“ghost”不存在'],
    [
      'two levers on one line',
      (m) => scenario(m).levers.push({ nodeId: 'contact-center-labor', volumeChange: 0.1 }),
      'lever-twice',
      '同一成本项有两条改善目标',
    ],
    ['two investment lines with one id', (m) => (scenario(m).investments[1]!.id = scenario(m).investments[0]!.id), 'duplicate-investment-id', '投入项编号'],
    ['two scenarios with one id', (m) => (scenario(m, 1).id = scenario(m).id), 'duplicate-scenario-id', '情景编号'],
    ['two scenarios with one name', (m) => (scenario(m, 1).name = ` ${scenario(m).name} `), 'duplicate-scenario-name', '已有名为'],
    ['a lever below -100%', (m) => (scenario(m).levers[0]!.unitCostChange = -1.5), 'ratio-out-of-range', '单价不能降到零以下'],
    ['a horizon of 31 years', (m) => (scenario(m).horizonYears = 31), 'horizon-invalid', '测算期须为 1 到 30 的整年数'],
    ['a first plan year of 1800', (m) => (m.firstPlanYear = 1800), 'year-invalid', '1900 到 2200'],
    [
      'a range out of order',
      (m) => (scenario(m).uncertainty = [{ input: 'growth', low: 0.3, mostLikely: 0.2, high: 0.1, distribution: 'pert' }]),
      'range-order',
      '最低、最可能、最高须依次不减',
    ],
    [
      'two ranges on one input',
      (m) =>
        (scenario(m).uncertainty = [
          { input: 'growth', low: 0.01, mostLikely: 0.02, high: 0.03, distribution: 'pert' },
          { input: 'growth', low: 0.01, mostLikely: 0.02, high: 0.03, distribution: 'pert' },
        ]),
      'range-twice',
      '',
    ],
  ])('%s', (_, change, code, fragment) => {
    expect(chinese(broken(example, change), code)).toContain(fragment);
  });
});

describe('the rules of revenue lines, revenue levers and one-off items in Chinese', () => {
  const lines = (m: Model) => m.revenueLines!;
  const scenario = (m: Model) => m.scenarios[0]!;
  it.each<[string, (model: Model) => void, ProblemCode, string]>([
    ['a top-level line entered as a share', (m) => (lines(m)[0]!.basis = { kind: 'share', share: 0.5 }), 'revenue-top-needs-amount', '顶层收入线须填金额'],
    ['two top-level lines with one name', (m) => (lines(m)[1]!.name = lines(m)[0]!.name), 'duplicate-top-revenue-name', '有两条顶层收入线都叫'],
    [
      'a revenue lever on a line that is gone',
      (m) => (scenario(m).revenueLevers![0]!.lineId = 'ghost'),
      'revenue-lever-line-missing',
      '对应的收入线“ghost”不存在',
    ],
    [
      'two levers on one revenue line',
      (m) => scenario(m).revenueLevers!.push({ ...scenario(m).revenueLevers![0]! }),
      'revenue-lever-twice',
      '同一收入线有两条杠杆',
    ],
    [
      'two one-off items with one id',
      (m) =>
        (scenario(m).oneOffs = [
          { id: 'stock', name: '库存释放', amount: 50 * WAN, year: 1, timing: 'upfront' },
          { id: 'stock', name: '资产出售', amount: 20 * WAN, year: 2, timing: 'spread' },
        ]),
      'duplicate-one-off-id',
      '一次性现金项编号“stock”重复',
    ],
    ['an orphan revenue line', (m) => (lines(m)[1]!.parentId = 'nowhere'), 'orphan-line', '上级收入线“nowhere”不存在'],
    ['two revenue lines with one id', (m) => (lines(m)[1]!.id = lines(m)[0]!.id), 'duplicate-node-id', '收入线编号'],
    [
      'two revenue children with one name',
      (m) =>
        lines(m).push(
          { id: 'a', parentId: 'service-contracts', name: '续约', basis: { kind: 'share', share: 0.2 }, margin: 0.2 },
          { id: 'b', parentId: 'service-contracts', name: '续约', basis: { kind: 'share', share: 0.2 }, margin: 0.2 },
        ),
      'duplicate-sibling-name',
      '已有名为“续约”的收入线',
    ],
    [
      'a revenue cycle',
      (m) => {
        lines(m)[0]!.parentId = 'service-contracts';
        lines(m)[1]!.parentId = 'out-of-warranty';
        lines(m)[0]!.basis = { kind: 'share', share: 0.5 };
        lines(m)[1]!.basis = { kind: 'share', share: 0.5 };
      },
      'parent-cycle',
      '到不了顶层收入线',
    ],
    ['a price falling below zero', (m) => (scenario(m).revenueLevers![0]!.priceChange = -1.5), 'ratio-out-of-range', '价格不能降到零以下'],
    [
      'a one-off item past the largest amount, either way',
      (m) => (scenario(m).oneOffs = [{ id: 'x', name: '一次性支出', amount: -2e15, year: 1, timing: 'upfront' }]),
      'signed-amount-too-large',
      '-100,000,000,000 万元',
    ],
    [
      'a one-off item in year 31',
      (m) => (scenario(m).oneOffs = [{ id: 'x', name: '库存释放', amount: 5, year: 31, timing: 'upfront' }]),
      'plan-year-invalid',
      '须为计划期第 1 到第 30 年',
    ],
  ])('%s', (_, change, code, fragment) => {
    expect(chinese(broken(revenue, change), code)).toContain(fragment);
  });
});

describe('a file whose shape is wrong, in Chinese, naming the place as the screens do', () => {
  const scenario = (m: Model) => m.scenarios[0]!;
  it.each<[string, (model: Model) => void, ProblemCode, string]>([
    [
      'text where a number belongs, in the row the grid shows',
      (m) => set(m.costTree, '3', { ...m.costTree[3], name: undefined, basis: { kind: 'amount', amount: '7116' } }),
      'value-missing',
      '成本结构第 4 行的名称：缺少此项（须为文字）',
    ],
    [
      'text where an amount belongs',
      (m) => set(node(m, 'service-cost').basis, 'amount', '7116'),
      'value-wrong-type',
      '成本项“售后服务成本”的金额：须为数字，填的是文字“7116”',
    ],
    ['NaN where a number belongs', (m) => (scenario(m).volumeGrowth = Number.NaN), 'value-wrong-type', '的业务量年增长率：须为有限的数字，填的是数字 NaN'],
    ['a year of the ramp that is no number', (m) => set(scenario(m), 'ramp', [0.5, '满']), 'value-wrong-type', '的达成率第 2 年：须为数字'],
    ['a list where an object belongs', (m) => set(node(m, 'contact-center'), 'basis', []), 'value-wrong-type', '成本项“呼叫中心”的依据：须为对象，填的是列表'],
    [
      'an unknown relevance',
      (m) => set(node(m, 'contact-center'), 'relevance', 'middling'),
      'value-not-a-choice',
      '的相关性：须为“strong”、“weak”之一，填的是文字“middling”',
    ],
    [
      'an unknown kind of basis',
      (m) => set(node(m, 'contact-center'), 'basis', { kind: 'percent', share: 0.1 }),
      'value-not-a-choice',
      '的依据的类型：须为“amount”、“share”之一',
    ],
    ['an unknown category of investment', (m) => set(scenario(m).investments[0]!, 'category', 'party'), 'value-not-a-choice', '的投入项“'],
    ['an unknown field', (m) => set(node(m, 'contact-center'), 'colour', 'red'), 'keys-unknown', '成本项“呼叫中心”：有本应用不认识的字段“colour”，请删去'],
    ['an id with a space', (m) => (node(m, 'contact-center').id = 'contact center'), 'value-format', '的编号：只能含字母、数字和 _ . : -'],
    ['a colour that is no colour', (m) => (m.presentation = { accentColor: 'red' }), 'value-format', '演示样式的强调色：须为“#RRGGBB”形式的颜色'],
    ['a currency in lower case', (m) => (m.currency = 'cny'), 'value-format', '币种：须为三个大写字母的币种代码'],
    [
      'a logo that is not base64',
      (m) => (m.presentation = { logo: { mediaType: 'image/png', data: '**' } }),
      'value-format',
      '演示样式的标志的图片数据：须为按“Base64”编码的文字',
    ],
    ['an empty cost tree', (m) => (m.costTree = []), 'list-empty', '成本结构：至少要有根节点'],
    ['a yearly amount with no year', (m) => (scenario(m).investments[0]!.amount = { kind: 'yearly', amounts: [] }), 'list-empty', '的各年金额：至少要列出一年'],
    [
      'more scenarios than the limit',
      (m) => (m.scenarios = Array.from({ length: LIMITS.maxScenarios + 1 }, (_, i) => ({ ...scenario(m), id: `s${i}`, name: `情景 ${i}` }))),
      'list-too-long',
      '情景：最多 200 个情景，现有 201',
    ],
    [
      'an empty input address',
      (m) => (scenario(m).uncertainty = [{ input: '', low: 0, mostLikely: 0, high: 0, distribution: 'pert' }]),
      'value-empty',
      '不能为空',
    ],
    [
      'another JSON',
      (m) => set(m, 'format', 'something-else'),
      'model-format-wrong',
      '文件格式：须为“service-cost-planner/model”，填的是文字“something-else”：此文件不是服务成本规划模型',
    ],
    ['a version from the future', (m) => set(m, 'schemaVersion', 3), 'schema-version-newer', '格式版本：为 3，由更新版本的应用写成（本应用读取 2）'],
    ['a version that never was', (m) => set(m, 'schemaVersion', '1'), 'schema-version-invalid', '格式版本：须为 1 或 2，填的是文字“1”'],
  ])('%s', (_, change, code, fragment) => {
    expect(chinese(broken(example, change), code)).toContain(fragment);
  });

  it('a place the screens have no name for is quoted as the file writes it', () => {
    const model = example();
    set(node(model, 'contact-center'), 'captions', { unitCostChange: { zh: 42 } });
    expect(chinese(model, 'value-wrong-type')).toContain('成本项“呼叫中心”的杠杆名称的单价变化的中文：须为文字，填的是数字 42');
    expect(chinese(42, 'value-wrong-type')).toBe('模型：须为对象，填的是数字 42');
  });

  it('keeps the path and the English of logs and the CLI', () => {
    const model = example();
    set(node(model, 'service-cost').basis, 'amount', '7116');
    const issue = firstIssue(model);
    expect(formatIssue(issue)).toBe('costTree["售后服务成本"].basis.amount: must be a number, got "7116"');
    expect(issue.message).toBe('must be a number, got "7116"');
    expect(renderProblem(issue.problem, { language: 'en', unit: 'yuan' })).toBe('cost line "售后服务成本", amount: must be a number, got "7116"');
  });

  it('every issue of any broken model carries a problem worded in both languages', () => {
    const model: Model = createExampleModel('zh');
    for (const input of [null, [], 'model', { ...model, costTree: 'x' }, { ...model, scenarios: [{}] }]) {
      const validated = validateModel(input);
      expect(validated.ok).toBe(false);
      if (validated.ok) continue;
      for (const issue of validated.error) {
        const text = renderProblem(issue.problem, ZH);
        expect(englishWords(text), text).toEqual([]);
        expect(issue.problem.code).not.toBe('other');
      }
    }
  });
});
