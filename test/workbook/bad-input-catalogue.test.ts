import {
  CellError,
  INPUT_SHEET_NAMES,
  describeCellError,
  inputTemplate,
  readCase,
} from '../../workbook';
import { applyEdits, snapshotOfPatch } from '../support/patch-snapshot';
import { BAD_INPUTS, BadInput } from './bad-input-catalogue';

const template = snapshotOfPatch(inputTemplate());

function errorsOf(edits: BadInput['edits']): CellError[] {
  const read = readCase(applyEdits(template, edits));
  if (read.ok) throw new Error('the input was accepted');
  return read.errors;
}

describe('the bad-input catalogue', () => {
  test('has at least 28 kinds, each with its own title', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(28);
    expect(new Set(BAD_INPUTS.map((b) => b.title)).size).toBe(BAD_INPUTS.length);
  });

  test('the template itself is accepted', () => {
    expect(readCase(template).ok).toBe(true);
  });

  test.each(BAD_INPUTS.map((b) => [b.title, b] as const))(
    '%s: no case, the cell named with both messages',
    (_, bad) => {
      const errors = errorsOf(bad.edits);
      const at = errors.filter((e) => e.address === bad.expected.address);
      const listing = errors.map(describeCellError).join('\n');
      expect({ address: bad.expected.address, found: at.length > 0, listing }).toMatchObject({
        found: true,
      });
      const match = at.find(
        (e) => bad.expected.ja.test(e.messageJa) && bad.expected.en.test(e.messageEn),
      );
      expect({ match: match !== undefined, listing }).toMatchObject({ match: true });
      // The address agrees with the sheet, row and column, and describeCellError names it twice.
      const e = match!;
      expect(e.address.startsWith(e.sheet)).toBe(true);
      if (e.row !== undefined) expect(e.address).toMatch(new RegExp(`[A-Z]+${e.row}$`));
      expect(describeCellError(e)).toBe(
        `${e.address}: ${e.messageJa} (value: ${JSON.stringify(e.value)}) / ${e.address}: ${e.messageEn} (value: ${JSON.stringify(e.value)})`,
      );
    },
  );

  test('an error names the typed value, and its column in both languages', () => {
    const [e] = errorsOf([{ table: 'Loans', header: 'principal', row: 0, value: 'abc' }]);
    expect(e).toEqual({
      address: '借入一覧!D5',
      sheet: '借入一覧',
      table: 'Loans',
      row: 5,
      column: 4,
      label: '残高',
      messageJa: '残高 は数値で入力してください (例: 2,500,000)',
      messageEn: 'Principal must be a number (e.g. 2,500,000)',
      value: 'abc',
    });
    expect(describeCellError(e)).toBe(
      '借入一覧!D5: 残高 は数値で入力してください (例: 2,500,000) (value: "abc") / ' +
        '借入一覧!D5: Principal must be a number (e.g. 2,500,000) (value: "abc")',
    );
  });

  test('a cell that cannot be read is reported once, not echoed by the engine', () => {
    const errors = errorsOf([{ table: 'Loans', header: 'method', row: 0, value: '元利込み' }]);
    expect(errors.map((e) => e.address)).toEqual(['借入一覧!G5']);
  });

  test('a bad as-of date is reported once, not again as every blank start date', () => {
    const errors = errorsOf([
      { table: 'Settings', key: 'asOf', value: '2026/13/01' },
      { table: 'Loans', header: 'startDate', row: 0, value: null },
      { repeatRow: { table: 'Loans', row: 0, rows: 3 } },
      { table: 'Loans', header: 'id', row: 1, value: 'B2' },
      { table: 'Loans', header: 'id', row: 2, value: 'B3' },
    ]);
    expect(errors.map((e) => e.address)).toEqual(['設定!C12']);
  });

  test('every error comes at once, in sheet and row order', () => {
    const titles = [
      '残高に文字 / text in an amount',
      '据置が期間以上 / grace not shorter than the term',
      '現預金が空欄 / cash left blank',
      '営業利益も営業利益率もない期 / a plan year without operating profit',
      'ショック幅 20% / a shock over 10 %',
      '制度が不明 / unknown program',
      '決算月 13 / fiscal year end month 13',
      '制度の金利 50% / a program rate of 50 %',
    ];
    const chosen = titles.map((t) => BAD_INPUTS.find((b) => b.title === t)!);
    const errors = errorsOf(chosen.flatMap((b) => b.edits));
    for (const b of chosen) {
      expect(
        errors.some((e) => e.address === b.expected.address && b.expected.ja.test(e.messageJa)),
      ).toBe(true);
    }
    const order = errors.map((e) => [
      INPUT_SHEET_NAMES.indexOf(e.sheet),
      e.row ?? 0,
      e.column ?? 0,
    ]);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(order).toEqual(sorted);
    expect(errors.map((e) => e.address)).toEqual([
      '借入一覧!D5',
      '借入一覧!F5',
      '財務!C13',
      '計画!C6',
      'シナリオ!B5',
      'シナリオ!L5',
      '設定!H5',
      '設定!C9',
    ]);
  });

  test('layout errors and unreadable cells come together; values are checked once the layout is whole', () => {
    const errors = errorsOf([
      { renameHeader: { table: 'Plan', header: 'revenue', to: 'Sales' } },
      { removeSheet: 'シナリオ' },
      { table: 'Loans', header: 'principal', row: 0, value: 'abc' },
    ]);
    expect(errors.map((e) => e.address)).toEqual(['借入一覧!D5', '計画!B4', 'シナリオ']);
  });
});
