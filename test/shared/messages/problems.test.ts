import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../shared/edits';
import { fileSystemProblem, problem, type Problem } from '../../../shared/messages/problems';
import { percentText, renderProblem } from '../../../shared/messages/render';
import { createExampleModel } from '../../../shared/model';
import { LIMITS } from '../../../shared/model/schema';

/** One vocabulary of problems: codes with parameters, worded in zh or en with amounts in the display unit. */
const zh = { language: 'zh', unit: 'tenThousand' } as const;
const en = { language: 'en', unit: 'tenThousand' } as const;

function refusal(command: unknown): Problem {
  const applied = applyEdit(createExampleModel('zh'), command);
  if (applied.ok) throw new Error('expected a refusal');
  return applied.error[0]!.problem;
}

describe('problems with codes', () => {
  it('a share that pushes its siblings to 101% is worded in Chinese for the Chinese screen', () => {
    const coded = refusal({ type: 'setBasis', nodeId: 'materials-field', basis: { kind: 'share', share: 0.45 } });
    expect(coded).toEqual({ code: 'shares-over-parent', params: { parent: '售后服务成本', total: expect.closeTo(1.01, 12) } });
    expect(renderProblem(coded, zh)).toBe('“售后服务成本”下各项占比合计 101%（最多 100%）');
    expect(renderProblem(coded, en)).toBe('the shares under "售后服务成本" add up to 101% (max 100%)');
  });

  it('-100 typed in a 万元 cell comes back as -100 万元, not -1000000', () => {
    const coded = refusal({ type: 'setBasis', nodeId: 'service-cost', basis: { kind: 'amount', amount: -1_000_000 } });
    expect(renderProblem(coded, zh)).toBe('金额不能为负数，输入的是 -100 万元');
    expect(renderProblem(coded, { language: 'en', unit: 'yuan' })).toBe('must not be negative, got -1,000,000 yuan');
  });

  it('a lever out of range names its reason in the screen language', () => {
    const coded = refusal({ type: 'setLever', scenarioId: 'target-15', nodeId: 'contact-center-labor', kind: 'unitCostChange', value: -1.5 });
    expect(renderProblem(coded, zh)).toBe('须不小于 -100% 且不大于 1,000%（单价不能降到零以下），输入的是 -150%');
    expect(renderProblem(coded, en)).toBe('must be at least -100% and at most 1,000% (a unit cost cannot fall below zero), got -150%');
  });

  it('a duplicate scenario name and an empty name', () => {
    const model = createExampleModel('zh');
    const duplicate = refusal({ type: 'renameScenario', scenarioId: model.scenarios[1]!.id, name: model.scenarios[0]!.name });
    expect(renderProblem(duplicate, zh)).toBe(`已有名为“${model.scenarios[0]!.name}”的情景`);
    expect(renderProblem(problem('name-empty', {}), zh)).toBe('名称不能为空');
  });

  it('an edit of a line another window deleted says so in Chinese', () => {
    const coded = refusal({ type: 'renameNode', nodeId: 'gone', name: 'X' });
    expect(coded).toEqual({ code: 'edit-target-missing', params: { kind: 'node', id: 'gone' } });
    expect(renderProblem(coded, zh)).toBe('成本项“gone”已不存在：它已被删除（也许是在另一个窗口中）');
  });

  it('a one-off item beyond the plan or the largest amount, in the display unit', () => {
    const item = (patch: object) => ({
      type: 'addOneOff',
      scenarioId: 'target-15',
      item: { id: 'stock', name: '库存释放', amount: 1_000_000, year: 1, timing: 'upfront', ...patch },
    });
    expect(renderProblem(refusal(item({ year: 99 })), zh)).toBe(`须为计划期第 1 到第 ${LIMITS.maxHorizonYears} 年，输入的是 99`);
    expect(renderProblem(refusal(item({ amount: -2e15 })), zh)).toBe(
      '金额须在 -100,000,000,000 万元 到 100,000,000,000 万元 之间，输入的是 -200,000,000,000 万元',
    );
    expect(renderProblem(refusal(item({ name: ' ' })), zh)).toBe('名称不能为空');
  });

  it('percentages exact to 0.01%, never 105.184935%', () => {
    expect(percentText(1.05184935, 'zh')).toBe('105.18%');
    expect(percentText(10, 'en')).toBe('1,000%');
    expect(percentText(0.00001, 'en')).toBe('0.001%');
  });

  it('file-system errors in plain words: missing folder, no permission, disk full, file in use', () => {
    expect(renderProblem(fileSystemProblem('ENOENT', '/x/y')!, zh)).toBe('文件夹不存在：/x/y');
    expect(renderProblem(fileSystemProblem('EACCES', '/x/y.costplan')!, en)).toBe('no permission to read or write /x/y.costplan');
    expect(renderProblem(fileSystemProblem('ENOSPC', '/x/y.costplan')!, zh)).toBe('磁盘已满，无法写入 /x/y.costplan');
    expect(renderProblem(fileSystemProblem('EBUSY', '/x/y.costplan')!, en)).toContain('is in use by another window or program');
    expect(fileSystemProblem('EWHATEVER', '/x')).toBeUndefined();
  });
});
