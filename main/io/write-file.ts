import { openSync, closeSync, fsyncSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes beside the target, flushes it to disk and renames it over the target: the file
 * appears complete or not at all, and a crash never leaves half a file. The one way this app
 * writes a file it is not holding open (workbooks, JSON models, settings, window state).
 */
export function writeFileAtomically(path: string, content: string | Buffer): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    const fd = openSync(temporary, 'w');
    try {
      for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
