// @ts-check
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * The layering of the repository as one ESLint rule (`layers/imports`), in the spirit of
 * VS Code's code-layering rule: every import, re-export, `import()` and `require()` is checked
 * against the table below. Relative imports are resolved to a folder of the repository, so
 * `../../main/store` is caught however deep the importing file sits.
 *
 * Folders (zones) and what each may import:
 *
 *   shared/            pure: no package but zod and i18next (plain JS, no DOM), no Node built-in, nothing outside shared/;
 *                      and its sub-layers only point down SHARED_LAYERS (model never imports analysis)
 *   renderer/          no Node built-in, no electron, better-sqlite3, exceljs, pptxgenjs; nothing in main/
 *   main/preload/      the sandboxed preload: only `electron` as a package; of main/, only the channel names
 *   main/store, main/excel, main/io
 *                      Node services: never electron; never the layers above them in main/
 *   main/api           never electron; never the desktop, window, host or CLI code
 *   main/*             never renderer/
 */

/** shared/ sub-layers, lowest first: a folder may import its own layer and the ones before it. */
export const SHARED_LAYERS = [['result.ts'], ['model'], ['format', 'i18n'], ['engine'], ['analysis'], ['edits'], ['workbook'], ['api']];

/** main/ sub-layers, lowest first (same rule). Entry points (main/index.ts) sit above them all. */
export const MAIN_LAYERS = [['io'], ['store', 'excel'], ['api'], ['window'], ['electron', 'host', 'cli', 'preload']];

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const MAIN_SIDE_PACKAGES = ['electron', 'better-sqlite3', 'exceljs', 'pptxgenjs'];

/** The package a bare specifier names (`@scope/name/sub` -> `@scope/name`, `fs/promises` -> `fs`). */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function isBuiltin(specifier) {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(packageOf(specifier));
}

/** `shared/engine/x.ts` -> ['shared', 'engine']; a file directly in a zone gives its own name. */
function zoneOf(path) {
  const parts = path.split('/');
  return [parts[0] ?? '', parts[1] ?? ''];
}

function rankIn(layers, sub) {
  const index = layers.findIndex((names) => names.includes(sub));
  return index < 0 ? undefined : index;
}

/**
 * The problem with one import, or undefined. `from` and `to` are paths inside the repository
 * with forward slashes; `to` is undefined for a package.
 * @param {string} from
 * @param {string} specifier
 * @param {string | undefined} to
 * @returns {string | undefined}
 */
export function layeringProblem(from, specifier, to) {
  const [top, sub] = zoneOf(from);
  if (to === undefined) {
    const name = packageOf(specifier);
    if (top === 'shared' && name !== 'zod' && name !== 'i18next') return `shared/ is pure: it imports no package but zod and i18next (found '${specifier}')`;
    if (top === 'renderer' && isBuiltin(specifier)) return `renderer/ runs in the browser sandbox: no Node built-in ('${specifier}')`;
    if (top === 'renderer' && MAIN_SIDE_PACKAGES.includes(name))
      return `renderer/ never imports main-side packages (${MAIN_SIDE_PACKAGES.join(', ')}): found '${specifier}'`;
    if (top === 'main' && sub === 'preload' && name !== 'electron') return `the sandboxed preload may import only 'electron' (found '${specifier}')`;
    if (top === 'main' && ['store', 'excel', 'io', 'api'].includes(sub) && name === 'electron')
      return `main/${sub} runs without Electron (the CLI, the tests and the browser host use it): no 'electron'`;
    return undefined;
  }
  const [toTop, toSub] = zoneOf(to);
  if (top === 'shared') {
    if (toTop !== 'shared') return `shared/ may import only from shared/ (found '${specifier}')`;
    const own = rankIn(SHARED_LAYERS, sub);
    const target = rankIn(SHARED_LAYERS, toSub);
    if (own !== undefined && target !== undefined && target > own)
      return `shared/${sub} is below shared/${toSub}: a lower layer never imports a higher one (order: ${SHARED_LAYERS.map((l) => l.join('|')).join(' < ')})`;
    return undefined;
  }
  if (top === 'renderer' && toTop === 'main') return `renderer/ never imports main/ (found '${specifier}'): go through the API contract in shared/api`;
  if (top === 'main' && toTop === 'renderer') return `main/ never imports renderer/ (found '${specifier}')`;
  if (top === 'main' && toTop === 'main') {
    if (sub === 'preload')
      return to.replace(/\.ts$/, '') === 'main/electron/channels' || toSub === 'preload'
        ? undefined
        : `the preload may import only main/electron/channels.ts of main/ (found '${specifier}')`;
    const own = rankIn(MAIN_LAYERS, sub);
    const target = rankIn(MAIN_LAYERS, toSub);
    if (own !== undefined && target !== undefined && target > own)
      return `main/${sub} is below main/${toSub}: a lower layer never imports a higher one (order: ${MAIN_LAYERS.map((l) => l.join('|')).join(' < ')})`;
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports pointing down the layers of docs/architecture.md' },
    schema: [],
    messages: { layering: '{{problem}}' },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = relative(root, file).split(sep).join('/');
    if (from.startsWith('..') || !/^(shared|main|renderer)\//.test(from)) return {};
    /** @param {import('estree').Node | null | undefined} source */
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      const to = specifier.startsWith('.')
        ? relative(root, resolve(dirname(file), specifier))
            .split(sep)
            .join('/')
        : undefined;
      const problem = layeringProblem(from, specifier, to);
      if (problem) context.report({ node: source, messageId: 'layering', data: { problem } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(/** @type {import('estree').Node} */ (node.arguments[0]));
      },
    };
  },
};

export const layersPlugin = { meta: { name: 'layers' }, rules: { imports: importsRule } };
