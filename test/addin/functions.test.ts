/**
 * The RATESHOCK.* custom functions (addin/functions/functions.ts), called as Excel calls them.
 *
 * Expected amounts are worked out independently: the closed-form PMT computed here, or by hand
 * in the comments (円未満切捨て); the engine's own schedule is used only as a second witness.
 */
import {
  CANNOT_REPAY,
  NO_VALUE,
  SCHEDULE_HEADER,
  debtServiceCoverage,
  debtYears,
  payment,
  schedule,
  shockedInterest,
} from '../../addin/functions/functions';
import { ArgumentError } from '../../addin/functions/arguments';
import { buildSchedule, loanSpecRates, parseLoanSpec, scheduleRows } from '../../engine';

/** What Excel passes for an omitted optional argument. */
const OMITTED = null as unknown as undefined;

/** Excel's 1900-system serial of a civil date, computed apart from the code under test. */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

/** The spreadsheet PMT(annualRate/12, n, −principal), cut to whole yen. */
function pmtFloor(principal: number, annualRate: number, n: number): number {
  const r = annualRate / 12;
  return Math.floor((principal * r) / (1 - Math.pow(1 + r, -n)));
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The data rows of a SCHEDULE spill as numbers by column name. */
function columns(spill: Array<Array<number | string>>) {
  const rows = spill.slice(1);
  const col = (k: number) => rows.map((r) => r[k] as number);
  return {
    rows,
    period: col(0),
    date: rows.map((r) => r[1]),
    opening: col(2),
    interest: col(3),
    principal: col(4),
    payment: col(5),
    closing: col(6),
  };
}

/** Asserts that `f` throws an ArgumentError naming `argument` in Japanese and English. */
function expectArgumentError(f: () => unknown, argument: string, label: string): void {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ArgumentError);
  const e = caught as ArgumentError;
  expect(e.argument).toBe(argument);
  // Japanese first: 「年利（annualRate）…」, then English after " / ": 「annualRate must …」.
  expect(e.message.startsWith(`${label}（${argument}）`)).toBe(true);
  expect(e.message).toContain(` / ${argument} `);
}

describe('PAYMENT: 元利均等 (annuity) is the closed-form PMT cut to whole yen', () => {
  test.each([
    [10_000_000, 0.02, 120],
    [30_000_000, 0.015, 84],
    [50_000_000, 0.0275, 240],
    [8_000_000, 0.031, 60],
    [123_456_789, 0.00875, 180],
  ])('%d yen at %d over %d months', (principal, rate, n) => {
    const expected = pmtFloor(principal, rate, n);
    expect(payment(principal, rate, n)).toBe(expected);
    // The installment does not depend on the day count or the start date (only its interest/
    // principal split does), so ACT/365F from a date gives the same payment.
    expect(payment(principal, rate, n, 'annuity', 0, serial(2026, 3, 31), 'ACT/365F')).toBe(
      expected,
    );
  });

  test('hand-worked: 3,000万円, 1.5 %, 84 months → 376,443 yen', () => {
    // r = 0.015 / 12 = 0.00125; (1.00125)^−84 = 0.9003835591…; 1 − that = 0.0996164409…
    // principal × r = 30,000,000 × 0.00125 = 37,500
    // 37,500 / 0.0996164409 = 376,443.88… → 376,443 (円未満切捨て)
    expect(payment(30_000_000, 0.015, 84)).toBe(376_443);
    expect(payment(30_000_000, 0.015, 84, '元利均等', 0, serial(2026, 3, 31))).toBe(376_443);
  });

  test('hand-worked: 1,000万円, 2 %, 120 months → 92,013 yen (the engine doc example)', () => {
    // r = 0.02 / 12 = 0.0016666…; (1 + r)^−120 = 0.8188670681…; 1 − that = 0.1811329319…
    // 10,000,000 × 0.0016666… = 16,666.67; 16,666.67 / 0.1811329319 = 92,013.45 → 92,013
    expect(payment(10_000_000, 0.02, 120)).toBe(92_013);
  });

  test('with grace, the payment after the grace is PMT over the months left', () => {
    // 12 interest-only months, then 108 level installments of PMT(r, 108, −principal).
    expect(payment(10_000_000, 0.02, 120, '元利均等', 12)).toBe(pmtFloor(10_000_000, 0.02, 108));
  });

  test('omitted optional arguments (Excel passes null) take the defaults', () => {
    expect(payment(10_000_000, 0.02, 120, OMITTED, OMITTED, OMITTED, OMITTED)).toBe(92_013);
    expect(payment(10_000_000, 0.02, 120, '', OMITTED)).toBe(92_013);
  });

  test('a 0 % loan repays principal / term', () => {
    expect(payment(1_200_000, 0, 12)).toBe(100_000);
  });
});

describe('PAYMENT: 元金均等 (equal principal), hand-worked', () => {
  test('no start date: 30/360, interest = balance × rate / 12', () => {
    // principal per month: 12,000,000 / 120 = 100,000
    // interest month 1: 12,000,000 × 0.024 × 30 / 360 = 24,000
    // payment: 100,000 + 24,000 = 124,000
    expect(payment(12_000_000, 0.024, 120, '元金均等')).toBe(124_000);
    expect(payment(12_000_000, 0.024, 120, 'equal-principal', 0, OMITTED, '30/360')).toBe(124_000);
  });

  test('drawn 2026-03-31: ACT/365F, 30 days to 2026-04-30', () => {
    // interest: 12,000,000 × 0.024 × 30 / 365 = 23,671.23… → 23,671
    // payment: 100,000 + 23,671 = 123,671
    expect(payment(12_000_000, 0.024, 120, '元金均等', 0, serial(2026, 3, 31))).toBe(123_671);
    // the same loan asked for 30/360 explicitly ignores the calendar
    expect(payment(12_000_000, 0.024, 120, '元金均等', 0, serial(2026, 3, 31), '月割')).toBe(
      124_000,
    );
  });

  test('12 months grace: the first regular payment is period 13', () => {
    // principal per month over 108 months: 12,000,000 / 108 = 111,111.11 → 111,111
    // period 13 runs 2027-03-31 → 2027-04-30: 30 days, the balance still 12,000,000:
    // 12,000,000 × 0.024 × 30 / 365 = 23,671.23 → 23,671; payment 111,111 + 23,671 = 134,782
    expect(payment(12_000_000, 0.024, 120, '元金均等返済', 12, serial(2026, 3, 31))).toBe(134_782);
  });

  test('期限一括 (bullet): the first month is interest only', () => {
    // 100,000,000 × 0.012 × 30 / 360 = 100,000
    expect(payment(100_000_000, 0.012, 60, '期限一括')).toBe(100_000);
  });
});

describe('SCHEDULE: the spill', () => {
  const start = serial(2026, 3, 31);

  test('header, one row per month, principal sums to the loan, closes at 0 (annuity)', () => {
    const spill = schedule(30_000_000, 0.015, 84, OMITTED, OMITTED, start);
    expect(spill[0]).toEqual([...SCHEDULE_HEADER]);
    expect(spill).toHaveLength(84 + 1);
    const c = columns(spill);
    expect(c.period).toEqual(Array.from({ length: 84 }, (_, k) => k + 1));
    expect(sum(c.principal)).toBe(30_000_000);
    expect(c.closing[83]).toBe(0);
    expect(c.opening[0]).toBe(30_000_000);
    for (let k = 0; k < 84; k++) {
      expect(c.payment[k]).toBe(c.interest[k] + c.principal[k]);
      expect(c.closing[k]).toBe(c.opening[k] - c.principal[k]);
      if (k > 0) expect(c.opening[k]).toBe(c.closing[k - 1]);
    }
    // the first row is PAYMENT; every installment but the last is the same PMT
    expect(c.payment[0]).toBe(payment(30_000_000, 0.015, 84, OMITTED, OMITTED, start));
    expect(new Set(c.payment.slice(0, 83))).toEqual(new Set([376_443]));
  });

  test('dates are Excel serials, one month apart on the drawdown day (clamped to month end)', () => {
    const c = columns(schedule(1_000_000, 0.02, 4, 'annuity', 0, start));
    // drawn 2026-03-31: payments 04-30, 05-31, 06-30, 07-31
    expect(c.date).toEqual([
      serial(2026, 4, 30),
      serial(2026, 5, 31),
      serial(2026, 6, 30),
      serial(2026, 7, 31),
    ]);
    expect(serial(2026, 4, 30)).toBe(46_142);
  });

  test('ACT/365F interest by hand: months of 30 and 31 days', () => {
    // 12,000,000 × 0.024 × 30 / 365 = 23,671.23 → 23,671 (to 2026-04-30)
    // 11,900,000 × 0.024 × 31 / 365 = 24,256.43 → 24,256 (to 2026-05-31)
    const c = columns(schedule(12_000_000, 0.024, 120, '元金均等', 0, start));
    expect(c.interest.slice(0, 2)).toEqual([23_671, 24_256]);
  });

  test('without a start date the date column is empty and months are 30/360', () => {
    const c = columns(schedule(12_000_000, 0.024, 120, '元金均等'));
    expect(new Set(c.date)).toEqual(new Set(['']));
    // 12,000,000 × 0.024 / 12 = 24,000; 11,900,000 × 0.024 / 12 = 23,800
    expect(c.interest.slice(0, 2)).toEqual([24_000, 23_800]);
  });

  test('元金均等: every principal is ⌊principal / months⌋, the last takes the remainder', () => {
    // 10,000,000 / 36 = 277,777.77… → 277,777; last: 10,000,000 − 35 × 277,777 = 277,805
    const c = columns(schedule(10_000_000, 0.02, 36, '元金均等', 0, start));
    expect(c.principal.slice(0, 35)).toEqual(Array(35).fill(277_777));
    expect(c.principal[35]).toBe(277_805);
    expect(sum(c.principal)).toBe(10_000_000);
    expect(c.closing[35]).toBe(0);
    expect(c.payment[0]).toBe(payment(10_000_000, 0.02, 36, '元金均等', 0, start));
  });

  test('grace: interest only, then PAYMENT from the first month after it', () => {
    const c = columns(schedule(12_000_000, 0.024, 120, '元金均等', 12, start));
    expect(c.principal.slice(0, 12)).toEqual(Array(12).fill(0));
    expect(c.principal[12]).toBe(111_111);
    expect(c.payment[12]).toBe(134_782);
    expect(c.payment[12]).toBe(payment(12_000_000, 0.024, 120, '元金均等', 12, start));
    expect(sum(c.principal)).toBe(12_000_000);
  });

  test("row for row the engine's own schedule (parseLoanSpec → buildSchedule)", () => {
    const parsed = parseLoanSpec({
      principal: 50_000_000,
      annualRate: 0.0275,
      termMonths: 240,
      graceMonths: 6,
      method: 'annuity',
      dayCount: 'ACT/365F',
      startDate: '2025-01-31',
      // The function's schedule is unadjusted (as a spreadsheet's EDATE dates are).
      businessDay: 'none',
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const rows = scheduleRows(buildSchedule(parsed.value, loanSpecRates(parsed.value)));
    const c = columns(schedule(50_000_000, 0.0275, 240, '元利均等', 6, serial(2025, 1, 31)));
    expect(c.rows).toEqual(
      rows.map((r) => [
        r.period,
        Date.UTC(+r.date.slice(0, 4), +r.date.slice(5, 7) - 1, +r.date.slice(8, 10)) / 86_400_000 +
          25_569,
        r.opening,
        r.interest,
        r.principal,
        r.payment,
        r.closing,
      ]),
    );
  });
});

describe('SHOCKED_INTEREST: the first 12 months at rate + shock', () => {
  test('hand-worked bullet loan, 30/360', () => {
    // 1億円 at 1 % + 0.5 % = 1.5 %: 100,000,000 × 0.015 × 30 / 360 = 125,000 a month → 1,500,000
    expect(shockedInterest(100_000_000, 0.01, 60, 0.005, '期限一括')).toBe(1_500_000);
    // unshocked: 100,000,000 × 0.01 / 12 = 83,333.33 → 83,333 a month → 999,996
    expect(shockedInterest(100_000_000, 0.01, 60, 0, '期限一括')).toBe(999_996);
  });

  test('equals the first 12 interest cells of SCHEDULE at the shocked rate', () => {
    const start = serial(2026, 3, 31);
    const c = columns(schedule(30_000_000, 0.02, 84, '元金均等', 0, start));
    expect(shockedInterest(30_000_000, 0.015, 84, 0.005, '元金均等', 0, start)).toBe(
      sum(c.interest.slice(0, 12)),
    );
  });

  test('a shock that takes the rate below zero names the shock', () => {
    expectArgumentError(() => shockedInterest(1_000_000, 0.01, 12, -0.02), 'shock', '金利上昇幅');
  });
});

describe('DEBTYEARS: 債務償還年数, hand-worked', () => {
  // 有利子負債 2億5,000万円, 現預金 3,000万円,
  // 正常運転資金 = 売上債権 2,500万 + 棚卸資産 1,500万 − 仕入債務 2,000万 = 2,000万円
  // cash flow = 経常利益 1,200万 + 減価償却費 900万 − 法人税等 100万 = 2,000万円
  const args = [250_000_000, 12_000_000, 9_000_000, 1_000_000] as const;
  const balance = [30_000_000, 25_000_000, 15_000_000, 20_000_000] as const;

  test('net form: (2億5,000万 − 3,000万 − 2,000万) ÷ 2,000万 = 10 years', () => {
    expect(debtYears(...args, ...balance)).toBe(10);
    expect(debtYears(...args, ...balance, 'ネット')).toBe(10);
  });

  test('simple form: 2億5,000万 ÷ 2,000万 = 12.5 years', () => {
    expect(debtYears(...args, ...balance, 'シンプル')).toBe(12.5);
    expect(debtYears(...args, ...balance, 'simple')).toBe(12.5);
    // with nothing but the debt given, the net form is the simple one
    expect(debtYears(...args)).toBe(12.5);
  });

  test('cash flow ≤ 0 with debt to repay: 返済不能', () => {
    // 経常利益 −1,500万 + 減価償却費 900万 − 0 = −600万円
    expect(debtYears(250_000_000, -15_000_000, 9_000_000)).toBe(CANNOT_REPAY);
    expect(CANNOT_REPAY).toBe('返済不能');
    // exactly zero: 経常利益 −900万 + 900万 = 0
    expect(debtYears(250_000_000, -9_000_000, 9_000_000)).toBe('返済不能');
  });

  test('net debt ≤ 0 (実質無借金): 0 years whatever the cash flow', () => {
    // 2,000万 − 現預金 3,000万 < 0
    expect(debtYears(20_000_000, -15_000_000, 0, 0, 30_000_000)).toBe(0);
  });

  test('bad arguments name the argument', () => {
    expectArgumentError(() => debtYears(-1, 1, 1), 'debt', '有利子負債');
    expectArgumentError(() => debtYears(1, OMITTED as never, 1), 'ordinaryProfit', '経常利益');
    expectArgumentError(() => debtYears(1, 1, 1, 0, 0, 0, 0, 0, 'gross'), 'form', '算式');
    expectArgumentError(() => debtYears(1, 1, 1, 0, -5), 'cash', '現預金');
  });
});

describe('DSCR, hand-worked', () => {
  test('(1,000万 + 250万 + 600万 − 150万) ÷ (250万 + 1,200万 + 50万) = 1,700万 ÷ 1,500万', () => {
    // cash available: 経常利益 1,000万 + 支払利息 250万 + 減価償却費 600万 − 法人税等 150万 = 1,700万円
    // debt service:   支払利息 250万 + 約定返済 1,200万 + 保証料 50万 = 1,500万円
    expect(
      debtServiceCoverage(10_000_000, 2_500_000, 6_000_000, 12_000_000, 1_500_000, 500_000),
    ).toBe(17_000_000 / 15_000_000);
  });

  test('taxes and fees default to 0', () => {
    // (800万 + 200万 + 500万) ÷ (200万 + 1,000万) = 1,500万 ÷ 1,200万 = 1.25
    expect(debtServiceCoverage(8_000_000, 2_000_000, 5_000_000, 10_000_000)).toBe(1.25);
  });

  test('nothing due: —', () => {
    expect(debtServiceCoverage(1_000_000, 0, 1_000_000, 0)).toBe(NO_VALUE);
    expect(NO_VALUE).toBe('—');
  });

  test('negative cash available gives a negative DSCR', () => {
    // (−2,000万 + 100万 + 400万) ÷ (100万 + 400万) = −1,500万 ÷ 500万 = −3
    expect(debtServiceCoverage(-20_000_000, 1_000_000, 4_000_000, 4_000_000)).toBe(-3);
  });

  test('bad arguments name the argument', () => {
    expectArgumentError(() => debtServiceCoverage(1, 1, 1, -1), 'scheduledPrincipal', '約定返済額');
    expectArgumentError(
      () => debtServiceCoverage(1, 1, 1, 1, 0, -1),
      'guaranteeFees',
      '信用保証料',
    );
    expectArgumentError(() => debtServiceCoverage(1, -1, 1, 1), 'interest', '支払利息');
  });
});

describe('loan arguments: errors name the argument in Japanese and English', () => {
  test.each([
    ['principal', '借入額', () => payment(0, 0.02, 120)],
    ['principal', '借入額', () => payment(1_000_000.5, 0.02, 120)],
    ['principal', '借入額', () => payment(OMITTED as never, 0.02, 120)],
    ['principal', '借入額', () => payment('abc' as never, 0.02, 120)],
    ['annualRate', '年利', () => payment(1_000_000, 2.5, 120)],
    ['annualRate', '年利', () => payment(1_000_000, -0.01, 120)],
    ['annualRate', '年利', () => payment(1_000_000, 0.5, 120)],
    ['annualRate', '年利', () => payment(1_000_000, OMITTED as never, 120)],
    ['termMonths', '返済期間・月数', () => payment(1_000_000, 0.02, 0)],
    ['termMonths', '返済期間・月数', () => payment(1_000_000, 0.02, 12.5)],
    ['termMonths', '返済期間・月数', () => payment(1_000_000, 0.02, 601)],
    ['method', '返済方法', () => payment(1_000_000, 0.02, 120, 'リボ')],
    ['graceMonths', '据置期間・月数', () => payment(1_000_000, 0.02, 120, OMITTED, 120)],
    ['graceMonths', '据置期間・月数', () => payment(1_000_000, 0.02, 120, OMITTED, -1)],
    ['startDate', '借入日', () => payment(1_000_000, 0.02, 120, OMITTED, 0, 'someday' as never)],
    [
      'startDate',
      '借入日',
      () => payment(1_000_000, 0.02, 120, '元金均等', 0, OMITTED, 'ACT/365F'),
    ],
    ['dayCount', '日数計算', () => payment(1_000_000, 0.02, 120, OMITTED, 0, OMITTED, 'ACT/360')],
  ])('%s (%s)', (argument, label, f) => {
    expectArgumentError(f, argument, label);
  });

  test('a rate typed as a percentage gets the hint', () => {
    expect(() => payment(1_000_000, 2.5, 120)).toThrow(/0\.025/);
  });

  test('the same errors from SCHEDULE', () => {
    expectArgumentError(
      () => schedule(1_000_000, 0.02, 120, OMITTED, 200),
      'graceMonths',
      '据置期間・月数',
    );
  });

  test('labels in any spelling the input sheets accept', () => {
    const start = serial(2026, 3, 31);
    const ref = payment(12_000_000, 0.024, 120, 'equal-principal', 0, start, 'ACT/365F');
    for (const method of ['元金均等', '元金均等返済', ' equal-principal ', 'Equal-Principal']) {
      expect(payment(12_000_000, 0.024, 120, method, 0, start, '日割')).toBe(ref);
    }
    // a date given as text, and a rate as "2.4%" text
    expect(payment(12_000_000, '2.4%' as never, 120, '元金均等', 0, '2026/3/31' as never)).toBe(
      ref,
    );
  });
});
