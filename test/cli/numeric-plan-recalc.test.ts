import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CATALOG_PROGRAMS, GridCell, Results, parseCaseFile, simulate } from '../../engine';
import { OUTPUT_SHEETS, PatchSheet, PatchValue, isFormula, renderResults } from '../../workbook';
import { floorDscr } from '../../workbook/layout';
import { NUMERIC_PLAN, numericPlanChoices, selectedCell } from '../../workbook/render-numeric-plan';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { convertWithLibreOffice, describeWithLibreOffice } from '../support/libreoffice';

/**
 * The 計数計画 view recalculated by LibreOffice equals the engine for every strategy × shock of
 * its dropdowns. One copy of the sheet per choice, each with its two dropdown cells set and
 * every cached result replaced by a decoy, goes into one workbook that LibreOffice opens once:
 * only a real recalculation of the sheet's formulas over 年度別 can pass.
 */

// The lodging case: 2 strategies × 5 shocks; the manufacturer's converts debt into a
// capital-type loan (its 有利子負債 counts only the part not recognised as capital).
const SCENARIOS = ['lodging-crisis-refinance', 'manufacturer-dds'];

/** Each plan item's row and the engine's figure for it (the statement the view must equal). */
const EXPECTED: [string, (cell: GridCell, t: number) => number | string][] = [
  ['売上高', (x, t) => x.years[t].revenue],
  ['営業利益', (x, t) => x.years[t].operatingProfit],
  ['減価償却費', (x, t) => x.years[t].depreciation],
  ['支払利息', (x, t) => x.years[t].interest],
  ['保証料', (x, t) => x.years[t].guaranteeFees],
  ['経常利益', (x, t) => x.years[t].ordinaryProfit],
  ['法人税等', (x, t) => x.years[t].taxes],
  ['当期純利益', (x, t) => x.years[t].netIncome],
  // 簡易CF = 経常利益 + 減価償却費 − 法人税等 (domain.md §9).
  ['簡易CF', (x, t) => x.years[t].ordinaryProfit + x.years[t].depreciation - x.years[t].taxes],
  ['元金返済', (x, t) => x.years[t].principal],
  ['返済計', (x, t) => x.years[t].debtService],
  [
    '有利子負債',
    (x, t) => {
      const y = x.years[t];
      return y.seniorDebt + y.capitalDebt - y.capitalDebt * y.capitalRecognition;
    },
  ],
  ['現預金', (x, t) => x.years[t].cash],
  ['債務償還年数', (x, t) => x.measures[t].debtRepaymentYears.value ?? '返済不能'],
  [
    'DSCR',
    (x, t) => (x.measures[t].dscr.value === null ? '—' : floorDscr(x.measures[t].dscr.value!)),
  ],
  ['実質純資産', (x, t) => x.years[t].substantiveNetWorth],
];

const decoy = (v: PatchValue): PatchValue => (isFormula(v) ? { ...v, result: -12345 } : v);

function readCellValue(sheet: ExcelJS.Worksheet, row: number, column: number): unknown {
  const cell = sheet.getCell(row, column);
  return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
}

describe.each(SCENARIOS)('%s', (scenario) => {
  describeWithLibreOffice('計数計画 recalculated by LibreOffice for every dropdown choice', () => {
    let results: Results;
    let choices: { strategyId: string; shock: string }[];
    let book: ExcelJS.Workbook;
    let statusQuo: string;

    beforeAll(async () => {
      const raw = JSON.parse(
        readFileSync(join(__dirname, `../../scenarios/${scenario}.case.json`), 'utf8'),
      );
      const parsed = parseCaseFile(raw);
      if (!parsed.ok) throw new Error('case');
      const outcome = simulate(parsed.value, CATALOG_PROGRAMS);
      if (!outcome.ok) throw new Error('simulate');
      results = outcome.results;
      statusQuo = parsed.value.strategies.find((s) => s.actions.length === 0)!.id;
      const patch = renderResults(parsed.value, results);
      const view = patch.sheets.find((s) => s.name === OUTPUT_SHEETS.numericPlan)!;
      const listed = numericPlanChoices(results);
      choices = listed.strategies.flatMap((s) =>
        listed.shocks.map((shock) => ({ strategyId: s.id, shock })),
      );
      // "Set the two cells": the dropdown cells of each copy hold one choice.
      const copies: PatchSheet[] = choices.map((choice, k) => ({
        ...view,
        name: `計数計画${k + 1}`,
        cells: view.cells.map((cell) => {
          const at = (p: { row: number; column: number }) =>
            cell.row === p.row && cell.column === p.column;
          if (at(NUMERIC_PLAN.strategyCell)) {
            return {
              ...cell,
              value: listed.strategies.find((s) => s.id === choice.strategyId)!.name,
            };
          }
          if (at(NUMERIC_PLAN.shockCell)) return { ...cell, value: choice.shock };
          return { ...cell, value: decoy(cell.value) };
        }),
      }));
      const dir = mkdtempSync(join(tmpdir(), 'rateshock-plan-'));
      const path = join(dir, 'plan.xlsx');
      writeFileSync(
        path,
        Buffer.concat(writeXlsx({ ...patch, sheets: [...patch.sheets, ...copies] })),
      );
      const { outputPath } = await convertWithLibreOffice(path);
      book = new ExcelJS.Workbook();
      await book.xlsx.readFile(outputPath);
    });

    test('every item of every plan year equals the engine, for the choice and for the status quo beside it', () => {
      const years = results.cells[0].years.length;
      const secondBlock = 1 + (2 + years) + 1;
      let compared = 0;
      choices.forEach((choice, k) => {
        const sheet = book.getWorksheet(`計数計画${k + 1}`)!;
        const chosen = selectedCell(results, choice.strategyId, choice.shock);
        const beside = results.cells.find(
          (x) =>
            x.strategyId === statusQuo &&
            x.shockLabel === chosen.shockLabel &&
            x.mode === chosen.mode,
        )!;
        EXPECTED.forEach(([label, engine], i) => {
          const row = NUMERIC_PLAN.firstItemRow + i;
          expect(sheet.getCell(row, 1).text).toContain(label);
          for (const [first, cell] of [
            [1, chosen],
            [secondBlock, beside],
          ] as const) {
            for (let t = 0; t < years; t++) {
              const want = engine(cell, t);
              const got = readCellValue(sheet, row, first + 2 + t);
              const where = `${sheet.name} row ${row} (${label}) year ${t + 1}`;
              if (typeof want === 'string') expect([where, got]).toEqual([where, want]);
              else {
                expect([where, typeof got]).toEqual([where, 'number']);
                expect(got as number).toBeCloseTo(want, 6);
              }
              compared++;
            }
          }
        });
      });
      expect(compared).toBe(choices.length * EXPECTED.length * 2 * years);
    });
  });
});
