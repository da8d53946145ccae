import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch } from '../../../addin/office/apply-patch';
import { catalogPrograms, parseCaseFile, simulate } from '../../../engine';
import { PLAN_OUTPUT_SHEETS, planSheets } from '../../../workbook';
import { FakeContext, MockWorkbook } from '../support/mock-excel';

const asExcel = (context: FakeContext) => context as unknown as Excel.RequestContext;

test('the 24-month 資金繰り表: print title columns and rows through pageLayout, as the .xlsx', async () => {
  const raw = JSON.parse(
    readFileSync(join(__dirname, '../../../scenarios/council-pro-rata.case.json'), 'utf8'),
  );
  const parsed = parseCaseFile(raw);
  if (!parsed.ok) throw new Error('case');
  const outcome = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
  if (!outcome.ok) throw new Error('simulate');
  const cash = planSheets(parsed.value, outcome.results).find(
    (s) => s.name === PLAN_OUTPUT_SHEETS.cash,
  )!;
  const model = new MockWorkbook(['Sheet1']);
  model.install();
  await applyPatch(asExcel(model.context()), { replaces: [], sheets: [cash] });
  expect(model.sheet(PLAN_OUTPUT_SHEETS.cash).pageLayout).toMatchObject({
    printTitleColumns: '$A:$C', // 項目, 戦略ID, 金利
    printTitleRows: '$1:$5', // the title, its note, the chosen strategy × shock
    zoom: { scale: cash.pageSetup!.scale },
  });
  expect(model.sheet(PLAN_OUTPUT_SHEETS.cash).verticalPageBreaks).toEqual(['P1']);
});
