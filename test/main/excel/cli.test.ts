import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { readModelFile } from '../../../main/store/read';
import { exampleModel } from './support/models';
import { readWorkbook } from './support/workbook';

// Model files written here take their snapshots in a temporary data folder.
const previousDataDir = process.env['COSTPLAN_DATA_DIR'];
beforeAll(() => {
  process.env['COSTPLAN_DATA_DIR'] = mkdtempSync(join(tmpdir(), 'costplan-cli-excel-data-'));
});
afterAll(() => {
  if (previousDataDir === undefined) delete process.env['COSTPLAN_DATA_DIR'];
  else process.env['COSTPLAN_DATA_DIR'] = previousDataDir;
});

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'costplan-cli-excel-'));
}

describe('costplan export, import, import-template', () => {
  it('exports a workbook and the results as CSV, then imports the workbook back into a model file', async () => {
    const dir = tempDir();
    const model = join(dir, 'example.json');
    expect((await run('example', '--out', model, '--lang', 'en')).code).toBe(0);
    const xlsx = join(dir, 'out.xlsx');
    expect(await run('export', model, '--out', xlsx, '--lang', 'zh', '--scenario', 'Target 15%')).toEqual({ code: 0, stdout: `wrote ${xlsx}\n`, stderr: '' });
    const book = await readWorkbook(readFileSync(xlsx));
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['封面', '汇总', '检查', '假设', '成本结构', 'Target 15%', '图表', '分析', '定义', '_costplan']);
    const csv = join(dir, 'out.csv');
    expect((await run('export', model, '--out', csv)).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('"Digital tools 20%",3,2029,');

    const costplan = join(dir, 'back.costplan');
    const imported = await run('import', xlsx, '--out', costplan);
    expect(imported).toEqual({ code: 0, stdout: `wrote ${costplan} (the model of an exported workbook: 6 cost lines, 1 scenario)\n`, stderr: '' });
    const example = exampleModel('en');
    expect(readModelFile(costplan).model).toEqual({ ...example, scenarios: [example.scenarios[0]] });
  });

  it('writes the import template and imports it as a cost structure', async () => {
    const dir = tempDir();
    for (const name of ['template.xlsx', 'template.csv']) {
      const path = join(dir, name);
      expect((await run('import-template', '--out', path, '--lang', 'en')).code).toBe(0);
      const out = join(dir, `${name}.costplan`);
      const imported = await run('import', path, '--out', out, '--name', 'Client A');
      expect(imported.stdout).toMatch(/a cost structure of 6 lines from sheet "(Cost structure|template\.csv)", no scenarios yet/u);
      const model = readModelFile(out).model;
      expect(model.name).toBe('Client A');
      expect(model.costTree.map((node) => node.name)).toEqual(exampleModel('en').costTree.map((node) => node.name));
    }
  });

  it.each([
    [['export', 'missing.json', '--out', 'x.xlsx'], /^error: missing\.json: no such file\n$/u],
    [['export', 'm.json', '--out', 'x.pdf'], /^error: x\.pdf: the output must end in \.xlsx or \.csv/u],
    [['export', 'm.json'], /^error: --out FILE is required/u],
    [['import', 'in.xlsx', '--out', 'x.json'], /^error: x\.json: import writes a model file ending in \.costplan\n$/u],
    [['import', 'missing.xlsx', '--out', 'x.costplan'], /^error: missing\.xlsx: no such file\n$/u],
    [['import', 'in.ods', '--out', 'x.costplan'], /^error: in\.ods: (no such file|expected an \.xlsx workbook or a \.csv file)/u],
    [['import-template', '--out', 't.txt'], /^error: t\.txt: the output must end in \.xlsx or \.csv/u],
    [['import-template', 'extra', '--out', 't.xlsx'], /^error: unexpected argument "extra"/u],
  ])('rejects %j with exit 2 and one line', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('rejects an unknown scenario, and replaces an existing output only with --force', async () => {
    const dir = tempDir();
    const model = join(dir, 'example.json');
    await run('example', '--out', model, '--lang', 'en');
    expect((await run('export', model, '--out', join(dir, 'a.xlsx'), '--scenario', 'Nope')).stderr).toMatch(
      /no scenario named "Nope" \(scenarios: "Target 15%", "Digital tools 20%"\)/u,
    );
    expect(existsSync(join(dir, 'a.xlsx'))).toBe(false);
    const out = join(dir, 'taken.xlsx');
    writeFileSync(out, 'keep me');
    expect((await run('export', model, '--out', out)).stderr).toBe(`error: ${out} already exists; pass --force to replace it\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect((await run('export', model, '--out', out, '--force')).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes nothing when an import has problems, and names them with sheet, row and column', async () => {
    const dir = tempDir();
    const csv = join(dir, 'lines.csv');
    writeFileSync(csv, 'Level,Name,Basis,Value\n1,Root,amount,100\n2,A,share,1.2\n2,,share,0.1\n');
    const out = join(dir, 'lines.costplan');
    const result = await run('import', csv, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${csv}: sheet "lines.csv", row 4, column B (Name): the name is empty\n`);
    expect(existsSync(out)).toBe(false);
  });
});
