/**
 * What the sheet contract hands to an applier (exceljs in the CLI, Office.js in the add-in):
 * sheets, tables, values, formulas, formats, highlights and chart descriptions. Both appliers
 * write the same patch, so the CLI's .xlsx and the add-in's workbook match cell for cell.
 */

import type { PageSetup } from './layout/page-setup';

export type { PageSetup } from './layout/page-setup';

/** A formula with the value the engine computed, for readers that do not recalculate. */
export interface Formula {
  /** Without the leading "=", A1 references, English function names (SUMIFS, IF, …). */
  formula: string;
  result: number | string | null;
}

/**
 * A cell to write. Strings are always text, never parsed as a formula or a number (a lender
 * named "=HYPERLINK(…)" or "+81…" stays a string); formulas are only ever `Formula` objects.
 */
export type PatchValue = string | number | boolean | null | Formula;

export function isFormula(v: PatchValue): v is Formula {
  return typeof v === 'object' && v !== null;
}

export interface PatchColumn {
  /** Header text (bilingual: 日本語 / English). */
  header: string;
  /** Excel number format, e.g. `#,##0`, `0.00`, `0.000%`, `yyyy-mm-dd`, `@`. */
  numberFormat?: string;
  /** Column width in characters. */
  width?: number;
  /** Data-validation list: the cell accepts only these values (a dropdown in Excel). */
  validationList?: readonly string[];
  /**
   * A dropdown for single data rows, by row index (a key/value table's 値 column, where each
   * row is its own setting): the row's cell accepts only these values; other rows keep the
   * column's validation.
   */
  rowValidationLists?: readonly (readonly string[] | undefined)[];
  /** A short Japanese description (shown as the header's note / input message). */
  description?: string;
  /** Text longer than the width wraps inside the cell (set by layout/fit-columns). */
  wrap?: boolean;
}

/** An Excel table (ListObject) whose header row starts at (row, column), 1-based. */
export interface PatchTable {
  name: string;
  row: number;
  column: number;
  columns: PatchColumn[];
  rows: PatchValue[][];
}

/** A single cell outside tables (titles, notes, labels). */
export interface PatchCell {
  row: number;
  column: number;
  value: PatchValue;
  numberFormat?: string;
  bold?: boolean;
  /** A title or sentence that spills over the empty cells to its right (no column widening). */
  overflow?: boolean;
  /** A dropdown whose choices are this range of the same sheet (absolute, e.g. `$T$6:$T$7`). */
  validationRange?: string;
}

/** A number format over a rectangular range (1-based, inclusive), over its column's format. */
export interface RangeFormat {
  fromRow: number;
  fromColumn: number;
  toRow: number;
  toColumn: number;
  numberFormat: string;
}

export type HighlightStyle = 'pass' | 'fail' | 'warn';

/**
 * A conditional format over a rectangular range (1-based, inclusive): colour the cells whose
 * text contains `textContains`, whose number is below `below`, or (`always`) every cell — a
 * fill decided by the engine, e.g. the year a check first fails.
 */
export interface Highlight {
  fromRow: number;
  fromColumn: number;
  toRow: number;
  toColumn: number;
  when: { textContains: string } | { below: number } | { always: true };
  style: HighlightStyle;
}

/** Columns and rows a chart covers from its top-left cell, in both appliers. */
export const CHART_SPAN = { columns: 8, rows: 15 } as const;

/** A series drawn as the threshold line (dashed red) rather than as data: `基準 / threshold`. */
export function isThresholdSeries(header: string): boolean {
  return /threshold|基準/i.test(header);
}

/**
 * A native chart over a table's columns: the add-in draws it with Office.js, the CLI's .xlsx
 * writer as DrawingML (xl/charts/chartN.xml). Series are plotted by column; a series headed
 * `基準 / threshold` is drawn as a dashed red line.
 */
export interface ChartSpec {
  title: string;
  kind: 'column' | 'line';
  /** The table whose columns are plotted. */
  table: string;
  /** Header of the category column (x axis). */
  categories: string;
  /** Headers of the plotted columns (one series each). */
  series: string[];
  /** Where the chart's top-left corner goes (it spans CHART_SPAN). */
  row: number;
  column: number;
}

export interface PatchSheet {
  name: string;
  tables: PatchTable[];
  cells: PatchCell[];
  /** Rows and columns frozen at the top and left. */
  freeze?: { rows: number; columns: number };
  highlights: Highlight[];
  charts: ChartSpec[];
  /** Widths in characters of columns outside tables, by 1-based column. */
  columnWidths?: Record<number, number>;
  /** Heights in points of rows that hold more than one line (two-line headers, wrapped text). */
  rowHeights?: Record<number, number>;
  /** Rows (1-based) that collapse under the row above them (outline level 1, summary above). */
  groupedRows?: number[];
  /** Number formats of ranges that differ from their table column's (rows of mixed kinds). */
  rangeFormats?: RangeFormat[];
  /** How the sheet prints (workbook/layout/page-setup.ts). */
  pageSetup?: PageSetup;
}

export interface WorkbookPatch {
  /** The product's own output sheets of any earlier run: removed before the patch is written. */
  replaces: readonly string[];
  sheets: PatchSheet[];
}
