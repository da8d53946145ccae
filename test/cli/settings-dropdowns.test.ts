import { strFromU8, unzipSync } from 'fflate';
import { HEADER_ROW, SETTINGS, inputTemplate } from '../../workbook';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';

/**
 * The 設定 sheet's settings with a fixed list of choices get a dropdown on their own 値 cell
 * (column C) in the written .xlsx; the other rows keep the column's input message only.
 */
describe('設定 dropdowns in the written template', () => {
  const parts = unzipSync(Buffer.concat(writeXlsx(inputTemplate())));
  const rowOf = (key: string) => HEADER_ROW + 1 + SETTINGS.items.findIndex((i) => i.key === key);
  const feeRow = rowOf('defaults.guaranteeFeeExpense');
  // The 設定 sheet: the one with a validation on that cell.
  const xml = Object.entries(parts)
    .filter(([name]) => name.startsWith('xl/worksheets/sheet'))
    .map(([, data]) => strFromU8(data))
    .find((x) => x.includes(`sqref="C${feeRow}"`))!;

  test('保証料の費用計上: the list 支払時,期間按分 on its C cell, with the column message', () => {
    expect(xml).toBeDefined();
    const own = xml.match(
      new RegExp(`<dataValidation [^>]*sqref="C${feeRow}"[^>]*>.*?</dataValidation>`),
    )![0];
    expect(own).toContain('type="list"');
    expect(own).toContain('promptTitle="値 / Value"');
    expect(own).toContain('<formula1>&quot;支払時,期間按分&quot;</formula1>');
  });

  test('every setting with choices has its own list; the column message covers the rest once', () => {
    const withChoices = SETTINGS.items.filter((i) => i.choices).map((i) => rowOf(i.key));
    expect(withChoices).toContain(rowOf('profile.negatives'));
    expect(withChoices).toContain(rowOf('defaults.businessDay'));
    for (const row of withChoices) expect(xml).toContain(`sqref="C${row}"`);
    const column = xml.match(/<dataValidation allowBlank="1"[^>]*sqref="(C[^"]*)"/)![1];
    // Space-separated runs from the first data row, skipping exactly the rows with a list.
    const covered = column.split(' ').flatMap((ref) => {
      const [a, b = a] = ref.split(':').map((r) => Number(r.slice(1)));
      return Array.from({ length: b - a + 1 }, (_, i) => a + i);
    });
    expect(covered[0]).toBe(HEADER_ROW + 1);
    for (const row of withChoices) expect(covered).not.toContain(row);
    const last = covered[covered.length - 1];
    expect(covered.length + withChoices.length).toBe(last - HEADER_ROW);
  });
});
