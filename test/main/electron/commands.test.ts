import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../shared/api/contract';
import type { Language } from '../../../shared/model/units';
import { ApiService } from '../../../main/api/handlers';
import { DesktopCommands } from '../../../main/electron/commands';
import type { FilePurpose } from '../../../main/api/files';
import { FakeDialogs, settle } from './fakes';

vi.mock('electron', () => ({}));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: { language?: Language; open?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'costplan-commands-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const api = new ApiService({ dataDir: dir, appVersion: '9.8.7' });
  cleanups.push(() => api.shutdown());
  if (options.open ?? true) {
    const created = await api.call('newModel', { name: 'plan', template: 'example', language: 'en' });
    if (!created.ok) throw new Error(created.error.message);
  }
  const dialogs = new FakeDialogs();
  const pushed: SessionState[] = [];
  const changed = vi.fn<() => void>();
  const call = vi.spyOn(api, 'call');
  const deps = {
    api,
    dialogs,
    language: () => options.language ?? 'en',
    documentsDir: () => join(dir, 'Documents'),
    register: (path: string, purpose: FilePurpose) => api.files.register(path, purpose),
    currentFile: () => api.currentDocument?.path,
    pushSession: (session: SessionState) => pushed.push(session),
    changed,
    appVersion: '9.8.7',
    versions: { electron: '45.5.0', chrome: '142.0.0', node: '22.20.0' },
  };
  const commands = new DesktopCommands(deps);
  return { dir, api, dialogs, pushed, changed, call, commands, deps };
}

describe('DesktopCommands', () => {
  it('File > New from the example asks where, adds .costplan, creates it and shows it', async () => {
    const s = await setup({ language: 'zh' });
    s.dialogs.saveAnswers.push(join(s.dir, '计划'));
    s.commands.newModel('example');
    await vi.waitFor(() => expect(s.pushed).toHaveLength(1));
    expect(s.dialogs.shown[0]).toMatchObject({ kind: 'save', options: { defaultPath: join(s.dir, 'Documents', '示例.costplan') } });
    expect(s.pushed[0]?.file?.path).toBe(join(s.dir, '计划.costplan'));
    expect(s.pushed[0]?.model?.language).toBe('zh');
    expect(s.call).toHaveBeenCalledWith('newModel', { target: expect.stringMatching(/^#[0-9a-f]+$/), template: 'example', language: 'zh' });
    expect(s.changed).toHaveBeenCalled();
  });

  it('does nothing when a dialog is cancelled', async () => {
    const s = await setup();
    for (const run of [
      () => s.commands.open(),
      () => s.commands.saveAs(),
      () => s.commands.importFile(),
      () => s.commands.exportWorkbook(),
      () => s.commands.newModel('empty'),
    ])
      run();
    await vi.waitFor(() => expect(s.dialogs.shown).toHaveLength(5));
    expect(s.call).not.toHaveBeenCalled();
    expect(s.pushed).toEqual([]);
  });

  it('File > Open opens the chosen file; a file that is not a model is refused in a message box', async () => {
    const s = await setup();
    const other = join(s.dir, 'other.costplan');
    const made = new ApiService({ dataDir: s.dir, appVersion: 'x' });
    expect((await made.call('newModel', { name: 'other', template: 'empty', language: 'en' })).ok).toBe(true);
    await made.shutdown();
    s.dialogs.openAnswers.push(other);
    s.commands.open();
    await vi.waitFor(() => expect(s.pushed.at(-1)?.file?.path).toBe(other));

    s.dialogs.openAnswers.push(join(s.dir, 'missing.costplan'));
    s.commands.open();
    await vi.waitFor(() => expect(s.dialogs.messages('error')).toHaveLength(1));
    expect(s.pushed).toHaveLength(1);
    expect(s.api.currentDocument?.path).toBe(other);
  });

  it('File > Import asks: as a new model (the default) or replace the open one, then says what it did', async () => {
    const s = await setup();
    const elsewhere = mkdtempSync(join(tmpdir(), 'costplan-import-'));
    cleanups.push(() => rmSync(elsewhere, { recursive: true, force: true }));
    const maker = new ApiService({ dataDir: elsewhere, appVersion: 'x' });
    expect((await maker.call('newModel', { name: 'client', template: 'example', language: 'en' })).ok).toBe(true);
    await maker.shutdown();

    s.dialogs.openAnswers.push(join(elsewhere, 'client.costplan'));
    s.dialogs.messageAnswers.push(2); // Cancel
    s.commands.importFile();
    await vi.waitFor(() => expect(s.dialogs.messages('question')).toHaveLength(1));
    expect(s.dialogs.messages('question')[0]).toMatchObject({ buttons: ['As a new model', 'Replace plan.costplan', 'Cancel'], defaultId: 0, cancelId: 2 });
    await settle(20);
    expect(s.call).not.toHaveBeenCalledWith('importFile', expect.anything());

    s.dialogs.openAnswers.push(join(elsewhere, 'client.costplan'));
    s.dialogs.messageAnswers.push(0); // As a new model
    s.commands.importFile();
    await vi.waitFor(() => expect(s.dialogs.messages('info')).toHaveLength(1));
    expect(s.dialogs.messages('info')[0]?.message).toBe('Imported 6 cost lines and 2 scenarios into the new model client.costplan.');
    expect(s.pushed.at(-1)?.file?.path).toBe(join(s.dir, 'client.costplan'));
    expect(s.call).toHaveBeenCalledWith('importFile', { source: expect.stringMatching(/^#[0-9a-f]+$/), mode: 'new' });

    s.dialogs.openAnswers.push(join(elsewhere, 'client.costplan'));
    s.dialogs.messageAnswers.push(1); // Replace
    s.commands.importFile();
    await vi.waitFor(() => expect(s.dialogs.messages('info')).toHaveLength(2));
    expect(s.dialogs.messages('info')[1]?.message).toBe('Imported 6 cost lines and 2 scenarios over client.costplan (undoable).');
    expect(s.pushed.at(-1)?.canUndo).toBe(true);
  });

  it('File > Save as writes a copy under the new name and switches to it', async () => {
    const s = await setup();
    s.dialogs.saveAnswers.push(join(s.dir, 'copy.costplan'));
    s.commands.saveAs();
    await vi.waitFor(() => expect(s.pushed.at(-1)?.file?.path).toBe(join(s.dir, 'copy.costplan')));
    expect(existsSync(join(s.dir, 'copy.costplan'))).toBe(true);
  });

  it('File > Export to Excel reports that this build has no workbook module in a message box', async () => {
    const s = await setup();
    s.dialogs.saveAnswers.push(join(s.dir, 'out'));
    s.commands.exportWorkbook();
    await vi.waitFor(() => expect(s.dialogs.messages('error')).toHaveLength(1));
    expect(s.call).toHaveBeenCalledWith('exportFile', { kind: 'workbook', target: expect.stringMatching(/^#[0-9a-f]+$/), language: 'en' });
    expect(s.dialogs.shown[0]).toMatchObject({ kind: 'save', options: { defaultPath: join(s.dir, 'plan.xlsx'), filters: [{ extensions: ['xlsx'] }] } });
  });

  it("File > Export client deck opens the window's export dialog when there is a window", async () => {
    const s = await setup();
    const asked: string[] = [];
    const commands = new DesktopCommands({ ...s.deps, openWindowDialog: (dialog) => (asked.push(dialog), true) });
    commands.exportDeck();
    await vi.waitFor(() => expect(asked).toEqual(['exportDeck']));
    expect(s.dialogs.shown).toHaveLength(0);
  });

  it('File > Export client deck without a window asks where and exports every slide (this build has no deck module: a message box)', async () => {
    const s = await setup();
    s.dialogs.saveAnswers.push(join(s.dir, 'client'));
    s.commands.exportDeck();
    await vi.waitFor(() => expect(s.dialogs.messages('error')).toHaveLength(1));
    expect(s.call).toHaveBeenCalledWith('exportDeck', { target: expect.stringMatching(/^#/), language: 'en' });
    expect(s.dialogs.shown[0]).toMatchObject({ kind: 'save', options: { defaultPath: join(s.dir, 'plan.pptx'), filters: [{ extensions: ['pptx'] }] } });
  });

  it('Snapshots: takes one, and restores one only after the planner confirms', async () => {
    const s = await setup();
    s.commands.createSnapshot();
    await vi.waitFor(() => expect(s.dialogs.messages('info')).toHaveLength(1));
    const [snapshot] = s.api.currentDocument!.snapshots();
    if (snapshot === undefined) throw new Error('no snapshot');
    expect((await s.api.call('applyEdit', { command: { type: 'setModelSettings', name: 'Edited' } })).ok).toBe(true);

    s.dialogs.messageAnswers.push(1); // Cancel
    s.commands.restoreSnapshot(snapshot.id, snapshot.createdAt.toISOString());
    await vi.waitFor(() => expect(s.dialogs.messages('question')).toHaveLength(1));
    expect(s.call).not.toHaveBeenCalledWith('restoreSnapshot', expect.anything());

    s.dialogs.messageAnswers.push(0); // Restore
    s.commands.restoreSnapshot(snapshot.id, snapshot.createdAt.toISOString());
    await vi.waitFor(() => expect(s.pushed).toHaveLength(1), { timeout: 5000 });
    expect(s.pushed[0]?.model?.name).not.toBe('Edited');
    expect(s.pushed[0]?.model?.name).toBe(s.api.currentDocument?.model.name);
    expect(s.dialogs.messages('error')).toEqual([]);
  });

  it('View > Language and Display unit are view settings: pushed to the window, not edits, so Undo never switches them back', async () => {
    const s = await setup();
    s.commands.setLanguage('zh');
    await vi.waitFor(() => expect(s.pushed.at(-1)?.view?.language).toBe('zh'));
    s.commands.setDisplayUnit('yuan');
    await vi.waitFor(() => expect(s.pushed.at(-1)?.view?.displayUnit).toBe('yuan'));
    expect(s.pushed.at(-1)?.canUndo).toBe(false);
    expect(s.api.currentDocument?.model.displayUnit).toBe('tenThousand');
    // An edit, then Undo: the edit goes, the view settings stay.
    expect((await s.api.call('applyEdit', { command: { type: 'setModelSettings', name: 'Edited' } })).ok).toBe(true);
    s.commands.undo();
    await vi.waitFor(() => expect(s.pushed.at(-1)?.model?.name).not.toBe('Edited'));
    expect(s.pushed.at(-1)?.view).toEqual({ language: 'zh', displayUnit: 'yuan' });
    s.commands.redo();
    await vi.waitFor(() => expect(s.pushed.at(-1)?.model?.name).toBe('Edited'));
  });

  it('shows an error instead of throwing when there is nothing to undo or no model', async () => {
    const s = await setup({ open: false });
    s.commands.undo();
    s.commands.redo();
    await vi.waitFor(() => expect(s.dialogs.messages('error')).toHaveLength(2));
    expect(s.dialogs.messages('error')[0]?.message).toMatch(/no model is open/);
  });

  it('Help: the about box shows the version; the definitions come in the menu language', async () => {
    const s = await setup({ language: 'zh' });
    s.commands.showAbout();
    s.commands.showDefinitions();
    await vi.waitFor(() => expect(s.dialogs.messages('info')).toHaveLength(2));
    const [about, definitions] = s.dialogs.messages('info');
    expect(about?.message).toBe('Service Cost Planner 9.8.7');
    expect(about?.detail).toContain('Electron 45.5.0');
    expect(definitions?.title).toBe('指标定义');
    expect(definitions?.detail).toContain('投入产出比');
  });
});
