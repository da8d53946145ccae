import type { WorkbookPatch, WorkbookSnapshot } from '../../workbook';
import { columnLetters } from '../../workbook';
import type { WorkbookHost } from '../host/workbook-host';
import { applyPatch } from './apply-patch';
import { officePlatform } from './office-context';
import { readSnapshot } from './read-snapshot';

export interface ExcelWorkbookOptions {
  /**
   * `Office.context.platform`; by default read from Office when it is there. 'OfficeOnline'
   * keeps each request under Excel on the web's 5 MB limit with extra syncs.
   */
  platform?: string;
  /** Request budget in bytes, overriding the platform's. */
  requestBudget?: number;
}

/** The open Excel workbook through Office.js: each method is exactly one `Excel.run`. */
export class ExcelWorkbook implements WorkbookHost {
  readonly kind = 'excel' as const;

  constructor(private readonly options: ExcelWorkbookOptions = {}) {}

  /** The input tables, as the CLI's .xlsx reader builds them (two syncs). */
  readSnapshot(): Promise<WorkbookSnapshot> {
    return Excel.run((context) => readSnapshot(context));
  }

  /** Writes the patch (three syncs on Windows and Mac; more on the web for large patches). */
  async applyPatch(patch: WorkbookPatch, onProgress?: (done: number) => void): Promise<void> {
    await Excel.run((context) =>
      applyPatch(context, patch, {
        platform: this.options.platform ?? officePlatform(),
        requestBudget: this.options.requestBudget,
        onProgress,
      }),
    );
  }

  /** Deletes those of the named sheets that exist (two syncs); returns the names deleted. */
  removeSheets(names: readonly string[]): Promise<string[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const deleted = sheets.items.map((s) => s.name).filter((name) => names.includes(name));
      if (deleted.length === 0) return [];
      for (const name of deleted) context.workbook.worksheets.getItem(name).delete();
      await context.sync();
      return deleted;
    });
  }

  /** Activates the sheet and selects the cell (1-based; column 1 when only the row is given). */
  selectCell(sheet: string, row?: number, column?: number): Promise<void> {
    return Excel.run(async (context) => {
      const target = context.workbook.worksheets.getItem(sheet);
      target.activate();
      if (row !== undefined) target.getRange(`${columnLetters(column ?? 1)}${row}`).select();
      await context.sync();
    });
  }
}
