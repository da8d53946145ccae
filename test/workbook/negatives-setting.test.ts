import { SETTINGS, describeCellError, inputTemplate, readCase } from '../../workbook';
import { caseFormats } from '../../workbook/layout/case-layout';
import { Edit, applyEdits, snapshotOfPatch } from '../support/patch-snapshot';

/**
 * 設定 負の数の表示 (the case file's `profile.negatives`): △ or -, read into the Case with a
 * cell-addressed error for anything else, and the results' number formats follow it.
 */
const template = snapshotOfPatch(inputTemplate());
const negatives = (value: string | null): Edit => ({
  table: 'Settings',
  key: 'profile.negatives',
  value,
});

describe('設定: 負の数の表示', () => {
  test.each([
    ['△', 'triangle', '#,##0;"△"#,##0;0'],
    ['▲', 'triangle', '#,##0;"△"#,##0;0'],
    ['-', 'minus', '#,##0;-#,##0;0'],
    ['マイナス', 'minus', '#,##0;-#,##0;0'],
    [null, 'triangle', '#,##0;"△"#,##0;0'],
  ])('%p → %p, amounts formatted %p', (typed, expected, yenFormat) => {
    const read = readCase(applyEdits(template, [negatives(typed)]));
    if (!read.ok) throw new Error(read.errors.map(describeCellError).join('\n'));
    expect(read.case.profile.negatives).toBe(expected);
    expect(caseFormats(read.case).yen).toBe(yenFormat);
  });

  test('anything else: an error naming the 設定 cell, in Japanese and English', () => {
    const read = readCase(applyEdits(template, [negatives('×')]));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    // The item's row: the items start under the header row; the value is the 値 column.
    const index = SETTINGS.items.findIndex((i) => i.key === 'profile.negatives');
    const error = read.errors.find((e) => e.label === '負の数の表示')!;
    expect(error).toMatchObject({ sheet: '設定', row: SETTINGS.row + 1 + index, value: '×' });
    expect(error.address).toMatch(/^設定!\$?[A-Z]+\$?\d+$/);
    expect(error.messageJa).toContain('△');
    expect(error.messageEn).not.toBe('');
  });
});
