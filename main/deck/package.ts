import { inflateRawSync } from 'node:zlib';
import { ZipWriter } from '../excel/zip-writer';

/**
 * The finishing pass over the package pptxgenjs writes: a series drawn without fill (the
 * invisible base of the waterfall) gets no data labels and no legend entry, which pptxgenjs
 * cannot express per series; each line of the speaker notes is a paragraph; and the package is deflated (pptxgenjs stores its parts
 * uncompressed). Reads the archive's central directory itself: the input is our own output.
 */
export interface ZipPart {
  name: string;
  data: Buffer;
}

export function readZip(zip: Buffer): ZipPart[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressedSize);
    parts.push({ name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

/** Hides the labels and the legend entry of every series drawn without fill. */
export function hideUnfilledSeries(chartXml: string): string {
  const hidden: string[] = [];
  const xml = chartXml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (series) => {
    if (!/<c:spPr>\s*<a:noFill\/>/.test(series)) return series;
    const index = /<c:idx val="(\d+)"\/>/.exec(series)?.[1];
    if (index !== undefined) hidden.push(index);
    return series.replace(/<c:showVal val="1"\/>/, '<c:showVal val="0"/>');
  });
  if (hidden.length === 0) return chartXml;
  const entries = hidden.map((index) => `<c:legendEntry><c:idx val="${index}"/><c:delete val="1"/></c:legendEntry>`).join('');
  return xml.replace(/(<c:legend>\s*<c:legendPos val="[a-z]+"\/>)/, `$1${entries}`);
}

/**
 * pptxgenjs writes speaker notes as one run whose text holds line breaks, which PowerPoint may
 * show as one long line: each line becomes a paragraph of its own.
 */
export function notesParagraphs(notesXml: string): string {
  return notesXml.replace(/<a:r>(<a:rPr[^>]*\/>)<a:t>([^<]*\n[^<]*)<\/a:t><\/a:r>/g, (_, properties: string, text: string) =>
    text
      .split(/\r?\n/)
      .map((line) => `<a:r>${properties}<a:t>${line}</a:t></a:r>`)
      .join('</a:p><a:p>'),
  );
}

export async function finishPackage(zip: Buffer): Promise<Buffer> {
  const writer = new ZipWriter(6);
  for (const part of readZip(zip)) {
    let data = part.data;
    if (/^ppt\/charts\/chart\d+\.xml$/.test(part.name)) data = Buffer.from(hideUnfilledSeries(data.toString('utf8')), 'utf8');
    else if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(part.name)) data = Buffer.from(notesParagraphs(data.toString('utf8')), 'utf8');
    writer.add(part.name, data);
  }
  return writer.finish();
}
