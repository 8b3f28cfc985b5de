import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

// The import rules themselves are the lint rule `layers/imports` (eslint-rules/layers.js), run
// by `npm run lint` and shown firing in layers.test.ts. The compiler keeps the types apart too:
describe('layering at compile time', () => {
  it('keeps DOM and Node types out of shared/', () => {
    const config = JSON.parse(readFileSync(join(root, 'shared', 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { lib: string[]; types: string[] };
    };
    expect(config.compilerOptions.types).toEqual([]);
    expect(config.compilerOptions.lib.map((lib) => lib.toLowerCase())).not.toContain('dom');
  });

  it('keeps Node types out of the renderer', () => {
    const config = JSON.parse(readFileSync(join(root, 'renderer', 'tsconfig.json'), 'utf8')) as { compilerOptions: { types: string[] } };
    expect(config.compilerOptions.types).toEqual([]);
  });
});
