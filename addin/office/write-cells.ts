import { PatchSheet, PatchValue, columnLetters, isFormula } from '../../workbook';
import { MAX_BLOCK_CELLS, RequestBatch, jsonCellBytes, jsonStringBytes } from './request-budget';

/** A cell as `Range.formulas` takes it: "=…" for a formula, "" for a blank. */
export type CellInput = string | number | boolean;

/** Bytes of a small scalar write (a number format over a range, a bold flag). */
export const SCALAR_WRITE_BYTES = 40;

/** How a patch value is written: a formula as "=" + formula, null and non-finite as blank. */
export function cellInput(v: PatchValue | undefined): CellInput {
  if (v === null || v === undefined) return '';
  if (isFormula(v)) return `=${v.formula}`;
  // Finite numbers only (NaN and ±Infinity give NaN here), as the CLI writes them.
  if (typeof v === 'number') return v - v === 0 ? v : '';
  return v;
}

/**
 * Sets one number format on every cell of a range. Office.js takes a single value for the
 * whole range (documented for `numberFormat`, `values` and `formulas`), though its typings only
 * allow a 2D array: one short write per column instead of one entry per cell.
 */
export function fillNumberFormat(range: Excel.Range, format: string): void {
  (range as unknown as { numberFormat: string }).numberFormat = format;
}

/** `A1:C3` of 1-based (row, column) corners. */
export function rangeAddress(row: number, column: number, toRow: number, toColumn: number): string {
  return `${columnLetters(column)}${row}:${columnLetters(toColumn)}${toRow}`;
}

/** Counts cells written, for progress. */
export interface CellCounter {
  cells: number;
}

/**
 * Writes a sheet's values: each table's header and rows, then the free cells. Strings stay
 * text: Office.js parses a string written into `values` or `formulas` as typed input
 * ("=HYPERLINK(…)" becomes a formula, "001" a number, "1/2" a date), except in a cell whose
 * number format is text ("@"). So every run of string cells in a column gets "@" before its
 * values (in the same batch, or an earlier one when the web's budget flushes in between); the
 * formats pass then sets the column's own format, which does not parse the text again. Formulas go in as "=" + formula through `Range.formulas`.
 */
export async function writeSheetCells(
  sheet: Excel.Worksheet,
  patch: PatchSheet,
  batch: RequestBatch,
  counter: CellCounter,
): Promise<void> {
  for (const t of patch.tables) {
    const headers = t.columns.map((c) => c.header);
    const last = t.column + headers.length - 1;
    const header = sheet.getRange(rangeAddress(t.row, t.column, t.row, last));
    await batch.reserve(SCALAR_WRITE_BYTES);
    fillNumberFormat(header, '@');
    await batch.reserve(rowBytes(headers));
    header.values = [headers];
    counter.cells += headers.length;
    await writeRows(sheet, t.row + 1, t.column, headers.length, t.rows, batch, counter);
  }
  for (const cell of patch.cells) {
    const range = sheet.getRange(`${columnLetters(cell.column)}${cell.row}`);
    const input = cellInput(cell.value);
    if (typeof cell.value === 'string') {
      await batch.reserve(SCALAR_WRITE_BYTES);
      fillNumberFormat(range, '@');
    }
    await batch.reserve(jsonCellBytes(input) + 4);
    range.formulas = [[input]];
    counter.cells++;
  }
}

/**
 * Writes rows of `width` cells from (row, column) in blocks of whole rows: at most
 * MAX_BLOCK_CELLS cells and half the request budget each, so a large table never becomes one
 * huge write and, on the web, a flush can fall between any two blocks.
 */
export async function writeRows(
  sheet: Excel.Worksheet,
  row: number,
  column: number,
  width: number,
  rows: readonly (readonly PatchValue[])[],
  batch: RequestBatch,
  counter: CellCounter,
): Promise<void> {
  const maxRows = Math.max(1, Math.floor(MAX_BLOCK_CELLS / Math.max(width, 1)));
  const maxBytes = batch.budget / 2;
  let start = 0;
  while (start < rows.length) {
    const block: CellInput[][] = [];
    let bytes = 2;
    for (let r = start; r < rows.length && block.length < maxRows; r++) {
      const values = rows[r];
      const inputs: CellInput[] = new Array(width);
      for (let j = 0; j < width; j++) inputs[j] = cellInput(values[j]);
      const size = rowBytes(inputs);
      if (block.length > 0 && bytes + size > maxBytes) break;
      block.push(inputs);
      bytes += size;
    }
    await markText(sheet, row + start, column, width, rows, start, block.length, batch);
    await batch.reserve(bytes);
    sheet.getRange(
      rangeAddress(row + start, column, row + start + block.length - 1, column + width - 1),
    ).formulas = block;
    counter.cells += block.length * width;
    start += block.length;
  }
}

/** "@" over each vertical run of string cells of the block (a whole text column is one run). */
async function markText(
  sheet: Excel.Worksheet,
  row: number,
  column: number,
  width: number,
  rows: readonly (readonly PatchValue[])[],
  start: number,
  count: number,
  batch: RequestBatch,
): Promise<void> {
  for (let j = 0; j < width; j++) {
    let runStart = -1;
    for (let k = 0; k <= count; k++) {
      const text = k < count && typeof rows[start + k][j] === 'string';
      if (text && runStart < 0) runStart = k;
      if (!text && runStart >= 0) {
        await batch.reserve(SCALAR_WRITE_BYTES);
        fillNumberFormat(
          sheet.getRange(rangeAddress(row + runStart, column + j, row + k - 1, column + j)),
          '@',
        );
        runStart = -1;
      }
    }
  }
}

function rowBytes(cells: readonly CellInput[]): number {
  let bytes = 2 + cells.length;
  for (const c of cells) bytes += typeof c === 'string' ? jsonStringBytes(c) : jsonCellBytes(c);
  return bytes;
}
