/** English UI text. Keys are shared with zh.ts; a test checks both have the same keys. */
export const en = {
  app: { title: 'Service Cost Planner', loading: 'Opening the model…', noModel: 'No model is open.' },
  header: {
    file: 'File',
    saved: 'Saved',
    saving: 'Saving…',
    saveFailed: 'Not saved',
    readOnly: 'Read-only',
    unit: 'Unit',
    language: 'Language',
    undo: 'Undo',
    redo: 'Redo',
    export: 'Export to Excel',
    import: 'Import',
    exporting: 'Exporting…',
    importing: 'Importing…',
    importPrompt: 'Path of the workbook or CSV file to import',
    recent: 'Recent files',
  },
  units: { yuan: 'yuan', thousand: 'thousand', tenThousand: '10k', million: 'million', hundredMillion: '100m' },
  languages: { zh: '中文', en: 'English' },
  tabs: { structure: 'Cost structure', levers: 'Levers and targets', budget: 'Incentive budget', results: 'Results', compare: 'Compare' },
  scenarios: {
    title: 'Scenarios',
    add: 'New',
    clone: 'Clone',
    rename: 'Rename',
    delete: 'Delete',
    baseline: 'Baseline',
    makeBaseline: 'Mark as baseline',
    newName: 'New scenario',
    copyOf: '{{name}} (copy)',
    confirmDelete: 'Delete scenario "{{name}}"? You can undo this.',
    renamePrompt: 'New name for "{{name}}"',
    none: 'No scenario yet: create one to set targets.',
  },
  errors: {
    title: 'Something went wrong',
    dismiss: 'Dismiss',
    whatToDo: 'What to do',
    offline: 'Start the planner again ("npm run serve") and reload this page.',
    generic: 'Check the value and try again; nothing was changed.',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type UiText = Widen<typeof en>;
