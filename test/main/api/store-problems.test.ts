import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, ApiResponse } from '../../../shared/api/contract';
import type { ApiMethod } from '../../../shared/api/methods';
import { renderProblem } from '../../../shared/messages/render';
import { HOSTILE_MODEL_FILES, writeHealthyModel } from '../../fixtures/hostile/model-files';
import { englishWords } from '../../support/chinese';
import { directTransport, httpTransport, type Transport } from './transports';

/**
 * A model file the store refuses or opens read-only, opened through the API as the Chinese
 * screen does: the ApiError (and the session's read-only reason) carry the coded problem, and
 * the screen's words for it are Chinese, naming the file and what is wrong.
 */
function refusal(response: ApiResponse<ApiMethod>): ApiError {
  if (response.ok) throw new Error('expected a refusal');
  return response.error;
}

function chinese(error: Pick<ApiError, 'problem'>, path: string): string {
  expect(error.problem).toBeDefined();
  const text = renderProblem(error.problem, { language: 'zh', unit: 'tenThousand' });
  expect(text).toMatch(/[\u4e00-\u9fff]/u);
  expect(englishWords(text, [path]), text).toEqual([]);
  return text;
}

async function hostileFile(dir: string, name: string, fileName: string): Promise<string> {
  const path = join(dir, fileName);
  await writeHealthyModel(path, dir);
  HOSTILE_MODEL_FILES.find((file) => file.name === name)!.make(path);
  return path;
}

describe.each([
  ['handlers', (dir: string) => Promise.resolve(directTransport(dir))],
  ['http', (dir: string) => httpTransport(dir)],
])('store refusals through %s, worded in Chinese', (_name, makeTransport) => {
  let transport: Transport;
  afterEach(async () => transport.close());

  it('a changed, a newer and a cut file are refused with a problem the screen words in Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costplan-api-store-'));
    const changed = await hostileFile(dir, 'trigger-on-edit', '改过.costplan');
    const newer = await hostileFile(dir, 'future-user-version', '新版.costplan');
    const cut = await hostileFile(dir, 'truncated', '半截.costplan');
    transport = await makeTransport(dir);

    const tampered = refusal(await transport.call('openModel', { file: '改过.costplan' }));
    expect(tampered.code).toBe('tampered');
    expect(tampered.message).toContain('was changed outside Service Cost Planner (unexpected trigger evil)');
    expect(chinese(tampered, changed)).toBe(`${changed} 在服务成本规划之外被改动过（多出了触发器“evil”）：为安全起见没有打开，文件保持原样`);

    const future = refusal(await transport.call('openModel', { file: '新版.costplan' }));
    expect(future.code).toBe('newer-version');
    expect(chinese(future, newer)).toMatch(/由更新版本的服务成本规划保存（文件格式 99，本版本最高只能读取格式 \d+），请升级应用后再打开$/u);

    const truncated = refusal(await transport.call('openModel', { file: '半截.costplan' }));
    expect(truncated.code).toBe('damaged');
    expect(chinese(truncated, cut)).toMatch(/不完整：文件头标明应有 [\d,]+ 字节，实际只有 [\d,]+ 字节.*；没有可用来恢复它的快照，如有备份请从备份中取回$/u);
  });

  it('a damaged file opens read-only: the session says why in Chinese, and a change is refused with the same words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costplan-api-store-'));
    const path = join(dir, '损坏.costplan');
    await writeHealthyModel(path, dir);
    const db = new Database(path, { readonly: true });
    const { rootpage } = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'edit_log'`).get() as { rootpage: number };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = readFileSync(path);
    bytes[(rootpage - 1) * pageSize] = 0;
    writeFileSync(path, bytes);
    await writeHealthyModel(join(dir, '完好.costplan'), dir);
    transport = await makeTransport(dir);

    const opened = await transport.call('openModel', { file: '损坏.costplan' });
    if (!opened.ok) throw new Error(opened.error.message);
    const readOnly = opened.value.readOnly!;
    expect(readOnly.code).toBe('damaged');
    const words = chinese(readOnly, path);
    expect(words).toMatch(/已损坏（完整性检查未通过）（技术细节：“[^”]+”）；没有可用来恢复它的快照，如有备份请从备份中取回$/u);
    expect(readOnly.message).toMatch(/is damaged \(the integrity check failed\)/u);

    const undo = refusal(await transport.call('undo', {}));
    expect(undo.code).toBe('damaged');
    expect(chinese(undo, path)).toBe(words);
    // Importing over it (an upload, as the browser gives one) is refused before the upload is read.
    const uploaded = await transport.call('uploadFile', { fileName: '完好.costplan', base64: readFileSync(join(dir, '完好.costplan')).toString('base64') });
    if (!uploaded.ok) throw new Error(uploaded.error.message);
    const replaced = refusal(await transport.call('importFile', { source: uploaded.value.file, mode: 'replace' }));
    expect(replaced.code).toBe('damaged');
    expect(chinese(replaced, path)).toBe(words);
  });
});
