import { PatchSheet, isFormula } from './patch';
import { SnapshotTable, WorkbookSnapshot } from './snapshot';

/**
 * The snapshot a reader builds from sheets once they are written: each table's header row and
 * data rows at their positions, formulas replaced by their results. The in-memory workbook reads
 * itself this way, and tests use it to stand for a written workbook.
 */
export function writtenSnapshot(sheets: readonly PatchSheet[]): WorkbookSnapshot {
  return {
    sheetNames: sheets.map((s) => s.name),
    tables: sheets.flatMap((s) =>
      s.tables.map((t): SnapshotTable => ({
        sheet: s.name,
        name: t.name,
        headerRow: t.row,
        firstColumn: t.column,
        headers: t.columns.map((c) => c.header),
        rows: t.rows.map((r) => r.map((v) => (isFormula(v) ? v.result : v))),
      })),
    ),
  };
}
