import { fork } from 'node:child_process';

/**
 * How the workbook parser's process is started. Plain Node (the CLI, tests, the browser host)
 * forks it with child_process; the desktop app sets a launcher that starts it as an Electron
 * utilityProcess (main/electron/parser-launcher.ts), so the app needs no ELECTRON_RUN_AS_NODE
 * and its RunAsNode fuse can stay off. Either way the parser gets a capped heap, and talks in
 * the same messages (see xlsx-reader.child.mjs).
 */
export interface ParserProcess {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process has ended; `stderr` is its first 16 KB of error output. */
  onExit(listener: (code: number | null, signal: string | null, stderr: string) => void): void;
  onError(listener: (error: Error) => void): void;
  kill(): void;
}

export type ParserLauncher = (script: string, heapMb: number) => ParserProcess;

export const forkParser: ParserLauncher = (script, heapMb) => {
  const child = fork(script, [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // No inherited options (a loader, a bigger heap) reach the parser.
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 16 * 1024) stderr += chunk.toString('utf8');
  });
  return {
    send: (message) => child.send(message as never),
    onMessage: (listener) => child.on('message', listener),
    // 'close' comes after the IPC channel has delivered every message the child sent.
    onExit: (listener) => child.on('close', (code, signal) => listener(code, signal, stderr)),
    onError: (listener) => child.on('error', listener),
    kill: () => child.kill('SIGKILL'),
  };
};

let launcher: ParserLauncher = forkParser;

export function useParserLauncher(next: ParserLauncher): void {
  launcher = next;
}

export function startParser(script: string, heapMb: number): ParserProcess {
  return launcher(script, heapMb);
}
