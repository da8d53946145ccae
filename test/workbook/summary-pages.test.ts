import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { catalogPrograms, parseCaseFile, simulate } from '../../engine';
import { OUTPUT_SHEETS, renderResults } from '../../workbook';
import { columnWidthOf } from '../../workbook/layout/fit-columns';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { applyPatch } from '../../addin/office/apply-patch';
import { MockWorkbook } from '../addin/support/mock-excel';

/**
 * 結果サマリー: page 1 the headline and the shock × strategy matrix, a page break before the
 * tables; one page wide at a scale (a fit would ignore the break), in the .xlsx and through
 * Office.js alike.
 */

const file = join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json');
const parsed = parseCaseFile(JSON.parse(readFileSync(file, 'utf8')));
if (!parsed.ok) throw new Error('case');
const outcome = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
if (!outcome.ok) throw new Error('simulate');
const patch = renderResults(parsed.value, outcome.results);
const summary = patch.sheets.find((s) => s.name === OUTPUT_SHEETS.summary)!;
const setup = summary.pageSetup!;
const matrix = summary.tables.find((t) => t.name === 'RateShockMatrix')!;
// Two strategies under the matrix's header (row 11): the matrix ends on row 13, a blank row,
// then the failed-checks title on row 15, where page 2 starts.
const breakRow = 15;

test('a break before the failed-checks title, under the matrix; a scale, not a fit', () => {
  expect([matrix.row, matrix.rows.length]).toEqual([11, 2]);
  expect(setup.rowBreaks).toEqual([breakRow]);
  const title = summary.cells.find((x) => x.row === breakRow && x.column === 1)!;
  expect(title.value).toBe('抵触したチェック / failed checks');
  expect(setup.fitTo).toBeUndefined();
  // One page wide: the print area's columns A–M, ⌊95 × 100 / their width⌋. They are wide
  // because of words a cell cannot break (a settings path in an eligibility reason: 50).
  let width = 0;
  for (let k = 1; k <= setup.printArea.toColumn; k++) width += columnWidthOf(summary, k);
  expect(setup.printArea.toColumn).toBe(13);
  expect(width).toBe(369);
  expect(setup.scale).toBe(Math.floor(9500 / 369)); // 25 %
});

test('the .xlsx carries the row break before its column breaks; Office.js adds it as a page break', async () => {
  const xlsx = writeXlsx({ replaces: [], sheets: [summary] });
  const sheet = strFromU8(unzipSync(Buffer.concat(xlsx))['xl/worksheets/sheet1.xml']);
  expect(sheet).toContain(`scale="25"`);
  expect(sheet).toContain(
    `<rowBreaks count="1" manualBreakCount="1"><brk id="${breakRow - 1}" max="16383" man="1"/></rowBreaks>`,
  );
  const model = new MockWorkbook(['Sheet1']);
  model.install();
  await applyPatch(model.context() as unknown as Excel.RequestContext, {
    replaces: [],
    sheets: [summary],
  });
  expect(model.sheet(OUTPUT_SHEETS.summary).horizontalPageBreaks).toEqual([`A${breakRow}`]);
  expect(model.sheet(OUTPUT_SHEETS.summary).pageLayout).toMatchObject({ zoom: { scale: 25 } });
});
