import { readZip } from '../../../../main/deck/package';

/**
 * A deck read back as a reader of the file would: the slides in order, each with its text
 * (runs joined per paragraph), its speaker notes, the shapes' positions, and the native charts
 * it holds with their cached series (names, categories, values) and the embedded workbook
 * that is the chart's data sheet.
 */
export interface ChartSeries {
  name: string;
  categories: string[];
  values: (number | null)[];
}

export interface ReadChart {
  part: string;
  /** c:barChart, c:lineChart, c:doughnutChart... in plot order. */
  kinds: string[];
  series: ChartSeries[];
  /** The embedded workbook (the chart's data sheet). */
  workbook: Buffer | undefined;
  xml: string;
}

export interface ReadSlide {
  index: number;
  paragraphs: string[];
  text: string;
  notes: string;
  notesXml: string;
  charts: ReadChart[];
  /** Every placed shape, picture, table and chart frame in EMU. */
  frames: { x: number; y: number; w: number; h: number; name: string }[];
  xml: string;
}

export interface ReadDeck {
  slides: ReadSlide[];
  slideSize: { w: number; h: number };
  parts: Map<string, Buffer>;
}

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

export function paragraphs(xml: string): string[] {
  const result: string[] = [];
  for (const paragraph of xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) {
    const runs = [...paragraph.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((match) => decodeXml(match[1]!));
    if (runs.length > 0) result.push(runs.join(''));
  }
  return result;
}

function readSeries(xml: string): ChartSeries[] {
  return (xml.match(/<c:ser>[\s\S]*?<\/c:ser>/g) ?? []).map((series) => {
    const name = decodeXml(/<c:tx>[\s\S]*?<c:v>([\s\S]*?)<\/c:v>/.exec(series)?.[1] ?? '');
    const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(series)?.[1] ?? '';
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(series)?.[1] ?? '';
    const points = (part: string) =>
      [...part.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([\s\S]*?)<\/c:v>/g)].map((match) => ({ idx: Number(match[1]), v: decodeXml(match[2]!) }));
    const categories = points(cat).map((point) => point.v);
    const values = points(val).map((point) => (point.v === '' ? null : Number(point.v)));
    return { name, categories, values };
  });
}

export function readDeck(data: Buffer): ReadDeck {
  const parts = new Map(readZip(data).map((part) => [part.name, part.data]));
  const text = (name: string) => parts.get(name)?.toString('utf8') ?? '';
  const presentation = text('ppt/presentation.xml');
  const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation);
  const slideSize = { w: Number(size?.[1]), h: Number(size?.[2]) };
  const presentationRels = text('ppt/_rels/presentation.xml.rels');
  const slideIds = [...presentation.matchAll(/<p:sldId [^>]*r:id="(rId\d+)"/g)].map((match) => match[1]!);
  const slides = slideIds.map((rid, index): ReadSlide => {
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(presentationRels)?.[1] ?? '';
    const name = `ppt/${target.replace(/^\/?ppt\//, '')}`;
    const xml = text(name);
    const rels = text(name.replace('slides/', 'slides/_rels/') + '.rels');
    const related = (type: string) => [...rels.matchAll(new RegExp(`Type="[^"]*/${type}" Target="([^"]+)"`, 'g'))].map((match) => match[1]!);
    const resolve = (target: string) => (target.startsWith('/') ? target.slice(1) : `ppt/${target.replace(/^\.\.\//, '')}`);
    const charts = related('chart').map((target): ReadChart => {
      const part = resolve(target);
      const chartXml = text(part);
      const chartRels = text(part.replace('charts/', 'charts/_rels/') + '.rels');
      const embedded = /Target="([^"]+\.xlsx)"/.exec(chartRels)?.[1];
      return {
        part,
        kinds: [...chartXml.matchAll(/<c:(\w+Chart)>/g)].map((match) => match[1]!),
        series: readSeries(chartXml),
        workbook: embedded ? parts.get(`ppt/${embedded.replace(/^\.\.\//, '')}`) : undefined,
        xml: chartXml,
      };
    });
    const notesPart = related('notesSlide')[0];
    const notesXml = notesPart ? text(resolve(notesPart)) : '';
    const frames = [...xml.matchAll(/<p:cNvPr id="\d+" name="([^"]*)"[\s\S]*?<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g)].map(
      (match) => ({
        name: decodeXml(match[1]!),
        x: Number(match[2]),
        y: Number(match[3]),
        w: Number(match[4]),
        h: Number(match[5]),
      }),
    );
    const slideParagraphs = paragraphs(xml);
    return {
      index: index + 1,
      paragraphs: slideParagraphs,
      text: slideParagraphs.join('\n'),
      notes: paragraphs(notesXml).join('\n'),
      notesXml,
      charts,
      frames,
      xml,
    };
  });
  return { slides, slideSize, parts };
}
