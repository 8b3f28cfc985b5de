import type { MessagesText } from './shape';
import { modelMessagesZh } from './messages/model.zh';
import { apiMessagesZh } from './messages/api.zh';
import { storeMessagesZh } from './messages/store.zh';
import { analysisMessagesZh } from './messages/analysis.zh';
import { importMessagesZh } from './messages/import.zh';
import { cliMessagesZh } from './messages/cli.zh';

/** 问题的中文措辞：每个问题代码一条（见 shared/messages/problems.ts）。 */
export const messagesZh: MessagesText = {
  ...modelMessagesZh,
  ...apiMessagesZh,
  ...storeMessagesZh,
  ...analysisMessagesZh,
  ...importMessagesZh,
  ...cliMessagesZh,
  other: '{{text}}',
  parts: {
    quoted: '“{{text}}”',
    shareHint: '；如指 {{typed}}%，请写 {{typed}}% 或 {{ratio}}',
    cannotOpen: { missing: '文件不存在', permission: '没有读取权限', folder: '这是文件夹，不是文件' },
    targets: { node: '成本项', scenario: '情景', revenueLine: '收入线', oneOff: '一次性项目' },
    bytes: '{{count}} 字节',
    notAModel: {
      folder: '是文件夹，不是模型文件',
      empty: '是空文件，不是服务成本规划模型',
      'not-sqlite': '不是服务成本规划模型（根本不是 SQLite 数据库）',
      'foreign-sqlite': '是其他程序的 SQLite 数据库，不是服务成本规划模型',
    },
    where: '{{where}}：',
    importFile: '{{file}}：',
    sheet: '工作表{{sheet}}',
    row: '第 {{row}} 行',
    column: '{{column}} 列',
    header: '（{{header}}）',
    placeJoin: '，',
    choiceJoin: '、',
    placed: '{{place}}：{{problem}}',
    listJoin: '；',
    more_other: '（另有 {{count}} 个问题）',
    cell: {
      empty: '空单元格',
      missing: '没有保存结果的公式（请先在 Excel 中打开并保存该文件）',
      number: '数字 {{text}}',
      text: '文字{{text}}',
      boolean: '逻辑值 {{text}}',
      date: '日期（{{text}}）',
      error: '错误值 {{text}}',
    },
    fields: {
      name: '名称',
      value: '数值',
      notes: '备注',
      basis: '依据',
      relevance: '相关性',
      level: '层级',
      parent: '上级',
      id: '编号',
      scenarioName: '情景名称',
      volumeGrowth: '业务量年增长率',
      discountRate: '折现率',
      ramp: '第 {{year}} 年达成率',
      investmentName: '投入项名称',
      timing: '投入时点',
      category: '类别',
      amountKind: '金额方式',
      amountPerYear: '每年金额',
      shareOfSaving: '节省的比例',
      yearAmount: '第 {{year}} 年金额',
      unitCostChange: '单价变化',
      throughputChange: '人均量变化',
      volumeChange: '业务量变化',
    },
    above: '大于',
    atLeast: '不小于',
    reason: '（{{reason}}）',
    reasons: {
      unitCost: '单价不能降到零以下',
      throughput: '人均量不能降到零',
      volume: '业务量不能降到零以下',
    },
  },
};
