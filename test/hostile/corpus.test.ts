import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { workbookService } from '../../main/excel/service';
import { SECRET_HEADER } from '../../main/host/server';
import { createExampleModel } from '../../shared/model';
import { writeHealthyModel } from '../fixtures/hostile/model-files';
import { generateHostileCorpus, type HostileCase } from '../fixtures/hostile/generate';
import { httpTransport } from '../main/api/transports';

/**
 * The hostile corpus (test/fixtures/hostile/generate.ts) through the two doors a file comes
 * in by: the command line (one line on stderr, exit 2, the file untouched, nothing written)
 * and the browser host's API (a refusal, the host still answering, the file untouched,
 * nothing written beside it).
 */
const root = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'costplan-hostile-corpus-'));
let corpus: HostileCase[] = [];

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
  if (item.kind === 'model') return [['check', item.path], ['compute', item.path], ['dump', item.path, '--out', `${out}.json`], ['export', item.path, '--out', `${out}.xlsx`]];
  if (item.kind === 'import') return [['import', item.path, '--out', `${out}.costplan`]];
  return [['load', item.path, '--out', `${out}.costplan`], ['compute', item.path]];
}

describe('the hostile corpus', () => {
  it('covers every attack of the issue and the older ones', () => {
    const names = corpus.map((item) => item.name);
    for (const name of ['view-endless-recursion', 'trigger-on-edit', 'virtual-table', 'truncated', 'bit-flipped', 'future-user-version', 'amplification.xlsx', 'closing-tags-with-spaces.xlsx', 'chain-20000-levels.csv', 'field-45-mb.csv', 'zip-bomb.xlsx', 'billion-laughs.xlsx', 'external-entity.xlsx', 'dot-dot.xlsx', 'renamed-xls.xlsx', 'lone-surrogates.json', 'terminal-escape.json', 'one-megabyte-name.json'])
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

  it("through the browser host's API: refused, the host still answering, the files untouched, nothing written", async () => {
    const dataDir = mkdtempSync(join(root, 'host-data-'));
    const transport = await httpTransport(dataDir, { workbooks: workbookService });
    try {
      const session = async () => {
        const response = await fetch(`http://127.0.0.1:${transport.host.port}/api/getSession`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SECRET_HEADER]: transport.host.secret },
          body: '{}',
        });
        return response.status;
      };
      // Model files are opened; import files are imported into an open, healthy model.
      for (const item of corpus.filter((entry) => entry.kind === 'model')) {
        const before = state(item.path);
        const opened = await transport.call('openModel', { path: item.path });
        expect(opened.ok, item.name).toBe(false);
        if (!opened.ok) {
          expect(opened.error.message, item.name).toMatch(item.expect);
          expect(opened.error.message, item.name).not.toMatch(/\n/u);
        }
        expect(await session(), item.name).toBe(200);
        expect(state(item.path), item.name).toEqual(before);
      }
      const healthy = join(mkdtempSync(join(root, 'healthy-')), 'plan.costplan');
      await writeHealthyModel(healthy, dataDir);
      expect((await transport.call('openModel', { path: healthy })).ok).toBe(true);
      const healthyBefore = state(healthy);
      for (const item of corpus.filter((entry) => entry.kind === 'import')) {
        const before = state(item.path);
        const imported = await transport.call('importFile', { path: item.path });
        expect(imported.ok, item.name).toBe(false);
        if (!imported.ok) expect(imported.error.message, item.name).toMatch(item.expect);
        expect(await session(), item.name).toBe(200);
        expect(state(item.path), item.name).toEqual(before);
        expect(state(healthy), item.name).toEqual(healthyBefore);
      }
      const after = await transport.call('getSession', {});
      expect(after.ok && after.value.model?.name).toBe(createExampleModel('en').name);
    } finally {
      await transport.close();
    }
  }, 300_000);
});
