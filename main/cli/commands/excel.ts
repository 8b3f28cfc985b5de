import { extname } from 'node:path';
import { problem } from '../../../shared/messages/problems';
import { resultsCsv } from '../../excel/csv';
import { exportWorkbook } from '../../excel/export-workbook';
import { importFile } from '../../excel/import-file';
import { ImportError, importFailed } from '../../excel/problems';
import { renderProblem } from '../../../shared/messages/render';
import { templateCsv, templateWorkbook } from '../../excel/template';
import { writeFileAtomically } from '../../io/write-file';
import { UsageError } from '../errors';
import { loadModel } from '../load-model';
import type { CommandContext } from '../types';
import { cannotWrite, refuseExisting, requireOut, writeModelFile } from '../write-model';
import { language, requireScenario, single } from './compute';

export const exportUsage = 'export FILE --out OUT.xlsx|OUT.csv [--lang zh|en] [--scenario NAME ...] [--force]';
export const importUsage = 'import IN.xlsx|IN.csv --out FILE.costplan [--lang zh|en] [--name NAME] [--force]';
export const importTemplateUsage = 'import-template --out FILE.xlsx|FILE.csv [--lang zh|en] [--force]';

/** A workbook that recalculates (Summary, Cost structure, a sheet per scenario, Definitions) or the results as CSV. */
export async function runExport(context: CommandContext): Promise<void> {
  const { positionals, values } = context.parse({
    out: { type: 'string' },
    lang: { type: 'string' },
    scenario: { type: 'string', multiple: true },
    force: { type: 'boolean' },
  });
  const file = single(positionals, exportUsage);
  const out = requireOut(values['out'], exportUsage);
  const kind = outputKind(out, exportUsage);
  refuseExisting(out, values['force']);
  const model = loadModel(file);
  const lang = language(values['lang'], model.language);
  const wanted = (values['scenario'] as string[] | undefined) ?? [];
  for (const name of wanted) requireScenario(file, model, name);
  const content =
    kind === 'csv' ? resultsCsv(model, { language: lang, scenarios: wanted }) : (await exportWorkbook(model, { language: lang, scenarios: wanted })).data;
  write(out, content);
  context.out(`wrote ${out}\n`);
}

/** A cost structure (.xlsx or .csv in the import layout) or a whole exported workbook into a model file. */
export async function runImport(context: CommandContext): Promise<void> {
  const { positionals, values } = context.parse({
    out: { type: 'string' },
    lang: { type: 'string' },
    name: { type: 'string' },
    force: { type: 'boolean' },
  });
  const file = single(positionals, importUsage);
  const out = requireOut(values['out'], importUsage);
  if (!out.endsWith('.costplan')) throw new UsageError(problem('file-kind', { path: out, expected: 'import-out' }));
  refuseExisting(out, values['force']);
  const options: { language?: 'zh' | 'en'; name?: string } = {};
  if (values['lang'] !== undefined) options.language = language(values['lang'], 'zh');
  if (typeof values['name'] === 'string') options.name = values['name'];
  let outcome;
  try {
    outcome = await importFile(file, options);
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(error.problemFor(file));
    throw error;
  }
  await writeModelFile(out, outcome.model, values['force'] === true);
  const model = outcome.model;
  const what =
    outcome.kind === 'workbook'
      ? `the model of an exported workbook: ${model.costTree.length} cost lines, ${model.scenarios.length} scenario${model.scenarios.length === 1 ? '' : 's'}`
      : `a cost structure of ${model.costTree.length} lines from sheet ${JSON.stringify(outcome.sheet)}, no scenarios yet`;
  // A warning in the language of --lang (English without it), placed at its sheet and cell.
  const view = { language: options.language ?? 'en', unit: 'yuan' } as const;
  for (const warning of outcome.warnings) context.out(`warning: ${renderProblem(importFailed([warning]), view)}\n`);
  context.out(`wrote ${out} (${what})\n`);
}

/** The cost-structure layout as a file to fill in, with the example tree. */
export async function runImportTemplate(context: CommandContext): Promise<void> {
  const { positionals, values } = context.parse({ out: { type: 'string' }, lang: { type: 'string' }, force: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(problem('unexpected-argument', { argument: positionals[0]!, usage: importTemplateUsage }));
  const out = requireOut(values['out'], importTemplateUsage);
  const kind = outputKind(out, importTemplateUsage);
  refuseExisting(out, values['force']);
  const lang = language(values['lang'], 'zh');
  write(out, kind === 'csv' ? templateCsv(lang) : await templateWorkbook(lang));
  context.out(`wrote ${out}\n`);
}

function outputKind(out: string, usage: string): 'xlsx' | 'csv' {
  const extension = extname(out).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv') return 'csv';
  throw new UsageError(problem('file-kind', { path: out, expected: 'table-out', usage }));
}

function write(out: string, content: string | Buffer): void {
  try {
    writeFileAtomically(out, content);
  } catch (error) {
    throw cannotWrite(out, error);
  }
}
