import { inputTemplate, readCase } from '../../workbook';
import { LOANS, STRATEGIES, headerText } from '../../workbook/input-layout';
import { cloneSnapshot, findTable, setRow, snapshotOfPatch } from '../support/patch-snapshot';

/**
 * A workbook made by an earlier template lacks the columns added since (LATER_COLUMNS): it still
 * reads, each missing column as blank, so users need not rebuild their workbooks.
 */
describe('input workbooks made before the later columns', () => {
  const template = snapshotOfPatch(inputTemplate());

  /** The snapshot without the later columns of Loans and Strategies (headers and cells). */
  function withoutLaterColumns(s: ReturnType<typeof snapshotOfPatch>) {
    const older = cloneSnapshot(s);
    for (const def of [LOANS, STRATEGIES]) {
      const t = findTable(older, def.name);
      const dropped = new Set(
        def.columns.filter((c) => c.optional).map((c) => t.headers.indexOf(headerText(c))),
      );
      expect([...dropped].every((i) => i >= 0)).toBe(true);
      t.headers = t.headers.filter((_, i) => !dropped.has(i));
      t.rows = t.rows.map((row) => row.filter((_, i) => !dropped.has(i)));
    }
    return older;
  }

  test('the later columns are the ones added since the first template', () => {
    expect(LOANS.columns.filter((c) => c.optional).map((c) => c.key)).toEqual([
      'businessDay',
      'drawdownDate',
      'originalPrincipal',
      'guaranteeFeePayment',
      'capitalType.lossRate',
      'capitalType.profitRate',
      'capitalType.initialRate',
      'capitalType.initialUntil',
      'swap.fixedRate',
      'swap.endDate',
      'swap.notional',
    ]);
    expect(STRATEGIES.columns.filter((c) => c.optional).map((c) => c.key)).toEqual([
      'rateOptions',
      'date',
      'effect',
    ]);
  });

  test('an older workbook reads to the same case as the template with those columns blank', () => {
    const now = readCase(template);
    const older = readCase(withoutLaterColumns(template));
    expect(now.ok).toBe(true);
    expect(older.ok).toBe(true);
    if (now.ok && older.ok) {
      expect(older.case).toEqual(now.case);
      // The defaults the missing columns stand for: 翌営業日 and guarantee fees by instalment.
      expect(older.case.stack.loans[0].terms.businessDay).toBe('following');
      expect(older.case.stack.loans[0].terms.guaranteeFeePayment).toBe('installments');
    }
  });

  test('a column the template still requires is reported missing, naming the table', () => {
    const older = withoutLaterColumns(template);
    const loans = findTable(older, 'Loans');
    const at = loans.headers.indexOf(headerText(LOANS.columns.find((c) => c.key === 'principal')!));
    loans.headers[at] = '残高のつもり';
    const read = readCase(older);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors.map((e) => e.table)).toContain('Loans');
  });

  test('an older workbook still reports a bad cell at its own address', () => {
    const older = setRow(withoutLaterColumns(template), 'Loans', 0, { principal: 'abc' });
    const read = readCase(older);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0].column).toBe(findTable(older, 'Loans').firstColumn + 3);
  });
});
