import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiService } from '../../../main/api/handlers';
import { deckService } from '../../../main/deck/service';
import { forbiddenSender } from '../../../main/electron/ipc';
import { SECRET_HEADER } from '../../../main/host/server';
import type { ApiError, ApiResponse } from '../../../shared/api/contract';
import type { ApiMethod } from '../../../shared/api/methods';
import type { ProblemCode } from '../../../shared/messages/problems';
import { renderProblem } from '../../../shared/messages/render';
import { englishWords } from '../../support/chinese';
import { httpTransport, type Transport } from './transports';

/**
 * Every refusal of the API, the browser host and the IPC layer, called through the real surface
 * (HTTP to the host, the handlers, the IPC check) and worded in Chinese from the error's problem:
 * it says what is wrong and names the file, and no English word is left but the file's own.
 */
const ZH = { language: 'zh', unit: 'tenThousand' } as const;

function refusal(response: ApiResponse<ApiMethod> | { ok: false; error: ApiError }): ApiError {
  if (response.ok) throw new Error('expected a refusal');
  return response.error;
}

/** The Chinese text of a refusal, checked: its code, no English word (but the named things), and each fragment it must contain. */
function chinese(error: ApiError, code: ProblemCode, contains: readonly string[], named: readonly string[] = []): string {
  expect(error.problem.code).toBe(code);
  const text = renderProblem(error.problem, ZH);
  expect(englishWords(text, [...named, ...contains]), text).toEqual([]);
  for (const fragment of contains) expect(text).toContain(fragment);
  // The English message for logs is worded from the same problem.
  expect(error.message.length).toBeGreaterThan(0);
  return text;
}

describe('API refusals in Chinese, over the browser host', () => {
  let transport: Transport & { api: ApiService; host: { port: number; secret: string } };
  let dir: string;
  afterEach(async () => transport.close());

  async function start(): Promise<typeof transport> {
    dir = mkdtempSync(join(tmpdir(), 'costplan-refusals-'));
    transport = await httpTransport(dir);
    const opened = await transport.call('newModel', { template: 'example', language: 'zh' });
    expect(opened.ok).toBe(true);
    return transport;
  }

  it('names of files: paths, other folders, bad names, unknown handles, wrong extensions', async () => {
    const api = await start();
    chinese(refusal(await api.call('openModel', { file: '../客户A.costplan' })), 'file-reference-invalid', ['指向数据文件夹之外', '../客户A.costplan']);
    chinese(refusal(await api.call('openModel', { file: '/etc/passwd' })), 'file-reference-invalid', ['是一个路径', '/etc/passwd']);
    chinese(refusal(await api.call('openModel', { file: 'sub\\客户A.costplan' })), 'file-reference-invalid', ['指向另一个文件夹']);
    chinese(refusal(await api.call('openModel', { file: 'a?b.costplan' })), 'model-name-invalid', ['不能包含字符', '“?”']);
    chinese(refusal(await api.call('newModel', { template: 'empty', name: 'CON' })), 'model-name-invalid', ['操作系统保留的文件名', '“CON”']);
    chinese(refusal(await api.call('newModel', { template: 'empty', name: '   ' })), 'model-name-invalid', ['名称为空']);
    chinese(refusal(await api.call('openModel', { file: '#0123abcd' })), 'handle-unknown', ['请再选择一次文件']);
    chinese(refusal(await api.call('openModel', { file: 'notes.txt' })), 'model-extension-missing', ['notes.txt 不是模型文件', '.costplan']);
    chinese(refusal(await api.call('importFile', { source: '预算.xlsx', mode: 'new' })), 'data-folder-not-for', ['预算.xlsx', '请选择或上传要导入的文件']);
    chinese(refusal(await api.call('exportFile', { kind: 'workbook', target: '预算.xlsx' })), 'data-folder-not-for', ['保存对话框中选择的位置']);
  });

  it('handles chosen for another use, files outside the data folder, links out of it', async () => {
    const api = await start();
    const elsewhere = mkdtempSync(join(tmpdir(), 'costplan-elsewhere-'));
    const workbook = join(elsewhere, '预算.xlsx');
    writeFileSync(workbook, 'x');
    const forImport = api.api.files.register(workbook, 'import');
    chinese(refusal(await api.call('openModel', { file: forImport })), 'handle-other-use', ['预算.xlsx 是为导入选择的', '打开或保存模型']);
    const outsideModel = api.api.files.register(join(elsewhere, '客户B.costplan'), 'model');
    chinese(refusal(await api.call('renameModel', { file: outsideModel, name: '客户C' })), 'outside-data-folder', [
      '客户B.costplan 不在数据文件夹中',
      '重命名',
    ]);
    chinese(refusal(await api.call('deleteModel', { file: outsideModel })), 'outside-data-folder', ['删除']);
    writeFileSync(join(elsewhere, 'target.costplan'), 'x');
    symlinkSync(join(elsewhere, 'target.costplan'), join(dir, '链接.costplan'));
    chinese(refusal(await api.call('openModel', { file: '链接.costplan' })), 'data-folder-link', ['链接.costplan 是一个指向数据文件夹之外的链接']);
  });

  it('the Models view: names taken, models gone, deleted models restored already', async () => {
    const api = await start();
    chinese(refusal(await api.call('duplicateModel', { file: '示例.costplan', name: '示例' })), 'name-taken', ['数据文件夹中已有 示例.costplan']);
    chinese(refusal(await api.call('deleteModel', { file: '不存在.costplan' })), 'not-in-data-folder', ['数据文件夹中没有 不存在.costplan']);
    chinese(refusal(await api.call('restoreDeletedModel', { id: '20261205T010203004Z--旧.costplan' })), 'deleted-model-missing', ['找不到已删除的模型']);
  });

  it('what the browser edition cannot do, and a call with no model open', async () => {
    const api = await start();
    chinese(refusal(await api.call('pickFile', { purpose: 'open' })), 'feature-unavailable', ['只有桌面版应用可以选择本机上的文件']);
    chinese(refusal(await api.call('downloadDeck', {})), 'feature-unavailable', ['此版本不提供演示文稿导出']);
    chinese(refusal(await api.call('uploadFile', { fileName: 'setup.exe', base64: '' })), 'upload-name-invalid', ['“setup.exe”', '请上传模型文件']);
    expect((await api.call('closeModel', {})).ok).toBe(true);
    chinese(refusal(await api.call('applyEdit', { command: { type: 'setModelSettings', name: 'x' } })), 'no-model', ['没有打开的模型']);
  });

  it('inputs the contract refuses: zod’s own words stay a quoted detail; unknown methods', async () => {
    const api = await start();
    const text = chinese(
      refusal(await api.call('openModel', { file: 3 as unknown as string })),
      'input-invalid',
      ['操作 openModel 收到的输入无效', '技术细节'],
      ['openModel'],
    );
    expect(text).toMatch(/技术细节：“.+”/u);
    const response = await fetch(`http://127.0.0.1:${api.host.port}/api/dropTables`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: api.host.secret },
      body: '{}',
    });
    expect(response.status).toBe(404);
    chinese(refusal((await response.json()) as ApiResponse<ApiMethod>), 'unknown-method', ['“dropTables”']);
  });

  it('requests the host refuses before the API: a wrong secret, not JSON, a body too large', async () => {
    const api = await start();
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`http://127.0.0.1:${api.host.port}/api/getSession`, { method: 'POST', headers, body }).then(
        async (response) => [response.status, (await response.json()) as { ok: false; error: ApiError }] as const,
      );
    const [secretStatus, secret] = await post({ 'content-type': 'application/json', [SECRET_HEADER]: 'wrong' }, '{}');
    expect(secretStatus).toBe(401);
    chinese(refusal(secret), 'request-refused', ['缺少访问密钥或密钥不对']);
    const [, notJson] = await post({ 'content-type': 'text/plain', [SECRET_HEADER]: api.host.secret }, '{}');
    chinese(refusal(notJson), 'request-refused', ['请求内容必须是', 'JSON']);
    const [, broken] = await post({ 'content-type': 'application/json', [SECRET_HEADER]: api.host.secret }, '{');
    chinese(refusal(broken), 'request-refused', ['请求内容不是有效的']);
    const [largeStatus, large] = await post(
      { 'content-type': 'application/json', [SECRET_HEADER]: api.host.secret },
      JSON.stringify({ x: 'x'.repeat(70 * 1024) }),
    );
    expect(largeStatus).toBe(413);
    chinese(refusal(large), 'request-too-large', ['一次请求最多只能携带 64 KB']);
  });
});

describe('deck refusals and the IPC check in Chinese', () => {
  it('a deck of a model without scenarios, a logo that is no image, a scenario that is not there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costplan-deck-refusals-'));
    mkdirSync(dir, { recursive: true });
    const api = new ApiService({ dataDir: dir, appVersion: '0.0.0-test', decks: deckService });
    try {
      expect((await api.call('newModel', { template: 'empty', language: 'zh' })).ok).toBe(true);
      chinese(refusal(await api.call('downloadDeck', {})), 'deck-no-scenario', ['模型中还没有情景']);
      expect((await api.call('newModel', { template: 'example', language: 'zh', name: '示例二' })).ok).toBe(true);
      chinese(refusal(await api.call('downloadDeck', { logo: { type: 'png', base64: 'aGVsbG8=' } })), 'logo-not-image', ['标志图片必须是', 'PNG', 'JPEG']);
      chinese(refusal(await api.call('downloadDeck', { scenarioIds: ['不存在'] })), 'no-such-scenario', ['没有名为“不存在”的情景']);
      chinese(refusal(await api.call('downloadDeck', { slides: [] })), 'deck-option-invalid', ['请至少选择一张幻灯片']);
      chinese(refusal(await api.call('downloadDeck', { client: '客'.repeat(201) })), 'deck-option-invalid', ['客户名称最多 200 个字符']);
      chinese(refusal(await api.call('downloadDeck', { accent: 'blue' })), 'deck-option-invalid', ['主题色须为 6 位十六进制数字']);
      chinese(refusal(await api.call('downloadDeck', { logo: { type: 'png', base64: 'A'.repeat(1_500_000) } })), 'deck-option-invalid', [
        '标志图片最大 1.0 MB',
      ]);
    } finally {
      await api.shutdown();
    }
  });

  it('a call from outside the app’s own window', () => {
    chinese(forbiddenSender('openModel').error, 'sender-refused', ['已拒绝操作 openModel', '本应用自己的窗口'], ['openModel']);
  });
});
