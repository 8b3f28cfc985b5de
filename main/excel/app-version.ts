import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The app's version for the workbook cover: package.json two folders up, which is the package
 * root both from main/excel/ (CLI, tests) and from out/main/ (the built app).
 */
let cached: string | undefined;

export function appVersion(): string {
  if (cached !== undefined) return cached;
  try {
    const path = fileURLToPath(new URL('../../package.json', import.meta.url));
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown };
    cached = typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    cached = 'unknown';
  }
  return cached;
}
