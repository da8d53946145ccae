import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Case, Results, catalogPrograms, parseCaseFile, simulate } from '../../engine';
import {
  PLAN_OUTPUT_SHEETS,
  PatchValue,
  isFormula,
  planSheets,
  renderResults,
} from '../../workbook';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { cashSheet } from '../../workbook/render-cash';
import { MIN_PRINT_SCALE } from '../../workbook/layout/column-pages';
import { displayWidth } from '../../workbook/layout/display-width';
import {
  cellNumber,
  convertWithLibreOffice,
  describeWithLibreOffice,
} from '../support/libreoffice';

function run(file: string): { c: Case; results: Results } {
  const raw = JSON.parse(readFileSync(join(__dirname, `../../scenarios/${file}`), 'utf8'));
  const parsed = parseCaseFile(raw);
  if (!parsed.ok) throw new Error('case');
  const out = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
  if (!out.ok) throw new Error('simulate');
  return { c: parsed.value, results: out.results };
}

const { c, results } = run('council-pro-rata.case.json');
const sheets = planSheets(c, results);
const [repayment, cash, substantive] = sheets;
const table = (name: string) => sheets.flatMap((s) => s.tables).find((t) => t.name === name)!;
const resultOf = (v: PatchValue) => (isFormula(v) ? v.result : v);

describe('the council plan sheets', () => {
  test('written only when a strategy has a plan, after the other result sheets', () => {
    expect(
      renderResults(c, results)
        .sheets.slice(-3)
        .map((s) => s.name),
    ).toEqual([
      PLAN_OUTPUT_SHEETS.repayment,
      PLAN_OUTPUT_SHEETS.cash,
      PLAN_OUTPUT_SHEETS.substantive,
    ]);
    const lodging = run('lodging-crisis-refinance.case.json');
    expect(planSheets(lodging.c, lodging.results)).toEqual([]);
  });

  test('dropdowns list the plan strategies and the shocks', () => {
    const choice = table('RateShockPlanChoice');
    expect(choice.columns[0].validationList).toEqual([
      'plan-balance',
      'plan-unsecured',
      'plan-unsecured-dds',
    ]);
    expect(choice.columns[1].validationList).toEqual([
      '±0',
      '+0.25%',
      '+0.50%',
      '+1.00%',
      '+2.00%',
    ]);
  });

  test('the block carries the engine’s figures for the chosen cell, lenders with their loans', () => {
    const block = table('RateShockPlanBlock');
    const plan = results.cells.find(
      (x) => x.strategyId === 'plan-balance' && x.shockLabel === '±0',
    )!.plan!;
    expect(block.rows.map((r) => [r[0], r[1]])).toEqual([
      ['返済原資 / budget', ''],
      ['みどり銀行', ''],
      ['', 'M1'],
      ['', 'M2'],
      ['', 'M3'],
      ['さくら信用金庫', ''],
      ['', 'S1'],
      ['', 'S2'],
      ['あおば銀行', ''],
      ['', 'A1'],
      ['', 'A2'],
      ['合計 / total', ''],
    ]);
    expect(resultOf(block.rows[0][8])).toBe(plan.budget[0].budget);
    expect(resultOf(block.rows[1][4])).toBe(110_000_000);
    expect(resultOf(block.rows[1][5])).toBe(56_000_000);
    expect(resultOf(block.rows[1][8])).toBe(plan.lenders[0].years[0].repayment);
    const total = block.rows[block.rows.length - 1];
    expect(resultOf(total[8])).toBe(plan.budget[0].budget);
    expect(resultOf(total[4])).toBe(210_000_000);
  });

  test('資金繰り表: 24 months (cashTableMonths), months 12 and 24 close on the year-end cash', () => {
    const block = table('RateShockCashBlock');
    expect(cash.name).toBe('資金繰り表');
    const months = block.columns.slice(3).map((x) => x.header);
    expect(months).toHaveLength(24);
    expect([months[0], months[11], months[12], months[23]]).toEqual([
      '2027-04',
      '2028-03',
      '2028-04',
      '2029-03',
    ]);
    const cell = results.cells.find(
      (x) => x.strategyId === 'plan-balance' && x.shockLabel === '±0',
    )!;
    const closing = block.rows.find((r) => String(r[0]).startsWith('翌月繰越'))!;
    expect(resultOf(closing[14])).toBe(cell.years[0].cash);
    expect(resultOf(closing[26])).toBe(cell.years[1].cash);
    // The seasonal profile moves the low point: the highlight is the table's own lowest month.
    const values = closing.slice(3).map((v) => resultOf(v) as number);
    expect(cash.highlights[0].fromColumn - 4).toBe(values.indexOf(Math.min(...values)));
  });

  test('資金繰り表 of 24 months prints a quarter a page at 71 %, not 12 months at 37 %', () => {
    const block = table('RateShockCashBlock');
    const setup = cash.pageSetup!;
    // Widths as fitted: 項目 "財務収支 返済 日本政策金融公庫 / repaid" 39, 戦略ID
    // "plan-unsecured-dds" 18, 金利 "+2.00%" 6, months "△18,850,000" 12, each + 3 of padding.
    expect(block.columns.map((x) => x.width)).toEqual([42, 21, 9, ...Array(24).fill(15)]);
    // Every page prints 項目, 戦略ID, 金利 (72 units) beside its months. 12 months: 72 + 180
    // = 252 units, ⌊9500 / 252⌋ = 37 %; 6: 162, 58 %, under MIN_PRINT_SCALE 60; a quarter:
    // 72 + 4 × 15 = 132 units, ⌊9500 / 132⌋ = 71 %.
    expect(MIN_PRINT_SCALE).toBe(60);
    expect(setup.scale).toBe(71);
    expect(setup.fitTo).toBeUndefined(); // a fit would ignore the breaks
    // Months 1–24 are columns 4–27: pages start at months 5, 9, 13, 17, 21 (columns 8 … 24).
    expect(setup.columnBreaks).toEqual([8, 12, 16, 20, 24]);
    expect(setup.columnBreaks!.map((k) => block.columns[k - 1].header)).toEqual([
      '2027-08',
      '2027-12',
      '2028-04',
      '2028-08',
      '2028-12',
    ]);
    expect(setup.titleColumns).toEqual({ from: 1, to: 3 });
    // The title, the notes and the chosen strategy × shock above every page.
    expect(setup.titleRows).toEqual({ from: 1, to: 8 });
    expect(setup.printArea).toEqual({
      fromRow: 1,
      fromColumn: 1,
      toRow: table('RateShockCashData').row - 2,
      toColumn: 27,
    });
    // Each note line fits inside the title columns (42 + 21 + 9 = 72 units), so pages after
    // the first, which print only those columns beside their months, do not cut it.
    for (const row of [1, 2, 3, 4, 5]) {
      const note = cash.cells.find((x) => x.row === row && x.column === 1)!;
      expect(displayWidth(String(note.value))).toBeLessThanOrEqual(72);
    }
    // 12 months print the same way: a quarter a page, three pages.
    const cells = results.cells.filter((x) => x.plan && x.mode === 'realistic');
    const twelve = cashSheet(c, results, cells, 12).pageSetup!;
    expect([twelve.scale, twelve.columnBreaks]).toEqual([71, [8, 12]]);
  });

  test('実態BS・清算BS: adjustments to 実態純資産, liquidation values, 経済合理性 per lender', () => {
    const adj = table('RateShockAdjustments');
    // 800万 − 600万 − 300万 − 1,200万 − 400万 + 1,000万 = △700万: 実質債務超過.
    expect(adj.rows[adj.rows.length - 1]).toEqual([
      '実態純資産 (基準年) / substantive net worth',
      -7_000_000,
      '実質債務超過',
    ]);
    expect(table('RateShockLiquidation').rows[1]).toEqual([
      '売掛金',
      30_000_000,
      0.7,
      21_000_000,
      '',
    ]);
    const rational = table('RateShockRationality').rows;
    expect(rational).toHaveLength(15 * 3);
    expect(rational.every((r) => r[8] === '✓')).toBe(true);
    expect(substantive.name).toBe('実態BS・清算BS');
  });
});

describeWithLibreOffice('the repayment plan block recalculated by LibreOffice', () => {
  test('choosing another strategy and shock switches every figure to that cell', async () => {
    const choice = { plan: 'plan-unsecured', shock: '+1.00%' };
    const decoy = (v: PatchValue): PatchValue => (isFormula(v) ? { ...v, result: -12345 } : v);
    const sheet = {
      ...repayment,
      tables: repayment.tables.map((t) =>
        t.name === 'RateShockPlanChoice'
          ? { ...t, rows: [[choice.plan, choice.shock]] }
          : { ...t, rows: t.rows.map((r) => r.map(decoy)) },
      ),
    };
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-plan-'));
    const path = join(dir, 'plan.xlsx');
    writeFileSync(path, Buffer.concat(writeXlsx({ replaces: [], sheets: [sheet] })));
    const { outputPath } = await convertWithLibreOffice(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outputPath);
    const ws = wb.getWorksheet(PLAN_OUTPUT_SHEETS.repayment)!;
    const plan = results.cells.find(
      (x) => x.strategyId === choice.plan && x.shockLabel === choice.shock,
    )!.plan!;
    // Block rows start under the header on row 8: budget row 9, みどり 10, さくら 14, あおば 17.
    const letter = (k: number) => String.fromCharCode(64 + k);
    plan.budget.forEach((b, t) => expect(cellNumber(ws, `${letter(9 + 2 * t)}9`)).toBe(b.budget));
    [10, 14, 17].forEach((row, i) => {
      const l = plan.lenders[i];
      expect(cellNumber(ws, `H${row}`)).toBeCloseTo(l.share, 12);
      l.years.forEach((y, t) => {
        expect(cellNumber(ws, `${letter(9 + 2 * t)}${row}`)).toBe(y.repayment);
        expect(cellNumber(ws, `${letter(10 + 2 * t)}${row}`)).toBe(y.closing);
      });
    });
    expect(cellNumber(ws, 'I20')).toBe(plan.budget[0].budget); // the total row
  });
});
