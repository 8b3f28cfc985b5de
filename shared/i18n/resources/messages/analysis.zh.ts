import type { TextShape } from '../shape';
import type { analysisMessagesEn } from './analysis.en';

/** analysis 方面的问题（见 shared/messages/codes/analysis.ts）的中文措辞。 */
export const analysisMessagesZh: TextShape<typeof analysisMessagesEn> = {
  'not-finite': '须为有限的数字，输入的是 {{value}}',
  'input-out-of-range': '须不小于 {{min}} 且不大于 {{max}}，输入的是 {{value}}',
  'range-order': '最低、最可能、最高须依次不减（最低 ≤ 最可能 ≤ 最高），输入的是 {{low}}、{{mostLikely}}、{{high}}',
  'range-twice': '同一输入有两个区间，请只保留一个',
  'range-address-form': '须写作 {{address}}',
  'no-such-scenario': '没有名为“{{name}}”的情景（现有情景：{{known}}）',
  'same-input-twice': '与“{{earlier}}”是同一个输入（{{input}}）',
  'unknown-output': '须为 {{choices}} 之一，输入的是“{{name}}”',
  'swing-out-of-range': '变动幅度须大于 0 且不大于 {{max}}（0.1 即 ±10%），输入的是 {{value}}',
  'table-input-count': '数据表须有一个或两个输入，现有 {{count}} 个',
  'table-value-count': '须有 1 到 {{max}} 个取值，现有 {{count}} 个',
  'table-value-invalid': '第 {{position}} 个取值{{problem}}',
  'trials-out-of-range': '模拟次数须为 1 到 {{max}} 的整数，输入的是 {{value}}',
  'seed-invalid': '随机种子须为 0 到 2^53 - 1 的整数，输入的是 {{value}}',
  'bins-out-of-range': '分组数须为 1 到 {{max}} 的整数，输入的是 {{value}}',
  'no-uncertainty-ranges': '该情景没有可模拟的不确定区间：请先为输入设定区间（最低、最可能、最高）',
};
