import {
  KEY_VALUE_COLUMNS,
  SnapshotTable,
  SnapshotValue,
  TableName,
  WorkbookPatch,
  WorkbookSnapshot,
  foldLabel,
  headerText,
  tableDef,
  writtenSnapshot,
} from '../../workbook';

/**
 * A workbook patch as a reader would see it once written: each table's header row and data rows
 * at their positions, formulas replaced by their results. Plus edits by table, header and row
 * (or key, for key/value tables), the same edits the bad-input catalogue lists as data.
 */
export function snapshotOfPatch(patch: WorkbookPatch): WorkbookSnapshot {
  return writtenSnapshot(patch.sheets);
}

export function cloneSnapshot(s: WorkbookSnapshot): WorkbookSnapshot {
  return {
    sheetNames: [...s.sheetNames],
    tables: s.tables.map((t) => ({
      ...t,
      headers: [...t.headers],
      rows: t.rows.map((r) => [...r]),
    })),
  };
}

/** A cell edit: a row table's cell by header (a layout column key or the header text) and row, or a key/value table's value by key. */
export interface CellEdit {
  table: TableName;
  /** Row tables: the column's layout key (`principal`) or its header text. */
  header?: string;
  /** Key/value tables (Financials, Settings): the item's key (`revenue`, `profile.units`). */
  key?: string;
  /** Row tables: 0-based data row (rows are added when beyond the last). */
  row?: number;
  value: SnapshotValue;
}

/** An edit of the layout itself. */
export type StructuralEdit =
  | { removeSheet: string }
  | { removeTable: TableName }
  | { renameHeader: { table: TableName; header: string; to: string } }
  /** Deletes every data row of a table. */
  | { clearRows: TableName }
  /** Appends copies of a data row until the table has `rows` data rows. */
  | { repeatRow: { table: TableName; row: number; rows: number } };

export type Edit = CellEdit | StructuralEdit;

export function findTable(s: WorkbookSnapshot, name: TableName): SnapshotTable {
  const t = s.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in the snapshot`);
  return t;
}

/** The index of a column in a snapshot table, by layout key or header text. */
export function columnIndex(t: SnapshotTable, name: TableName, header: string): number {
  const def = tableDef(name);
  const col = def.kind === 'rows' ? def.columns.find((c) => c.key === header) : undefined;
  const kv = (KEY_VALUE_COLUMNS as Record<string, { ja: string; en: string }>)[header];
  const text = col ? headerText(col) : kv ? headerText(kv) : header;
  const i = t.headers.findIndex((h) => foldLabel(h) === foldLabel(text));
  if (i < 0) throw new Error(`no column ${header} in table ${name}`);
  return i;
}

function setCell(s: WorkbookSnapshot, e: CellEdit): void {
  const t = findTable(s, e.table);
  if (e.key !== undefined) {
    const keyAt = columnIndex(t, e.table, 'key');
    const valueAt = columnIndex(t, e.table, 'value');
    let row = t.rows.find((r) => r[keyAt] === e.key);
    if (!row) {
      row = t.headers.map(() => null);
      row[keyAt] = e.key;
      t.rows.push(row);
    }
    row[valueAt] = e.value;
    return;
  }
  if (e.header === undefined) throw new Error('a cell edit needs a header or a key');
  const at = columnIndex(t, e.table, e.header);
  const row = e.row ?? 0;
  while (t.rows.length <= row) t.rows.push(t.headers.map(() => null));
  t.rows[row][at] = e.value;
}

/** The snapshot with the edits applied, in order (the input is left as it was). */
export function applyEdits(snapshot: WorkbookSnapshot, edits: readonly Edit[]): WorkbookSnapshot {
  const s = cloneSnapshot(snapshot);
  for (const e of edits) {
    if ('value' in e) setCell(s, e);
    else if ('removeSheet' in e) {
      s.sheetNames = s.sheetNames.filter((n) => n !== e.removeSheet);
      s.tables = s.tables.filter((t) => t.sheet !== e.removeSheet);
    } else if ('removeTable' in e) s.tables = s.tables.filter((t) => t.name !== e.removeTable);
    else if ('renameHeader' in e) {
      const { table, header, to } = e.renameHeader;
      const t = findTable(s, table);
      t.headers[columnIndex(t, table, header)] = to;
    } else if ('clearRows' in e) findTable(s, e.clearRows).rows = [];
    else {
      const { table, row, rows } = e.repeatRow;
      const t = findTable(s, table);
      while (t.rows.length < rows) t.rows.push([...t.rows[row]]);
    }
  }
  return s;
}

/** Sets the cells of one data row of a row table from values by column key. */
export function setRow(
  snapshot: WorkbookSnapshot,
  table: TableName,
  row: number,
  values: Record<string, SnapshotValue>,
): WorkbookSnapshot {
  return applyEdits(
    snapshot,
    Object.entries(values).map(([header, value]) => ({ table, header, row, value })),
  );
}
