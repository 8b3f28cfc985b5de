import {
  LIMITS,
  MODEL_FORMAT,
  MODEL_SCHEMA_VERSION,
  costNodeSchema,
  type CostBasis,
  type CostNode,
  type Model,
  type Relevance,
} from '../../shared/model/schema';
import { amountResolver, checkChildren, indexTree } from '../../shared/model/tree-rules';
import { UNIT_FACTOR, type DisplayUnit, type Language } from '../../shared/model/units';
import { validateModel } from '../../shared/model/validate';
import { err, ok, type Result } from '../../shared/result';
import {
  columnForHeader,
  isChineseText,
  parseBasisWord,
  parseNumberText,
  parseRelevanceWord,
  currencyInHeader,
  STRUCTURE_COLUMNS,
  unitInHeader,
  type StructureColumn,
} from '../../shared/workbook/structure-layout';
import { cellText, getCell, rowNumbers, type GridCell, type GridSheet } from './cell-grid';
import { cellShown, placed, type ImportProblem } from './problems';
import { columnName } from './xlsx-writer';
import { issueProblem, uncleanTextProblem } from './rule-problems';
import { problem, type Problem } from '../../shared/messages/problems';

/** The words of the basis and relevance columns, in both languages (a cell holding another word is refused with them). */
const BASIS_CHOICES = ['share', 'amount', '占比', '金额'];
const RELEVANCE_CHOICES = ['strong', 'weak', '强相关', '弱相关'];

/**
 * A cost structure from a sheet in the import layout (shared/workbook/structure-layout.ts):
 * a model with that tree and no scenarios. Every problem comes back with its sheet, row and
 * column, all of them at once; the model is only returned when there are none.
 */
export interface StructureImportOptions {
  /** The model's name (default: "Imported cost structure"). */
  name?: string;
  /** The model's language (default: Chinese when the headers are Chinese). */
  language?: Language;
  firstPlanYear?: number;
}

const HEADER_SEARCH_ROWS = 20;

interface Header {
  row: number;
  columns: Map<StructureColumn, number>;
  texts: Map<number, string>;
  unit: DisplayUnit;
  currency: string;
  language: Language;
}

interface Line {
  row: number;
  name: string;
  level?: number;
  parentName?: string;
  basisWord?: 'share' | 'amount';
  value?: { value: number; percent: boolean };
  relevance?: Relevance;
  notes?: string;
  id?: string;
}

/** Does this sheet have a header row of the layout? */
export function findStructureHeader(sheet: GridSheet): { row: number } | undefined {
  const header = findHeader(sheet, []);
  return header ? { row: header.row } : undefined;
}

export function importStructure(sheet: GridSheet, options: StructureImportOptions = {}): Result<Model, ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const header = findHeader(sheet, problems);
  if (!header) {
    if (problems.length === 0) problems.push(placed({ sheet: sheet.name }, problem('no-header-row', { rows: HEADER_SEARCH_ROWS })));
    return err(problems);
  }
  const at = (row: number, column: StructureColumn, what: Problem): ImportProblem => {
    const col = header.columns.get(column);
    return placed(col === undefined ? { sheet: sheet.name, row } : { sheet: sheet.name, row, column: col, header: header.texts.get(col) ?? column }, what);
  };

  const lines = readLines(sheet, header, problems, at);
  if (lines.length === 0 && problems.length === 0) problems.push(placed({ sheet: sheet.name, row: header.row + 1 }, problem('no-cost-lines', {})));
  if (lines.length > LIMITS.maxNodes) problems.push(placed({ sheet: sheet.name }, problem('too-many-lines', { count: lines.length, max: LIMITS.maxNodes })));
  if (problems.length > 0) return err(problems);

  const parents = header.columns.has('level') ? parentsByLevel(lines, problems, at) : parentsByName(lines, problems, at);
  if (problems.length > 0) return err(problems);

  const ids = assignIds(lines, problems, at);
  const factor = UNIT_FACTOR[header.unit];
  const nodes: CostNode[] = [];
  const relevance: Relevance[] = [];
  lines.forEach((line, k) => {
    const p = parents[k]!;
    const basis = basisOf(line, p < 0, factor, problems, at);
    const own = line.relevance ?? (p >= 0 ? relevance[p] : undefined) ?? 'strong';
    relevance.push(own);
    const node: CostNode = { id: ids[k]!, parentId: p >= 0 ? ids[p]! : null, name: line.name, basis: basis ?? { kind: 'amount', amount: 0 }, relevance: own };
    if (line.notes !== undefined && line.notes !== '') node.notes = line.notes;
    nodes.push(node);
  });
  if (problems.length > 0) return err(problems);

  // Sibling names and the shares of each parent, reported on the rows that break them.
  const rowOfId = new Map(nodes.map((node, k) => [node.id, lines[k]!.row]));
  const index = indexTree(nodes);
  // One resolver for all parents: each amount is worked out once (a fresh one per parent
  // walked the whole chain above it again, quadratic in a deep tree).
  const resolve = amountResolver(index);
  for (const [parentId, children] of index.children) {
    const seen = new Set<string>();
    for (const child of children) {
      const key = child.name.trim();
      if (seen.has(key)) problems.push(at(rowOfId.get(child.id)!, 'name', problem('duplicate-line-name', { name: key })));
      seen.add(key);
    }
    for (const issue of checkChildren(index, [parentId], resolve)) {
      if (issue.problem.code === 'duplicate-sibling-name') continue;
      problems.push(at(rowOfId.get(parentId)!, 'value', issueProblem(issue)));
    }
  }
  if (problems.length > 0) return err(problems);

  const model: Model = {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    name: options.name?.trim() ? options.name.slice(0, LIMITS.nameMaxLength) : 'Imported cost structure',
    currency: header.currency,
    displayUnit: header.unit,
    language: options.language ?? header.language,
    firstPlanYear: options.firstPlanYear ?? new Date().getFullYear() + 1,
    costTree: nodes,
    scenarios: [],
  };
  const validated = validateModel(model);
  let byName: Map<string, number> | undefined;
  const lineOfName = () => (byName ??= new Map(nodes.map((node, k) => [node.name, k])));
  if (!validated.ok) {
    // What the rules above do not cover (the depth of the tree, say), on the line it names.
    return err(
      validated.error.map((issue) => {
        const named = /^costTree\[("(?:[^"\\]|\\.)*")\]/u.exec(issue.path);
        const name = named ? (JSON.parse(named[1]!) as string) : undefined;
        const k = name === undefined ? -1 : (lineOfName().get(name) ?? -1);
        const what = issueProblem(issue);
        return k >= 0 ? at(lines[k]!.row, 'name', what) : placed({ sheet: sheet.name }, what);
      }),
    );
  }
  return ok(validated.value);
}

function findHeader(sheet: GridSheet, problems: ImportProblem[]): Header | undefined {
  for (const row of rowNumbers(sheet).slice(0, HEADER_SEARCH_ROWS)) {
    const cells = sheet.rows.get(row)!;
    const columns = new Map<StructureColumn, number>();
    const texts = new Map<number, string>();
    const duplicates: ImportProblem[] = [];
    let chinese = false;
    for (const [col, cell] of [...cells].sort((a, b) => a[0] - b[0])) {
      if (cell.kind !== 'text') continue;
      const text = String(cell.value);
      const column = columnForHeader(text);
      if (!column) continue;
      texts.set(col, text.trim());
      if (isChineseText(text)) chinese = true;
      if (columns.has(column))
        duplicates.push(
          placed(
            { sheet: sheet.name, row, column: col, header: text.trim() },
            problem('duplicate-column', { column: text.trim(), first: columnName(columns.get(column)!) }),
          ),
        );
      else columns.set(column, col);
    }
    if (!columns.has('name') || !(columns.has('level') || columns.has('parent'))) continue;
    problems.push(...duplicates);
    if (duplicates.length > 0) return undefined;
    const valueHeader = texts.get(columns.get('value') ?? -1) ?? '';
    return { row, columns, texts, unit: unitInHeader(valueHeader), currency: currencyInHeader(valueHeader) ?? 'CNY', language: chinese ? 'zh' : 'en' };
  }
  return undefined;
}

type At = (row: number, column: StructureColumn, what: Problem) => ImportProblem;

function readLines(sheet: GridSheet, header: Header, problems: ImportProblem[], at: At): Line[] {
  const lines: Line[] = [];
  for (const row of rowNumbers(sheet)) {
    if (row <= header.row) continue;
    const cell = (column: StructureColumn): GridCell | undefined => {
      const col = header.columns.get(column);
      const found = col === undefined ? undefined : getCell(sheet, row, col);
      return found && cellText(found).trim() === '' && found.kind === 'text' ? undefined : found;
    };
    if (STRUCTURE_COLUMNS.every((column) => cell(column) === undefined)) continue;
    for (const column of STRUCTURE_COLUMNS) {
      const found = cell(column);
      if (found && (found.kind === 'error' || found.kind === 'missing' || found.kind === 'date'))
        problems.push(
          at(
            row,
            column,
            column === 'value' || column === 'level'
              ? problem('cell-not-a-number', { field: column, found: cellShown(found) })
              : problem('cell-not-text', { field: column, found: cellShown(found) }),
          ),
        );
    }
    const nameCell = cell('name');
    const name = cellText(nameCell);
    const line: Line = { row, name };
    if (name.trim() === '') problems.push(at(row, 'name', problem('cell-empty', { field: 'name' })));
    else if (name.length > LIMITS.nameMaxLength) problems.push(at(row, 'name', problem('name-too-long', { length: name.length, max: LIMITS.nameMaxLength })));
    else {
      const unclean = uncleanTextProblem(name, 'name');
      if (unclean) problems.push(at(row, 'name', unclean));
    }

    const levelCell = cell('level');
    if (header.columns.has('level')) {
      const level = numberOf(levelCell);
      if (!levelCell) problems.push(at(row, 'level', problem('cell-empty', { field: 'level' })));
      else if (level === undefined || !Number.isInteger(level.value) || level.value < 1 || level.percent)
        problems.push(at(row, 'level', problem('level-invalid', { found: cellShown(levelCell) })));
      else line.level = level.value;
    } else {
      const parent = cellText(cell('parent'));
      if (parent.trim() !== '') line.parentName = parent;
    }

    const basisCell = cell('basis');
    if (basisCell) {
      const word = parseBasisWord(cellText(basisCell));
      if (!word) problems.push(at(row, 'basis', problem('cell-not-a-choice', { field: 'basis', choices: BASIS_CHOICES, found: cellShown(basisCell) })));
      else line.basisWord = word;
    }
    const valueCell = cell('value');
    if (!valueCell) problems.push(at(row, 'value', problem('cell-empty', { field: 'value' })));
    else {
      const value = numberOf(valueCell);
      if (!value) problems.push(at(row, 'value', problem('cell-not-a-number', { field: 'value', found: cellShown(valueCell) })));
      else line.value = value;
    }
    const relevanceCell = cell('relevance');
    if (relevanceCell) {
      const relevance = parseRelevanceWord(cellText(relevanceCell));
      if (!relevance)
        problems.push(at(row, 'relevance', problem('cell-not-a-choice', { field: 'relevance', choices: RELEVANCE_CHOICES, found: cellShown(relevanceCell) })));
      else line.relevance = relevance;
    }
    const notes = cellText(cell('notes'));
    if (notes !== '') {
      if (notes.length > LIMITS.notesMaxLength)
        problems.push(
          at(
            row,
            'notes',
            problem('cell-invalid', { field: 'notes', problem: problem('text-too-long', { length: notes.length, max: LIMITS.notesMaxLength }) }),
          ),
        );
      else {
        const unclean = uncleanTextProblem(notes, 'notes', true);
        if (unclean) problems.push(at(row, 'notes', unclean));
      }
      line.notes = notes;
    }
    const idCell = cell('id');
    if (idCell) {
      const id = cellText(idCell).trim();
      const checked = costNodeSchema.shape.id.safeParse(id);
      if (!checked.success)
        problems.push(
          at(row, 'id', problem('id-invalid', { id, reason: id.length > LIMITS.idMaxLength ? 'too-long' : 'characters', max: LIMITS.idMaxLength })),
        );
      else line.id = id;
    }
    lines.push(line);
  }
  return lines;
}

function numberOf(cell: GridCell | undefined): { value: number; percent: boolean } | undefined {
  if (!cell) return undefined;
  if (cell.kind === 'number' && typeof cell.value === 'number' && Number.isFinite(cell.value)) return { value: cell.value, percent: cell.percent };
  if (cell.kind === 'text') return parseNumberText(String(cell.value));
  return undefined;
}

/** The root is level 1; a model allows LIMITS.maxDepth levels below it. */
const MAX_LEVEL = LIMITS.maxDepth + 1;

/** Level layout: each line's parent is the nearest line above whose level is one less. */
function parentsByLevel(lines: readonly Line[], problems: ImportProblem[], at: At): number[] {
  const parents: number[] = [];
  const stack: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const level = line.level!;
    if (k === 0 && level !== 1) problems.push(at(line.row, 'level', problem('first-level-not-root', { level })));
    else if (k > 0 && level === 1) problems.push(at(line.row, 'level', problem('second-root', {})));
    else if (level > stack.length + 1) problems.push(at(line.row, 'level', problem('level-jump', { level, above: stack.length })));
    else if (level > MAX_LEVEL) {
      // Refused at the first line that is too deep: the rest of the chain is not worked out.
      problems.push(at(line.row, 'level', problem('too-deep', { depth: level - 1, max: LIMITS.maxDepth })));
      return parents;
    }
    const depth = Math.max(1, Math.min(level, stack.length + 1));
    stack.length = depth - 1;
    parents.push(depth > 1 ? stack[depth - 2]! : -1);
    stack.push(k);
  }
  return parents;
}

/** Parent layout: each line names its parent; one line has none (the root). */
function parentsByName(lines: readonly Line[], problems: ImportProblem[], at: At): number[] {
  const byName = new Map<string, number[]>();
  lines.forEach((line, k) => {
    const key = line.name.trim();
    const list = byName.get(key);
    if (list) list.push(k);
    else byName.set(key, [k]);
  });
  let root = -1;
  const parents = lines.map((line, k) => {
    if (line.parentName === undefined) {
      if (root >= 0) problems.push(at(line.row, 'parent', problem('second-line-without-parent', { rootRow: lines[root]!.row })));
      else root = k;
      return -1;
    }
    const matches = byName.get(line.parentName.trim()) ?? [];
    if (matches.length === 0) problems.push(at(line.row, 'parent', problem('parent-not-found', { name: line.parentName.trim() })));
    else if (matches.length > 1)
      problems.push(
        at(
          line.row,
          'parent',
          problem('parent-ambiguous', { name: line.parentName.trim(), count: matches.length, rows: matches.map((m) => lines[m]!.row).join(', ') }),
        ),
      );
    else if (matches[0] === k) problems.push(at(line.row, 'parent', problem('own-parent', {})));
    return matches.length === 1 ? matches[0]! : -1;
  });
  if (root < 0 && problems.length === 0) problems.push(at(lines[0]!.row, 'parent', problem('no-line-without-parent', {})));
  if (problems.length > 0) return parents;
  // Every line must reach the root; those that never do sit on a cycle. Each line is walked
  // once (a line's depth is known once the walk from it meets a known line), so the check is
  // linear in the lines; depth is refused at the first line past the limit.
  const depth = new Int32Array(lines.length).fill(-1); // -1 unknown, -2 on the current trail, -3 on a cycle
  depth[root] = 0;
  const trail: number[] = [];
  const cyclic: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    trail.length = 0;
    let current = k;
    while (current >= 0 && depth[current] === -1) {
      depth[current] = -2;
      trail.push(current);
      current = parents[current]!;
    }
    const known = current >= 0 ? depth[current]! : -3;
    // Reached the trail itself (-2) or a cycle found before (-3): every line of the trail is on or under a cycle.
    if (known < 0) {
      for (const member of trail) depth[member] = -3;
      cyclic.push(...trail);
      continue;
    }
    for (let t = trail.length - 1, d = known + 1; t >= 0; t--, d++) depth[trail[t]!] = d;
    const deepest = trail[0];
    if (deepest !== undefined && depth[deepest]! > LIMITS.maxDepth) {
      const first = trail[trail.length - 1 - (LIMITS.maxDepth - known)]!;
      problems.push(at(lines[first]!.row, 'parent', problem('too-deep', { depth: LIMITS.maxDepth + 1, max: LIMITS.maxDepth })));
      return parents;
    }
  }
  for (const k of cyclic.sort((a, b) => a - b)) problems.push(at(lines[k]!.row, 'parent', problem('parent-cycle', {})));
  return parents;
}

function assignIds(lines: readonly Line[], problems: ImportProblem[], at: At): string[] {
  const given = new Set<string>();
  for (const line of lines) {
    if (line.id === undefined) continue;
    if (given.has(line.id)) problems.push(at(line.row, 'id', problem('id-twice', { id: line.id })));
    given.add(line.id);
  }
  let next = 1;
  return lines.map((line) => {
    if (line.id !== undefined) return line.id;
    let id = `line-${next++}`;
    while (given.has(id)) id = `line-${next++}`;
    given.add(id);
    return id;
  });
}

function basisOf(line: Line, isRoot: boolean, factor: number, problems: ImportProblem[], at: At): CostBasis | undefined {
  const value = line.value!;
  const kind = line.basisWord ?? (isRoot ? 'amount' : value.percent ? 'share' : undefined);
  if (kind === undefined) {
    problems.push(at(line.row, 'basis', problem('basis-empty', {})));
    return undefined;
  }
  if (kind === 'share') {
    if (isRoot) {
      problems.push(at(line.row, 'basis', problem('root-needs-amount', {})));
      return undefined;
    }
    if (value.value < 0 || value.value > 1) {
      problems.push(at(line.row, 'value', problem('share-out-of-range', { value: value.value, percent: value.percent })));
      return undefined;
    }
    return { kind: 'share', share: value.value };
  }
  if (value.percent) {
    problems.push(at(line.row, 'value', problem('amount-written-as-percentage', {})));
    return undefined;
  }
  const amount = value.value * factor;
  if (value.value < 0 || !(amount <= LIMITS.maxAmount)) {
    problems.push(
      at(line.row, 'value', value.value < 0 ? problem('amount-negative', { amount }) : problem('amount-too-large', { amount, max: LIMITS.maxAmount })),
    );
    return undefined;
  }
  return { kind: 'amount', amount };
}
