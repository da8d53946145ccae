/**
 * An Excel table's `ref` ("B4:M20") read strictly: both corners, within the sheet's limits
 * (1,048,576 rows, XFD = 16,384 columns), top-left first. A string says what is wrong.
 */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;
/** Columns a table of ours may have; a wider claim is refused rather than read. */
export const MAX_TABLE_COLUMNS = 1_000;

export interface CellPosition {
  row: number;
  column: number;
}

function position(ref: string): CellPosition | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_SHEET_ROWS || column > MAX_SHEET_COLUMNS) return undefined;
  return { row, column };
}

export function tableRange(ref: string): { from: CellPosition; to: CellPosition } | string {
  const [a, b, ...rest] = ref.split(':');
  const from = position(a ?? '');
  const to = position(b ?? '');
  if (!from || !to || rest.length > 0) return 'expected a range such as B4:M20';
  if (to.row < from.row || to.column < from.column) return 'the corners are reversed';
  return { from, to };
}
