/** Problems of the store area (shared/messages/codes/store.ts) worded in English. */
export const storeMessagesEn = {
  'nothing-to-undo': 'there is nothing to undo',
  'nothing-to-redo': 'there is nothing to redo',
  'file-not-found': 'there is no file {{path}}',
  'folder-missing': 'the folder does not exist: {{path}}',
  'no-permission': 'no permission to read or write {{path}}',
  'disk-full': 'the disk is full: cannot write {{path}}',
  'file-in-use': '{{path}} is in use by another window or program; close it there first',
  'file-read-only': '{{path}} is read-only',
  'file-damaged': '{{path}} is damaged: {{detail}}',
  'file-newer-version': '{{path}} was written by a newer version of the app; update it to open this file',
  'file-exists': '{{path}} already exists',
  'not-a-model': '{{path}} {{reason}}',
  'snapshot-not-found': '{{path}}: no snapshot "{{id}}" (list them with "costplan snapshots {{path}}")',
  'model-breaks-rule': '{{path}} holds a model that breaks a rule: {{where}}{{problem}}',
};
