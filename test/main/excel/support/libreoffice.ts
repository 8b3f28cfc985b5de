import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * LibreOffice headless as an independent spreadsheet engine. It keeps a workbook's cached
 * results unless told otherwise, so it runs with a fresh profile whose settings force a full
 * recalculation of every .xlsx (and .ods) on load (OOXMLRecalcMode = 0, "always").
 */
export function findSoffice(): string | undefined {
  for (const candidate of ['soffice', 'libreoffice']) {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (probe.status === 0 && /LibreOffice/u.test(probe.stdout)) return candidate;
  }
  return undefined;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function freshProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), 'costplan-lo-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  return profile;
}

/** Converts all files in one soffice run (each run costs seconds); outputs land in `outDir` under the same base names. */
export function convert(soffice: string, profile: string, files: readonly string[], outDir: string, to: string, infilter?: string): void {
  mkdirSync(outDir, { recursive: true });
  const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck'];
  if (infilter) args.push(`--infilter=${infilter}`);
  args.push('--convert-to', to, '--outdir', outDir, ...files);
  const run = spawnSync(soffice, args, { encoding: 'utf8', timeout: 900_000 });
  if (run.status !== 0) throw new Error(`soffice failed (${run.status ?? run.signal}): ${run.stderr}`);
}
