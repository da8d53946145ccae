import { applyPatch } from '../../../addin/office/apply-patch';
import { PLAN_OUTPUT_SHEETS } from '../../../workbook';
import { councilCashSheet } from '../../support/council-cash-sheet';
import { FakeContext, MockWorkbook } from '../support/mock-excel';

const asExcel = (context: FakeContext) => context as unknown as Excel.RequestContext;

test('the 24-month 資金繰り表: print title columns and rows through pageLayout, as the .xlsx', async () => {
  const cash = councilCashSheet();
  const model = new MockWorkbook(['Sheet1']);
  model.install();
  await applyPatch(asExcel(model.context()), { replaces: [], sheets: [cash] });
  expect(model.sheet(PLAN_OUTPUT_SHEETS.cash).pageLayout).toMatchObject({
    printTitleColumns: '$A:$C', // 項目, 戦略ID, 金利
    printTitleRows: '$1:$8', // the title, its notes, the chosen strategy × shock
    zoom: { scale: cash.pageSetup!.scale },
  });
  expect(model.sheet(PLAN_OUTPUT_SHEETS.cash).verticalPageBreaks).toEqual([
    'H1',
    'L1',
    'P1',
    'T1',
    'X1',
  ]); // a quarter a page
});
