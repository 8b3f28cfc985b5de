import { basename } from 'node:path';
import type { ImportWarning } from '../../shared/api/contract';
import type { Model } from '../../shared/model/schema';
import type { Language } from '../../shared/model/units';
import { WorkbookImportError } from './errors';
import { exportWorkbook } from './export-workbook';
import { importFile } from './import-file';
import { ImportError, type ImportProblem } from './problems';
import { cellName } from './xlsx-writer';

/** Writes and reads workbooks: what the API layer needs of this module. */
export interface WorkbookService {
  workbookBytes(model: Model, options: { language?: Language; scenarioIds?: string[] }): Promise<Uint8Array>;
  /** A whole model from a workbook this app exported, or a cost structure from .xlsx/.csv (with `current`'s scenarios). */
  readModel(path: string, current: Model | null): Promise<{ model: Model; kind: 'workbook' | 'structure'; warnings: ImportWarning[] }>;
}

/**
 * Workbooks for the API (desktop menus, the browser's toolbar). A workbook this app exported
 * brings the whole model back; a cost structure (.xlsx or .csv in the import layout) replaces
 * the open model's tree and keeps its scenarios, minus levers and ranges on lines that are gone.
 */
export const workbookService: WorkbookService = {
  async workbookBytes(model, options) {
    const workbook = await exportWorkbook(model, {
      ...(options.language ? { language: options.language } : {}),
      ...(options.scenarioIds ? { scenarios: options.scenarioIds } : {}),
    });
    return workbook.data;
  },
  async readModel(path, current) {
    try {
      const outcome = await importFile(path, current ? { language: current.language } : {});
      return {
        model: outcome.kind === 'structure' && current ? withStructure(current, outcome.model) : outcome.model,
        kind: outcome.kind,
        warnings: importWarnings(outcome.warnings),
      };
    } catch (error) {
      if (error instanceof ImportError) throw new WorkbookImportError(path, error.problemFor(basename(path)));
      throw error;
    }
  },
};

/** The open model with an imported cost tree. */
export function withStructure(current: Model, imported: Model): Model {
  const nodeIds = new Set(imported.costTree.map((node) => node.id));
  const onKeptNode = (address: string) => {
    const [kind, target] = address.split(':');
    return !(kind === 'lever' || kind === 'share' || kind === 'amount') || (target !== undefined && nodeIds.has(target));
  };
  return {
    ...current,
    costTree: imported.costTree,
    scenarios: current.scenarios.map((scenario) => {
      const uncertainty = scenario.uncertainty?.filter((range) => onKeptNode(range.input));
      const { uncertainty: _dropped, ...rest } = scenario;
      return {
        ...rest,
        levers: scenario.levers.filter((lever) => nodeIds.has(lever.nodeId)),
        ...(uncertainty && uncertainty.length > 0 ? { uncertainty } : {}),
      };
    }),
  };
}

/** The import's warnings as the API carries them (the UI words them in its language). */
export function importWarnings(problems: readonly ImportProblem[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (const problem of problems)
    if (problem.replacedFormulas !== undefined && problem.sheet !== undefined && problem.row !== undefined && problem.column !== undefined)
      warnings.push({ kind: 'formulas-replaced', sheet: problem.sheet, cell: cellName(problem.row, problem.column), count: problem.replacedFormulas });
  return warnings;
}
