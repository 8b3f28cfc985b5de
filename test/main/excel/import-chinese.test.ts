import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directTransport } from '../api/transports';
import { runCli } from '../../../main/cli/index';
import { exportWorkbook } from '../../../main/excel/export-workbook';
import { importFile } from '../../../main/excel/import-file';
import { IMPORT_LIMITS } from '../../../main/excel/limits';
import type { WorkbookLayout } from '../../../main/excel/layout';
import { ImportError, importFailed, type ImportProblem } from '../../../main/excel/problems';
import { readWorkbookCells } from '../../../main/excel/read-workbook';
import { cellName } from '../../../main/excel/xlsx-writer';
import type { ZipRefusal } from '../../../shared/messages/codes/import';
import { problem, type Problem } from '../../../shared/messages/problems';
import { renderProblem } from '../../../shared/messages/render';
import { createExampleModel, createTemplateModel, type Model } from '../../../shared/model';
import { englishWords } from '../../support/chinese';
import { buildZip, minimalWorkbook } from './support/hostile';
import { withScenario } from './support/models';

/**
 * Every refusal and warning of an import reaches the planner as a coded problem, worded in
 * Chinese with no English left: the zip guard's reasons, the workbook reader's, and the
 * cells the importers of a structure, an exported workbook, its revenue block and its
 * ranges cannot take. English stays as it was (the hostile corpus matches it).
 */
const dir = mkdtempSync(join(tmpdir(), 'costplan-import-zh-'));
let counter = 0;
const zh = { language: 'zh', unit: 'tenThousand' } as const;
const en = { language: 'en', unit: 'yuan' } as const;

/** Every string a problem carries (names, cells, a file's own words): they may be Latin. */
function parameterTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(parameterTexts);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(parameterTexts);
  return [];
}

/** The problem in Chinese, checked: Chinese text, no English word that did not come in as a parameter. */
function chinese(coded: Problem): string {
  const text = renderProblem(coded, zh);
  expect(text).toMatch(/[\u4e00-\u9fff]/u);
  expect(englishWords(text, parameterTexts(coded.params)), text).toEqual([]);
  expect(text).not.toMatch(/\{\{|undefined|importParts\./u);
  return text;
}

async function refusal(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the import did not fail');
}

/** A file of that name in a folder of its own (a CSV's sheet is its file name). */
function write(name: string, data: Buffer | string): string {
  const folder = join(dir, String(counter++));
  mkdirSync(folder);
  const path = join(folder, name);
  writeFileSync(path, data);
  return path;
}

describe('the zip guard and the workbook reader in Chinese', () => {
  const REASONS: ZipRefusal[] = [
    'truncated',
    'zip64',
    'directory-outside',
    'directory-damaged',
    'entry-encrypted',
    'compression',
    'two-sizes',
    'no-local-header',
    'local-name',
    'past-end',
    'checksum',
    'not-inflating',
    'wrong-size',
    'name-invalid',
    'name-absolute',
    'name-outside',
    'name-twice',
  ];

  it('words every reason, limit and failure with its figures', () => {
    const texts = new Set<string>();
    const all: Problem[] = [
      ...REASONS.map((reason) => problem('zip-refused', { reason, entry: 'xl/styles.xml', method: 12, bytes: 12_000, declared: 20_000 })),
      problem('zip-bomb', { reason: 'total-size', max: 200 * 1024 * 1024 }),
      problem('zip-bomb', { reason: 'entry-ratio', entry: 'xl/bomb.xml', ratio: 1024, compressed: 150 * 1024, bytes: 150 * 1024 * 1024, max: 100 }),
      problem('zip-bomb', { reason: 'ratio', ratio: 500, max: 100 }),
      problem('zip-bomb', { reason: 'past-declared', entry: 'xl/media/image1.bin', bytes: 4 * 1024 * 1024 }),
      problem('workbook-over-limit', { limit: 'entries', count: 1001, max: 1000 }),
      problem('workbook-over-limit', { limit: 'text', max: 32 * 1024 * 1024 }),
      problem('workbook-over-limit', { limit: 'data', max: 96 * 1024 * 1024 }),
      problem('workbook-over-limit', { limit: 'memory', max: 512 }),
      problem('not-xlsx-package', { kind: 'ods' }),
      problem('not-xlsx-package', { kind: 'other' }),
      problem('workbook-macros', { kind: 'vba' }),
      problem('workbook-macros', { kind: 'macro-enabled' }),
      problem('cell-outside-area', { part: 'xl/worksheets/sheet1.xml', cell: 'XFD1048576', maxRow: 200_000, maxColumn: 'ALL' }),
      problem('cell-outside-area', { part: 'xl/worksheets/sheet1.xml', row: 1_048_576, maxRow: 200_000, maxColumn: 'ALL' }),
      problem('cell-text-too-long', { part: 'xl/sharedStrings.xml', max: 32_767 }),
      problem('cell-text-too-long', { length: 40_000, max: 32_767 }),
      problem('workbook-reader-failed', { reason: 'start', detail: 'spawn ENOMEM' }),
      problem('workbook-reader-failed', { reason: 'answer' }),
      problem('workbook-reader-failed', { reason: 'stopped', code: 3 }),
      problem('workbook-reader-failed', { reason: 'stopped', signal: 'SIGKILL' }),
      problem('workbook-unreadable', { detail: "Cannot read properties of null (reading 'sheets')" }),
      problem('file-cannot-open', { reason: 'other', detail: 'EMFILE: too many open files' }),
    ];
    for (const coded of all) {
      const text = chinese(coded);
      expect(texts.has(text), text).toBe(false);
      texts.add(text);
      expect(renderProblem(coded, en)).not.toBe(text);
    }
    expect(chinese(problem('zip-refused', { reason: 'wrong-size', entry: 'xl/styles.xml', bytes: 12_000, declared: 20_000 }))).toBe(
      'zip 条目“xl/styles.xml”已损坏（解压后为 12 KB，而不是 20 KB）：请用 Excel 重新另存为 .xlsx 后再导入',
    );
    expect(
      chinese(problem('zip-bomb', { reason: 'entry-ratio', entry: 'xl/bomb.xml', ratio: 1024, compressed: 150 * 1024, bytes: 150 * 1024 * 1024, max: 100 })),
    ).toBe('zip 条目“xl/bomb.xml”解压后将膨胀 1,024 倍（从 150 KB 到 150 MB；最多 100 倍）：可能是 zip 炸弹');
    // A library's own words are a quoted technical detail at the end, never the sentence.
    expect(chinese(problem('workbook-unreadable', { detail: 'bad XML' }))).toBe(
      '无法读取该工作簿（文件已损坏，或不是 Excel 保存的工作簿）：请用 Excel 重新另存为 .xlsx 后再导入。技术细节：“bad XML”',
    );
  });

  it('refuses hostile zips with a coded reason, worded in Chinese', async () => {
    const cases: [Buffer, string, RegExp][] = [
      [
        minimalWorkbook('', { extra: [{ name: 'xl/../../evil.sh', data: Buffer.from('rm -rf /') }] }),
        'zip-refused',
        /zip 条目“xl\/\.\.\/\.\.\/evil\.sh”指向压缩包之外/u,
      ],
      [
        minimalWorkbook('', { extra: [{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>') }] }),
        'zip-refused',
        /zip 包中有两个名为“xl\/worksheets\/sheet1\.xml”的条目/u,
      ],
      [minimalWorkbook('', { extra: [{ name: 'xl/vbaProject.bin', data: Buffer.from('x') }] }), 'workbook-macros', /含有宏代码/u],
      [
        buildZip(Array.from({ length: 1001 }, (_, i) => ({ name: `xl/e${i}.xml`, data: Buffer.from('x') }))),
        'workbook-over-limit',
        /有 1001 个条目（最多 1000 个）/u,
      ],
      [buildZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') }]), 'not-xlsx-package', /\.ods 电子表格/u],
      [
        minimalWorkbook('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
        'cell-outside-area',
        /在 XFD1048576 有单元格，超出了导入读取的范围（第 1 到 200,000 行，A 到 ALL 列）/u,
      ],
      [minimalWorkbook('<row r="300000"><c r="A300000"><v>1</v></c></row>'), 'cell-outside-area', /超出了导入读取的范围/u],
    ];
    for (const [data, code, expected] of cases) {
      const error = await refusal(() => readWorkbookCells(data));
      const coded = error.problems[0]!.problem;
      expect(coded.code, code).toBe(code);
      expect(chinese(coded)).toMatch(expected);
      // The English message for logs is the same problem worded in English.
      expect(error.problems[0]!.message).toBe(renderProblem(coded, en));
    }
  });

  it('the reader process reports its limits as codes across the process boundary: a cell with its place, all the text', async () => {
    // Rich text in two runs: the guard counts each run (60 characters), the parser the cell's whole text (120).
    const run = (text: string) => `<r><t>${text}</t></r>`;
    const rich = minimalWorkbook(`<row r="1"><c r="B1" t="inlineStr"><is>${run('x'.repeat(60))}${run('y'.repeat(60))}</is></c></row>`);
    const error = await refusal(() => readWorkbookCells(rich, { limits: { ...IMPORT_LIMITS, maxCellChars: 100 } }));
    const refused = error.problems[0]!;
    expect(refused.problem).toEqual(problem('cell-text-too-long', { length: 120, max: 100 }));
    expect(refused).toMatchObject({ row: 1, column: 2 });
    expect(chinese(importFailed(error.problems, 'a.xlsx'))).toMatch(/^a\.xlsx：工作表“.+”，第 1 行，B 列：该单元格有 120 个字符（一个单元格最多 100 个）$/u);

    const cells = ['a', 'b', 'c'].map((letter, k) => `<c r="A${k + 1}" t="inlineStr"><is><t>${letter.repeat(60)}</t></is></c>`);
    const texts = minimalWorkbook(cells.map((cell, k) => `<row r="${k + 1}">${cell}</row>`).join(''));
    const total = await refusal(() => readWorkbookCells(texts, { limits: { ...IMPORT_LIMITS, maxTextChars: 150 } }));
    expect(total.problems[0]!.problem).toEqual(problem('workbook-over-limit', { limit: 'text', max: 150 }));
    expect(chinese(total.problems[0]!.problem)).toBe('该工作簿的文字超过 150 个字符（导入最多读取这么多）');
  });
});

describe('the importers in Chinese', () => {
  it('a CSV structure: unclean names, bad ids, long notes, a field too long and one outside the area', async () => {
    const csv = [
      'Name,Level,Basis,Value,Notes,ID',
      'Root,1,amount,1000,,root',
      `"evil\u202egpj.exe",2,share,50%,,a`,
      `Calls,2,share,10%,${'n'.repeat(4100)},b`,
      'Parts,2,share,10%,,has space',
    ].join('\n');
    const error = await refusal(() => importFile(write('lines.csv', csv)));
    const texts = error.problems.map((one) => chinese(importFailed([one], 'lines.csv')));
    expect(texts).toEqual([
      'lines.csv：工作表“lines.csv”，第 3 行，A 列（Name）：名称中不能有文字方向控制符 U+202E（第 5 个字符）：它会改变文字的显示顺序',
      'lines.csv：工作表“lines.csv”，第 4 行，E 列（Notes）：备注：最多 4000 个字，现有 4100 个',
      'lines.csv：工作表“lines.csv”，第 5 行，F 列（ID）：编号“has space”只能包含字母、数字和 _ . : -',
    ]);
    expect(error.problems.map((one) => one.message)).toEqual([
      'the name must not hold the text-direction control U+202E (at character 5): it changes how the text reads',
      'the notes must be at most 4000 characters, got 4100',
      'the id "has space" may only hold letters, digits and _ . : -',
    ]);

    const limits = { ...IMPORT_LIMITS, maxCsvFieldChars: 10, maxColumn: 3 };
    const long = await refusal(() => importFile(write('long.csv', 'Name,Level\nRoot,1\n"a very long name indeed",2\n'), { limits }));
    expect(chinese(long.problemFor('long.csv'))).toBe('long.csv：工作表“long.csv”，第 3 行，A 列：该单元格超过 10 个字符（一个单元格最多容纳这么多）');
    const wide = await refusal(() => importFile(write('wide.csv', 'Name,Level\nRoot,1,,,x\n'), { limits }));
    expect(chinese(wide.problemFor('wide.csv'))).toBe(
      'wide.csv：工作表“wide.csv”，第 2 行，E 列：该单元格超出了导入读取的范围（第 1 到 200,000 行，A 到 C 列）：请删除范围之外的内容后重新保存',
    );
  });

  it('a workbook without the layout lists its sheets in Chinese quotes, "无" when it has none', () => {
    expect(chinese(problem('no-structure-sheet', { sheets: ['Sheet1', '__proto__'] }))).toContain('（工作表：“Sheet1”、“__proto__”）');
    expect(chinese(problem('no-structure-sheet', { sheets: [] }))).toContain('（工作表：无）');
  });

  type Edit = { sheet: string; address: string; value: ExcelJS.CellValue };

  async function edited(model: Model, edits: (layout: WorkbookLayout) => Edit[]): Promise<string> {
    const exported = await exportWorkbook(model);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(exported.data).buffer);
    for (const edit of edits(exported.layout)) workbook.getWorksheet(edit.sheet)!.getCell(edit.address).value = edit.value;
    return write('edited.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
  }

  it("an exported workbook's revenue block and one-off items", async () => {
    const revenue = createTemplateModel('service-revenue', 'zh');
    const model = withScenario(revenue, 0, (scenario) => ({
      ...scenario,
      oneOffs: [{ id: 'asset', name: '出售资产', amount: 500_000, year: 1, timing: 'spread' }],
    }));
    const path = await edited(model, (layout) => {
      const at = layout.scenarios[0]!;
      const rows = at.row.revenue!;
      return [
        { sheet: at.sheet, address: cellName(rows.firstLine, 4), value: 'more' },
        { sheet: at.sheet, address: cellName(rows.firstItem, at.col.year(2)), value: 20 },
        { sheet: at.sheet, address: cellName(rows.firstItem, at.col.timing), value: 'sometime' },
        { sheet: at.sheet, address: cellName(rows.firstLine + 1, 1), value: '别的收入线' },
      ];
    });
    const error = await refusal(() => importFile(path));
    const texts = error.problems.map((one) => chinese(importFailed([one], '')));
    expect(texts.some((text) => /收入线的业务量变化须为数字，填的是文字“more”$/u.test(text))).toBe(true);
    expect(texts.some((text) => /一次性项目只能在一个计划年度有一笔金额，但第 1、2 年都填了金额/u.test(text))).toBe(true);
    expect(texts.some((text) => /投入时点须为“年初一次性”、“分年”之一|投入时点须为“.+”、“.+”之一，填的是文字“sometime”/u.test(text))).toBe(true);
    expect(texts.some((text) => /此处应为收入线“.+”：行被插入、删除或排序过（请在规划工具中修改收入线）/u.test(text))).toBe(true);
  });

  it('two margins for one revenue line, as percentages in Chinese', async () => {
    const base = createTemplateModel('service-revenue', 'zh');
    const model: Model = { ...base, scenarios: [base.scenarios[0]!, { ...base.scenarios[0]!, id: 'copy', name: '副本' }] };
    const path = await edited(model, (layout) =>
      [0, 1].map((s) => ({ sheet: layout.scenarios[s]!.sheet, address: cellName(layout.scenarios[s]!.row.revenue!.firstLine, 3), value: s === 0 ? 0.4 : 0.3 })),
    );
    const error = await refusal(() => importFile(path));
    expect(error.problems).toHaveLength(1);
    expect(chinese(error.problems[0]!.problem)).toMatch(
      /^收入线“.+”的边际贡献率在此处为 30%，但在工作表“.+”（第 \d+ 行）为 40%：一条收入线在所有情景中只有一个边际贡献率$/u,
    );
  });

  it('formula cells typed over: a coded warning', async () => {
    const model = createExampleModel('zh');
    const path = await edited(model, (layout) => [{ sheet: layout.structure.sheet, address: cellName(layout.structure.firstRow, 6), value: 123 }]);
    const outcome = await importFile(path);
    const warnings: ImportProblem[] = outcome.warnings;
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]!.problem.code).toBe('formulas-replaced');
    expect(chinese(warnings[0]!.problem)).toMatch(/^有 1 个公式单元格被改填了数值（第一个在 [A-Z]+\d+）/u);
    expect(warnings[0]!.message).toMatch(/^1 formula cell was replaced by a typed value \(the first at [A-Z]+\d+\)/u);
  });
});

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('through the command line with --lang zh', () => {
  it('a refused import is one Chinese line naming the file, sheet, row and column', async () => {
    const path = write('成本.csv', 'Name,Level,Value\nRoot,1,100\nCalls,2,abc\n"evil\u202e",2,10%\n');
    const out = join(dir, 'refused.costplan');
    const run = await cli('import', path, '--out', out, '--lang', 'zh');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const said = run.stderr.replace(/^error: /u, '').trimEnd();
    expect(said).toBe(
      `${path}：工作表“成本.csv”，第 3 行，C 列（Value）：数值须为数字，填的是文字“abc”；工作表“成本.csv”，第 4 行，A 列（Name）：名称中不能有文字方向控制符 U+202E（第 5 个字符）：它会改变文字的显示顺序`,
    );
    expect(englishWords(said, [path, 'Value', 'Name'])).toEqual([]);
    // Without --lang the same problems in English, as before.
    const english = await cli('import', path, '--out', out);
    expect(english.stderr).toContain('sheet "成本.csv", row 3, column C (Value): the value: expected a number, found the text "abc"');
  });

  it('a warning about formula cells typed over is Chinese too', async () => {
    const exported = await exportWorkbook(createExampleModel('zh'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(exported.data).buffer);
    workbook.getWorksheet(exported.layout.structure.sheet)!.getCell(cellName(exported.layout.structure.firstRow, 6)).value = 123;
    const path = write('示例.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const run = await cli('import', path, '--out', join(dir, 'warned.costplan'), '--lang', 'zh');
    expect(run.code).toBe(0);
    const warning = run.stdout.split('\n').find((line) => line.startsWith('warning: '))!;
    expect(warning).toMatch(/^warning: 工作表“成本结构”，第 \d+ 行，[A-Z]+ 列：有 1 个公式单元格被改填了数值（第一个在 [A-Z]+\d+）/u);
    expect(englishWords(warning.replace(/^warning: /u, ''))).toEqual([]);
  });
});

describe('through the API', () => {
  it('an import the API refuses carries an import-failed problem that the UI words in Chinese', async () => {
    const api = directTransport(mkdtempSync(join(dir, 'api-')));
    try {
      const created = await api.call('newModel', { template: 'example', language: 'zh' });
      expect(created.ok).toBe(true);
      const bomb = minimalWorkbook('', { extra: [{ name: 'xl/../../evil.sh', data: Buffer.from('x') }] });
      const uploaded = await api.call('uploadFile', { fileName: '客户.xlsx', base64: bomb.toString('base64') });
      if (!uploaded.ok) throw new Error(uploaded.error.message);
      const imported = await api.call('importFile', { source: uploaded.value.file, mode: 'replace' });
      if (imported.ok) throw new Error('expected a refusal');
      const coded = imported.error.problem;
      expect(coded.code).toBe('import-failed');
      expect(chinese(coded)).toBe('客户.xlsx：zip 条目“xl/../../evil.sh”指向压缩包之外（“..”）：请用 Excel 重新另存为 .xlsx 后再导入');
      expect(imported.error.message).toBe(
        '客户.xlsx: zip entry "xl/../../evil.sh" points outside the archive (".."); save the workbook again from Excel as .xlsx and import that',
      );
    } finally {
      await api.close();
    }
  });
});
