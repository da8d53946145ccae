import { OUTPUT_SHEET_NAMES, SnapshotTable, SnapshotValue, WorkbookSnapshot } from '../../workbook';

export interface ReadSnapshotOptions {
  /**
   * Sheets whose tables are not read: by default the product's own output sheets. They are
   * never inputs (tables are found by their names, and ours are `RateShock…`), and a 100,000-row
   * schedule would pass the 5 MB response limit of Excel on the web.
   */
  skipTablesOn?: readonly string[];
}

/**
 * Reads the workbook's Excel tables into a WorkbookSnapshot, as the CLI's .xlsx reader does
 * (cli/xlsx/read-xlsx.ts): every sheet name in order; each table's header row and data rows as
 * plain values (dates as serial numbers, formulas as their results, blank cells as null), plus
 * the rows typed right under a table without extending it, up to the first blank row. Sheets
 * without tables give only their name.
 *
 * Two syncs whatever the size: names of sheets and tables, then every table's values.
 */
export async function readSnapshot(
  context: Excel.RequestContext,
  options: ReadSnapshotOptions = {},
): Promise<WorkbookSnapshot> {
  const skip = new Set(options.skipTablesOn ?? OUTPUT_SHEET_NAMES);
  const sheets = context.workbook.worksheets.load('items/name');
  // Table.worksheet: ExcelApi 1.2.
  const tables = context.workbook.tables.load('items/name,items/worksheet/name');
  await context.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const order = new Map(sheetNames.map((name, i) => [name, i]));
  const wanted = tables.items
    .map((table, i) => ({ table, sheet: table.worksheet.name, i }))
    .filter((t) => !skip.has(t.sheet))
    // Sheet order, then the workbook's table order within a sheet (as the CLI reads them).
    .sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.i - b.i);

  const reads = wanted.map(({ table, sheet }) => {
    const range = table.getRange().load('rowIndex,columnIndex,values');
    // The table's columns within the sheet's used range (values only): holds the rows typed
    // under the table, found in this same sync without knowing where the table ends.
    // getUsedRange(valuesOnly) ExcelApi 1.2, getIntersectionOrNullObject 1.4. A table always
    // has header text, so the used range exists.
    const columns = table
      .getRange()
      .getEntireColumn()
      .getIntersectionOrNullObject(table.worksheet.getUsedRange(true))
      .load('isNullObject,rowIndex,values');
    return { name: table.name, sheet, range, columns };
  });
  await context.sync();

  return {
    sheetNames,
    tables: reads.map(({ name, sheet, range, columns }): SnapshotTable => {
      const values = range.values as unknown[][];
      const rows = values.slice(1).map((row) => row.map(cellValue));
      if (!columns.isNullObject) {
        const below = columns.values as unknown[][];
        // The row right after the table, as an index into `below` (negative: the used range
        // starts lower, so that row is blank).
        const first = range.rowIndex + values.length - columns.rowIndex;
        for (let i = Math.max(first, 0); first >= 0 && i < below.length; i++) {
          const row = below[i].map(cellValue);
          if (row.every((v) => v === null || v === '')) break;
          rows.push(row);
        }
      }
      return {
        sheet,
        name,
        headerRow: range.rowIndex + 1,
        firstColumn: range.columnIndex + 1,
        headers: values[0].map((v) => (v === null || v === undefined ? '' : String(v))),
        rows,
      };
    }),
  };
}

/** A cell of `Range.values`: Excel gives "" for a blank cell, the snapshot null. */
function cellValue(v: unknown): SnapshotValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}
