import { applyPatch } from '../../../addin/office/apply-patch';
import { ExcelWorkbook } from '../../../addin/office/excel-workbook';
import { readSnapshot } from '../../../addin/office/read-snapshot';
import { describeCellError, inputTemplate, readCase } from '../../../workbook';
import { snapshotOfPatch } from '../../support/patch-snapshot';
import { FakeContext, MockWorkbook } from '../support/mock-excel';

/** The fake's context as Office.js code takes it. */
const asExcel = (context: FakeContext) => context as unknown as Excel.RequestContext;

/** A fresh workbook holding the input template, as the add-in's "create template" writes it. */
async function templateWorkbook(): Promise<MockWorkbook> {
  const model = new MockWorkbook(['Sheet1']);
  model.install();
  await applyPatch(asExcel(model.context()), inputTemplate());
  // The template is the whole workbook in the CLI's file: drop Excel's blank first sheet.
  await new ExcelWorkbook().removeSheets(['Sheet1']);
  return model;
}

describe('readSnapshot (Office.js)', () => {
  test('the template written into Excel reads back as the snapshot of its patch, in two syncs', async () => {
    const model = await templateWorkbook();
    const before = model.syncs;
    const runs = model.runs;

    const snapshot = await new ExcelWorkbook().readSnapshot();

    expect(model.runs - runs).toBe(1);
    expect(model.syncs - before).toBe(2);
    expect(snapshot).toEqual(snapshotOfPatch(inputTemplate()));
    const read = readCase(snapshot);
    if (!read.ok) throw new Error(read.errors.map(describeCellError).join('\n'));
    expect(read.case.stack.loans).toHaveLength(1);
  });

  test('text that looks like a number, a date or a percentage stays text through the round trip', async () => {
    const model = await templateWorkbook();
    const snapshot = await new ExcelWorkbook().readSnapshot();
    const settings = snapshot.tables.find((t) => t.name === 'Settings')!;
    const value = (key: string) => settings.rows.find((r) => r[1] === key)?.[2];
    expect(value('asOf')).toBe('2026-03-31');
    expect(value('indexes.short-prime')).toBe('2.125%');
    // In the model: text cells, not parsed numbers.
    const cells = model
      .sheet('設定')
      .cells()
      .map(([, cell]) => cell);
    expect(cells.some((c) => c.value === '2.125%' && c.formula === null)).toBe(true);
  });

  test('formulas give their results; rows typed under a table are read up to the first blank row', async () => {
    const model = new MockWorkbook(['メモ', 'Data']);
    model.install();
    const data = model.sheet('Data');
    data.put('B3', { value: '名前 / name' });
    data.put('C3', { value: '額 / amount' });
    data.put('B4', { value: 'a' });
    data.put('C4', { value: 3, formula: '=1+2' });
    data.put('B5', { value: 'b' });
    data.put('C5', { value: 45000, numberFormat: 'yyyy-mm-dd' });
    // Typed under the table without extending it, then a blank row, then more.
    data.put('B6', { value: 'c' });
    data.put('C6', { value: true });
    data.put('B8', { value: 'not read' });
    model.tables.push({
      name: 'Amounts',
      sheet: data,
      rect: { r0: 3, c0: 2, r1: 5, c1: 3 },
      style: 'TableStyleMedium2',
    });
    model.sheet('メモ').put('A1', { value: 'a sheet without tables' });

    const context = model.context();
    const snapshot = await readSnapshot(asExcel(context));

    expect(model.syncs).toBe(2);
    expect(snapshot).toEqual({
      sheetNames: ['メモ', 'Data'],
      tables: [
        {
          sheet: 'Data',
          name: 'Amounts',
          headerRow: 3,
          firstColumn: 2,
          headers: ['名前 / name', '額 / amount'],
          rows: [
            ['a', 3],
            ['b', 45000],
            ['c', true],
          ],
        },
      ],
    });
  });

  test('two syncs whatever the number of rows; the output sheets are not read', async () => {
    const model = await templateWorkbook();
    const sheet = model.addSheet('返済予定表');
    sheet.put('A1', { value: 'x / x' });
    for (let r = 2; r <= 5001; r++) sheet.put(`A${r}`, { value: r });
    model.tables.push({
      name: 'RateShockSchedule',
      sheet,
      rect: { r0: 1, c0: 1, r1: 5001, c1: 1 },
      style: 'TableStyleMedium2',
    });
    const loans = model.sheet('借入一覧');
    const loansTable = model.table('Loans');
    for (let r = 0; r < 3000; r++) loans.put(`B${loansTable.rect.r1 + 1 + r}`, { value: `L${r}` });
    const before = model.syncs;

    const snapshot = await new ExcelWorkbook().readSnapshot();

    expect(model.syncs - before).toBe(2);
    expect(snapshot.tables.find((t) => t.name === 'Loans')!.rows).toHaveLength(3001);
    expect(snapshot.sheetNames).toContain('返済予定表');
    expect(snapshot.tables.map((t) => t.name)).not.toContain('RateShockSchedule');
  });
});
