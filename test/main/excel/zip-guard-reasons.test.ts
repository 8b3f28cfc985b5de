import { describe, expect, it } from 'vitest';
import { GuardError, inspectEntries, readCentralDirectory } from '../../../main/excel/zip-guard';
import type { ZipRefusal } from '../../../shared/messages/codes/import';
import type { Problem } from '../../../shared/messages/problems';
import { renderProblem } from '../../../shared/messages/render';
import { englishWords } from '../../support/chinese';
import { sheetNamesByPart } from '../../../main/excel/sheet-parts';
import { IMPORT_LIMITS } from '../../../main/excel/limits';
import { buildZip, minimalWorkbook } from './support/hostile';

/**
 * Each way the zip guard refuses a package, from a zip changed byte by byte where it is read:
 * the coded reason (and the entry it names), its Chinese words with no English left, and the
 * English message derived from the same problem.
 */
const TYPES = { name: '[Content_Types].xml', data: Buffer.from('<Types/>') };

/** The offset of the end record and of the central directory record of entry `index`. */
function records(zip: Buffer, index: number): { end: number; central: number } {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < index; i++) at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  return { end, central: at };
}

function patched(zip: Buffer, change: (zip: Buffer, at: { end: number; central: number; local: number }) => void, index = 1): Buffer {
  const copy = Buffer.from(zip);
  const at = records(copy, index);
  change(copy, { ...at, local: copy.readUInt32LE(at.central + 42) });
  return copy;
}

async function refusalOf(zip: Buffer): Promise<Problem> {
  try {
    await inspectEntries(zip, readCentralDirectory(zip));
  } catch (error) {
    if (error instanceof GuardError) {
      expect(error.message).toBe(renderProblem(error.problem, { language: 'en', unit: 'yuan' }));
      return error.problem;
    }
    throw error;
  }
  throw new Error('the guard took the zip');
}

function chinese(problem: Problem): string {
  const text = renderProblem(problem, { language: 'zh', unit: 'tenThousand' });
  expect(text).toMatch(/[\u4e00-\u9fff]/u);
  // Letters of a cell or a column (XFD1, ALL) come in as parameters.
  const given = Object.values(problem.params).filter((value): value is string => typeof value === 'string');
  expect(englishWords(text, given), text).toEqual([]);
  return text;
}

const stored = buildZip([TYPES, { name: 'xl/a.xml', data: Buffer.from('<a>hello</a>'), stored: true }]);
const deflated = buildZip([TYPES, { name: 'xl/a.xml', data: Buffer.from('<a>hello</a>') }]);

describe('the zip guard names why it refuses a package', () => {
  const cases: [string, () => Buffer, ZipRefusal, string | undefined, RegExp][] = [
    ['a zip cut short', () => deflated.subarray(0, deflated.length - 10), 'truncated', undefined, /文件被截断或已损坏/u],
    ['ZIP64 counts', () => patched(deflated, (zip, at) => zip.writeUInt16LE(0xffff, at.end + 10)), 'zip64', undefined, /ZIP64/u],
    [
      'a directory past the end',
      () => patched(deflated, (zip, at) => zip.writeUInt32LE(0xfffff, at.end + 12)),
      'directory-outside',
      undefined,
      /指向文件之外/u,
    ],
    ['a damaged directory', () => patched(deflated, (zip, at) => zip.writeUInt32LE(0, at.central)), 'directory-damaged', undefined, /zip 目录已损坏/u],
    [
      'an encrypted entry',
      () => patched(deflated, (zip, at) => zip.writeUInt16LE(zip.readUInt16LE(at.central + 8) | 1, at.central + 8)),
      'entry-encrypted',
      'xl/a.xml',
      /已加密/u,
    ],
    ['another compression method', () => patched(deflated, (zip, at) => zip.writeUInt16LE(12, at.central + 10)), 'compression', 'xl/a.xml', /压缩方法 12/u],
    ['a stored entry with two sizes', () => patched(stored, (zip, at) => zip.writeUInt32LE(99, at.central + 24)), 'two-sizes', 'xl/a.xml', /两个不同的大小/u],
    ['no local header', () => patched(deflated, (zip, at) => zip.writeUInt32LE(0, at.local)), 'no-local-header', 'xl/a.xml', /缺少本地文件头/u],
    ['a local header naming another file', () => patched(deflated, (zip, at) => zip.writeUInt8(0x62, at.local + 30)), 'local-name', 'xl/a.xml', /另一个文件/u],
    [
      'data running into the directory',
      () => patched(deflated, (zip, at) => zip.writeUInt32LE(5000, at.central + 20)),
      'past-end',
      'xl/a.xml',
      /数据超出了末尾/u,
    ],
    ['a stored entry with a wrong checksum', () => patched(stored, (zip, at) => zip.writeUInt32LE(1, at.central + 16)), 'checksum', 'xl/a.xml', /校验和不符/u],
    [
      'a deflated entry shorter than it declares',
      () => buildZip([TYPES, { name: 'xl/a.xml', data: Buffer.from('<a/>'), declaredSize: 40 }]),
      'wrong-size',
      'xl/a.xml',
      /解压后为 4 字节，而不是 40 字节/u,
    ],
    ['an empty name', () => buildZip([TYPES, { name: '', data: Buffer.from('x') }]), 'name-invalid', undefined, /名称为空或无效/u],
    ['a Windows path', () => buildZip([TYPES, { name: 'C:\\evil.xml', data: Buffer.from('x') }]), 'name-absolute', 'C:\\evil.xml', /绝对路径/u],
    ['an absolute path', () => buildZip([TYPES, { name: '/etc/evil.xml', data: Buffer.from('x') }]), 'name-absolute', '/etc/evil.xml', /绝对路径/u],
    [
      'a path out of the archive',
      () => buildZip([TYPES, { name: 'xl/../../evil.sh', data: Buffer.from('x') }]),
      'name-outside',
      'xl/../../evil.sh',
      /指向压缩包之外/u,
    ],
    [
      'two entries of one name, in any case',
      () => buildZip([TYPES, { name: 'XL/A.xml', data: Buffer.from('x') }, { name: 'xl/a.xml', data: Buffer.from('y') }]),
      'name-twice',
      'xl/a.xml',
      /两个名为“xl\/a\.xml”的条目/u,
    ],
  ];

  it.each(cases)('%s', async (_label, make, reason, entry, words) => {
    const refused = await refusalOf(make());
    expect(refused.code).toBe('zip-refused');
    expect(refused.params).toMatchObject({ reason, ...(entry === undefined ? {} : { entry }) });
    expect(chinese(refused)).toMatch(words);
    expect(chinese(refused)).toMatch(/：请用 Excel 重新另存为 \.xlsx 后再导入$/u);
  });

  it('a package that would inflate a hundred times over in all, though no one entry is large', async () => {
    const zeros = Buffer.alloc(600 * 1024);
    const zip = buildZip([TYPES, { name: 'xl/a.bin', data: zeros }, { name: 'xl/b.bin', data: zeros }]);
    const refused = await refusalOf(zip);
    expect(refused).toMatchObject({ code: 'zip-bomb', params: { reason: 'ratio', max: 100 } });
    expect(chinese(refused)).toMatch(/^该 zip 包解压后将膨胀 [\d,]+ 倍（最多 100 倍）：可能是 zip 炸弹$/u);
    expect(renderProblem(refused, { language: 'en', unit: 'yuan' })).toMatch(/^the zip would inflate [\d,]+ times \(at most 100:1\): a zip bomb\?$/u);
  });

  it('an OpenDocument file and a zip without [Content_Types].xml are not workbooks', async () => {
    const ods = await refusalOf(buildZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), stored: true }]));
    expect(chinese(ods)).toBe('这是 .ods 电子表格（如 LibreOffice 保存的），不是 .xlsx 工作簿：请另存为 .xlsx');
    const other = await refusalOf(buildZip([{ name: 'readme.txt', data: Buffer.from('hi') }]));
    expect(chinese(other)).toBe('该 zip 包不是 .xlsx 工作簿（缺少内容类型清单）');
    expect(renderProblem(other, { language: 'en', unit: 'yuan' })).toBe('the zip is not an .xlsx workbook (it has no [Content_Types].xml)');
  });
});

describe('a refusal inside a worksheet names the sheet as the planner sees it', () => {
  it('reads the names from the workbook and its relationships: prefixes, entities, relative and absolute targets', () => {
    const workbook =
      '<x:workbook xmlns:x="main" xmlns:rel="rels"><x:sheets><x:sheet name="成本 &amp; 费用" sheetId="9" rel:id="rA"/>' +
      "<x:sheet sheetId='2' name='&#x4E00;' rel:id='rB'/><x:sheet name=\"no id\" sheetId=\"3\"/></x:sheets></x:workbook>";
    const relationships =
      '<Relationships><Relationship Id="rA" Target="worksheets/a.xml"/><Relationship Target="/xl/Sheets/B.xml" Id="rB"/><Relationship Id="rC" Target="../x.xml"/></Relationships>';
    expect([...sheetNamesByPart('xl/workbook.xml', workbook, relationships)]).toEqual([
      ['xl/worksheets/a.xml', '成本 & 费用'],
      ['xl/sheets/b.xml', '一'],
    ]);
    expect(sheetNamesByPart('xl/workbook.xml', '<workbook/>', '')).toEqual(new Map());
  });

  it('a cell outside the area and a text too long, in the sheet "成本结构"', async () => {
    const outside = minimalWorkbook('<row r="1"><c r="XFD1"><v>1</v></c></row>', { sheetName: '成本结构' });
    const refused = await refusalOf(outside);
    expect(refused).toMatchObject({ code: 'cell-outside-area', params: { sheet: '成本结构', part: 'xl/worksheets/sheet1.xml', cell: 'XFD1' } });
    expect(chinese(refused)).toBe('工作表“成本结构”在 XFD1 有单元格，超出了导入读取的范围（第 1 到 200,000 行，A 到 ALL 列）：请删除范围之外的内容后重新保存');
    expect(renderProblem(refused, { language: 'en', unit: 'yuan' })).toMatch(/^sheet "成本结构" has a cell at XFD1, outside the area an import reads/u);

    const long = minimalWorkbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(50)}</t></is></c></row>`, { sheetName: 'Lines' });
    const tooLong = await (async () => {
      try {
        const zip = long;
        await inspectEntries(zip, readCentralDirectory(zip), { ...IMPORT_LIMITS, maxCellChars: 40 });
      } catch (error) {
        if (error instanceof GuardError) return error.problem;
      }
      throw new Error('the guard took the zip');
    })();
    expect(tooLong).toMatchObject({ code: 'cell-text-too-long', params: { sheet: 'Lines', max: 40 } });
    expect(chinese(tooLong)).toBe('工作表“Lines”中有一段文字超过 40 个字符（一个单元格最多容纳这么多）');
  });
});
