/**
 * Problems worded in English: one text per problem code of shared/messages/problems.ts.
 * Placeholders ({{name}}) take parameters already formatted for the reader (amounts in the
 * display unit with their unit, ratios as percentages); shared/messages/render.ts formats them.
 * `parts` holds the pieces some texts are built from (a bound's word, a reason).
 */
export const messagesEn = {
  'not-a-number': '"{{text}}" is not a number',
  'amount-negative': 'must not be negative, got {{amount}}',
  'amount-too-large': 'must be at most {{max}}, got {{amount}}',
  'ratio-out-of-range': 'must be {{bound}} {{min}} and at most {{max}}{{reason}}, got {{value}}',
  'name-empty': 'the name must not be empty',
  'name-too-long': 'a name has at most {{max}} characters, this one {{length}}',
  'horizon-invalid': 'must be a whole number of years from 1 to {{max}}, got {{value}}',
  'year-invalid': 'must be a whole year from 1900 to 2200, got {{value}}',
  'shares-over-parent': 'the shares under "{{parent}}" add up to {{total}} (max 100%)',
  'children-over-parent': 'the shares and amounts under "{{parent}}" add up to {{total}} of it (max 100%)',
  'children-over-zero-parent': 'the amounts under "{{parent}}" exceed it: its amount is 0',
  'duplicate-sibling-name': '"{{parent}}" already has a line named "{{name}}"',
  'duplicate-scenario-name': 'there is already a scenario named "{{name}}"',
  'root-cannot-move': 'the root cannot be moved',
  'root-cannot-delete': 'the root cannot be deleted',
  'move-under-itself': 'cannot move a line under itself or its own line "{{target}}"',
  'no-model': 'no model is open: open a file or create one first',
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
  other: '{{text}}',
  parts: {
    above: 'above',
    atLeast: 'at least',
    reason: ' ({{reason}})',
    reasons: {
      unitCost: 'a unit cost cannot fall below zero',
      throughput: 'per-capita volume cannot fall to zero',
      volume: 'a volume cannot fall below zero',
    },
  },
};
