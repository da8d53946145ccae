import { CellError, CellLocation, cellError } from './cell-error';
import { foldLabel, isBlank, readText } from './cell-values';
import {
  FieldDef,
  INPUT_SHEETS,
  KEY_VALUE_COLUMNS,
  KEY_VALUE_ORDER,
  KeyValueTableDef,
  RowTableDef,
  TableDef,
  headerText,
} from './input-layout';
import { SnapshotTable, SnapshotValue, WorkbookSnapshot } from './snapshot';

/**
 * Finds each input table of the layout in a snapshot and its columns by header. A table is found
 * by its Excel name (anywhere), or — for readers without table metadata — as a run of the
 * layout's headers inside a table read from its sheet. Columns are found by header, in any
 * order; a header matches as `日本語 / English`, or its Japanese or English part alone.
 */

/** A cell of a bound table: its value and where it is. */
export interface BoundCell {
  value: SnapshotValue;
  loc: CellLocation;
}

/** A data row of a row table (blank rows are left out; `row` keeps the sheet row). */
export interface BoundRow {
  row: number;
  cell(key: string): BoundCell;
}

export interface BoundRowTable {
  def: RowTableDef;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  rows: BoundRow[];
}

export interface BoundKeyValueTable {
  def: KeyValueTableDef;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  /** The 値 cell of an item (by its key); a missing row gives a sheet-level location. */
  cell(key: string): BoundCell;
}

export interface Bound {
  tables: Map<string, BoundRowTable | BoundKeyValueTable>;
  /** Missing sheets, tables and columns: the layout is broken, values cannot be checked. */
  structural: CellError[];
  /** Unknown or repeated keys of key/value tables. */
  errors: CellError[];
}

interface Column {
  ja: string;
  en: string;
}

function matches(header: string | undefined, c: Column): boolean {
  if (header === undefined) return false;
  const h = foldLabel(header);
  return h !== '' && [headerText(c), c.ja, c.en].some((w) => foldLabel(w) === h);
}

function layoutColumns(def: TableDef): Column[] {
  return def.kind === 'rows' ? [...def.columns] : KEY_VALUE_ORDER.map((k) => KEY_VALUE_COLUMNS[k]);
}

/** A table (or a window of one) holding the def's columns: where each column is, by index. */
interface Found {
  table: SnapshotTable;
  /** Index into table.headers of each layout column, or -1 when missing. */
  index: number[];
  /** The window of headers belonging to this def (for telling a renamed header). */
  start: number;
}

function bindColumns(
  table: SnapshotTable,
  columns: Column[],
  start: number,
  end: number,
): number[] {
  return columns.map((c) => {
    for (let i = start; i < end; i++) if (matches(table.headers[i], c)) return i;
    return -1;
  });
}

function findTable(snapshot: WorkbookSnapshot, def: TableDef): Found | undefined {
  const columns = layoutColumns(def);
  const named = snapshot.tables.find((t) => t.name.toLowerCase() === def.name.toLowerCase());
  if (named) {
    return { table: named, index: bindColumns(named, columns, 0, named.headers.length), start: 0 };
  }
  // Without table metadata: the best-aligned run of this def's headers in a table of its sheet.
  let best: (Found & { score: number }) | undefined;
  for (const table of snapshot.tables.filter((t) => t.sheet === def.sheet)) {
    const starts = new Set<number>();
    table.headers.forEach((h, i) =>
      columns.forEach((c, k) => {
        if (matches(h, c)) starts.add(i - k);
      }),
    );
    for (const start of starts) {
      const score = columns.filter((c, k) => matches(table.headers[start + k], c)).length;
      if (score * 2 >= columns.length && (!best || score > best.score)) {
        const from = Math.max(0, start);
        const index = bindColumns(
          table,
          columns,
          from,
          Math.min(table.headers.length, start + columns.length),
        );
        best = { table, index, start, score };
      }
    }
  }
  return best;
}

function sheetLevel(def: TableDef, sheet: string, ja: string, en: string): CellLocation {
  return { sheet, table: def.name, label: ja, labelEn: en };
}

/** Missing columns: at the header cell when that header matches nothing (a rename), else the sheet. */
function columnErrors(def: TableDef, found: Found): CellError[] {
  const columns = layoutColumns(def);
  const { table, index, start } = found;
  const known = (h: string | undefined) => columns.some((c) => matches(h, c));
  return columns.flatMap((c, k) => {
    // A column added after the workbook was made reads as blank (see LATER_COLUMNS).
    if (index[k] >= 0 || ('optional' in c && c.optional)) return [];
    const at = start + k;
    const renamed = at >= 0 && at < table.headers.length && !known(table.headers[at]);
    const loc: CellLocation = renamed
      ? {
          sheet: table.sheet,
          table: def.name,
          row: table.headerRow,
          column: table.firstColumn + at,
          label: c.ja,
          labelEn: c.en,
          value: table.headers[at],
        }
      : sheetLevel(def, table.sheet, c.ja, c.en);
    return [
      cellError(
        loc,
        {
          ja: `の列 (見出し「${headerText(c)}」) が ${def.name} 表にありません (見出しは変更しないでください)`,
          en: `column (header "${headerText(c)}") is missing from table ${def.name} (do not rename the headers)`,
        },
        renamed ? table.headers[at] : null,
      ),
    ];
  });
}

function cellAt(def: TableDef, found: Found, i: number, k: number, label: Column): BoundCell {
  const { table, index } = found;
  const value = table.rows[i]?.[index[k]] ?? null;
  return {
    value,
    loc: {
      sheet: table.sheet,
      table: def.name,
      row: table.headerRow + 1 + i,
      // A column the workbook lacks (added later) has no cell: errors name the sheet.
      column: index[k] >= 0 ? table.firstColumn + index[k] : undefined,
      label: label.ja,
      labelEn: label.en,
      value,
    },
  };
}

function bindRowTable(def: RowTableDef, found: Found): BoundRowTable {
  const read = def.columns.map((c, k) => ({ c, k })).filter(({ c }) => c.kind !== 'info');
  const rows: BoundRow[] = [];
  found.table.rows.forEach((_, i) => {
    // A row is blank when every column that is read is blank (a row number or a note alone is blank).
    if (read.every(({ k }) => isBlank(found.table.rows[i][found.index[k]]))) return;
    rows.push({
      row: found.table.headerRow + 1 + i,
      cell: (key) => {
        const k = def.columns.findIndex((c) => c.key === key);
        return cellAt(def, found, i, k, def.columns[k]);
      },
    });
  });
  return {
    def,
    sheet: found.table.sheet,
    headerRow: found.table.headerRow,
    firstColumn: found.table.firstColumn,
    rows,
  };
}

function bindKeyValueTable(
  def: KeyValueTableDef,
  found: Found,
  errors: CellError[],
): BoundKeyValueTable {
  const [ITEM, KEY, VALUE] = [0, 1, 2];
  const byKey = new Map<string, number>();
  const itemOf = (text: string): FieldDef | undefined => {
    const f = foldLabel(text);
    return def.items.find(
      (it) => foldLabel(it.key) === f || foldLabel(it.ja) === f || foldLabel(headerText(it)) === f,
    );
  };
  found.table.rows.forEach((row, i) => {
    const keyCell = cellAt(def, found, i, KEY, KEY_VALUE_COLUMNS.key);
    const itemCell = cellAt(def, found, i, ITEM, KEY_VALUE_COLUMNS.item);
    const key = readText(keyCell.value);
    const label = readText(itemCell.value);
    const value = row[found.index[VALUE]];
    if (!key && !label) {
      if (!isBlank(value)) {
        errors.push(
          cellError(keyCell.loc, {
            ja: 'を入力してください (値の行にキーがありません)',
            en: 'is required (a value without a key)',
          }),
        );
      }
      return;
    }
    const it =
      key && key.ok ? itemOf(key.value) : label && label.ok ? itemOf(label.value) : undefined;
    if (!it) {
      if (key) {
        errors.push(
          cellError(keyCell.loc, {
            ja: `「${keyCell.value}」は ${def.name} 表のキーではありません`,
            en: `"${keyCell.value}" is not a key of table ${def.name}`,
          }),
        );
      }
      return; // a row with a label only and no key: a heading or a note of the user's
    }
    if (byKey.has(it.key)) {
      errors.push(
        cellError(keyCell.loc, {
          ja: `「${it.key}」が ${found.table.headerRow + 1 + byKey.get(it.key)!} 行目と重複しています`,
          en: `"${it.key}" repeats row ${found.table.headerRow + 1 + byKey.get(it.key)!}`,
        }),
      );
      return;
    }
    byKey.set(it.key, i);
  });
  return {
    def,
    sheet: found.table.sheet,
    headerRow: found.table.headerRow,
    firstColumn: found.table.firstColumn,
    cell: (key) => {
      const it = def.items.find((x) => x.key === key)!;
      const i = byKey.get(key);
      if (i === undefined) {
        return { value: null, loc: sheetLevel(def, found.table.sheet, it.ja, it.en) };
      }
      return cellAt(def, found, i, VALUE, it);
    },
  };
}

/** Binds every input table of the layout; structural problems are errors. */
export function bindTables(snapshot: WorkbookSnapshot): Bound {
  const tables = new Map<string, BoundRowTable | BoundKeyValueTable>();
  const structural: CellError[] = [];
  const errors: CellError[] = [];
  for (const sheet of INPUT_SHEETS) {
    const sheetPresent = snapshot.sheetNames.includes(sheet.name);
    const found = sheet.tables.map((def) => ({ def, found: findTable(snapshot, def) }));
    if (!sheetPresent && found.every((f) => !f.found)) {
      // A sheet of optional tables only (再生計画) may be left out as a whole.
      if (sheet.tables.every((t) => t.optional)) continue;
      structural.push(
        cellError(
          { sheet: sheet.name, label: `シート「${sheet.name}」`, labelEn: `Sheet "${sheet.name}"` },
          {
            ja: 'がありません (テンプレートのシート名を変更しないでください)',
            en: 'is missing (do not rename the template’s sheets)',
          },
          null,
        ),
      );
      continue;
    }
    for (const { def, found: f } of found) {
      if (!f) {
        if (!def.optional) {
          structural.push(
            cellError(
              sheetLevel(def, def.sheet, `${def.labelJa} (${def.name})`, `Table ${def.name}`),
              {
                ja: 'の表がありません (テンプレートの表を削除・改名しないでください)',
                en: 'is missing (do not delete or rename the template’s tables)',
              },
              null,
            ),
          );
        }
        continue;
      }
      const missing = columnErrors(def, f);
      structural.push(...missing);
      if (missing.length > 0) continue;
      tables.set(
        def.name,
        def.kind === 'rows' ? bindRowTable(def, f) : bindKeyValueTable(def, f, errors),
      );
    }
  }
  return { tables, structural, errors };
}
