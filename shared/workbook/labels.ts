import type { InvestmentAmount, InvestmentCategory, InvestmentTiming, Relevance } from '../model/schema';
import type { Language } from '../model/units';
import { perLanguage, tableFromVocabulary, type TextParameters } from './from-vocabulary';

/**
 * The words of the exported workbook and of the import layout, as the sheet builders read them
 * (main/excel/, ./structure-layout.ts). The words themselves are the vocabulary's workbook
 * namespace; this is their typed shape. `{unit}` in a label is replaced by the display unit
 * (万元, "10k yuan", ...).
 */
export interface WorkbookText {
  sheets: { summary: string; structure: string; definitions: string; analysis: string; scenarioFallback: (index: number) => string };
  legend: { input: string; formula: string; unit: (unit: string) => string };
  summary: {
    title: (model: string) => string;
    figure: string;
    seeDefinitions: string;
    rows: {
      horizon: string;
      volumeGrowth: string;
      discountRate: string;
      baseSaving: string;
      affectedShare: string;
      saving: string;
      investment: string;
      net: string;
      returnOnInvestment: string;
      netRoi: string;
      npv: string;
      paybackYears: string;
      paybackMonths: string;
    };
  };
  structure: {
    title: (model: string) => string;
    level: string;
    name: string;
    basis: string;
    value: string;
    relevance: string;
    amount: string;
    ownAmount: string;
    shareOfTotal: string;
    notes: string;
    id: string;
    parent: string;
  };
  scenario: {
    year: string;
    totalOrValue: string;
    planYear: string;
    volumeGrowth: string;
    discountRate: string;
    ramp: string;
    saving: string;
    investmentLines: string;
    timing: string;
    amountKind: string;
    parameter: string;
    category: string;
    upfront: string;
    spread: string;
    investment: string;
    net: string;
    cumulativeNet: string;
    paybackWorking: string;
    moved: string;
    tolerance: string;
    startOfYear: string;
    lastBelowZero: string;
    results: string;
    lines: string;
    unitCostChange: string;
    throughputChange: string;
    volumeChange: string;
    costFactor: string;
    lineSaving: string;
  };
  figures: {
    never: string;
    notApplicable: string;
  };
  words: {
    basis: { share: string; amount: string };
    relevance: Record<Relevance, string>;
    timing: Record<InvestmentTiming, string>;
    amountKind: Record<InvestmentAmount['kind'], string>;
    category: Record<InvestmentCategory, string>;
  };
  definitions: { title: string; term: string; definition: string; liveModel: (name: string) => string; minus: string; yearsTimes12: string; months: string };
  /** The analysis sheet: values the engine computed, not formulas. */
  analysis: {
    title: (model: string) => string;
    note: string;
    scenario: (name: string) => string;
    tornado: (output: string, swing: number) => string;
    base: (output: string) => string;
    input: string;
    source: string;
    sources: { range: string; swing: string };
    low: string;
    high: string;
    atLow: (output: string) => string;
    atHigh: (output: string) => string;
    swing: (output: string) => string;
    bridge: string;
    step: string;
    change: string;
    yearOneSaving: string;
    horizonSaving: string;
    growthStep: string;
    otherLevers: (count: number) => string;
    largest: (shown: number, of: number) => string;
    total: string;
    monteCarlo: string;
    seed: string;
    trials: string;
    trialsLowered: (full: number) => string;
    mostLikely: string;
    distribution: string;
    figure: string;
    mean: string;
    probabilityRoi: string;
    probabilityPayback: string;
    noRanges: string;
    outputs: { npv: string; saving: string };
    /** An output's column header, with the unit. */
    amount: (output: string) => string;
  };
  csv: { scenario: string; planYear: string; calendarYear: string; ratio: string; total: string };
  template: { title: string; hint: string; about: string; sheet: string; column: string; required: string; meaning: string };
}

/**
 * Function-valued texts of WorkbookText: the vocabulary key's placeholders, in the order the
 * function takes its arguments.
 */
const PARAMETERS: TextParameters = {
  'sheets.scenarioFallback': ['index'],
  'legend.unit': ['amountUnit'],
  'summary.title': ['model'],
  'structure.title': ['model'],
  'analysis.title': ['model'],
  'analysis.scenario': ['name'],
  'analysis.tornado': ['output', 'swing'],
  'analysis.base': ['output'],
  'analysis.atLow': ['output'],
  'analysis.atHigh': ['output'],
  'analysis.swing': ['output'],
  'analysis.otherLevers': ['levers'],
  'analysis.largest': ['shown', 'of'],
  'analysis.trialsLowered': ['full'],
  'analysis.amount': ['output'],
  'definitions.liveModel': ['name'],
};

/** The workbook namespace of the vocabulary (shared/i18n/resources/workbook.*.ts), per language. */
export const WORKBOOK_TEXT: Record<Language, WorkbookText> = perLanguage((language) => tableFromVocabulary(language, 'workbook', PARAMETERS) as WorkbookText);

/** Replaces `{unit}` in a label. */
export function withUnit(label: string, unit: string): string {
  return label.replaceAll('{unit}', unit);
}
