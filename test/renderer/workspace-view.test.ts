import { describe, expect, it, vi } from 'vitest';
import type { ApiClient, SessionState } from '../../shared/api/contract';
import { createExampleModel } from '../../shared/model/example';
import { Workspace } from '../../renderer/src/state/workspace';

/**
 * The display unit is a view setting: a session answering an undo that was sent before the unit
 * changed carries the unit as it was, and must not switch the screen back.
 */
describe('view settings and sessions in flight', () => {
  it('keeps a unit chosen while an undo was on its way', async () => {
    const session: SessionState = {
      file: { file: 'x.costplan', path: '/tmp/x.costplan', name: 'x.costplan', inDataFolder: true },
      model: createExampleModel('zh'),
      readOnly: null,
      canUndo: true,
      canRedo: false,
      revision: 1,
      appVersion: 'test',
      view: { language: 'zh', displayUnit: 'yuan' },
    };
    let answerUndo: (() => void) | undefined;
    let answerSettings: (() => void) | undefined;
    const api = {
      getSession: () => Promise.resolve({ ok: true, value: session }),
      getSettings: () => Promise.resolve({ ok: true, value: { baselineScenarioId: null, displayUnit: 'yuan' } }),
      undo: () => new Promise((resolve) => (answerUndo = () => resolve({ ok: true, value: { ...session, canUndo: false } }))),
      updateSettings: () => new Promise((resolve) => (answerSettings = () => resolve({ ok: true, value: {} }))),
    } as unknown as ApiClient;
    const workspace = new Workspace(api, () => 'id', [1, 1]);
    await workspace.load();
    expect(workspace.getState().view?.unit).toBe('yuan');

    const undone = workspace.undo();
    await vi.waitFor(() => expect(answerUndo).toBeDefined());
    workspace.setDisplayUnit('tenThousand');
    answerUndo?.();
    await undone;
    expect(workspace.getState().view?.unit).toBe('tenThousand');
    answerSettings?.();
    await Promise.resolve();
    expect(workspace.getState().view?.unit).toBe('tenThousand');
  });
});
