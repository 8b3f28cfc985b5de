import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { exportWorkbook } from '../../../main/excel/export-workbook';
import { importFile } from '../../../main/excel/import-file';
import { IMPORT_LIMITS } from '../../../main/excel/limits';
import { ImportError } from '../../../main/excel/problems';
import { readWorkbookCells } from '../../../main/excel/read-workbook';
import { writeHostileCorpus, type HostileFile } from './support/hostile';
import { exampleModel, smallGeneratedModel } from './support/models';

/**
 * A corpus of hostile and broken files, built at test time: each gives a clear error, the
 * process stays small, and the model file an import would have written does not appear.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'costplan-hostile-'));
const corpusDir = join(dir, 'corpus');
let corpus: HostileFile[] = [];

beforeAll(async () => {
  mkdirSync(corpusDir);
  corpus = await writeHostileCorpus(corpusDir);
}, 120_000);

describe('hostile and broken files', () => {
  it('each gives its clear error', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(19);
    for (const file of corpus) {
      const outcome = await importFile(file.path).then(
        () => 'imported',
        (error: unknown) => error,
      );
      expect(outcome, file.name).toBeInstanceOf(ImportError);
      expect((outcome as ImportError).message, file.name).toMatch(file.expect);
    }
  });

  it('keep the importing process small: all of them in one process peak far below what they would inflate to', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support', 'import-all.ts'), corpusDir], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { results: { name: string; message: string }[]; rssBeforeMb: number; maxRssMb: number };
    expect(report.results.map((result) => result.name).sort()).toEqual(corpus.map((file) => file.name).sort());
    for (const result of report.results) expect(result.message, result.name).toMatch(corpus.find((file) => file.name === result.name)!.expect);
    // The zip bomb alone would inflate to 150 MB, the million-cell sheet to 40 MB of XML and
    // far more as parsed cells; the process grows by less than a single one of them.
    expect(report.maxRssMb - report.rssBeforeMb).toBeLessThan(120);
  });

  it('never writes the model file: the command line exits 2 with one line', async () => {
    for (const file of corpus) {
      const out = join(dir, `${file.name}.costplan`);
      let stderr = '';
      const code = await runCli(['import', file.path, '--out', out], { out: () => {}, err: (text) => (stderr += text) });
      expect(code, file.name).toBe(2);
      expect(stderr, file.name).toMatch(/^error: .+\n$/u);
      expect(stderr.split('\n').length, file.name).toBe(2);
      expect(existsSync(out), file.name).toBe(false);
    }
  });

  it('contains a parser that blows up anyway: its heap runs out in the child, the import fails, this process goes on', async () => {
    const data = (await exportWorkbook(smallGeneratedModel(7, 3000, 4))).data;
    await expect(readWorkbookCells(data, { parserHeapMb: 40 })).rejects.toThrow(/needs more than 40 MB of memory and was stopped/u);
    // The same file within the normal limit, and the next import, work.
    const grid = await readWorkbookCells(data);
    // Cover, Summary, Checks, Assumptions, Cost structure, 4 scenarios, Charts, Analyses, Definitions, _costplan.
    expect(grid.sheets.length).toBe(13);
    const path = join(dir, 'after.xlsx');
    writeFileSync(path, (await exportWorkbook(exampleModel('en'))).data);
    expect((await importFile(path)).model).toEqual(exampleModel('en'));
  });

  it('stops a parser that takes too long', async () => {
    const data = (await exportWorkbook(exampleModel('en'))).data;
    await expect(readWorkbookCells(data, { limits: { ...IMPORT_LIMITS, parserTimeoutMs: 50 } })).rejects.toThrow(/took more than 0\.05 s and was stopped/u);
  });

  it('leaves Object.prototype alone after __proto__ sheet names and headers', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
