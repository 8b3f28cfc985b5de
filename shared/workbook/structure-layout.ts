import { readTypedNumber } from '../format/typed-number';
import { RELEVANCE, type Relevance } from '../model/schema';
import type { DisplayUnit, Language } from '../model/units';
import { withUnit, workbookWords } from './words';

/**
 * The layout a cost structure is imported from (an .xlsx sheet or a .csv file), and the words
 * it accepts. The exported "Cost structure" sheet follows it, so it imports as it is.
 *
 * - A header row (one of the first 20 rows) names the columns; their order is free and other
 *   columns are ignored. Headers are matched without case and without a trailing "(...)".
 * - Each row below it is one cost line. Blank rows are skipped.
 * - The tree comes from Level (1 for the root, 2 for its parts, ...; rows in outline order,
 *   each under the nearest row above with the level one less) or, without a Level column,
 *   from Parent (the name of the parent line; empty for the root).
 */
export const STRUCTURE_COLUMNS = ['level', 'parent', 'name', 'basis', 'value', 'relevance', 'notes', 'id'] as const;
export type StructureColumn = (typeof STRUCTURE_COLUMNS)[number];

/** Header words per column, compared after `normalizeHeader`. */
const HEADER_ALIASES: Record<StructureColumn, readonly string[]> = {
  level: ['level', 'outline level', '层级', '级别', '层次'],
  parent: ['parent', 'parent name', '上级', '父级', '上级名称'],
  name: ['name', 'cost line', 'line', '名称', '成本项', '项目'],
  basis: ['basis', 'kind', '依据', '方式', '类型'],
  value: ['value', 'share or amount', '数值', '值', '占比或金额'],
  relevance: ['relevance', '相关性', '相关'],
  notes: ['notes', 'note', 'comment', '备注', '说明'],
  id: ['id', '编号'],
};

/** "Value (share, or amount in 万元)" -> "value"; full-width brackets too. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[（(][^()（）]*[)）]\s*$/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

export function columnForHeader(text: string): StructureColumn | undefined {
  const key = normalizeHeader(text);
  if (key === '') return undefined;
  return STRUCTURE_COLUMNS.find((column) => HEADER_ALIASES[column].includes(key));
}

/** Is the header written in Chinese? (decides the language of an imported model) */
export function isChineseText(text: string): boolean {
  return /[\u4e00-\u9fff]/u.test(text);
}

/** Unit words, longest first (百万 before 万); CNY labels and other currencies' prefixes alike. */
const UNIT_WORDS: readonly (readonly [RegExp, DisplayUnit])[] = [
  [/百万/u, 'million'],
  [/亿/u, 'hundredMillion'],
  [/千/u, 'thousand'],
  [/万/u, 'tenThousand'],
  [/\b100m\b/iu, 'hundredMillion'],
  [/\bmillions?\b/iu, 'million'],
  [/\bthousands?\b/iu, 'thousand'],
  [/\b10k\b/iu, 'tenThousand'],
];

/** The text in a header's last brackets ("Value (share, or amount in 万元)" -> "share, or amount in 万元"), or all of it. */
function bracketText(text: string): string {
  const match = /[（(]([^()（）]*)[)）]\s*$/u.exec(text);
  return match ? match[1]! : text;
}

/** The unit a header names, such as "Value (share, or amount in 万元)" -> tenThousand; yuan when none. */
export function unitInHeader(text: string): DisplayUnit {
  const inside = bracketText(text);
  for (const [pattern, unit] of UNIT_WORDS) if (pattern.test(inside)) return unit;
  return 'yuan';
}

/** A currency code named in a header ("amount in 万USD" -> USD); undefined for yuan (CNY). */
export function currencyInHeader(text: string): string | undefined {
  return /(?:^|[^A-Za-z])([A-Z]{3})(?:$|[^A-Za-z])/u.exec(bracketText(text))?.[1];
}

const BASIS_WORDS: Record<'share' | 'amount', readonly string[]> = {
  share: ['share', '%', 'percent', 'percentage', '占比', '比例', '百分比'],
  amount: ['amount', '金额', '数额'],
};

export function parseBasisWord(text: string): 'share' | 'amount' | undefined {
  const key = text.trim().toLowerCase();
  if (BASIS_WORDS.share.includes(key)) return 'share';
  if (BASIS_WORDS.amount.includes(key)) return 'amount';
  return undefined;
}

const RELEVANCE_WORDS: Record<Relevance, readonly string[]> = {
  strong: ['strong', 'strongly related', '强相关', '强'],
  weak: ['weak', 'weakly related', '弱相关', '弱'],
};

export function parseRelevanceWord(text: string): Relevance | undefined {
  const key = text.trim().toLowerCase();
  return RELEVANCE.find((relevance) => RELEVANCE_WORDS[relevance].includes(key));
}

/**
 * A number typed as text in an imported cell: "0.44", "44%", "1,234.5", " -3 ", and the
 * Chinese keyboard's full-width forms ("４４％"). The one number reader of the app
 * (shared/format/typed-number.ts), with a percent divided by 100; undefined if not a number.
 */
export function parseNumberText(text: string): { value: number; percent: boolean } | undefined {
  const typed = readTypedNumber(text);
  if (!typed) return undefined;
  return { value: typed.percent ? typed.value / 100 : typed.value, percent: typed.percent };
}

/** One row of the documentation of the layout (the template's About sheet and the README). */
export interface LayoutColumnDoc {
  column: StructureColumn;
  header: string;
  required: string;
  meaning: string;
}

export function structureLayoutDoc(language: Language, unitLabel: string): LayoutColumnDoc[] {
  const book = workbookWords(language);
  return STRUCTURE_COLUMNS.map((column) => ({
    column,
    header: withUnit(book(`structure.${column}`), unitLabel),
    required: book(`layoutDoc.${column}.required`),
    meaning: book(`layoutDoc.${column}.meaning`, { amountUnit: unitLabel }),
  }));
}
