import { describe, expect, it } from 'vitest';
import { inputContext, resolveInput } from '../../../shared/analysis/inputs';
import type { Problem } from '../../../shared/messages/problems';
import { renderProblem } from '../../../shared/messages/render';
import { createExampleModel, createTemplateModel, type Model } from '../../../shared/model';
import { englishWords } from '../../support/chinese';

/**
 * Input addresses (lever:<node>:unitCost, share:<node>, investment:<line>, ...) that cannot be
 * parsed or name nothing: each is a coded problem that says in Chinese what is wrong and what to
 * write, and keeps its English sentence for logs.
 */
const zh = { language: 'zh', unit: 'tenThousand' } as const;
const en = { language: 'en', unit: 'yuan' } as const;

function refusal(model: Model, address: string, options: { idsOnly?: boolean; scenario?: number } = {}): { message: string; problem: Problem } {
  const resolved = resolveInput(inputContext(model, model.scenarios[options.scenario ?? 0]!), address, options);
  if (resolved.ok) throw new Error(`${address} resolved to ${resolved.value.address}`);
  return resolved.error;
}

/** A model whose names repeat: two cost lines, two investment lines and two revenue lines of one name each, and a revenue line entered as a share. */
function withRepeatedNames(): Model {
  const model = createExampleModel('zh');
  model.revenueLines = structuredClone(createTemplateModel('service-revenue', 'zh').revenueLines!);
  const first = model.costTree.find((node) => node.parentId !== null)!;
  model.costTree.push({ ...first, id: `${first.id}-again` });
  const scenario = model.scenarios[0]!;
  const line = scenario.investments[0]!;
  scenario.investments = [
    { ...line, id: 'tools-a', name: '工具' },
    { ...line, id: 'tools-b', name: '工具' },
  ];
  const lines = model.revenueLines;
  lines[1]!.name = lines[0]!.name;
  lines.push({ ...lines[0]!, id: 'add-on', name: '加购', parentId: lines[0]!.id, basis: { kind: 'share', share: 0.1 } });
  return model;
}

/** The Chinese text, checked to carry no English word apart from the address keywords the planner types and the names given. */
function chinese(coded: Problem, words: readonly string[] = []): string {
  const text = renderProblem(coded, zh);
  expect(text).toMatch(/[\u4e00-\u9fff]/u);
  expect(englishWords(text, [JSON.stringify(coded.params), ...words])).toEqual([]);
  return text;
}

describe('input addresses that cannot be parsed', () => {
  const example = createExampleModel('zh');

  it.each([
    ['leverage', 'any', '不是可识别的输入地址（可写“lever:<成本项>:unitCost|throughput|volume”、“growth”、'],
    ['growth:fast', 'any', '不是可识别的输入地址'],
    [
      'lever:contact-center',
      'lever',
      '杠杆地址须写作“lever:<成本项>:unitCost”（单价）、“lever:<成本项>:throughput”（人均量）或“lever:<成本项>:volume”（业务量）',
    ],
    ['share', 'share', '占比地址须写作“share:<成本项>”'],
    ['amount', 'amount', '金额地址须写作“amount:<成本项>”'],
    ['investment', 'investment', '投入地址须写作“investment:<投入项>”'],
    ['revenue', 'revenue', '收入地址须写作“revenue:<收入线>”'],
    ['margin', 'margin', '边际贡献率地址须写作“margin:<收入线>”'],
    ['revenueLever:x', 'revenueLever', '收入杠杆地址须写作“revenueLever:<收入线>:volume”（业务量）或“revenueLever:<收入线>:price”（价格）'],
    ['oneOff', 'oneOff', '一次性项目地址须写作“oneOff:<一次性项目>”'],
  ])('%s: the form of a %s address', (address, kind, words) => {
    const issue = refusal(example, address);
    expect(issue.problem).toEqual({ code: 'address-form', params: { kind } });
    expect(chinese(issue.problem).startsWith(words)).toBe(true);
    expect(renderProblem(issue.problem, en)).toBe(issue.message);
  });

  it('a lever that is not a lever kind', () => {
    const lever = refusal(example, 'lever:contact-center:speed');
    expect(lever.problem).toEqual({ code: 'lever-kind-unknown', params: { kind: 'lever', found: 'speed' } });
    expect(chinese(lever.problem)).toBe('杠杆须为“unitCost”（单价）、“throughput”（人均量）或“volume”（业务量），输入的是“speed”');
    expect(renderProblem(lever.problem, en)).toBe(lever.message);
    const revenue = refusal(createTemplateModel('service-revenue', 'zh'), 'revenueLever:service-contracts:cost');
    expect(chinese(revenue.problem)).toBe('收入杠杆须为“volume”（业务量）或“price”（价格），输入的是“cost”');
    expect(renderProblem(revenue.problem, en)).toBe('the revenue lever must be volume or price, got "cost"');
  });
});

describe('input addresses that name nothing, or several things', () => {
  const example = createExampleModel('zh');

  it('a cost line, an investment line, a revenue line and a one-off item that are not there', () => {
    const node = refusal(example, 'lever:呼叫中心服务:unitCost');
    expect(node.problem).toEqual({ code: 'address-names-nothing', params: { kind: 'node', reference: '呼叫中心服务' } });
    expect(chinese(node.problem)).toBe('找不到成本项“呼叫中心服务”（请填写成本项的编号或名称）');
    expect(renderProblem(node.problem, en)).toBe(node.message);
    // Stored ranges name lines by id only: a name is not looked up.
    const stored = refusal(example, 'share:呼叫中心', { idsOnly: true });
    expect(chinese(stored.problem)).toBe('找不到编号为“呼叫中心”的成本项');
    expect(renderProblem(stored.problem, en)).toBe(stored.message);
    const investment = refusal(example, 'investment:机器人');
    expect(chinese(investment.problem)).toBe('情景“目标 15%”中没有投入项“机器人”');
    expect(renderProblem(investment.problem, en)).toBe(investment.message);
    const revenue = refusal(example, 'margin:服务合同');
    expect(chinese(revenue.problem)).toBe('找不到收入线“服务合同”');
    expect(renderProblem(revenue.problem, en)).toBe(revenue.message);
    const oneOff = refusal(createTemplateModel('spare-parts', 'zh'), 'oneOff:呆滞库存');
    expect(chinese(oneOff.problem)).toBe('情景“备件优化”中没有一次性项目“呆滞库存”');
    expect(renderProblem(oneOff.problem, en)).toBe(oneOff.message);
  });

  it('a name several lines carry lists them with their ids, to pick one by id', () => {
    const model = withRepeatedNames();
    const first = model.costTree.find((node) => node.parentId !== null);
    const second = model.costTree.find((node) => node.id === `${first!.id}-again`);
    const parent = model.costTree.find((node) => node.id === first!.parentId)!;
    const nodes = refusal(model, `share:${first!.name}`);
    expect(nodes.problem.code).toBe('address-ambiguous');
    expect(chinese(nodes.problem, [first!.id, second!.id])).toBe(
      `有 2 个成本项都叫“${first!.name}”：“${first!.name}”（编号 ${first!.id}，位于“${parent.name}”下）、“${second!.name}”（编号 ${second!.id}，位于“${parent.name}”下）；请改用编号`,
    );
    expect(renderProblem(nodes.problem, en)).toBe(nodes.message);
    const tools = refusal(model, 'investment:工具');
    expect(chinese(tools.problem, ['tools-a', 'tools-b'])).toBe('有 2 个投入项都叫“工具”：“工具”（编号 tools-a）、“工具”（编号 tools-b）；请改用编号');
    expect(renderProblem(tools.problem, en)).toBe('"工具" names 2 investment lines: "工具" (id tools-a), "工具" (id tools-b); use the id');
    const lines = refusal(model, `revenue:${model.revenueLines![0]!.name}`);
    expect(
      chinese(
        lines.problem,
        model.revenueLines!.map((line) => line.id),
      ),
    ).toContain('有 2 条收入线都叫');
  });

  it('more than five lines of one name: the first five and how many more', () => {
    const model = createExampleModel('zh');
    const parent = model.costTree.find((node) => node.id === 'other-service')!;
    for (let k = 0; k < 7; k++) model.costTree.push({ ...parent, id: `copy-${k}`, name: '其他', parentId: parent.id, basis: { kind: 'amount', amount: 1 } });
    const issue = refusal(model, 'amount:其他');
    expect(
      chinese(
        issue.problem,
        Array.from({ length: 7 }, (_, k) => `copy-${k}`),
      ),
    ).toMatch(/^有 7 个成本项都叫“其他”：.*等（另有 2 个）；请改用编号$/u);
    expect(issue.message).toMatch(/ and 2 more; use the id$/u);
    expect(renderProblem(issue.problem, en)).toBe(issue.message);
  });

  it('share: of a line entered as an amount, amount: of a share, revenue: of a line entered as a share', () => {
    const amount = refusal(example, 'share:售后服务成本');
    expect(amount.problem).toEqual({ code: 'address-basis', params: { name: '售后服务成本', id: 'service-cost', entered: 'nodeAmount' } });
    expect(chinese(amount.problem)).toBe('“售后服务成本”按金额填写，不是上级的占比：请改用“amount:service-cost”');
    expect(renderProblem(amount.problem, en)).toBe(amount.message);
    const share = refusal(example, 'amount:呼叫中心');
    expect(chinese(share.problem)).toBe('“呼叫中心”按上级的占比填写：请改用“share:contact-center”');
    expect(renderProblem(share.problem, en)).toBe(share.message);
    const revenue = refusal(withRepeatedNames(), 'revenue:加购');
    expect(chinese(revenue.problem)).toBe('“加购”按上一条收入线的占比填写，不是金额');
    expect(renderProblem(revenue.problem, en)).toBe(revenue.message);
  });
});
