import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, isProblem, problem, type Problem, type ProblemCode, type ProblemParams } from '../../../shared/messages/problems';
import { renderProblem, type MessageView } from '../../../shared/messages/render';
import { englishWords } from '../../support/chinese';

/**
 * Every problem code words in Chinese and English from the messages vocabulary: no placeholder
 * left, no "undefined", amounts in the display unit. SAMPLES is typed by code, so a new code
 * without a sample does not compile.
 */
const inner = problem('amount-negative', { amount: -1_000_000 });
const SAMPLES: { [C in ProblemCode]: ProblemParams[C] } = {
  // model
  'not-a-number': { text: 'abc' },
  'amount-negative': { amount: -1_000_000 },
  'amount-too-large': { amount: 2e15, max: 1e15 },
  'ratio-out-of-range': { value: -1.5, min: -1, max: 10, exclusiveMin: false, reason: 'unitCost' },
  'name-empty': {},
  'name-too-long': { length: 90, max: 80 },
  'horizon-invalid': { value: 31, max: 30 },
  'text-too-long': { length: 2001, max: 2000 },
  'signed-amount-too-large': { amount: -2e15, max: 1e15 },
  'plan-year-invalid': { value: 4, max: 3 },
  'year-invalid': { value: 1800 },
  'shares-over-parent': { parent: '呼叫中心', total: 1.12 },
  'children-over-parent': { parent: '呼叫中心', total: 1.5 },
  'duplicate-sibling-name': { parent: 'P', name: 'N' },
  'duplicate-scenario-name': { name: 'S' },
  'root-cannot-move': {},
  'root-cannot-delete': {},
  'move-under-itself': { target: 'T' },
  'edit-target-missing': { kind: 'node', id: 'contact-center' },
  'duplicate-node-id': { id: 'a' },
  'no-root': {},
  'several-roots': { count: 2, names: '"A", "B"' },
  'orphan-line': { parentId: 'x' },
  'own-parent': {},
  'parent-cycle': {},
  'too-deep': { depth: 21, max: 20 },
  'root-needs-amount': {},
  'lever-line-missing': { id: 'x' },
  'lever-twice': {},
  'duplicate-investment-id': { id: 'x' },
  'duplicate-scenario-id': { id: 'x' },
  'field-invalid': {
    place: [
      { list: 'scenarios', row: 1, name: '目标 15%' },
      { list: 'investments', row: 2, name: '培训' },
      { field: 'amount' },
      { field: 'amounts' },
      { year: 2 },
    ],
    problem: problem('value-wrong-type', { expected: 'number', found: { kind: 'text', text: 'abc' } }),
  },
  'value-missing': { expected: 'text' },
  'value-wrong-type': { expected: 'finiteNumber', found: { kind: 'number', text: 'NaN' } },
  'value-not-a-choice': { choices: ['strong', 'weak'], found: { kind: 'text', text: 'middling' } },
  'value-format': { format: 'colour' },
  'value-empty': {},
  'value-invalid': {},
  'list-too-long': { count: 201, max: 200, what: 'scenarios' },
  'list-empty': { what: 'costTree' },
  'keys-unknown': { keys: ['colour', 'size'] },
  'model-format-wrong': { expected: 'service-cost-planner/model', found: { kind: 'text', text: 'x' } },
  'schema-version-newer': { version: 3, supported: 2 },
  'schema-version-invalid': { supported: [1, 2], found: { kind: 'number', text: '0' } },
  'text-unclean': { reason: 'control-one-line', character: 'U+001B', position: 1 },
  'revenue-top-needs-amount': {},
  'duplicate-top-revenue-name': { name: '维修' },
  'revenue-lever-line-missing': { id: 'repairs' },
  'revenue-lever-twice': {},
  'duplicate-one-off-id': { id: 'stock' },
  'edit-id-taken': { kind: 'investment', id: 'bonus' },
  'edit-id-missing': {},
  'root-exists': {},
  'before-not-sibling': { id: 'x' },
  'edit-inconsistent': { detail: 'change places an item at 7 of 3' },
  // api
  'no-model': {},
  'file-reference-invalid': { file: '../a.costplan', reason: 'parent-folder' },
  'model-name-invalid': { name: 'a:b', issue: { kind: 'character', character: ':' } },
  'handle-unknown': { file: '#3f9a' },
  'handle-other-use': { name: 'a.xlsx', chosenFor: 'import', wanted: 'export-deck' },
  'data-folder-not-for': { file: 'a.xlsx', use: 'export' },
  'model-extension-missing': { file: 'a.txt', extension: '.costplan' },
  'data-folder-link': { name: 'a.costplan' },
  'outside-data-folder': { name: 'a.costplan', action: 'rename' },
  'not-in-data-folder': { name: 'a.costplan' },
  'name-taken': { name: 'a.costplan' },
  'deleted-model-missing': { id: '20261205T010203004Z--a.costplan' },
  'feature-unavailable': { feature: 'file-dialog' },
  'unknown-method': { method: 'dropTables' },
  'input-invalid': { method: 'openModel', field: 'file', detail: 'Invalid input: expected string, received number' },
  'one-input-only': { method: 'openModel' },
  'sender-refused': { method: 'openModel' },
  'upload-name-invalid': { name: 'a.exe', reason: 'extension' },
  'request-refused': { reason: 'secret' },
  'request-too-large': { bytes: 50 * 1024 * 1024, upload: true },
  'internal-error': { detail: 'SQLITE_IOERR' },
  'host-unreachable': { detail: 'Failed to fetch' },
  'save-failed': { reason: inner },
  'logo-not-image': {},
  'deck-no-scenario': {},
  'deck-baseline-missing': { name: 'B', known: '"A"' },
  'deck-option-invalid': { option: 'logo-size', max: 1024 * 1024 },
  // store
  'nothing-to-undo': {},
  'nothing-to-redo': {},
  'file-not-found': { path: '/p/a.costplan' },
  'folder-missing': { path: '/p' },
  'no-permission': { path: '/p/a.costplan' },
  'disk-full': { path: '/p/a.costplan' },
  'file-in-use': { path: '/p/a.costplan' },
  'file-read-only': { path: '/p/a.costplan', then: 'save-as' },
  'file-damaged': { path: '/p/a.costplan', damage: { kind: 'value-too-long', table: 'cost_node', column: 'notes', bytes: 20_000_000, max: 16_777_216 } },
  'file-tampered': { path: '/p/a.costplan', change: { kind: 'unexpected', type: 'view', name: 'cost_node' } },
  'file-newer-version': { path: '/p/a.costplan', version: 99, supported: 8 },
  'file-exists': { path: '/p/a.costplan' },
  'file-closed': { path: '/p/a.costplan' },
  'file-open-failed': { path: '/p/a.costplan', detail: 'unable to open database file' },
  'file-write-failed': { path: '/p/a.costplan', detail: 'EIO: i/o error' },
  'safe-writing-refused': { path: '/p/a.costplan', detail: 'journal delete, synchronous 1, foreign keys 0' },
  'not-a-model': { path: '/p/a.costplan', reason: 'foreign-sqlite' },
  'snapshot-not-found': { path: '/p/a.costplan', id: '7' },
  'snapshot-write-failed': { folder: '/d/snapshots/a', problem: problem('disk-full', { path: '/d/snapshots/a/x.costplan' }) },
  'damaged-file-recovery': {
    path: '/p/a.costplan',
    problem: problem('file-damaged', {
      path: '/p/a.costplan',
      damage: { kind: 'integrity-check-failed' },
      detail: 'Tree 4 page 4: btreeInitPage() returns error code 11',
    }),
    snapshot: { id: '20270301T090100000Z-auto', createdAt: '2027-03-01T09:01:00.000Z' },
  },
  'model-breaks-rule': { path: '/p/a.costplan', where: 'costTree["A"].basis', problem: inner },
  'data-folder-unusable': { dir: '/srv/planner/data', reason: 'permission', parent: '/srv/planner' },
  // analysis
  'not-finite': { value: 'NaN' },
  'input-out-of-range': { value: 2_500_000, min: 0, max: 2_000_000, unit: 'money' },
  'range-order': { low: 0.2, mostLikely: 0.1, high: 0.3, unit: 'ratio' },
  'range-twice': {},
  'range-address-form': { address: '"lever:a:unitCost"' },
  'no-such-scenario': { name: 'Nope', known: ['A', 'B'], baseline: true },
  'same-input-twice': { input: 'growth', earlier: 'growth' },
  'unknown-output': { name: 'x', choices: 'npv, roi' },
  'swing-out-of-range': { value: 20, max: 10 },
  'table-input-count': { count: 3 },
  'table-value-count': { count: 300, max: 200 },
  'table-value-invalid': { position: 2, problem: problem('input-out-of-range', { value: 0.2, min: 0, max: 0.14, unit: 'ratio' }) },
  'trials-out-of-range': { value: 100_001, max: 100_000 },
  'seed-invalid': { value: -1 },
  'bins-out-of-range': { value: 0, max: 200 },
  'no-uncertainty-ranges': {},
  'address-form': { kind: 'lever' },
  'lever-kind-unknown': { kind: 'lever', found: 'speed' },
  'address-names-nothing': { kind: 'investment', reference: '机器人', scenario: '目标 15%' },
  'address-ambiguous': {
    kind: 'node',
    reference: '其他',
    count: 7,
    candidates: [
      { id: 'a-other', name: '其他', parent: '呼叫中心' },
      { id: 'b-other', name: '其他' },
    ],
  },
  'address-basis': { name: '呼叫中心', id: 'contact-center', entered: 'nodeShare' },
  // import
  'import-failed': {
    file: 'lines.csv',
    problems: [{ sheet: 'lines.csv', row: 7, column: 'D', header: '数值', problem: problem('cell-empty', { field: 'value' }) }],
    more: 2,
  },
  'import-file-type': { found: '.ods' },
  'file-cannot-open': { reason: 'missing' },
  'file-too-large': { bytes: 60 * 1024 * 1024, max: 50 * 1024 * 1024 },
  'too-many-cells': { max: 2_000_000 },
  'not-a-workbook': {},
  'old-excel-file': {},
  'workbook-encrypted': {},
  'workbook-unreadable': { detail: 'bad xml' },
  'workbook-timeout': { seconds: 60 },
  'csv-encoding': {},
  'csv-open-quote': { row: 3 },
  'number-ambiguous': { text: '1,234', grouped: 1234, decimal: 1.234 },
  'no-header-row': { rows: 20 },
  'no-structure-sheet': { sheets: ['Sheet1'] },
  'duplicate-column': { column: '名称', first: 'B' },
  'no-cost-lines': {},
  'too-many-lines': { count: 20_001, max: 20_000 },
  'sheet-missing': { sheet: '成本结构' },
  'workbook-newer': { version: 7, supported: 1 },
  'workbook-changed': { sheet: '_costplan' },
  'rows-moved': { id: 'contact-center' },
  'cell-empty': { field: 'ramp', year: 2 },
  'cell-not-a-number': { field: 'value', found: { kind: 'text', text: 'abc' } },
  'cell-not-text': { field: 'name', found: { kind: 'date', text: '2026-01-01' } },
  'cell-not-a-choice': { field: 'relevance', choices: ['strong', 'weak'], found: { kind: 'empty' } },
  'cell-invalid': { field: 'yearAmount', year: 3, problem: inner },
  'level-invalid': { found: { kind: 'number', text: '0' } },
  'first-level-not-root': { level: 2 },
  'second-root': {},
  'level-jump': { level: 4, above: 2 },
  'parent-not-found': { name: 'X' },
  'parent-ambiguous': { name: 'X', count: 2, rows: '3, 5' },
  'second-line-without-parent': { rootRow: 2 },
  'no-line-without-parent': {},
  'duplicate-line-name': { name: 'X' },
  'id-twice': { id: 'x' },
  'basis-empty': {},
  'amount-written-as-percentage': {},
  'share-out-of-range': { value: 44, percent: false },
  'zip-refused': { reason: 'wrong-size', entry: 'xl/styles.xml', bytes: 12_000, declared: 20_000 },
  'zip-bomb': { reason: 'entry-ratio', entry: 'xl/bomb.xml', ratio: 1024.4, compressed: 150 * 1024, bytes: 150 * 1024 * 1024, max: 100 },
  'workbook-over-limit': { limit: 'text', max: 32 * 1024 * 1024 },
  'not-xlsx-package': { kind: 'ods' },
  'workbook-macros': { kind: 'vba' },
  'cell-outside-area': { part: 'xl/worksheets/sheet1.xml', cell: 'XFD1048576', maxRow: 200_000, maxColumn: 'ALL' },
  'cell-text-too-long': { part: 'xl/sharedStrings.xml', max: 32_767 },
  'cell-text-unclean': { field: 'name', reason: 'bidi', char: 'U+202E', position: 5 },
  'id-invalid': { id: 'a b', reason: 'characters', max: 64 },
  'workbook-reader-failed': { reason: 'stopped', code: 3 },
  'revenue-rows-moved': { name: '备件销售' },
  'margin-differs': { line: '备件销售', value: 0.3, other: 0.4, sheet: '基准情景', row: 41 },
  'one-off-several-years': { years: [1, 2] },
  'formulas-replaced': { count: 2, cell: 'F5' },
  'value-refused': { detail: 'a top-level revenue line must have an amount' },
  // cli
  'unknown-command': { name: 'frob', commands: ['compute', 'check'] },
  'unknown-option': { option: '--x', usage: 'compute FILE' },
  'option-needs-value': { option: '--out', usage: 'import FILE --out FILE' },
  'option-takes-no-value': { option: '--json', usage: 'compute FILE [--json]' },
  'option-value-dash': { option: '--target', usage: 'goal-seek FILE --target VALUE' },
  'arguments-unreadable': { usage: 'compute FILE' },
  'option-required': { option: '--out FILE', usage: 'example --out FILE' },
  'file-argument-count': { usage: 'compute FILE' },
  'unexpected-argument': { argument: 'extra', usage: 'example --out FILE' },
  'option-choice': { option: '--lang', value: 'fr', choices: ['zh', 'en'] },
  'option-not-a-number': { option: '--range', input: 'growth', value: 'lots' },
  'option-spec-form': { option: '--range', spec: 'growth', form: 'range' },
  'data-table-inputs': { usage: 'data-table FILE --input INPUT=v1,v2' },
  'simulate-no-ranges': { file: 'a.json', scenario: '目标 15%' },
  'file-kind': { path: 'x.ppt', expected: 'deck-out', usage: 'deck FILE --out OUT.pptx' },
  'output-exists': { path: 'out.xlsx' },
  'cannot-read': { reason: 'other', detail: 'EIO' },
  'cannot-write': { path: '/p/out.xlsx', reason: 'disk-full' },
  'logo-unreadable': { path: '/p/logo.png', reason: 'permission' },
  'logo-too-large': { path: '/p/logo.png', max: 5 * 1024 * 1024 },
  'accent-invalid': { value: 'blue' },
  'slide-unknown': { name: 'cover', slides: ['title', 'summary'] },
  'slides-empty': { slides: ['title', 'summary'] },
  'deck-needs-scenario': {},
  'json-invalid': { line: 3, column: 1 },
  'model-rule': { where: 'costTree["A"].basis', problem: inner, more: 2 },
  'rule-detail': { detail: 'as written' },
  'in-file': { file: 'a.json', problem: problem('cannot-read', { reason: 'missing' }) },
  'option-invalid': { file: 'x.json', option: '--swing', problem: problem('swing-out-of-range', { value: 20, max: 10 }) },
};

const zh: MessageView = { language: 'zh', unit: 'tenThousand' };
const en: MessageView = { language: 'en', unit: 'tenThousand' };
const sample = (code: ProblemCode): Problem => ({ code, params: SAMPLES[code] }) as Problem;

describe('every problem code in both languages', () => {
  it.each(PROBLEM_CODES)('%s: worded from the vocabulary, no placeholder left', (code) => {
    const coded = sample(code);
    expect(isProblem(coded)).toBe(true);
    const chinese = renderProblem(coded, zh);
    const english = renderProblem(coded, en);
    for (const text of [chinese, english]) {
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/\{\{|\}\}|undefined|\[object/u);
      expect(text).not.toMatch(/^parts\.|[a-z]+\.[a-z]+\.[a-z]+$/u);
    }
    expect(chinese).not.toBe(english);
    // Chinese text has no English word of the key it came from (a missing translation falls back to English).
    expect(chinese).toMatch(/[\u4e00-\u9fff]/u);
    expect(englishWords(chinese, [JSON.stringify(SAMPLES[code])])).toEqual([]);
    expect(isProblem({ code: 'made-up', params: {} })).toBe(false);
  });

  it('amounts in the display unit the planner typed: -100 in a 万元 cell says -100 万元', () => {
    expect(renderProblem(sample('cell-invalid'), zh)).toBe('第 3 年金额：金额不能为负数，输入的是 -100 万元');
    expect(renderProblem(sample('cell-invalid'), { language: 'en', unit: 'yuan' })).toBe('the amount of year 3 must not be negative, got -1,000,000 yuan');
    expect(renderProblem(sample('input-out-of-range'), zh)).toBe('须不小于 0 万元 且不大于 200 万元，输入的是 250 万元');
    expect(renderProblem(sample('model-breaks-rule'), zh)).toBe('/p/a.costplan 中的模型违反了规则：costTree["A"].basis：金额不能为负数，输入的是 -100 万元');
  });

  it('an import names the file, the sheet, row, column and field in the reader language', () => {
    expect(renderProblem(sample('import-failed'), zh)).toBe('lines.csv：工作表“lines.csv”，第 7 行，D 列（数值）：数值为空（另有 2 个问题）');
    expect(renderProblem(sample('import-failed'), en)).toBe('lines.csv: sheet "lines.csv", row 7, column D (数值): the value is empty (and 2 more problems)');
    expect(renderProblem(problem('import-failed', { file: '', problems: [{ problem: problem('csv-encoding', {}) }], more: 1 }), en)).toBe(
      'the file is neither UTF-8 nor GB18030 text: save it as "CSV UTF-8" (and 1 more problem)',
    );
    expect(renderProblem(sample('cell-not-a-number'), zh)).toBe('数值须为数字，填的是文字“abc”');
    expect(renderProblem(sample('share-out-of-range'), zh)).toBe('占比须在 0% 到 100% 之间，填的是 44；如指 44%，请写 44% 或 0.44');
    expect(renderProblem(sample('file-too-large'), zh)).toBe('文件大小为 60 MB（最多 50 MB）');
    expect(renderProblem(sample('number-ambiguous'), zh)).toContain('“1,234”可读作 1234（千位分隔符）或 1.234（小数点）');
  });

  it('analysis inputs: a swing as typed (a fraction), counts grouped', () => {
    expect(renderProblem(sample('swing-out-of-range'), zh)).toBe('变动幅度须大于 0 且不大于 10（0.1 即 ±10%），输入的是 20');
    expect(renderProblem(sample('trials-out-of-range'), en)).toBe('must be a whole number from 1 to 100,000, got 100001');
    expect(renderProblem(sample('range-order'), zh)).toBe('最低、最可能、最高须依次不减（最低 ≤ 最可能 ≤ 最高），输入的是 20%、10%、30%');
  });
});
