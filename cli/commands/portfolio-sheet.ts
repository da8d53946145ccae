import { RowError, describeRowError } from '../../engine';
import { SnapshotValue } from '../../workbook';
import { columnLetters } from '../../workbook/snapshot';
import { InputError, readInputFile } from '../read-input';
import { readXlsxSnapshot } from '../xlsx/read-xlsx';

/** A cell as CSV text: numbers as typed, text quoted when it must be (line breaks too). */
function csvCell(v: SnapshotValue): string {
  if (v === null) return '';
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The firms table of a workbook as CSV lines (one per sheet row), and how to name its cells. */
export interface FirmsTable {
  /** Line i is sheet row i + 1: blank up to the header row, so row numbers are the sheet's. */
  lines: string[];
  label: string;
  /** An error at its cell, `企業!C7`, with the column's key: the table is read as a table. */
  describe: (e: RowError) => string;
}

/**
 * The firms table of an .xlsx (the first Excel table with an `id` column, e.g. `ID / id`), as
 * lines for the same stress as a CSV file — in memory, never as a temporary copy on disk. A
 * cell with a line break (Alt+Enter) stays one cell of one row.
 */
export function firmsTable(path: string): FirmsTable {
  let snapshot;
  try {
    snapshot = readXlsxSnapshot(readInputFile(path));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: ${(e as Error).message}`);
  }
  const table = snapshot.tables.find((t) =>
    t.headers.some((h) => /(^|\/)\s*id\s*$/i.test(h.trim())),
  );
  if (!table) {
    throw new InputError(
      `${path}: no table with an "id" column / "id" 列のある表がありません (add an Excel table of firms; see the CSV columns)`,
    );
  }
  const lines = [
    ...Array.from({ length: table.headerRow - 1 }, () => ''),
    table.headers.map(csvCell).join(','),
    ...table.rows.map((row) => (row.every((v) => v === null) ? '' : row.map(csvCell).join(','))),
  ];
  const keys = table.headers.map((h) => h.slice(h.lastIndexOf('/') + 1).trim());
  const describe = (e: RowError) => {
    const j = e.column === null ? -1 : keys.indexOf(e.column);
    const cell =
      j < 0
        ? `${table.sheet}!${e.row}:${e.row}`
        : `${table.sheet}!${columnLetters(table.firstColumn + j)}${e.row}`;
    return `${cell} ${describeRowError(e)}`;
  };
  return { lines, label: `${path} (${table.sheet}!${table.name})`, describe };
}
