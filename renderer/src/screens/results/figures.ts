import type { TFunction } from 'i18next';
import type { ScenarioResult } from '../../../../shared/engine';
import { figureTexts, type Figure } from '../../../../shared/i18n/figures';
import { unitLabel } from '../../../../shared/format/number';
import { formatFixed as formatNumber } from './numbers';
import type { Model } from '../../../../shared/model/schema';
import type { NumberView } from '../../format';

/** The figures on the Results cards and the Compare rows, in this order. */
export const CARD_FIGURES = [
  'yearOneSaving',
  'saving',
  'marginGain',
  'oneOff',
  'investment',
  'net',
  'returnOnInvestment',
  'netRoi',
  'npv',
  'paybackYears',
  'affectedShare',
] as const satisfies readonly Figure[];
export type CardFigure = (typeof CARD_FIGURES)[number];

/** The figures to show for these results: margin gain and one-off cash only when one of them has any. */
export function cardFigures(results: readonly ScenarioResult[]): CardFigure[] {
  const gain = results.some((result) => result.totals.marginGain !== 0);
  const oneOff = results.some((result) => result.years.some((year) => year.oneOff !== 0));
  return CARD_FIGURES.filter((figure) => (figure === 'marginGain' ? gain : figure === 'oneOff' ? oneOff : true));
}

type FigureKind = 'amount' | 'ratio' | 'share' | 'payback';
const KIND: Record<CardFigure, FigureKind> = {
  yearOneSaving: 'amount',
  saving: 'amount',
  marginGain: 'amount',
  oneOff: 'amount',
  investment: 'amount',
  net: 'amount',
  npv: 'amount',
  returnOnInvestment: 'ratio',
  netRoi: 'ratio',
  paybackYears: 'payback',
  affectedShare: 'share',
};

/** Which way is better, for colouring differences (investment is neither). */
const BETTER: Record<CardFigure, 1 | -1 | 0> = {
  yearOneSaving: 1,
  saving: 1,
  marginGain: 1,
  oneOff: 1,
  investment: 0,
  net: 1,
  npv: 1,
  returnOnInvestment: 1,
  netRoi: 1,
  paybackYears: -1,
  affectedShare: 1,
};

/** Digits: amounts 1 decimal in the display unit, ratios 1 decimal in %, the (small) share of total cost 2. */
/** The affected share by the same rule as every percentage (1.83%, not 1.827% here and 1.83% there). */
const SHARE_DIGITS = 1;

/** A figure's value in base units (yuan for amounts, ratios as fractions, payback in years); null: not defined. */
export function figureValue(result: ScenarioResult, figure: CardFigure): number | null {
  switch (figure) {
    case 'yearOneSaving':
      return result.years[0]?.saving ?? 0;
    case 'affectedShare':
      return result.affectedShare;
    case 'paybackYears':
      // Nothing saved and nothing invested: there is nothing to pay back (NaN: "not applicable").
      return result.totals.saving === 0 && result.totals.investment === 0 ? Number.NaN : result.totals.paybackYears;
    default:
      return result.totals[figure];
  }
}

export interface ShownFigure {
  /** The number as shown, e.g. "130.0", "225.3%", or a phrase when there is no number. */
  number: string;
  /** The unit after it, e.g. 万元 or "years"; empty for percentages and phrases. */
  unit: string;
  /** A second line, e.g. the payback in months. */
  note: string;
}

export function showFigure(figure: CardFigure, value: number | null, view: NumberView, t: TFunction, currency: string): ShownFigure {
  const kind = KIND[figure];
  if (kind === 'payback') {
    if (value === null) return { number: t('results.notWithinHorizon'), unit: '', note: '' };
    if (Number.isNaN(value)) return { number: t('results.notApplicable'), unit: '', note: t('results.notApplicableNote') };
    return {
      number: formatNumber(value, view.language, 2),
      unit: t('results.years'),
      note: t('results.months', { months: formatNumber(value * 12, view.language, 1) }),
    };
  }
  if (value === null) return { number: '—', unit: '', note: kind === 'ratio' ? t('results.noInvestment') : '' };
  if (kind === 'amount') return { number: view.amount(value, 1), unit: unitLabel(view.unit, view.language, currency), note: '' };
  return { number: view.percent(value, kind === 'share' ? SHARE_DIGITS : 1), unit: '', note: '' };
}

/** The unit a figure is shown in (display unit, years) or '' for percentages. */
export function figureUnit(figure: CardFigure, view: NumberView, t: TFunction, currency: string): string {
  const kind = KIND[figure];
  return kind === 'amount' ? unitLabel(view.unit, view.language, currency) : kind === 'payback' ? t('results.years') : '';
}

export interface ShownDifference {
  text: string;
  /** 'positive' when better than the baseline, 'negative' when worse, '' otherwise. */
  tone: 'positive' | 'negative' | '';
}

/** The difference to the baseline: signed, amounts in the display unit, ratios in percentage points. */
export function showDifference(figure: CardFigure, value: number | null, baseline: number | null, view: NumberView, t: TFunction): ShownDifference {
  if (value === null || baseline === null || Number.isNaN(value) || Number.isNaN(baseline)) return { text: '—', tone: '' };
  const kind = KIND[figure];
  const diff = value - baseline;
  let text: string;
  let rounded: number;
  if (kind === 'amount') {
    rounded = Number(view.fromYuan(diff).toFixed(1));
    text = formatNumber(view.fromYuan(diff), view.language, 1);
  } else if (kind === 'payback') {
    rounded = Number(diff.toFixed(2));
    text = `${formatNumber(diff, view.language, 2)} ${t('results.years')}`;
  } else {
    const digits = kind === 'share' ? SHARE_DIGITS : 1;
    rounded = Number((diff * 100).toFixed(digits));
    text = `${formatNumber(diff * 100, view.language, digits)} ${t('compare.percentagePoints')}`;
  }
  if (rounded > 0) text = `+${text}`;
  const better = BETTER[figure] * Math.sign(rounded);
  return { text, tone: better > 0 ? 'positive' : better < 0 ? 'negative' : '' };
}

export function figureDefinition(figure: CardFigure, model: Model): string {
  return figureTexts(model.language)[figure].definition;
}
