import { readFileSync } from 'node:fs';
import type { Model } from '../../shared/model/schema';
import { formatIssue, validateModel } from '../../shared/model/validate';
import { err, ok, type Result } from '../../shared/result';

/** Reads and validates a model in the JSON interchange format; the message names the place. */
export function readModelJson(path: string): Result<Model, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return err(describeFsError(error));
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const validated = validateModel(parsed.value);
  if (!validated.ok) {
    const [first, ...rest] = validated.error;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
    return err(`${formatIssue(first!)}${more}`);
  }
  return ok(validated.value);
}

export function parseJson(text: string): Result<unknown, string> {
  try {
    return ok(JSON.parse(text.replace(/^\uFEFF/, '')) as unknown);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      return err(`not valid JSON at line ${line}, column ${column}`);
    }
    return err(`not valid JSON (${message.split('\n')[0]})`);
  }
}

export function modelToJson(model: Model): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}


export function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
