/** Problems of the analysis area (shared/messages/codes/analysis.ts) worded in English. */
export const analysisMessagesEn = {
  'not-finite': 'must be a finite number, got {{value}}',
  'input-out-of-range': 'must be at least {{min}} and at most {{max}}, got {{value}}',
  'range-order': 'low, most likely and high must be in order (low <= most likely <= high), got {{low}}, {{mostLikely}}, {{high}}',
  'range-twice': 'the input has two ranges; keep one',
  'range-address-form': 'must be written {{address}}',
  'no-such-scenario': 'no scenario named "{{name}}" (scenarios: {{known}})',
  'same-input-twice': 'is the same input as "{{earlier}}" ({{input}})',
  'unknown-output': 'must be one of {{choices}}, got "{{name}}"',
  'swing-out-of-range': 'must be above 0 and at most {{max}} (0.1 is +/-10%), got {{value}}',
  'table-input-count': 'a data table has one or two inputs, got {{count}}',
  'table-value-count': 'needs 1 to {{max}} values, got {{count}}',
  'table-value-invalid': 'value {{position}} {{problem}}',
  'trials-out-of-range': 'must be a whole number from 1 to {{max}}, got {{value}}',
  'seed-invalid': 'must be a whole number from 0 to 2^53 - 1, got {{value}}',
  'bins-out-of-range': 'must be a whole number from 1 to {{max}}, got {{value}}',
  'no-uncertainty-ranges': 'the scenario has no uncertainty ranges to simulate; give inputs a range (low, most likely, high) first',
};
