import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../../shared/api/contract';
import type { ApiMethod } from '../../../shared/api/methods';
import { directTransport, httpTransport, type Transport } from './transports';

function value<M extends ApiMethod>(response: ApiResponse<M>) {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value;
}

/** The same suite against the handlers and over HTTP: the transport must not change a thing. */
describe.each([
  ['handlers', (dir: string) => Promise.resolve(directTransport(dir))],
  ['http', (dir: string) => httpTransport(dir)],
])('the API contract through %s', (_name, makeTransport) => {
  let transport: Transport;
  let dir: string;
  afterEach(async () => transport.close());

  async function start(): Promise<Transport> {
    dir = mkdtempSync(join(tmpdir(), 'costplan-api-'));
    transport = await makeTransport(dir);
    return transport;
  }

  it('creates the example, edits it, undoes and redoes, and computes the oracle figures', async () => {
    const api = await start();
    const path = join(dir, 'plan.costplan');
    const created = value(await api.call('newModel', { name: 'plan', template: 'example', language: 'en' }));
    expect(created.file).toEqual({ file: 'plan.costplan', path, name: 'plan.costplan', inDataFolder: true });
    expect(created.model?.scenarios.map((s) => s.name)).toEqual(['Target 15%', 'Digital tools 20%']);
    expect(created.canUndo).toBe(false);

    const computed = value(await api.call('compute', {}));
    expect(computed.scenarios[0]!.years[0]!.saving / 1e4).toBeCloseTo(130.00932, 9);
    expect(computed.scenarios[0]!.totals.returnOnInvestment).toBeCloseTo(2.25349488, 12);

    const edited = value(
      await api.call('applyEdit', {
        command: { type: 'setLever', scenarioId: 'target-15', nodeId: 'contact-center-labor', kind: 'unitCostChange', value: -0.2 },
      }),
    );
    expect(edited.canUndo).toBe(true);
    expect(value(await api.call('compute', { scenarioIds: ['target-15'] })).scenarios[0]!.totals.saving / 1e4).toBeCloseTo(630.9785664, 9);

    const undone = value(await api.call('undo', {}));
    expect(undone.model?.scenarios[0]!.levers[0]!.unitCostChange).toBe(-0.15);
    expect(undone.canRedo).toBe(true);
    const redone = value(await api.call('redo', {}));
    expect(redone.model?.scenarios[0]!.levers[0]!.unitCostChange).toBe(-0.2);
  });

  it('refuses an invalid edit with the field and the rule, and writes nothing', async () => {
    const api = await start();
    value(await api.call('newModel', { name: 'plan', template: 'example', language: 'en' }));
    const response = await api.call('applyEdit', { command: { type: 'setBasis', nodeId: 'contact-center-other', basis: { kind: 'share', share: 0.25 } } });
    expect(response).toEqual({
      ok: false,
      error: {
        code: 'invalid-edit',
        message: 'the shares under "Contact center" add up to 112% (max 100%)',
        path: 'costTree["Contact center"].children',
        // The same problem as a code with parameters, for the screen to word in its language.
        problem: { code: 'shares-over-parent', params: { parent: 'Contact center', total: expect.closeTo(1.12, 12) } },
      },
    });
    expect(value(await api.call('getSession', {})).canUndo).toBe(false);
  });

  it('rejects invalid payloads and unknown methods before any handler runs', async () => {
    const api = await start();
    const bad = await api.call('openModel', { file: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid-input');
    const extra = await api.call('undo', { sneaky: true } as never);
    expect(extra.ok).toBe(false);
    const unknown = await api.call('dropDatabase' as never, {} as never);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('unknown-method');
    const noModel = await api.call('undo', {});
    expect(noModel.ok).toBe(false);
    if (!noModel.ok) expect(noModel.error.code).toBe('no-model');
  });

  it('reports a bad file with its own message and keeps it untouched', async () => {
    const api = await start();
    const path = join(dir, 'random.costplan');
    writeFileSync(path, 'not a database at all, but long enough to have a header of a hundred bytes.'.repeat(3));
    const before = readFileSync(path);
    const response = await api.call('openModel', { file: 'random.costplan' });
    expect(response.ok).toBe(false);
    if (!response.ok) {
      expect(response.error.code).toBe('not-sqlite');
      expect(response.error.message).toContain('not a SQLite database');
    }
    expect(readFileSync(path)).toEqual(before);
  });

  it('lists recent files, snapshots and restores, and keeps settings per file', async () => {
    const api = await start();
    const path = join(dir, 'plan.costplan');
    value(await api.call('newModel', { name: 'plan', template: 'example', language: 'zh' }));
    expect(value(await api.call('listRecentFiles', {})).map((f) => [f.file, f.path])).toEqual([['plan.costplan', path]]);
    const snapshot = value(await api.call('createSnapshot', {}));
    value(await api.call('applyEdit', { command: { type: 'renameScenario', scenarioId: 'target-15', name: 'Renamed' } }));
    expect(value(await api.call('listSnapshots', {})).map((s) => s.id)).toContain(snapshot.id);
    const restored = value(await api.call('restoreSnapshot', { snapshotId: snapshot.id }));
    expect(restored.model?.scenarios[0]!.name).toBe('目标 15%');
    expect(restored.canUndo).toBe(true);
    expect(value(await api.call('updateSettings', { baselineScenarioId: 'digital-tools-20', uiLanguage: 'en' }))).toEqual({
      uiLanguage: 'en',
      baselineScenarioId: 'digital-tools-20',
    });
    expect(value(await api.call('getSettings', {})).baselineScenarioId).toBe('digital-tools-20');
  });
});
