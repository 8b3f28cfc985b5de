import { xmlAttribute, xmlText } from './xml';

/**
 * Native Excel charts (DrawingML chart parts, ECMA-376 Part 1 §21.2) bound to cell ranges:
 * Excel and LibreOffice redraw them from the live cells, the caches here only serve a reader
 * that draws before it recalculates. Element order follows the schema (CT_ChartSpace,
 * CT_BarChart, CT_BarSer, CT_LineSer, CT_PieSer, CT_CatAx, CT_ValAx); a reader rejects a part
 * whose children are out of order.
 */
export interface ChartSeries {
  /** The series name: a cell reference and its text now. */
  name: { ref: string; text: string };
  /** Category labels (shared by the series of a chart). */
  categories: { ref: string; values: readonly (string | number)[] };
  values: { ref: string; values: readonly (number | null)[] };
  /** RGB hex without '#'; 'none' draws no fill (the invisible base of a waterfall). */
  color: string;
}

export interface ChartSpec {
  kind: 'column' | 'stackedColumn' | 'bar' | 'pie';
  title: string;
  series: ChartSeries[];
  /** Series drawn as a line over the columns (on the same axes). */
  lines?: ChartSeries[];
  /** The value axis title (the unit). */
  valueTitle?: string;
  valueFormat?: string;
  /** Horizontal bars listed top-down in row order (a tornado). */
  reverseCategories?: boolean;
  /** Series names hidden from the legend (by index in `series`). */
  hideLegendFor?: readonly number[];
  /** The font the chart text uses (Latin and East Asian). */
  font: string;
  language: string;
  /** Anchor on the sheet: zero-based from/to cells. */
  at: { fromCol: number; fromRow: number; toCol: number; toRow: number };
}

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PALETTE = ['2E75B6', 'C55A11', '548235', 'BF9000', '7030A0', '2F5597', '843C0C', '375623', '7F6000', '3A3838', 'A5A5A5', '4472C4'];
const CATEGORY_AXIS = 50010;
const VALUE_AXIS = 50020;

export function chartXml(spec: ChartSpec): string {
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">`);
  out.push(`<c:lang val="${xmlAttribute(spec.language)}"/><c:roundedCorners val="0"/><c:chart>`);
  out.push(`<c:title>${richText(spec.title, spec, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`);
  out.push('<c:plotArea><c:layout/>');
  if (spec.kind === 'pie') {
    out.push('<c:pieChart><c:varyColors val="1"/>');
    spec.series.forEach((series, i) => out.push(seriesXml(series, i, 'pie')));
    out.push('<c:firstSliceAng val="0"/></c:pieChart>');
  } else {
    const stacked = spec.kind === 'stackedColumn';
    out.push(
      `<c:barChart><c:barDir val="${spec.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>`,
    );
    spec.series.forEach((series, i) => out.push(seriesXml(series, i, 'bar')));
    // Overlapping bars: the stacked waterfall, and the tornado's low and high on one row.
    const overlap = stacked || spec.kind === 'bar' ? '<c:overlap val="100"/>' : '';
    out.push(
      `<c:gapWidth val="${stacked || spec.kind === 'bar' ? 60 : 120}"/>${overlap}<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>`,
    );
    if (spec.lines && spec.lines.length > 0) {
      out.push('<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>');
      spec.lines.forEach((series, k) => out.push(seriesXml(series, spec.series.length + k, 'line')));
      out.push(`<c:marker val="1"/><c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:lineChart>`);
    }
    const horizontal = spec.kind === 'bar';
    out.push(
      `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${spec.reverseCategories ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
        `<c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
        `<c:tickLblPos val="low"/>${axisText(spec)}<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`,
    );
    out.push(
      `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/>` +
        '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
        (spec.valueTitle ? `<c:title>${richText(spec.valueTitle, spec, 900, false)}<c:overlay val="0"/></c:title>` : '') +
        `<c:numFmt formatCode="${xmlAttribute(spec.valueFormat ?? '#,##0')}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
        `${axisText(spec)}<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="${spec.reverseCategories ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`,
    );
  }
  out.push('</c:plotArea>');
  const hidden = spec.hideLegendFor ?? [];
  out.push(
    `<c:legend><c:legendPos val="b"/>${hidden.map((i) => `<c:legendEntry><c:idx val="${i}"/><c:delete val="1"/></c:legendEntry>`).join('')}<c:overlay val="0"/></c:legend>`,
  );
  out.push('<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>');
  out.push(
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900">${fonts(spec.font)}</a:defRPr></a:pPr><a:endParaRPr lang="${xmlAttribute(spec.language)}"/></a:p></c:txPr>`,
  );
  out.push(
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup paperSize="9" orientation="landscape"/></c:printSettings>',
  );
  out.push('</c:chartSpace>');
  return out.join('');
}

function fonts(font: string): string {
  const face = xmlAttribute(font);
  return `<a:latin typeface="${face}"/><a:ea typeface="${face}"/><a:cs typeface="${face}"/>`;
}

function richText(text: string, spec: ChartSpec, size: number, bold: boolean): string {
  const run = `<a:rPr lang="${xmlAttribute(spec.language)}" sz="${size}" b="${bold ? 1 : 0}">${fonts(spec.font)}</a:rPr>`;
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r>${run}<a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function axisText(spec: ChartSpec): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900">${fonts(spec.font)}</a:defRPr></a:pPr><a:endParaRPr lang="${xmlAttribute(spec.language)}"/></a:p></c:txPr>`;
}

function seriesXml(series: ChartSeries, index: number, type: 'bar' | 'line' | 'pie'): string {
  const fill = series.color === 'none' ? '<a:noFill/>' : `<a:solidFill><a:srgbClr val="${series.color}"/></a:solidFill>`;
  const spPr =
    type === 'line'
      ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${series.color}"/></a:solidFill><a:round/></a:ln></c:spPr>`
      : type === 'pie'
        ? '<c:spPr><a:ln w="12700"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr>'
        : `<c:spPr>${fill}${series.color === 'none' ? '<a:ln><a:noFill/></a:ln>' : ''}</c:spPr>`;
  const head = `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:strRef><c:f>${xmlText(series.name.ref)}</c:f>${stringCache([series.name.text])}</c:strRef></c:tx>${spPr}`;
  const categories = series.categories.values.every((value) => typeof value === 'number')
    ? `<c:cat><c:numRef><c:f>${xmlText(series.categories.ref)}</c:f>${numberCache(series.categories.values, 'General')}</c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${xmlText(series.categories.ref)}</c:f>${stringCache(series.categories.values.map(String))}</c:strRef></c:cat>`;
  const values = `<c:val><c:numRef><c:f>${xmlText(series.values.ref)}</c:f>${numberCache(series.values.values, 'General')}</c:numRef></c:val>`;
  if (type === 'bar') return `${head}<c:invertIfNegative val="0"/>${categories}${values}</c:ser>`;
  if (type === 'line') return `${head}<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>${categories}${values}<c:smooth val="0"/></c:ser>`;
  const labels =
    '<c:dLbls><c:numFmt formatCode="0.0%" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:dLblPos val="bestFit"/><c:showLegendKey val="0"/><c:showVal val="0"/>' +
    '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>';
  // A pie needs a fill per slice (readers do not all vary the colours on their own).
  const slices = series.values.values
    .map(
      (_, i) =>
        `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${PALETTE[i % PALETTE.length]}"/></a:solidFill><a:ln w="12700"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>`,
    )
    .join('');
  return `${head}${slices}${labels}${categories}${values}</c:ser>`;
}

function stringCache(values: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((value, i) => `<c:pt idx="${i}"><c:v>${xmlText(value)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numberCache(values: readonly (number | null | string)[], format: string): string {
  const points = values.map((value, i) => (typeof value === 'number' && Number.isFinite(value) ? `<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>` : '')).join('');
  return `<c:numCache><c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

/** The drawing part that places charts on a sheet; chart k is relationship rId(k+1) of the drawing. */
export function drawingXml(charts: readonly ChartSpec[]): string {
  const anchors = charts.map((chart, k) => {
    const { fromCol, fromRow, toCol, toRow } = chart.at;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${fromCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="Chart ${k + 1}"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="rId${k + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    anchors.join('') +
    '</xdr:wsDr>'
  );
}
