import type { TextShape } from '../shape';
import type { cliMessagesEn } from './cli.en';

/** cli 方面的问题（见 shared/messages/codes/cli.ts）的中文措辞。 */
export const cliMessagesZh: TextShape<typeof cliMessagesEn> = {
  'unknown-command': '未知命令“{{name}}”（命令：{{commands}}）',
  'unknown-option': '未知选项 {{option}}（用法：costplan {{usage}}）',
  'option-needs-value': '选项 {{option}} 需要一个值（用法：costplan {{usage}}）',
  'model-file-kind': '{{path}}：须为以 .costplan 或 .json 结尾的模型文件',
  'option-invalid': '{{file}}：{{option}}：{{problem}}',
};
