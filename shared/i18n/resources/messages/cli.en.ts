/** Problems of the cli area (shared/messages/codes/cli.ts) worded in English. */
export const cliMessagesEn = {
  'unknown-command': 'unknown command "{{name}}" (commands: {{commands}})',
  'unknown-option': 'unknown option {{option}} (usage: costplan {{usage}})',
  'option-needs-value': 'option {{option}} needs a value (usage: costplan {{usage}})',
  'model-file-kind': '{{path}}: expected a model file ending in .costplan or .json',
  'option-invalid': '{{file}}: {{option}}: {{problem}}',
};
