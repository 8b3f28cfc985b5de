import { extname, isAbsolute, resolve } from 'node:path';

export const MODEL_EXTENSION = '.costplan';

/**
 * The model file a launch asks for: the last argument naming a `.costplan` file, resolved
 * from the folder the launch came from. The system passes it on a double-click (Windows,
 * Linux) and on `app file.costplan`; flags (`--...`, Chromium's own) are skipped.
 */
export function modelFileArgument(argv: readonly string[], workingDirectory: string): string | undefined {
  for (let index = argv.length - 1; index >= 1; index -= 1) {
    const arg = argv[index];
    if (arg === undefined || arg.startsWith('-')) continue;
    if (extname(arg).toLowerCase() === MODEL_EXTENSION) return isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
  }
  return undefined;
}

/** Adds `extension` when a save dialog returned a name without it (Linux dialogs do). */
export function withExtension(path: string, extension: string): string {
  return extname(path).toLowerCase() === extension.toLowerCase() ? path : `${path}${extension}`;
}
