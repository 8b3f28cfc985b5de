import type { z } from 'zod';
import { rampForYear } from '../../shared/engine/compute';
import { preparedRevenueOf } from '../../shared/engine/revenue';
import { prepareTree } from '../../shared/engine/tree';
import {
  INVESTMENT_CATEGORIES,
  INVESTMENT_TIMINGS,
  LEVER_KINDS,
  costBasisSchema,
  costNodeSchema,
  investmentAmountSchema,
  investmentLineSchema,
  leverSchema,
  scenarioSchema,
  type CostNode,
  type InvestmentLine,
  type InvestmentCategory,
  type InvestmentTiming,
  type Lever,
  type Model,
  type Scenario,
} from '../../shared/model/schema';
import { LANGUAGES, UNIT_FACTOR, type Language } from '../../shared/model/units';
import { validateModel, type ModelIssue } from '../../shared/model/validate';
import { err, ok, type Result } from '../../shared/result';
import { categoryWords, workbookWords } from '../../shared/workbook/words';
import { parseBasisWord, parseNumberText, parseRelevanceWord } from '../../shared/workbook/structure-layout';
import { cellText, getCell, type Grid, type GridCell, type GridSheet } from './cell-grid';
import { META_SHEET, SCENARIO_COL, STRUCTURE_COL, TITLE_ROW, workbookLayout, type ScenarioLayout, type WorkbookLayout } from './layout';
import { RevenueReader } from './import-revenue';
import { replacedFormulaWarnings } from './import-warnings';
import { cellShown, placed, type CellField, type ImportProblem } from './problems';
import { problem as coded, type Problem } from '../../shared/messages/problems';
import { fieldRuleProblem, issueProblem } from './rule-problems';
import { parseRangeTables, readRanges } from './import-ranges';
import { META_RANGES, META_ROWS, WORKBOOK_FORMAT, WORKBOOK_FORMAT_VERSION } from './sheets/meta';
import { roundTripText } from './xml';

/**
 * A whole model from a workbook this app exported. The hidden sheet holds the model as it was
 * exported; the workbook is laid out again from it (layout.ts, as the export did) and every
 * input cell is read: a cell that still holds what the export wrote keeps the model's exact
 * value, a changed one replaces it (amounts converted from the display unit). So an untouched
 * workbook gives back exactly the exported model, and one edited in Excel gives the edited
 * model. Rows that were moved, inserted or deleted are detected and refused.
 */
export function isExportedWorkbook(grid: Grid): boolean {
  const meta = grid.sheets.find((sheet) => sheet.name === META_SHEET);
  return meta !== undefined && cellText(getCell(meta, META_ROWS.format, 1)) === WORKBOOK_FORMAT;
}

/** `warnings` collects what the import takes but the user should know (formulas typed over). */
export function importExportedWorkbook(grid: Grid, warnings?: ImportProblem[]): Result<Model, ImportProblem[]> {
  const read = readMeta(grid);
  if (!read.ok) return read;
  const { model: original, language } = read.value;
  const tree = prepareTree(original.costTree);
  const layout = workbookLayout(tree, original.scenarios, language, original.revenueLines?.length ?? 0);
  const reader = new Reader(grid, layout, original);
  const costTree = reader.costTree(tree.order, tree.nodes);
  const scenarios = original.scenarios.map((scenario, s) => reader.scenario(scenario, layout.scenarios[s]!, tree.order, costTree));
  // The uncertainty ranges (Monte Carlo inputs) on the Analyses sheet, where the export says they are.
  const analyses = grid.sheets.find((sheet) => sheet.name === layout.analysisSheet);
  for (const table of parseRangeTables(read.value.rangeTables, scenarios.length)) {
    if (!analyses) break;
    const uncertainty = readRanges(analyses, table, original, original.scenarios[table.scenario]!, tree, reader.problems);
    if (uncertainty) scenarios[table.scenario] = { ...scenarios[table.scenario]!, uncertainty };
  }
  if (reader.problems.length > 0) return err(reader.problems);
  warnings?.push(...replacedFormulaWarnings(grid, layout, tree, original));
  const edited: Model = { ...original, costTree, scenarios };
  const revenueLines = reader.revenueLines();
  if (revenueLines !== undefined) edited.revenueLines = revenueLines;
  const validated = validateModel(edited);
  if (!validated.ok) return err(validated.error.map((issue) => reader.locate(issue, edited)));
  return ok(validated.value);
}

function readMeta(grid: Grid): Result<{ model: Model; language: Language; rangeTables: string }, ImportProblem[]> {
  const meta = grid.sheets.find((sheet) => sheet.name === META_SHEET)!;
  const problem = (row: number, col: number, what: Problem): Result<never, ImportProblem[]> => err([placed({ sheet: META_SHEET, row, column: col }, what)]);
  const changed = coded('workbook-changed', { sheet: META_SHEET });
  const version = getCell(meta, META_ROWS.format, 2)?.value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return problem(META_ROWS.format, 2, changed);
  if (version > WORKBOOK_FORMAT_VERSION) return problem(META_ROWS.format, 2, coded('workbook-newer', { version, supported: WORKBOOK_FORMAT_VERSION }));
  const language = cellText(getCell(meta, META_ROWS.language, 2));
  if (!(LANGUAGES as readonly string[]).includes(language)) return problem(META_ROWS.language, 2, changed);
  const count = getCell(meta, META_ROWS.chunks, 2)?.value;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100_000) return problem(META_ROWS.chunks, 2, changed);
  let json = '';
  for (let k = 0; k < count; k++) {
    const cell = getCell(meta, META_ROWS.firstChunk + k, 1);
    if (cell?.kind !== 'text') return problem(META_ROWS.firstChunk + k, 1, changed);
    json += String(cell.value);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return problem(META_ROWS.firstChunk, 1, changed);
  }
  const validated = validateModel(parsed);
  if (!validated.ok) return problem(META_ROWS.firstChunk, 1, changed);
  return ok({ model: validated.value, language: language as Language, rangeTables: cellText(getCell(meta, META_RANGES.row, META_RANGES.col)) });
}

/** Reads the input cells against the model as exported; collects every problem with its cell. */
class Reader {
  readonly problems: ImportProblem[] = [];
  private readonly timingWords = new Map<string, InvestmentTiming>();
  private readonly categoryWords = new Map<string, InvestmentCategory>();
  private readonly sheets = new Map<string, GridSheet>();
  private readonly factor: number;
  /** Where each node's and scenario's fields were read, for problems that only the whole-model check finds. */
  private readonly nodeRows = new Map<string, number>();
  /** The revenue levers, margins and one-off items of the scenario sheets' revenue blocks. */
  private readonly revenue: RevenueReader;

  constructor(
    grid: Grid,
    private readonly layout: WorkbookLayout,
    private readonly original: Model,
  ) {
    for (const sheet of grid.sheets) if (!this.sheets.has(sheet.name)) this.sheets.set(sheet.name, sheet);
    for (const language of LANGUAGES) {
      const book = workbookWords(language);
      for (const timing of INVESTMENT_TIMINGS) this.timingWords.set(book(`words.timing.${timing}`).toLowerCase(), timing);
      for (const category of INVESTMENT_CATEGORIES) this.categoryWords.set(book(`words.category.${category}`).toLowerCase(), category);
    }
    this.factor = UNIT_FACTOR[original.displayUnit];
    this.revenue = new RevenueReader(
      {
        number: (sheet, row, col, what, optional) => this.number(sheet, row, col, what, optional),
        check: (schema, value, sheet, row, col, what) => this.check(schema, value, sheet, row, col, what),
        text: (sheet, row, col, original) => this.text(sheet, row, col, original),
        problem: (sheet, row, col, message) => this.problem(sheet, row, col, message),
        timing: (cell) => this.timingWords.get(cellText(cell).trim().toLowerCase()),
      },
      layout,
      preparedRevenueOf(original),
      this.factor,
    );
  }

  /** The model's revenue lines with the margins the sheets changed (undefined when the model has none). */
  revenueLines(): Model['revenueLines'] {
    return this.revenue.lines(this.original.revenueLines);
  }

  private sheet(name: string): GridSheet | undefined {
    const sheet = this.sheets.get(name);
    if (!sheet) this.problems.push(placed({ sheet: name }, coded('sheet-missing', { sheet: name })));
    return sheet;
  }

  private problem(sheet: string, row: number, column: number, what: Problem): void {
    this.problems.push(placed({ sheet, row, column }, what));
  }

  /** A number cell (or a number typed as text, "15%"); undefined when empty; a problem otherwise. */
  private number(sheet: GridSheet, row: number, col: number, what: CellField, optional = false): number | undefined | null {
    const cell = getCell(sheet, row, col);
    if (isBlank(cell)) {
      if (!optional) this.problem(sheet.name, row, col, coded('cell-empty', what));
      return optional ? undefined : null;
    }
    if (cell!.kind === 'number' && typeof cell!.value === 'number' && Number.isFinite(cell!.value)) return cell!.value;
    if (cell!.kind === 'text') {
      const parsed = parseNumberText(String(cell!.value));
      if (parsed) return parsed.value;
    }
    this.problem(sheet.name, row, col, coded('cell-not-a-number', { ...what, found: cellShown(cell) }));
    return null;
  }

  private check<T>(schema: z.ZodType<T>, value: unknown, sheet: string, row: number, col: number, what: CellField): boolean {
    const parsed = schema.safeParse(value);
    if (parsed.success) return true;
    this.problem(sheet, row, col, fieldRuleProblem(parsed.error.issues[0], value, what));
    return false;
  }

  costTree(order: Int32Array, nodes: readonly CostNode[]): CostNode[] {
    const at = this.layout.structure;
    const sheet = this.sheet(at.sheet);
    if (!sheet) return [...nodes];
    const edited = [...nodes];
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const node = nodes[i]!;
      const row = at.firstRow + k;
      this.nodeRows.set(node.id, row);
      if (cellText(getCell(sheet, row, STRUCTURE_COL.id)).trim() !== node.id) {
        this.problem(sheet.name, row, STRUCTURE_COL.id, coded('rows-moved', { id: node.id }));
        continue;
      }
      const next: CostNode = { ...node };
      const name = this.text(sheet, row, STRUCTURE_COL.name, node.name);
      if (name !== node.name && this.check(costNodeSchema.shape.name, name, sheet.name, row, STRUCTURE_COL.name, { field: 'name' })) next.name = name;

      const basisCell = getCell(sheet, row, STRUCTURE_COL.basis);
      const kind = parseBasisWord(cellText(basisCell));
      if (!kind) {
        this.problem(sheet.name, row, STRUCTURE_COL.basis, coded('cell-not-a-choice', { field: 'basis', choices: BASIS_CHOICES, found: cellShown(basisCell) }));
        continue;
      }
      const value = this.number(sheet, row, STRUCTURE_COL.value, { field: 'value' });
      if (value === null || value === undefined) continue;
      const written = node.basis.kind === 'share' ? node.basis.share : node.basis.amount / this.factor;
      if (kind !== node.basis.kind || value !== written) {
        if (node.parentId === null && kind === 'share') this.problem(sheet.name, row, STRUCTURE_COL.basis, coded('root-needs-amount', {}));
        else {
          const basis = kind === 'share' ? { kind, share: value } : { kind, amount: value * this.factor };
          if (this.check(costBasisSchema, basis, sheet.name, row, STRUCTURE_COL.value, { field: 'value' })) next.basis = basis;
        }
      }
      const relevanceCell = getCell(sheet, row, STRUCTURE_COL.relevance);
      const relevance = parseRelevanceWord(cellText(relevanceCell));
      if (!relevance)
        this.problem(
          sheet.name,
          row,
          STRUCTURE_COL.relevance,
          coded('cell-not-a-choice', { field: 'relevance', choices: RELEVANCE_CHOICES, found: cellShown(relevanceCell) }),
        );
      else next.relevance = relevance;
      const notes = this.text(sheet, row, STRUCTURE_COL.notes, node.notes ?? '');
      if (notes !== (node.notes ?? '') && this.check(costNodeSchema.shape.notes, notes, sheet.name, row, STRUCTURE_COL.notes, { field: 'notes' })) {
        if (notes === '') delete next.notes;
        else next.notes = notes;
      }
      edited[i] = next;
    }
    return edited;
  }

  /** The cell's text, or the original when the cell still holds what the export wrote. */
  private text(sheet: GridSheet, row: number, col: number, original: string): string {
    const cell = getCell(sheet, row, col);
    const text = cell?.kind === 'number' || cell?.kind === 'boolean' ? String(cell.value) : cellText(cell);
    return text === roundTripText(original) ? original : text;
  }

  scenario(scenario: Scenario, at: ScenarioLayout, order: Int32Array, costTree: readonly CostNode[]): Scenario {
    const sheet = this.sheet(at.sheet);
    if (!sheet) return scenario;
    const next: Scenario = { ...scenario };
    const name = this.text(sheet, TITLE_ROW, 1, scenario.name);
    if (name !== scenario.name && this.check(scenarioSchema.shape.name, name, sheet.name, TITLE_ROW, 1, { field: 'scenarioName' })) next.name = name;

    for (const field of ['volumeGrowth', 'discountRate'] as const) {
      const row = at.row[field];
      const value = this.number(sheet, row, SCENARIO_COL.total, { field });
      if (
        typeof value === 'number' &&
        value !== scenario[field] &&
        this.check(scenarioSchema.shape[field], value, sheet.name, row, SCENARIO_COL.total, { field })
      )
        next[field] = value;
    }

    for (let y = 1; y <= at.horizon; y++) {
      const col = at.col.year(y);
      const value = this.number(sheet, at.row.ramp, col, { field: 'ramp', year: y });
      if (typeof value !== 'number' || value === rampForYear(scenario, y)) continue;
      if (!this.check(scenarioSchema.shape.ramp.unwrap().element, value, sheet.name, at.row.ramp, col, { field: 'ramp', year: y })) continue;
      const ramp = [...(next.ramp ?? [])];
      while (ramp.length < y) ramp.push(1);
      ramp[y - 1] = value;
      next.ramp = ramp;
    }

    next.investments = scenario.investments.map((line, k) => this.investment(sheet, at, line, k));
    next.levers = this.levers(sheet, at, scenario, order, costTree);
    return this.revenue.scenario(sheet, at, next);
  }

  private investment(sheet: GridSheet, at: ScenarioLayout, line: InvestmentLine, k: number): InvestmentLine {
    const row = at.row.line(k);
    const next: InvestmentLine = { ...line };
    const name = this.text(sheet, row, 1, line.name);
    if (name !== line.name && this.check(investmentLineSchema.shape.name, name, sheet.name, row, 1, { field: 'investmentName' })) next.name = name;
    const timingCell = getCell(sheet, row, at.col.timing);
    const timing = this.timingWords.get(cellText(timingCell).trim().toLowerCase());
    if (!timing) {
      const book = workbookWords(this.layout.language);
      this.problem(
        sheet.name,
        row,
        at.col.timing,
        coded('cell-not-a-choice', {
          field: 'timing',
          choices: [book('words.timing.upfront'), book('words.timing.spread')],
          found: cellShown(timingCell),
        }),
      );
    } else next.timing = timing;
    // The category is a drop-down input since the workbook format of the client workbook; an empty cell keeps it.
    const categoryCell = getCell(sheet, row, at.col.category);
    if (!isBlank(categoryCell)) {
      const category = this.categoryWords.get(cellText(categoryCell).trim().toLowerCase());
      if (!category) {
        const words = categoryWords(workbookWords(this.layout.language));
        this.problem(sheet.name, row, at.col.category, coded('cell-not-a-choice', { field: 'category', choices: words, found: cellShown(categoryCell) }));
      } else next.category = category;
    }

    const amount = line.amount;
    if (amount.kind === 'perYear' || amount.kind === 'shareOfSaving') {
      const field: CellField = { field: amount.kind === 'perYear' ? 'amountPerYear' : 'shareOfSaving' };
      const value = this.number(sheet, row, at.col.parameter, field);
      if (typeof value !== 'number') return next;
      const written = amount.kind === 'perYear' ? amount.amount / this.factor : amount.share;
      if (value === written) return next;
      const changed = amount.kind === 'perYear' ? { kind: amount.kind, amount: value * this.factor } : { kind: amount.kind, share: value };
      if (this.check(investmentAmountSchema, changed, sheet.name, row, at.col.parameter, field)) next.amount = changed;
      return next;
    }
    let amounts: number[] | undefined;
    for (let y = 1; y <= at.horizon; y++) {
      const col = at.col.year(y);
      const value = this.number(sheet, row, col, { field: 'yearAmount', year: y });
      if (typeof value !== 'number' || value === (amount.amounts[y - 1] ?? 0) / this.factor) continue;
      const converted = value * this.factor;
      if (!this.check(investmentAmountSchema, { kind: 'perYear', amount: converted }, sheet.name, row, col, { field: 'yearAmount', year: y })) continue;
      amounts ??= [...amount.amounts];
      while (amounts.length < y) amounts.push(0);
      amounts[y - 1] = converted;
    }
    if (amounts) next.amount = { kind: 'yearly', amounts };
    return next;
  }

  private levers(sheet: GridSheet, at: ScenarioLayout, scenario: Scenario, order: Int32Array, costTree: readonly CostNode[]): Lever[] {
    const byNode = new Map(scenario.levers.map((lever, index) => [lever.nodeId, index]));
    const levers = [...scenario.levers];
    const originalNodes = this.original.costTree;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const row = at.row.firstNode + k;
      const nodeId = originalNodes[i]!.id;
      const shown = cellText(getCell(sheet, row, 1));
      if (shown !== roundTripText(originalNodes[i]!.name) && shown !== roundTripText(costTree[i]!.name)) {
        this.problem(sheet.name, row, 1, coded('rows-moved', { id: originalNodes[i]!.name }));
        continue;
      }
      const index = byNode.get(nodeId);
      let lever: Lever | undefined = index === undefined ? undefined : levers[index];
      for (const kind of LEVER_KINDS) {
        const col = SCENARIO_COL[kind];
        const value = this.number(sheet, row, col, { field: kind }, true);
        if (value === null) continue;
        if (value === lever?.[kind]) continue;
        if (value !== undefined && !this.check(leverSchema.shape[kind], value, sheet.name, row, col, { field: kind })) continue;
        const changed: Lever = { ...(lever ?? { nodeId }) };
        if (value === undefined) delete changed[kind];
        else changed[kind] = value;
        lever = changed;
      }
      if (lever === undefined) continue;
      if (index !== undefined) levers[index] = lever;
      else if (LEVER_KINDS.some((kind) => lever[kind] !== undefined)) {
        byNode.set(nodeId, levers.length);
        levers.push(lever);
      }
    }
    return levers;
  }

  /** Where a problem that only the whole-model check finds belongs. */
  locate(issue: ModelIssue, model: Model): ImportProblem {
    const what = issueProblem(issue);
    const node = /^costTree\[("(?:[^"\\]|\\.)*")\]/u.exec(issue.path);
    if (node) {
      const name = JSON.parse(node[1]!) as string;
      const found = model.costTree.find(
        (candidate) => candidate.name === name && (!issue.path.endsWith('.children') || model.costTree.some((child) => child.parentId === candidate.id)),
      );
      const row = found ? this.nodeRows.get(found.id) : undefined;
      return row === undefined
        ? placed({ sheet: this.layout.structure.sheet }, what)
        : placed({ sheet: this.layout.structure.sheet, row, column: issue.path.endsWith('.name') ? STRUCTURE_COL.name : STRUCTURE_COL.value }, what);
    }
    const scenario = /^scenarios\[("(?:[^"\\]|\\.)*")\]/u.exec(issue.path);
    if (scenario) {
      const name = JSON.parse(scenario[1]!) as string;
      const index = model.scenarios.findIndex((candidate) => candidate.name === name);
      const at = index >= 0 ? this.layout.scenarios[index] : undefined;
      if (at) return issue.path.endsWith('.name') ? placed({ sheet: at.sheet, row: TITLE_ROW, column: 1 }, what) : placed({ sheet: at.sheet }, what);
    }
    return placed({}, what);
  }
}

function isBlank(cell: GridCell | undefined): boolean {
  return !cell || (cell.kind === 'text' && String(cell.value).trim() === '');
}

/** The words of the basis and relevance columns, in both languages. */
const BASIS_CHOICES = ['share', 'amount', '占比', '金额'];
const RELEVANCE_CHOICES = ['strong', 'weak', '强相关', '弱相关'];
