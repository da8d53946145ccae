import type { PatchSheet, WorkbookPatch } from '../../workbook';

/**
 * Writes that lose nothing: a patch is written onto staging sheets (and staging table names)
 * while the previous results stay as they are; only the last batch removes the sheets the patch
 * replaces and gives the staging sheets and tables their own names. A failure before that leaves
 * the workbook as it was once the staging sheets are removed.
 *
 * Formulas of the patch refer to its sheets by name ('年度別'!I5); written onto staging sheets
 * they must name the staging sheets, or Excel would bind them to the old sheets of that name and
 * turn them into #REF! when those go. Renaming a sheet rewrites the references to it, so after
 * the last batch the formulas read '年度別'!I5 again.
 */
export interface StagingNames {
  /** Final sheet name → staging sheet name. */
  sheets: Map<string, string>;
  /** Final table name → staging table name. */
  tables: Map<string, string>;
}

/** The first of `name`, `name2`, `name3`, … not taken (compared without case, as Excel does). */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  let candidate = name;
  for (let i = 2; lower.has(candidate.toLowerCase()); i++) candidate = `${name}${i}`;
  return candidate;
}

/** Staging names for every sheet and table of the patch, none of them taken in the workbook. */
export function stagingNames(
  patch: WorkbookPatch,
  sheetsTaken: readonly string[],
  tablesTaken: readonly string[],
): StagingNames {
  const sheetNames = new Set(sheetsTaken);
  const tableNames = new Set(tablesTaken);
  const sheets = new Map<string, string>();
  const tables = new Map<string, string>();
  patch.sheets.forEach((sheet, i) => {
    const staging = uniqueName(`RateShock_staging_${i + 1}`, sheetNames);
    sheetNames.add(staging);
    sheets.set(sheet.name, staging);
    for (const t of sheet.tables) {
      const name = uniqueName(`${t.name}_staging`, tableNames);
      tableNames.add(name);
      tables.set(t.name, name);
    }
  });
  return { sheets, tables };
}

/** The patch as written onto the staging sheets: names and formula references swapped. */
export function stagedPatch(patch: WorkbookPatch, names: StagingNames): WorkbookPatch {
  const sheet = (s: PatchSheet): PatchSheet => ({
    ...s,
    name: names.sheets.get(s.name) ?? s.name,
    tables: s.tables.map((t) => ({
      ...t,
      name: names.tables.get(t.name) ?? t.name,
      rows: t.rows.map((row) => row.map(restate)),
    })),
    cells: s.cells.map((c) => ({ ...c, value: restate(c.value) })),
    charts: s.charts.map((c) => ({ ...c, table: names.tables.get(c.table) ?? c.table })),
  });
  const restate = <T>(v: T): T =>
    typeof v === 'object' && v !== null && 'formula' in v
      ? { ...v, formula: renameSheetReferences((v as { formula: string }).formula, names.sheets) }
      : v;
  return { replaces: [], sheets: patch.sheets.map(sheet) };
}

/** `'name'` as a formula writes a sheet name (always quoted: any name is valid quoted). */
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The formula with its references to the renamed sheets (`'年度別'!A1` or `Sheet1!A1`) pointing
 * at the new names; text inside string literals ("…") is left alone.
 */
export function renameSheetReferences(formula: string, renames: Map<string, string>): string {
  if (renames.size === 0) return formula;
  const alternatives = [...renames.keys()]
    .sort((a, b) => b.length - a.length)
    .flatMap((name) => [escapeRegExp(quoted(name)), escapeRegExp(name)]);
  // A reference: the name, quoted or bare, not preceded by a name character, then "!".
  const reference = new RegExp(`(?<![\\p{L}\\p{N}_.'])(${alternatives.join('|')})!`, 'gu');
  const byWritten = new Map<string, string>();
  for (const [from, to] of renames) {
    byWritten.set(quoted(from), quoted(to));
    byWritten.set(from, quoted(to));
  }
  // Even parts are outside string literals, odd parts inside ("" escapes stay inside).
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(reference, (_, name: string) => `${byWritten.get(name)}!`),
    )
    .join('');
}

/**
 * The last batch: removes the sheets replaced, renames the staging sheets and tables, and
 * recalculates (calculation was suspended in every batch before it). One sync.
 */
export async function commitStaging(
  context: Excel.RequestContext,
  replaced: readonly string[],
  names: StagingNames,
): Promise<void> {
  context.application.suspendScreenUpdatingUntilNextSync();
  for (const name of replaced) context.workbook.worksheets.getItem(name).delete();
  for (const [final, staging] of names.sheets) {
    context.workbook.worksheets.getItem(staging).name = final;
  }
  for (const [final, staging] of names.tables) {
    context.workbook.tables.getItem(staging).name = final;
  }
  // The SUMIFS summary reads the schedule: recalculated now, not at the user's next edit.
  context.application.calculate(Excel.CalculationType.recalculate);
  await context.sync();
}

/**
 * After a failure: removes whatever staging sheets exist (their tables go with them), so the
 * workbook is as it was. Two syncs; the original error is what the caller reports.
 */
export async function removeStaging(
  context: Excel.RequestContext,
  staging: readonly string[],
): Promise<void> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const lower = new Set(staging.map((s) => s.toLowerCase()));
  const present = sheets.items.filter((s) => lower.has(s.name.toLowerCase()));
  if (present.length === 0) return;
  for (const s of present) s.delete();
  await context.sync();
}
