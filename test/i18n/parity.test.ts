import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../shared/i18n/resources';

/**
 * Every namespace of the vocabulary has the same keys in Chinese and English, and each text says
 * the same placeholders ({{name}}, and {name} markers the workbook fills itself); every text is
 * a string (no functions), so i18next can interpolate it and a translator can read it.
 */
type Leaf = { kind: 'text'; placeholders: string[] } | { kind: 'function'; arity: number } | { kind: 'other'; type: string };

/** i18next plural forms: English has `_one` and `_other`, Chinese only `_other`. */
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(value: unknown, path = '', into = new Map<string, Leaf>()): Map<string, Leaf> {
  if (typeof value === 'string') {
    const placeholders = [...value.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|\{([\w.]+)\}/g)].map((match) => match[1] ?? match[2] ?? '');
    into.set(path, { kind: 'text', placeholders: [...new Set(placeholders)].sort() });
  } else if (typeof value === 'function') {
    into.set(path, { kind: 'function', arity: value.length });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, path === '' ? key.replace(PLURAL, '') : `${path}.${key.replace(PLURAL, '')}`, into);
  } else {
    into.set(path, { kind: 'other', type: typeof value });
  }
  return into;
}

const TABLES: [string, unknown, unknown][] = [
  ...Object.keys(VOCABULARY.en).map((namespace): [string, unknown, unknown] => [
    `vocabulary namespace ${namespace} (shared/i18n/resources)`,
    VOCABULARY.zh[namespace as keyof typeof VOCABULARY.zh],
    VOCABULARY.en[namespace as keyof typeof VOCABULARY.en],
  ]),
];

describe('zh and en text tables', () => {
  it.each(TABLES)('%s: the same keys', (_name, chinese, english) => {
    expect([...leaves(chinese).keys()].sort()).toEqual([...leaves(english).keys()].sort());
  });

  it.each(TABLES)('%s: the same placeholders and arities', (_name, chinese, english) => {
    const zhLeaves = leaves(chinese);
    const enLeaves = leaves(english);
    const mismatches = [...zhLeaves]
      .filter(([key, leaf]) => JSON.stringify(leaf) !== JSON.stringify(enLeaves.get(key)))
      .map(([key, leaf]) => ({ key, zh: leaf, en: enLeaves.get(key) }));
    expect(mismatches).toEqual([]);
  });

  it.each(TABLES)('%s: every text is a string', (_name, chinese, english) => {
    const notText = [...leaves(chinese), ...leaves(english)].filter(([, leaf]) => leaf.kind !== 'text').map(([key]) => key);
    expect(notText).toEqual([]);
  });

  it('finds a missing key and a changed placeholder (the check itself)', () => {
    expect([...leaves({ a: 'x {{n}}', b: { c: 'y' } }).keys()]).toEqual(['a', 'b.c']);
    expect(leaves({ a: '共 {{count}} 项' }).get('a')).toEqual({ kind: 'text', placeholders: ['count'] });
    expect(leaves({ a: '{{count}} items' }).get('a')).not.toEqual(leaves({ a: '{{total}} items' }).get('a'));
    expect([...leaves({ rows_one: '1 row', rows_other: '{{count}} rows' }).keys()]).toEqual(['rows']);
    expect(leaves({ a: () => 'x' }).get('a')?.kind).toBe('function');
  });
});
