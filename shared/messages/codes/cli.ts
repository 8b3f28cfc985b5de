import type { Problem } from '../problems';

/** The command line (main/cli). Amounts are in yuan; ratios as fractions (0.15 for 15%). */
export interface CliProblemParams {
  'unknown-command': { name: string; commands: string };
  'unknown-option': { option: string; usage: string };
  'option-needs-value': { option: string; usage: string };
  'model-file-kind': { path: string };
  /** An option (or a place in the model) of a command that the analysis refused. */
  'option-invalid': { file: string; option: string; problem: Problem };
}

export const CLI_CODES = [
  'unknown-command',
  'unknown-option',
  'option-needs-value',
  'model-file-kind',
  'option-invalid',
] as const satisfies readonly (keyof CliProblemParams)[];
