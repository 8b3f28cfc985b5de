import { describe, expect, it } from 'vitest';
import type { ApiClient, SessionState } from '../../shared/api/contract';
import type { EditCommand } from '../../shared/edits/commands';
import { createExampleModel } from '../../shared/model/example';
import { Workspace } from '../../renderer/src/state/workspace';
import { problem } from '../../shared/messages/problems';
import { renderProblem } from '../../shared/messages/render';
import { englishWords } from '../support/chinese';

type ApplyEdit = ApiClient['applyEdit'];

/** An API whose applyEdit does what the test says; the file's model is the example until told otherwise. */
function fakeApi(applyEdit: ApplyEdit, onGetSession: () => void = () => undefined): { api: ApiClient; sent: EditCommand[] } {
  const session: SessionState = {
    file: { file: 'x.costplan', path: '/tmp/x.costplan', name: 'x.costplan', inDataFolder: true },
    model: createExampleModel('en'),
    readOnly: null,
    canUndo: false,
    canRedo: false,
    revision: 0,
    appVersion: 'test',
  };
  const sent: EditCommand[] = [];
  const api = {
    getSession: () => {
      onGetSession();
      return Promise.resolve({ ok: true, value: session });
    },
    getSettings: () => Promise.resolve({ ok: true, value: { baselineScenarioId: null } }),
    applyEdit: (input: Parameters<ApplyEdit>[0]) => {
      sent.push(input.command);
      return applyEdit(input);
    },
    undo: () => Promise.resolve({ ok: true, value: { ...session, canUndo: false } }),
  } as unknown as ApiClient;
  return { api, sent };
}

const saved: Awaited<ReturnType<ApplyEdit>> = { ok: true, value: { canUndo: true, canRedo: false, revision: 1 } };
const rename = (name: string): EditCommand => ({ type: 'setModelSettings', name });

async function opened(api: ApiClient): Promise<Workspace> {
  const workspace = new Workspace(api, () => 'id', [1, 1]);
  await workspace.load();
  return workspace;
}

describe('the workspace save queue', () => {
  it('retries a write whose call failed, and is saved when a retry gets through', async () => {
    let calls = 0;
    const { api, sent } = fakeApi(() => (++calls < 3 ? Promise.reject(new Error('channel closed')) : Promise.resolve(saved)));
    const workspace = await opened(api);
    expect(workspace.edit(rename('First')).ok).toBe(true);
    expect(await workspace.retrySaving()).toBe(true);
    expect(sent).toHaveLength(3);
    expect(workspace.getState()).toMatchObject({ saveState: 'saved', unsavedEdits: 0, error: null });
    expect(workspace.getState().model?.name).toBe('First');
  });

  it('keeps unsaved edits on screen, in order, and says so, when every retry fails; a later retry saves them', async () => {
    let up = false;
    const { api, sent } = fakeApi(() => (up ? Promise.resolve(saved) : Promise.reject(new Error('the host is not answering'))));
    const workspace = await opened(api);
    workspace.edit(rename('First'));
    workspace.edit(rename('Second'));
    workspace.edit(rename('Third'));
    expect(await workspace.retrySaving()).toBe(false);
    const state = workspace.getState();
    expect(state.model?.name).toBe('Third');
    expect(state.saveState).toBe('failed');
    expect(state.unsavedEdits).toBe(3);
    expect(state.error?.code).toBe('save-failed');
    expect(state.error?.message).toContain('the host is not answering');
    // Only the first edit was tried (three times as it was made, three times more on the retry);
    // the later ones waited behind it.
    expect(sent.map((command) => (command as { name: string }).name)).toEqual(Array<string>(6).fill('First'));

    // Undo must not act on a file that lacks the edits on screen.
    await workspace.undo();
    expect(workspace.getState().model?.name).toBe('Third');

    up = true;
    sent.length = 0;
    expect(await workspace.retrySaving()).toBe(true);
    expect(sent.map((command) => (command as { name: string }).name)).toEqual(['First', 'Second', 'Third']);
    expect(workspace.getState()).toMatchObject({ saveState: 'saved', unsavedEdits: 0, error: null });
    // Later edits save as before.
    workspace.edit(rename('Fourth'));
    expect(await workspace.retrySaving()).toBe(true);
    expect(sent).toHaveLength(4);
  });

  it("keeps an edit the browser host did not answer, and says why in the screen's language", async () => {
    const unreachable = problem('host-unreachable', { detail: 'Failed to fetch' });
    let reloads = 0;
    const { api, sent } = fakeApi(
      () => Promise.resolve({ ok: false, error: { code: 'offline', message: 'the host does not answer', problem: unreachable } }),
      () => {
        reloads++;
      },
    );
    const workspace = await opened(api);
    reloads = 0;
    workspace.edit(rename('Offline'));
    expect(await workspace.retrySaving()).toBe(false);
    const state = workspace.getState();
    // Tried again like a call that threw (the file may be fine), never reloaded over the screen.
    expect(sent.length).toBeGreaterThan(1);
    expect(reloads).toBe(0);
    expect(state.model?.name).toBe('Offline');
    expect(state).toMatchObject({ saveState: 'failed', unsavedEdits: 1 });
    expect(state.error?.problem).toEqual(problem('save-failed', { reason: unreachable }));
    const chinese = renderProblem(state.error!.problem, { language: 'zh', unit: 'tenThousand' });
    expect(chinese).toContain('最近的修改未能保存（规划工具的本机服务没有响应');
    expect(englishWords(chinese)).toEqual([]);
  });

  it('goes back to what the file holds when the file refuses an edit (no retry)', async () => {
    let reloads = 0;
    const { api, sent } = fakeApi(
      () =>
        Promise.resolve({
          ok: false,
          error: { code: 'invalid-edit', message: 'name is too long', problem: problem('name-too-long', { length: 90, max: 80 }) },
        }),
      () => {
        reloads++;
      },
    );
    const workspace = await opened(api);
    reloads = 0;
    workspace.edit(rename('Refused'));
    expect(await workspace.retrySaving()).toBe(true);
    expect(sent).toHaveLength(1);
    expect(reloads).toBe(1);
    expect(workspace.getState().model?.name).toBe(createExampleModel('en').name);
    expect(workspace.getState().error?.code).toBe('invalid-edit');
  });
});
