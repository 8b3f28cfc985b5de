import { FIGURES, figureTexts, type Figure } from '../i18n/figures';
import type { Vocabulary } from '../i18n/resources';
import { text } from '../i18n/vocabulary';
import type { Language } from '../model/units';

/**
 * The Definitions sheet of the exported workbook: every formula of the workbook stated in
 * words, in the order a reader meets them. The figure definitions come from the vocabulary's
 * figures namespace (the CLI's and the UI's too); the other rows from its workbook namespace.
 */
export interface DefinitionRow {
  term: string;
  definition: string;
  /** The figure the row defines, when the workbook can show it worked out with this model's numbers. */
  key?: WorkedFigure;
}

export type WorkedFigure = 'affectedShare' | 'saving' | 'investment' | 'net' | 'returnOnInvestment' | 'netRoi' | 'npv' | 'paybackYears';

/** "(e.g. 14% x 87% x 15% = 1.827%)" and "（例：…）": the built-in example's numbers never appear in another model's workbook. */
function withoutExample(definition: string): string {
  return definition.replace(/\s*\(e\.g\.[^)]*\)|（例：[^）]*）/gu, '');
}

const WORKED: readonly string[] = ['affectedShare', 'saving', 'investment', 'net', 'returnOnInvestment', 'netRoi', 'npv', 'paybackYears'];

/** The Definitions sheet's rows in the order a reader meets them: a figure's own row, or a row of the workbook namespace's definitionRows. */
const SEQUENCE = [
  'inputs',
  'unit',
  'amount',
  'ownAmount',
  'unitCost',
  'throughput',
  'volume',
  'costFactor',
  'lineSaving',
  'affectedShare',
  'yearlySaving',
  'saving',
  'amountBasis',
  'timing',
  'investment',
  'net',
  'cumulativeNet',
  'returnOnInvestment',
  'netRoi',
  'ratios',
  'npv',
  'paybackYears',
  'paybackWorking',
  'definedNames',
  'backIntoPlanner',
] as const satisfies readonly (Figure | keyof Vocabulary['workbook']['definitionRows'])[];

export function workbookDefinitions(language: Language, unit: string): DefinitionRow[] {
  const f = figureTexts(language);
  return SEQUENCE.map((entry): DefinitionRow => {
    if (isFigure(entry)) {
      return { term: f[entry].label, definition: withoutExample(f[entry].definition), ...(WORKED.includes(entry) ? { key: entry as WorkedFigure } : {}) };
    }
    return {
      term: text(language, 'workbook', `definitionRows.${entry}.term`),
      definition: text(language, 'workbook', `definitionRows.${entry}.definition`, { u: unit }),
    };
  });
}

function isFigure(entry: string): entry is Figure {
  return (FIGURES as readonly string[]).includes(entry);
}
