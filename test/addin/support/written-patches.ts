import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWorkbook } from '../../../addin/compute/run-workbook';
import {
  PatchSheet,
  PatchValue,
  WorkbookPatch,
  inputTemplate,
  isFormula,
  scenarioTemplate,
  writtenSnapshot,
} from '../../../workbook';

/**
 * Every patch the add-in writes for the real cases: the blank input template, each case of
 * scenarios/ typed into the input sheets (as 「事例を読み込む」 writes it), and each case's run
 * as the pane computes it (runWorkbook: results, the council plan's sheets, Monte Carlo).
 */
export const SCENARIO_FILES = [
  'lodging-crisis-refinance',
  'manufacturer-dds',
  'apparel-consolidation',
  'council-pro-rata',
] as const;

/** Monte Carlo paths of the corpus' runs: the sheet's formulas do not depend on the count. */
const MONTE_CARLO = { paths: 200, seed: 1 };

export interface WrittenPatch {
  /** `template`, `input:<case>` or `run:<case>`. */
  source: string;
  patch: WorkbookPatch;
}

let cache: WrittenPatch[] | undefined;

export function writtenPatches(): WrittenPatch[] {
  if (cache) return cache;
  const out: WrittenPatch[] = [{ source: 'template', patch: inputTemplate() }];
  for (const name of SCENARIO_FILES) {
    const raw: unknown = JSON.parse(
      readFileSync(join(__dirname, `../../../scenarios/${name}.case.json`), 'utf8'),
    );
    const filled = scenarioTemplate(raw);
    if (!filled.ok) throw new Error(`${name}: ${filled.errors.join('; ')}`);
    out.push({ source: `input:${name}`, patch: filled.patch });
    const run = runWorkbook({
      snapshot: writtenSnapshot(filled.patch.sheets),
      shockSizes: null,
      strategyIds: null,
      // Monte Carlo does not simulate a council plan (the engine refuses it): runs without.
      monteCarlo: name === 'council-pro-rata' ? null : MONTE_CARLO,
    });
    if (!run.ok) throw new Error(`${name}: ${JSON.stringify([run.errors, run.message])}`);
    out.push({ source: `run:${name}`, patch: run.patch });
  }
  cache = out;
  return out;
}

/** A formula cell of a patch: where it is and what the add-in writes ("=" + formula). */
export interface WrittenFormula {
  source: string;
  sheet: string;
  row: number;
  column: number;
  formula: string;
}

function sheetValues(sheet: PatchSheet): { row: number; column: number; value: PatchValue }[] {
  const out: { row: number; column: number; value: PatchValue }[] = [];
  for (const t of sheet.tables) {
    t.rows.forEach((r, i) =>
      r.forEach((value, j) => out.push({ row: t.row + 1 + i, column: t.column + j, value })),
    );
  }
  for (const c of sheet.cells) out.push({ row: c.row, column: c.column, value: c.value });
  return out;
}

/** Every formula cell of the patches. */
export function writtenFormulas(patches = writtenPatches()): WrittenFormula[] {
  const out: WrittenFormula[] = [];
  for (const { source, patch } of patches) {
    for (const sheet of patch.sheets) {
      for (const { row, column, value } of sheetValues(sheet)) {
        if (isFormula(value)) {
          out.push({ source, sheet: sheet.name, row, column, formula: `=${value.formula}` });
        }
      }
    }
  }
  return out;
}

/**
 * A formula's shape: the same text with row numbers and numbers replaced, so the 2,000 rows
 * of one column's formula count once.
 */
export function formulaShape(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\d+(\.\d+)?/g, '#')))
    .join('');
}

/** Every number format code the patches write, with where each was first seen. */
export function writtenNumberFormats(patches = writtenPatches()): Map<string, string> {
  const out = new Map<string, string>();
  const add = (code: string | undefined, where: string) => {
    if (code !== undefined && !out.has(code)) out.set(code, where);
  };
  for (const { source, patch } of patches) {
    for (const sheet of patch.sheets) {
      for (const t of sheet.tables) {
        for (const c of t.columns) add(c.numberFormat, `${source} ${t.name} ${c.header}`);
      }
      for (const c of sheet.cells) add(c.numberFormat, `${source} ${sheet.name} cell`);
      for (const f of sheet.rangeFormats ?? []) add(f.numberFormat, `${source} ${sheet.name}`);
    }
  }
  return out;
}
