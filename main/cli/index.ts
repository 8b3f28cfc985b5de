import { problem, type Problem } from '../../shared/messages/problems';
import { renderProblem } from '../../shared/messages/render';
import type { Language } from '../../shared/model/units';
import { parseArgs } from 'node:util';
import { escapeText } from '../../shared/model/text';
import { dataTableUsage, goalSeekUsage, runDataTable, runGoalSeek, runSimulate, runTornado, simulateUsage, tornadoUsage } from './commands/analysis';
import { computeUsage, runCompute } from './commands/compute';
import { deckUsage, runDeck } from './commands/deck';
import { exampleUsage, runExample } from './commands/example';
import { exportUsage, importTemplateUsage, importUsage, runExport, runImport, runImportTemplate } from './commands/excel';
import { checkUsage, dumpUsage, loadUsage, restoreUsage, runCheck, runDump, runLoad, runRestore, runSnapshots, snapshotsUsage } from './commands/files';
import { UsageError } from './errors';
import type { CommandContext } from './types';

interface Command {
  usage: string;
  summary: string;
  run(context: CommandContext): void | Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  example: { usage: exampleUsage, summary: 'write the built-in example, or a template with --template', run: runExample },
  compute: { usage: computeUsage, summary: 'print savings, investment, return, NPV and payback', run: runCompute },
  'goal-seek': { usage: goalSeekUsage, summary: 'find the value of one input that makes an output reach a target', run: runGoalSeek },
  tornado: { usage: tornadoUsage, summary: 'move each input to its low and high and rank them by the swing of an output', run: runTornado },
  'data-table': { usage: dataTableUsage, summary: 'an output over a grid of values of one or two inputs', run: runDataTable },
  simulate: { usage: simulateUsage, summary: 'Monte Carlo over the uncertainty ranges: percentiles, chances, sensitivity', run: runSimulate },
  export: { usage: exportUsage, summary: 'write an Excel workbook that recalculates, or the results as CSV', run: runExport },
  deck: { usage: deckUsage, summary: 'write the client ROI deck: an editable PowerPoint with native charts and speaker notes', run: runDeck },
  import: { usage: importUsage, summary: 'make a model file from a cost structure (.xlsx, .csv) or an exported workbook', run: runImport },
  'import-template': { usage: importTemplateUsage, summary: 'write the cost-structure import layout to fill in', run: runImportTemplate },
  dump: { usage: dumpUsage, summary: 'write a model as JSON', run: runDump },
  load: { usage: loadUsage, summary: 'make a model file from JSON', run: runLoad },
  check: { usage: checkUsage, summary: 'check a model file: integrity, file format, counts', run: runCheck },
  snapshots: { usage: snapshotsUsage, summary: 'list the automatic snapshots of a model file', run: runSnapshots },
  restore: { usage: restoreUsage, summary: 'restore a snapshot into a model file (undoable)', run: runRestore },
};

function helpText(): string {
  const lines = Object.values(COMMANDS).map((command) => `  costplan ${command.usage}\n      ${command.summary}`);
  return `Service Cost Planner command line\n\nUsage:\n${lines.join('\n')}\n`;
}

/** Runs one command line; returns the exit code (0 done, 2 bad input, 1 internal error). */
export async function runCli(argv: readonly string[], terminal: { out: (text: string) => void; err: (text: string) => void }): Promise<number> {
  // Whatever a file or an argument holds, the terminal gets no control sequence (ESC, BEL,
  // a direction override): they are written as \u escapes. Line breaks and tabs stay.
  const io = {
    out: (text: string) => terminal.out(escapeText(text, { lineBreaks: true })),
    err: (text: string) => terminal.err(escapeText(text, { lineBreaks: true })),
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command) {
      const commands = Object.keys(COMMANDS).join(', ');
      throw new UsageError(`unknown command ${JSON.stringify(name)} (commands: ${commands})`, problem('unknown-command', { name, commands }));
    }
    await command.run({
      parse(options) {
        try {
          const parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
          return { positionals: parsed.positionals, values: parsed.values };
        } catch (error) {
          const described = describeArgsError(error, command.usage);
          throw new UsageError(`${described.message} (usage: costplan ${command.usage})`, described.problem);
        }
      },
      out: io.out,
    });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      const language = languageOf(rest);
      io.err(`error: ${messageLine(error.problem ? renderProblem(error.problem, { language, unit: 'yuan' }) : error.message)}\n`);
      return 2;
    }
    io.err(`internal error: ${messageLine(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
}

/** The language of --lang zh|en on the command line (English without it), for messages too. */
function languageOf(args: readonly string[]): Language {
  const at = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = at < 0 ? undefined : args[at]!.includes('=') ? args[at]!.split('=')[1] : args[at + 1];
  return value === 'zh' ? 'zh' : 'en';
}

function describeArgsError(error: unknown, usage: string): { message: string; problem?: Problem } {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'([^']+)'/.exec(message)?.[1];
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return { message: `unknown option ${option}`, problem: problem('unknown-option', { option, usage }) };
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && message.includes('ambiguous'))
    return { message: `option ${option.split(' ')[0]}: attach a value that starts with a dash, as in ${option.split(' ')[0]}=-0.02` };
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    const name = option.split(' ')[0] ?? option;
    return { message: `option ${name} needs a value`, problem: problem('option-needs-value', { option: name, usage }) };
  }
  return { message: message.split('. ')[0] ?? message };
}

/** An error is one line, of a length a terminal shows (a message quotes at most 80 characters of a value anyway). */
const MAX_MESSAGE = 2000;

function messageLine(message: string): string {
  const line = message.replace(/\s*[\r\n]+\s*/gu, '; ');
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}
