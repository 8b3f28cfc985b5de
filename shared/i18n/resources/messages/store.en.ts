/** Problems of the store area (shared/messages/codes/store.ts) worded in English. */
export const storeMessagesEn = {
  'nothing-to-undo': 'there is nothing to undo',
  'nothing-to-redo': 'there is nothing to redo',
  'file-not-found': 'there is no file {{path}}',
  'folder-missing': 'the folder does not exist: {{path}}',
  'no-permission': 'no permission to read or write {{path}}',
  'disk-full': 'the disk is full: cannot write {{path}}',
  'file-in-use': '{{path}} is in use by another window or program; close it there first',
  'file-read-only': '{{path}} is read-only{{then}}',
  'file-damaged': '{{path}} {{damage}}{{detail}}',
  'file-tampered': '{{path}} was changed outside Service Cost Planner ({{change}}); it was not opened and is left as it was',
  'file-newer-version': '{{path}} was written by a newer version of the app; update it to open this file',
  'file-newer-format':
    '{{path}} was saved by a newer version of Service Cost Planner (file format {{version}}, this version reads up to {{supported}}); update the app to open it',
  'file-exists': '{{path}} already exists',
  'file-closed': '{{path}} is closed',
  'file-open-failed': '{{path}} cannot be opened{{detail}}',
  'file-write-failed': 'cannot write {{path}}{{detail}}',
  'safe-writing-refused': '{{path}}: could not set safe write settings, so it was not opened for editing{{detail}}',
  'not-a-model': '{{path}} {{reason}}',
  'snapshot-not-found': '{{path}}: no snapshot "{{id}}" (list them with "costplan snapshots {{path}}")',
  'snapshot-write-failed': 'cannot write a snapshot into the data folder {{folder}}: {{problem}}',
  'damaged-file-recovery': '{{problem}}{{offer}}',
  'model-breaks-rule': '{{path}} holds a model that breaks a rule: {{where}}{{problem}}',
  'data-folder-unusable': '{{text}}',
  /** Pieces the store's texts are built from (render.ts, `// store`). */
  storeParts: {
    detail: ' (technical detail: "{{text}}")',
    readOnlyThen: {
      none: '',
      'save-as': ': you can look at it and "Save as" a copy, but not change it',
      restore: '; make it writable to restore into it',
    },
    damage: {
      truncated: 'is truncated: it holds {{bytes}} bytes of the {{expected}} its header promises',
      'table-definitions-unreadable': 'is damaged (its table definitions cannot be read)',
      'integrity-check-failed': 'is damaged (the integrity check failed)',
      'broken-references': 'is damaged ({{count}} broken references between rows)',
      'rows-unreadable': 'cannot be read (its rows are damaged)',
      'value-too-long': 'cannot be opened: a value in {{table}}.{{column}} is {{bytes}} bytes long (at most {{max}})',
      'too-many-rows': 'cannot be opened: table {{table}} holds {{rows}} rows (at most {{max}})',
    },
    schemaType: { table: 'table', index: 'index', view: 'view', trigger: 'trigger', virtualTable: 'virtual table' },
    change: {
      unexpected: 'unexpected {{type}} {{name}}',
      'wrong-table': '{{type}} {{name}} belongs to table {{table}}, not {{expected}}',
      'unexpected-column': 'table {{table}} has an unexpected column {{column}}',
      'missing-column': 'table {{table}} lacks the column {{column}}',
      'definition-changed': '{{type}} {{name}} has another definition than the one this version writes',
      'table-definition-changed': 'table {{name}} has another definition than the one this version writes (columns, types or constraints)',
      missing: '{{type}} {{name}} is missing',
    },
    offer: {
      restore: '; its latest good snapshot is {{id}} ({{createdAt}}): restore it with "costplan restore {{path}} --snapshot {{id}}"',
      none: '; there is no snapshot of it to restore',
    },
    dataFolder: {
      'file-in-the-way':
        'cannot create the data folder {{dir}}: a file is in the way ({{blocker}} is a file, not a folder). Move or rename that file, or start the planner with COSTPLAN_DATA_DIR set to a folder you can write to.',
      permission:
        'cannot create or write the data folder {{dir}}: permission denied. Give your user write access to it (or to {{parent}}), or start the planner with COSTPLAN_DATA_DIR set to a folder you can write to.',
      'read-only':
        'cannot create or write the data folder {{dir}}: the disk is read-only. Use a folder on a writable disk: start the planner with COSTPLAN_DATA_DIR set to a folder you can write to.',
      other:
        'cannot create or write the data folder {{dir}}{{detail}}. Check that folder, or start the planner with COSTPLAN_DATA_DIR set to a folder you can write to.',
    },
  },
};
