import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(tsx?|jsx?|mjs|html)$/.test(name) ? [path] : [];
  });
}

/**
 * The browser's prompt, alert and confirm: Electron implements no prompt(), and none of them
 * is keyboard-friendly in the app's language. The app's own dialogs (components/dialog) replace
 * them. Calls as window.x(), globalThis.x(), self.x(), a bare x() or window['x'] are refused.
 */
const BROWSER_DIALOG = /(?:\b(?:window|globalThis|self|top|parent)\s*(?:\.\s*|\[\s*['"`]))(prompt|alert|confirm)\b|(?<![.\w$])(prompt|alert|confirm)\s*\(/g;

function browserDialogCalls(text: string): string[] {
  // Comments may name them (this very rule is explained in some).
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(BROWSER_DIALOG)].map((match) => match[0]);
}

describe('no browser dialogs in renderer/', () => {
  it('finds the calls it must find', () => {
    expect(browserDialogCalls('window.prompt("x")')).toHaveLength(1);
    expect(browserDialogCalls("if (confirm('sure?')) go();")).toHaveLength(1);
    expect(browserDialogCalls('globalThis.alert(1); self.confirm(2); window["prompt"](3)')).toHaveLength(3);
    expect(browserDialogCalls('dialogs.askConfirm({}); const promptText = 1; // window.alert(1)')).toEqual([]);
  });

  it('no source file of the renderer calls prompt, alert or confirm', () => {
    const found = sources(join(ROOT, 'renderer')).flatMap((file) =>
      browserDialogCalls(readFileSync(file, 'utf8')).map((call) => `${relative(ROOT, file)}: ${call}`),
    );
    expect(found).toEqual([]);
  });
});
