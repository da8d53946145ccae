import type { PatchSheet, PatchValue, WorkbookPatch, WorkbookSnapshot } from '../../workbook';
import { writtenSnapshot } from '../../workbook';
import type { WorkbookHost } from './workbook-host';

/**
 * A workbook held in memory, behind the same interface as Excel: the task pane opened in a
 * plain browser (a trainer's demo, the browser test) reads and writes this instead. It keeps
 * the patch's sheets as written, so reading it back gives what Excel's reader would give.
 */
export class MemoryWorkbook implements WorkbookHost {
  readonly kind = 'memory' as const;
  private sheets: PatchSheet[] = [];
  /** The cell the last `selectCell` selected. */
  selection: { sheet: string; row?: number; column?: number } | null = null;

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return structuredClone(writtenSnapshot(this.sheets));
  }

  async applyPatch(patch: WorkbookPatch, onProgress?: (done: number) => void): Promise<void> {
    const kept = this.sheets.filter((s) => !patch.replaces.includes(s.name));
    // Checked before anything changes, as Excel refuses to add a sheet that exists.
    const clash = patch.sheets.find((s) => kept.some((k) => k.name === s.name));
    if (clash) throw new Error(`sheet ${clash.name} already exists`);
    this.sheets = [...kept, ...structuredClone(patch.sheets)];
    onProgress?.(1);
  }

  async removeSheets(names: readonly string[]): Promise<string[]> {
    const removed = this.sheets.filter((s) => names.includes(s.name)).map((s) => s.name);
    this.sheets = this.sheets.filter((s) => !names.includes(s.name));
    return removed;
  }

  async selectCell(sheet: string, row?: number, column?: number): Promise<void> {
    if (!this.sheets.some((s) => s.name === sheet)) throw new Error(`no sheet ${sheet}`);
    this.selection = { sheet, row, column };
  }

  /** The sheet names, in order. */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A sheet as written (a copy). */
  sheet(name: string): PatchSheet | undefined {
    const s = this.sheets.find((x) => x.name === name);
    return s && structuredClone(s);
  }

  /**
   * Types a value into a table cell, as a user would (1-based sheet row and column; the row may
   * be below the table's last row, which extends it).
   */
  setCell(sheet: string, row: number, column: number, value: PatchValue): void {
    const s = this.sheets.find((x) => x.name === sheet);
    const t = s?.tables.find(
      (x) => row > x.row && column >= x.column && column < x.column + x.columns.length,
    );
    if (!s || !t) throw new Error(`no table cell at ${sheet} row ${row} column ${column}`);
    while (t.rows.length < row - t.row) t.rows.push(t.columns.map(() => null));
    t.rows[row - t.row - 1][column - t.column] = value;
  }
}
