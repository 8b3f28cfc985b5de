import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../../shared/api/contract';
import type { ApiMethod } from '../../../shared/api/methods';
import { templateCsv } from '../../../main/excel/template';
import { readModelFile } from '../../../main/store/read';
import { directTransport, httpTransport, type Transport } from './transports';

function value<M extends ApiMethod>(response: ApiResponse<M>) {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value;
}

function refused(response: ApiResponse<ApiMethod>): string {
  if (response.ok) throw new Error('expected a refusal');
  expect(['invalid-input', 'refused-file']).toContain(response.error.code);
  return response.error.message;
}

/** The Models view's calls, through the handlers and over HTTP: files are named, never given by path. */
describe.each([
  ['handlers', (dir: string) => Promise.resolve(directTransport(dir))],
  ['http', (dir: string) => httpTransport(dir)],
])('model files through %s', (_name, makeTransport) => {
  let transport: Transport;
  let dir: string;
  afterEach(async () => transport.close());

  async function start(): Promise<Transport> {
    dir = mkdtempSync(join(tmpdir(), 'costplan-library-'));
    transport = await makeTransport(dir);
    value(await transport.call('newModel', { template: 'example', language: 'zh' }));
    return transport;
  }

  it('refuses ../, absolute paths, other folders and unknown handles, and touches no file', async () => {
    const api = await start();
    const outside = join(dir, '..', `outside-${process.pid}.costplan`);
    writeFileSync(outside, 'precious');
    mkdirSync(join(dir, 'sub'));
    const script = join(dir, 'run.sh');
    writeFileSync(script, '#!/bin/sh\necho hi\n');
    const attempts: [ApiMethod, Record<string, unknown>][] = [];
    for (const file of [
      '../outside.costplan',
      outside,
      '/etc/passwd',
      'C:\\Windows\\x.costplan',
      'sub/x.costplan',
      'sub\\x.costplan',
      '~/x.costplan',
      '#deadbeef',
      'run.sh',
    ]) {
      attempts.push(
        ['openModel', { file }],
        ['saveModelAs', { target: file }],
        ['duplicateModel', { file, name: 'copy' }],
        ['renameModel', { file, name: 'x' }],
      );
      attempts.push(['deleteModel', { file }], ['newModel', { template: 'empty', target: file }], ['importFile', { source: file, mode: 'new' }]);
      attempts.push(['exportFile', { kind: 'workbook', target: file }], ['exportFile', { kind: 'model', target: file }]);
    }
    for (const name of ['../x', '/tmp/x', 'a/b', '..', '.hidden', 'con'])
      attempts.push(['newModel', { template: 'empty', name }], ['duplicateModel', { file: '示例.costplan', name }]);
    // The old shape, a raw path, is refused by every method that used to take one.
    attempts.push(['openModel', { path: outside }], ['newModel', { template: 'empty', path: outside }], ['importFile', { path: outside }]);
    for (const [method, input] of attempts) refused(await api.call(method, input));

    expect(refused(await api.call('openModel', { file: '../outside.costplan' }))).toMatch(/outside the data folder/);
    expect(refused(await api.call('openModel', { file: outside }))).toMatch(/is a path/);
    expect(refused(await api.call('openModel', { file: 'sub/x.costplan' }))).toMatch(/another folder/);
    expect(refused(await api.call('exportFile', { kind: 'workbook', target: '示例.costplan' }))).toMatch(/save dialog/);
    expect(readFileSync(outside, 'utf8')).toBe('precious');
    expect(readFileSync(script, 'utf8')).toBe('#!/bin/sh\necho hi\n');
    expect(value(await api.call('getSession', {})).file?.file).toBe('示例.costplan');
  });

  it('lists, duplicates, renames, deletes and restores models in the data folder', async () => {
    const api = await start();
    value(await api.call('newModel', { name: '客户B', template: 'empty', language: 'zh' }));
    const listed = value(await api.call('listModels', {}));
    expect(listed.map((m) => [m.fileName, m.name, m.scenarios, m.open])).toEqual(
      expect.arrayContaining([
        ['示例.costplan', '售后服务成本示例', 2, false],
        ['客户B.costplan', '客户B', 0, true],
      ]),
    );

    const copy = value(await api.call('duplicateModel', { file: '示例.costplan', name: '客户A' }));
    expect(copy).toMatchObject({ fileName: '客户A.costplan', name: '售后服务成本示例', scenarios: 2, open: false });
    expect(await api.call('duplicateModel', { file: '示例.costplan', name: '客户A' })).toEqual({
      ok: false,
      error: {
        code: 'exists',
        message: '客户A.costplan already exists in the data folder: choose another name',
        problem: { code: 'name-taken', params: { name: '客户A.costplan' } },
      },
    });

    // A name in the data folder never replaces a file there (only a save dialog's answer may).
    for (const [method, input] of [
      ['saveModelAs', { target: '客户A.costplan' }],
      ['newModel', { template: 'empty', target: '客户A.costplan' }],
      ['newModel', { template: 'empty', name: '客户A' }],
      ['renameModel', { file: '客户B.costplan', name: '客户A' }],
    ] as const) {
      expect(await api.call(method, input)).toMatchObject({ ok: false, error: { code: 'exists' } });
    }
    expect(value(await api.call('listModels', {})).find((m) => m.fileName === '客户A.costplan')?.scenarios).toBe(2);

    // Renaming the open model keeps it open under its new name.
    const renamed = value(await api.call('renameModel', { file: '客户B.costplan', name: '客户C' }));
    expect(renamed.session.file?.file).toBe('客户C.costplan');
    expect(existsSync(join(dir, '客户B.costplan'))).toBe(false);

    const deleted = value(await api.call('deleteModel', { file: '客户C.costplan' }));
    expect(deleted.session.file).toBeNull();
    expect(existsSync(join(dir, '客户C.costplan'))).toBe(false);
    expect(value(await api.call('listDeletedModels', {})).map((d) => d.fileName)).toEqual(['客户C.costplan']);
    const restored = value(await api.call('restoreDeletedModel', { id: deleted.deleted.id }));
    expect(restored).toMatchObject({ fileName: '客户C.costplan', name: '客户B', scenarios: 0 });
    expect(value(await api.call('listDeletedModels', {}))).toEqual([]);
    expect(value(await api.call('openModel', { file: '客户C.costplan' })).model?.name).toBe('客户B');
  });

  it('uploads a workbook and a CSV, imports them as new models or over the open one (undoable), and says what it did', async () => {
    const api = await start();
    const workbook = value(await api.call('downloadFile', { kind: 'workbook', language: 'zh' }));
    expect(workbook.fileName).toBe('示例.xlsx');
    const uploaded = value(await api.call('uploadFile', { fileName: '客户A.xlsx', base64: workbook.base64 }));
    expect(uploaded).toMatchObject({ name: '客户A.xlsx', kind: 'workbook' });
    const imported = value(await api.call('importFile', { source: uploaded.file, mode: 'new' }));
    expect(imported).toMatchObject({ mode: 'new', fileName: '客户A.costplan', costLines: 6, scenarios: 2, source: 'workbook', warnings: [] });
    expect(imported.session.file?.file).toBe('客户A.costplan');

    const csv = value(await api.call('uploadFile', { fileName: 'lines.csv', base64: Buffer.from(templateCsv('zh')).toString('base64') }));
    expect(csv.kind).toBe('csv');
    const replaced = value(await api.call('importFile', { source: csv.file, mode: 'replace' }));
    expect(replaced).toMatchObject({ mode: 'replace', fileName: '客户A.costplan', source: 'structure', scenarios: 2 });
    expect(replaced.session.canUndo).toBe(true);
    expect(value(await api.call('undo', {})).file?.file).toBe('客户A.costplan');
    // Imported uploads are not kept.
    expect(readdirSync(join(dir, 'uploads'))).toEqual([]);

    expect(refused(await api.call('uploadFile', { fileName: '../evil.csv', base64: '' }))).toMatch(/plain file name/);
    expect(refused(await api.call('uploadFile', { fileName: 'run.sh', base64: '' }))).toMatch(/\.costplan.*\.xlsx.*\.csv/);
  });

  it('says where formula cells of an uploaded workbook were typed over, sheet and cell, and imports the inputs', async () => {
    const api = await start();
    const download = value(await api.call('downloadFile', { kind: 'workbook', language: 'zh' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(Buffer.from(download.base64, 'base64')).buffer);
    // The amount of the first part (a formula) and two figures of the first scenario, typed over.
    workbook.getWorksheet('成本结构')!.getCell('F5').value = 5000;
    const scenario = workbook.worksheets.find((sheet) => sheet.name === '目标 15%')!;
    const formulas: string[] = [];
    scenario.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address);
      }),
    );
    const [first, second] = formulas.filter((address) => /^[B-Z]\d+$/u.test(address)).slice(-2);
    scenario.getCell(first!).value = 1;
    scenario.getCell(second!).value = 2;
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const uploaded = value(await api.call('uploadFile', { fileName: '改过.xlsx', base64 }));
    const imported = value(await api.call('importFile', { source: uploaded.file, mode: 'new' }));
    expect(imported.warnings).toEqual([
      { kind: 'formulas-replaced', sheet: '成本结构', cell: 'F5', count: 1 },
      { kind: 'formulas-replaced', sheet: '目标 15%', cell: first, count: 2 },
    ]);
    // The inputs are what counts: the model is the example's.
    expect(imported.session.model?.costTree).toHaveLength(6);
  });

  it('downloads the model file as a clean copy that opens on its own', async () => {
    const api = await start();
    value(await api.call('applyEdit', { command: { type: 'renameScenario', scenarioId: 'target-15', name: '下载前' } }));
    const download = value(await api.call('downloadFile', { kind: 'model' }));
    expect(download).toMatchObject({ kind: 'model', fileName: '示例.costplan' });
    const saved = join(mkdtempSync(join(tmpdir(), 'costplan-download-')), download.fileName);
    writeFileSync(saved, Buffer.from(download.base64, 'base64'));
    const report = readModelFile(saved);
    expect(report.model.scenarios[0]!.name).toBe('下载前');
    expect(report.counts.undoSteps).toBe(1);
  });

  it('has no native file dialog in this transport: pickFile says to upload instead', async () => {
    const api = await start();
    const response = await api.call('pickFile', { purpose: 'open' });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('upload') });
  });
});
