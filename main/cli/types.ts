import type { ParseArgsConfig } from 'node:util';

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

export interface CommandContext {
  /** Parses the command's own arguments; unknown options are a usage error. */
  parse(options: NonNullable<ParseArgsConfig['options']>): ParsedArgs;
  out: (text: string) => void;
}
