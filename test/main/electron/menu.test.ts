import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuCommands, type MenuState } from '../../../main/electron/menu';
import { languageOfLocale } from '../../../main/electron/menu-text';

vi.mock('electron', () => ({}));

function state(patch: Partial<MenuState> = {}): MenuState {
  return {
    language: 'en',
    platform: 'linux',
    isPackaged: true,
    hasModel: true,
    readOnly: null,
    canUndo: true,
    canRedo: false,
    modelLanguage: 'en',
    displayUnit: 'tenThousand',
    recentFiles: [
      { path: '/plans/a.costplan', name: 'a.costplan', exists: true },
      { path: '/plans/gone.costplan', name: 'gone.costplan', exists: false },
    ],
    snapshots: [{ id: '20270301T090000000Z-manual', createdAt: '2027-03-01T09:00:00.000Z', reason: 'manual' }],
    ...patch,
  };
}

function commands(): MenuCommands & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      void calls.push([name, ...args]);
  return {
    calls,
    newModel: record('newModel'),
    open: record('open'),
    openRecent: record('openRecent'),
    saveAs: record('saveAs'),
    importFile: record('importFile'),
    exportWorkbook: record('exportWorkbook'),
    exportDeck: record('exportDeck'),
    createSnapshot: record('createSnapshot'),
    restoreSnapshot: record('restoreSnapshot'),
    undo: record('undo'),
    redo: record('redo'),
    setLanguage: record('setLanguage'),
    setDisplayUnit: record('setDisplayUnit'),
    showDefinitions: record('showDefinitions'),
    showAbout: record('showAbout'),
  };
}

function items(menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  if (!Array.isArray(menu.submenu)) throw new Error(`${menu.label} has no submenu`);
  return menu.submenu;
}

function byId(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  for (const item of template) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      try {
        return byId(item.submenu, id);
      } catch {
        // not in this submenu
      }
    }
  }
  throw new Error(`no menu item ${id}`);
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as (() => void) | undefined)?.();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help, with the File commands the issue lists', () => {
    const template = buildMenuTemplate(state(), commands());
    expect(template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = items(template[0]!).map((item) => item.id ?? item.role ?? item.type);
    expect(file).toEqual([
      'new-example',
      'new-empty',
      'open',
      'open-recent',
      'separator',
      'save-as',
      'separator',
      'import',
      'export-excel',
      'export-deck',
      'separator',
      'snapshots',
      'separator',
      'quit',
    ]);
    expect(items(template[3]!).map((item) => item.id ?? item.type)).toEqual(['definitions', 'separator', 'about']);
  });

  it('labels everything in Chinese for a Chinese model', () => {
    const template = buildMenuTemplate(state({ language: 'zh' }), commands());
    expect(template.map((menu) => menu.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(byId(template, 'new-example').label).toBe('从示例新建…');
    expect(byId(template, 'export-excel').label).toBe('导出到 Excel…');
    expect(byId(template, 'export-deck').label).toBe('导出客户演示文稿（PowerPoint）…');
    expect(byId(template, 'undo').label).toBe('撤销');
    expect(byId(template, 'unit-tenThousand').label).toBe('万元');
    expect(byId(template, 'definitions').label).toBe('指标定义');
  });

  it('wires each item to its command', () => {
    const c = commands();
    const template = buildMenuTemplate(state(), c);
    for (const id of [
      'new-example',
      'new-empty',
      'open',
      'save-as',
      'import',
      'export-excel',
      'export-deck',
      'create-snapshot',
      'undo',
      'redo',
      'language-zh',
      'unit-million',
      'definitions',
      'about',
    ])
      click(byId(template, id));
    click(items(byId(template, 'open-recent'))[0]!);
    click(items(byId(template, 'snapshots'))[2]!);
    expect(c.calls).toEqual([
      ['newModel', 'example'],
      ['newModel', 'empty'],
      ['open'],
      ['saveAs'],
      ['importFile'],
      ['exportWorkbook'],
      ['exportDeck'],
      ['createSnapshot'],
      ['undo'],
      ['redo'],
      ['setLanguage', 'zh'],
      ['setDisplayUnit', 'million'],
      ['showDefinitions'],
      ['showAbout'],
      ['openRecent', '/plans/a.costplan'],
      ['restoreSnapshot', '20270301T090000000Z-manual', '2027-03-01T09:00:00.000Z'],
    ]);
  });

  it('shows undo and redo shortcuts without taking them from the page, enabled as the model allows', () => {
    const template = buildMenuTemplate(state({ canUndo: true, canRedo: false }), commands());
    expect(byId(template, 'undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, enabled: true });
    expect(byId(template, 'redo')).toMatchObject({ registerAccelerator: false, enabled: false });
    const readOnly = buildMenuTemplate(state({ readOnly: 'read-only' }), commands());
    expect(byId(readOnly, 'undo').enabled).toBe(false);
    expect(byId(readOnly, 'import').enabled).toBe(false);
    expect(byId(readOnly, 'language-en').enabled).toBe(false);
    expect(byId(readOnly, 'save-as').enabled).toBe(true);
    expect(items(byId(readOnly, 'snapshots'))[2]!.enabled).toBe(false);
    const damaged = buildMenuTemplate(state({ readOnly: 'damaged' }), commands());
    expect(items(byId(damaged, 'snapshots'))[2]!.enabled).toBe(true);
  });

  it('checks the model language and display unit', () => {
    const template = buildMenuTemplate(state({ modelLanguage: 'zh', displayUnit: 'hundredMillion' }), commands());
    expect(byId(template, 'language-zh')).toMatchObject({ type: 'radio', checked: true });
    expect(byId(template, 'language-en').checked).toBe(false);
    expect(byId(template, 'unit-hundredMillion').checked).toBe(true);
    expect(items(byId(template, 'display-unit'))).toHaveLength(5);
  });

  it('lists recent files (missing ones disabled) and says when there are none', () => {
    const template = buildMenuTemplate(state(), commands());
    expect(items(byId(template, 'open-recent')).map((item) => [item.label, item.enabled])).toEqual([
      ['a.costplan', true],
      ['gone.costplan', false],
    ]);
    const none = buildMenuTemplate(state({ recentFiles: [], snapshots: [] }), commands());
    expect(items(byId(none, 'open-recent'))).toEqual([{ label: 'No recent files', enabled: false }]);
    expect(items(byId(none, 'snapshots'))[2]).toEqual({ label: 'No snapshots yet', enabled: false });
  });

  it('disables model commands when no model is open', () => {
    const template = buildMenuTemplate(state({ hasModel: false, canUndo: false }), commands());
    for (const id of ['save-as', 'import', 'export-excel', 'snapshots', 'undo']) expect(byId(template, id).enabled).toBe(false);
    for (const id of ['new-example', 'new-empty', 'open']) expect(byId(template, id).enabled).not.toBe(false);
  });

  it('on macOS puts About and Quit in the app menu', () => {
    const template = buildMenuTemplate(state({ platform: 'darwin' }), commands());
    expect(template.map((menu) => menu.label)).toEqual(['Service Cost Planner', 'File', 'Edit', 'View', 'Help']);
    expect(items(template[0]!).map((item) => item.id ?? item.role ?? item.type)).toContain('about');
    expect(items(template[1]!).map((item) => item.role)).not.toContain('quit');
  });

  it('offers the developer tools only outside a packaged build', () => {
    const roles = (packaged: boolean) => items(buildMenuTemplate(state({ isPackaged: packaged }), commands())[2]!).map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });
});

describe('languageOfLocale', () => {
  it.each([
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['en-US', 'en'],
    ['de', 'en'],
  ])('%s -> %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});
