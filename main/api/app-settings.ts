import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { z } from 'zod';
import type { AppSettings, RecentFile } from '../../shared/api/contract';
import { DISPLAY_UNITS, LANGUAGES } from '../../shared/model/units';
import { writeFileAtomically } from '../io/write-file';

const MAX_RECENT = 12;

const settingsFileSchema = z.object({
  recent: z.array(z.object({ path: z.string(), openedAt: z.string() })).default([]),
  uiLanguage: z.enum(LANGUAGES).optional(),
  displayUnit: z.enum(DISPLAY_UNITS).optional(),
  /** [file path, scenario id]: pairs, not an object keyed by paths from outside. */
  baselines: z.array(z.tuple([z.string(), z.string()])).default([]),
});
type SettingsFile = z.infer<typeof settingsFileSchema>;

/** The app's own settings and recent files, one small JSON file in the data folder. */
export class AppSettingsStore {
  private data: SettingsFile;
  private readonly file: string;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'settings.json');
    this.data = this.read();
  }

  recentFiles(): Omit<RecentFile, 'file'>[] {
    return this.data.recent.map((entry) => ({ path: entry.path, name: basename(entry.path), openedAt: entry.openedAt, exists: existsSync(entry.path) }));
  }

  lastFile(): string | undefined {
    return this.data.recent[0]?.path;
  }

  noteOpened(path: string, now: Date): void {
    const absolute = resolve(path);
    this.data.recent = [{ path: absolute, openedAt: now.toISOString() }, ...this.data.recent.filter((entry) => entry.path !== absolute)].slice(0, MAX_RECENT);
    this.write();
  }

  /** A model file was renamed: its recent entry and baseline follow it. */
  renamed(from: string, to: string): void {
    const [source, target] = [resolve(from), resolve(to)];
    this.data.recent = this.data.recent.filter((entry) => entry.path !== target).map((entry) => (entry.path === source ? { ...entry, path: target } : entry));
    this.data.baselines = this.data.baselines.map(([path, id]) => [path === source ? target : path, id]);
    this.write();
  }

  settings(filePath: string | undefined): AppSettings {
    const baseline = filePath ? this.data.baselines.find(([path]) => path === resolve(filePath))?.[1] : undefined;
    return {
      ...(this.data.uiLanguage ? { uiLanguage: this.data.uiLanguage } : {}),
      ...(this.data.displayUnit ? { displayUnit: this.data.displayUnit } : {}),
      baselineScenarioId: baseline ?? null,
    };
  }

  update(patch: AppSettings, filePath: string | undefined): AppSettings {
    if (patch.uiLanguage) this.data.uiLanguage = patch.uiLanguage;
    if (patch.displayUnit) this.data.displayUnit = patch.displayUnit;
    if (patch.baselineScenarioId !== undefined && filePath) {
      const absolute = resolve(filePath);
      this.data.baselines = this.data.baselines.filter(([path]) => path !== absolute);
      if (patch.baselineScenarioId !== null) this.data.baselines.push([absolute, patch.baselineScenarioId]);
    }
    this.write();
    return this.settings(filePath);
  }

  private read(): SettingsFile {
    try {
      const parsed = settingsFileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // A missing or unreadable settings file starts the app with defaults.
    }
    return { recent: [], baselines: [] };
  }

  private write(): void {
    mkdirSync(this.dataDir, { recursive: true });
    writeFileAtomically(this.file, `${JSON.stringify(this.data, null, 2)}\n`);
  }
}
