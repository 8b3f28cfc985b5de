import type { MenuItemConstructorOptions } from 'electron';
import { DISPLAY_UNITS, LANGUAGES, type DisplayUnit, type Language } from '../../shared/model/units';
import { namespaceText, type NamespaceText } from '../../shared/i18n/vocabulary';
import { formatWhen } from './menu-text';

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
  const t = namespaceText(state.language, 'menu');
  const mac = state.platform === 'darwin';
  const writable = state.hasModel && state.readOnly === null;
  const restorable = state.hasModel && state.readOnly !== 'read-only';

  const recent: MenuItemConstructorOptions[] =
    state.recentFiles.length === 0
      ? [{ label: t('noRecentFiles'), enabled: false }]
      : state.recentFiles.map((file) => ({ label: file.name, toolTip: file.path, enabled: file.exists, click: () => commands.openRecent(file.path) }));

  const snapshots: MenuItemConstructorOptions[] = [
    { id: 'create-snapshot', label: t('createSnapshot'), enabled: writable, click: () => commands.createSnapshot() },
    { type: 'separator' },
    ...(state.snapshots.length === 0
      ? [{ label: t('noSnapshots'), enabled: false }]
      : state.snapshots.slice(0, MAX_SNAPSHOTS_IN_MENU).map((snapshot): MenuItemConstructorOptions => ({
          label: `${formatWhen(snapshot.createdAt, state.language)} (${snapshotReason(t, snapshot.reason)})`,
          enabled: restorable,
          click: () => commands.restoreSnapshot(snapshot.id, snapshot.createdAt),
        }))),
  ];

  const file: MenuItemConstructorOptions = {
    label: t('file'),
    submenu: [
      { id: 'new-example', label: t('newFromExample'), accelerator: 'CmdOrCtrl+N', click: () => commands.newModel('example') },
      { id: 'new-empty', label: t('newEmpty'), accelerator: 'CmdOrCtrl+Shift+N', click: () => commands.newModel('empty') },
      { id: 'open', label: t('open'), accelerator: 'CmdOrCtrl+O', click: () => commands.open() },
      { id: 'open-recent', label: t('openRecent'), submenu: recent },
      { type: 'separator' },
      { id: 'save-as', label: t('saveAs'), accelerator: 'CmdOrCtrl+Shift+S', enabled: state.hasModel, click: () => commands.saveAs() },
      { type: 'separator' },
      { id: 'import', label: t('importFile'), enabled: writable, click: () => commands.importFile() },
      { id: 'export-excel', label: t('exportExcel'), accelerator: 'CmdOrCtrl+E', enabled: state.hasModel, click: () => commands.exportWorkbook() },
      { id: 'export-deck', label: t('exportDeck'), enabled: state.hasModel, click: () => commands.exportDeck() },
      { type: 'separator' },
      { id: 'snapshots', label: t('snapshots'), enabled: state.hasModel, submenu: snapshots },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: t('quit') } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t('edit'),
    submenu: [
      {
        id: 'undo',
        label: t('undo'),
        accelerator: 'CmdOrCtrl+Z',
        registerAccelerator: false,
        enabled: writable && state.canUndo,
        click: () => commands.undo(),
      },
      {
        id: 'redo',
        label: t('redo'),
        accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y',
        registerAccelerator: false,
        enabled: writable && state.canRedo,
        click: () => commands.redo(),
      },
      { type: 'separator' },
      { role: 'cut', label: t('cut') },
      { role: 'copy', label: t('copy') },
      { role: 'paste', label: t('paste') },
      { role: 'selectAll', label: t('selectAll') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: t('view'),
    submenu: [
      {
        id: 'language',
        label: t('language'),
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
        label: t('displayUnit'),
        submenu: DISPLAY_UNITS.map((unit) => ({
          id: `unit-${unit}`,
          label: t(`units.${unit}`),
          type: 'radio',
          checked: state.displayUnit === unit,
          enabled: writable,
          click: () => commands.setDisplayUnit(unit),
        })),
      },
      { type: 'separator' },
      { role: 'resetZoom', label: t('resetZoom') },
      { role: 'zoomIn', label: t('zoomIn') },
      { role: 'zoomOut', label: t('zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('fullScreen') },
      ...(state.isPackaged ? [] : [{ role: 'toggleDevTools', label: t('devTools') } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t('help'),
    submenu: [
      { id: 'definitions', label: t('definitions'), click: () => commands.showDefinitions() },
      ...(mac ? [] : [{ type: 'separator' } as const, { id: 'about', label: t('about'), click: () => commands.showAbout() }]),
    ],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Service Cost Planner',
    submenu: [
      { id: 'about', label: t('about'), click: () => commands.showAbout() },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', label: t('quit') },
    ],
  };

  return mac ? [appMenu, file, edit, view, help] : [file, edit, view, help];
}

const SNAPSHOT_REASONS = ['auto', 'manual', 'migration', 'import', 'restore'] as const;

/** Why a snapshot was taken, in words; a reason this version does not know is shown as stored. */
function snapshotReason(t: NamespaceText<'menu'>, reason: string): string {
  const known = SNAPSHOT_REASONS.find((candidate) => candidate === reason);
  return known === undefined ? reason : t(`snapshotReasons.${known}`);
}
