import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/**
 * The code that writes the workbook, its CSV and the import template. Left out:
 * shared/workbook/structure-layout.ts, whose Chinese strings are header and word aliases the
 * import accepts (input, not output).
 */
const WRITERS = [
  ...readdirSync(join(root, 'main/excel/sheets')).map((file) => `main/excel/sheets/${file}`),
  'main/excel/csv.ts',
  'main/excel/template.ts',
  'main/excel/layout.ts',
  'main/excel/export-workbook.ts',
  ...readdirSync(join(root, 'shared/workbook')).map((file) => `shared/workbook/${file}`),
].filter((file) => file.endsWith('.ts') && file !== 'shared/workbook/structure-layout.ts');

const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u;

/** The string and template literals of a source that hold Chinese text (comments and regular expressions aside). */
function chineseLiterals(file: string, text = readFileSync(join(root, file), 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) && CHINESE.test(node.text)) {
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the workbook writers word nothing themselves', () => {
  it('hold no Chinese text: every word of the workbook comes from the vocabulary (shared/i18n/resources/workbook*.ts)', () => {
    expect(WRITERS.length).toBeGreaterThan(15);
    expect(WRITERS.flatMap((file) => chineseLiterals(file))).toEqual([]);
  });

  it('would see a zh/en table written into a sheet builder, and not a comment or a regular expression', () => {
    const sample = [
      '// 合计: a comment',
      "const WORDS = { en: { total: 'Total' }, zh: { total: '合计' } };",
      'const line = `${WORDS.zh.total}：${1}`;',
      'const example = /（例：[^）]*）/u;',
    ].join('\n');
    expect(chineseLiterals('main/excel/sheets/sample.ts', sample)).toEqual(['main/excel/sheets/sample.ts:2: 合计', 'main/excel/sheets/sample.ts:3: ：']);
  });
});
