import { LISTS_SHEET, PatchColumn, PatchSheet, WorkbookPatch } from '../../workbook';
import { ChartTable, CHART_REQUEST_BYTES, addCharts } from './add-charts';
import { RequestBatch, jsonStringBytes, requestBudgetFor } from './request-budget';
import {
  CellCounter,
  SCALAR_WRITE_BYTES,
  rangeAddress,
  writeRows,
  writeSheetCells,
} from './write-cells';
import { needsListRange, writeSheetFormats } from './write-formats';

export interface ApplyPatchOptions {
  /** `Office.context.platform`: 'OfficeOnline' limits each request to the web's budget. */
  platform?: string;
  /** Request budget in bytes; by default 4,000,000 on the web and unlimited elsewhere. */
  requestBudget?: number;
  /** Gets 0…1 after each sync. */
  onProgress?: (done: number) => void;
}

export interface ApplyPatchResult {
  /** Syncs made, the name check included. */
  syncs: number;
}

export class PatchConflictError extends Error {}

/**
 * Writes a WorkbookPatch into the open workbook as the CLI writes it into an .xlsx
 * (cli/xlsx/write-xlsx.ts): removes the `replaces` sheets that exist, adds the patch's sheets
 * (and a hidden lists sheet for long dropdown lists), writes values first, then formats,
 * tables, validations, highlights, widths, frozen panes and charts.
 *
 * Syncs: one to read the sheet and table names, one for the values, one for the rest: three,
 * whatever the number of rows, on Windows and Mac. On the web (`platform: 'OfficeOnline'`)
 * extra syncs keep each request under the budget (see request-budget.ts).
 */
export async function applyPatch(
  context: Excel.RequestContext,
  patch: WorkbookPatch,
  options: ApplyPatchOptions = {},
): Promise<ApplyPatchResult> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility');
  const tables = context.workbook.tables.load('items/name,items/worksheet/name');
  await context.sync();

  const existing = sheets.items.map((s) => s.name);
  const replaced = existing.filter((name) => patch.replaces.includes(name));
  const remaining = existing.filter((name) => !replaced.includes(name));
  checkConflicts(patch, remaining, tables.items);
  // Excel cannot delete its last visible sheet: when the patch replaces all of them, a
  // placeholder holds the workbook open until the new sheets are there.
  const keepsOne = sheets.items.some(
    (s) => remaining.includes(s.name) && s.visibility === 'Visible',
  );
  const placeholder =
    keepsOne || patch.sheets.length === 0
      ? undefined
      : uniqueName('RateShock', [...existing, ...patch.sheets.map((s) => s.name)]);

  const budget = options.requestBudget ?? requestBudgetFor(options.platform);
  const total = Math.max(1, cellCount(patch));
  const counter: CellCounter = { cells: 0 };
  const progress = (share: number) => options.onProgress?.(share);
  // Values are most of the work: 90 % of the progress bar, by cells sent.
  const batch = new RequestBatch(context, budget, () =>
    progress(0.9 * Math.min(1, counter.cells / total)),
  );

  // ── values ────────────────────────────────────────────────────────────────────────────
  if (placeholder) {
    await batch.reserve(jsonStringBytes(placeholder));
    context.workbook.worksheets.add(placeholder);
  }
  for (const name of replaced) {
    await batch.reserve(jsonStringBytes(name));
    context.workbook.worksheets.getItem(name).delete();
  }
  const written = new Map<string, Excel.Worksheet>();
  for (const sheet of patch.sheets) {
    await batch.reserve(jsonStringBytes(sheet.name));
    written.set(sheet.name, context.workbook.worksheets.add(sheet.name));
  }
  if (placeholder) context.workbook.worksheets.getItem(placeholder).delete();
  const lists = await writeLongLists(
    context,
    patch,
    [...remaining, ...written.keys()],
    batch,
    counter,
  );
  for (const sheet of patch.sheets) {
    await writeSheetCells(written.get(sheet.name)!, sheet, batch, counter);
  }
  await batch.flush();

  // ── formats, tables, validations, highlights, widths, panes, charts ─────────────────────
  const chartTables = new Map<string, ChartTable>();
  for (const sheet of patch.sheets) {
    for (const table of sheet.tables) {
      chartTables.set(table.name, { sheet: written.get(sheet.name)!, table });
    }
  }
  for (const sheet of patch.sheets) {
    const target = written.get(sheet.name)!;
    await writeSheetFormats(target, sheet, batch, lists);
    if (sheet.charts.length) {
      await batch.reserve(CHART_REQUEST_BYTES * sheet.charts.length);
      addCharts(target, sheet.charts, (name) => chartTables.get(name));
    }
  }
  await batch.flush();
  progress(1);
  return { syncs: 1 + batch.syncs };
}

/** The CLI's refusals: a sheet of the patch that is the user's, a table name already taken. */
function checkConflicts(
  patch: WorkbookPatch,
  remaining: readonly string[],
  tables: readonly Excel.Table[],
): void {
  const taken = new Set(remaining.map((name) => name.toLowerCase()));
  for (const sheet of patch.sheets) {
    // Sheet names, like table names, are compared without case in Excel.
    if (taken.has(sheet.name.toLowerCase())) {
      throw new PatchConflictError(
        `the workbook already has a sheet named "${sheet.name}" that is not ours to replace`,
      );
    }
  }
  // Tables on replaced sheets go with their sheets.
  const tableNames = new Set(
    tables.filter((t) => remaining.includes(t.worksheet.name)).map((t) => t.name.toLowerCase()),
  );
  for (const t of patch.sheets.flatMap((s) => s.tables)) {
    if (tableNames.has(t.name.toLowerCase())) {
      throw new PatchConflictError(`the workbook already has a table named "${t.name}"`);
    }
    tableNames.add(t.name.toLowerCase());
  }
}

/**
 * Writes the dropdown lists too long to inline onto a hidden sheet, one column each, and
 * returns where each column's list is. No sheet is added when every list is short.
 */
async function writeLongLists(
  context: Excel.RequestContext,
  patch: WorkbookPatch,
  taken: readonly string[],
  batch: RequestBatch,
  counter: CellCounter,
): Promise<(column: PatchColumn) => Excel.Range | undefined> {
  const long = patch.sheets
    .flatMap((s: PatchSheet) => s.tables.flatMap((t) => t.columns))
    .filter((c) => c.validationList && needsListRange(c.validationList));
  if (long.length === 0) return () => undefined;
  const name = uniqueName(LISTS_SHEET, taken);
  await batch.reserve(2 * SCALAR_WRITE_BYTES);
  const sheet = context.workbook.worksheets.add(name);
  sheet.visibility = 'Hidden';
  const ranges = new Map<PatchColumn, Excel.Range>();
  for (const [i, c] of long.entries()) {
    const values = c.validationList!;
    // Strings: writeRows marks them as text before writing them.
    await writeRows(
      sheet,
      1,
      i + 1,
      1,
      values.map((v) => [v]),
      batch,
      counter,
    );
    ranges.set(c, sheet.getRange(rangeAddress(1, i + 1, values.length, i + 1)));
  }
  return (c) => ranges.get(c);
}

/** `name`, or `name2`, `name3`, … the first not taken (the CLI's rule for its lists sheet). */
function uniqueName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  let candidate = name;
  for (let i = 2; lower.has(candidate.toLowerCase()); i++) candidate = `${name}${i}`;
  return candidate;
}

function cellCount(patch: WorkbookPatch): number {
  let n = 0;
  for (const s of patch.sheets) {
    n += s.cells.length;
    for (const t of s.tables) n += t.columns.length * (t.rows.length + 1);
  }
  return n;
}
