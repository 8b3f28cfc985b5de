import { createInflateRaw, crc32 } from 'node:zlib';
import { formatBytes, IMPORT_LIMITS, type ImportLimits } from './limits';
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

export class GuardError extends Error {
  override readonly name = 'GuardError';
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
  if (end < 0) throw new GuardError('the file is not a complete .xlsx workbook (no zip directory at its end: truncated or damaged)');
  if (end >= 20 && buffer.readUInt32LE(end - 20) === ZIP64_LOCATOR)
    throw new GuardError('the zip uses ZIP64 extensions, which no workbook within the import limits needs');
  const count = buffer.readUInt16LE(end + 10);
  const centralSize = buffer.readUInt32LE(end + 12);
  const centralOffset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || centralOffset === 0xffffffff) throw new GuardError('the zip uses ZIP64 extensions, which no workbook within the import limits needs');
  if (count > limits.maxZipEntries) throw new GuardError(`the zip holds ${count} entries (at most ${limits.maxZipEntries})`);
  if (centralOffset + centralSize > end) throw new GuardError('the zip directory points outside the file (truncated or damaged)');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let at = centralOffset;
  let totalSize = 0;
  let totalCompressed = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buffer.readUInt32LE(at) !== CENTRAL) throw new GuardError('the zip directory is damaged');
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
    if (at > end) throw new GuardError('the zip directory is damaged');
    const name = nameBytes.toString(flags & 0x0800 ? 'utf8' : 'latin1');
    checkName(name, seen);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      throw new GuardError('the zip uses ZIP64 extensions, which no workbook within the import limits needs');
    if (flags & 0x0001) throw new GuardError(`zip entry ${JSON.stringify(name)} is encrypted`);
    if (method !== 0 && method !== 8)
      throw new GuardError(`zip entry ${JSON.stringify(name)} uses compression method ${method} (only stored and deflated entries are read)`);
    if (method === 0 && compressedSize !== size) throw new GuardError(`zip entry ${JSON.stringify(name)} is damaged (stored with two different sizes)`);

    totalSize += size;
    totalCompressed += compressedSize;
    if (totalSize > limits.maxInflatedBytes)
      throw new GuardError(`the zip entries would inflate to more than ${formatBytes(limits.maxInflatedBytes)} (a zip bomb?)`);
    if (size >= limits.ratioCheckMinBytes && size / Math.max(1, compressedSize) > limits.maxCompressionRatio)
      throw new GuardError(
        `zip entry ${JSON.stringify(name)} would inflate ${Math.round(size / Math.max(1, compressedSize))} times (${formatBytes(compressedSize)} to ${formatBytes(size)}; at most ${limits.maxCompressionRatio}:1): a zip bomb?`,
      );

    // The local header: its name must be the directory's, and the data must lie before the directory.
    if (localOffset + 30 > centralOffset || buffer.readUInt32LE(localOffset) !== LOCAL)
      throw new GuardError(`zip entry ${JSON.stringify(name)} is damaged (no local header)`);
    const localNameLength = buffer.readUInt16LE(localOffset + 26);
    const localExtraLength = buffer.readUInt16LE(localOffset + 28);
    if (!buffer.subarray(localOffset + 30, localOffset + 30 + localNameLength).equals(nameBytes))
      throw new GuardError(`zip entry ${JSON.stringify(name)} is damaged (its local header names another file)`);
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > centralOffset) throw new GuardError(`zip entry ${JSON.stringify(name)} is damaged (its data runs past the end)`);
    entries.push({ name, method, flags, crc, compressedSize, size, dataOffset });
  }
  if (totalSize >= limits.ratioCheckMinBytes && totalSize / Math.max(1, totalCompressed) > limits.maxCompressionRatio)
    throw new GuardError(
      `the zip would inflate ${Math.round(totalSize / Math.max(1, totalCompressed))} times (at most ${limits.maxCompressionRatio}:1): a zip bomb?`,
    );
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
  const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  if (name === '' || name.includes('\0')) throw new GuardError('a zip entry has an empty or invalid name');
  if (name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/u.test(name)) throw new GuardError(`zip entry ${shown} has an absolute or Windows path`);
  if (name.split('/').includes('..')) throw new GuardError(`zip entry ${shown} points outside the archive ("..")`);
  const key = name.toLowerCase();
  if (seen.has(key)) throw new GuardError(`the zip holds two entries named ${shown}`);
  seen.add(key);
}

/** Inflates every entry as a stream and checks it; counts the worksheet cells. */
export async function inspectEntries(buffer: Buffer, entries: readonly ZipEntry[], limits: ImportLimits = IMPORT_LIMITS): Promise<GuardReport> {
  const names = new Set(entries.map((entry) => entry.name.toLowerCase()));
  if (names.has('mimetype') && !names.has('[content_types].xml'))
    throw new GuardError('this is an OpenDocument file (.ods), not an .xlsx workbook; save it as .xlsx');
  if (!names.has('[content_types].xml')) throw new GuardError('the zip is not an .xlsx workbook (it has no [Content_Types].xml)');
  if ([...names].some((name) => name.endsWith('vbaproject.bin')))
    throw new GuardError('the workbook contains macros (VBA); save it as a macro-free workbook (.xlsx) and import that');
  const counter = { cells: 0 };
  for (const entry of entries) {
    const key = entry.name.toLowerCase();
    const scanner = /(^|\/)worksheets\/[^/]+\.xml$/u.test(key)
      ? both(new SheetScanner(entry.name, counter, limits), new TextRunScanner(entry.name, limits.maxCellChars))
      : /(^|\/)sharedstrings\.xml$/u.test(key)
        ? new TextRunScanner(entry.name, limits.maxCellChars)
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

async function inflateEntry(buffer: Buffer, entry: ZipEntry, scanner: Scanner | undefined): Promise<void> {
  const data = buffer.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const shown = JSON.stringify(entry.name);
  if (entry.method === 0) {
    if (crc32(data) >>> 0 !== entry.crc >>> 0) throw new GuardError(`zip entry ${shown} is damaged (checksum mismatch)`);
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
        fail(new GuardError(`zip entry ${shown} inflates to more than the ${formatBytes(entry.size)} it declares (a zip bomb?)`));
        return;
      }
      crc = crc32(chunk, crc);
      try {
        scanner?.feed(chunk.toString('latin1'));
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      }
    });
    inflate.on('error', () => fail(new GuardError(`zip entry ${shown} is damaged (it does not inflate)`)));
    inflate.on('end', () => {
      if (failed) return;
      if (size !== entry.size) fail(new GuardError(`zip entry ${shown} is damaged (${size} bytes instead of ${entry.size})`));
      else if (crc >>> 0 !== entry.crc >>> 0) fail(new GuardError(`zip entry ${shown} is damaged (checksum mismatch)`));
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
    private readonly name: string,
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
    if (this.counter.cells > this.limits.maxCells)
      throw new GuardError(`the workbook holds more than ${this.limits.maxCells.toLocaleString('en-US')} non-empty cells (an import reads at most that many)`);
    for (const match of complete.matchAll(/<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br\s*=\s*["']([A-Za-z]{1,4})(\d{1,9})["']/gu)) {
      const column = columnNumber(match[1]!.toUpperCase()) ?? Number.POSITIVE_INFINITY;
      const row = Number(match[2]);
      if (row > this.limits.maxRow || column > this.limits.maxColumn) throw this.outside(`${match[1]}${match[2]}`);
    }
    for (const match of complete.matchAll(/<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*?\br\s*=\s*["'](\d{1,9})["']/gu)) {
      if (Number(match[1]) > this.limits.maxRow) throw this.outside(`row ${match[1]}`);
    }
  }

  finish(): void {
    this.carry = '';
  }

  private outside(where: string): GuardError {
    return new GuardError(
      `worksheet ${this.name} has a cell at ${where}, outside the area an import reads (rows 1 to ${this.limits.maxRow.toLocaleString('en-US')}, columns A to ${columnName(this.limits.maxColumn)})`,
    );
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
    private readonly name: string,
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
      if (this.run > this.maxChars)
        throw new GuardError(`${this.name} holds a text of more than ${this.maxChars.toLocaleString('en-US')} characters (a cell holds at most that many)`);
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
    if (/macroEnabled/iu.test(this.text))
      throw new GuardError('the workbook contains macros (it is macro-enabled); save it as a macro-free workbook (.xlsx) and import that');
  }
}
