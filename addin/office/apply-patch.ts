import { LISTS_SHEET, PatchColumn, PatchSheet, WorkbookPatch } from '../../workbook';
import { NameClashError } from '../host/name-clash-error';
import { ChartTable, CHART_REQUEST_BYTES, addCharts } from './add-charts';
import { RequestBatch, jsonStringBytes, requestBudgetFor } from './request-budget';
import {
  StagingNames,
  commitStaging,
  removeStaging,
  stagedPatch,
  stagingNames,
  uniqueName,
} from './staging';
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
  /** Request budget in bytes; by default requestBudgetFor(platform). */
  requestBudget?: number;
  /** Gets 0…1 after each sync. */
  onProgress?: (done: number) => void;
}

export interface ApplyPatchResult {
  /** Syncs made, the name check included. */
  syncs: number;
  /** Milliseconds of each write batch: from its first queued write to its sync's return. */
  syncMs: number[];
}

export class PatchConflictError extends Error {}

/**
 * Writes a WorkbookPatch into the open workbook as the CLI writes it into an .xlsx
 * (cli/xlsx/write-xlsx.ts): the patch's sheets (and a hidden lists sheet for long dropdown
 * lists) with values first, then formats, tables, validations, highlights, widths, frozen panes
 * and charts — all onto staging sheets (staging.ts). The last batch removes the `replaces`
 * sheets that exist, renames the staging sheets and tables and recalculates. If anything fails
 * before, the staging sheets are removed and the workbook is as it was: previous results intact.
 *
 * Syncs: one to read the sheet and table names, one or more for the values, one or more for the
 * rest, one to commit; more when a batch would pass the platform's request budget
 * (request-budget.ts), so that no sync carries more than the budget, on any platform.
 */
export async function applyPatch(
  context: Excel.RequestContext,
  patch: WorkbookPatch,
  options: ApplyPatchOptions = {},
): Promise<ApplyPatchResult> {
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name,items/worksheet/name');
  // Defined names share the tables' namespace: a user's name "RateShockSummary" blocks ours.
  const definedNames = context.workbook.names.load('items/name');
  await context.sync();

  const existing = sheets.items.map((s) => s.name);
  const replaced = existing.filter((name) => patch.replaces.includes(name));
  const remaining = existing.filter((name) => !replaced.includes(name));
  const nameList = definedNames.items.map((n) => n.name);
  checkConflicts(patch, remaining, tables.items, nameList);
  const names = stagingNames(patch, existing, [...tables.items.map((t) => t.name), ...nameList]);
  const listsStaging = uniqueName('RateShock_staging_lists', [
    ...existing,
    ...names.sheets.values(),
  ]);
  const staging = [...names.sheets.values(), listsStaging];
  try {
    const result = await writeStaged(context, stagedPatch(patch, names), listsStaging, options);
    // The lists sheet takes its own name once the sheet it replaces (if any) is gone.
    const listsFinal = uniqueName(LISTS_SHEET, [...remaining, ...names.sheets.keys()]);
    const sheetRenames: StagingNames = {
      sheets: new Map([
        ...names.sheets,
        ...(result.lists ? [[listsFinal, listsStaging] as const] : []),
      ]),
      tables: names.tables,
    };
    const t0 = performance.now();
    await commitStaging(context, replaced, sheetRenames);
    result.syncMs.push(performance.now() - t0);
    options.onProgress?.(1);
    return { syncs: 1 + result.syncs + 1, syncMs: result.syncMs };
  } catch (error) {
    await removeStaging(context, staging).catch(() => undefined);
    throw error;
  }
}

/** Writes the staged patch (its sheets under their staging names); the commit is separate. */
async function writeStaged(
  context: Excel.RequestContext,
  patch: WorkbookPatch,
  listsName: string,
  options: ApplyPatchOptions,
): Promise<{ syncs: number; syncMs: number[]; lists: boolean }> {
  const budget = options.requestBudget ?? requestBudgetFor(options.platform);
  const total = Math.max(1, cellCount(patch));
  const counter: CellCounter = { cells: 0 };
  const progress = (share: number) => options.onProgress?.(share);
  // Values are most of the work: 90 % of the progress bar, by cells sent.
  const batch = new RequestBatch(context, budget, () =>
    progress(0.9 * Math.min(1, counter.cells / total)),
  );

  // ── values ────────────────────────────────────────────────────────────────────────────
  const written = new Map<string, Excel.Worksheet>();
  for (const sheet of patch.sheets) {
    await batch.reserve(jsonStringBytes(sheet.name));
    written.set(sheet.name, context.workbook.worksheets.add(sheet.name));
  }
  const lists = await writeLongLists(context, patch, listsName, batch, counter);
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
    await writeSheetFormats(target, sheet, batch, lists.rangeOf);
    if (sheet.charts.length) {
      await batch.reserve(CHART_REQUEST_BYTES * sheet.charts.length);
      addCharts(target, sheet.charts, (name) => chartTables.get(name));
    }
  }
  await batch.flush();
  return { syncs: batch.syncs, syncMs: batch.syncMs, lists: lists.added };
}

/**
 * The CLI's refusals: a sheet of the patch that is the user's, a table name already taken; and
 * Excel's: a table name that is a workbook-scoped defined name (NameClashError, before any write).
 */
function checkConflicts(
  patch: WorkbookPatch,
  remaining: readonly string[],
  tables: readonly Excel.Table[],
  definedNames: readonly string[],
): void {
  const defined = new Map(definedNames.map((n) => [n.toLowerCase(), n]));
  for (const t of patch.sheets.flatMap((s) => s.tables)) {
    const clash = defined.get(t.name.toLowerCase());
    if (clash !== undefined) throw new NameClashError(clash);
  }
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
  name: string,
  batch: RequestBatch,
  counter: CellCounter,
): Promise<{ added: boolean; rangeOf: (column: PatchColumn) => Excel.Range | undefined }> {
  const long = patch.sheets
    .flatMap((s: PatchSheet) => s.tables.flatMap((t) => t.columns))
    .filter((c) => c.validationList && needsListRange(c.validationList));
  if (long.length === 0) return { added: false, rangeOf: () => undefined };
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
  return { added: true, rangeOf: (c) => ranges.get(c) };
}

function cellCount(patch: WorkbookPatch): number {
  let n = 0;
  for (const s of patch.sheets) {
    n += s.cells.length;
    for (const t of s.tables) n += t.columns.length * (t.rows.length + 1);
  }
  return n;
}
