import { formatAmount, formatShown, unitLabel } from '../format/number';
import type { DisplayUnit, Language } from '../model/units';
import type { Problem, ProblemCode, ProblemParams } from './problems';

/** How the planner sees numbers now: the display unit amounts are typed and shown in. */
export interface MessageView {
  language: Language;
  unit: DisplayUnit;
  currency?: string;
}

/** Trailing zeros of a shown number dropped: "-100.00" -> "-100", "1,234.50" -> "1,234.5". */
function trimmed(text: string): string {
  // en-US and zh-CN both write a decimal point and group with commas.
  return text.includes('.') ? text.replace(/0+$/u, '').replace(/\.$/u, '') : text;
}

function amountText(yuan: number, view: MessageView): string {
  if (!Number.isFinite(yuan)) return String(yuan);
  const shown = trimmed(formatAmount(yuan, view.unit, view.language));
  return `${shown} ${unitLabel(view.unit, view.language, view.currency)}`;
}

/** A ratio as a percentage, exact to 0.01% (105.18%, 101%, -150%); smaller ones by the display rule. */
export function percentText(ratio: number, language: Language): string {
  if (!Number.isFinite(ratio)) return String(ratio);
  const hundredths = Number((ratio * 100).toFixed(2));
  const shown = trimmed(hundredths === 0 && ratio !== 0 ? formatShown(ratio * 100, language, 0) : formatShown(hundredths, language, 2));
  return `${shown}%`;
}

type Words = { [C in ProblemCode]: (params: ProblemParams[C], view: MessageView) => string };

const REASONS = {
  zh: { unitCost: '单价不能降到零以下', throughput: '人均量不能降到零', volume: '业务量不能降到零以下' },
  en: { unitCost: 'a unit cost cannot fall below zero', throughput: 'per-capita volume cannot fall to zero', volume: 'a volume cannot fall below zero' },
} as const;

const ZH: Words = {
  'not-a-number': (p) => `“${p.text}”不是数字`,
  'amount-negative': (p, v) => `金额不能为负数，输入的是 ${amountText(p.amount, v)}`,
  'amount-too-large': (p, v) => `金额最多为 ${amountText(p.max, v)}，输入的是 ${amountText(p.amount, v)}`,
  'ratio-out-of-range': (p, v) =>
    `须${p.exclusiveMin ? '大于' : '不小于'} ${percentText(p.min, v.language)} 且不大于 ${percentText(p.max, v.language)}${p.reason ? `（${REASONS.zh[p.reason]}）` : ''}，输入的是 ${percentText(p.value, v.language)}`,
  'name-empty': () => '名称不能为空',
  'name-too-long': (p) => `名称最多 ${p.max} 个字，现有 ${p.length} 个`,
  'horizon-invalid': (p) => `测算期须为 1 到 ${p.max} 的整年数，输入的是 ${p.value}`,
  'year-invalid': (p) => `须为 1900 到 2200 之间的整年，输入的是 ${p.value}`,
  'shares-over-parent': (p, v) => `“${p.parent}”下各项占比合计 ${percentText(p.total, v.language)}（最多 100%）`,
  'children-over-parent': (p, v) =>
    Number.isFinite(p.total)
      ? `“${p.parent}”下各项占比与金额合计为上级的 ${percentText(p.total, v.language)}（最多 100%）`
      : `“${p.parent}”的金额为 0，其下各项金额超出了它`,
  'duplicate-sibling-name': (p) => `“${p.parent}”下已有名为“${p.name}”的成本项`,
  'duplicate-scenario-name': (p) => `已有名为“${p.name}”的情景`,
  'root-cannot-move': () => '根节点不能移动',
  'root-cannot-delete': () => '根节点不能删除',
  'move-under-itself': (p) => `不能移到自身或其下级“${p.target}”之下`,
  'no-model': () => '没有打开的模型：请先打开或新建一个文件',
  'nothing-to-undo': () => '没有可撤销的操作',
  'nothing-to-redo': () => '没有可重做的操作',
  'file-not-found': (p) => `找不到文件 ${p.path}`,
  'folder-missing': (p) => `文件夹不存在：${p.path}`,
  'no-permission': (p) => `没有权限读写 ${p.path}`,
  'disk-full': (p) => `磁盘已满，无法写入 ${p.path}`,
  'file-in-use': (p) => `${p.path} 正被其他窗口或程序使用，请先在那里关闭`,
  'file-read-only': (p) => `${p.path} 是只读的，无法写入`,
  'file-damaged': (p) => `${p.path} 已损坏：${p.detail}`,
  'file-newer-version': (p) => `${p.path} 由更新版本的应用写入，请升级后再打开`,
  'file-exists': (p) => `${p.path} 已存在`,
  other: (p) => p.text,
};

const EN: Words = {
  'not-a-number': (p) => `"${p.text}" is not a number`,
  'amount-negative': (p, v) => `must not be negative, got ${amountText(p.amount, v)}`,
  'amount-too-large': (p, v) => `must be at most ${amountText(p.max, v)}, got ${amountText(p.amount, v)}`,
  'ratio-out-of-range': (p, v) =>
    `must be ${p.exclusiveMin ? 'above' : 'at least'} ${percentText(p.min, v.language)} and at most ${percentText(p.max, v.language)}${p.reason ? ` (${REASONS.en[p.reason]})` : ''}, got ${percentText(p.value, v.language)}`,
  'name-empty': () => 'the name must not be empty',
  'name-too-long': (p) => `a name has at most ${p.max} characters, this one ${p.length}`,
  'horizon-invalid': (p) => `must be a whole number of years from 1 to ${p.max}, got ${p.value}`,
  'year-invalid': (p) => `must be a whole year from 1900 to 2200, got ${p.value}`,
  'shares-over-parent': (p, v) => `the shares under "${p.parent}" add up to ${percentText(p.total, v.language)} (max 100%)`,
  'children-over-parent': (p, v) =>
    Number.isFinite(p.total)
      ? `the shares and amounts under "${p.parent}" add up to ${percentText(p.total, v.language)} of it (max 100%)`
      : `the amounts under "${p.parent}" exceed it: its amount is 0`,
  'duplicate-sibling-name': (p) => `"${p.parent}" already has a line named "${p.name}"`,
  'duplicate-scenario-name': (p) => `there is already a scenario named "${p.name}"`,
  'root-cannot-move': () => 'the root cannot be moved',
  'root-cannot-delete': () => 'the root cannot be deleted',
  'move-under-itself': (p) => `cannot move a line under itself or its own line "${p.target}"`,
  'no-model': () => 'no model is open: open a file or create one first',
  'nothing-to-undo': () => 'there is nothing to undo',
  'nothing-to-redo': () => 'there is nothing to redo',
  'file-not-found': (p) => `there is no file ${p.path}`,
  'folder-missing': (p) => `the folder does not exist: ${p.path}`,
  'no-permission': (p) => `no permission to read or write ${p.path}`,
  'disk-full': (p) => `the disk is full: cannot write ${p.path}`,
  'file-in-use': (p) => `${p.path} is in use by another window or program; close it there first`,
  'file-read-only': (p) => `${p.path} is read-only`,
  'file-damaged': (p) => `${p.path} is damaged: ${p.detail}`,
  'file-newer-version': (p) => `${p.path} was written by a newer version of the app; update it to open this file`,
  'file-exists': (p) => `${p.path} already exists`,
  other: (p) => p.text,
};

const WORDS: Record<Language, Words> = { zh: ZH, en: EN };

/** A problem in words, in the view's language, amounts in its display unit. */
export function renderProblem(problem: Problem, view: MessageView): string {
  const words = WORDS[view.language][problem.code] as (params: unknown, view: MessageView) => string;
  return words(problem.params, view);
}
