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
  'file-read-only': '{{path}} 是只读的{{then}}',
  'file-damaged': '{{path}} {{damage}}{{detail}}',
  'file-tampered': '{{path}} 在服务成本规划之外被改动过（{{change}}）：为安全起见没有打开，文件保持原样',
  'file-newer-version': '{{path}} 由更新版本的应用写入，请升级后再打开',
  'file-newer-format': '{{path}} 由更新版本的服务成本规划保存（文件格式 {{version}}，本版本最高只能读取格式 {{supported}}），请升级应用后再打开',
  'file-exists': '{{path}} 已存在',
  'file-closed': '{{path}} 已关闭，请重新打开后再修改',
  'file-open-failed': '无法打开 {{path}}{{detail}}',
  'file-write-failed': '无法写入 {{path}}{{detail}}',
  'safe-writing-refused': '{{path}}：无法启用安全写入设置，因此没有以可编辑方式打开{{detail}}',
  'not-a-model': '{{path}} {{reason}}',
  'snapshot-not-found': '{{path}}：没有编号为“{{id}}”的快照（可用“costplan snapshots {{path}}”列出）',
  'snapshot-write-failed': '无法在数据文件夹 {{folder}} 中写入快照：{{problem}}',
  'damaged-file-recovery': '{{problem}}{{offer}}',
  'model-breaks-rule': '{{path}} 中的模型违反了规则：{{where}}{{problem}}',
  'data-folder-unusable': '{{text}}',
  storeParts: {
    detail: '（技术细节：“{{text}}”）',
    readOnlyThen: {
      none: '，无法写入',
      'save-as': '：可以查看，也可以“另存为”一份副本，但不能修改',
      restore: '：请先把它改为可写，再恢复快照',
    },
    damage: {
      truncated: '不完整：文件头标明应有 {{expected}} 字节，实际只有 {{bytes}} 字节（复制或下载可能中断了，请重新获取完整的文件）',
      'table-definitions-unreadable': '已损坏（无法读取其中的表定义）',
      'integrity-check-failed': '已损坏（完整性检查未通过）',
      'broken-references': '已损坏（数据行之间有 {{count}} 处引用断开）',
      'rows-unreadable': '无法读取（其中的数据行已损坏）',
      'value-too-long': '无法打开：“{{table}}.{{column}}”中有一个值长达 {{bytes}} 字节（最多 {{max}} 字节）',
      'too-many-rows': '无法打开：表“{{table}}”有 {{rows}} 行（最多 {{max}} 行）',
    },
    schemaType: { table: '表', index: '索引', view: '视图', trigger: '触发器', virtualTable: '虚拟表' },
    change: {
      unexpected: '多出了{{type}}“{{name}}”',
      'wrong-table': '{{type}}“{{name}}”属于表“{{table}}”，而不是“{{expected}}”',
      'unexpected-column': '表“{{table}}”多出了列“{{column}}”',
      'missing-column': '表“{{table}}”缺少列“{{column}}”',
      'definition-changed': '{{type}}“{{name}}”的定义与本版本写入的不同',
      'table-definition-changed': '表“{{name}}”的定义（列、类型或约束）与本版本写入的不同',
      missing: '缺少{{type}}“{{name}}”',
    },
    offer: {
      restore: '；最近一个完好的快照是“{{id}}”（{{createdAt}}），可用“costplan restore {{path}} --snapshot {{id}}”恢复',
      none: '；没有可用来恢复它的快照，如有备份请从备份中取回',
    },
    dataFolder: {
      'file-in-the-way':
        '无法创建数据文件夹 {{dir}}：有一个文件占了它的位置（{{blocker}} 是文件，不是文件夹）。请移动或重命名该文件，或在启动规划工具时把环境变量“COSTPLAN_DATA_DIR”设为一个可以写入的文件夹。',
      permission:
        '无法创建或写入数据文件夹 {{dir}}：没有权限。请给当前用户授予它（或 {{parent}}）的写入权限，或在启动规划工具时把环境变量“COSTPLAN_DATA_DIR”设为一个可以写入的文件夹。',
      'read-only':
        '无法创建或写入数据文件夹 {{dir}}：磁盘是只读的。请改用可写磁盘上的文件夹：启动规划工具时把环境变量“COSTPLAN_DATA_DIR”设为一个可以写入的文件夹。',
      other: '无法创建或写入数据文件夹 {{dir}}{{detail}}。请检查该文件夹，或在启动规划工具时把环境变量“COSTPLAN_DATA_DIR”设为一个可以写入的文件夹。',
    },
  },
};
