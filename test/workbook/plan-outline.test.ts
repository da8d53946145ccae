import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { catalogPrograms, parseCaseFile, simulate } from '../../engine';
import { isFormula, planSheets } from '../../workbook';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { rowRuns } from '../../addin/office/write-formats';
import { MockWorkbook } from '../addin/support/mock-excel';
import { ExcelWorkbook } from '../../addin/office/excel-workbook';

const parsed = parseCaseFile(
  JSON.parse(readFileSync(join(__dirname, '../../scenarios/council-pro-rata.case.json'), 'utf8')),
);
if (!parsed.ok) throw new Error('case');
const out = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
if (!out.ok) throw new Error('simulate');
const repayment = planSheets(parsed.value, out.results)[0];
const block = repayment.tables.find((t) => t.name === 'RateShockPlanBlock')!;
// Block data rows start on row 9 (header on 8); a loan row has its id in column B.
const loanRows = block.rows.flatMap((r, i) => (r[1] !== '' && !isFormula(r[1]) ? [9 + i] : []));

describe('金融機関別返済計画: loan rows collapse under their lender', () => {
  test('the loan rows, each run right under a lender row', () => {
    expect(repayment.groupedRows).toEqual(loanRows);
    expect(loanRows.length).toBeGreaterThan(0);
    for (const [first] of rowRuns(loanRows)) {
      const above = block.rows[first - 1 - 9];
      expect(above[1]).toBe(''); // the lender's own row: no loan id
      expect(String(above[0])).not.toBe('');
    }
  });

  test('the .xlsx: outlineLevel on exactly those rows, summary rows above', () => {
    const files = unzipSync(Buffer.concat(writeXlsx({ replaces: [], sheets: [repayment] })));
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<sheetPr><outlinePr summaryBelow="0"/>');
    expect(xml).toMatch(
      /<\/sheetViews><sheetFormatPr defaultRowHeight="15" outlineLevelRow="1"\/>/,
    );
    const outlined = [...xml.matchAll(/<row r="(\d+)"[^>]*outlineLevel="1"/g)].map((m) =>
      Number(m[1]),
    );
    expect(outlined).toEqual(loanRows);
  });

  test('the add-in groups the same runs when ExcelApi 1.10 is there, and skips it when not', async () => {
    const office = globalThis as { Office?: unknown };
    const apply = async (supported: boolean) => {
      const model = new MockWorkbook(['Sheet1']);
      model.install();
      office.Office = {
        context: {
          platform: 'PC',
          requirements: { isSetSupported: () => supported },
        },
      };
      try {
        await new ExcelWorkbook().applyPatch({ replaces: [], sheets: [repayment] });
      } finally {
        delete office.Office;
      }
      return model.sheet(repayment.name).rowGroups;
    };
    expect(await apply(true)).toEqual(rowRuns(loanRows).map(([a, b]) => `${a}:${b}`));
    expect(await apply(false)).toEqual([]);
  });

  test('prints the block, not the data table below it: landscape, one page wide', () => {
    const data = repayment.tables.find((t) => t.name === 'RateShockPlanData')!;
    expect(repayment.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitTo: { width: 1, height: 0 },
      printArea: { fromRow: 1, fromColumn: 1, toRow: data.row - 2, toColumn: data.columns.length },
    });
  });
});
