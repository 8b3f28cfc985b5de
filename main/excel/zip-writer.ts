import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A minimal ZIP writer for the workbook package: deflated entries, UTF-8 names, no ZIP64
 * (an entry or the archive above 4 GB is refused). Entries are compressed on libuv's thread
 * pool while the caller builds the next part, and the archive is assembled in memory (an
 * exported workbook is a few MB compressed).
 */
interface Entry {
  name: Buffer;
  data: Buffer[];
  compressedSize: number;
  crc: number;
  size: number;
}

export class ZipWriter {
  private readonly entries: Promise<Entry>[] = [];
  /** Uncompressed bytes handed to zlib and not yet compressed. */
  private pending = 0;
  private drained = 0;

  /**
   * `level` is zlib's level for parts up to 1 MB; bigger parts (the sheets of a large model)
   * use level 1, which deflates several times faster for a file about 20% larger: on two
   * cores the compression competes with building the sheets.
   */
  constructor(private readonly level = 6) {}

  /** Adds an entry given as one piece or as consecutive pieces (never copied into one). */
  add(name: string, content: string | Buffer | readonly Buffer[]): void {
    const parts = typeof content === 'string' ? [Buffer.from(content, 'utf8')] : Buffer.isBuffer(content) ? [content] : content;
    let size = 0;
    let crc = 0;
    for (const part of parts) {
      size += part.length;
      crc = crc32(part, crc);
    }
    if (size >= 0xffffffff) throw new Error(`zip entry ${name} is too large (${size} bytes)`);
    const level = size > 1024 * 1024 ? Math.min(1, this.level) : this.level;
    this.pending += size;
    this.entries.push(
      new Promise<Entry>((resolve, reject) => {
        const deflate = createDeflateRaw({ level, chunkSize: 256 * 1024 });
        const data: Buffer[] = [];
        let compressedSize = 0;
        deflate.on('data', (chunk: Buffer) => {
          data.push(chunk);
          compressedSize += chunk.length;
        });
        deflate.on('error', reject);
        deflate.on('end', () => {
          this.pending -= size;
          resolve({ name: Buffer.from(name, 'utf8'), data, compressedSize, crc, size });
        });
        for (const part of parts) deflate.write(part);
        deflate.end();
      }),
    );
  }

  /**
   * Waits until at most `limit` uncompressed bytes are still being compressed: a caller that
   * produces parts faster than zlib compresses them keeps its memory bounded.
   */
  async drain(limit: number): Promise<void> {
    while (this.pending > limit && this.drained < this.entries.length) await this.entries[this.drained++];
  }

  async finish(): Promise<Buffer> {
    const entries = await Promise.all(this.entries);
    const parts: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const entry of entries) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      writeCommon(local, 4, entry);
      parts.push(local, entry.name, ...entry.data);
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
      writeCommon(record, 6, entry);
      record.writeUInt16LE(0, 32); // comment length
      record.writeUInt16LE(0, 34); // disk number
      record.writeUInt16LE(0, 36); // internal attributes
      record.writeUInt32LE(0, 38); // external attributes
      record.writeUInt32LE(offset, 42);
      central.push(record, entry.name);
      offset += local.length + entry.name.length + entry.compressedSize;
      if (offset >= 0xffffffff) throw new Error('the workbook package would exceed 4 GB');
    }
    const centralSize = central.reduce((sum, part) => sum + part.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...parts, ...central, end]);
  }
}

/** The fields local and central headers share, from "version needed" on. */
function writeCommon(buffer: Buffer, at: number, entry: Entry): void {
  buffer.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  buffer.writeUInt16LE(0x0800, at + 2); // names are UTF-8
  buffer.writeUInt16LE(8, at + 4); // deflate
  buffer.writeUInt16LE(0, at + 6); // time 00:00
  buffer.writeUInt16LE(0x0021, at + 8); // date 1980-01-01: the same workbook gives the same bytes
  buffer.writeUInt32LE(entry.crc >>> 0, at + 10);
  buffer.writeUInt32LE(entry.compressedSize, at + 14);
  buffer.writeUInt32LE(entry.size, at + 18);
  buffer.writeUInt16LE(entry.name.length, at + 22);
  buffer.writeUInt16LE(0, at + 24); // extra field length
}
