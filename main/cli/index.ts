import { renderProblem } from '../../shared/messages/render';
import type { Language } from '../../shared/model/units';
import { parseArgs } from 'node:util';
import type { CliText } from '../../shared/i18n/resources/shape';
import { namespaceText } from '../../shared/i18n/vocabulary';
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
  /** Its one-line summary in the help: a key of the cli namespace's summaries. */
  summary: keyof CliText['summaries'];
  run(context: CommandContext): void | Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  example: { usage: exampleUsage, summary: 'example', run: runExample },
  compute: { usage: computeUsage, summary: 'compute', run: runCompute },
  'goal-seek': { usage: goalSeekUsage, summary: 'goalSeek', run: runGoalSeek },
  tornado: { usage: tornadoUsage, summary: 'tornado', run: runTornado },
  'data-table': { usage: dataTableUsage, summary: 'dataTable', run: runDataTable },
  simulate: { usage: simulateUsage, summary: 'simulate', run: runSimulate },
  export: { usage: exportUsage, summary: 'export', run: runExport },
  deck: { usage: deckUsage, summary: 'deck', run: runDeck },
  import: { usage: importUsage, summary: 'import', run: runImport },
  'import-template': { usage: importTemplateUsage, summary: 'importTemplate', run: runImportTemplate },
  dump: { usage: dumpUsage, summary: 'dump', run: runDump },
  load: { usage: loadUsage, summary: 'load', run: runLoad },
  check: { usage: checkUsage, summary: 'check', run: runCheck },
  snapshots: { usage: snapshotsUsage, summary: 'snapshots', run: runSnapshots },
  restore: { usage: restoreUsage, summary: 'restore', run: runRestore },
};

/** The CLI speaks English unless a command is given --lang zh. */
const cli = namespaceText('en', 'cli');

function helpText(): string {
  const lines = Object.values(COMMANDS).map((command) => `  costplan ${command.usage}\n      ${cli(`summaries.${command.summary}`)}`);
  return `${cli('help.title')}\n\n${cli('help.usage')}\n${lines.join('\n')}\n`;
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
    if (!command) throw new UsageError(cli('errors.unknownCommand', { name: JSON.stringify(name), commands: Object.keys(COMMANDS).join(', ') }));
    await command.run({
      parse(options) {
        try {
          const parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
          return { positionals: parsed.positionals, values: parsed.values };
        } catch (error) {
          throw new UsageError(cli('errors.withUsage', { problem: describeArgsError(error), usage: command.usage }));
        }
      },
      out: io.out,
    });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      const language = languageOf(rest);
      io.err(`${cli('errors.error', { message: messageLine(error.problem ? renderProblem(error.problem, { language, unit: 'yuan' }) : error.message) })}\n`);
      return 2;
    }
    io.err(`${cli('errors.internal', { message: messageLine(error instanceof Error ? error.message : String(error)) })}\n`);
    return 1;
  }
}

/** The language of --lang zh|en on the command line (English without it), for messages too. */
function languageOf(args: readonly string[]): Language {
  const at = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = at < 0 ? undefined : args[at]!.includes('=') ? args[at]!.split('=')[1] : args[at + 1];
  return value === 'zh' ? 'zh' : 'en';
}

function describeArgsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'([^']+)'/.exec(message)?.[1];
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return cli('errors.unknownOption', { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && message.includes('ambiguous'))
    return cli('errors.dashValue', { option: option.split(' ')[0] ?? option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return cli('errors.needsValue', { option: option.split(' ')[0] ?? option });
  return message.split('. ')[0] ?? message;
}

/** An error is one line, of a length a terminal shows (a message quotes at most 80 characters of a value anyway). */
const MAX_MESSAGE = 2000;

function messageLine(message: string): string {
  const line = message.replace(/\s*[\r\n]+\s*/gu, '; ');
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}
