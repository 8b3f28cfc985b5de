import type { Language } from '../model/units';
import { text } from './vocabulary';

/**
 * The figures the product reports. Their labels and definitions are the `figures` namespace of
 * the vocabulary (shared/i18n/resources), so that every surface states the same formula.
 */
export const FIGURES = [
  'affectedShare',
  'yearOneSaving',
  'saving',
  'investment',
  'net',
  'cumulativeNet',
  'returnOnInvestment',
  'netRoi',
  'npv',
  'paybackYears',
  'marginGain',
  'benefit',
  'oneOff',
] as const;
export type Figure = (typeof FIGURES)[number];

export interface FigureText {
  label: string;
  definition: string;
}

export type LeverKind = 'unitCostChange' | 'throughputChange' | 'volumeChange';
export type RevenueLeverKind = 'volumeChange' | 'priceChange';

const figureTables = new Map<Language, Readonly<Record<Figure, FigureText>>>();

/** Every figure's label and definition in one language, for code that shows many of them (made once per language). */
export function figureTexts(language: Language): Readonly<Record<Figure, FigureText>> {
  const made = figureTables.get(language);
  if (made !== undefined) return made;
  const table = Object.fromEntries(
    FIGURES.map((figure) => [figure, { label: text(language, 'figures', `${figure}.label`), definition: text(language, 'figures', `${figure}.definition`) }]),
  ) as Record<Figure, FigureText>;
  figureTables.set(language, table);
  return table;
}

/** A lever kind as a column or a chart names it: "Unit cost", 人均单价. */
export function leverKindName(language: Language, kind: LeverKind): string {
  return text(language, 'figures', `lever.${kind}`);
}

export function revenueLeverKindName(language: Language, kind: RevenueLeverKind): string {
  return text(language, 'figures', `revenueLever.${kind}`);
}

type Captioned = { captions?: Partial<Record<string, { zh?: string | undefined; en?: string | undefined } | undefined>> | undefined };

/**
 * A lever's name on a line: its caption in the language when the line has one ("inventory
 * turnover"), followed by the lever kind it is ("inventory turnover (per-capita volume)"),
 * else the kind alone.
 */
export function leverName(line: Captioned | undefined, kind: LeverKind, language: Language): string {
  const caption = line?.captions?.[kind]?.[language]?.trim();
  if (!caption) return leverKindName(language, kind);
  return text(language, 'figures', 'captioned', { caption, kind: text(language, 'figures', `leverInText.${kind}`) });
}

export function revenueLeverName(line: Captioned | undefined, kind: RevenueLeverKind, language: Language): string {
  const caption = line?.captions?.[kind]?.[language]?.trim();
  if (!caption) return revenueLeverKindName(language, kind);
  return text(language, 'figures', 'captioned', { caption, kind: text(language, 'figures', `revenueLeverInText.${kind}`) });
}
