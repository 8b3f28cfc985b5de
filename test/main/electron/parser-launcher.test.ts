import { fork } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { utilityParserLauncher, type UtilityFork } from '../../../main/electron/parser-launcher';
import { exportWorkbook } from '../../../main/excel/export-workbook';
import { forkParser, useParserLauncher } from '../../../main/excel/parser-process';
import { readWorkbookCells } from '../../../main/excel/read-workbook';
import { createExampleModel } from '../../../shared/model';
import { amplificationWorkbook } from '../../fixtures/hostile/import-files';

/**
 * The desktop app parses workbooks in an Electron utilityProcess (the RunAsNode fuse is off).
 * Electron cannot run here, so a fake utilityProcess.fork runs the real parser script in a
 * Node child that talks as a utility process does (process.parentPort, { data } events).
 */
const SHIM = join(import.meta.dirname, 'support', 'utility-shim.mjs');
const forks: { modulePath: string; execArgv: string[]; env: Record<string, string | undefined> }[] = [];

const fakeUtilityFork: UtilityFork = (modulePath, _args, options) => {
  forks.push({ modulePath, execArgv: options.execArgv, env: options.env });
  const child = fork(SHIM, [modulePath], {
    execArgv: options.execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { ...options.env },
  });
  return {
    postMessage: (message) => child.send(message as never),
    on: ((event: string, listener: (...args: unknown[]) => void) =>
      event === 'exit' ? child.on('close', (code) => listener(code ?? -1)) : child.on(event, listener)) as never,
    kill: () => child.kill('SIGKILL'),
    stderr: child.stderr,
  };
};

afterEach(() => useParserLauncher(forkParser));

describe('the workbook parser as a utility process', () => {
  it('reads a workbook, with a capped heap and no ELECTRON_RUN_AS_NODE', async () => {
    useParserLauncher(utilityParserLauncher(fakeUtilityFork));
    const grid = await readWorkbookCells((await exportWorkbook(createExampleModel('en'))).data);
    expect(grid.sheets.length).toBeGreaterThan(3);
    expect(forks.at(-1)!.modulePath).toMatch(/xlsx-reader\.child\.mjs$/u);
    expect(forks.at(-1)!.execArgv).toEqual(['--max-old-space-size=512']);
    expect(forks.at(-1)!.env['ELECTRON_RUN_AS_NODE']).toBeUndefined();
  });

  it('reads a workbook of one long shared string in thousands of cells', async () => {
    useParserLauncher(utilityParserLauncher(fakeUtilityFork));
    // Past the zip guard (each text is within a cell's limit), the parser's answer holds the text once.
    const grid = await readWorkbookCells(amplificationWorkbook(30_000, 5000));
    expect(grid.sheets[0]!.cellCount).toBe(5002);
  });
});
