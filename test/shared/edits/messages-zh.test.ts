import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../shared/edits/apply';
import { renderProblem, type MessageView } from '../../../shared/messages/render';
import type { ProblemCode } from '../../../shared/messages/problems';
import { createExampleModel, createTemplateModel, formatIssue, type Model } from '../../../shared/model';
import { englishWords } from '../../support/chinese';

/**
 * Every refusal of an edit in Chinese: what is gone or taken, named as the screens name it,
 * amounts in the display unit (万元), no English word left (ids the planner never typed are
 * quoted, and not counted).
 */

const ZH: MessageView = { language: 'zh', unit: 'tenThousand' };
const WAN = 10_000;
const example = createExampleModel('zh');
const revenue = createTemplateModel('service-revenue', 'zh');

function refusal(model: Model, command: unknown, code: ProblemCode): string {
  const applied = applyEdit(model, command);
  if (applied.ok) throw new Error(`expected ${JSON.stringify(command)} to be refused`);
  const issue = applied.error[0]!;
  const inner = issue.problem.code === 'field-invalid' ? issue.problem.params.problem : issue.problem;
  expect(inner.code, formatIssue(issue)).toBe(code);
  const text = renderProblem(issue.problem, ZH);
  expect(englishWords(text), text).toEqual([]);
  expect(text).toMatch(/[\u4e00-\u9fff]/u);
  return text;
}

const node = { id: 'new-line', parentId: 'contact-center', name: '新成本项', basis: { kind: 'share', share: 0.01 }, relevance: 'weak' };
const investment = { id: 'manager-bonus', name: '奖金', category: 'bonus', amount: { kind: 'perYear', amount: 10 * WAN }, timing: 'spread' };
const oneOff = { id: 'stock', name: '库存释放', amount: 50 * WAN, year: 1, timing: 'upfront' };

describe('an edit naming something that is gone, in Chinese', () => {
  it.each<[string, Model, Record<string, unknown>, string]>([
    ['a cost line', example, { type: 'renameNode', nodeId: 'ghost', name: '新名' }, '成本项“ghost”已不存在'],
    ['the parent of a new line', example, { type: 'addNode', node: { ...node, parentId: 'ghost' } }, '成本项“ghost”已不存在'],
    ['a scenario', example, { type: 'renameScenario', scenarioId: 'ghost', name: '新名' }, '情景“ghost”已不存在'],
    ['a revenue line', revenue, { type: 'deleteRevenueLine', lineId: 'ghost' }, '收入线“ghost”已不存在'],
    ['an investment line', example, { type: 'deleteInvestment', scenarioId: 'target-15', lineId: 'ghost' }, '投入项“ghost”已不存在'],
    ['a one-off item', example, { type: 'deleteOneOff', scenarioId: 'target-15', itemId: 'ghost' }, '一次性现金项“ghost”已不存在'],
  ])('%s', (_, model, command, fragment) => {
    expect(refusal(model, command, 'edit-target-missing')).toContain(fragment);
  });
});

describe('an edit adding something under a taken id, in Chinese', () => {
  it.each<[string, Model, Record<string, unknown>, string]>([
    ['a cost line', example, { type: 'addNode', node: { ...node, id: 'contact-center' } }, '已有编号为“contact-center”的成本项'],
    ['a scenario', example, { type: 'cloneScenario', scenarioId: 'target-15', newId: 'digital-tools-20', name: '副本' }, '已有编号为“digital-tools-20”的情景'],
    [
      'a revenue line',
      revenue,
      { type: 'addRevenueLine', line: { id: 'service-contracts', parentId: null, name: '新收入', basis: { kind: 'amount', amount: 1 }, margin: 0.2 } },
      '的收入线',
    ],
    ['an investment line', example, { type: 'addInvestment', scenarioId: 'target-15', line: investment }, '已有编号为“manager-bonus”的投入项'],
  ])('%s', (_, model, command, fragment) => {
    expect(refusal(model, command, 'edit-id-taken')).toContain(fragment);
  });

  it('a one-off item', () => {
    const withItem = applyEdit(example, { type: 'addOneOff', scenarioId: 'target-15', item: oneOff });
    if (!withItem.ok) throw new Error(formatIssue(withItem.error[0]!));
    expect(refusal(withItem.value.model, { type: 'addOneOff', scenarioId: 'target-15', item: oneOff }, 'edit-id-taken')).toContain(
      '已有编号为“stock”的一次性现金项',
    );
  });
});

describe('other refusals of an edit, in Chinese', () => {
  it.each<[string, Model, Record<string, unknown>, ProblemCode, string]>([
    ['a new line without an id', example, { type: 'addNode', node: { ...node, id: undefined } }, 'edit-id-missing', '缺少编号'],
    ['a second root', example, { type: 'addNode', node: { ...node, parentId: null } }, 'root-exists', '模型只有一个根节点'],
    [
      'a place before a line of another parent',
      example,
      { type: 'addNode', node, beforeId: 'other-service' },
      'before-not-sibling',
      '须是同一上级下的一项（“other-service”不是）',
    ],
    [
      'a revenue line before a line of another parent',
      revenue,
      {
        type: 'addRevenueLine',
        line: { id: 'x', parentId: 'service-contracts', name: '新收入', basis: { kind: 'share', share: 0.1 }, margin: 0.2 },
        beforeId: 'out-of-warranty',
      },
      'before-not-sibling',
      '须是同一上级下的一项',
    ],
    ['moving the root', example, { type: 'moveNode', nodeId: 'service-cost', parentId: 'other-service' }, 'root-cannot-move', '根节点不能移动'],
    ['deleting the root', example, { type: 'deleteNode', nodeId: 'service-cost' }, 'root-cannot-delete', '根节点不能删除'],
    [
      'moving a line under its own child',
      example,
      { type: 'moveNode', nodeId: 'contact-center', parentId: 'contact-center-labor' },
      'move-under-itself',
      '不能移到自身或其下级',
    ],
    [
      'a negative amount typed in 万元',
      example,
      { type: 'setBasis', nodeId: 'service-cost', basis: { kind: 'amount', amount: -100 * WAN } },
      'amount-negative',
      '金额不能为负数，输入的是 -100 万元',
    ],
    [
      'a share pushing its siblings past 100%',
      example,
      { type: 'setBasis', nodeId: 'contact-center-labor', basis: { kind: 'share', share: 0.9 } },
      'shares-over-parent',
      '下各项占比合计',
    ],
    [
      'a scenario name taken',
      example,
      { type: 'renameScenario', scenarioId: 'digital-tools-20', name: example.scenarios[0]!.name },
      'duplicate-scenario-name',
      '已有名为',
    ],
    [
      'a control character in a name',
      example,
      { type: 'renameNode', nodeId: 'contact-center', name: '呼叫\u0007中心' },
      'text-unclean',
      '不能含控制字符 U+0007',
    ],
    [
      'a new scenario with a lever on a line that is gone',
      example,
      { type: 'addScenario', scenario: { ...example.scenarios[0]!, id: 'copy', name: '副本', levers: [{ nodeId: 'ghost', unitCostChange: -0.1 }] } },
      'lever-line-missing',
      '对应的成本项“ghost”不存在',
    ],
    [
      'a new scenario with two investment lines of one id',
      example,
      { type: 'addScenario', scenario: { ...example.scenarios[0]!, id: 'copy', name: '副本', investments: [investment, { ...investment, name: '奖金二' }] } },
      'duplicate-investment-id',
      '投入项编号“manager-bonus”重复',
    ],
  ])('%s', (_, model, command, code, fragment) => {
    expect(refusal(model, command, code)).toContain(fragment);
  });

  it('a command of the wrong shape names the field as the command writes it', () => {
    expect(refusal(example, { type: 'setRelevance', nodeId: 'contact-center', relevance: 'middling' }, 'value-not-a-choice')).toBe(
      '“command.relevance”：须为“strong”、“weak”之一，填的是文字“middling”',
    );
    expect(refusal(example, { type: 'setBasis', nodeId: 'contact-center', basis: { kind: 'amount', amount: '7' } }, 'value-wrong-type')).toContain(
      '须为数字，填的是文字“7”',
    );
    expect(refusal(example, { type: 'frobnicate' }, 'value-not-a-choice')).toContain('“command.type”');
  });
});
