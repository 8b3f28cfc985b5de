import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../main/excel/csv-parse';
import { exportWorkbook } from '../../../main/excel/export-workbook';
import { importFile } from '../../../main/excel/import-file';
import { readWorkbookCells } from '../../../main/excel/read-workbook';
import { importStructure } from '../../../main/excel/import-structure';
import { formatProblem, ImportError, type ImportProblem } from '../../../main/excel/problems';
import { structureCsv, structureWorkbook, templateCsv, templateWorkbook } from '../../../main/excel/template';
import { prepareTree } from '../../../shared/engine';
import { createExampleModel, type CostNode, type Model } from '../../../shared/model';
import { arbitraryCostTree } from '../../support/arbitraries';
import { namedSheetWorkbook } from './support/hostile';

const dir = mkdtempSync(join(tmpdir(), 'costplan-import-structure-'));

function file(name: string, data: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/**
 * The tree as an outline without ids: what a structure import must give back. Amounts go
 * through the display unit (amount / 10,000 x 10,000), so `expected` ones match to 1e-12.
 */
function outline(nodes: readonly CostNode[], expected = false): unknown[] {
  const tree = prepareTree(nodes);
  return [...tree.order].map((i) => {
    const node = tree.nodes[i]!;
    const amount = node.basis.kind === 'amount' ? node.basis.amount : 0;
    return {
      depth: tree.depth[i],
      name: node.name,
      basis: node.basis.kind === 'share' ? { kind: 'share', share: node.basis.share } : { kind: 'amount', amount: expected ? nearly(amount) : amount },
      relevance: node.relevance,
      notes: node.notes ?? '',
    };
  });
}

function nearly(value: number): unknown {
  return {
    asymmetricMatch: (actual: unknown) => typeof actual === 'number' && Math.abs(actual - value) <= 1e-12 * Math.max(1, Math.abs(value)),
    toString: () => `nearly ${value}`,
  };
}

function csvSheet(text: string) {
  return parseCsv(Buffer.from(text, 'utf8'), 'lines.csv');
}

async function problemsOf(path: string): Promise<readonly ImportProblem[]> {
  const error = await importFile(path).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ImportError)) throw new Error(`expected an import error, got ${String(error)}`);
  return error.problems;
}

describe('cost structure import', () => {
  it.each(['zh', 'en'] as const)('reads the template (%s, .xlsx and .csv) back as the example structure', async (language) => {
    const example = createExampleModel(language);
    for (const path of [file(`template-${language}.xlsx`, await templateWorkbook(language)), file(`template-${language}.csv`, templateCsv(language))]) {
      const imported = await importFile(path);
      expect(imported.kind).toBe('structure');
      expect(outline(imported.model.costTree)).toEqual(outline(example.costTree, true));
      expect(imported.model).toMatchObject({ displayUnit: 'tenThousand', language, currency: 'CNY', scenarios: [] });
      expect(imported.model.costTree[0]!.basis).toEqual({ kind: 'amount', amount: 71_160_000 });
    }
  });

  it('reads random trees written in the layout back as they were (.csv)', () => {
    fc.assert(
      fc.property(arbitraryCostTree({ maxNodes: 30 }), fc.constantFrom('zh', 'en'), (costTree, language) => {
        const model: Model = { ...createExampleModel(language), costTree, scenarios: [] };
        const imported = importStructure(parseCsv(Buffer.from(structureCsv(model, language)), 'tree.csv'));
        expect(imported.ok ? outline(imported.value.costTree) : imported.error).toEqual(outline(costTree, true));
      }),
      { numRuns: 60, seed: 77 },
    );
  });

  it('reads random trees written in the layout back as they were (.xlsx, parsed in the child process)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCostTree({ maxNodes: 30 }), fc.constantFrom('zh', 'en'), async (costTree, language) => {
        const model: Model = { ...createExampleModel(language), costTree, scenarios: [] };
        const path = file('tree.xlsx', await structureWorkbook(model, language));
        expect(outline((await importFile(path)).model.costTree)).toEqual(outline(costTree, true));
      }),
      { numRuns: 5, seed: 78 },
    );
  });

  it('reads the Cost structure sheet of an exported workbook as a structure in the layout (ids kept)', async () => {
    const model = createExampleModel('zh');
    const grid = await readWorkbookCells((await exportWorkbook(model)).data);
    const imported = importStructure(
      grid.sheets.find((sheet) => sheet.name === '成本结构')!,
      { firstPlanYear: 2027 },
    );
    if (!imported.ok) throw new Error(imported.error.map(formatProblem).join('; '));
    expect(imported.value.costTree).toEqual(model.costTree);
    expect(imported.value).toMatchObject({ displayUnit: 'tenThousand', language: 'zh', firstPlanYear: 2027 });
  });

  it('takes the tree from a Parent column, amounts in the unit the header names, shares as 44% or 0.44', () => {
    const result = importStructure(
      csvSheet(
        [
          'Name,Parent,Basis,"Value (share, or amount in thousand USD)",Relevance,Notes',
          'Service cost,,,"1,200",,',
          'Contact center,Service cost,share,25%,strong,',
          'Field,Service cost,,0.5%,weak,visits',
          'Labor,Contact center,share,0.87,,',
        ].join('\n'),
      ),
    );
    if (!result.ok) throw new Error(result.error.map(formatProblem).join('; '));
    const model = result.value;
    expect(model).toMatchObject({ displayUnit: 'thousand', currency: 'USD', language: 'en' });
    expect(model.costTree.map((node) => [node.name, node.basis, node.relevance, node.parentId])).toEqual([
      ['Service cost', { kind: 'amount', amount: 1_200_000 }, 'strong', null],
      ['Contact center', { kind: 'share', share: 0.25 }, 'strong', 'line-1'],
      ['Field', { kind: 'share', share: 0.005 }, 'weak', 'line-1'],
      ['Labor', { kind: 'share', share: 0.87 }, 'strong', 'line-2'],
    ]);
    expect(model.costTree[2]!.notes).toBe('visits');
  });

  it('reports every problem at once, each with its sheet, row and column', () => {
    const result = importStructure(
      csvSheet(
        [
          'Level;Name;Basis;Value (share, or amount in 万元);Relevance',
          '1;Root;amount;100;',
          '2;A;share;44;',
          '2;;share;10%;',
          '4;Deep;share;10%;',
          '2;B;percentage;10%;middling',
          '2;A;share;abc;',
          '2;C;;5;',
        ].join('\r\n'),
      ),
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.error.map(formatProblem);
    expect(problems).toEqual([
      'sheet "lines.csv", row 4, column B (Name): the name is empty',
      'sheet "lines.csv", row 6, column E (Relevance): the relevance must be one of "strong", "weak", "强相关", "弱相关", found the text "middling"',
      'sheet "lines.csv", row 7, column D (Value (share, or amount in 万元)): the value: expected a number, found the text "abc"',
    ]);
    // Once the cells read, the tree: a level that jumps, a share above 100%, a missing basis.
    const second = importStructure(
      csvSheet(['Level,Name,Basis,Value', '1,Root,amount,100', '2,A,share,44', '4,Deep,share,10%', '2,C,,5', '2,A,share,0.5'].join('\n')),
    );
    expect(second.ok ? [] : second.error.map(formatProblem)).toEqual([
      'sheet "lines.csv", row 4, column A (Level): level 4 follows level 2: a line can be at most one level below the line above it',
    ]);
    const third = importStructure(
      csvSheet(['Level,Name,Basis,Value', '1,Root,amount,100', '2,A,share,44', '2,C,,5', '2,A,share,0.5', '2,D,share,0.3'].join('\n')),
    );
    expect(third.ok ? [] : third.error.map(formatProblem)).toEqual([
      'sheet "lines.csv", row 3, column D (Value): a share must be from 0% to 100%, found 44; for 44% write 44% or 0.44',
      'sheet "lines.csv", row 4, column C (Basis): the basis is empty: write "share" (占比) or "amount" (金额), or write the value as a percentage such as 44%',
    ]);
    const fourth = importStructure(csvSheet(['Level,Name,Basis,Value', '1,Root,amount,100', '2,A,share,0.6', '2,A ,share,0.5'].join('\n')));
    expect(fourth.ok ? [] : fourth.error.map(formatProblem)).toEqual([
      'sheet "lines.csv", row 4, column B (Name): a second line named "A" under the same parent; names of sibling lines must differ',
      'sheet "lines.csv", row 2, column D (Value): the shares under "Root" add up to 110% (max 100%)',
    ]);
    const parents = importStructure(csvSheet(['Name,Parent,Value', 'Root,,100', 'X,Root,10%', 'X,Root,10%', 'Y,X,5%', 'Z,Nowhere,5%', 'Other,,5'].join('\n')));
    expect(parents.ok ? [] : parents.error.map(formatProblem)).toEqual([
      'sheet "lines.csv", row 5, column B (Parent): 2 lines are named "X" (rows 3, 4); use the Level layout or distinct names',
      'sheet "lines.csv", row 6, column B (Parent): no line is named "Nowhere"',
      'sheet "lines.csv", row 7, column B (Parent): a second line without a parent (the root is on row 2); fill in its parent',
    ]);
  });

  it('reads CSV in UTF-8 with or without a byte order mark and in GB18030, with , ; or tab', async () => {
    const rows = ['层级,名称,依据,数值（占比，或金额 万元）,相关性', '1,售后服务成本,金额,7116,强相关', '2,呼叫中心,占比,14%,弱相关'];
    const expected = [
      ['售后服务成本', { kind: 'amount', amount: 71_160_000 }, 'strong'],
      ['呼叫中心', { kind: 'share', share: 0.14 }, 'weak'],
    ];
    const gb18030 = Buffer.from(new Uint8Array([0xb2, 0xe3, 0xbc, 0xb6])); // "层级" in GB18030
    expect(new TextDecoder('gb18030').decode(gb18030)).toBe('层级');
    const encodings: [string, Buffer][] = [
      ['utf8.csv', Buffer.from(rows.join('\n'))],
      ['bom.csv', Buffer.from(`\uFEFF${rows.join('\r\n')}`)],
      ['tabs.csv', Buffer.from(rows.map((row) => row.replaceAll(',', '\t')).join('\n'))],
      ['gb18030.csv', encodeGb18030(rows.join('\r\n'))],
    ];
    for (const [name, data] of encodings) {
      const imported = await importFile(file(name, data));
      expect(
        imported.model.costTree.map((node) => [node.name, node.basis, node.relevance]),
        name,
      ).toEqual(expected);
      expect(imported.model.language).toBe('zh');
    }
  });

  it('finds the layout on another sheet, ignores unknown columns, and keeps __proto__ harmless', async () => {
    const path = file(
      'proto.xlsx',
      await namedSheetWorkbook('__proto__', [
        ['Cost lines for 2027'],
        ['__proto__', 'Level', 'Name', 'constructor', 'Basis', 'Value (share, or amount in yuan)', 'prototype'],
        ['x', 1, '__proto__', 'y', 'amount', 1000, 'z'],
        ['x', 2, 'constructor', 'y', 'share', 0.5, 'z'],
      ]),
    );
    const imported = await importFile(path);
    expect(imported.sheet).toBe('__proto__');
    expect(imported.model.costTree.map((node) => node.name)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('reports problems of an .xlsx with the sheet, row and column', async () => {
    const path = file(
      'bad.xlsx',
      await namedSheetWorkbook('Lines', [
        ['Level', 'Name', 'Basis', 'Value'],
        [1, 'Root', 'amount', 100],
        [2, 'Part', 'share', 1.5],
      ]),
    );
    expect((await problemsOf(path)).map(formatProblem)).toEqual([
      'sheet "Lines", row 3, column D (Value): a share must be from 0% to 100%, found 1.5; for 1.5% write 1.5% or 0.015',
    ]);
  });
});

/** GB18030 for the few characters these rows use (Node can decode it but not encode it). */
function encodeGb18030(text: string): Buffer {
  const table: Record<string, number[]> = {
    层: [0xb2, 0xe3],
    级: [0xbc, 0xb6],
    名: [0xc3, 0xfb],
    称: [0xb3, 0xc6],
    依: [0xd2, 0xc0],
    据: [0xbe, 0xdd],
    数: [0xca, 0xfd],
    值: [0xd6, 0xb5],
    '（': [0xa3, 0xa8],
    占: [0xd5, 0xbc],
    比: [0xb1, 0xc8],
    '，': [0xa3, 0xac],
    或: [0xbb, 0xf2],
    金: [0xbd, 0xf0],
    额: [0xb6, 0xee],
    万: [0xcd, 0xf2],
    元: [0xd4, 0xaa],
    '）': [0xa3, 0xa9],
    相: [0xcf, 0xe0],
    关: [0xb9, 0xd8],
    性: [0xd0, 0xd4],
    售: [0xca, 0xdb],
    后: [0xba, 0xf3],
    服: [0xb7, 0xfe],
    务: [0xce, 0xf1],
    成: [0xb3, 0xc9],
    本: [0xb1, 0xbe],
    强: [0xc7, 0xbf],
    呼: [0xba, 0xf4],
    叫: [0xbd, 0xd0],
    中: [0xd6, 0xd0],
    心: [0xd0, 0xc4],
    弱: [0xc8, 0xf5],
  };
  const bytes: number[] = [];
  for (const char of text) {
    const code = table[char];
    if (code) bytes.push(...code);
    else if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else throw new Error(`no GB18030 code for ${char}`);
  }
  const buffer = Buffer.from(bytes);
  expect(new TextDecoder('gb18030').decode(buffer)).toBe(text);
  return buffer;
}
