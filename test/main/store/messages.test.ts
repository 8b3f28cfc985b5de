import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenRule, problemOfStoreError, StoreError } from '../../../main/store/errors';
import { inspectModelFile } from '../../../main/store/inspect';
import { renderProblem } from '../../../shared/messages/render';
import { validateModel } from '../../../shared/model/validate';
import { createExampleModel } from '../../../shared/model';

/** A file that is not a model is refused in the planner's language (the store gives a code, the UI the words). */
function refusal(path: string): string {
  try {
    inspectModelFile(path);
  } catch (error) {
    if (error instanceof StoreError) return renderProblem(problemOfStoreError(error), { language: 'zh', unit: 'tenThousand' });
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('store problems in Chinese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'costplan-store-messages-'));

  it('an empty file, a text file and a folder are not models', () => {
    writeFileSync(join(dir, 'empty.costplan'), '');
    writeFileSync(join(dir, 'text.costplan'), 'just some text, long enough to fill a header of a hundred bytes at the start of the file.....');
    expect(refusal(join(dir, 'empty.costplan'))).toBe(`${join(dir, 'empty.costplan')} 是空文件，不是服务成本规划模型`);
    expect(refusal(join(dir, 'text.costplan'))).toBe(`${join(dir, 'text.costplan')} 不是服务成本规划模型（根本不是 SQLite 数据库）`);
    expect(refusal(dir)).toBe(`${dir} 是文件夹，不是模型文件`);
  });

  it('a model that breaks a rule says which, with the amount in the display unit', () => {
    const model = createExampleModel('zh');
    const broken = {
      ...model,
      costTree: model.costTree.map((node) => (node.parentId === null ? { ...node, basis: { kind: 'amount' as const, amount: -1_000_000 } } : node)),
    };
    const validated = validateModel(broken);
    if (validated.ok) throw new Error('expected a broken model');
    const error = brokenRule('/m/a.costplan', validated.error[0]!);
    expect(error.message).toContain('/m/a.costplan holds a model that breaks a rule');
    expect(renderProblem(problemOfStoreError(error), { language: 'zh', unit: 'tenThousand' })).toMatch(
      /^\/m\/a\.costplan 中的模型违反了规则：.*金额不能为负数，输入的是 -100 万元$/u,
    );
  });
});
