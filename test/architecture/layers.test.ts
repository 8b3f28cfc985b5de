import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layersPlugin } from '../../eslint-rules/layers.js';

const root = join(import.meta.dirname, '..', '..');

/** ESLint with only the layering rule (no type information: the sample files do not exist). */
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser },
      plugins: { layers: layersPlugin },
      rules: { 'layers/imports': 'error' },
    },
  ],
});

async function problems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('the layering rule (layers/imports) fires on each kind of violation', () => {
  it.each([
    ['renderer/src/screens/x.tsx', "import { readFileSync } from 'node:fs';", /no Node built-in/],
    ['renderer/src/screens/x.tsx', "import fs from 'fs';", /no Node built-in/],
    ['renderer/src/screens/x.tsx', "import { ipcRenderer } from 'electron';", /main-side packages/],
    ['renderer/src/screens/x.tsx', "import Database from 'better-sqlite3';", /main-side packages/],
    ['renderer/src/screens/x.tsx', "import ExcelJS from 'exceljs';", /main-side packages/],
    ['renderer/src/screens/x.tsx', "const deck = await import('pptxgenjs');", /main-side packages/],
    ['renderer/src/screens/x.tsx', "import { ModelDocument } from '../../../main/store/document';", /renderer\/ never imports main\//],
    ['main/preload/x.ts', "import { readFileSync } from 'node:fs';", /preload may import only 'electron'/],
    ['main/preload/x.ts', "import { ModelDocument } from '../store/document';", /preload may import only main\/electron\/channels/],
    ['main/store/x.ts', "import { app } from 'electron';", /main\/store runs without Electron/],
    ['main/excel/x.ts', "import { dialog } from 'electron';", /main\/excel runs without Electron/],
    ['main/excel/x.ts', "import { ApiFailure } from '../api/handlers';", /main\/excel is below main\/api/],
    ['main/store/x.ts', "export { runCli } from '../cli';", /main\/store is below main\/cli/],
    ['main/api/x.ts', "import { startDesktop } from '../electron/desktop';", /main\/api is below main\/electron/],
    ['main/cli/x.ts', "import { App } from '../../renderer/src/App';", /main\/ never imports renderer\//],
    ['shared/engine/x.ts', "import { readFileSync } from 'node:fs';", /shared\/ is pure/],
    ['shared/engine/x.ts', "import React from 'react';", /shared\/ is pure/],
    ['shared/engine/x.ts', "const os = require('os');", /shared\/ is pure/],
    ['shared/engine/x.ts', "import { openDatabase } from '../../main/store/sqlite';", /shared\/ may import only from shared\//],
    ['shared/model/x.ts', "import { tornado } from '../analysis/tornado';", /shared\/model is below shared\/analysis/],
    ['shared/model/x.ts', "import type { PreparedTree } from '../engine/tree';", /shared\/model is below shared\/engine/],
    ['shared/engine/x.ts', "import { applyEdit } from '../edits/apply';", /shared\/engine is below shared\/edits/],
    ['shared/result.ts', "import type { Model } from './model/schema';", /shared\/result.ts is below shared\/model/],
  ])('%s: %s', async (file, source, message) => {
    const found = await problems(file, source);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^layers\/imports: /);
    expect(found[0]).toMatch(message);
  });

  it.each([
    ['renderer/src/screens/x.tsx', "import { computeModel } from '../../../shared/engine';\nimport { useState } from 'react';"],
    [
      'main/preload/x.ts',
      "import { contextBridge } from 'electron';\nimport { apiChannel } from '../electron/channels';\nimport type { ApiMethod } from '../../shared/api/methods';",
    ],
    ['main/store/x.ts', "import Database from 'better-sqlite3';\nimport { writeFileSync } from 'node:fs';\nimport { readJson } from '../io/model-json';"],
    ['main/api/x.ts', "import { ModelDocument } from '../store/document';\nimport type { WorkbookService } from '../excel/service';"],
    ['main/electron/x.ts', "import { app } from 'electron';\nimport { ApiService } from '../api/handlers';"],
    ['shared/analysis/x.ts', "import { z } from 'zod';\nimport { computeModel } from '../engine';\nimport { resolveInput } from '../model/inputs';"],
    ['shared/model/x.ts', "import { ok } from '../result';\nimport { LIMITS } from './schema';"],
  ])('allows the imports of a well-layered %s', async (file, source) => {
    expect(await problems(file, source)).toEqual([]);
  });
});

describe('the project configuration', () => {
  const project = new ESLint({ cwd: root });

  it.each(['shared/model/validate.ts', 'main/excel/service.ts', 'main/preload/index.ts', 'renderer/src/App.tsx'])(
    'turns the layering rule on for %s',
    async (file) => {
      const config = (await project.calculateConfigForFile(join(root, file))) as { rules?: Record<string, unknown> };
      expect(config.rules?.['layers/imports']).toEqual([2]);
    },
  );

  it('turns on the React hook rules for the renderer, dependencies as errors', async () => {
    const config = (await project.calculateConfigForFile(join(root, 'renderer/src/App.tsx'))) as { rules?: Record<string, unknown> };
    expect(config.rules?.['react-hooks/rules-of-hooks']).toEqual([2]);
    expect(config.rules?.['react-hooks/exhaustive-deps']).toEqual([2]);
  });
});
