import { computeValidModel } from '../../shared/engine/compute';
import { prepareTree } from '../../shared/engine/tree';
import { unitLabel } from '../../shared/format/number';
import type { Model } from '../../shared/model/schema';
import { UNIT_FACTOR, type Language } from '../../shared/model/units';
import { WORKBOOK_TEXT, withUnit } from '../../shared/workbook/labels';
import { selectScenarios } from './export-workbook';

/**
 * The results as CSV: one row per scenario and year, amounts in the display unit at full
 * precision. Safe to open in a spreadsheet:
 * - every text field is quoted, and a text that starts with = + - @, a tab or a carriage
 *   return gets a leading apostrophe, so no spreadsheet reads it as a formula;
 * - numbers are written as plain numbers (digits, one point, an exponent): a minus sign there
 *   is a negative number, never a formula.
 * UTF-8 with a byte order mark (Excel needs it for Chinese) and CRLF line ends (RFC 4180).
 */
export function resultsCsv(model: Model, options: { language?: Language; scenarios?: readonly string[] } = {}): string {
  const language = options.language ?? model.language;
  const text = WORKBOOK_TEXT[language];
  const unit = unitLabel(model.displayUnit, language, model.currency);
  const factor = UNIT_FACTOR[model.displayUnit];
  const scenarios = selectScenarios(model, options.scenarios);
  const results = computeValidModel({ ...model, scenarios }, prepareTree(model.costTree), { contributions: false });
  const t = text.scenario;
  const header = [text.csv.scenario, text.csv.planYear, text.csv.calendarYear, t.saving, t.upfront, t.spread, t.investment, t.net, t.cumulativeNet].map(
    (label) => withUnit(label, unit),
  );
  const lines = [header.map(csvField).join(',')];
  for (const result of results.scenarios) {
    for (const year of result.years) {
      lines.push(
        [
          result.name,
          year.year,
          year.calendarYear,
          year.saving / factor,
          year.upfrontInvestment / factor,
          year.spreadInvestment / factor,
          year.investment / factor,
          year.net / factor,
          year.cumulativeNet / factor,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One CSV field: numbers plain, text quoted and neutralised. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return `"${neutralise(value).replace(/"/gu, '""')}"`;
}

/**
 * A text a spreadsheet would take for a formula gets a leading apostrophe. So that the CSV
 * import can undo it exactly, a text that already starts with apostrophes before such a
 * character gets one more.
 */
export function neutralise(text: string): string {
  return /^'*[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

/** Undoes `neutralise`. */
export function unneutralise(text: string): string {
  return /^'+[=+\-@\t\r]/u.test(text) ? text.slice(1) : text;
}
