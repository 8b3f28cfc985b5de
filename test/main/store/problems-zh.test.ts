import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDataDirError } from '../../../main/store/data-dir';
import { ModelDocument } from '../../../main/store/document';
import { StoreError, storeFailure } from '../../../main/store/errors';
import { readModelFile } from '../../../main/store/read';
import { restoreSnapshot } from '../../../main/store/restore';
import { runCli } from '../../../main/cli/index';
import type { Problem } from '../../../shared/messages/problems';
import { renderProblem } from '../../../shared/messages/render';
import { createExampleModel } from '../../../shared/model';
import { HOSTILE_MODEL_FILES, writeHealthyModel } from '../../fixtures/hostile/model-files';
import { englishWords } from '../../support/chinese';
import { fileSetup, useScratch } from './helpers';

/**
 * Every refusal of the store, worded in Chinese from its coded problem: what is wrong (a view,
 * a cut file, a value over its bound, a newer format), where (the file, the table and column),
 * and what to do, with no English left but the file's own words and SQLite's quoted detail.
 */
const scratch = useScratch('store-problems-zh');

function zh(problem: Problem): string {
  return renderProblem(problem, { language: 'zh', unit: 'tenThousand' });
}

/** Where in the model a broken rule is (the model's own path, "scenarios[…].name"): the file's words, not the message's. */
function whereOf(problem: Problem): string[] {
  if (problem.code === 'model-breaks-rule') return [problem.params.where];
  return problem.code === 'damaged-file-recovery' ? whereOf(problem.params.problem) : [];
}

/** The Chinese words of a problem; fails when an English word is left outside the parameters. */
function chinese(problem: Problem, ...parameters: string[]): string {
  const text = zh(problem);
  expect(text).toMatch(/[\u4e00-\u9fff]/u);
  expect(englishWords(text, [...parameters, ...whereOf(problem)]), text).toEqual([]);
  return text;
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** A zero written into the root page of a table: SQLite's integrity check finds it, the header stays intact. */
function damagePage(path: string, table: string): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(table) as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(path);
  bytes[(rootpage - 1) * pageSize] = 0;
  writeFileSync(path, bytes);
}

async function storeError(action: () => unknown): Promise<StoreError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

/** What the planner reads when the app opens the file: the refusal, or the read-only reason. */
async function openedWords(path: string, dataDir: string): Promise<string> {
  try {
    const document = await ModelDocument.open(path, { dataDir });
    const reason = document.readOnly;
    await document.close();
    if (!reason) throw new Error(`${path} opened for editing`);
    return chinese(reason.problem, path);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return chinese(error.problem, path);
  }
}

const HOSTILE_WORDS: Record<string, RegExp> = {
  'view-endless-recursion': /在服务成本规划之外被改动过（多出了视图“cost_node”）：为安全起见没有打开，文件保持原样/u,
  'view-300-million-rows': /（多出了视图“cost_node”）/u,
  'trigger-on-edit': /（多出了触发器“evil”）/u,
  'virtual-table': /（多出了虚拟表“search”）/u,
  'extra-table': /（多出了表“payload”）/u,
  'extra-column': /（表“cost_node”多出了列“secret”）/u,
  'generated-column': /（表“scenario”多出了列“computed”）/u,
  'missing-index': /（缺少索引“cost_node_parent”）/u,
  'expression-index': /（多出了索引“sneaky”）/u,
  'statistics-table': /（多出了表“sqlite_stat1”）/u,
  'constraint-removed': /（表“edit_log”的定义（列、类型或约束）与本版本写入的不同）/u,
  'huge-value': /无法打开：“cost_node\.notes”中有一个值长达 20,000,000 字节（最多 16,777,216 字节）/u,
  'lone-surrogates-in-name': /中的模型违反了规则：名称：名称最多 120 个字/u,
  'control-characters-in-name': /中的模型违反了规则：/u,
  'future-user-version': /由更新版本的服务成本规划保存（文件格式 99，本版本最高只能读取格式 \d+），请升级应用后再打开/u,
  truncated: /不完整：文件头标明应有 [\d,]+ 字节，实际只有 [\d,]+ 字节（复制或下载可能中断了，请重新获取完整的文件）/u,
  'bit-flipped': /已损坏（完整性检查未通过）（技术细节：“[^”]*”）|无法读取（其中的数据行已损坏）/u,
  'foreign-sqlite': /是其他程序的 SQLite 数据库，不是服务成本规划模型/u,
  'not-sqlite': /不是服务成本规划模型（根本不是 SQLite 数据库）/u,
};

describe('a hostile or damaged model file, refused in Chinese', () => {
  it('has words for every file of the hostile corpus', () => {
    expect(Object.keys(HOSTILE_WORDS).sort()).toEqual(HOSTILE_MODEL_FILES.map((file) => file.name).sort());
  });

  it.each(HOSTILE_MODEL_FILES.map((file) => [file.name, file] as const))('%s: the app and the command line say what is wrong', async (name, file) => {
    const { path, options } = fileSetup(scratch, 'hostile');
    await writeHealthyModel(path, options.dataDir);
    file.make(path);
    const opened = await openedWords(path, options.dataDir);
    expect(opened).toMatch(HOSTILE_WORDS[name]!);
    expect(opened.startsWith(path)).toBe(true);
    // The command line's read (check, compute, dump) words the same problem.
    const read = await storeError(() => readModelFile(path));
    expect(chinese(read.problem, path)).toMatch(HOSTILE_WORDS[name]!);
  });

  it('a damaged file with a good snapshot opens read-only and says which snapshot to restore, and how', async () => {
    const { path, options } = fileSetup(scratch, 'damaged');
    const document = await ModelDocument.create(path, createExampleModel('zh'), options);
    const snapshot = await document.snapshot('manual');
    await document.close();
    damagePage(path, 'edit_log');
    const reopened = await ModelDocument.open(path, options);
    const reason = reopened.readOnly!;
    expect(reason.code).toBe('damaged');
    const words = chinese(reason.problem, path);
    expect(words).toMatch(new RegExp(`^${escaped(path)} 已损坏（完整性检查未通过）（技术细节：“[^”]+”）；`, 'u'));
    expect(words).toContain(
      `；最近一个完好的快照是“${snapshot.id}”（${snapshot.createdAt.toISOString()}），可用“costplan restore ${path} --snapshot ${snapshot.id}”恢复`,
    );
    // Every change is refused with the same reason.
    const refused = await storeError(() => reopened.undo());
    expect(zh(refused.problem)).toBe(words);
    expect(refused.message).toBe(reason.message);
    expect(reason.message).toContain(`its latest good snapshot is ${snapshot.id}`);
    await reopened.close();
  });

  it('a model whose rows break a rule is refused, naming the rule and the snapshot', async () => {
    const { path, options } = fileSetup(scratch, 'rule');
    const document = await ModelDocument.create(path, createExampleModel('zh'), options);
    const snapshot = await document.snapshot('manual');
    await document.close();
    const db = new Database(path);
    db.prepare("UPDATE cost_node SET basis_value = 0.9 WHERE id = 'materials-field'").run();
    db.close();
    const error = await storeError(() => ModelDocument.open(path, options));
    expect(error.code).toBe('damaged');
    const words = chinese(error.problem, path);
    expect(words).toMatch(new RegExp(`^${escaped(path)} 中的模型违反了规则：costTree\\["[^"]+"\\]\\.children：`, 'u'));
    expect(words).toContain(`最近一个完好的快照是“${snapshot.id}”`);
  });

  it('a damaged file without a snapshot says there is none', async () => {
    const { path, options } = fileSetup(scratch, 'alone');
    await writeHealthyModel(path, options.dataDir);
    damagePage(path, 'edit_log');
    const document = await ModelDocument.open(path, options);
    expect(chinese(document.readOnly!.problem, path)).toMatch(/；没有可用来恢复它的快照，如有备份请从备份中取回$/u);
    await document.close();
  });

  it("a file whose table definitions SQLite cannot read says so, SQLite's words quoted", async () => {
    const { path, options } = fileSetup(scratch, 'schema');
    await writeHealthyModel(path, options.dataDir);
    // The first page after the 100-byte header holds sqlite_master: scrambled, the header intact.
    const bytes = readFileSync(path);
    for (let at = 100; at < 112; at++) bytes[at] = 0xff;
    writeFileSync(path, bytes);
    const error = await storeError(() => ModelDocument.open(path, options));
    expect(error.code).toBe('damaged');
    expect(chinese(error.problem, path)).toMatch(new RegExp(`^${escaped(path)} 已损坏（无法读取其中的表定义）（技术细节：“[^”]+”）`, 'u'));
    const read = await storeError(() => readModelFile(path));
    expect(zh(read.problem)).toContain('已损坏（无法读取其中的表定义）');
  });

  it('a file changed outside the app offers the latest good snapshot too', async () => {
    const { path, options } = fileSetup(scratch, 'changed');
    const document = await ModelDocument.create(path, createExampleModel('zh'), options);
    const snapshot = await document.snapshot('manual');
    await document.close();
    HOSTILE_MODEL_FILES.find((file) => file.name === 'trigger-on-edit')!.make(path);
    const error = await storeError(() => ModelDocument.open(path, options));
    expect(error.code).toBe('tampered');
    expect(chinese(error.problem, path)).toMatch(
      new RegExp(`（多出了触发器“evil”）：为安全起见没有打开，文件保持原样；最近一个完好的快照是“${snapshot.id}”`, 'u'),
    );
  });
});

describe('refusals of an open file in Chinese', () => {
  it('a write-protected file opens read-only: look and "Save as", no change; restore asks to make it writable', async () => {
    const { path, options } = fileSetup(scratch, 'protected');
    const written = await ModelDocument.create(path, createExampleModel('zh'), options);
    const snapshot = await written.snapshot('manual');
    await written.close();
    chmodSync(path, 0o444);
    const document = await ModelDocument.open(path, options);
    expect(chinese(document.readOnly!.problem, path)).toBe(`${path} 是只读的：可以查看，也可以“另存为”一份副本，但不能修改`);
    const refused = await storeError(() => document.apply({ type: 'renameNode', nodeId: 'contact-center', name: 'x' }));
    expect(refused.code).toBe('read-only');
    expect(zh(refused.problem)).toBe(zh(document.readOnly!.problem));
    await document.close();
    const restore = await storeError(() => restoreSnapshot(path, snapshot.id, options));
    expect(chinese(restore.problem, path)).toBe(`${path} 是只读的：请先把它改为可写，再恢复快照`);
    chmodSync(path, 0o644);
  });

  it('a file open in another window, nothing to undo, a closed file, an unknown snapshot', async () => {
    const { path, options } = fileSetup(scratch, 'open');
    const document = await ModelDocument.create(path, createExampleModel('zh'), options);
    const second = await storeError(() => ModelDocument.open(path, options));
    expect(second.code).toBe('locked');
    expect(chinese(second.problem, path)).toBe(`${path} 正被其他窗口或程序使用，请先在那里关闭`);
    expect(chinese((await storeError(() => document.undo())).problem)).toBe('没有可撤销的操作');
    expect(chinese((await storeError(() => document.redo())).problem)).toBe('没有可重做的操作');
    const unknown = await storeError(() => document.restore('nope'));
    expect(chinese(unknown.problem, path)).toBe(`${path}：没有编号为“nope”的快照（可用“costplan snapshots ${path}”列出）`);
    await document.close();
    expect(chinese((await storeError(() => document.undo())).problem, path)).toBe(`${path} 已关闭，请重新打开后再修改`);
    const notFound = await storeError(() => restoreSnapshot(path, 'nope', options));
    expect(zh(notFound.problem)).toBe(zh(unknown.problem));
  });

  it('a snapshot that cannot be written says where and why', async () => {
    const { path, options } = fileSetup(scratch, 'snapshot');
    const document = await ModelDocument.create(path, createExampleModel('zh'), options);
    // A file where the snapshots folder should be.
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(join(options.dataDir, 'snapshots'), 'in the way');
    const error = await storeError(() => document.snapshot('manual'));
    expect(error.code).toBe('io');
    expect(chinese(error.problem, options.dataDir)).toMatch(new RegExp(`^无法在数据文件夹 ${escaped(options.dataDir)}/snapshots/[^ ]+ 中写入快照：`, 'u'));
    await document.close();
  });

  it('a full disk while an edit is written: refused in Chinese, the model and the file as they were', async () => {
    const { path, options } = fileSetup(scratch, 'full');
    const document = await ModelDocument.create(path, createExampleModel('zh'), options);
    const before = document.model;
    // The file may not grow by a page: SQLite answers SQLITE_FULL, as on a full disk.
    const db = (document as unknown as { db: Database.Database }).db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const error = await storeError(() => document.apply({ type: 'setNotes', nodeId: 'contact-center', notes: 'x'.repeat(1900) }));
    expect(error.code).toBe('io');
    expect(chinese(error.problem, path)).toBe(`磁盘已满，无法写入 ${path}`);
    expect(document.model).toBe(before);
    db.pragma('max_page_count = 1073741823');
    await document.close();
  });

  it('creating over an existing file, into a missing folder, or from a model that breaks a rule', async () => {
    const { folder, path, options } = fileSetup(scratch, 'create');
    writeFileSync(path, 'precious');
    const exists = await storeError(() => ModelDocument.create(path, createExampleModel('zh'), options));
    expect(chinese(exists.problem, path)).toBe(`${path} 已存在`);
    expect(readFileSync(path, 'utf8')).toBe('precious');
    const missing = join(folder, 'no-such-folder', 'a.costplan');
    const noFolder = await storeError(() => ModelDocument.create(missing, createExampleModel('zh'), options));
    expect(chinese(noFolder.problem, missing)).toBe(`文件夹不存在：${join(folder, 'no-such-folder')}`);
    const model = createExampleModel('zh');
    const broken = {
      ...model,
      costTree: model.costTree.map((node) => (node.parentId === null ? { ...node, basis: { kind: 'amount' as const, amount: -1 } } : node)),
    };
    const target = join(folder, 'broken.costplan');
    const rule = await storeError(() => ModelDocument.create(target, broken, options));
    expect(rule.code).toBe('invalid-model');
    expect(chinese(rule.problem, target)).toMatch(new RegExp(`^${escaped(target)} 中的模型违反了规则：`, 'u'));
  });
});

describe('SQLite errors of an open or a write, by their code', () => {
  const path = '/m/计划.costplan';
  const sqlite = (code: string, message: string) => Object.assign(new Error(message), { code });

  it('a lock, a read-only file, a full disk, damaged pages; anything else quotes SQLite', () => {
    expect(zh(storeFailure(sqlite('SQLITE_BUSY', 'database is locked'), path, 'open').problem)).toBe(`${path} 正被其他窗口或程序使用，请先在那里关闭`);
    expect(zh(storeFailure(sqlite('SQLITE_READONLY', 'attempt to write a readonly database'), path, 'write').problem)).toBe(`${path} 是只读的，无法写入`);
    expect(zh(storeFailure(sqlite('SQLITE_FULL', 'database or disk is full'), path, 'write').problem)).toBe(`磁盘已满，无法写入 ${path}`);
    const damaged = storeFailure(sqlite('SQLITE_CORRUPT', 'database disk image is malformed'), path, 'open');
    expect(damaged.code).toBe('damaged');
    expect(chinese(damaged.problem, path)).toBe(`${path} 无法读取（其中的数据行已损坏）（技术细节：“database disk image is malformed”）`);
    expect(chinese(storeFailure(sqlite('SQLITE_CANTOPEN', 'unable to open database file'), path, 'open').problem, path)).toBe(
      `无法打开 ${path}（技术细节：“unable to open database file”）`,
    );
    const write = storeFailure(sqlite('SQLITE_IOERR_WRITE', 'disk I/O error'), path, 'write');
    expect(chinese(write.problem, path)).toBe(`无法写入 ${path}（技术细节：“disk I/O error”）`);
    expect(write.message).toBe(`cannot write ${path} (technical detail: "disk I/O error")`);
  });
});

describe('the data folder in Chinese', () => {
  const dir = '/srv/planner/data';
  const cause = (code: string) => Object.assign(new Error(`${code}: something, mkdir '${dir}'`), { code });

  it('names the cause and what to do: permission, a read-only disk, a file in the way, anything else', () => {
    expect(chinese(describeDataDirError(dir, cause('EACCES')).problem, dir)).toBe(
      '无法创建或写入数据文件夹 /srv/planner/data：没有权限。请给当前用户授予它（或 /srv/planner）的写入权限，或在启动规划工具时把环境变量“COSTPLAN_DATA_DIR”设为一个可以写入的文件夹。',
    );
    expect(chinese(describeDataDirError(dir, cause('EROFS')).problem, dir)).toContain('磁盘是只读的');
    expect(chinese(describeDataDirError(dir, cause('ENOTDIR')).problem, dir)).toMatch(/有一个文件占了它的位置（.* 是文件，不是文件夹）。请移动或重命名该文件/u);
    const other = describeDataDirError(dir, cause('EIO'));
    expect(other.reason).toBe('other');
    expect(chinese(other.problem, dir)).toBe(
      `无法创建或写入数据文件夹 /srv/planner/data（技术细节：“EIO: something, mkdir '/srv/planner/data'”）。请检查该文件夹，或在启动规划工具时把环境变量“COSTPLAN_DATA_DIR”设为一个可以写入的文件夹。`,
    );
    // The English message is the same problem worded in English.
    expect(describeDataDirError(dir, cause('EACCES')).message).toBe(
      'cannot create or write the data folder /srv/planner/data: permission denied. Give your user write access to it (or to /srv/planner), or start the planner with COSTPLAN_DATA_DIR set to a folder you can write to.',
    );
  });
});

describe('the command line in Chinese', () => {
  it('costplan compute --lang zh on a changed file prints the Chinese refusal on one line', async () => {
    const { path, options } = fileSetup(scratch, 'cli');
    await writeHealthyModel(path, options.dataDir);
    HOSTILE_MODEL_FILES.find((file) => file.name === 'extra-column')!.make(path);
    let stderr = '';
    const code = await runCli(['compute', path, '--lang', 'zh'], { out: () => undefined, err: (text) => (stderr += text) });
    expect(code).toBe(2);
    expect(stderr).toBe(`error: ${path} 在服务成本规划之外被改动过（表“cost_node”多出了列“secret”）：为安全起见没有打开，文件保持原样\n`);
  });
});
