import { inputTemplate } from '../../workbook';
import { columnWidthOf } from '../../workbook/layout/fit-columns';

/**
 * 借入一覧 has a column per loan term: fitted to one page wide it printed at about 15 %. It
 * prints at MIN_PRINT_SCALE (60 %) instead, its columns running on to further pages with the
 * first column repeated; the narrower input sheets still fit one page wide.
 */
test('借入一覧 prints at 60 % with its first column repeated; 財務 still fits one page wide', () => {
  const sheets = inputTemplate().sheets;
  const loans = sheets.find((s) => s.name === '借入一覧')!;
  const setup = loans.pageSetup!;
  let width = 0;
  for (let k = 1; k <= setup.printArea.toColumn; k++) width += columnWidthOf(loans, k);
  // Wider than the 158 units (⌊9500 / 60⌋) a page holds at 60 %.
  expect(width).toBeGreaterThan(158);
  expect(setup.fitTo).toBeUndefined();
  expect(setup.scale).toBe(60);
  expect(setup.titleColumns).toEqual({ from: 1, to: 1 });
  expect(setup.titleRows).toEqual({ from: 1, to: 4 });
  const finance = sheets.find((s) => s.name === '財務')!.pageSetup!;
  expect(finance.fitTo).toEqual({ width: 1, height: 0 });
  expect(finance.scale).toBeUndefined();
});
