import { EQUAL_PRINCIPAL_B } from '../support/hand-worked-loans';
import { tempFile } from '../support/temp-files';
import { runCli } from './run-cli';

const loan = EQUAL_PRINCIPAL_B;

describe('rateshock schedule', () => {
  test('--json prints rows and totals in the documented shape', () => {
    const { code, out, err } = runCli('schedule', tempFile('loan.json', loan), '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.rows).toHaveLength(12);
    // 12,000,000 × 0.023 × 29/365 = 21,928.77 → 21,928 (leap February: Jan 31 → Feb 29).
    expect(json.rows[0]).toEqual({
      period: 1,
      date: '2024-02-29',
      opening: 12_000_000,
      interest: 21_928,
      principal: 0,
      fee: 0,
      payment: 21_928,
      closing: 12_000_000,
    });
    // 12,000,000 / 10 amortizing months = 1,200,000 from period 3.
    expect(json.rows[2].principal).toBe(1_200_000);
    expect(json.rows[11]).toMatchObject({ date: '2025-01-31', closing: 0 });
    expect(json.totals.principal).toBe(12_000_000);
    expect(json.totals.interest).toBe(
      json.rows.reduce((s: number, r: { interest: number }) => s + r.interest, 0),
    );
  });

  test('--csv prints a header and one line per period', () => {
    const { code, out } = runCli('schedule', tempFile('loan.json', loan), '--csv');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('period,date,opening,interest,principal,fee,payment,closing');
    expect(lines).toHaveLength(13);
    expect(lines[1]).toBe('1,2024-02-29,12000000,21928,0,0,21928,12000000');
  });

  test('the terminal table has bilingual headers and a total line', () => {
    const { code, out } = runCli('schedule', tempFile('loan.json', loan));
    expect(code).toBe(0);
    expect(out).toContain('利息 / interest');
    expect(out).toMatch(/合計 \/ total.*12,000,000/);
  });

  test('a rate written "2.3%" and an amount with separators are accepted', () => {
    const { code, out } = runCli(
      'schedule',
      tempFile('loan.json', { ...loan, annualRate: '2.3%', principal: '12,000,000' }),
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(out).rows[0].interest).toBe(21_928);
  });

  test.each([
    ['missing principal', { ...loan, principal: undefined }, /principal: is required/],
    [
      'negative balance',
      { ...loan, principal: -5 },
      /principal: must be a positive amount \(value: -5\)/,
    ],
    [
      'grace not inside the term',
      { ...loan, graceMonths: 12 },
      /graceMonths: must be less than termMonths \(12\)/,
    ],
    [
      'unknown method',
      { ...loan, method: 'balloon' },
      /method: must be one of .*\(value: "balloon"\)/,
    ],
    [
      'garbage rate',
      { ...loan, annualRate: 'abc' },
      /annualRate: must be a rate .*\(value: "abc"\)/,
    ],
    [
      'rate written as a percentage number',
      { ...loan, annualRate: 2.3 },
      /annualRate: .*write 2.3 % as 0.023/,
    ],
    [
      'impossible date',
      { ...loan, startDate: '2024-02-30' },
      /startDate: must be a date written YYYY-MM-DD \(value: "2024-02-30"\)/,
    ],
    ['unknown day count', { ...loan, dayCount: 'ACT/360' }, /dayCount: must be one of/],
    ['fractional term', { ...loan, termMonths: 12.5 }, /termMonths: must be a whole number/],
    [
      'reset outside the term',
      { ...loan, resets: [{ fromPeriod: 13, annualRate: 0.03 }] },
      /resets\[0\]\.fromPeriod: must be at most 12/,
    ],
  ])('%s: exit 1, the field and the value named, no stack trace', (_, input, message) => {
    const { code, out, err } = runCli('schedule', tempFile('loan.json', input), '--json');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  test('every error of a file is listed at once', () => {
    const { code, err } = runCli(
      'schedule',
      tempFile('loan.json', { ...loan, principal: 'x', method: 'y', startDate: 'z' }),
    );
    expect(code).toBe(1);
    expect(err).toMatch(/3 input errors/);
  });

  test('unreadable files and bad JSON name the file', () => {
    expect(runCli('schedule', '/nonexistent/loan.json').err).toMatch(
      /\/nonexistent\/loan.json: cannot read the file \(no such file\)/,
    );
    const bad = runCli('schedule', tempFile('bad.json', '{"principal": 1,'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad.json: not valid JSON/);
  });

  test('usage errors exit 2', () => {
    expect(runCli('schedule').code).toBe(2);
    expect(runCli('nonsense').code).toBe(2);
    expect(runCli('schedule', tempFile('loan.json', loan), '--json', '--csv').code).toBe(2);
  });
});
