import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renameSheetReferences } from '../../addin/office/staging';
import { PatchSheet, PatchValue, WorkbookPatch, isFormula } from '../../workbook';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { convertWithLibreOffice, describeWithLibreOffice } from '../support/libreoffice';
import { FodsCell, readFodsCells } from './support/fods-cells';
import {
  WrittenFormula,
  WrittenPatch,
  formulaShape,
  writtenFormulas,
  writtenNumberFormats,
  writtenPatches,
} from './support/written-patches';

/**
 * LibreOffice as the independent parser of what the add-in writes: every formula of every patch
 * the add-in writes for the real cases (the template, the cases of scenarios/ typed in, their
 * runs with Monte Carlo and the council plan's sheets) goes into one workbook, which LibreOffice
 * loads, recalculates and saves as flat OpenDocument in ONE soffice run. A formula that does not
 * parse (Err:5xx, or a missing ")" LibreOffice repairs where Excel refuses), names an unknown
 * function or a sheet that is not there (#NAME?), or gives any other error value fails the test, named by its sheet and cell. In the same run, every number format code
 * the add-in writes shows known numbers as worked out by hand (1,234,567 as `#,##0,` → 1,235,
 * −5 as `#,##0;"△"#,##0;0` → △5).
 *
 * The workbook: each patch's sheets under `P<k>_<name>` (formulas renamed by the add-in's own
 * renameSheetReferences), tables renamed apart, charts left out; tables without formulas keep
 * 30 rows (the SUMIFS ranges over them still parse and calculate, on fewer rows).
 */

/** Known numbers and how each code the add-in writes shows them (worked out by hand). */
const FORMAT_EXPECTATIONS: Record<string, [number, string][]> = {
  '@': [[123, '123']],
  General: [[0.5, '0.5']],
  '0': [[119.6, '120']],
  '0.0': [[2.26, '2.3']],
  '0.00': [[1.234, '1.23']],
  '#,##0': [[1234567, '1,234,567']],
  '0.0%': [[0.1234, '12.3%']],
  '0.00%': [[0.0125, '1.25%']],
  '0.000%': [[0.0123, '1.230%']],
  // Excel serial 45366: 2024-01-01 is 45292, + 31 (Jan) + 29 (Feb) + 14.
  'yyyy-mm-dd': [[45366, '2024-03-15']],
  '#,##0;"△"#,##0;0': [
    [1234, '1,234'],
    [-5, '△5'],
    [0, '0'],
  ],
  // Thousands: 1,234,567 yen → 1,235 (rounded), −5,000 → △5.
  '#,##0,;"△"#,##0,;0': [
    [1234567, '1,235'],
    [-5000, '△5'],
    [0, '0'],
  ],
  '0.0%;"△"0.0%;0': [
    [0.0123, '1.2%'],
    [-0.0123, '△1.2%'],
  ],
  '0.00;"△"0.00;0': [
    [1.234, '1.23'],
    [-1.5, '△1.50'],
    [0, '0'],
  ],
  '"実績 "0"年3月期"': [[2024, '実績 2024年3月期']],
  '0"年3月期"': [[2025, '2025年3月期']],
  '"実績 "0"年9月期"': [[2024, '実績 2024年9月期']],
  '0"年9月期"': [[2025, '2025年9月期']],
};

/**
 * Formulas that must fail, in the same workbook: they prove the check sees a broken formula
 * (Err:508 for a parenthesis too many, a repair for one missing, #NAME? for an unknown
 * function or sheet, Err:520 for a missing operand).
 */
const BROKEN = [
  'SUM(1,2',
  'IF(1,2,3))',
  'SUMIFZ(A1:A3,1,B1:B3)',
  "SUM('No such sheet'!A1:A3)",
  '1++',
];

const CHECK_SHEET = 'Check';
const FORMAT_SHEET = 'Formats';

function hasFormula(rows: readonly (readonly PatchValue[])[]): boolean {
  return rows.some((r) => r.some(isFormula));
}

/** The first formula of each shape (formulaShape: its text with the numbers masked). */
function firstOfEachShape(formulas: WrittenFormula[]): WrittenFormula[] {
  const seen = new Set<string>();
  return formulas.filter((f) => {
    const shape = formulaShape(f.formula);
    if (seen.has(shape)) return false;
    seen.add(shape);
    return true;
  });
}

const cellKey = (source: string, sheet: string, row: number, column: number) =>
  `${source}|${sheet}|${row}|${column}`;

/**
 * One patch's sheets under their `P<k>_` names, formulas pointing at them; a formula not among
 * `kept` is left out (its cell blank). Only what formulas need is written: values, formulas and
 * number formats, not highlights, validations, charts or print settings.
 */
function renamed(k: number, written: WrittenPatch, kept: Set<string>): PatchSheet[] {
  const sheets = new Map(written.patch.sheets.map((s) => [s.name, `P${k}_${s.name}`]));
  return written.patch.sheets.map((s) => {
    const restate = (v: PatchValue, row: number, column: number): PatchValue => {
      if (!isFormula(v)) return v;
      if (!kept.has(cellKey(written.source, s.name, row, column))) return null;
      return { ...v, formula: renameSheetReferences(v.formula, sheets) };
    };
    return {
      name: sheets.get(s.name)!,
      tables: s.tables.map((t) => ({
        ...t,
        name: `${t.name}_${k}`,
        columns: t.columns.map(({ header, numberFormat }) => ({ header, numberFormat })),
        rows: (hasFormula(t.rows) ? t.rows : t.rows.slice(0, 30)).map((r, i) =>
          r.map((v, j) => restate(v, t.row + 1 + i, t.column + j)),
        ),
      })),
      cells: s.cells.map(({ row, column, value, numberFormat }) => ({
        row,
        column,
        value: restate(value, row, column),
        numberFormat,
      })),
      highlights: [],
      charts: [],
    };
  });
}

function checkWorkbook(patches: WrittenPatch[], kept: WrittenFormula[]): WorkbookPatch {
  const keys = new Set(kept.map((f) => cellKey(f.source, f.sheet, f.row, f.column)));
  const sheet = (name: string, cells: PatchSheet['cells']): PatchSheet => ({
    name,
    tables: [],
    cells,
    highlights: [],
    charts: [],
  });
  const formats = Object.entries(FORMAT_EXPECTATIONS).flatMap(([code, cases], i) =>
    cases.map(([value], j) => ({ row: i + 1, column: j + 1, value, numberFormat: code })),
  );
  return {
    replaces: [],
    sheets: [
      ...patches.flatMap((p, k) => renamed(k, p, keys)),
      sheet(
        CHECK_SHEET,
        BROKEN.map((formula, i) => ({ row: i + 1, column: 1, value: { formula, result: null } })),
      ),
      sheet(FORMAT_SHEET, formats),
    ],
  };
}

const ERROR_TEXT = /^(Err:\d{3}|#NAME\?|#REF!|#VALUE!|#N\/A|#DIV\/0!|#NUM!|#NULL!)$/;

/** How many "(" and ")" a formula has outside its string literals. */
function parentheses(formula: string): string {
  const outside = formula.split(/("(?:[^"]|"")*")/).filter((_, i) => i % 2 === 0);
  const count = (ch: string) => outside.join('').split(ch).length - 1;
  return `${count('(')}(${count(')')})`;
}

/**
 * What is wrong with a formula cell after LibreOffice's recalculation, or null: an error value,
 * or a formula LibreOffice had to repair to read it (it closes a missing ")" silently, where
 * Excel refuses the formula), seen as other parentheses in the formula it stored.
 */
function cellProblem(written: string, cell: FodsCell | undefined): string | null {
  if (!cell) return 'the cell is empty';
  if (!cell.formula) return `no formula (shows ${JSON.stringify(cell.text)})`;
  if (cell.valueType === 'error' || ERROR_TEXT.test(cell.text))
    return `${cell.text} from ${cell.formula}`;
  const stored = cell.formula.replace(/^of:=/, '');
  if (parentheses(stored) !== parentheses(written))
    return `repaired by LibreOffice as ${cell.formula}`;
  return null;
}

describeWithLibreOffice('formulas and number formats of the add-in, read by LibreOffice', () => {
  const patches = writtenPatches();
  const formulas = writtenFormulas(patches);
  const checked = firstOfEachShape(formulas);
  let cells: Map<string, FodsCell[]>;
  let elapsedMs = 0;

  const at = (sheet: string, row: number, column: number) =>
    cells.get(sheet)?.find((c) => c.row === row && c.column === column);

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-formulas-'));
    try {
      const input = join(dir, 'formulas.xlsx');
      writeFileSync(input, Buffer.concat(writeXlsx(checkWorkbook(patches, checked))));
      // Flat OpenDocument: one XML file with each cell's formula, value type and shown text.
      const result = await convertWithLibreOffice(input, { format: 'fods', outDir: dir });
      elapsedMs = result.elapsedMs;
      cells = readFodsCells(result.outputPath);
    } finally {
      if (process.env.KEEP_LIBREOFFICE_FILES) console.log(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every formula the add-in writes parses and calculates without an error', () => {
    expect(formulas.length).toBeGreaterThan(3_000);
    const sourceIndex = new Map(patches.map((p, k) => [p.source, k]));
    const problems: string[] = [];
    for (const f of checked) {
      const sheet = `P${sourceIndex.get(f.source)}_${f.sheet}`;
      const problem = cellProblem(f.formula, at(sheet, f.row, f.column));
      if (problem)
        problems.push(`${f.source} ${f.sheet}!R${f.row}C${f.column} ${f.formula}: ${problem}`);
    }
    console.log(
      `${formulas.length} formulas of ${patches.length} patches, ${checked.length} shapes ` +
        `recalculated by LibreOffice ` +
        `in one soffice run of ${(elapsedMs / 1000).toFixed(1)} s`,
    );
    expect(problems).toEqual([]);
  });

  test('the check fails on broken formulas (Err:5xx, #NAME?, a repaired parenthesis)', () => {
    const found = BROKEN.map((formula, i) => [
      formula,
      cellProblem(formula, at(CHECK_SHEET, i + 1, 1)),
    ]);
    // As LibreOffice 7.4 reports them; the error codes may differ in other versions.
    expect(found).toEqual([
      ['SUM(1,2', expect.stringMatching(/^repaired by LibreOffice as of:=SUM\(1;2\)$/)],
      ['IF(1,2,3))', expect.stringMatching(/^Err:5\d\d from /)],
      ['SUMIFZ(A1:A3,1,B1:B3)', expect.stringMatching(/^#NAME\? from /)],
      ["SUM('No such sheet'!A1:A3)", expect.stringMatching(/^(#NAME\?|#REF!) from /)],
      ['1++', expect.stringMatching(/^Err:5\d\d from /)],
    ]);
  });

  test('every number format code the add-in writes shows known numbers as worked out by hand', () => {
    const codes = [...writtenNumberFormats(patches).keys()];
    expect(codes.filter((c) => !(c in FORMAT_EXPECTATIONS))).toEqual([]);
    const shown = Object.entries(FORMAT_EXPECTATIONS).map(([code, cases], i) => [
      code,
      cases.map(([value], j) => [value, at(FORMAT_SHEET, i + 1, j + 1)?.text]),
    ]);
    expect(shown).toEqual(Object.entries(FORMAT_EXPECTATIONS));
  });
});
