import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkRepository, importSpecifiers } from './import-rules';

const root = join(import.meta.dirname, '..', '..');

describe('layering', () => {
  it('holds for every source file in the repository', () => {
    expect(checkRepository(root)).toEqual([]);
  });

  it('keeps DOM and Node types out of shared/ at compile time', () => {
    const config = JSON.parse(readFileSync(join(root, 'shared', 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { lib: string[]; types: string[] };
    };
    expect(config.compilerOptions.types).toEqual([]);
    expect(config.compilerOptions.lib.map((lib) => lib.toLowerCase())).not.toContain('dom');
  });

  it.each([
    ["import { readFileSync } from 'node:fs';", 'node:fs'],
    ["import fs from 'fs';", 'fs'],
    ["import { app } from 'electron';", 'electron'],
    ["import React from 'react';", 'react'],
    ["import Database from 'better-sqlite3';", 'better-sqlite3'],
    ["import ExcelJS from 'exceljs';", 'exceljs'],
    ["const x = await import('node:path');", 'node:path'],
    ["const y = require('os');", 'os'],
    ["export { thing } from '../../main/store';", '../../main/store'],
  ])('rejects %s in shared/', (source, specifier) => {
    const violations = checkFile(root, 'shared/engine/sample.ts', source);
    expect(violations.map((v) => v.specifier)).toEqual([specifier]);
  });

  it('allows zod and relative imports inside shared/', () => {
    expect(checkFile(root, 'shared/engine/sample.ts', "import { z } from 'zod';\nimport { a } from '../model/schema';")).toEqual([]);
  });

  it('rejects main/ and renderer/ importing each other', () => {
    expect(checkFile(root, 'main/cli/x.ts', "import { App } from '../../renderer/src/App';")[0]?.rule).toMatch('main/ may not');
    expect(checkFile(root, 'renderer/src/x.tsx', "import { open } from '../../main/store';")[0]?.rule).toMatch('renderer/ may not');
    expect(checkFile(root, 'renderer/src/x.tsx', "import { computeModel } from '../../shared/engine';")).toEqual([]);
  });

  it('reads type-only, side-effect and multi-line imports and ignores comments', () => {
    const source = [
      "import type { Model } from '../model/schema';",
      "import './side-effect';",
      'import {',
      '  a,',
      "} from 'multi-line';",
      "// import x from 'commented-out';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['../model/schema', './side-effect', 'multi-line']);
  });
});
