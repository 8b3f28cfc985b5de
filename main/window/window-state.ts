import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../io/write-file';

/** Size, position and maximised state of the main window, kept between runs. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const windowStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
});

export function windowStateFile(dataDir: string): string {
  return join(dataDir, WINDOW_STATE_FILE);
}

/** The saved state, or undefined when there is none or it is unreadable (the defaults apply). */
export function readWindowState(file: string): WindowState | undefined {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Written under a temporary name and renamed: a crash leaves the old state or the new one. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomically(file, `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * Fits a saved state to the screens there are now: the size is at least the minimum and at
 * most the largest work area; the position is kept only when the window's top strip (where it
 * is dragged from) lies on a screen, so a window last seen on an unplugged monitor reappears.
 */
export function fitToDisplays(state: WindowState | undefined, workAreas: readonly Rectangle[]): WindowState {
  const saved = state ?? { ...DEFAULT_WINDOW_SIZE, maximized: false };
  const maxWidth = Math.max(MIN_WINDOW_SIZE.width, ...workAreas.map((area) => area.width));
  const maxHeight = Math.max(MIN_WINDOW_SIZE.height, ...workAreas.map((area) => area.height));
  const width = clamp(saved.width, MIN_WINDOW_SIZE.width, maxWidth);
  const height = clamp(saved.height, MIN_WINDOW_SIZE.height, maxHeight);
  const fitted: WindowState = { width, height, maximized: saved.maximized };
  if (saved.x !== undefined && saved.y !== undefined) {
    const titleBar: Rectangle = { x: saved.x, y: saved.y, width, height: 40 };
    if (workAreas.some((area) => overlap(titleBar, area) >= 40 * 40)) {
      fitted.x = saved.x;
      fitted.y = saved.y;
    }
  }
  return fitted;
}

/** The state to save, from the window's normal (not maximised) bounds. */
export function stateFromWindow(bounds: Rectangle, maximized: boolean): WindowState {
  return { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height), maximized };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}
