import { FakeContext, MockWorkbook } from '../support/mock-excel';

/**
 * The fake Excel itself: the tests of the reader and applier rely on it refusing what Excel
 * refuses and parsing what Excel parses.
 */
describe('the fake Excel', () => {
  const setup = () => {
    const model = new MockWorkbook(['Sheet1']);
    return { model, context: model.context() as FakeContext };
  };

  test('a property read before load() and sync() throws, as in Office.js', async () => {
    const { context } = setup();
    const sheets = context.workbook.worksheets;
    expect(() => sheets.items).toThrow(/PropertyNotLoaded.*not loaded/);
    sheets.load('items/name');
    expect(() => sheets.items).toThrow(/sync\(\) was not called/);
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['Sheet1']);
    const range = sheets.getItem('Sheet1').getRange('A1:B2');
    expect(() => range.values).toThrow(/not loaded/);
  });

  test('writes reach the workbook at sync, and each sync is measured', async () => {
    const { model, context } = setup();
    const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
    range.values = [[1, 'x']];
    expect(model.sheet('Sheet1').cell('A1').value).toBeNull();
    await context.sync();
    expect(model.sheet('Sheet1').cell('A1').value).toBe(1);
    expect(model.sheet('Sheet1').cell('B1').value).toBe('x');
    expect(model.requests).toHaveLength(1);
    expect(model.requests[0].bytes).toBeGreaterThanOrEqual(JSON.stringify([[1, 'x']]).length);
  });

  test('strings are parsed like typed input unless the cell is text ("@")', async () => {
    const { model, context } = setup();
    const sheet = context.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1:F1').formulas = [
      ['=HYPERLINK("http://x")', '+81-3-1234', '001', '1/2', '30%', 'text'],
    ];
    const text = sheet.getRange('A2:F2');
    (text as unknown as { numberFormat: string }).numberFormat = '@';
    text.formulas = [['=HYPERLINK("http://x")', '+81-3-1234', '001', '1/2', '30%', 'text']];
    await context.sync();
    const s = model.sheet('Sheet1');
    expect(s.cell('A1').formula).toBe('=HYPERLINK("http://x")');
    expect(s.cell('B1').formula).toBe('=+81-3-1234');
    expect(s.cell('C1').value).toBe(1);
    expect(typeof s.cell('D1').value).toBe('number');
    expect(s.cell('E1').value).toBeCloseTo(0.3);
    expect(s.cell('F1').value).toBe('text');
    expect(['A2', 'B2', 'C2', 'D2', 'E2'].map((a) => [s.cell(a).value, s.cell(a).formula])).toEqual(
      [
        ['=HYPERLINK("http://x")', null],
        ['+81-3-1234', null],
        ['001', null],
        ['1/2', null],
        ['30%', null],
      ],
    );
  });

  test('a 2D array must have the shape of its range; a single value fills it', async () => {
    const { model, context } = setup();
    const sheet = context.workbook.worksheets.getItem('Sheet1');
    (sheet.getRange('A1:A3') as unknown as { numberFormat: string }).numberFormat = '0.00';
    await context.sync();
    expect(model.sheet('Sheet1').cell('A3').numberFormat).toBe('0.00');
    sheet.getRange('A1:B2').values = [[1, 2]];
    await expect(context.sync()).rejects.toThrow(/InvalidArgument/);
  });

  test('tables may not overlap nor share a name; the last visible sheet cannot go', async () => {
    const { context } = setup();
    const sheet = context.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1:B1').values = [['a', 'b']];
    sheet.tables.add(sheet.getRange('A1:B3'), true).name = 'T';
    await context.sync();
    sheet.tables.add(sheet.getRange('B2:C4'), true);
    await expect(context.sync()).rejects.toThrow(/overlaps table T/);
    sheet.delete();
    await expect(context.sync()).rejects.toThrow(/last visible sheet/);
  });
});
