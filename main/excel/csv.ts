import { computeValidModel } from '../../shared/engine/compute';
import { prepareTree } from '../../shared/engine/tree';
import { unitLabel } from '../../shared/format/number';
import type { Model } from '../../shared/model/schema';
import type { Language } from '../../shared/model/units';
import { withUnit, workbookWords } from '../../shared/workbook/words';
import { selectScenarios } from './export-workbook';

/**
 * The results as CSV: per scenario one row per plan year, then a total row ("Total" / "合计"
 * in the plan-year column) with the horizon figures: saving, investment, net, return /
 * investment, net ROI, NPV and payback. Amounts are in base currency units (yuan for CNY)
 * rounded to the cent, and each header names its unit; ratios and the payback carry six
 * decimals. Safe to open in a spreadsheet:
 * - every text field is quoted, and a text that starts with = + - @, a tab or a carriage
 *   return gets a leading apostrophe, so no spreadsheet reads it as a formula;
 * - numbers are written as plain numbers (digits, one point): a minus sign there is a
 *   negative number, never a formula.
 * UTF-8 with a byte order mark (Excel needs it for Chinese) and CRLF line ends (RFC 4180).
 */
export function resultsCsv(model: Model, options: { language?: Language; scenarios?: readonly string[] } = {}): string {
  const language = options.language ?? model.language;
  const text = workbookWords(language);
  const unit = unitLabel('yuan', language, model.currency);
  const scenarios = selectScenarios(model, options.scenarios);
  const results = computeValidModel({ ...model, scenarios }, prepareTree(model.costTree), { contributions: false });
  const ratio = text('csv.ratio');
  const header = [
    text('csv.scenario'),
    text('csv.planYear'),
    text('csv.calendarYear'),
    text('scenario.saving'),
    text('scenario.upfront'),
    text('scenario.spread'),
    text('scenario.investment'),
    text('scenario.net'),
    text('scenario.cumulativeNet'),
    `${text('summary.rows.returnOnInvestment')}${ratio}`,
    `${text('summary.rows.netRoi')}${ratio}`,
    text('summary.rows.npv'),
    text('summary.rows.paybackYears'),
  ].map((label) => withUnit(label, unit));
  const total = text('csv.total');
  const lines = [header.map(csvField).join(',')];
  for (const result of results.scenarios) {
    for (const year of result.years) {
      const fields = [csvField(result.name), csvField(year.year), csvField(year.calendarYear)];
      for (const amount of [year.saving, year.upfrontInvestment, year.spreadInvestment, year.investment, year.net, year.cumulativeNet])
        fields.push(fixed(amount, 2));
      fields.push('', '', '', '');
      lines.push(fields.join(','));
    }
    const totals = result.totals;
    const upfront = result.years.reduce((sum, year) => sum + year.upfrontInvestment, 0);
    const spread = result.years.reduce((sum, year) => sum + year.spreadInvestment, 0);
    const last = result.years.at(-1);
    lines.push(
      [
        csvField(result.name),
        csvField(total),
        '',
        fixed(totals.saving, 2),
        fixed(upfront, 2),
        fixed(spread, 2),
        fixed(totals.investment, 2),
        fixed(totals.net, 2),
        last ? fixed(last.cumulativeNet, 2) : '',
        totals.returnOnInvestment === null ? csvField(text('figures.notApplicable')) : fixed(totals.returnOnInvestment, 6),
        totals.netRoi === null ? csvField(text('figures.notApplicable')) : fixed(totals.netRoi, 6),
        fixed(totals.npv, 2),
        totals.paybackYears === null ? csvField(text('figures.never')) : fixed(totals.paybackYears, 6),
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A number rounded half away from zero to `digits` decimals, written in plain digits ("-0.00" becomes "0.00"). */
export function fixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '';
  const scale = 10 ** digits;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
  const text = (rounded === 0 ? 0 : rounded).toFixed(digits);
  return text;
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
