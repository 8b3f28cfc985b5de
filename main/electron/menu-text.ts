import type { DisplayUnit, Language } from '../../shared/model/units';

/** Every word the menus and native dialogs show, in Chinese and English. */
export interface DesktopText {
  file: string;
  newFromExample: string;
  newEmpty: string;
  open: string;
  openRecent: string;
  noRecentFiles: string;
  saveAs: string;
  importFile: string;
  exportExcel: string;
  exportDeck: string;
  snapshots: string;
  createSnapshot: string;
  noSnapshots: string;
  snapshotReasons: Record<string, string>;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  language: string;
  displayUnit: string;
  units: Record<DisplayUnit, string>;
  zoomIn: string;
  zoomOut: string;
  resetZoom: string;
  fullScreen: string;
  devTools: string;
  help: string;
  definitions: string;
  about: string;
  modelFiles: string;
  excelFiles: string;
  deckFiles: string;
  deckExported: (path: string, slides: number) => string;
  importFiles: string;
  newModelTitle: string;
  exampleFileName: string;
  emptyFileName: string;
  errorTitle: string;
  restoreQuestion: (when: string) => string;
  restoreDetail: string;
  restore: string;
  cancel: string;
  ok: string;
  snapshotCreated: (when: string) => string;
  exported: (path: string) => string;
  importQuestion: (file: string) => string;
  importDetail: string;
  importAsNew: string;
  importReplace: (file: string) => string;
  imported: (outcome: { costLines: number; scenarios: number; fileName: string; mode: 'new' | 'replace' }) => string;
  /** A sheet of an imported workbook whose formula cells were typed over. */
  formulasReplaced: (warning: { sheet: string; cell: string; count: number }) => string;
  definitionsTitle: string;
  aboutDetail: (versions: { electron: string; chrome: string; node: string }) => string;
}

const zh: DesktopText = {
  file: '文件',
  newFromExample: '从示例新建…',
  newEmpty: '新建空白模型…',
  open: '打开…',
  openRecent: '最近打开',
  noRecentFiles: '没有最近打开的文件',
  saveAs: '另存为…',
  importFile: '导入 Excel 或 CSV…',
  exportExcel: '导出到 Excel…',
  exportDeck: '导出客户演示文稿（PowerPoint）…',
  snapshots: '快照',
  createSnapshot: '立即创建快照',
  noSnapshots: '还没有快照',
  snapshotReasons: { auto: '自动', manual: '手动', migration: '升级前', import: '导入前', restore: '恢复前' },
  quit: '退出',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  view: '视图',
  language: '语言',
  displayUnit: '显示单位',
  units: { yuan: '元', thousand: '千元', tenThousand: '万元', million: '百万元', hundredMillion: '亿元' },
  zoomIn: '放大',
  zoomOut: '缩小',
  resetZoom: '实际大小',
  fullScreen: '全屏',
  devTools: '开发者工具',
  help: '帮助',
  definitions: '指标定义',
  about: '关于 Service Cost Planner',
  modelFiles: '成本规划模型',
  excelFiles: 'Excel 工作簿',
  deckFiles: 'PowerPoint 演示文稿',
  deckExported: (path, slides) => `已导出 ${slides} 页演示文稿到 ${path}`,
  importFiles: 'Excel 或 CSV',
  newModelTitle: '新模型保存到',
  exampleFileName: '示例.costplan',
  emptyFileName: '新模型.costplan',
  errorTitle: '无法完成',
  restoreQuestion: (when) => `恢复 ${when} 的快照？`,
  restoreDetail: '恢复前会先为当前状态创建快照；恢复本身也可以撤销。',
  restore: '恢复',
  cancel: '取消',
  ok: '确定',
  snapshotCreated: (when) => `已创建快照（${when}）。`,
  exported: (path) => `已导出到 ${path}`,
  importQuestion: (file) => `如何导入 ${file}？`,
  importDetail: '新建模型会把导入的内容保存为数据文件夹中的新文件（推荐）。替换会覆盖当前打开的模型，可以撤销（编辑 > 撤销）。',
  importAsNew: '作为新模型',
  importReplace: (file) => `替换 ${file}`,
  imported: ({ costLines, scenarios, fileName, mode }) =>
    `已导入 ${costLines} 个成本项和 ${scenarios} 个情景${mode === 'new' ? '到新模型' : '，替换了'} ${fileName}${mode === 'replace' ? ' 的内容（可撤销）' : ''}。`,
  formulasReplaced: ({ sheet, cell, count }) =>
    `“${sheet}”工作表中有 ${count} 个公式单元格被改成了输入的数值，最先出现在 ${cell}：导入只读取输入，所有数字重新计算，输入的这些数值不会保留。`,
  definitionsTitle: '指标定义',
  aboutDetail: ({ electron, chrome, node }) => `离线的售后服务成本规划工具。\n\nElectron ${electron}\nChromium ${chrome}\nNode ${node}`,
};

const en: DesktopText = {
  file: 'File',
  newFromExample: 'New from the Example…',
  newEmpty: 'New Empty Model…',
  open: 'Open…',
  openRecent: 'Open Recent',
  noRecentFiles: 'No recent files',
  saveAs: 'Save As…',
  importFile: 'Import Excel or CSV…',
  exportExcel: 'Export to Excel…',
  exportDeck: 'Export client deck (PowerPoint)…',
  snapshots: 'Snapshots',
  createSnapshot: 'Take a Snapshot Now',
  noSnapshots: 'No snapshots yet',
  snapshotReasons: { auto: 'automatic', manual: 'manual', migration: 'before upgrade', import: 'before import', restore: 'before restore' },
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: 'View',
  language: 'Language',
  displayUnit: 'Display Unit',
  units: {
    yuan: 'Yuan',
    thousand: 'Thousand yuan',
    tenThousand: 'Ten thousand yuan (万)',
    million: 'Million yuan',
    hundredMillion: 'Hundred million yuan (亿)',
  },
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  resetZoom: 'Actual Size',
  fullScreen: 'Full Screen',
  devTools: 'Developer Tools',
  help: 'Help',
  definitions: 'Definitions of the Figures',
  about: 'About Service Cost Planner',
  modelFiles: 'Service Cost Planner model',
  excelFiles: 'Excel workbook',
  deckFiles: 'PowerPoint presentation',
  deckExported: (path, slides) => `Exported a deck of ${slides} slides to ${path}`,
  importFiles: 'Excel or CSV',
  newModelTitle: 'Save the new model as',
  exampleFileName: 'Example.costplan',
  emptyFileName: 'New model.costplan',
  errorTitle: 'Could not do that',
  restoreQuestion: (when) => `Restore the snapshot of ${when}?`,
  restoreDetail: 'The current state is kept as a snapshot first, and the restore itself can be undone.',
  restore: 'Restore',
  cancel: 'Cancel',
  ok: 'OK',
  snapshotCreated: (when) => `Snapshot taken (${when}).`,
  exported: (path) => `Exported to ${path}`,
  importQuestion: (file) => `How should ${file} be imported?`,
  importDetail:
    'A new model keeps what you import in a new file in the data folder (recommended). Replace overwrites the open model; you can undo it (Edit > Undo).',
  importAsNew: 'As a new model',
  importReplace: (file) => `Replace ${file}`,
  imported: ({ costLines, scenarios, fileName, mode }) =>
    `Imported ${costLines} cost line${costLines === 1 ? '' : 's'} and ${scenarios} scenario${scenarios === 1 ? '' : 's'} ${mode === 'new' ? 'into the new model' : 'over'} ${fileName}${mode === 'replace' ? ' (undoable)' : ''}.`,
  formulasReplaced: ({ sheet, cell, count }) =>
    count > 1
      ? `On the sheet “${sheet}” ${count} formula cells were typed over with values (the first at ${cell}): the import reads only the inputs and recomputes every figure, so those values are not kept.`
      : `On the sheet “${sheet}” a formula cell was typed over with a value (at ${cell}): the import reads only the inputs and recomputes every figure, so that value is not kept.`,
  definitionsTitle: 'Definitions of the figures',
  aboutDetail: ({ electron, chrome, node }) => `An offline planner for after-sales service cost.\n\nElectron ${electron}\nChromium ${chrome}\nNode ${node}`,
};

export const DESKTOP_TEXT: Record<Language, DesktopText> = { zh, en };

/** The language of a system locale such as `zh-CN` or `en-US`: Chinese for zh-*, else English. */
export function languageOfLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A snapshot's time for a menu or a dialog: local date and time to the minute. */
export function formatWhen(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
