import { z } from 'zod';

/**
 * How the UI names files: never by a path. A model in the data folder is named by its file name
 * ("客户A.costplan"); any other file (chosen in a native dialog, given by the OS, uploaded) by an
 * opaque handle ("#3f9a...") that the main process gave out and alone can resolve. The main
 * process refuses everything else, so a renderer cannot read or overwrite a file of its choice.
 */
export const MODEL_EXTENSION = '.costplan';

/**
 * The templates a new model can start from, in the order the Models view lists them. Add a
 * template by adding its id here (and its builder in main/api/templates.ts).
 */
export const MODEL_TEMPLATES = ['example', 'spare-parts', 'service-providers', 'service-revenue', 'empty'] as const;
export type ModelTemplate = (typeof MODEL_TEMPLATES)[number];

/** What can be exported from the open model; each kind is a download in the browser and a save dialog on the desktop. */
export const EXPORT_KINDS = ['workbook', 'model', 'deck'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Files the browser edition can upload, by extension. */
export const UPLOAD_EXTENSIONS = ['.costplan', '.xlsx', '.csv'] as const;

export const HANDLE_PREFIX = '#';
const MAX_NAME = 120;
// Characters Windows, macOS or Linux refuse in a file name, and control characters.
const FORBIDDEN_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f]/;
const RESERVED_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** Why a name cannot name a model file; the UI words each kind in its language. */
export type ModelNameIssue =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number; max: number }
  | { kind: 'leading-dot' }
  | { kind: 'separator' }
  | { kind: 'character'; character: string }
  | { kind: 'reserved' }
  | { kind: 'trailing' };

/** The first reason `name` (without ".costplan") cannot be a model's name in the data folder, or undefined. */
export function modelNameIssue(name: string): ModelNameIssue | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.length > MAX_NAME) return { kind: 'too-long', length: trimmed.length, max: MAX_NAME };
  if (trimmed.startsWith('.')) return { kind: 'leading-dot' };
  const bad = FORBIDDEN_CHARACTERS.exec(trimmed);
  if (bad) return bad[0] === '/' || bad[0] === '\\' ? { kind: 'separator' } : { kind: 'character', character: bad[0] };
  if (RESERVED_WINDOWS.test(trimmed)) return { kind: 'reserved' };
  if (/[. ]$/.test(trimmed)) return { kind: 'trailing' };
  return undefined;
}

/** The same in English, for API errors. */
export function modelNameProblem(name: string): string | undefined {
  const issue = modelNameIssue(name);
  const quoted = JSON.stringify(name.trim());
  switch (issue?.kind) {
    case undefined:
      return undefined;
    case 'empty':
      return 'the name is empty';
    case 'too-long':
      return `the name is ${issue.length} characters long (at most ${issue.max})`;
    case 'leading-dot':
      return 'the name cannot start with a dot';
    case 'separator':
      return `the name cannot contain a folder separator (${quoted})`;
    case 'character':
      return `the name cannot contain ${JSON.stringify(issue.character)} (${quoted})`;
    case 'reserved':
      return `${quoted} is a name Windows reserves`;
    case 'trailing':
      return 'the name cannot end with a dot or a space';
  }
}

/** "客户A" -> "客户A.costplan"; a name that already ends in .costplan keeps it. */
export function modelFileName(name: string): string {
  const trimmed = name.trim();
  return trimmed.toLowerCase().endsWith(MODEL_EXTENSION) ? trimmed : `${trimmed}${MODEL_EXTENSION}`;
}

/** Why `file` is neither a file name in the data folder nor a handle, or undefined when it is one of them. */
export function fileReferenceProblem(file: string): string | undefined {
  if (file.startsWith(HANDLE_PREFIX)) return /^#[a-z0-9-]{1,64}$/.test(file) ? undefined : `${JSON.stringify(file)} is not a file handle the app gave out`;
  if (/^([a-zA-Z]:|[/\\~])/.test(file))
    return `${JSON.stringify(file)} is a path: give the name of a file in the data folder (for example 客户A.costplan), not a path`;
  if (file.split(/[/\\]/).includes('..'))
    return `${JSON.stringify(file)} points outside the data folder: give the name of a file in it (for example 客户A.costplan)`;
  if (/[/\\]/.test(file))
    return `${JSON.stringify(file)} names another folder: only files directly in the data folder can be named (for example 客户A.costplan)`;
  const stem = file.slice(0, file.lastIndexOf('.') > 0 ? file.lastIndexOf('.') : file.length);
  return modelNameProblem(stem);
}

/** A file the UI refers to: a file name in the data folder, or a handle from the main process. */
export const fileReference = z
  .string()
  .min(1, { error: 'a file is required' })
  .max(260)
  .superRefine((file, context) => {
    const problem = fileReferenceProblem(file);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** A model's name as typed (without ".costplan"). */
export const modelName = z
  .string()
  .max(200)
  .superRefine((name, context) => {
    const problem = modelNameProblem(name.toLowerCase().endsWith(MODEL_EXTENSION) ? name.trim().slice(0, -MODEL_EXTENSION.length) : name);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** An uploaded file's own name (the browser gives the name without a folder). */
export const uploadName = z
  .string()
  .min(1)
  .max(255)
  .superRefine((name, context) => {
    if (/[/\\]/.test(name) || name === '..' || name.startsWith('.'))
      context.addIssue({ code: 'custom', message: `${JSON.stringify(name)} is not a plain file name` });
    else if (!UPLOAD_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension)))
      context.addIssue({ code: 'custom', message: `${JSON.stringify(name)}: upload a model file (.costplan), an Excel workbook (.xlsx) or a CSV file (.csv)` });
  });
