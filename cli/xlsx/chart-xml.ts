import {
  ChartSpec,
  PatchSheet,
  PatchValue,
  isFormula,
  isThresholdSeries,
} from '../../workbook/patch';
import { columnLetters } from '../../workbook/snapshot';
import { sheetRef } from '../../workbook/output-sheets';
import { escapeXml } from './xml';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Series colours (Office's default palette order), so every reader draws the same chart. */
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E'];
const THRESHOLD_COLOUR = 'C00000';

/** One plotted column: its header cell, its value cells and the values cached for previews. */
export interface ChartSeries {
  name: string;
  nameRef: string;
  valuesRef: string;
  values: (number | null)[];
  threshold: boolean;
}

/** A ChartSpec with its table found: absolute ranges on the table's sheet. */
export interface ResolvedChart {
  spec: ChartSpec;
  categoriesRef: string;
  categories: string[];
  series: ChartSeries[];
  /** The plotted columns' number format, for the value axis. */
  numberFormat: string;
}

/**
 * Finds a chart's table among the patch's sheets and turns its columns into absolute
 * references (`'グラフ'!$B$3:$B$12`), so the chart follows the cells when they change.
 */
export function resolveChart(spec: ChartSpec, sheets: readonly PatchSheet[]): ResolvedChart {
  const sheet = sheets.find((s) => s.tables.some((t) => t.name === spec.table));
  const table = sheet?.tables.find((t) => t.name === spec.table);
  if (!sheet || !table) {
    throw new Error(`chart "${spec.title}": no table named ${spec.table} in the patch`);
  }
  const headers = table.columns.map((c) => c.header);
  const column = (header: string) => {
    const j = headers.indexOf(header);
    if (j < 0) throw new Error(`chart "${spec.title}": no column "${header}" in ${spec.table}`);
    return j;
  };
  const first = table.row + 1;
  const last = table.row + Math.max(table.rows.length, 1);
  const at = (j: number, from: number, to: number) => {
    const col = columnLetters(table.column + j);
    const range = from === to ? `$${col}$${from}` : `$${col}$${from}:$${col}$${to}`;
    return `${sheetRef(sheet.name)}!${range}`;
  };
  const cached = (v: PatchValue | undefined) =>
    isFormula(v ?? null) ? (v as { result: PatchValue }).result : v;
  const categoryColumn = column(spec.categories);
  const plotted = spec.series.map(column);
  return {
    spec,
    categoriesRef: at(categoryColumn, first, last),
    categories: table.rows.map((r) => {
      const v = cached(r[categoryColumn]);
      return v === null || v === undefined ? '' : String(v);
    }),
    series: plotted.map((j) => ({
      name: headers[j],
      nameRef: at(j, table.row, table.row),
      valuesRef: at(j, first, last),
      values: table.rows.map((r) => {
        const v = cached(r[j]);
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      }),
      threshold: isThresholdSeries(headers[j]),
    })),
    numberFormat: table.columns[plotted[0]]?.numberFormat ?? 'General',
  };
}

const val = (name: string, value: string | number) => `<c:${name} val="${value}"/>`;

function strCache(values: readonly string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`);
  return `<c:strCache><c:ptCount val="${values.length}"/>${points.join('')}</c:strCache>`;
}

function numCache(values: readonly (number | null)[], format: string): string {
  // An empty cell has no point: the chart shows a gap there.
  const points = values.map((v, i) =>
    v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`,
  );
  return (
    `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${points.join('')}</c:numCache>`
  );
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="ja-JP" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`
  );
}

function seriesShape(kind: ChartSpec['kind'], s: ChartSeries, k: number): string {
  const colour = s.threshold ? THRESHOLD_COLOUR : PALETTE[k % PALETTE.length];
  if (kind === 'column') {
    return `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>`;
  }
  const dash = s.threshold ? '<a:prstDash val="dash"/>' : '';
  return (
    `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>${dash}` +
    '<a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>'
  );
}

function seriesXml(chart: ResolvedChart, s: ChartSeries, k: number): string {
  const { kind } = chart.spec;
  // CT_BarSer and CT_LineSer: idx, order, tx, spPr (marker), invertIfNegative, cat, val, smooth.
  return (
    `<c:ser>${val('idx', k)}${val('order', k)}` +
    `<c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
    seriesShape(kind, s, k) +
    (kind === 'column' ? val('invertIfNegative', 0) : '') +
    `<c:cat><c:strRef><c:f>${escapeXml(chart.categoriesRef)}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(s.valuesRef)}</c:f>${numCache(s.values, chart.numberFormat)}</c:numRef></c:val>` +
    (kind === 'line' ? val('smooth', 0) : '') +
    '</c:ser>'
  );
}

const CATEGORY_AXIS = 500_001;
const VALUE_AXIS = 500_002;

function axesXml(numberFormat: string): string {
  return (
    `<c:catAx>${val('axId', CATEGORY_AXIS)}<c:scaling>${val('orientation', 'minMax')}</c:scaling>` +
    `${val('delete', 0)}${val('axPos', 'b')}<c:numFmt formatCode="General" sourceLinked="0"/>` +
    `${val('majorTickMark', 'out')}${val('minorTickMark', 'none')}${val('tickLblPos', 'low')}` +
    `${val('crossAx', VALUE_AXIS)}${val('crosses', 'autoZero')}${val('auto', 1)}` +
    `${val('lblAlgn', 'ctr')}${val('lblOffset', 100)}${val('noMultiLvlLbl', 0)}</c:catAx>` +
    `<c:valAx>${val('axId', VALUE_AXIS)}<c:scaling>${val('orientation', 'minMax')}</c:scaling>` +
    `${val('delete', 0)}${val('axPos', 'l')}<c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(numberFormat)}" sourceLinked="0"/>` +
    `${val('majorTickMark', 'out')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}` +
    `${val('crossAx', CATEGORY_AXIS)}${val('crosses', 'autoZero')}${val('crossBetween', 'between')}</c:valAx>`
  );
}

/**
 * The chart part (xl/charts/chartN.xml, ECMA-376 Part 1 §21.2): a clustered column or a line
 * chart, one series per plotted column with its header as the name, the category column as
 * the x axis, each range cached with the engine's values; legend at the bottom.
 */
export function chartXml(chart: ResolvedChart): string {
  const { kind, title } = chart.spec;
  const series = chart.series.map((s, k) => seriesXml(chart, s, k)).join('');
  const axes = val('axId', CATEGORY_AXIS) + val('axId', VALUE_AXIS);
  const plot =
    kind === 'column'
      ? `<c:barChart>${val('barDir', 'col')}${val('grouping', 'clustered')}${val('varyColors', 0)}` +
        `${series}${val('gapWidth', 150)}${axes}</c:barChart>`
      : `<c:lineChart>${val('grouping', 'standard')}${val('varyColors', 0)}` +
        `${series}${val('marker', 1)}${axes}</c:lineChart>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `${val('roundedCorners', 0)}<c:chart>` +
    `<c:title><c:tx>${richText(title, 1200, true)}</c:tx>${val('overlay', 0)}</c:title>` +
    `${val('autoTitleDeleted', 0)}<c:plotArea><c:layout/>${plot}${axesXml(chart.numberFormat)}</c:plotArea>` +
    `<c:legend>${val('legendPos', 'b')}${val('overlay', 0)}</c:legend>` +
    `${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}</c:chart>` +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="ja-JP"/></a:p></c:txPr>' +
    '</c:chartSpace>'
  );
}
