import type { MenuItemConstructorOptions } from 'electron';
import { DISPLAY_UNITS, LANGUAGES, type DisplayUnit, type Language } from '../../shared/model/units';
import { DESKTOP_TEXT, formatWhen } from './menu-text';

/** What the menus show: built again whenever it changes (see DesktopMenu). */
export interface MenuState {
  /** The language of the menus: the open model's, else the app setting, else the system's. */
  language: Language;
  platform: string;
  /** Developer tools only outside a packaged build. */
  isPackaged: boolean;
  hasModel: boolean;
  /** Why the open model cannot be edited: a damaged file can still be restored from a snapshot. */
  readOnly: 'read-only' | 'damaged' | null;
  canUndo: boolean;
  canRedo: boolean;
  modelLanguage: Language | null;
  displayUnit: DisplayUnit | null;
  recentFiles: readonly { path: string; name: string; exists: boolean }[];
  snapshots: readonly { id: string; createdAt: string; reason: string }[];
}

/** What the menu items do; DesktopCommands implements them over dialogs and the ApiService. */
export interface MenuCommands {
  newModel(template: 'example' | 'empty'): void;
  open(): void;
  openRecent(path: string): void;
  saveAs(): void;
  importFile(): void;
  exportWorkbook(): void;
  exportDeck(): void;
  createSnapshot(): void;
  restoreSnapshot(snapshotId: string, createdAt: string): void;
  undo(): void;
  redo(): void;
  setLanguage(language: Language): void;
  setDisplayUnit(unit: DisplayUnit): void;
  showDefinitions(): void;
  showAbout(): void;
}

const MAX_SNAPSHOTS_IN_MENU = 15;
const LANGUAGE_NAMES: Record<Language, string> = { zh: '中文', en: 'English' };

/**
 * The application menu: File, Edit, View, Help (and the app menu on macOS). Undo and redo
 * show their shortcuts without taking them: the page handles Ctrl/Cmd+Z itself, so a text
 * field keeps its own undo while typing.
 */
export function buildMenuTemplate(state: MenuState, commands: MenuCommands): MenuItemConstructorOptions[] {
  const text = DESKTOP_TEXT[state.language];
  const mac = state.platform === 'darwin';
  const writable = state.hasModel && state.readOnly === null;
  const restorable = state.hasModel && state.readOnly !== 'read-only';

  const recent: MenuItemConstructorOptions[] =
    state.recentFiles.length === 0
      ? [{ label: text.noRecentFiles, enabled: false }]
      : state.recentFiles.map((file) => ({ label: file.name, toolTip: file.path, enabled: file.exists, click: () => commands.openRecent(file.path) }));

  const snapshots: MenuItemConstructorOptions[] = [
    { id: 'create-snapshot', label: text.createSnapshot, enabled: writable, click: () => commands.createSnapshot() },
    { type: 'separator' },
    ...(state.snapshots.length === 0
      ? [{ label: text.noSnapshots, enabled: false }]
      : state.snapshots.slice(0, MAX_SNAPSHOTS_IN_MENU).map((snapshot): MenuItemConstructorOptions => ({
          label: `${formatWhen(snapshot.createdAt, state.language)} (${text.snapshotReasons[snapshot.reason] ?? snapshot.reason})`,
          enabled: restorable,
          click: () => commands.restoreSnapshot(snapshot.id, snapshot.createdAt),
        }))),
  ];

  const file: MenuItemConstructorOptions = {
    label: text.file,
    submenu: [
      { id: 'new-example', label: text.newFromExample, accelerator: 'CmdOrCtrl+N', click: () => commands.newModel('example') },
      { id: 'new-empty', label: text.newEmpty, accelerator: 'CmdOrCtrl+Shift+N', click: () => commands.newModel('empty') },
      { id: 'open', label: text.open, accelerator: 'CmdOrCtrl+O', click: () => commands.open() },
      { id: 'open-recent', label: text.openRecent, submenu: recent },
      { type: 'separator' },
      { id: 'save-as', label: text.saveAs, accelerator: 'CmdOrCtrl+Shift+S', enabled: state.hasModel, click: () => commands.saveAs() },
      { type: 'separator' },
      { id: 'import', label: text.importFile, enabled: writable, click: () => commands.importFile() },
      { id: 'export-excel', label: text.exportExcel, accelerator: 'CmdOrCtrl+E', enabled: state.hasModel, click: () => commands.exportWorkbook() },
      { id: 'export-deck', label: text.exportDeck, enabled: state.hasModel, click: () => commands.exportDeck() },
      { type: 'separator' },
      { id: 'snapshots', label: text.snapshots, enabled: state.hasModel, submenu: snapshots },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: text.quit } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: text.edit,
    submenu: [
      {
        id: 'undo',
        label: text.undo,
        accelerator: 'CmdOrCtrl+Z',
        registerAccelerator: false,
        enabled: writable && state.canUndo,
        click: () => commands.undo(),
      },
      {
        id: 'redo',
        label: text.redo,
        accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y',
        registerAccelerator: false,
        enabled: writable && state.canRedo,
        click: () => commands.redo(),
      },
      { type: 'separator' },
      { role: 'cut', label: text.cut },
      { role: 'copy', label: text.copy },
      { role: 'paste', label: text.paste },
      { role: 'selectAll', label: text.selectAll },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: text.view,
    submenu: [
      {
        id: 'language',
        label: text.language,
        submenu: LANGUAGES.map((language) => ({
          id: `language-${language}`,
          label: LANGUAGE_NAMES[language],
          type: 'radio',
          checked: state.modelLanguage === language,
          enabled: writable,
          click: () => commands.setLanguage(language),
        })),
      },
      {
        id: 'display-unit',
        label: text.displayUnit,
        submenu: DISPLAY_UNITS.map((unit) => ({
          id: `unit-${unit}`,
          label: text.units[unit],
          type: 'radio',
          checked: state.displayUnit === unit,
          enabled: writable,
          click: () => commands.setDisplayUnit(unit),
        })),
      },
      { type: 'separator' },
      { role: 'resetZoom', label: text.resetZoom },
      { role: 'zoomIn', label: text.zoomIn },
      { role: 'zoomOut', label: text.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: text.fullScreen },
      ...(state.isPackaged ? [] : [{ role: 'toggleDevTools', label: text.devTools } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: text.help,
    submenu: [
      { id: 'definitions', label: text.definitions, click: () => commands.showDefinitions() },
      ...(mac ? [] : [{ type: 'separator' } as const, { id: 'about', label: text.about, click: () => commands.showAbout() }]),
    ],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Service Cost Planner',
    submenu: [
      { id: 'about', label: text.about, click: () => commands.showAbout() },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', label: text.quit },
    ],
  };

  return mac ? [appMenu, file, edit, view, help] : [file, edit, view, help];
}
