import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The layering rules of the repository: `shared/` is pure (runs in Node, the browser and a
 * worker alike) and `main/` and `renderer/` never import each other.
 */
export interface ImportViolation {
  file: string;
  specifier: string;
  rule: string;
}

/** Bare packages `shared/` may use: none touches Node, the DOM, Electron, React, SQLite or Excel. */
export const SHARED_PACKAGES = new Set(['zod']);

const IMPORT_PATTERN = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(=])import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importSpecifiers(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const match of withoutComments.matchAll(IMPORT_PATTERN)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (specifier) found.push(specifier);
  }
  return found;
}

type Layer = 'shared' | 'main' | 'renderer' | 'other';

function layerOf(root: string, absolutePath: string): Layer {
  const top = relative(root, absolutePath).split(sep)[0];
  return top === 'shared' || top === 'main' || top === 'renderer' ? top : 'other';
}

/** Checks one file's source; `file` is its path inside the repository root. */
export function checkFile(root: string, file: string, source: string): ImportViolation[] {
  const absolute = resolve(root, file);
  const from = layerOf(root, absolute);
  const violations: ImportViolation[] = [];
  for (const specifier of importSpecifiers(source)) {
    if (specifier.startsWith('.')) {
      const to = layerOf(root, resolve(dirname(absolute), specifier));
      if (from === 'shared' && to !== 'shared')
        violations.push({ file, specifier, rule: 'shared/ may only import from shared/' });
      if (from === 'main' && to === 'renderer') violations.push({ file, specifier, rule: 'main/ may not import renderer/' });
      if (from === 'renderer' && to === 'main') violations.push({ file, specifier, rule: 'renderer/ may not import main/' });
      continue;
    }
    if (from === 'shared') {
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);
      if (!SHARED_PACKAGES.has(name))
        violations.push({ file, specifier, rule: `shared/ is pure: it may import only ${[...SHARED_PACKAGES].join(', ')}` });
    }
  }
  return violations;
}

export function sourceFiles(root: string, folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules') continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry)) files.push(relative(root, path));
    }
  };
  walk(join(root, folder));
  return files;
}

export function checkRepository(root: string): ImportViolation[] {
  return ['shared', 'main', 'renderer'].flatMap((folder) =>
    sourceFiles(root, folder).flatMap((file) => checkFile(root, file, readFileSync(join(root, file), 'utf8'))),
  );
}
