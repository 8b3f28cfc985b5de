import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { ModelDocument } from '../../../main/store/document';
import { readModelFile } from '../../../main/store/read';
import { createExampleModel, createTemplateModel, TEMPLATE_IDS } from '../../../shared/model';
import { arbitraryModel } from '../../support/arbitraries';

const scratch = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'costplan-interchange-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('JSON interchange through a model file', () => {
  it('dump(load(x)) equals x for random models', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryModel(), async (model) => {
        const path = join(scratch, `round-${++run}.costplan`);
        const document = await ModelDocument.create(path, model, { dataDir: join(scratch, 'data') });
        expect(document.model).toEqual(model);
        await document.close();
        expect(readModelFile(path).model).toEqual(model);
        rmSync(path);
      }),
      { numRuns: 150 },
    );
  });

  it('through the command line: load then dump gives back the same JSON', async () => {
    const input = join(scratch, 'example.json');
    const file = join(scratch, 'example.costplan');
    const output = join(scratch, 'dumped.json');
    writeFileSync(input, `${JSON.stringify(createExampleModel('zh'), null, 2)}\n`);
    const quiet = { out: () => undefined, err: (text: string) => expect.fail(text) };
    process.env['COSTPLAN_DATA_DIR'] = join(scratch, 'data');
    expect(await runCli(['load', input, '--out', file], quiet)).toBe(0);
    expect(await runCli(['dump', file, '--out', output], quiet)).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(readFileSync(input, 'utf8'));
  });

  it.each(TEMPLATE_IDS)('template %s: load then dump gives back the same JSON, and the file holds the same model', async (id) => {
    const model = createTemplateModel(id, 'en');
    const input = join(scratch, `${id}.json`);
    const file = join(scratch, `${id}.costplan`);
    const output = join(scratch, `${id}-dumped.json`);
    writeFileSync(input, `${JSON.stringify(model, null, 2)}\n`);
    const quiet = { out: () => undefined, err: (text: string) => expect.fail(text) };
    process.env['COSTPLAN_DATA_DIR'] = join(scratch, 'data');
    expect(await runCli(['load', input, '--out', file], quiet)).toBe(0);
    expect(readModelFile(file).model).toEqual(model);
    expect(await runCli(['dump', file, '--out', output], quiet)).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(readFileSync(input, 'utf8'));
  });
});
