import { PatchSheet, PatchValue, isFormula } from '../patch';
import { measureColumn } from './column-measure';
import { displayWidth, widestLine } from './display-width';
import { formattedText } from './number-formats';

/** Widest a column grows; longer text wraps inside it. */
export const MAX_COLUMN_WIDTH = 50;
/** Room beside the text (cell padding and the filter button of a table header). */
export const COLUMN_PADDING = 3;
/** Height of one line of 11-pt text, in points (Yu Gothic / Noto Sans CJK line spacing). */
export const LINE_POINTS = 16;

/**
 * A bilingual header on two lines: 日本語 above, English below (`利息計 / total interest` →
 * `利息計 /`, `total interest`). The cell keeps the one-line text (tables, charts and the
 * input reader find columns by it); the column is made as wide as the longer line and the
 * header wraps there.
 */
export function headerLines(header: string): string[] {
  const slash = header.indexOf(' / ');
  return slash < 0 ? [header] : [header.slice(0, slash + 2), header.slice(slash + 3)];
}

/** The text a written value shows (formulas: their cached result). */
export function shownText(value: PatchValue, numberFormat?: string): string {
  const v = isFormula(value) ? value.result : value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formattedText(v, numberFormat);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** Lines a text takes in a column of `width` units (wrapping at the width, at least 1). */
export function wrappedLines(text: string, width: number): number {
  return text
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / (width - 1))), 0);
}

export interface FitOptions {
  /**
   * Let a wrapping cell break a word longer than its column (Excel and LibreOffice break it at
   * the cell's edge) rather than widening the column to the word.
   */
  breakWords?: boolean;
  /** A narrower cap for some columns (1-based) than the sheet's. */
  maxWidthOf?: (column: number) => number | undefined;
}

/**
 * Sets every table column's width from its header lines and the display width of what it
 * shows (full-width characters count double), capped at MAX_COLUMN_WIDTH: a column with longer
 * text wraps, and its rows get the height of their lines. Header rows get two lines' height.
 * Columns outside tables are widened for their free cells that are not `overflow` texts
 * (titles and sentences, which spill over empty cells to their right).
 */
export function fitColumns(
  sheet: PatchSheet,
  maxWidth = MAX_COLUMN_WIDTH,
  options: FitOptions = {},
): PatchSheet {
  // Pass 1: the width each column wants (tables' headers and values, labels outside tables).
  const wanted = new Map<number, number>();
  const want = (column: number, width: number) =>
    wanted.set(
      column,
      Math.max(
        wanted.get(column) ?? 0,
        Math.min(options.maxWidthOf?.(column) ?? maxWidth, maxWidth, width),
      ),
    );
  const dataWidth = new Map<string, number>();
  sheet.tables.forEach((t, ti) =>
    t.columns.forEach((c, j) => {
      const { width: data, word } = measureColumn(t.rows, j, c.numberFormat);
      dataWidth.set(`${ti}:${j}`, data);
      want(t.column + j, Math.max(widestLine(headerLines(c.header)), data) + COLUMN_PADDING);
      // A sheet's narrower cap never cuts a word a wrapping cell cannot break (an id),
      // unless the sheet lets long words break (a settings path on a sheet printed narrow).
      if (options.breakWords) return;
      wanted.set(
        t.column + j,
        Math.max(wanted.get(t.column + j)!, Math.min(MAX_COLUMN_WIDTH, word + COLUMN_PADDING)),
      );
    }),
  );
  for (const [c, w] of Object.entries(sheet.columnWidths ?? {})) want(Number(c), w);
  for (const cell of sheet.cells) {
    if (cell.overflow) continue;
    want(cell.column, displayWidth(shownText(cell.value, cell.numberFormat)) + COLUMN_PADDING);
  }

  // Pass 2: every table column takes its column's width and wraps when its text is wider.
  const rowHeights = new Map<number, number>(
    Object.entries(sheet.rowHeights ?? {}).map(([r, h]) => [Number(r), h]),
  );
  const tallest = (row: number, lines: number, always = false) => {
    if (lines > 1 || always) {
      rowHeights.set(row, Math.max(rowHeights.get(row) ?? 0, lines * LINE_POINTS + 2));
    }
  };
  const tables = sheet.tables.map((t, ti) => {
    let headerHeight = 1;
    const columns = t.columns.map((c, j) => {
      const width = wanted.get(t.column + j)!;
      const wrap = c.wrap || dataWidth.get(`${ti}:${j}`)! + COLUMN_PADDING > width;
      if (displayWidth(c.header) + COLUMN_PADDING > width) {
        // Each line of the header, wrapped again where the column is narrower than it.
        const lines = headerLines(c.header).reduce((n, line) => n + wrappedLines(line, width), 0);
        headerHeight = Math.max(headerHeight, lines);
      }
      if (wrap) {
        // A long schedule repeats a handful of names: each distinct text is wrapped once.
        const lines = new Map<string, number>();
        t.rows.forEach((row, i) => {
          const text = shownText(row[j] ?? null, c.numberFormat);
          let n = lines.get(text);
          if (n === undefined) lines.set(text, (n = wrappedLines(text, width)));
          tallest(t.row + 1 + i, n);
        });
      }
      return { ...c, width, wrap };
    });
    // Header rows always get their height: a spreadsheet may not fit a bold CJK line by itself.
    tallest(t.row, headerHeight, true);
    return { ...t, columns };
  });

  const tableColumns = new Set(tables.flatMap((t) => t.columns.map((_, j) => t.column + j)));
  const columnWidths: Record<number, number> = {};
  for (const [c, w] of wanted) if (!tableColumns.has(c)) columnWidths[c] = w;
  return { ...sheet, tables, columnWidths, rowHeights: Object.fromEntries(rowHeights) };
}

/** The widest a column became (tables and free cells), for print areas and page widths. */
export function columnWidthOf(sheet: PatchSheet, column: number): number {
  for (const t of sheet.tables) {
    const c = t.columns[column - t.column];
    if (c?.width !== undefined) return c.width;
  }
  return sheet.columnWidths?.[column] ?? 8.43;
}
