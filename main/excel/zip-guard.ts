import { createInflateRaw, crc32 } from 'node:zlib';
import type { ZipRefusal } from '../../shared/messages/codes/import';
import { problem, type Problem } from '../../shared/messages/problems';
import { renderProblem } from '../../shared/messages/render';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { sheetNamesByPart } from './sheet-parts';
import { columnName, columnNumber } from './xlsx-writer';

/**
 * Checks a workbook file before any parser sees it, by reading the zip structure directly:
 * the central directory (entry count, names, declared sizes and compression ratios), then
 * every entry inflated as a stream against its declared size and CRC (a zip may lie about its
 * sizes; the stream stops as soon as an entry inflates past what it declared), counting the
 * non-empty cells of the worksheets and checking their addresses on the way. Memory stays at
 * a few chunks whatever the file holds.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the compressed data starts. */
  dataOffset: number;
}

export interface GuardReport {
  entries: ZipEntry[];
  cells: number;
}

/** A refusal of the guard: what is wrong as a coded problem; the message is its English wording, for logs. */
export class GuardError extends Error {
  override readonly name = 'GuardError';

  constructor(readonly problem: Problem) {
    super(renderProblem(problem, { language: 'en', unit: 'yuan' }));
  }
}

/** The zip is damaged or built as no workbook is; `entry` names the part. */
function refused(reason: ZipRefusal, entry?: string, more: { method?: number; bytes?: number; declared?: number } = {}): GuardError {
  return new GuardError(problem('zip-refused', { reason, ...(entry === undefined ? {} : { entry }), ...more }));
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** What kind of file the first bytes say this is. */
export function sniff(buffer: Buffer): 'zip' | 'cfb' | 'other' {
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL) return 'zip';
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === EOCD) return 'zip';
  if (buffer.length >= 8 && buffer.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'cfb';
  return 'other';
}

/**
 * An OLE compound file is either a password-protected .xlsx (Office wraps the encrypted
 * package in one, with an "EncryptionInfo" stream) or an old binary .xls: true for the first.
 */
export function isEncrypted(buffer: Buffer): boolean {
  return buffer.includes(Buffer.from('EncryptionInfo', 'utf16le')) || buffer.includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

export function readCentralDirectory(buffer: Buffer, limits: ImportLimits = IMPORT_LIMITS): ZipEntry[] {
  const end = findEndOfCentralDirectory(buffer);
  if (end < 0) throw refused('truncated');
  if (end >= 20 && buffer.readUInt32LE(end - 20) === ZIP64_LOCATOR) throw refused('zip64');
  const count = buffer.readUInt16LE(end + 10);
  const centralSize = buffer.readUInt32LE(end + 12);
  const centralOffset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || centralOffset === 0xffffffff) throw refused('zip64');
  if (count > limits.maxZipEntries) throw new GuardError(problem('workbook-over-limit', { limit: 'entries', count, max: limits.maxZipEntries }));
  if (centralOffset + centralSize > end) throw refused('directory-outside');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let at = centralOffset;
  let totalSize = 0;
  let totalCompressed = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buffer.readUInt32LE(at) !== CENTRAL) throw refused('directory-damaged');
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const crc = buffer.readUInt32LE(at + 16);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    const nameBytes = buffer.subarray(at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (at > end) throw refused('directory-damaged');
    const name = nameBytes.toString(flags & 0x0800 ? 'utf8' : 'latin1');
    checkName(name, seen);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw refused('zip64');
    if (flags & 0x0001) throw refused('entry-encrypted', name);
    if (method !== 0 && method !== 8) throw refused('compression', name, { method });
    if (method === 0 && compressedSize !== size) throw refused('two-sizes', name);

    totalSize += size;
    totalCompressed += compressedSize;
    if (totalSize > limits.maxInflatedBytes) throw new GuardError(problem('zip-bomb', { reason: 'total-size', max: limits.maxInflatedBytes }));
    if (size >= limits.ratioCheckMinBytes && size / Math.max(1, compressedSize) > limits.maxCompressionRatio)
      throw new GuardError(
        problem('zip-bomb', {
          reason: 'entry-ratio',
          entry: name,
          ratio: size / Math.max(1, compressedSize),
          compressed: compressedSize,
          bytes: size,
          max: limits.maxCompressionRatio,
        }),
      );

    // The local header: its name must be the directory's, and the data must lie before the directory.
    if (localOffset + 30 > centralOffset || buffer.readUInt32LE(localOffset) !== LOCAL) throw refused('no-local-header', name);
    const localNameLength = buffer.readUInt16LE(localOffset + 26);
    const localExtraLength = buffer.readUInt16LE(localOffset + 28);
    if (!buffer.subarray(localOffset + 30, localOffset + 30 + localNameLength).equals(nameBytes)) throw refused('local-name', name);
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > centralOffset) throw refused('past-end', name);
    entries.push({ name, method, flags, crc, compressedSize, size, dataOffset });
  }
  if (totalSize >= limits.ratioCheckMinBytes && totalSize / Math.max(1, totalCompressed) > limits.maxCompressionRatio)
    throw new GuardError(problem('zip-bomb', { reason: 'ratio', ratio: totalSize / Math.max(1, totalCompressed), max: limits.maxCompressionRatio }));
  return entries;
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= lowest; at--) {
    if (buffer.readUInt32LE(at) !== EOCD) continue;
    // The comment must end the file exactly; otherwise these bytes are data that look like a signature.
    if (at + 22 + buffer.readUInt16LE(at + 20) === buffer.length) return at;
  }
  return -1;
}

function checkName(name: string, seen: Set<string>): void {
  if (name === '' || name.includes('\0')) throw refused('name-invalid');
  if (name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/u.test(name)) throw refused('name-absolute', name);
  if (name.split('/').includes('..')) throw refused('name-outside', name);
  const key = name.toLowerCase();
  if (seen.has(key)) throw refused('name-twice', name);
  seen.add(key);
}

/** Inflates every entry as a stream and checks it; counts the worksheet cells. */
export async function inspectEntries(buffer: Buffer, entries: readonly ZipEntry[], limits: ImportLimits = IMPORT_LIMITS): Promise<GuardReport> {
  const names = new Set(entries.map((entry) => entry.name.toLowerCase()));
  if (names.has('mimetype') && !names.has('[content_types].xml')) throw new GuardError(problem('not-xlsx-package', { kind: 'ods' }));
  if (!names.has('[content_types].xml')) throw new GuardError(problem('not-xlsx-package', { kind: 'other' }));
  if ([...names].some((name) => name.endsWith('vbaproject.bin'))) throw new GuardError(problem('workbook-macros', { kind: 'vba' }));
  const counter = { cells: 0 };
  const sheets = await sheetNames(buffer, entries);
  for (const entry of entries) {
    const key = entry.name.toLowerCase();
    const where: Where = { part: entry.name, ...(sheets.has(key) ? { sheet: sheets.get(key)! } : {}) };
    const scanner = /(^|\/)worksheets\/[^/]+\.xml$/u.test(key)
      ? both(new SheetScanner(where, counter, limits), new TextRunScanner(where, limits.maxCellChars))
      : /(^|\/)sharedstrings\.xml$/u.test(key)
        ? new TextRunScanner(where, limits.maxCellChars)
        : key === '[content_types].xml'
          ? new ContentTypesScanner()
          : undefined;
    await inflateEntry(buffer, entry, scanner);
    scanner?.finish();
  }
  return { entries: [...entries], cells: counter.cells };
}

interface Scanner {
  feed(text: string): void;
  finish(): void;
}

/** A part of the package, and the sheet it is when it is a worksheet the workbook names. */
type Where = { part: string; sheet?: string };

/** The largest workbook part (and its relationships) read to name the sheets. */
const NAMES_MAX_BYTES = 1024 * 1024;

/** Sheet names by worksheet part (lower case), when the workbook part and its relationships are small enough to read. */
async function sheetNames(buffer: Buffer, entries: readonly ZipEntry[]): Promise<Map<string, string>> {
  const byName = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  const workbook = byName.get('xl/workbook.xml');
  const relationships = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !relationships || workbook.size > NAMES_MAX_BYTES || relationships.size > NAMES_MAX_BYTES) return new Map();
  const text = async (entry: ZipEntry): Promise<string> => {
    const pieces: string[] = [];
    await inflateEntry(buffer, entry, { feed: (piece) => pieces.push(piece), finish: () => undefined });
    return Buffer.from(pieces.join(''), 'latin1').toString('utf8');
  };
  return sheetNamesByPart(workbook.name, await text(workbook), await text(relationships));
}

async function inflateEntry(buffer: Buffer, entry: ZipEntry, scanner: Scanner | undefined): Promise<void> {
  const data = buffer.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    if (crc32(data) >>> 0 !== entry.crc >>> 0) throw refused('checksum', entry.name);
    feedInPieces(scanner, data);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    let crc = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(error);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > entry.size) {
        fail(new GuardError(problem('zip-bomb', { reason: 'past-declared', entry: entry.name, bytes: entry.size })));
        return;
      }
      crc = crc32(chunk, crc);
      try {
        scanner?.feed(chunk.toString('latin1'));
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      }
    });
    inflate.on('error', () => fail(refused('not-inflating', entry.name)));
    inflate.on('end', () => {
      if (failed) return;
      if (size !== entry.size) fail(refused('wrong-size', entry.name, { bytes: size, declared: entry.size }));
      else if (crc >>> 0 !== entry.crc >>> 0) fail(refused('checksum', entry.name));
      else resolve();
    });
    inflate.end(data);
  });
}

function feedInPieces(scanner: Scanner | undefined, data: Buffer): void {
  if (!scanner) return;
  for (let at = 0; at < data.length; at += 64 * 1024) scanner.feed(data.subarray(at, at + 64 * 1024).toString('latin1'));
}

/**
 * Reads worksheet XML as it inflates: counts non-empty cells (a cell with content has a closing
 * tag, an empty styled cell is self-closing) and checks every cell and row address. Only
 * complete tags are looked at; the rest of a chunk waits for the next one.
 */
class SheetScanner implements Scanner {
  private carry = '';

  constructor(
    private readonly where: Where,
    private readonly counter: { cells: number },
    private readonly limits: ImportLimits,
  ) {}

  feed(text: string): void {
    const all = this.carry + text;
    const cut = all.lastIndexOf('>') + 1;
    const complete = all.slice(0, cut);
    this.carry = all.slice(cut);
    // A text node without tags can be long; only a tag's beginning matters, so keep the tail.
    if (this.carry.length > 64 * 1024) this.carry = this.carry.slice(-1024);
    // Any legal spelling of the closing tag: a prefix, and white space before the '>' (`</c >`, `</x:c\n>`).
    this.counter.cells += complete.match(/<\/(?:[A-Za-z_][\w.-]*:)?c[\t\n\r ]*>/gu)?.length ?? 0;
    if (this.counter.cells > this.limits.maxCells) throw new GuardError(problem('too-many-cells', { max: this.limits.maxCells }));
    for (const match of complete.matchAll(/<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br\s*=\s*["']([A-Za-z]{1,4})(\d{1,9})["']/gu)) {
      const column = columnNumber(match[1]!.toUpperCase()) ?? Number.POSITIVE_INFINITY;
      const row = Number(match[2]);
      if (row > this.limits.maxRow || column > this.limits.maxColumn) throw this.outside({ cell: `${match[1]}${match[2]}` });
    }
    for (const match of complete.matchAll(/<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*?\br\s*=\s*["'](\d{1,9})["']/gu)) {
      if (Number(match[1]) > this.limits.maxRow) throw this.outside({ row: Number(match[1]) });
    }
  }

  finish(): void {
    this.carry = '';
  }

  private outside(where: { cell: string } | { row: number }): GuardError {
    return new GuardError(problem('cell-outside-area', { ...this.where, ...where, maxRow: this.limits.maxRow, maxColumn: columnName(this.limits.maxColumn) }));
  }
}

function both(first: Scanner, second: Scanner): Scanner {
  return {
    feed: (text) => {
      first.feed(text);
      second.feed(text);
    },
    finish: () => {
      first.finish();
      second.finish();
    },
  };
}

/**
 * Refuses a text longer than a cell can hold before the parser sees it (a parser spends
 * seconds on one 100 KB string, and a shared string can be shown by every cell). The text
 * between two tags is counted in UTF-16 units from its UTF-8 bytes (the chunks arrive as
 * latin1); an entity such as &quot; counts as the one character it stands for.
 */
class TextRunScanner implements Scanner {
  private inTag = false;
  private inEntity = false;
  private run = 0;

  constructor(
    private readonly where: Where,
    private readonly maxChars: number,
  ) {}

  feed(text: string): void {
    let at = 0;
    while (at < text.length) {
      if (this.inTag) {
        const end = text.indexOf('>', at);
        if (end < 0) return;
        this.inTag = false;
        this.inEntity = false;
        this.run = 0;
        at = end + 1;
        continue;
      }
      const start = text.indexOf('<', at);
      const stop = start < 0 ? text.length : start;
      for (let i = at; i < stop; i++) {
        const byte = text.charCodeAt(i);
        if (this.inEntity) {
          if (byte === 0x3b) this.inEntity = false;
          continue;
        }
        if (byte === 0x26) {
          // &quot; &#x41; ...: one character, however it is spelled.
          this.inEntity = true;
          this.run += 1;
          continue;
        }
        // UTF-8: a continuation byte adds nothing; a 4-byte sequence is two UTF-16 units.
        if (byte < 0x80 || byte >= 0xc0) this.run += byte >= 0xf0 ? 2 : 1;
      }
      if (this.run > this.maxChars) throw new GuardError(problem('cell-text-too-long', { ...this.where, max: this.maxChars }));
      if (start < 0) return;
      this.inTag = true;
      at = start + 1;
    }
  }

  finish(): void {
    this.inTag = false;
    this.inEntity = false;
    this.run = 0;
  }
}

/** Refuses a macro-enabled or template package however its parts are named. */
class ContentTypesScanner implements Scanner {
  private text = '';

  feed(text: string): void {
    if (this.text.length < 1024 * 1024) this.text += text;
  }

  finish(): void {
    if (/macroEnabled/iu.test(this.text)) throw new GuardError(problem('workbook-macros', { kind: 'macro-enabled' }));
  }
}
