import type { WorkbookPatch, WorkbookSnapshot } from '../../workbook';

/**
 * The open workbook as the task pane sees it: read the input tables, apply a patch, remove
 * result sheets, select a cell. Excel (Office.js, `addin/office/`) and an in-memory workbook
 * (a browser without Office, the tests) implement it, so the task pane runs the same code on
 * both. Each method is one action: in Excel, one `Excel.run`.
 */
export interface WorkbookHost {
  /** 'excel' inside Office; 'memory' for the in-memory workbook (a plain browser, tests). */
  readonly kind: 'excel' | 'memory';
  /** The input tables as plain values, exactly what the CLI's .xlsx reader builds. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /**
   * Removes `patch.replaces` sheets that exist, then writes every sheet of the patch (values,
   * formulas, formats, tables, validations, highlights, charts). `onProgress` gets 0…1.
   */
  applyPatch(patch: WorkbookPatch, onProgress?: (done: number) => void): Promise<void>;
  /** Deletes those of the named sheets that exist; returns the names deleted. */
  removeSheets(names: readonly string[]): Promise<string[]>;
  /** Activates the sheet and selects the cell (1-based row and column), or the sheet alone. */
  selectCell(sheet: string, row?: number, column?: number): Promise<void>;
}
