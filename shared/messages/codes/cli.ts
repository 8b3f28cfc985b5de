import type { Problem } from '../problems';

/** Why a file could not be read or written, from the operating system's error code; `other` carries that code as a detail. */
export type FileFailure = 'missing' | 'missing-folder' | 'permission' | 'folder' | 'disk-full' | 'read-only' | 'in-use' | 'other';

/** What a file given on the command line should have been (its name's ending says). */
export type ExpectedFile = 'model' | 'model-out' | 'import-out' | 'dump-out' | 'check-in' | 'deck-out' | 'table-out' | 'logo';

/**
 * The command line (main/cli). Amounts are in yuan; ratios as fractions (0.15 for 15%).
 * `usage` is a command's usage line as the help prints it (costplan compute FILE ...), `option`
 * an option as typed (--swing), sometimes with its placeholder (--out FILE).
 */
export interface CliProblemParams {
  'unknown-command': { name: string; commands: string[] };
  'unknown-option': { option: string; usage: string };
  'option-needs-value': { option: string; usage: string };
  /** A switch (--json, --force) given a value (--json=1). */
  'option-takes-no-value': { option: string; usage: string };
  /** A value starting with a dash given after a space (--target -5): it reads as an option. */
  'option-value-dash': { option: string; usage: string };
  /** Arguments the parser refused for another reason. */
  'arguments-unreadable': { usage: string };
  'option-required': { option: string; usage: string };
  /** Not exactly one FILE. */
  'file-argument-count': { usage: string };
  'unexpected-argument': { argument: string; usage: string };
  /** An option whose value must be one of a list (--lang, --unit, --template, --output). */
  'option-choice': { option: string; value: string; choices: string[] };
  /** A number option (or a value of `input` in --input INPUT=... / --range INPUT=...) that is not a number. */
  'option-not-a-number': { option: string; input?: string; value: string };
  /** --input INPUT=v1,v2,... (`table`) or --range INPUT=low,likely,high[,pert|triangular] (`range`) not written so. */
  'option-spec-form': { option: string; spec: string; form: 'table' | 'range' };
  'data-table-inputs': { usage: string };
  'simulate-no-ranges': { file: string; scenario: string };
  'file-kind': { path: string; expected: ExpectedFile; usage?: string };
  'output-exists': { path: string };
  'cannot-read': { reason: FileFailure; detail?: string };
  'cannot-write': { path: string; reason: FileFailure; detail?: string };
  'logo-unreadable': { path: string; reason: FileFailure; detail?: string };
  /** A logo file larger than `max` bytes. */
  'logo-too-large': { path: string; max: number };
  'accent-invalid': { value: string };
  'slide-unknown': { name: string; slides: string[] };
  'slides-empty': { slides: string[] };
  /** A deck of a model without a scenario. */
  'deck-needs-scenario': Record<string, never>;
  /** A .json model that is not JSON: where the parser stopped, or its own words as a detail. */
  'json-invalid': { line?: number; column?: number; detail?: string };
  /** A model that breaks a rule of the model, at `where` (a place in the JSON); `more` other problems not shown. */
  'model-rule': { where: string; problem: Problem; more: number };
  /** A rule of the model that has no code of its own yet: its English words as a detail. */
  'rule-detail': { detail: string };
  /** A problem of a file named on the command line. */
  'in-file': { file: string; problem: Problem };
  /** An option (or a place in the model) of a command that the analysis refused; `input`: the address given to it (--input ADDRESS). */
  'option-invalid': { file: string; option: string; input?: string; problem: Problem };
}

export const CLI_CODES = [
  'unknown-command',
  'unknown-option',
  'option-needs-value',
  'option-takes-no-value',
  'option-value-dash',
  'arguments-unreadable',
  'option-required',
  'file-argument-count',
  'unexpected-argument',
  'option-choice',
  'option-not-a-number',
  'option-spec-form',
  'data-table-inputs',
  'simulate-no-ranges',
  'file-kind',
  'output-exists',
  'cannot-read',
  'cannot-write',
  'logo-unreadable',
  'logo-too-large',
  'accent-invalid',
  'slide-unknown',
  'slides-empty',
  'deck-needs-scenario',
  'json-invalid',
  'model-rule',
  'rule-detail',
  'in-file',
  'option-invalid',
] as const satisfies readonly (keyof CliProblemParams)[];
