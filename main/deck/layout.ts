import type PptxGenJS from 'pptxgenjs';
import type { DeckContext } from './context';
import { cellLines, cutCell, fitText, rowHeight, TEXT_MARGIN_PT } from './fit';

/**
 * The frame every content slide shares (16:9, 13.33 x 7.5 in): an accent stripe, a title that
 * shrinks to fit, a subtitle line, the content area, and a footer with the model, the client
 * and the page number. Positions are inches.
 */
export const SLIDE = { w: 13.333, h: 7.5 } as const;
export const CONTENT = { x: 0.6, y: 1.5, w: 12.13, h: 5.3 } as const;
export const INK = '1F2933';
export const MUTED = '5F6B7A';
export const RULE = 'D5DBE3';
export const GOOD = '2E8B57';
export const BAD = 'C0392B';
export const NEUTRAL = '9AA5B1';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextStyle {
  max: number;
  min: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  fill?: string;
}

/** Text sized to its box (see fit.ts); returns the font size used. */
export function addFittedText(context: DeckContext, slide: PptxGenJS.Slide, text: string, box: Box, style: TextStyle): number {
  const fitted = fitText(text, box, style.max, style.min);
  slide.addText(fitted.text, {
    ...box,
    fontFace: context.font,
    fontSize: fitted.fontSize,
    bold: style.bold ?? false,
    color: style.color ?? INK,
    align: style.align ?? 'left',
    valign: style.valign ?? 'top',
    margin: TEXT_MARGIN_PT,
    fit: 'shrink',
    wrap: true,
    lineSpacingMultiple: 1,
    ...(style.fill ? { fill: { color: style.fill } } : {}),
  });
  return fitted.fontSize;
}

/** A content slide with its title and subtitle; counted for the footer. */
export function contentSlide(context: DeckContext, title: string, subtitle: string | null): PptxGenJS.Slide {
  const slide = context.pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  slide.addShape(context.pptx.ShapeType.rect, { x: 0, y: 0, w: 0.18, h: SLIDE.h, fill: { color: context.style.accent }, line: { type: 'none' } });
  const logoRoom = context.style.logo ? 1.5 : 0;
  addFittedText(
    context,
    slide,
    title,
    { x: CONTENT.x, y: 0.32, w: CONTENT.w - logoRoom, h: 0.72 },
    { max: 28, min: 16, bold: true, color: INK, valign: 'middle' },
  );
  if (subtitle)
    addFittedText(context, slide, subtitle, { x: CONTENT.x, y: 1.04, w: CONTENT.w - logoRoom, h: 0.36 }, { max: 13, min: 9, color: MUTED, valign: 'middle' });
  slide.addShape(context.pptx.ShapeType.line, { x: CONTENT.x, y: 1.44, w: CONTENT.w, h: 0, line: { color: RULE, width: 0.75 } });
  addLogo(context, slide, { x: SLIDE.w - 0.6 - 1.3, y: 0.32, w: 1.3, h: 0.72 });
  context.pages.push(slide);
  return slide;
}

/** A slide a table or chart runs over to; its notes point to the slide it continues. */
export function continuedSlide(context: DeckContext, title: string, subtitle: string | null): PptxGenJS.Slide {
  const slide = contentSlide(context, `${title} ${context.text('continued')}`, subtitle);
  slide.addNotes(context.text('notes.continued', { title }));
  return slide;
}

/** The logo, scaled to fit the box and centred in it. */
export function addLogo(context: DeckContext, slide: PptxGenJS.Slide, box: Box): void {
  const logo = context.style.logo;
  if (!logo) return;
  const size = imageSize(logo.data);
  let { w, h } = box;
  if (size) {
    const scale = Math.min(box.w / size.width, box.h / size.height);
    w = size.width * scale;
    h = size.height * scale;
  }
  slide.addImage({
    data: `image/${logo.type};base64,${logo.data.toString('base64')}`,
    x: box.x + (box.w - w),
    y: box.y + (box.h - h) / 2,
    w,
    h,
    altText: context.style.client ?? 'logo',
  });
}

/** Width and height in pixels of a PNG or JPEG; undefined when the header cannot be read. */
export function imageSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (data[0] === 0xff && data[1] === 0xd8) {
    let at = 2;
    while (at + 9 < data.length) {
      if (data[at] !== 0xff) return undefined;
      const marker = data[at + 1]!;
      const length = data.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { width: data.readUInt16BE(at + 7), height: data.readUInt16BE(at + 5) };
      at += 2 + length;
    }
  }
  return undefined;
}

/** Page numbers and the footer line, once every slide exists. */
export function addFooters(context: DeckContext): void {
  const left = [context.model.name, context.style.client].filter(Boolean).join(' · ');
  context.pages.forEach((slide, index) => {
    if (index === 0) return;
    addFittedText(context, slide, left, { x: CONTENT.x, y: 7.04, w: 9.5, h: 0.3 }, { max: 9, min: 7, color: MUTED, valign: 'middle' });
    slide.addText(context.text('page', { n: index + 1, of: context.pages.length }), {
      x: SLIDE.w - 0.6 - 1.5,
      y: 7.04,
      w: 1.5,
      h: 0.3,
      fontFace: context.font,
      fontSize: 9,
      color: MUTED,
      align: 'right',
      valign: 'middle',
      margin: TEXT_MARGIN_PT,
    });
  });
}

export interface Cell {
  text: string;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  color?: string;
  fill?: string;
}

export interface TableSpec {
  header: Cell[];
  rows: Cell[][];
  /** Column widths in inches. */
  colW: number[];
  fontSize: number;
  /** A cell's text is cut to this many lines (the notes keep it whole). */
  maxLines?: number;
  /** Rows marked here stay on the last page (totals). */
}

const CELL_MARGIN_PT = 3;

/**
 * A table laid out over as many slides as it needs: every cell wraps within its column and is
 * cut to `maxLines`, row heights are worked out from the wrapped lines, and rows go to the next
 * slide (made by `nextSlide`, header repeated) when the next row would cross `bottom`. The
 * deck pages its own tables rather than using pptxgenjs' autoPage so that the row heights it
 * plans are the ones it checks.
 */
export function addPagedTable(
  context: DeckContext,
  first: { slide: PptxGenJS.Slide; x: number; y: number; bottom: number },
  spec: TableSpec,
  nextSlide: () => { slide: PptxGenJS.Slide; y: number },
): number {
  const maxLines = spec.maxLines ?? 2;
  const prepare = (row: Cell[], header: boolean) => {
    let lines = 1;
    const cells = row.map((cell, c) => {
      const width = spec.colW[c]!;
      const text = cutCell(cell.text, width, spec.fontSize, CELL_MARGIN_PT, maxLines);
      lines = Math.max(lines, cellLines(text, width, spec.fontSize, CELL_MARGIN_PT));
      return { cell, text, header };
    });
    return { cells, height: rowHeight(lines, spec.fontSize, CELL_MARGIN_PT) + 0.02 };
  };
  const header = prepare(spec.header, true);
  const rows = spec.rows.map((row) => prepare(row, false));
  let page = { slide: first.slide, y: first.y, bottom: first.bottom };
  let pending: typeof rows = [];
  let used = header.height;
  let pages = 1;
  const flush = () => {
    const tableRows = [header, ...pending].map((row) =>
      row.cells.map(({ cell, text, header: isHeader }) => ({
        text,
        options: {
          align: cell.align ?? 'left',
          bold: isHeader || (cell.bold ?? false),
          color: isHeader ? 'FFFFFF' : (cell.color ?? INK),
          fill: { color: isHeader ? context.style.accent : (cell.fill ?? 'FFFFFF') },
          valign: 'middle' as const,
        },
      })),
    );
    page.slide.addTable(tableRows, {
      x: first.x,
      y: page.y,
      w: spec.colW.reduce((sum, width) => sum + width, 0),
      colW: spec.colW,
      rowH: [header, ...pending].map((row) => row.height),
      fontFace: context.font,
      fontSize: spec.fontSize,
      margin: CELL_MARGIN_PT,
      border: { type: 'solid', color: RULE, pt: 0.75 },
      autoPage: false,
    });
  };
  for (const row of rows) {
    if (pending.length > 0 && page.y + used + row.height > page.bottom) {
      flush();
      const next = nextSlide();
      page = { slide: next.slide, y: next.y, bottom: first.bottom };
      pending = [];
      used = header.height;
      pages++;
    }
    pending.push(row);
    used += row.height;
  }
  flush();
  return pages;
}

/** Chart options every chart shares: fonts, colours of text and grid, no title (the slide has one). */
export function chartBase(context: DeckContext): PptxGenJS.IChartOpts {
  return {
    catAxisLabelFontFace: context.font,
    catAxisLabelFontSize: 10,
    catAxisLabelColor: INK,
    valAxisLabelFontFace: context.font,
    valAxisLabelFontSize: 10,
    valAxisLabelColor: MUTED,
    dataLabelFontFace: context.font,
    dataLabelFontSize: 9,
    dataLabelColor: INK,
    legendFontFace: context.font,
    legendFontSize: 10,
    legendColor: INK,
    valGridLine: { color: 'E5E9EF', size: 0.5 },
    catGridLine: { style: 'none' },
    showTitle: false,
    lang: context.language === 'zh' ? 'zh-CN' : 'en-US',
  };
}

/** An Excel number format with one decimal and thousands separators; zero shows nothing. */
export const AMOUNT_FORMAT = '#,##0.0;-#,##0.0;;';
export const PERCENT_FORMAT = '0.0%';
