import { modelMessagesEn } from './messages/model.en';
import { apiMessagesEn } from './messages/api.en';
import { storeMessagesEn } from './messages/store.en';
import { analysisMessagesEn } from './messages/analysis.en';
import { importMessagesEn } from './messages/import.en';
import { cliMessagesEn } from './messages/cli.en';

/**
 * Problems worded in English: one text per problem code of shared/messages/problems.ts.
 * Placeholders ({{name}}) take parameters already formatted for the reader (amounts in the
 * display unit with their unit, ratios as percentages); shared/messages/render.ts formats them.
 * `parts` holds the pieces some texts are built from (a bound's word, a reason).
 */
export const messagesEn = {
  ...modelMessagesEn,
  ...apiMessagesEn,
  ...storeMessagesEn,
  ...analysisMessagesEn,
  ...importMessagesEn,
  ...cliMessagesEn,
  parts: {
    quoted: '"{{text}}"',
    shareHint: '; for {{typed}}% write {{typed}}% or {{ratio}}',
    cannotOpen: { missing: 'no such file', permission: 'permission denied', folder: 'is a folder, not a file' },
    bytes: '{{count}} bytes',
    notAModel: {
      folder: 'is a folder, not a model file',
      empty: 'is empty: it is not a Service Cost Planner model',
      'not-sqlite': 'is not a Service Cost Planner model (it is not a SQLite database at all)',
      'foreign-sqlite': 'is a SQLite database of another program, not a Service Cost Planner model',
    },
    where: '{{where}}: ',
    importFile: '{{file}}: ',
    sheet: 'sheet {{sheet}}',
    row: 'row {{row}}',
    column: 'column {{column}}',
    header: ' ({{header}})',
    placeJoin: ', ',
    choiceJoin: ', ',
    placed: '{{place}}: {{problem}}',
    listJoin: '; ',
    more_one: ' (and {{count}} more problem)',
    more_other: ' (and {{count}} more problems)',
    cell: {
      empty: 'an empty cell',
      missing: 'a formula without a saved result (open and save the file in Excel first)',
      number: 'the number {{text}}',
      text: 'the text {{text}}',
      boolean: 'the value {{text}}',
      date: 'a date ({{text}})',
      error: 'the error {{text}}',
    },
    fields: {
      name: 'the name',
      value: 'the value',
      notes: 'the notes',
      basis: 'the basis',
      relevance: 'the relevance',
      level: 'the level',
      parent: 'the parent',
      id: 'the id',
      scenarioName: 'the scenario name',
      volumeGrowth: 'the volume growth',
      discountRate: 'the discount rate',
      ramp: 'the ramp of year {{year}}',
      investmentName: 'the name of the investment line',
      timing: 'the timing',
      category: 'the category',
      amountKind: 'the kind of amount',
      amountPerYear: 'the amount a year',
      shareOfSaving: 'the share of saving',
      yearAmount: 'the amount of year {{year}}',
      unitCostChange: 'the unit cost change',
      throughputChange: 'the per-capita volume change',
      volumeChange: 'the volume change',
      margin: 'the contribution margin',
      revenueVolumeChange: 'the volume change of the revenue line',
      revenuePriceChange: 'the price change of the revenue line',
      oneOffName: 'the name of the one-off item',
      oneOffAmount: 'the one-off amount',
      oneOffYearAmount: 'the one-off amount of year {{year}}',
      rangeLow: 'the low of the range',
      rangeMostLikely: 'the most likely value of the range',
      rangeHigh: 'the high of the range',
      distribution: 'the distribution',
    },
    above: 'above',
    atLeast: 'at least',
    reason: ' ({{reason}})',
  },
};
