import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../../main/excel/import-file';

/**
 * Run as its own process (node --import tsx import-all.ts DIR): imports every file of DIR and
 * prints, as JSON, each file's outcome and the process's peak resident memory, so a test can
 * tell that no hostile file made this process allocate without bound.
 */
const dir = process.argv[2]!;
const results: { name: string; message: string }[] = [];
const before = process.memoryUsage().rss;
for (const name of readdirSync(dir).sort()) {
  try {
    await importFile(join(dir, name));
    results.push({ name, message: 'IMPORTED' });
  } catch (error) {
    results.push({ name, message: error instanceof Error ? error.message : String(error) });
  }
}
process.stdout.write(`${JSON.stringify({ results, rssBeforeMb: before / 1024 / 1024, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
