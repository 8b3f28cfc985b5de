import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { workbookService } from '../../main/excel/service';
import { ApiService } from '../../main/api/handlers';
import { SECRET_HEADER, startHost } from '../../main/host/server';
import { writeHealthyModel } from '../fixtures/hostile/model-files';
import { generateHostileCorpus, type HostileCase } from '../fixtures/hostile/generate';
import { isProblem, type Problem } from '../../shared/messages/problems';
import { renderProblem } from '../../shared/messages/render';
import { englishWords } from '../support/chinese';

/**
 * The hostile corpus (test/fixtures/hostile/generate.ts) through the two doors a file comes
 * in by: the command line (one line on stderr, exit 2, the file untouched, nothing written)
 * and the browser host's API (a refusal, the host still answering, the file untouched,
 * nothing written beside it).
 */
const root = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'costplan-hostile-corpus-'));
let corpus: HostileCase[] = [];
/**
 * Latin a Chinese refusal may show: letters of the cells it names (the cell XFD1048576, the last
 * column an import reads, ALL) and the hostile files' own column headers.
 */
const FILE_WORDS = ['XFD', 'ALL', 'Name', 'Level', 'Parent', 'Basis', 'Value', 'Notes'];

/** Every string a problem carries: a file's own words. */
function parameterTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(parameterTexts);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(parameterTexts);
  return [];
}

beforeAll(async () => {
  corpus = await generateHostileCorpus(join(root, 'corpus'));
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

function state(path: string): { sha256: string; listing: string[] } {
  return { sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), listing: readdirSync(dirname(path)).sort() };
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** What each kind of file is given to on the command line; `out` is a file that must not appear. */
function commandsFor(item: HostileCase, out: string): string[][] {
  if (item.kind === 'model')
    return [
      ['check', item.path],
      ['compute', item.path],
      ['dump', item.path, '--out', `${out}.json`],
      ['export', item.path, '--out', `${out}.xlsx`],
    ];
  if (item.kind === 'import') return [['import', item.path, '--out', `${out}.costplan`]];
  return [
    ['load', item.path, '--out', `${out}.costplan`],
    ['compute', item.path],
  ];
}

describe('the hostile corpus', () => {
  it('covers every attack of the issue and the older ones', () => {
    const names = corpus.map((item) => item.name);
    for (const name of [
      'view-endless-recursion',
      'trigger-on-edit',
      'virtual-table',
      'truncated',
      'bit-flipped',
      'future-user-version',
      'amplification.xlsx',
      'closing-tags-with-spaces.xlsx',
      'chain-20000-levels.csv',
      'field-45-mb.csv',
      'zip-bomb.xlsx',
      'billion-laughs.xlsx',
      'external-entity.xlsx',
      'dot-dot.xlsx',
      'renamed-xls.xlsx',
      'lone-surrogates.json',
      'terminal-escape.json',
      'one-megabyte-name.json',
    ])
      expect(names).toContain(name);
  });

  it('through the command line: one line, exit 2, the file untouched, nothing written', async () => {
    const outDir = mkdtempSync(join(root, 'out-'));
    for (const item of corpus) {
      const before = state(item.path);
      for (const argv of commandsFor(item, join(outDir, basename(item.path)))) {
        const started = performance.now();
        const run = await cli(...argv);
        const label = `${argv[0]} ${item.name}`;
        expect(run.code, label).toBe(2);
        expect(run.stdout, label).toBe('');
        expect(run.stderr, label).toMatch(/^error: [^\n]+\n$/u);
        expect(run.stderr, label).toMatch(item.expect);
        expect(run.stderr.length, label).toBeLessThan(2100);
        expect(run.stderr, label).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
        expect(performance.now() - started, label).toBeLessThan(10_000);
      }
      expect(state(item.path), item.name).toEqual(before);
    }
    expect(readdirSync(outDir)).toEqual([]);
  }, 300_000);

  it('through the command line with --lang zh: each import refusal in Chinese, no English word left', async () => {
    const outDir = mkdtempSync(join(root, 'out-zh-'));
    for (const item of corpus.filter((entry) => entry.kind === 'import')) {
      const run = await cli('import', item.path, '--out', join(outDir, `${basename(item.path)}.costplan`), '--lang', 'zh');
      expect(run.code, item.name).toBe(2);
      expect(run.stderr, item.name).toMatch(/^error: [^\n]+\n$/u);
      const said = run.stderr.replace(/^error: /u, '');
      expect(said, item.name).toMatch(/[\u4e00-\u9fff]/u);
      // Latin left over may only be the file's path, cells' letters and the files' own headers.
      expect(englishWords(said, [item.path, ...FILE_WORDS]), `${item.name}: ${said}`).toEqual([]);
    }
    expect(readdirSync(outDir)).toEqual([]);
  }, 300_000);

  it("through the browser host's API: uploaded, then refused; the host still answering, the files untouched, nothing written", async () => {
    // The browser host takes files as uploads into its data folder, then opens or imports them.
    const dataDir = mkdtempSync(join(root, 'host-data-'));
    const api = new ApiService({ dataDir, appVersion: '0.0.0-test', workbooks: workbookService, files: 'data-folder-only' });
    const staticDir = mkdtempSync(join(root, 'static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>test</title>');
    const host = await startHost({ api, staticDir });
    const call = async (
      method: string,
      input: unknown,
    ): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { message: string; problem?: Problem } }> => {
      const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: host.secret },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { message: string; problem?: Problem } };
    };
    const upload = async (item: HostileCase) => call('uploadFile', { fileName: basename(item.path), base64: readFileSync(item.path).toString('base64') });
    const answering = async () => (await call('getSession', {})).ok;
    try {
      await writeHealthyModel(join(dataDir, 'plan.costplan'), dataDir);
      for (const item of corpus.filter((entry) => entry.kind !== 'json')) {
        const before = state(item.path);
        const uploaded = await upload(item);
        if (!uploaded.ok) {
          // A file over the upload limit, or of a kind the planner does not take (.xlsm, .xls),
          // is refused before it is looked at.
          expect(uploaded.error?.message, item.name).toMatch(/too large|at most 50 MB|uploadFile: fileName/u);
          expect(await answering(), item.name).toBe(true);
          continue;
        }
        const file = String(uploaded.value!['file']);
        if (item.kind === 'model') {
          // An uploaded model is imported as a new model of the data folder (a copy), or refused.
          const opened = await call('importFile', { source: file, mode: 'new' });
          expect(opened.ok, item.name).toBe(false);
          expect(opened.error?.message, item.name).toMatch(item.expect);
          expect(opened.error?.message, item.name).not.toMatch(/\n/u);
        } else {
          expect((await call('openModel', { file: 'plan.costplan' })).ok, item.name).toBe(true);
          const healthy = state(join(dataDir, 'plan.costplan'));
          const imported = await call('importFile', { source: file, mode: 'replace' });
          expect(imported.ok, item.name).toBe(false);
          expect(imported.error?.message, item.name).toMatch(item.expect);
          // The app words the refusal from its code: in Chinese, no English left.
          const coded = imported.error?.problem;
          expect(isProblem(coded) && coded.code, item.name).toBe('import-failed');
          const chinese = renderProblem(coded!, { language: 'zh', unit: 'tenThousand' });
          expect(chinese, item.name).toMatch(/[\u4e00-\u9fff]/u);
          expect(englishWords(chinese, [file, ...parameterTexts(coded)]), `${item.name}: ${chinese}`).toEqual([]);
          expect(state(join(dataDir, 'plan.costplan')), item.name).toEqual(healthy);
        }
        expect(await answering(), item.name).toBe(true);
        expect(state(item.path), item.name).toEqual(before);
      }
    } finally {
      await host.close();
      await api.shutdown();
    }
    // Nothing was written: no model but the healthy one, no -wal, -shm or half-written copies.
    expect(readdirSync(dataDir).filter((name) => /\.costplan$|-wal$|-shm$|-journal$|\.tmp$/u.test(name))).toEqual(['plan.costplan']);
  }, 300_000);
});
