/**
 * What a reader (exceljs in the CLI, Office.js in the add-in) hands to the sheet contract: the
 * input tables as plain cell values with their positions, nothing Office- or file-specific.
 */

/**
 * A cell as read: text, a number (dates are Excel serial numbers, as both Excel and exceljs can
 * give them), a boolean, or null for a blank cell.
 */
export type SnapshotValue = string | number | boolean | null;

/** One input table: its header row and the data rows under it, in sheet order. */
export interface SnapshotTable {
  sheet: string;
  /** The Excel table's name (e.g. `Loans`), or the sheet name when read without table metadata. */
  name: string;
  /** 1-based row of the header row. */
  headerRow: number;
  /** 1-based column of the table's first column. */
  firstColumn: number;
  headers: string[];
  /** Data rows (row i is sheet row headerRow + 1 + i), each as wide as `headers`. */
  rows: SnapshotValue[][];
}

export interface WorkbookSnapshot {
  /** Every sheet name in the workbook, in order (to tell a missing sheet from a missing table). */
  sheetNames: string[];
  tables: SnapshotTable[];
}

/** 1-based column number → letters (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** `sheet!A1` address of a 1-based (row, column). */
export function cellAddress(sheet: string, row: number, column: number): string {
  return `${sheet}!${columnLetters(column)}${row}`;
}
