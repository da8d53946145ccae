import { ExcelWorkbook } from '../../../addin/office/excel-workbook';
import { PaneActions } from '../../../addin/taskpane/pane-actions';
import { WORKSHOP_SCENARIOS } from '../../../addin/taskpane/workshop-scenarios';
import { INPUT_SHEET_NAMES, LOANS, RESULT_SHEET_NAMES } from '../../../workbook';
import { MockWorkbook } from '../support/mock-excel';
import { DEFAULT_CHOICES as CHOICES, inlineCompute as inline } from '../support/pane-fixtures';

/**
 * The task pane's actions on Excel (the fake built on office-addin-mock): the same actions the
 * in-memory workbook runs, through the Office.js reader and applier.
 */
function excelWithLodging() {
  const model = new MockWorkbook(['Sheet1']);
  model.install();
  const actions = new PaneActions(
    new ExcelWorkbook({ platform: 'PC' }),
    inline,
    WORKSHOP_SCENARIOS,
  );
  return { model, actions };
}

describe('task pane actions on Excel', () => {
  test('loading a case twice leaves one set of input sheets', async () => {
    const { model, actions } = excelWithLodging();
    await actions.loadScenario('lodging');
    const names = model.sheets.map((s) => s.name);
    await actions.loadScenario('lodging');
    expect(model.sheets.map((s) => s.name)).toEqual(names);
    expect(names).toEqual(['Sheet1', ...INPUT_SHEET_NAMES]);
  });

  test('a run reads the sheets it wrote and writes the results; a failed run writes nothing', async () => {
    const { model, actions } = excelWithLodging();
    await actions.loadScenario('lodging');
    const first = await actions.run(CHOICES);
    expect(first.ok).toBe(true);
    for (const name of RESULT_SHEET_NAMES) expect(model.findSheet(name)).toBeDefined();
    const digests = () => model.sheets.map((s) => [s.name, s.digest()]);

    // A user types text into a balance: the run reports the cell and sends no write to Excel.
    const principal = LOANS.column + LOANS.columns.findIndex((c) => c.key === 'principal');
    expect(principal).toBe(4);
    model.sheet('借入一覧').put('D6', { value: 'abc', numberFormat: 'General' });
    const before = digests();
    const requests = model.requests.length;
    const failed = await actions.run(CHOICES);
    expect(failed.ok).toBe(false);
    expect(failed.errors!.map((e) => e.address)).toEqual(['借入一覧!D6']);
    expect(digests()).toEqual(before);
    expect(model.requests.slice(requests).every((r) => r.writes === 0)).toBe(true);

    await actions.select(failed.errors![0]);
    expect(model.selection).toEqual({ sheet: '借入一覧', address: 'D6' });
  });
});
