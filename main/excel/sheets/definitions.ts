import { workbookDefinitions, type WorkedFigure } from '../../../shared/workbook/definitions';
import { absolute, onSheet, text as literal } from '../formulas';
import { HEADER_ROW, SCENARIO_COL, STRUCTURE_COL, TITLE_ROW } from '../layout';
import { wrappedRowHeight } from '../styles';
import type { Formula, SheetWriter } from '../xlsx-writer';
import { printSetup, type SheetContext } from './context';

const TERM_WIDTH = 30;
const DEFINITION_WIDTH = 90;
const WORKED_WIDTH = 60;
/** Years a worked sum spells out before "…". */
const MAX_TERMS = 8;

/**
 * Every formula of the workbook stated in words, and beside each figure the same arithmetic
 * with this model's numbers (the first scenario), as a live formula: it follows every input
 * change, and it never quotes another model's figures.
 */
export function definitionsSheet(context: SheetContext): SheetWriter {
  const { layout, palette, text, scenarios } = context;
  const first = scenarios[0];
  const sheet = context.writer.sheet(layout.definitionsSheet, {
    freeze: { rows: HEADER_ROW, columns: 0 },
    widths: first ? [TERM_WIDTH, DEFINITION_WIDTH, WORKED_WIDTH] : [TERM_WIDTH, DEFINITION_WIDTH],
    print: printSetup(context, [HEADER_ROW, HEADER_ROW], true),
    protect: true,
  });
  sheet.set(TITLE_ROW, 1, text('definitions.title'), palette.title);
  sheet.set(HEADER_ROW, 1, text('definitions.term'), palette.header);
  sheet.set(HEADER_ROW, 2, text('definitions.definition'), palette.header);
  if (first) sheet.set(HEADER_ROW, 3, text('definitions.liveModel', { name: first.name }), palette.header);
  const worked = first ? workedFigures(context) : undefined;
  workbookDefinitions(context.language, context.unit).forEach((row, k) => {
    const r = HEADER_ROW + 1 + k;
    sheet.set(r, 1, row.term, palette.term);
    sheet.set(r, 2, row.definition, palette.wrap);
    const formula = row.key && worked ? worked[row.key] : undefined;
    if (formula) sheet.set(r, 3, formula, palette.wrap);
    sheet.height(
      r,
      Math.max(
        wrappedRowHeight(row.definition, DEFINITION_WIDTH),
        wrappedRowHeight(row.term, TERM_WIDTH),
        formula ? wrappedRowHeight(String(formula.v), WORKED_WIDTH) : 0,
      ),
    );
  });
  return sheet;
}

/** Excel's ROUND: half away from zero. */
function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
  return rounded === 0 ? 0 : rounded;
}

/**
 * A number as text the way the formula of `numberText` writes it: rounded, and from 10^12 on as
 * a mantissa and an exponent, so that every spreadsheet writes the same digits (they differ
 * beyond 15 significant digits).
 */
function shown(value: number, digits: number): string {
  if (Math.abs(value) < 1e12) return String(round(value, digits));
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  return `${round(value / 10 ** exponent, 4)}E${exponent}`;
}

function numberText(reference: string, digits: number): string {
  const exponent = `INT(LOG10(ABS(${reference})))`;
  return `IF(ABS(${reference})<1000000000000,ROUND(${reference},${digits}),ROUND(${reference}/10^${exponent},4)&"E"&${exponent})`;
}

/** The worked arithmetic of each figure of the first scenario, as formulas with their text now. */
function workedFigures(context: SheetContext): Record<WorkedFigure, Formula> {
  const { layout, results, unitFactor, text } = context;
  const at = layout.scenarios[0]!;
  const result = results.scenarios[0]!;
  const totals = result.totals;
  const cell = (row: number, col: number = SCENARIO_COL.total) => onSheet(at.sheet, absolute(row, col));
  const r = (reference: string, digits: number): string => numberText(reference, digits);
  const money = (value: number) => value / unitFactor;
  const minus = text('definitions.minus');
  const years = Array.from({ length: at.horizon }, (_, y) => y + 1);
  const listed = years.slice(0, MAX_TERMS);
  const more = years.length > MAX_TERMS;
  const sum = (row: number, pick: (y: number) => number): Formula => ({
    f: `${listed.map((y) => r(cell(row, at.col.year(y)), 2)).join('&" + "&')}${more ? '&" + …"' : ''}&" = "&${r(cell(row), 2)}`,
    v: `${listed.map((y) => shown(pick(y), 2)).join(' + ')}${more ? ' + …' : ''} = ${shown(pick(0), 2)}`,
  });
  const yearly = (y: number, field: 'saving' | 'investment' | 'net') =>
    money(y === 0 ? (field === 'net' ? totals.net : totals[field]) : result.years[y - 1]![field]);
  const root = onSheet(layout.structure.sheet, absolute(layout.structure.firstRow, STRUCTURE_COL.amount));
  const saving = cell(at.row.totalSaving);
  const investment = cell(at.row.totalInvestment);
  const ratio = (reference: string, formula: string, value: number | null, worded: (v: number) => string): Formula => {
    const fallback = text('figures.notApplicable');
    return { f: `IF(ISNUMBER(${reference}),${formula},${reference})`, v: value === null ? fallback : worded(value) };
  };
  const savingValue = money(totals.saving);
  const investmentValue = money(totals.investment);
  const netYears = listed.map((y) => r(cell(at.row.net, at.col.year(y)), 2)).join('&", "&');
  const paybackText = text('definitions.yearsTimes12');
  const monthsText = text('definitions.months');
  return {
    affectedShare: {
      f: `${r(cell(at.row.baseSaving), 2)}&" / "&${r(root, 2)}&" = "&${r(`${cell(at.row.affectedShare)}*100`, 3)}&"%"`,
      v: `${shown(money(result.baseSaving), 2)} / ${shown(context.tree.totalAmount / unitFactor, 2)} = ${shown(result.affectedShare * 100, 3)}%`,
    },
    saving: sum(at.row.saving, (y) => yearly(y, 'saving')),
    investment: sum(at.row.investment, (y) => yearly(y, 'investment')),
    net: {
      f: `${r(saving, 2)}&${literal(minus)}&${r(investment, 2)}&" = "&${r(cell(at.row.totalNet), 2)}`,
      v: `${shown(savingValue, 2)}${minus}${shown(investmentValue, 2)} = ${shown(money(totals.net), 2)}`,
    },
    returnOnInvestment: ratio(
      cell(at.row.returnOnInvestment),
      `${r(saving, 2)}&" / "&${r(investment, 2)}&" = "&${r(`${cell(at.row.returnOnInvestment)}*100`, 1)}&"%"`,
      totals.returnOnInvestment,
      (v) => `${shown(savingValue, 2)} / ${shown(investmentValue, 2)} = ${shown(v * 100, 1)}%`,
    ),
    netRoi: ratio(
      cell(at.row.netRoi),
      `"("&${r(saving, 2)}&${literal(minus)}&${r(investment, 2)}&") / "&${r(investment, 2)}&" = "&${r(`${cell(at.row.netRoi)}*100`, 1)}&"%"`,
      totals.netRoi,
      (v) => `(${shown(savingValue, 2)}${minus}${shown(investmentValue, 2)}) / ${shown(investmentValue, 2)} = ${shown(v * 100, 1)}%`,
    ),
    npv: {
      f: `"NPV("&${r(`${cell(at.row.discountRate)}*100`, 2)}&"%; "&${netYears}${more ? '&", …"' : ''}&") = "&${r(cell(at.row.npv), 2)}`,
      v: `NPV(${shown(context.scenarios[0]!.discountRate * 100, 2)}%; ${listed.map((y) => shown(yearly(y, 'net'), 2)).join(', ')}${more ? ', …' : ''}) = ${shown(money(totals.npv), 2)}`,
    },
    paybackYears: {
      f: `IF(ISNUMBER(${cell(at.row.paybackYears)}),${r(cell(at.row.paybackYears), 4)}&${literal(paybackText)}&${r(cell(at.row.paybackMonths), 1)}&${literal(monthsText)},${cell(at.row.paybackYears)})`,
      v:
        totals.paybackYears === null
          ? text('figures.never')
          : `${shown(totals.paybackYears, 4)}${paybackText}${shown(totals.paybackYears * 12, 1)}${monthsText}`,
    },
  };
}
