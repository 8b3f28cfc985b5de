import { problem, type Problem } from '../../shared/messages/problems';
import { LANGUAGES, type Language } from '../../shared/model/units';
import { parseArgs } from 'node:util';
import type { CliText } from '../../shared/i18n/resources/shape';
import type { NamespaceText } from '../../shared/i18n/vocabulary';
import { escapeText } from '../../shared/model/text';
import { renderProblem } from '../../shared/messages/render';
import { UsageError } from './errors';
import type { CommandContext } from './types';

interface LoadedCommand {
  usage: string;
  run(context: CommandContext): void | Promise<void>;
}

interface Command {
  /** Its one-line summary in the help: a key of the cli namespace's summaries. */
  summary: keyof CliText['summaries'];
  /**
   * The command's module, imported when the command runs: `compute` never loads the workbook
   * or deck code (pptxgenjs, ExcelJS and the importers), which is most of the start-up time of
   * the compiled CLI (each module is a chunk of out/cli beside costplan.mjs).
   */
  load(): Promise<LoadedCommand>;
}

const analysis = () => import('./commands/analysis');
const files = () => import('./commands/files');
const excel = () => import('./commands/excel');

const COMMANDS: Record<string, Command> = {
  example: {
    summary: 'example',
    load: () => import('./commands/example').then((m) => ({ usage: m.exampleUsage, run: m.runExample })),
  },
  compute: {
    summary: 'compute',
    load: () => import('./commands/compute').then((m) => ({ usage: m.computeUsage, run: m.runCompute })),
  },
  'goal-seek': {
    summary: 'goalSeek',
    load: () => analysis().then((m) => ({ usage: m.goalSeekUsage, run: m.runGoalSeek })),
  },
  tornado: {
    summary: 'tornado',
    load: () => analysis().then((m) => ({ usage: m.tornadoUsage, run: m.runTornado })),
  },
  'data-table': {
    summary: 'dataTable',
    load: () => analysis().then((m) => ({ usage: m.dataTableUsage, run: m.runDataTable })),
  },
  simulate: {
    summary: 'simulate',
    load: () => analysis().then((m) => ({ usage: m.simulateUsage, run: m.runSimulate })),
  },
  export: {
    summary: 'export',
    load: () => excel().then((m) => ({ usage: m.exportUsage, run: m.runExport })),
  },
  deck: {
    summary: 'deck',
    load: () => import('./commands/deck').then((m) => ({ usage: m.deckUsage, run: m.runDeck })),
  },
  import: {
    summary: 'import',
    load: () => excel().then((m) => ({ usage: m.importUsage, run: m.runImport })),
  },
  'import-template': {
    summary: 'importTemplate',
    load: () => excel().then((m) => ({ usage: m.importTemplateUsage, run: m.runImportTemplate })),
  },
  dump: { summary: 'dump', load: () => files().then((m) => ({ usage: m.dumpUsage, run: m.runDump })) },
  load: { summary: 'load', load: () => files().then((m) => ({ usage: m.loadUsage, run: m.runLoad })) },
  check: { summary: 'check', load: () => files().then((m) => ({ usage: m.checkUsage, run: m.runCheck })) },
  snapshots: {
    summary: 'snapshots',
    load: () => files().then((m) => ({ usage: m.snapshotsUsage, run: m.runSnapshots })),
  },
  restore: {
    summary: 'restore',
    load: () => files().then((m) => ({ usage: m.restoreUsage, run: m.runRestore })),
  },
};

/**
 * The help's and the internal error's words (the cli namespace, in English: the CLI speaks
 * English unless a command is given --lang zh). The vocabulary (i18next) is loaded only when
 * they are needed, so start-up stays small.
 */
async function cliText(): Promise<NamespaceText<'cli'>> {
  return (await import('../../shared/i18n/vocabulary')).namespaceText('en', 'cli');
}

async function helpText(): Promise<string> {
  const cli = await cliText();
  const lines = await Promise.all(
    Object.values(COMMANDS).map(async (command) => `  costplan ${(await command.load()).usage}\n      ${cli(`summaries.${command.summary}`)}`),
  );
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
    io.out(await helpText());
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!entry) {
      throw new UsageError(problem('unknown-command', { name, commands: Object.keys(COMMANDS) }));
    }
    const command = await entry.load();
    await command.run({
      parse(options) {
        let parsed;
        try {
          // Every command takes --lang: the language of its messages (and of its output where it has words).
          parsed = parseArgs({ args: [...rest], options: { lang: { type: 'string' }, ...options }, allowPositionals: true, strict: true });
        } catch (error) {
          throw new UsageError(argsProblem(error, command.usage));
        }
        const lang = parsed.values['lang'];
        if (lang !== undefined && !(LANGUAGES as readonly unknown[]).includes(lang))
          throw new UsageError(problem('option-choice', { option: '--lang', value: lang, choices: [...LANGUAGES] }));
        return { positionals: parsed.positionals, values: parsed.values };
      },
      out: io.out,
    });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${messageLine(renderProblem(error.problem, { language: languageOf(rest), unit: 'yuan' }))}\n`);
      return 2;
    }
    io.err(`${(await cliText())('errors.internal', { message: messageLine(error instanceof Error ? error.message : String(error)) })}\n`);
    return 1;
  }
}

/** The language of --lang zh|en on the command line (English without it), for messages too. */
function languageOf(args: readonly string[]): Language {
  const at = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = at < 0 ? undefined : args[at]!.includes('=') ? args[at]!.split('=')[1] : args[at + 1];
  return value === 'zh' ? 'zh' : 'en';
}

/** node:util parseArgs's refusal as a problem: its own English words are not shown, only the option they name. */
function argsProblem(error: unknown, usage: string): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  const option = quoted?.split(' ')[0];
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return problem('unknown-option', { option: quoted, usage });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (message.includes('ambiguous')) return problem('option-value-dash', { option, usage });
    if (message.includes('does not take an argument')) return problem('option-takes-no-value', { option, usage });
    return problem('option-needs-value', { option, usage });
  }
  return problem('arguments-unreadable', { usage });
}

/** An error is one line, of a length a terminal shows (a message quotes at most 80 characters of a value anyway). */
const MAX_MESSAGE = 2000;

function messageLine(message: string): string {
  const line = message.replace(/\s*[\r\n]+\s*/gu, '; ');
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}
