import { valueText } from '../engine';
import { INPUT_SHEET_NAMES, TableName } from './input-layout';
import { SnapshotValue, cellAddress } from './snapshot';

/**
 * An input error named by its cell: `借入一覧!D7`, or the sheet alone (`借入一覧`) when a whole
 * sheet, table or key/value row is missing. Both messages are whole sentences that start with
 * the column's name.
 */
export interface CellError {
  address: string;
  sheet: string;
  /** The input table the cell belongs to, when known. */
  table?: TableName;
  /** 1-based sheet row and column of the cell (absent for a sheet-level error). */
  row?: number;
  column?: number;
  /** The column's (or key/value item's) Japanese name, e.g. 残高. */
  label: string;
  messageJa: string;
  messageEn: string;
  /** The value as read from the cell (or the value at fault for a sheet-level error). */
  value: unknown;
}

/** Where a value of the case came from. */
export interface CellLocation {
  sheet: string;
  table?: TableName;
  row?: number;
  column?: number;
  label: string;
  labelEn: string;
  /** The cell's value as read. */
  value?: SnapshotValue;
}

export function locationAddress(loc: { sheet: string; row?: number; column?: number }): string {
  return loc.row !== undefined && loc.column !== undefined
    ? cellAddress(loc.sheet, loc.row, loc.column)
    : loc.sheet;
}

/** A CellError at `loc`, from predicates written after the column's name in each language. */
export function cellError(
  loc: CellLocation,
  predicate: { ja: string; en: string },
  value: unknown = loc.value,
): CellError {
  return {
    address: locationAddress(loc),
    sheet: loc.sheet,
    ...(loc.table ? { table: loc.table } : {}),
    ...(loc.row !== undefined ? { row: loc.row } : {}),
    ...(loc.column !== undefined ? { column: loc.column } : {}),
    label: loc.label,
    messageJa: `${loc.label} ${predicate.ja}`,
    messageEn: `${loc.labelEn}${predicate.en.startsWith(':') ? '' : ' '}${predicate.en}`,
    value: value === undefined ? null : value,
  };
}

function shown(value: unknown): string {
  return valueText(value);
}

/**
 * `借入一覧!D7: 残高 は数値で入力してください (value: "abc") / 借入一覧!D7: Principal must be a
 * number (value: "abc")`.
 */
export function describeCellError(e: CellError): string {
  const value = ` (value: ${shown(e.value)})`;
  return `${e.address}: ${e.messageJa}${value} / ${e.address}: ${e.messageEn}${value}`;
}

/** In sheet order (the input sheets' order, others after), then row, then column; no repeats. */
export function sortCellErrors(errors: readonly CellError[]): CellError[] {
  const sheetRank = (s: string) => {
    const i = INPUT_SHEET_NAMES.indexOf(s);
    return i < 0 ? INPUT_SHEET_NAMES.length : i;
  };
  const seen = new Set<string>();
  return errors
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        sheetRank(a.e.sheet) - sheetRank(b.e.sheet) ||
        (a.e.row ?? 0) - (b.e.row ?? 0) ||
        (a.e.column ?? 0) - (b.e.column ?? 0) ||
        a.i - b.i,
    )
    .map(({ e }) => e)
    .filter((e) => {
      const key = `${e.address}\u0000${e.messageEn}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
