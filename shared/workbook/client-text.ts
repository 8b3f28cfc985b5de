import { VOCABULARY } from '../i18n/resources';
import type { Language } from '../model/units';
import { perLanguage, tableFromVocabulary, type TextParameters } from './from-vocabulary';

/**
 * The words of the client-facing parts of the exported workbook (cover, checks, assumptions,
 * charts, live sensitivity, input messages, print header and footer), as the sheet builders read
 * them. The words themselves are the vocabulary's workbookClient namespace; this is their typed
 * shape. `{unit}` is replaced by the display unit.
 */
export interface ClientText {
  sheets: { cover: string; checks: string; assumptions: string; charts: string };
  /** The workbook font: a CJK font for Chinese (DengXian, shipped with Office), Calibri for English. */
  font: string;
  cover: {
    title: string;
    model: string;
    client: string;
    clientHint: string;
    date: string;
    version: string;
    scenarios: string;
    unit: string;
    checks: string;
    contents: string;
    sheetsList: (names: {
      summary: string;
      checks: string;
      assumptions: string;
      structure: string;
      charts: string;
      analyses: string;
      definitions: string;
    }) => string[];
    note: string;
    listSeparator: string;
    disclaimer: string;
  };
  flag: { label: string; pass: string; fail: string };
  checks: {
    title: string;
    check: string;
    where: string;
    failures: string;
    status: string;
    ok: string;
    bad: string;
    total: string;
    basisWords: string;
    relevanceWords: string;
    rootAmount: string;
    valueNumbers: string;
    shareRange: string;
    amountNotNegative: string;
    siblings: string;
    names: string;
    timingWords: (upfront: string, spread: string) => string;
    categoryWords: string;
    horizon: string;
    growthRange: string;
    discountRange: string;
    rampRange: string;
    investmentAmounts: string;
    leverRanges: string;
    sensitivityBase: string;
  };
  assumptions: {
    title: string;
    note: string;
    area: string;
    input: string;
    value: string;
    unit: string;
    source: string;
    scenarioInputs: string;
    investments: string;
    levers: string;
    structure: string;
    more: (shown: number, total: number, sheet: string) => string;
    percent: string;
  };
  summary: {
    flagRow: string;
    baseline: (name: string) => string;
    difference: (name: string) => string;
    perYear: string;
    perYearFigure: string;
  };
  structure: { subLines: string };
  charts: {
    title: string;
    note: string;
    composition: string;
    compositionTitle: string;
    other: string;
    scenario: (name: string) => string;
    years: string;
    saving: string;
    investment: string;
    cumulativeNet: string;
    bridge: string;
    bridgeNote: string;
    step: string;
    change: string;
    base: string;
    up: string;
    down: string;
    total: string;
    yearOneTimesHorizon: string;
    growthAndRamp: string;
    otherLines: (count: number) => string;
    rootOwn: (name: string) => string;
    tornado: string;
    tornadoNote: string;
    swing: string;
    driver: string;
    low: string;
    high: string;
    npvLow: string;
    npvHigh: string;
    lowBar: string;
    highBar: string;
    baseNpv: string;
    drivers: { saving: string; growth: string; discount: string; fixedInvestment: string; shareRate: string };
    twoWay: string;
    twoWayNote: string;
    savingFactor: string;
    investmentFactor: string;
    helper: { fixed: string; rate: string; x: string; y: string; z: string };
  };
  analyses: {
    stamp: (date: string, seed: number) => string;
    changed: string;
    unchanged: string;
    liveElsewhere: (sheet: string) => string;
  };
  input: {
    title: string;
    basis: (share: string, amount: string) => string;
    value: string;
    relevance: (strong: string, weak: string) => string;
    name: string;
    notes: string;
    rate: string;
    ramp: string;
    timing: (upfront: string, spread: string) => string;
    category: string;
    perYear: string;
    share: string;
    yearly: string;
    unitCost: string;
    throughput: string;
    volume: string;
    swing: string;
    factor: string;
    source: string;
    client: string;
    /** The distribution of an uncertainty range, one of `words`. */
    distribution: (words: readonly string[]) => string;
    bad: string;
  };
  print: { header: (model: string, date: string) => string; footer: string };
}

/**
 * Function-valued texts of ClientText: the vocabulary key's placeholders, in the order the
 * function takes its arguments.
 */
const PARAMETERS: TextParameters = {
  'checks.timingWords': ['upfront', 'spread'],
  'assumptions.more': ['shown', 'total', 'sheet'],
  'summary.baseline': ['name'],
  'summary.difference': ['name'],
  'charts.scenario': ['name'],
  'charts.otherLines': ['lines'],
  'charts.rootOwn': ['name'],
  'analyses.stamp': ['date', 'seed'],
  'analyses.liveElsewhere': ['sheet'],
  'input.basis': ['share', 'amount'],
  'input.relevance': ['strong', 'weak'],
  'input.timing': ['upfront', 'spread'],
  'print.header': ['model', 'date'],
};

type SheetNames = Parameters<ClientText['cover']['sheetsList']>[0];

/** The cover's list of sheets, one line per sheet, each naming its sheet. */
const SPECIAL = {
  'input.distribution': (look: (key: string, params?: Record<string, string | number>) => string) => (words: readonly string[]) =>
    look('input.distribution', { words: words.map((word) => look('input.quoted', { word })).join(look('input.or')) }),
  'cover.sheetsList': (look: (key: string, params?: Record<string, string | number>) => string) => (names: SheetNames) =>
    Object.keys(VOCABULARY.en.workbookClient.cover.sheetsList).map((key) => look(`cover.sheetsList.${key}`, names)),
};

/** The workbookClient namespace of the vocabulary (shared/i18n/resources/workbook-client.*.ts), per language. */
export const CLIENT_TEXT: Record<Language, ClientText> = perLanguage(
  (language) => tableFromVocabulary(language, 'workbookClient', PARAMETERS, SPECIAL) as ClientText,
);
