import type { TextShape } from '../shape';
import type { storeMessagesEn } from './store.en';

/** store 方面的问题（见 shared/messages/codes/store.ts）的中文措辞。 */
export const storeMessagesZh: TextShape<typeof storeMessagesEn> = {
  'nothing-to-undo': '没有可撤销的操作',
  'nothing-to-redo': '没有可重做的操作',
  'file-not-found': '找不到文件 {{path}}',
  'folder-missing': '文件夹不存在：{{path}}',
  'no-permission': '没有权限读写 {{path}}',
  'disk-full': '磁盘已满，无法写入 {{path}}',
  'file-in-use': '{{path}} 正被其他窗口或程序使用，请先在那里关闭',
  'file-read-only': '{{path}} 是只读的，无法写入',
  'file-damaged': '{{path}} 已损坏：{{detail}}',
  'file-newer-version': '{{path}} 由更新版本的应用写入，请升级后再打开',
  'file-exists': '{{path}} 已存在',
  'not-a-model': '{{path}} {{reason}}',
  'snapshot-not-found': '{{path}}：没有编号为“{{id}}”的快照（可用“costplan snapshots {{path}}”列出）',
  'model-breaks-rule': '{{path}} 中的模型违反了规则：{{where}}{{problem}}',
};
