import type PptxGenJS from 'pptxgenjs';
import type { ScenarioResult } from '../../shared/engine/compute';
import type { PreparedRevenue } from '../../shared/engine/revenue';
import type { PreparedTree } from '../../shared/engine/tree';
import { formatNumber, formatPercent, unitLabel } from '../../shared/format/number';
import { figureTexts, type Figure, type FigureText } from '../../shared/i18n/figures';
import { namespaceText, type NamespaceText } from '../../shared/i18n/vocabulary';
import type { Model, Scenario } from '../../shared/model/schema';
import { UNIT_FACTOR, type DisplayUnit, type Language } from '../../shared/model/units';
import type { DeckStyle } from './style';

/** Everything a slide builder reads: the model, the engine's results, the words and the look. */
export interface DeckContext {
  pptx: PptxGenJS;
  model: Model;
  tree: PreparedTree;
  /** The model's revenue lines, prepared (empty when it has none). */
  revenue: PreparedRevenue;
  /** The scenarios chosen for the deck, in order; the first is the headline scenario. */
  chosen: Scenario[];
  /** Per scenario id, the engine's result. */
  results: Map<string, ScenarioResult>;
  headline: Scenario;
  headlineResult: ScenarioResult;
  baseline: Scenario;
  baselineResult: ScenarioResult;
  language: Language;
  unit: DisplayUnit;
  /** 万元, "10k yuan". */
  unitLabel: string;
  unitFactor: number;
  /** The deck namespace of the vocabulary in the deck's language. */
  text: NamespaceText<'deck'>;
  figures: Record<Figure, FigureText>;
  style: DeckStyle;
  font: string;
  date: Date;
  /** Slides made so far, with the title each carries (for the footer's page numbers). */
  pages: PptxGenJS.Slide[];
}

export function createContext(init: Omit<DeckContext, 'unitLabel' | 'unitFactor' | 'text' | 'figures' | 'font' | 'pages'>): DeckContext {
  return {
    ...init,
    unitLabel: unitLabel(init.unit, init.language, init.model.currency),
    unitFactor: UNIT_FACTOR[init.unit],
    text: namespaceText(init.language, 'deck'),
    figures: figureTexts(init.language),
    font: init.language === 'zh' ? 'Microsoft YaHei' : 'Calibri',
    pages: [],
  };
}

/** An amount in base units in the display unit, as the chart data sheets hold it (not rounded). */
export function inUnit(context: DeckContext, base: number): number {
  return base / context.unitFactor;
}

/** An amount as text in the display unit, one decimal by default, without the unit. */
export function money(context: DeckContext, base: number, digits = 1): string {
  return formatNumber(base / context.unitFactor, context.language, digits);
}

/** An amount with its unit: "130.0 万元", "130.0 10k yuan". */
export function moneyWithUnit(context: DeckContext, base: number, digits = 1): string {
  return `${money(context, base, digits)} ${context.unitLabel}`;
}

/** A signed amount: "+43.3", "−157.7". */
export function signedMoney(context: DeckContext, base: number, digits = 1): string {
  const text = money(context, Math.abs(base), digits);
  const rounded = Number((base / context.unitFactor).toFixed(digits));
  return rounded === 0 ? text : `${base < 0 ? '−' : '+'}${text}`;
}

export function percent(context: DeckContext, ratio: number, digits = 1): string {
  return formatPercent(ratio, context.language, digits);
}

export function signedPercent(context: DeckContext, ratio: number, digits = 1): string {
  const text = percent(context, Math.abs(ratio), digits);
  return Number((ratio * 100).toFixed(digits)) === 0 ? text : `${ratio < 0 ? '−' : '+'}${text}`;
}

export function number(context: DeckContext, value: number, digits = 1): string {
  return formatNumber(value, context.language, digits);
}

/** Payback as the summary shows it: months below two years ("4.0 个月"), else years; or "not within the horizon". */
export function paybackText(context: DeckContext, years: number | null): string {
  if (years === null) return context.text('never');
  return years < 2 ? context.text('months', { m: number(context, years * 12, 1) }) : context.text('years', { y: number(context, years, 2) });
}

export function ratioText(context: DeckContext, ratio: number | null): string {
  return ratio === null ? context.text('notApplicable') : percent(context, ratio, 1);
}

/** A label for notes: the unit in brackets. */
export function withUnit(context: DeckContext, label: string): string {
  return context.language === 'zh' ? `${label}（${context.unitLabel}）` : `${label} (${context.unitLabel})`;
}

/**
 * Whether a scenario's figures carry a margin gain (it has revenue levers) or one-off cash
 * (it has one-off items). Without them every slide is the cost-only one: no empty rows,
 * series or columns.
 */
export function showsGain(scenario: Scenario): boolean {
  return (scenario.revenueLevers?.length ?? 0) > 0;
}

export function showsOneOff(scenario: Scenario): boolean {
  return (scenario.oneOffs?.length ?? 0) > 0;
}

/** A lever's name on a line where it is short (a chart label): the line's caption of it, else the kind. */
export function shortLeverName(
  context: DeckContext,
  line: { captions?: Partial<Record<string, Partial<Record<Language, string>> | undefined>> | undefined } | undefined,
  kind: string,
  fallback: string,
): string {
  return line?.captions?.[kind]?.[context.language]?.trim() || fallback;
}
