import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ModelDocument } from '../../../main/store/document';
import { problemOfStoreError, StoreError } from '../../../main/store/errors';
import { readModelFile } from '../../../main/store/read';
import { renderProblem } from '../../../shared/messages/render';
import { createExampleModel } from '../../../shared/model';
import { englishWords } from '../../support/chinese';
import { fileSetup, useScratch } from './helpers';

/**
 * A model file whose rows have the wrong shape (a value outside its list, text where a number
 * belongs) is refused in Chinese, naming the line and the field the way the grid does.
 */

const scratch = useScratch('model-shape-messages');

async function tampered(sql: string): Promise<string> {
  const setup = fileSetup(scratch, 'shape');
  const document = await ModelDocument.create(setup.path, createExampleModel('zh'), setup.options);
  await document.close();
  const db = new Database(setup.path);
  db.prepare(sql).run();
  db.close();
  return setup.path;
}

function refusalInChinese(path: string): { text: string; where: string } {
  try {
    readModelFile(path);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    const coded = problemOfStoreError(error);
    expect(coded.code).toBe('model-breaks-rule');
    const where = coded.code === 'model-breaks-rule' ? coded.params.where : '';
    return { text: renderProblem(coded, { language: 'zh', unit: 'tenThousand' }), where };
  }
  throw new Error('expected a refusal');
}

describe('a model file of the wrong shape, in Chinese', () => {
  it('a relevance outside its list names the line and the field', async () => {
    const path = await tampered("UPDATE cost_node SET relevance = 'middling' WHERE id = 'materials-field'");
    const { text, where } = refusalInChinese(path);
    expect(text).toContain('成本项“物料与现场服务”的相关性：须为“strong”、“weak”之一，填的是文字“middling”');
    // The file's path and the rule's place as the file writes it are parameters; the rest is Chinese.
    expect(englishWords(text, [path, where])).toEqual([]);
  });

  it('text where an amount belongs', async () => {
    const path = await tampered("UPDATE cost_node SET basis_value = 'lots' WHERE id = 'service-cost'");
    const { text, where } = refusalInChinese(path);
    expect(text).toContain('成本项“售后服务成本”的金额：须为数字，填的是文字“lots”');
    // The place is named once, as the screens name it, not also as the file's own path.
    expect(text).not.toContain(where);
    expect(englishWords(text, [path, where])).toEqual([]);
  });
});
