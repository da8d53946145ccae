import { ExcelWorkbook } from '../../../addin/office/excel-workbook';
import { inputTemplate } from '../../../workbook';
import { MockWorkbook } from '../support/mock-excel';
import { lodgingResults } from '../support/results-patch';

describe('ExcelWorkbook: one Excel.run per action', () => {
  test('applying the results twice leaves one copy of each result sheet; input sheets untouched', async () => {
    const model = new MockWorkbook(['Sheet1']);
    model.install();
    const excel = new ExcelWorkbook({ platform: 'PC' });
    await excel.applyPatch(inputTemplate());
    const inputs = inputTemplate().sheets.map((s) => s.name);
    const before = inputs.map((name) => model.sheet(name).copy());

    const { patch } = lodgingResults();
    const progress: number[] = [];
    await excel.applyPatch(patch, (p) => progress.push(p));
    const afterFirst = patch.sheets.map((s) => model.sheet(s.name).digest());
    const runs = model.runs;
    const syncs = model.syncs;
    await excel.applyPatch(patch);

    expect(model.runs - runs).toBe(1);
    expect(model.syncs - syncs).toBe(4);
    const names = model.sheets.map((s) => s.name);
    expect(names).toEqual(['Sheet1', ...inputs, ...patch.sheets.map((s) => s.name)]);
    expect(new Set(model.tables.map((t) => t.name)).size).toBe(model.tables.length);
    expect(inputs.map((name) => model.sheet(name).copy())).toEqual(before);
    // The second run wrote the same sheets as the first.
    expect(patch.sheets.map((s) => model.sheet(s.name).digest())).toEqual(afterFirst);
    expect(progress[progress.length - 1]).toBe(1);
  });

  test('removeSheets deletes only the named sheets that exist, and says which', async () => {
    const model = new MockWorkbook(['入力', '結果サマリー', '年度別', 'メモ']);
    model.install();
    const deleted = await new ExcelWorkbook().removeSheets(['年度別', 'グラフ', '結果サマリー']);
    expect(deleted).toEqual(['結果サマリー', '年度別']);
    expect(model.sheets.map((s) => s.name)).toEqual(['入力', 'メモ']);
    expect(model.runs).toBe(1);
    expect(model.syncs).toBe(2);

    // Nothing to delete: one run, one sync (the names), nothing written.
    expect(await new ExcelWorkbook().removeSheets(['グラフ'])).toEqual([]);
    expect(model.runs).toBe(2);
    expect(model.syncs).toBe(3);
    expect(model.requests[2].writes).toBe(0);
  });

  test('selectCell activates the sheet and selects the cell', async () => {
    const model = new MockWorkbook(['Sheet1', '借入一覧']);
    model.install();
    const excel = new ExcelWorkbook();
    await excel.selectCell('借入一覧', 7, 4);
    expect(model.activeSheet).toBe('借入一覧');
    expect(model.selection).toEqual({ sheet: '借入一覧', address: 'D7' });
    await excel.selectCell('Sheet1');
    expect(model.activeSheet).toBe('Sheet1');
    expect(model.selection).toEqual({ sheet: '借入一覧', address: 'D7' });
    expect(model.runs).toBe(2);
    await expect(excel.selectCell('ない')).rejects.toThrow(/ItemNotFound/);
  });

  test('readSnapshot reads what applyPatch wrote, in one run', async () => {
    const model = new MockWorkbook(['Sheet1']);
    model.install();
    const excel = new ExcelWorkbook();
    await excel.applyPatch(inputTemplate());
    const runs = model.runs;
    const snapshot = await excel.readSnapshot();
    expect(model.runs - runs).toBe(1);
    expect(snapshot.sheetNames).toEqual(['Sheet1', ...inputTemplate().sheets.map((s) => s.name)]);
    expect(snapshot.tables.map((t) => t.name)).toEqual([
      'Loans',
      'Financials',
      'Plan',
      'Shocks',
      'Strategies',
      'Settings',
      'ProgramTerms',
      'PlanActions',
      'Guarantees',
      'Collateral',
      'Liquidation',
      'Adjustments',
      'PlanSettings',
    ]);
  });
});
