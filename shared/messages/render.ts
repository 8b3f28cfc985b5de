import { formatAmount, formatShown, unitLabel } from '../format/number';
import type { DisplayUnit, Language } from '../model/units';
import { text, type TextKey, type TextParams } from '../i18n/vocabulary';
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

type Say = (key: TextKey<'messages'>, params?: TextParams) => string;
/** A problem's text key and its parameters formatted for the reader. */
type Worded = readonly [TextKey<'messages'>, TextParams];
type Formatters = { [C in ProblemCode]?: (params: ProblemParams[C], view: MessageView, say: Say) => Worded };

/**
 * How each code's parameters reach its text: amounts in the display unit, ratios as
 * percentages, a reason or a bound in words. A code not listed passes its parameters as they are.
 */
const FORMAT: Formatters = {
  'amount-negative': (p, v) => ['amount-negative', { amount: amountText(p.amount, v) }],
  'amount-too-large': (p, v) => ['amount-too-large', { amount: amountText(p.amount, v), max: amountText(p.max, v) }],
  'ratio-out-of-range': (p, v, say) => [
    'ratio-out-of-range',
    {
      bound: say(p.exclusiveMin ? 'parts.above' : 'parts.atLeast'),
      min: percentText(p.min, v.language),
      max: percentText(p.max, v.language),
      reason: p.reason ? say('parts.reason', { reason: say(`parts.reasons.${p.reason}`) }) : '',
      value: percentText(p.value, v.language),
    },
  ],
  'shares-over-parent': (p, v) => ['shares-over-parent', { parent: p.parent, total: percentText(p.total, v.language) }],
  'children-over-parent': (p, v) =>
    Number.isFinite(p.total)
      ? ['children-over-parent', { parent: p.parent, total: percentText(p.total, v.language) }]
      : ['children-over-zero-parent', { parent: p.parent }],
};

/** A problem in words, in the view's language, amounts in its display unit. */
export function renderProblem(problem: Problem, view: MessageView): string {
  const say: Say = (key, params) => text(view.language, 'messages', key, params);
  const format = FORMAT[problem.code] as ((params: unknown, view: MessageView, say: Say) => Worded) | undefined;
  const [key, params] = format ? format(problem.params, view, say) : [problem.code, problem.params as TextParams];
  return say(key, params);
}
