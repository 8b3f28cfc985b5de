import type { ParserLauncher, ParserProcess } from '../excel/parser-process';

/**
 * The workbook parser as an Electron utilityProcess: a Node child started through Chromium's
 * service launcher, not by running the app binary as Node. So the app needs no
 * ELECTRON_RUN_AS_NODE, and the RunAsNode fuse stays off (electron-builder.yml). The heap cap
 * and the messages are those of the forked child (main/excel/parser-process.ts).
 */
interface UtilityChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'error', listener: (...args: unknown[]) => void): unknown;
  kill(): boolean;
  stderr: { on(event: 'data', listener: (chunk: Buffer | string) => void): unknown } | null;
}

export type UtilityFork = (
  modulePath: string,
  args: string[],
  options: { execArgv: string[]; stdio: 'pipe'; serviceName: string; env: Record<string, string | undefined> },
) => UtilityChild;

export function utilityParserLauncher(fork: UtilityFork): ParserLauncher {
  return (script, heapMb): ParserProcess => {
    const child = fork(script, [], {
      execArgv: [`--max-old-space-size=${heapMb}`],
      stdio: 'pipe',
      serviceName: 'Service Cost Planner workbook reader',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      if (stderr.length < 16 * 1024) stderr += chunk.toString();
    });
    let exited = false;
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) =>
        child.on('exit', (code) => {
          exited = true;
          listener(code, null, stderr);
        }),
      onError: (listener) => child.on('error', (...args: unknown[]) => listener(new Error(`the workbook reader failed (${args.map(String).join(', ')})`))),
      kill: () => {
        if (!exited) child.kill();
      },
    };
  };
}
