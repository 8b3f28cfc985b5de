import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { exportWorkbook } from '../../../../main/excel/export-workbook';
import { WorkbookWriter } from '../../../../main/excel/xlsx-writer';
import { createExampleModel } from '../../../../shared/model';

/**
 * Hostile and broken files, built at test time (nothing big is committed): zip bombs, a
 * million-cell sheet, a cell at XFD1048576, truncated and random files, prototype-polluting
 * names, encrypted, macro-enabled and old binary workbooks, and broken zip structures.
 */
export interface RawEntry {
  name: string;
  /** Content; deflated unless `stored`. */
  data?: Buffer;
  /** Already deflated data (with its true size and CRC) for entries too big to hold inflated. */
  deflated?: { data: Buffer; size: number; crc: number };
  stored?: boolean;
  /** Lie about the inflated size in the headers. */
  declaredSize?: number;
}

/** A zip from raw entries, with full control over what the headers claim. */
export function buildZip(entries: readonly RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    let compressed: Buffer;
    let size: number;
    let crc: number;
    if (entry.deflated) ({ data: compressed, size, crc } = entry.deflated);
    else {
      const data = entry.data ?? Buffer.alloc(0);
      compressed = entry.stored ? data : deflateRawSync(data);
      size = data.length;
      crc = crc32(data);
    }
    const declared = entry.declaredSize ?? size;
    const header = (signature: number, length: number, at: number): Buffer => {
      const buffer = Buffer.alloc(length);
      buffer.writeUInt32LE(signature, 0);
      buffer.writeUInt16LE(20, at);
      buffer.writeUInt16LE(0x0800, at + 2);
      buffer.writeUInt16LE(entry.stored ? 0 : 8, at + 4);
      buffer.writeUInt16LE(0x0021, at + 8);
      buffer.writeUInt32LE(crc >>> 0, at + 10);
      buffer.writeUInt32LE(compressed.length, at + 14);
      buffer.writeUInt32LE(declared, at + 18);
      buffer.writeUInt16LE(name.length, at + 22);
      return buffer;
    };
    const local = header(0x04034b50, 30, 4);
    const record = header(0x02014b50, 46, 6);
    record.writeUInt16LE(20, 4);
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, compressed);
    central.push(record, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/** `megabytes` of zeros deflated as a stream: the inflated data never exists in memory. */
export async function deflatedZeros(megabytes: number): Promise<{ data: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (part: Buffer) => out.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), size: megabytes * 1024 * 1024, crc };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/** A one-sheet workbook whose sheetData is given as XML. */
export function minimalWorkbook(sheetData: string, options: { sheetName?: string; extra?: RawEntry[]; contentTypes?: string; sheetXml?: string } = {}): Buffer {
  const workbook =
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheets><sheet name="${options.sheetName ?? 'Sheet1'}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const sheet =
    options.sheetXml ??
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(options.contentTypes ?? CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
    ...(options.extra ?? []),
  ]);
}

/** A sheet of `rows` x `cols` random numbers (random, so it compresses like real data). */
export function manyCellsWorkbook(rows: number, cols: number): Buffer {
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${Math.random()}</v></c>`;
    parts.push(`${row}</row>`);
  }
  return minimalWorkbook(parts.join(''));
}

/** An OLE compound file header followed by directory names: what Office writes for .xls and encrypted .xlsx. */
export function compoundFile(streamNames: readonly string[]): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([
    header,
    Buffer.alloc(504),
    ...streamNames.map((name) => Buffer.concat([Buffer.from(name, 'utf16le'), Buffer.alloc(64 - name.length * 2)])),
    randomBytes(4096),
  ]);
}

/** A workbook made by our writer whose only sheet is named and filled as given. */
export async function namedSheetWorkbook(sheetName: string, rows: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  const writer = new WorkbookWriter({ title: 'test', creator: 'test', language: 'en' });
  const sheet = writer.sheet(sheetName);
  rows.forEach((row, r) => row.forEach((value, c) => sheet.set(r + 1, c + 1, value)));
  writer.addSheet(sheet);
  return writer.finish();
}

export interface HostileFile {
  name: string;
  path: string;
  /** What the error must say. */
  expect: RegExp;
}

/** Writes the corpus into `dir`; returns each file with the error it must give. */
export async function writeHostileCorpus(dir: string): Promise<HostileFile[]> {
  const files: HostileFile[] = [];
  const add = (name: string, data: Buffer, expect: RegExp) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    files.push({ name, path, expect });
  };
  const example = (await exportWorkbook(createExampleModel('en'))).data;
  const zeros = await deflatedZeros(150);

  add('zip-bomb.xlsx', minimalWorkbook('', { extra: [{ name: 'xl/bomb.xml', deflated: zeros }] }), /zip bomb/u);
  add(
    'zip-bomb-lying.xlsx',
    minimalWorkbook('', { extra: [{ name: 'xl/media/image1.bin', deflated: zeros, declaredSize: 4 * 1024 * 1024 }] }),
    /inflates to more than the 4\.0 MB it declares/u,
  );
  add(
    'zip-bomb-total.xlsx',
    buildZip(Array.from({ length: 3 }, (_, i) => ({ name: `xl/part${i}.bin`, deflated: { data: randomBytes(1_500_000), size: 90 * 1024 * 1024, crc: 0 } }))),
    /more than 200 MB/u,
  );
  add('million-cells.xlsx', manyCellsWorkbook(100_000, 10), /more than 600,000 non-empty cells/u);
  add(
    'cell-at-XFD1048576.xlsx',
    minimalWorkbook('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
    /XFD1048576, outside the area an import reads/u,
  );
  add('truncated.xlsx', example.subarray(0, Math.floor(example.length * 0.6)), /truncated or damaged/u);
  add('random-bytes.xlsx', randomBytes(20_000), /not an \.xlsx workbook/u);
  add(
    'proto-headers.xlsx',
    await namedSheetWorkbook('__proto__', [
      ['__proto__', 'constructor', 'prototype'],
      ['x', 'y', 'z'],
    ]),
    /no sheet has a header row .*"__proto__"/u,
  );
  add('proto-csv.csv', Buffer.from('__proto__,constructor,prototype\n1,2,3\n'), /no header row/u);
  add('encrypted.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage']), /password-protected/u);
  add('macros.xlsm', minimalWorkbook('', { extra: [{ name: 'xl/vbaProject.bin', data: randomBytes(2000) }] }), /macros/u);
  add(
    'macro-enabled.xlsx',
    minimalWorkbook('', {
      contentTypes: '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>',
    }),
    /macro-enabled/u,
  );
  add('old-binary.xls', compoundFile(['Workbook', 'SummaryInformation']), /97-2003/u);
  add(
    'too-many-entries.xlsx',
    buildZip(Array.from({ length: 1001 }, (_, i) => ({ name: `xl/e${i}.xml`, data: Buffer.from('x') }))),
    /1001 entries \(at most 1000\)/u,
  );
  add('dot-dot.xlsx', minimalWorkbook('', { extra: [{ name: 'xl/../../evil.sh', data: Buffer.from('rm -rf /') }] }), /outside the archive/u);
  add('duplicate-names.xlsx', minimalWorkbook('', { extra: [{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>') }] }), /two entries named/u);
  // A stored deflate block whose length check (NLEN) is wrong.
  const broken = Buffer.concat([Buffer.from([0x01, 0x10, 0x00, 0x00, 0x00]), randomBytes(4000)]);
  add(
    'bad-deflate.xlsx',
    minimalWorkbook('', { extra: [{ name: 'xl/styles.xml', deflated: { data: broken, size: 20_000, crc: 1 } }] }),
    /damaged \(it does not inflate\)/u,
  );
  add('too-big.xlsx', Buffer.alloc(51 * 1024 * 1024), /at most 50 MB/u);
  add('empty.xlsx', Buffer.alloc(0), /not an \.xlsx workbook/u);
  return files;
}

/** The text of one part of a zip (for tests that look at the XML the writer produced). */
export function zipPart(zip: Buffer, name: string): string {
  let at = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(at + 10);
  at = zip.readUInt32LE(at + 16);
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const entryName = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const compressedSize = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      return inflateRawSync(zip.subarray(start, start + compressedSize)).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`no part ${name}`);
}
