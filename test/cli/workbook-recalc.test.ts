import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CATALOG_PROGRAMS, Results, parseCaseFile, simulate } from '../../engine';
import { OUTPUT_SHEETS, PatchValue, WorkbookPatch, isFormula, renderResults } from '../../workbook';
import { floorDscr } from '../../workbook/layout';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import {
  cellNumber,
  convertWithLibreOffice,
  describeWithLibreOffice,
} from '../support/libreoffice';

// The lodging case refinances; the manufacturer's converts debt into a capital-type loan, whose
// performance-linked interest rows are in the schedule too.
const SCENARIOS = ['lodging-crisis-refinance', 'manufacturer-dds', 'wildcard strategy ids'];

/**
 * The lodging case with strategy ids that SUMIFS would read as patterns or comparisons: `*`
 * matches every id, `R?` matches R1, `~R1` is R1 escaped, `R1*` matches R1, `>R` compares,
 * `=R1` is an equality — each must still sum its own rows only.
 */
const TRICKY_IDS = ['*', 'R?', 'R1', '~R1', 'R1*', '>R', '=R1'];

function caseJson(scenario: string): { strategies: { id: string }[] } {
  const name = scenario === 'wildcard strategy ids' ? 'lodging-crisis-refinance' : scenario;
  const json = JSON.parse(
    readFileSync(join(__dirname, `../../scenarios/${name}.case.json`), 'utf8'),
  );
  if (scenario !== 'wildcard strategy ids') return json;
  const [statusQuo, refinance] = json.strategies;
  json.strategies = TRICKY_IDS.map((id, i) => ({
    ...(i === 0 ? statusQuo : refinance),
    id,
    name: `strategy ${id}`,
  }));
  return json;
}

/** Every formula's cached result replaced by a decoy, so only a real recalculation passes. */
function withDecoys(patch: WorkbookPatch): WorkbookPatch {
  const decoy = (v: PatchValue): PatchValue => (isFormula(v) ? { ...v, result: -12345 } : v);
  return {
    ...patch,
    sheets: patch.sheets.map((s) => ({
      ...s,
      tables: s.tables.map((t) => ({ ...t, rows: t.rows.map((r) => r.map(decoy)) })),
    })),
  };
}

describe.each(SCENARIOS)('%s', (scenario) => {
  describeWithLibreOffice('the results workbook recalculated by LibreOffice', () => {
    let results: Results;
    let fy: ExcelJS.Worksheet;
    let summary: ExcelJS.Worksheet;
    let detailHeader: number;

    beforeAll(async () => {
      const parsed = parseCaseFile(caseJson(scenario));
      if (!parsed.ok) throw new Error('case');
      if (scenario === 'wildcard strategy ids')
        expect(parsed.value.strategies.map((x) => x.id)).toEqual(TRICKY_IDS);
      const outcome = simulate(parsed.value, CATALOG_PROGRAMS);
      if (!outcome.ok) throw new Error('simulate');
      results = outcome.results;
      const dir = mkdtempSync(join(tmpdir(), 'rateshock-recalc-'));
      const path = join(dir, 'decoy.xlsx');
      const patch = renderResults(parsed.value, results);
      detailHeader = patch.sheets
        .find((s) => s.name === OUTPUT_SHEETS.details)!
        .tables.find((t) => t.name === 'RateShockSummary')!.row;
      writeFileSync(path, Buffer.concat(writeXlsx(withDecoys(patch))));
      const { outputPath } = await convertWithLibreOffice(path);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(outputPath);
      fy = wb.getWorksheet(OUTPUT_SHEETS.fiscalYears)!;
      summary = wb.getWorksheet(OUTPUT_SHEETS.details)!;
    });

    test('annual interest, fees, principal, 経常利益 and debt service: SUMIFS over the schedule equal the engine to the yen', () => {
      let r = 2;
      for (const cell of results.cells) {
        for (const y of cell.years) {
          expect(cellNumber(fy, `I${r}`)).toBe(y.interest);
          expect(cellNumber(fy, `J${r}`)).toBe(y.guaranteeFees);
          expect(cellNumber(fy, `N${r}`)).toBe(y.principal);
          expect(cellNumber(fy, `O${r}`)).toBe(y.debtService);
          expect(cellNumber(fy, `K${r}`)).toBeCloseTo(y.ordinaryProfit, 4);
          r++;
        }
      }
      expect(r - 2).toBe(results.cells.length * results.cells[0].years.length);
    });

    test('DSCR (cut to two decimals toward failing) and 債務償還年数 recalculated equal the engine', () => {
      let r = 2;
      let checked = 0;
      for (const cell of results.cells) {
        cell.measures.forEach((m) => {
          if (m.dscr.value !== null) {
            // ROUNDDOWN(…, 2) in the sheet: the engine's ratio cut as the display rule cuts it.
            expect(cellNumber(fy, `T${r}`)).toBeCloseTo(floorDscr(m.dscr.value), 10);
            expect(cellNumber(fy, `T${r}`)).toBeLessThanOrEqual(m.dscr.value);
            expect(cellNumber(fy, `T${r}`)).toBeGreaterThan(m.dscr.value - 0.01);
            checked++;
          }
          if (m.debtRepaymentYears.value !== null) {
            expect(cellNumber(fy, `S${r}`)).toBeCloseTo(m.debtRepaymentYears.value, 10);
            checked++;
          }
          r++;
        });
      }
      expect(checked).toBeGreaterThan(40);
    });

    test('the summary totals (SUMIFS over the fiscal years) and 債務償還年数 at plan end', () => {
      // The by-cell table's header row, as rendered (under the headline, matrix and failures).
      const header = detailHeader;
      results.cells.forEach((cell, i) => {
        const r = header + 1 + i;
        expect(summary.getCell(`A${r}`).value).toBe(cell.strategyId);
        expect(cellNumber(summary, `E${r}`)).toBe(cell.summary.totalInterest);
        expect(cellNumber(summary, `F${r}`)).toBe(cell.summary.totalDebtService);
        expect(cellNumber(summary, `I${r}`)).toBeCloseTo(cell.summary.debtYearsAtEnd!, 10);
      });
    });
  });
});
