import {
  CHART_SPAN,
  ChartSpec,
  PatchTable,
  columnLetters,
  isThresholdSeries,
} from '../../workbook';

/** Where a chart's table was written: its sheet in this batch and its layout. */
export interface ChartTable {
  sheet: Excel.Worksheet;
  table: PatchTable;
}

/** Queued request bytes of one chart (type, source address, title, position, formats). */
export const CHART_REQUEST_BYTES = 1_000;

/**
 * Adds each chart of a sheet: a native chart over the table's header and rows, from the
 * category column to the last plotted column, one series per column (ExcelApi 1.1). Columns in
 * that span that are not plotted are removed again, and a threshold series is drawn dashed red
 * (series line format: ExcelApi 1.7). Nothing is loaded: no sync is needed.
 */
export function addCharts(
  sheet: Excel.Worksheet,
  charts: readonly ChartSpec[],
  tableOf: (name: string) => ChartTable | undefined,
): void {
  for (const spec of charts) addChart(sheet, spec, tableOf);
}

function addChart(
  sheet: Excel.Worksheet,
  spec: ChartSpec,
  tableOf: (name: string) => ChartTable | undefined,
): void {
  const source = tableOf(spec.table);
  if (!source) throw new Error(`chart "${spec.title}": no table named ${spec.table} in the patch`);
  const { table } = source;
  const headers = table.columns.map((c) => c.header);
  const categories = headers.indexOf(spec.categories);
  const series = spec.series.map((h) => headers.indexOf(h));
  if (categories < 0 || series.some((i) => i < 0)) {
    throw new Error(`chart "${spec.title}": a plotted column is not in table ${spec.table}`);
  }
  if (series.some((i) => i <= categories)) {
    // Excel takes the first column of the source as the categories.
    throw new Error(`chart "${spec.title}": the category column must come before the series`);
  }
  const last = Math.max(...series);
  const lastRow = table.row + Math.max(table.rows.length, 1);
  const address =
    `${columnLetters(table.column + categories)}${table.row}:` +
    `${columnLetters(table.column + last)}${lastRow}`;

  const chart = sheet.charts.add(
    spec.kind === 'column' ? Excel.ChartType.columnClustered : Excel.ChartType.line,
    source.sheet.getRange(address),
    Excel.ChartSeriesBy.columns,
  );
  chart.title.text = spec.title;
  chart.legend.visible = true;
  chart.legend.position = 'Bottom';
  chart.setPosition(
    `${columnLetters(spec.column)}${spec.row}`,
    `${columnLetters(spec.column + CHART_SPAN.columns - 1)}${spec.row + CHART_SPAN.rows - 1}`,
  );

  // Series k of the new chart is column categories + 1 + k; drop the unplotted ones, last first
  // so the indexes of the others do not move (ChartSeries.delete: ExcelApi 1.7).
  const plotted = new Set(series);
  const kept: number[] = [];
  for (let column = last; column > categories; column--) {
    if (plotted.has(column)) kept.unshift(column);
    else chart.series.getItemAt(column - categories - 1).delete();
  }
  if (spec.kind === 'line') {
    kept.forEach((column, k) => {
      if (!isThresholdSeries(headers[column])) return;
      const line = chart.series.getItemAt(k).format.line;
      line.color = '#C00000';
      line.lineStyle = 'Dash';
    });
  }
}
