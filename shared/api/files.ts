import { z } from 'zod';
import type { FileReferenceReason, ModelNameIssue } from '../messages/codes/api';
import { problem, type Problem } from '../messages/problems';
import { renderProblem } from '../messages/render';

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
export type { ModelNameIssue } from '../messages/codes/api';

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

/** Why `name` cannot be a model's name, as a problem (worded by each client), or undefined. */
export function modelNameProblem(name: string): Problem | undefined {
  const issue = modelNameIssue(name);
  return issue ? problem('model-name-invalid', { name: name.trim(), issue }) : undefined;
}

/** "客户A" -> "客户A.costplan"; a name that already ends in .costplan keeps it. */
export function modelFileName(name: string): string {
  const trimmed = name.trim();
  return trimmed.toLowerCase().endsWith(MODEL_EXTENSION) ? trimmed : `${trimmed}${MODEL_EXTENSION}`;
}

/** Why `file` is neither a file name in the data folder nor a handle, or undefined when it is one of them. */
export function fileReferenceProblem(file: string): Problem | undefined {
  const refused = (reason: FileReferenceReason): Problem => problem('file-reference-invalid', { file, reason });
  if (file.startsWith(HANDLE_PREFIX)) return /^#[a-z0-9-]{1,64}$/.test(file) ? undefined : refused('handle-malformed');
  if (/^([a-zA-Z]:|[/\\~])/.test(file)) return refused('path');
  if (file.split(/[/\\]/).includes('..')) return refused('parent-folder');
  if (/[/\\]/.test(file)) return refused('other-folder');
  const stem = file.slice(0, file.lastIndexOf('.') > 0 ? file.lastIndexOf('.') : file.length);
  return modelNameProblem(stem);
}

/**
 * A contract field's refusal: the problem rides in the issue's params (the API hands it on as
 * the error's problem), the English text is for logs and zod's own report.
 */
export function refuse(context: z.RefinementCtx, refused: Problem): void {
  context.addIssue({ code: 'custom', message: renderProblem(refused, { language: 'en', unit: 'yuan' }), params: { problem: refused } });
}

/** A file the UI refers to: a file name in the data folder, or a handle from the main process. */
export const fileReference = z
  .string()
  .min(1, { error: 'a file is required' })
  .max(260)
  .superRefine((file, context) => {
    const refused = fileReferenceProblem(file);
    if (refused) refuse(context, refused);
  });

/** A model's name as typed (without ".costplan"). */
export const modelName = z
  .string()
  .max(200)
  .superRefine((name, context) => {
    const refused = modelNameProblem(name.toLowerCase().endsWith(MODEL_EXTENSION) ? name.trim().slice(0, -MODEL_EXTENSION.length) : name);
    if (refused) refuse(context, refused);
  });

/** An uploaded file's own name (the browser gives the name without a folder). */
export const uploadName = z
  .string()
  .min(1)
  .max(255)
  .superRefine((name, context) => {
    if (/[/\\]/.test(name) || name === '..' || name.startsWith('.')) refuse(context, problem('upload-name-invalid', { name, reason: 'not-plain' }));
    else if (!UPLOAD_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension)))
      refuse(context, problem('upload-name-invalid', { name, reason: 'extension' }));
  });
