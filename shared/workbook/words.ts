import { VOCABULARY } from '../i18n/resources';
import { filledText, type FilledText } from '../i18n/vocabulary';
import { INVESTMENT_CATEGORIES } from '../model/schema';
import type { Language } from '../model/units';

/**
 * The words of the exported workbook and of the import layout (the vocabulary's workbook
 * namespace, shared/i18n/resources/workbook.*.ts), as the sheet builders look them up:
 * `book('summary.title', { model })`. Keys and placeholders are checked by the compiler
 * against the English table.
 */
export type WorkbookWords = FilledText<'workbook', 'u'>;

/**
 * The words of the client-facing parts of the workbook (cover, checks, assumptions, charts,
 * live sensitivity, input messages, print header and footer): the vocabulary's workbookClient
 * namespace (shared/i18n/resources/workbook-client.*.ts).
 */
export type ClientWords = FilledText<'workbookClient', 'u'>;

/**
 * `{{u}}` in a workbook text comes out as this marker, which withUnit() replaces by the display
 * unit where a label meets a sheet (the unit is the model's, known only then; the import layout
 * matches headers with it in any unit).
 */
const UNIT_MARKER = { u: '{unit}' } as const;

const workbook = new Map<Language, WorkbookWords>();
const client = new Map<Language, ClientWords>();

/** The workbook's words in a language; made on first use, so a command that writes no workbook pays nothing. */
export function workbookWords(language: Language): WorkbookWords {
  let words = workbook.get(language);
  if (words === undefined) {
    words = filledText(language, 'workbook', UNIT_MARKER);
    workbook.set(language, words);
  }
  return words;
}

/** The client-facing words of the workbook in a language; made on first use. */
export function clientWords(language: Language): ClientWords {
  let words = client.get(language);
  if (words === undefined) {
    words = filledText(language, 'workbookClient', UNIT_MARKER);
    client.set(language, words);
  }
  return words;
}

/** Replaces `{unit}` in a label. */
export function withUnit(label: string, unit: string): string {
  return label.replaceAll('{unit}', unit);
}

/** The sheet names the cover's list of sheets refers to. */
export type CoverSheetNames = Record<'summary' | 'checks' | 'assumptions' | 'structure' | 'charts' | 'analyses' | 'definitions', string>;

const COVER_SHEETS = Object.keys(VOCABULARY.en.workbookClient.cover.sheetsList) as (keyof typeof VOCABULARY.en.workbookClient.cover.sheetsList)[];

/** The cover's list of sheets, one line per sheet (in the vocabulary's order), each naming its sheet. */
export function coverSheetsList(say: ClientWords, names: CoverSheetNames): string[] {
  return COVER_SHEETS.map((key) => say(`cover.sheetsList.${key}`, names));
}

/** The input message of a distribution cell: the allowed words, each quoted, joined by "or". */
export function distributionMessage(say: ClientWords, words: readonly string[]): string {
  return say('input.distribution', { words: words.map((word) => say('input.quoted', { word })).join(say('input.or')) });
}

/** The words of the investment categories, in the model's order (a validation list, the import's reading). */
export function categoryWords(say: WorkbookWords): string[] {
  return INVESTMENT_CATEGORIES.map((category) => say(`words.category.${category}`));
}
