import { formatAmount, formatNumber, formatShown, unitLabel } from '../format/number';
import type { DisplayUnit, Language } from '../model/units';
import { quoteText } from '../model/text';
import { text, type TextKey, type TextParams } from '../i18n/vocabulary';
import type { FileFailure } from './codes/cli';
import type { CellShown, FieldName, PlacedProblem, Problem, ProblemCode, ProblemParams, ValueUnit } from './problems';
import type { PlaceStep, ValueFound } from './codes/model';
import type { FileDamage, SchemaChange, SchemaObjectType } from './codes/store';

/** How the planner sees numbers now: the display unit amounts are typed and shown in. */
export interface MessageView {
  language: Language;
  unit: DisplayUnit;
  currency?: string;
}

/** Trailing zeros of a shown number dropped: "-100.00" -> "-100", "1,234.50" -> "1,234.5". */
function trimmed(text: string): string {
  // en-US and zh-CN both write a decimal point and group with commas.
  return text.includes('.') ? text.replace(/0+$/u, '').replace(/\.$/u, '') : text;
}

function amountText(yuan: number, view: MessageView): string {
  if (!Number.isFinite(yuan)) return String(yuan);
  const shown = trimmed(formatAmount(yuan, view.unit, view.language));
  return `${shown} ${unitLabel(view.unit, view.language, view.currency)}`;
}

/** A ratio as a percentage, exact to 0.01% (105.18%, 101%, -150%); smaller ones by the display rule. */
export function percentText(ratio: number, language: Language): string {
  if (!Number.isFinite(ratio)) return String(ratio);
  const hundredths = Number((ratio * 100).toFixed(2));
  const shown = trimmed(hundredths === 0 && ratio !== 0 ? formatShown(ratio * 100, language, 0) : formatShown(hundredths, language, 2));
  return `${shown}%`;
}

type Say = (key: TextKey<'messages'>, params?: TextParams) => string;
/** A problem's text key and its parameters formatted for the reader. */
type Worded = readonly [TextKey<'messages'>, TextParams];
type Formatters = { [C in ProblemCode]?: (params: ProblemParams[C], view: MessageView, say: Say) => Worded };

/**
 * How each code's parameters reach its text: amounts in the display unit, ratios as
 * percentages, a reason or a bound in words. A code not listed passes its parameters as they are.
 */
const FORMAT: Formatters = {
  // model (shared/messages/codes/model.ts)
  'amount-negative': (p, v) => ['amount-negative', { amount: amountText(p.amount, v) }],
  'signed-amount-too-large': (p, v) => ['signed-amount-too-large', { amount: amountText(p.amount, v), max: amountText(p.max, v) }],
  'amount-too-large': (p, v) => ['amount-too-large', { amount: amountText(p.amount, v), max: amountText(p.max, v) }],
  'ratio-out-of-range': (p, v, say) => [
    'ratio-out-of-range',
    {
      bound: say(p.exclusiveMin ? 'parts.above' : 'parts.atLeast'),
      min: percentText(p.min, v.language),
      max: percentText(p.max, v.language),
      reason: p.reason ? say('parts.reason', { reason: say(`modelParts.reasons.${p.reason}`) }) : '',
      value: percentText(p.value, v.language),
    },
  ],
  'shares-over-parent': (p, v) => ['shares-over-parent', { parent: p.parent, total: percentText(p.total, v.language) }],
  'children-over-parent': (p, v) =>
    Number.isFinite(p.total)
      ? ['children-over-parent', { parent: p.parent, total: percentText(p.total, v.language) }]
      : ['children-over-zero-parent', { parent: p.parent }],
  'edit-target-missing': (p, _v, say) => ['edit-target-missing', { kind: say(`modelParts.targets.${p.kind}`), id: p.id }],
  'edit-id-taken': (p, _v, say) => ['edit-id-taken', { kind: say(`modelParts.targets.${p.kind}`), id: p.id }],
  'duplicate-node-id': (p) => [p.lines ? 'modelParts.revenue.duplicate-node-id' : 'duplicate-node-id', { id: p.id }],
  'duplicate-sibling-name': (p) => [p.lines ? 'modelParts.revenue.duplicate-sibling-name' : 'duplicate-sibling-name', { parent: p.parent, name: p.name }],
  'orphan-line': (p) => [p.lines ? 'modelParts.revenue.orphan-line' : 'orphan-line', { parentId: p.parentId }],
  'own-parent': (p) => [p.lines ? 'modelParts.revenue.own-parent' : 'own-parent', {}],
  'parent-cycle': (p) => [p.lines ? 'modelParts.revenue.parent-cycle' : 'parent-cycle', {}],
  'too-deep': (p) => [p.lines ? 'modelParts.revenue.too-deep' : 'too-deep', { depth: p.depth, max: p.max }],
  'field-invalid': (p, v, say) => ['field-invalid', { place: modelPlaceText(p.place, say), problem: renderProblem(p.problem, v) }],
  'value-missing': (p, _v, say) => ['value-missing', { expected: say(`modelParts.kinds.${p.expected}`) }],
  'value-wrong-type': (p, _v, say) => ['value-wrong-type', { expected: say(`modelParts.kinds.${p.expected}`), found: foundText(p.found, say) }],
  'value-not-a-choice': (p, _v, say) => [
    'value-not-a-choice',
    {
      choices: p.choices.map((choice) => say('modelParts.choice', { text: quoteText(choice, 40).slice(1, -1) })).join(say('modelParts.choiceJoin')),
      found: foundText(p.found, say),
    },
  ],
  'value-format': (p, _v, say) => ['value-format', { format: say(`modelParts.formats.${p.format}`) }],
  'list-too-long': (p, v, say) => ['list-too-long', { count: countText(p.count, v), max: countText(p.max, v), what: say(`modelParts.lists.${p.what}`) }],
  'list-empty': (p, _v, say) => ['list-empty', { what: say(`modelParts.empty.${p.what}`) }],
  'keys-unknown': (p, _v, say) => [
    'keys-unknown',
    { count: p.keys.length, keys: p.keys.map((key) => quoted(key, say, 40)).join(say('modelParts.choiceJoin')) },
  ],
  'model-format-wrong': (p, _v, say) => ['model-format-wrong', { expected: p.expected, found: foundText(p.found, say) }],
  'schema-version-invalid': (p, _v, say) => [
    'schema-version-invalid',
    { supported: p.supported.join(say('modelParts.versionJoin')), found: foundText(p.found, say) },
  ],
  'text-unclean': (p, _v, say) => ['text-unclean', { reason: say(`modelParts.unclean.${p.reason}`, { character: p.character, position: p.position }) }],
  // api (shared/messages/codes/api.ts)
  'file-reference-invalid': (p, _v, say) => ['file-reference-invalid', { file: quoted(p.file, say), reason: say(`apiParts.reference.${p.reason}`) }],
  'model-name-invalid': (p, _v, say) => [
    'model-name-invalid',
    {
      reason: say(`apiParts.name.${p.issue.kind}`, {
        name: quoted(p.name, say),
        ...(p.issue.kind === 'too-long' ? { length: p.issue.length, max: p.issue.max } : {}),
        ...(p.issue.kind === 'character' ? { character: quoted(p.issue.character, say) } : {}),
      }),
    },
  ],
  'handle-other-use': (p, _v, say) => [
    'handle-other-use',
    { name: p.name, chosenFor: say(`apiParts.uses.${p.chosenFor}`), wanted: say(`apiParts.uses.${p.wanted}`) },
  ],
  'data-folder-not-for': (p, _v, say) => ['data-folder-not-for', { file: p.file, what: say(`apiParts.notForDataFolder.${p.use}`) }],
  'outside-data-folder': (p, _v, say) => ['outside-data-folder', { name: p.name, action: say(`apiParts.actions.${p.action}`) }],
  'deleted-model-missing': (p, _v, say) => ['deleted-model-missing', { id: quoted(p.id, say) }],
  'feature-unavailable': (p, _v, say) => ['feature-unavailable', { what: say(`apiParts.unavailable.${p.feature}`) }],
  'unknown-method': (p, _v, say) => ['unknown-method', { method: quoted(p.method, say) }],
  'input-invalid': (p, _v, say) => ['input-invalid', { method: p.method, field: p.field ? say('apiParts.field', { field: p.field }) : '', detail: p.detail }],
  'upload-name-invalid': (p, _v, say) => ['upload-name-invalid', { name: quoted(p.name, say), reason: say(`apiParts.upload.${p.reason}`) }],
  'request-refused': (p, _v, say) => ['request-refused', { reason: say(`apiParts.refused.${p.reason}`) }],
  'request-too-large': (p, _v, say) => [
    'request-too-large',
    { what: say(p.upload ? 'apiParts.tooLarge.upload' : 'apiParts.tooLarge.request', { max: bytesText(p.bytes, say) }) },
  ],
  'save-failed': (p, v) => ['save-failed', { reason: renderProblem(p.reason, v) }],
  'deck-option-invalid': (p, _v, say) => [
    'deck-option-invalid',
    { what: say(`apiParts.deckOption.${p.option}`, { max: p.option === 'logo-size' ? bytesText(p.max, say) : p.max }) },
  ],
  'deck-baseline-missing': (p, _v, say) => ['deck-baseline-missing', { name: quoted(p.name, say), known: p.known }],
  // store (shared/messages/codes/store.ts)
  'not-a-model': (p, _v, say) => ['not-a-model', { path: p.path, reason: say(`parts.notAModel.${p.reason}`) }],
  'model-breaks-rule': (p, v, say) => [
    'model-breaks-rule',
    {
      path: p.path,
      // A shape problem names its place the way the screens do; the file's own path would say it twice.
      where: p.where && p.problem.code !== 'field-invalid' ? say('parts.where', { where: p.where }) : '',
      problem: renderProblem(p.problem, v),
    },
  ],
  'file-read-only': (p, _v, say) => ['file-read-only', { path: p.path, then: say(`storeParts.readOnlyThen.${p.then ?? 'none'}`) }],
  'file-damaged': (p, v, say) => ['file-damaged', { path: p.path, damage: damageText(p.damage, v, say), detail: detailText(p.detail, say) }],
  'file-tampered': (p, _v, say) => ['file-tampered', { path: p.path, change: schemaChangeText(p.change, say) }],
  'file-newer-version': (p) =>
    p.version === undefined
      ? ['file-newer-version', { path: p.path }]
      : ['file-newer-format', { path: p.path, version: p.version, supported: p.supported ?? '?' }],
  'file-open-failed': (p, _v, say) => ['file-open-failed', { path: p.path, detail: detailText(p.detail, say) }],
  'file-write-failed': (p, _v, say) => ['file-write-failed', { path: p.path, detail: detailText(p.detail, say) }],
  'safe-writing-refused': (p, _v, say) => ['safe-writing-refused', { path: p.path, detail: detailText(p.detail, say) }],
  'snapshot-write-failed': (p, v) => ['snapshot-write-failed', { folder: p.folder, problem: renderProblem(p.problem, v) }],
  'damaged-file-recovery': (p, v, say) => [
    'damaged-file-recovery',
    {
      problem: renderProblem(p.problem, v),
      offer: p.snapshot ? say('storeParts.offer.restore', { path: p.path, id: p.snapshot.id, createdAt: p.snapshot.createdAt }) : say('storeParts.offer.none'),
    },
  ],
  'data-folder-unusable': (p, _v, say) => [
    'data-folder-unusable',
    {
      text: say(`storeParts.dataFolder.${p.reason}`, { dir: p.dir, blocker: p.blocker ?? p.dir, parent: p.parent ?? p.dir, detail: detailText(p.detail, say) }),
    },
  ],
  // analysis (shared/messages/codes/analysis.ts)
  'input-out-of-range': (p, v) => [
    'input-out-of-range',
    { value: valueText(p.value, p.unit, v), min: valueText(p.min, p.unit, v), max: valueText(p.max, p.unit, v) },
  ],
  'range-order': (p, v) => [
    'range-order',
    { low: valueText(p.low, p.unit, v), mostLikely: valueText(p.mostLikely, p.unit, v), high: valueText(p.high, p.unit, v) },
  ],
  'table-value-invalid': (p, v) => ['table-value-invalid', { position: p.position, problem: renderProblem(p.problem, v) }],
  'trials-out-of-range': (p, v) => ['trials-out-of-range', { value: String(p.value), max: countText(p.max, v) }],
  'table-value-count': (p, v) => ['table-value-count', { count: p.count, max: countText(p.max, v) }],
  'no-such-scenario': (p, _v, say) => [
    'no-such-scenario',
    {
      name: p.name,
      which: p.baseline ? say('analysisParts.baseline') : '',
      known: p.known.length > 0 ? p.known.map((name) => quoted(name, say)).join(say('parts.choiceJoin')) : say('analysisParts.none'),
    },
  ],
  'address-form': (p, _v, say) => ['address-form', { form: say(`analysisParts.forms.${p.kind}`) }],
  'lever-kind-unknown': (p, _v, say) => ['lever-kind-unknown', { kind: say(`analysisParts.leverKinds.${p.kind}`), found: p.found }],
  'address-names-nothing': (p, _v, say) => [
    'address-names-nothing',
    { what: say(`analysisParts.nothing.${p.kind}`, { reference: p.reference, scenario: p.scenario ?? '' }) },
  ],
  'address-ambiguous': (p, _v, say) => [
    'address-ambiguous',
    {
      reference: p.reference,
      count: p.count,
      what: say(`analysisParts.several.${p.kind}`),
      candidates: p.candidates
        .map((c) => (c.parent === undefined ? say('analysisParts.candidate', c) : say('analysisParts.candidateUnder', { ...c, parent: c.parent })))
        .join(say('analysisParts.candidateJoin')),
      more: p.count > p.candidates.length ? say('analysisParts.moreCandidates', { count: p.count - p.candidates.length }) : '',
    },
  ],
  'address-basis': (p, _v, say) => ['address-basis', { entered: say(`analysisParts.entered.${p.entered}`, { name: p.name, id: p.id }) }],
  // import (shared/messages/codes/import.ts)
  'import-failed': (p, v, say) => [
    'import-failed',
    {
      file: p.file ? say('parts.importFile', { file: p.file }) : '',
      problems: p.problems.map((placed) => placedText(placed, v, say)).join(say('parts.listJoin')),
      more: p.more > 0 ? say('parts.more', { count: p.more }) : '',
    },
  ],
  'file-cannot-open': (p, _v, say) => [
    'file-cannot-open',
    { reason: p.reason === 'other' ? say('importParts.cannotOpenOther', { detail: importDetail(p.detail, say) }) : say(`parts.cannotOpen.${p.reason}`) },
  ],
  'workbook-unreadable': (p, _v, say) => ['workbook-unreadable', { detail: importDetail(p.detail, say) }],
  'no-structure-sheet': (p, _v, say) => [
    'no-structure-sheet',
    { sheets: p.sheets.length > 0 ? p.sheets.map((sheet) => quoted(sheet, say)).join(say('parts.choiceJoin')) : say('importParts.noSheets') },
  ],
  'zip-refused': (p, _v, say) => [
    'zip-refused',
    {
      reason: say(`importParts.zip.${p.reason}`, {
        entry: entryText(p.entry, say),
        method: p.method ?? '',
        bytes: p.bytes === undefined ? '' : bytesText(p.bytes, say),
        declared: p.declared === undefined ? '' : bytesText(p.declared, say),
      }),
    },
  ],
  'zip-bomb': (p, v, say) => [
    'zip-bomb',
    {
      reason: say(`importParts.bomb.${p.reason}`, {
        entry: entryText(p.entry, say),
        max: p.max === undefined ? '' : p.reason === 'total-size' ? bytesText(p.max, say) : countText(p.max, v),
        ratio: p.ratio === undefined ? '' : countText(Math.round(p.ratio), v),
        compressed: p.compressed === undefined ? '' : bytesText(p.compressed, say),
        bytes: p.bytes === undefined ? '' : bytesText(p.bytes, say),
      }),
    },
  ],
  'workbook-over-limit': (p, v, say) => [
    'workbook-over-limit',
    {
      limit: say(`importParts.limit.${p.limit}`, {
        // A count of entries stays as the zip holds it (1001), the rest grouped (32,767).
        count: p.count ?? '',
        max: p.limit === 'data' ? bytesText(p.max, say) : p.limit === 'entries' || p.limit === 'memory' ? p.max : countText(p.max, v),
      }),
    },
  ],
  'not-xlsx-package': (p, _v, say) => ['not-xlsx-package', { kind: say(`importParts.package.${p.kind}`) }],
  'workbook-macros': (p, _v, say) => ['workbook-macros', { kind: say(`importParts.macros.${p.kind}`) }],
  'cell-outside-area': (p, v, say) => [
    'cell-outside-area',
    {
      at: outsideText(p, v, say),
      maxRow: countText(p.maxRow, v),
      maxColumn: p.maxColumn,
    },
  ],
  'cell-text-too-long': (p, v, say) => [
    'cell-text-too-long',
    {
      text:
        p.sheet !== undefined
          ? say('importParts.textTooLong.sheet', { sheet: quoted(p.sheet, say), max: countText(p.max, v) })
          : p.part !== undefined
            ? say('importParts.textTooLong.part', { part: p.part, max: countText(p.max, v) })
            : p.length !== undefined
              ? say('importParts.textTooLong.length', { length: countText(p.length, v), max: countText(p.max, v) })
              : say('importParts.textTooLong.more', { max: countText(p.max, v) }),
    },
  ],
  'cell-text-unclean': (p, _v, say) => [
    'cell-text-unclean',
    { text: say(`importParts.unclean.${p.reason}`, { field: fieldText(p.field, undefined, say), char: p.char, position: p.position }) },
  ],
  'id-invalid': (p, _v, say) => ['id-invalid', { text: say(`importParts.id.${p.reason}`, { id: quoted(p.id, say, 80), max: p.max }) }],
  'workbook-reader-failed': (p, _v, say) => [
    'workbook-reader-failed',
    {
      reason: say(`importParts.reader.${p.reason}`, {
        detail: importDetail(p.detail, say),
        how: p.signal !== undefined ? say('importParts.reader.signal', { signal: p.signal }) : say('importParts.reader.code', { code: p.code ?? '' }),
      }),
    },
  ],
  'revenue-rows-moved': (p, _v, say) => ['revenue-rows-moved', { name: quoted(p.name, say, 80) }],
  'margin-differs': (p, v, say) => [
    'margin-differs',
    {
      line: quoted(p.line, say, 80),
      value: percentText(p.value, v.language),
      other: percentText(p.other, v.language),
      sheet: quoted(p.sheet, say),
      row: p.row,
    },
  ],
  'one-off-several-years': (p, _v, say) => ['one-off-several-years', { years: p.years.join(say('importParts.yearsJoin')) }],
  'formulas-replaced': (p) => ['formulas-replaced', { count: p.count, cell: p.cell }],
  // English keeps the rule's own words; other languages quote them as a technical detail.
  'value-refused': (p, _v, say) => ['value-refused', { detail: importDetail(p.detail, say) }],
  'file-too-large': (p, v, say) => ['file-too-large', { bytes: bytesText(p.bytes, say), max: bytesText(p.max, say) }],
  'too-many-cells': (p, v) => ['too-many-cells', { max: countText(p.max, v) }],
  'too-many-lines': (p, v) => ['too-many-lines', { count: countText(p.count, v), max: countText(p.max, v) }],
  'cell-empty': (p, _v, say) => ['cell-empty', { field: fieldText(p.field, p.year, say) }],
  'cell-not-a-number': (p, _v, say) => ['cell-not-a-number', { field: fieldText(p.field, p.year, say), found: cellText(p.found, say) }],
  'cell-not-text': (p, _v, say) => ['cell-not-text', { field: fieldText(p.field, undefined, say), found: cellText(p.found, say) }],
  'cell-not-a-choice': (p, _v, say) => [
    'cell-not-a-choice',
    {
      field: fieldText(p.field, undefined, say),
      choices: p.choices.map((choice) => quoted(choice, say)).join(say('parts.choiceJoin')),
      found: cellText(p.found, say),
    },
  ],
  'cell-invalid': (p, v, say) => ['cell-invalid', { field: fieldText(p.field, p.year, say), problem: renderProblem(p.problem, v) }],
  'level-invalid': (p, _v, say) => ['level-invalid', { found: cellText(p.found, say) }],
  'share-out-of-range': (p, v, say) => {
    const typed = p.percent ? p.value * 100 : p.value;
    const hint = !p.percent && p.value > 1 && p.value <= 100;
    return [
      'share-out-of-range',
      {
        found: p.percent ? `${typedText(typed, v)}%` : typedText(typed, v),
        hint: hint ? say('parts.shareHint', { typed: typedText(typed, v), ratio: typedText(typed / 100, v) }) : '',
      },
    ];
  },
  // cli (shared/messages/codes/cli.ts)
  'option-invalid': (p, v, say) => [
    'option-invalid',
    { file: p.file, option: p.option, input: p.input === undefined ? '' : say('cliParts.inputOf', { input: p.input }), problem: renderProblem(p.problem, v) },
  ],
  'unknown-command': (p, _v, say) => ['unknown-command', { name: p.name, commands: p.commands.join(say('cliParts.listJoin')) }],
  'option-choice': (p, _v, say) => ['option-choice', { option: p.option, value: p.value, choices: p.choices.join(say('cliParts.listJoin')) }],
  'option-not-a-number': (p, _v, say) => [
    'option-not-a-number',
    {
      value: p.value,
      subject: p.input === undefined ? say('cliParts.optionSubject', { option: p.option }) : say('cliParts.valueOf', { option: p.option, input: p.input }),
    },
  ],
  'option-spec-form': (p, _v, say) => ['option-spec-form', { option: p.option, spec: p.spec, form: say(`cliParts.specForms.${p.form}`) }],
  'file-kind': (p, _v, say) => [
    'file-kind',
    { path: p.path, expected: say(`cliParts.expected.${p.expected}`), usage: p.usage === undefined ? '' : say('cliParts.usage', { usage: p.usage }) },
  ],
  'cannot-read': (p, _v, say) => ['cannot-read', { reason: failureText(p, say) }],
  'cannot-write': (p, _v, say) => ['cannot-write', { path: p.path, reason: failureText(p, say) }],
  'logo-unreadable': (p, _v, say) => ['logo-unreadable', { path: p.path, reason: failureText(p, say) }],
  'logo-too-large': (p, _v, say) => ['logo-too-large', { path: p.path, max: bytesText(p.max, say) }],
  'slide-unknown': (p, _v, say) => ['slide-unknown', { name: p.name, slides: p.slides.join(say('cliParts.listJoin')) }],
  'slides-empty': (p, _v, say) => ['slides-empty', { slides: p.slides.join(say('cliParts.listJoin')) }],
  'json-invalid': (p, _v, say) => [
    'json-invalid',
    { text: p.line !== undefined ? say('cliParts.jsonAt', { line: p.line, column: p.column ?? 1 }) : say('cliParts.jsonDetail', { detail: p.detail ?? '' }) },
  ],
  'model-rule': (p, v, say) => [
    'model-rule',
    {
      where: p.where ? say('parts.where', { where: p.where }) : '',
      problem: renderProblem(p.problem, v),
      more: p.more > 0 ? say('parts.more', { count: p.more }) : '',
    },
  ],
  'in-file': (p, v) => ['in-file', { file: p.file, problem: renderProblem(p.problem, v) }],
};

/** Where a value sits in a model, as the screens name it; a step the app has no name for shows the raw path. */
function modelPlaceText(place: readonly PlaceStep[], say: Say): string {
  if (place.length === 0) return say('modelParts.place.model');
  if (!place.every((step): step is Exclude<PlaceStep, { key: string }> => !('key' in step)))
    return say('modelParts.place.quoted', { text: quoteText(rawPath(place)).slice(1, -1) });
  let text = '';
  for (const step of place) {
    const worded = placeStepText(step, say);
    // A year follows what it is a year of without a joiner in Chinese ("达成率第 2 年"), with one in English.
    text = text === '' ? worded : `${text}${say('year' in step ? 'modelParts.place.yearJoin' : 'modelParts.place.join')}${worded}`;
  }
  return text;
}

function placeStepText(step: Exclude<PlaceStep, { key: string }>, say: Say): string {
  if ('list' in step)
    return step.name !== undefined
      ? say(`modelParts.place.named.${step.list}`, { name: quoteText(step.name, 40).slice(1, -1) })
      : say(`modelParts.place.row.${step.list}`, { row: step.row });
  if ('field' in step) return say(`modelParts.place.fields.${step.field}`);
  return say('modelParts.place.year', { year: step.year });
}

/** A place written as the file's path (costTree[3].colour), for a place the app cannot name. */
function rawPath(place: readonly PlaceStep[]): string {
  const text = place
    .map((step) =>
      'list' in step
        ? `.${step.list}[${step.row - 1}]`
        : 'field' in step
          ? `.${step.field}`
          : 'year' in step
            ? `[${step.year - 1}]`
            : step.key.startsWith('[')
              ? step.key
              : `.${step.key}`,
    )
    .join('');
  return text.replace(/^\./u, '');
}

/** What a field held instead, in the reader's language. */
function foundText(found: ValueFound, say: Say): string {
  if (!('text' in found)) return say(`modelParts.found.${found.kind}`);
  return say(`modelParts.found.${found.kind}`, { text: found.kind === 'text' ? quoted(found.text, say, 40) : found.text });
}

/** Why a file could not be read or written, in the reader's words (the system's own code only as a detail). */
function failureText(p: { reason: FileFailure; detail?: string }, say: Say): string {
  return say(`cliParts.failures.${p.reason}`, { detail: p.detail ?? '' });
}

/** A library's or the OS's own words, quoted at the end of a store message for diagnosis (never the sentence). */
function detailText(detail: string | undefined, say: Say): string {
  return detail ? say('storeParts.detail', { text: detailQuoted(detail) }) : '';
}

/** One line, control characters escaped, at most 300 characters. */
function detailQuoted(detail: string): string {
  return quoteText(detail.replace(/\s*\n\s*/gu, '; '), 300).slice(1, -1);
}

/** What is damaged; byte and row counts grouped (20,000,000 bytes). */
function damageText(damage: FileDamage, view: MessageView, say: Say): string {
  const count = (n: number) => countText(n, view);
  switch (damage.kind) {
    case 'truncated':
      return say('storeParts.damage.truncated', { bytes: count(damage.bytes), expected: count(damage.expectedBytes) });
    case 'broken-references':
      return say('storeParts.damage.broken-references', { count: count(damage.count) });
    case 'value-too-long':
      return say('storeParts.damage.value-too-long', { table: damage.table, column: damage.column, bytes: count(damage.bytes), max: count(damage.max) });
    case 'too-many-rows':
      return say('storeParts.damage.too-many-rows', { table: damage.table, rows: count(damage.rows), max: count(damage.max) });
    default:
      return say(`storeParts.damage.${damage.kind}`);
  }
}

function schemaTypeText(type: SchemaObjectType, say: Say): string {
  return say(`storeParts.schemaType.${type === 'virtual table' ? 'virtualTable' : type}`);
}

function schemaChangeText(change: SchemaChange, say: Say): string {
  switch (change.kind) {
    case 'unexpected-column':
    case 'missing-column':
      return say(`storeParts.change.${change.kind}`, { table: change.table, column: change.column });
    case 'wrong-table':
      return say('storeParts.change.wrong-table', {
        type: schemaTypeText(change.type, say),
        name: change.name,
        table: change.table,
        expected: change.expectedTable,
      });
    case 'definition-changed':
      if (change.type === 'table') return say('storeParts.change.table-definition-changed', { name: change.name });
      return say('storeParts.change.definition-changed', { type: schemaTypeText(change.type, say), name: change.name });
    default:
      return say(`storeParts.change.${change.kind}`, { type: schemaTypeText(change.type, say), name: change.name });
  }
}

/** A value of an input: a percentage, or an amount in the display unit. */
function valueText(value: number, unit: ValueUnit, view: MessageView): string {
  return unit === 'ratio' ? percentText(value, view.language) : amountText(value, view);
}

/** A count with its thousands grouped (100,000). */
function countText(count: number, view: MessageView): string {
  return Number.isFinite(count) ? formatNumber(count, view.language, 0) : String(count);
}

/** A number as the planner typed it (not an amount): up to 6 decimals, no trailing zeros. */
function typedText(value: number, view: MessageView): string {
  return Number.isFinite(value) ? trimmed(formatNumber(Number(value.toPrecision(12)), view.language, 6)) : String(value);
}

function bytesText(bytes: number, say: Say): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return say('parts.bytes', { count: bytes });
}

/** Where a cell beyond the import's area is, when no place says it: the cell or row in the sheet (or the part); '' when placed. */
function outsideText(p: ProblemParams['cell-outside-area'], view: MessageView, say: Say): string {
  const at = p.cell !== undefined ? 'Cell' : p.row !== undefined ? 'Row' : undefined;
  const inside = p.sheet !== undefined ? 'sheet' : p.part !== undefined ? 'part' : undefined;
  if (at === undefined || inside === undefined) return say('importParts.outside.placed');
  return say(`importParts.outside.${inside}${at}`, {
    sheet: p.sheet === undefined ? '' : quoted(p.sheet, say),
    part: p.part ?? '',
    cell: p.cell ?? '',
    row: p.row === undefined ? '' : countText(p.row, view),
  });
}

/** Raw text from a library or the OS, quoted at the end of an import message ("; technical detail: …"); nothing when there is none. */
function importDetail(detail: string | undefined, say: Say): string {
  return detail ? say('importParts.detail', { detail: detailQuoted(detail) }) : '';
}

/** A zip entry's name in quotes, cut when long. */
function entryText(entry: string | undefined, say: Say): string {
  return entry === undefined ? '' : quoted(entry, say, 80);
}

function fieldText(field: FieldName, year: number | undefined, say: Say): string {
  return say(`parts.fields.${field}`, year === undefined ? {} : { year });
}

/** What a cell holds, quoted in the reader's language ("abc" or “abc”). */
function cellText(found: CellShown, say: Say): string {
  if (!('text' in found)) return say(`parts.cell.${found.kind}`);
  return say(`parts.cell.${found.kind}`, { text: found.kind === 'text' ? quoted(found.text, say, 40) : found.text });
}

/** A text from a file in quotes: control characters escaped, long ones cut. */
function quoted(value: string, say: Say, max?: number): string {
  return say('parts.quoted', { text: quoteText(value, max).slice(1, -1) });
}

/** Where an import problem is (sheet, row, column and its header), then what it is. */
function placedText(placed: PlacedProblem, view: MessageView, say: Say): string {
  const place: string[] = [];
  if (placed.sheet !== undefined) place.push(say('parts.sheet', { sheet: quoted(placed.sheet, say) }));
  if (placed.row !== undefined) place.push(say('parts.row', { row: placed.row }));
  if (placed.column !== undefined)
    place.push(say('parts.column', { column: placed.column }) + (placed.header ? say('parts.header', { header: quoteText(placed.header).slice(1, -1) }) : ''));
  const problem = renderProblem(placed.problem, view);
  return place.length > 0 ? say('parts.placed', { place: place.join(say('parts.placeJoin')), problem }) : problem;
}

/** A problem in words, in the view's language, amounts in its display unit. */
export function renderProblem(problem: Problem, view: MessageView): string {
  const say: Say = (key, params) => text(view.language, 'messages', key, params);
  const format = FORMAT[problem.code] as ((params: unknown, view: MessageView, say: Say) => Worded) | undefined;
  const [key, params] = format ? format(problem.params, view, say) : [problem.code, problem.params as TextParams];
  return say(key, params);
}
