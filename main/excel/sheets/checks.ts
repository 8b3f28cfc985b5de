import { LIMITS } from '../../../shared/model/schema';
import { categoryWords } from '../../../shared/workbook/words';
import { absolute, onSheet, ref, text as literal } from '../formulas';
import { HEADER_ROW, SCENARIO_COL, STRUCTURE_COL as COL, TITLE_ROW } from '../layout';
import { HEADER_HEIGHT } from '../styles';
import type { SheetWriter } from '../xlsx-writer';
import { printSetup, type SheetContext } from './context';

/**
 * The Checks sheet: what the planner enforces on a model, as live formulas over the input
 * cells. Each check counts its failures; the total sits at the top (TOTAL_ROW) and the Summary
 * and the Cover show it as a flag. A model the planner exported passes them all, so every
 * count is 0 when the file is written; a bad value typed or pasted later raises it.
 */
export const CHECKS_COL = { check: 1, where: 2, failures: 3, status: 4 } as const;
const TOTAL_ROW = HEADER_ROW + 1;
const FIRST_CHECK = TOTAL_ROW + 2;

export interface Check {
  caption: string;
  sheet: string;
  /** A formula that counts the failures (0 when the check passes). */
  formula: string;
}

/** The cell holding the number of failing checks, with its sheet. */
export function checksTotalCell(context: Pick<SheetContext, 'layout'>): string {
  return onSheet(context.layout.checksSheet, absolute(TOTAL_ROW, CHECKS_COL.failures));
}

/** The flag: "all checks pass" or the count of failures, live. */
export function checksFlag(context: SheetContext): { f: string; v: string } {
  const { client, checksTotal: total } = context;
  return { f: `IF(${total}=0,${literal(`✓ ${client('flag.pass')}`)},"✗ "&${total}&" "&${literal(client('flag.fail'))})`, v: `✓ ${client('flag.pass')}` };
}

export function workbookChecks(context: SheetContext): Check[] {
  const { layout, text, client, scenarios, tree } = context;
  const structure = layout.structure.sheet;
  const { firstRow, lastRow } = layout.structure;
  const on = (sheet: string, reference: string) => onSheet(sheet, reference);
  const column = (col: number) => on(structure, `${absolute(firstRow, col)}:${absolute(lastRow, col)}`);
  const count = (range: string, ...values: string[]) => values.map((value) => `COUNTIF(${range},${literal(value)})`).join('-');
  const basis = column(COL.basis);
  const value = column(COL.value);
  const share = literal(text('words.basis.share'));
  const amount = literal(text('words.basis.amount'));
  const checks: Check[] = [
    {
      caption: client('checks.basisWords'),
      sheet: structure,
      formula: `ROWS(${basis})-${count(basis, text('words.basis.share'), text('words.basis.amount'))}`,
    },
    {
      caption: client('checks.relevanceWords'),
      sheet: structure,
      formula: `ROWS(${column(COL.relevance)})-${count(column(COL.relevance), text('words.relevance.strong'), text('words.relevance.weak'))}`,
    },
    { caption: client('checks.rootAmount'), sheet: structure, formula: `IF(${on(structure, absolute(firstRow, COL.basis))}=${amount},0,1)` },
    { caption: client('checks.valueNumbers'), sheet: structure, formula: `ROWS(${value})-COUNT(${value})` },
    { caption: client('checks.shareRange'), sheet: structure, formula: `COUNTIFS(${basis},${share},${value},"<0")+COUNTIFS(${basis},${share},${value},">1")` },
    { caption: client('checks.amountNotNegative'), sheet: structure, formula: `COUNTIFS(${basis},${amount},${value},"<0")` },
    { caption: client('checks.siblings'), sheet: structure, formula: `COUNTIF(${column(COL.subLines)},">1.000000001")` },
    { caption: client('checks.names'), sheet: structure, formula: `COUNTBLANK(${column(COL.name)})` },
  ];
  layout.scenarios.forEach((at, s) => {
    const scenario = scenarios[s]!;
    const sheet = at.sheet;
    const cell = (row: number, col: number) => on(sheet, absolute(row, col));
    const range = (fromRow: number, fromCol: number, toRow: number, toCol: number) => on(sheet, `${absolute(fromRow, fromCol)}:${absolute(toRow, toCol)}`);
    const inRange = (reference: string) => `IF(AND(ISNUMBER(${reference}),${reference}>=${LIMITS.minRate},${reference}<=${LIMITS.maxRate}),0,1)`;
    checks.push({ caption: client('checks.growthRange'), sheet, formula: inRange(cell(at.row.volumeGrowth, SCENARIO_COL.total)) });
    checks.push({ caption: client('checks.discountRange'), sheet, formula: inRange(cell(at.row.discountRate, SCENARIO_COL.total)) });
    const planYears = range(at.row.planYear, at.col.year(1), at.row.planYear, at.col.lastYear);
    checks.push({
      caption: client('checks.horizon'),
      sheet,
      formula: `IF(AND(COUNT(${planYears})=${at.horizon},MIN(${planYears})=1,MAX(${planYears})=${at.horizon},${at.horizon}<=${LIMITS.maxHorizonYears}),0,1)`,
    });
    const ramp = range(at.row.ramp, at.col.year(1), at.row.ramp, at.col.lastYear);
    checks.push({ caption: client('checks.rampRange'), sheet, formula: `COUNTIF(${ramp},"<0")+COUNTIF(${ramp},">1")+(${at.horizon}-COUNT(${ramp}))` });
    const lines = scenario.investments.length;
    if (lines > 0) {
      const first = at.row.line(0);
      const last = at.row.line(lines - 1);
      const timing = range(first, at.col.timing, last, at.col.timing);
      const category = range(first, at.col.category, last, at.col.category);
      const parameter = range(first, at.col.parameter, last, at.col.parameter);
      const kind = range(first, at.col.amountKind, last, at.col.amountKind);
      const years = range(first, at.col.year(1), last, at.col.lastYear);
      checks.push({
        caption: client('checks.timingWords', { upfront: text('words.timing.upfront'), spread: text('words.timing.spread') }),
        sheet,
        formula: `ROWS(${timing})-${count(timing, text('words.timing.upfront'), text('words.timing.spread'))}`,
      });
      checks.push({ caption: client('checks.categoryWords'), sheet, formula: `ROWS(${category})-${count(category, ...categoryWords(text))}` });
      checks.push({
        caption: client('checks.investmentAmounts'),
        sheet,
        formula: `COUNTIF(${years},"<0")+COUNTIF(${parameter},"<0")+COUNTIFS(${kind},${literal(text('words.amountKind.shareOfSaving'))},${parameter},">1")`,
      });
    }
    const firstNode = at.row.firstNode;
    const lastNode = firstNode + tree.order.length - 1;
    const lever = (col: number) => range(firstNode, col, lastNode, col);
    const outside = (col: number, low: number, high: number) => `COUNTIF(${lever(col)},"<${low}")+COUNTIF(${lever(col)},">${high}")`;
    checks.push({
      caption: client('checks.leverRanges'),
      sheet,
      formula: [
        outside(SCENARIO_COL.unitCostChange, -1, LIMITS.maxCostIncrease),
        outside(SCENARIO_COL.throughputChange, LIMITS.minRate, LIMITS.maxThroughputIncrease),
        outside(SCENARIO_COL.volumeChange, -1, LIMITS.maxCostIncrease),
      ].join('+'),
    });
  });
  return checks;
}

export function checksSheet(context: SheetContext): SheetWriter {
  const { layout, palette, client } = context;
  const sheet = context.writer.sheet(layout.checksSheet, {
    freeze: { rows: HEADER_ROW, columns: 0 },
    widths: [70, 28, 12, 12],
    print: printSetup(context, [HEADER_ROW, HEADER_ROW], true),
    protect: true,
    alerts: [{ sqref: `C${TOTAL_ROW}:D${TOTAL_ROW + 1 + workbookChecks(context).length}`, formula: `$C${TOTAL_ROW}>0` }],
  });
  sheet.set(TITLE_ROW, 1, client('checks.title'), palette.title);
  sheet.set(HEADER_ROW, CHECKS_COL.check, client('checks.check'), palette.header);
  sheet.set(HEADER_ROW, CHECKS_COL.where, client('checks.where'), palette.header);
  sheet.set(HEADER_ROW, CHECKS_COL.failures, client('checks.failures'), palette.headerRight);
  sheet.set(HEADER_ROW, CHECKS_COL.status, client('checks.status'), palette.headerRight);
  sheet.height(HEADER_ROW, HEADER_HEIGHT);
  const checks = workbookChecks(context);
  const status = (failures: string) => ({ f: `IF(${failures}=0,${literal(client('checks.ok'))},${literal(client('checks.bad'))})`, v: client('checks.ok') });
  const firstCount = ref(FIRST_CHECK, CHECKS_COL.failures);
  const lastCount = ref(FIRST_CHECK + checks.length - 1, CHECKS_COL.failures);
  sheet.set(TOTAL_ROW, CHECKS_COL.check, client('checks.total'), palette.section);
  sheet.set(TOTAL_ROW, CHECKS_COL.failures, { f: `SUM(${firstCount}:${lastCount})`, v: 0 }, palette.integer);
  sheet.set(TOTAL_ROW, CHECKS_COL.status, status(ref(TOTAL_ROW, CHECKS_COL.failures)), palette.flagCell);
  checks.forEach((check, k) => {
    const row = FIRST_CHECK + k;
    sheet.set(row, CHECKS_COL.check, check.caption, palette.text);
    sheet.set(row, CHECKS_COL.where, check.sheet, palette.text);
    sheet.set(row, CHECKS_COL.failures, { f: check.formula, v: 0 }, palette.integer);
    sheet.set(row, CHECKS_COL.status, status(ref(row, CHECKS_COL.failures)), palette.flagCell);
  });
  return sheet;
}
