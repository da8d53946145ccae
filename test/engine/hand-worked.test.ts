/**
 * Hand-worked examples for the schedule engine.
 *
 * Every expected yen amount below is worked out by hand in the comments (integer arithmetic:
 * balance × rate × days / basis, then 円未満切捨て), never by calling the engine's own helpers.
 * The engine is only driven through its public inputs (parseLoanSpec → buildSchedule).
 */
import {
  accrualDays,
  ScheduleRow,
  accrueFloor,
  buildSchedule,
  exactFloorInterest,
  formatIsoDate,
  loanSpecRates,
  parseLoanSpec,
  scheduleRows,
  Schedule,
  LoanTerms,
  DayCount,
  toEpochDay,
} from '../../engine';
import { EQUAL_PRINCIPAL_B } from '../support/hand-worked-loans';
import { seeded } from '../../bench/synthetic';

/** Builds a schedule from a loan file object, failing the test on parse errors. */
function scheduleOf(loan: Record<string, unknown>): { schedule: Schedule; rows: ScheduleRow[] } {
  // These cases pin the unadjusted schedule; business days have their own tests.
  const parsed = parseLoanSpec({ businessDay: 'none', ...loan });
  if (!parsed.ok) throw new Error(`loan did not parse: ${JSON.stringify(parsed.errors)}`);
  const schedule = buildSchedule(parsed.value, loanSpecRates(parsed.value));
  return { schedule, rows: scheduleRows(schedule) };
}

const col = (rows: ScheduleRow[], key: keyof ScheduleRow) => rows.map((r) => r[key]);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------
// (a) 1億円 at 1.971 % for 30 days, ACT/365F
// ---------------------------------------------------------------------------------------------
describe('(a) 1億円 × 1.971 % × 30 / 365 is exactly 162,000 yen', () => {
  // 100,000,000 × 0.01971 = 1,971,000 per year
  // 1,971,000 × 30 = 59,130,000
  // 59,130,000 / 365 = 162,000 exactly   (365 × 162,000 = 59,130,000)
  // In engine units: 1.971 % = 197,100 × 1e-7, so k = 197,100 × 30 = 5,913,000.
  test('accrueFloor gives 162,000', () => {
    expect(accrueFloor(100_000_000, 197_100 * 30, 365)).toBe(162_000);
    expect(exactFloorInterest(100_000_000, 197_100 * 30, 365 * 1e7)).toBe(162_000);
  });

  test('a naive floating-point floor gives 161,999 (why the engine does exact arithmetic)', () => {
    // 1e8 * 0.01971 * 30 / 365 evaluates to 161999.99999999997 in doubles.
    expect(Math.floor((1e8 * 0.01971 * 30) / 365)).toBe(161_999);
  });

  test('a 1-period bullet loan of 1億円 drawn 2024-04-01 (30 days to 2024-05-01) pays 162,000', () => {
    const { rows } = scheduleOf({
      principal: 100_000_000,
      annualRate: '1.971%',
      termMonths: 1,
      method: 'bullet',
      dayCount: 'ACT/365F',
      startDate: '2024-04-01',
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].date).toBe('2024-05-01');
    expect(rows[0].interest).toBe(162_000);
    expect(rows[0].principal).toBe(100_000_000);
    expect(rows[0].payment).toBe(100_162_000);
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Equal principal, 12,000,000 yen, 2.3 %, 12 months, 2 months grace, ACT/365F, 2024-01-31
// ---------------------------------------------------------------------------------------------
describe('(b) equal principal 12,000,000 yen, 2.3 %, 12 months, 2 grace, ACT/365F, from 2024-01-31', () => {
  const loan = EQUAL_PRINCIPAL_B;
  const { schedule, rows } = scheduleOf(loan);

  test('payment dates: day 31 clamped to month end, leap Feb 29', () => {
    expect(formatIsoDate(schedule.dates[0])).toBe('2024-01-31');
    expect(col(rows, 'date')).toEqual([
      '2024-02-29', // leap year: Feb 29
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
      '2024-06-30',
      '2024-07-31',
      '2024-08-31',
      '2024-09-30',
      '2024-10-31',
      '2024-11-30',
      '2024-12-31',
      '2025-01-31',
    ]);
  });

  test('accrual days (actual): 29 for Jan 31 → Feb 29, and 366 in all', () => {
    // Jan31→Feb29 29, Feb29→Mar31 31, Mar31→Apr30 30, Apr30→May31 31, May31→Jun30 30,
    // Jun30→Jul31 31, Jul31→Aug31 31, Aug31→Sep30 30, Sep30→Oct31 31, Oct31→Nov30 30,
    // Nov30→Dec31 31, Dec31→Jan31 31; total 366 (the year contains Feb 29, 2024).
    expect(Array.from(schedule.days)).toEqual([29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31]);
    expect(sum(Array.from(schedule.days))).toBe(366);
  });

  test('principal: 0, 0 in grace, then 12,000,000 / 10 = 1,200,000 for 10 periods', () => {
    // Installment = floor(12,000,000 / (12 − 2)) = 1,200,000; divides evenly, so the last
    // period also repays 1,200,000.
    expect(col(rows, 'principal')).toEqual([
      0, 0, 1_200_000, 1_200_000, 1_200_000, 1_200_000, 1_200_000, 1_200_000, 1_200_000, 1_200_000,
      1_200_000, 1_200_000,
    ]);
    expect(col(rows, 'opening')).toEqual([
      12_000_000, 12_000_000, 12_000_000, 10_800_000, 9_600_000, 8_400_000, 7_200_000, 6_000_000,
      4_800_000, 3_600_000, 2_400_000, 1_200_000,
    ]);
    expect(col(rows, 'closing')).toEqual([
      12_000_000, 12_000_000, 10_800_000, 9_600_000, 8_400_000, 7_200_000, 6_000_000, 4_800_000,
      3_600_000, 2_400_000, 1_200_000, 0,
    ]);
  });

  test('interest per row, worked by hand', () => {
    // balance × 0.023 × days / 365, floored:
    //  1: 12,000,000 × 0.023 = 276,000; × 29 = 8,004,000; / 365 = 21,928.76… → 21,928  (365 × 21,928 = 8,003,720, rest 280)
    //  2: 276,000 × 31 = 8,556,000; / 365 = 23,441.09… → 23,441                       (365 × 23,441 = 8,555,965, rest 35)
    //  3: 276,000 × 30 = 8,280,000; / 365 = 22,684.93… → 22,684                       (365 × 22,684 = 8,279,660, rest 340)
    //  4: 10,800,000 × 0.023 = 248,400; × 31 = 7,700,400; / 365 = 21,096.98… → 21,096 (365 × 21,096 = 7,700,040, rest 360)
    //  5: 9,600,000 × 0.023 = 220,800; × 30 = 6,624,000; / 365 = 18,147.94… → 18,147  (365 × 18,147 = 6,623,655, rest 345)
    //  6: 8,400,000 × 0.023 = 193,200; × 31 = 5,989,200; / 365 = 16,408.76… → 16,408  (365 × 16,408 = 5,988,920, rest 280)
    //  7: 7,200,000 × 0.023 = 165,600; × 31 = 5,133,600; / 365 = 14,064.65… → 14,064  (365 × 14,064 = 5,133,360, rest 240)
    //  8: 6,000,000 × 0.023 = 138,000; × 30 = 4,140,000; / 365 = 11,342.46… → 11,342  (365 × 11,342 = 4,139,830, rest 170)
    //  9: 4,800,000 × 0.023 = 110,400; × 31 = 3,422,400; / 365 = 9,376.43… → 9,376    (365 × 9,376 = 3,422,240, rest 160)
    // 10: 3,600,000 × 0.023 = 82,800; × 30 = 2,484,000; / 365 = 6,805.47… → 6,805     (365 × 6,805 = 2,483,825, rest 175)
    // 11: 2,400,000 × 0.023 = 55,200; × 31 = 1,711,200; / 365 = 4,688.21… → 4,688     (365 × 4,688 = 1,711,120, rest 80)
    // 12: 1,200,000 × 0.023 = 27,600; × 31 = 855,600; / 365 = 2,344.10… → 2,344       (365 × 2,344 = 855,560, rest 40)
    expect(col(rows, 'interest')).toEqual([
      21_928, 23_441, 22_684, 21_096, 18_147, 16_408, 14_064, 11_342, 9_376, 6_805, 4_688, 2_344,
    ]);
  });

  test('payments and totals', () => {
    // Grace rows pay interest only: 21,928 and 23,441.
    // Row 3 pays 1,200,000 + 22,684 = 1,222,684; row 12 pays 1,200,000 + 2,344 = 1,202,344.
    expect(rows[0].payment).toBe(21_928);
    expect(rows[1].payment).toBe(23_441);
    expect(rows[2].payment).toBe(1_222_684);
    expect(rows[11].payment).toBe(1_202_344);
    // Interest total: 21,928 + 23,441 = 45,369; + 22,684 = 68,053; + 21,096 = 89,149;
    // + 18,147 = 107,296; + 16,408 = 123,704; + 14,064 = 137,768; + 11,342 = 149,110;
    // + 9,376 = 158,486; + 6,805 = 165,291; + 4,688 = 169,979; + 2,344 = 172,323.
    expect(schedule.totals.interest).toBe(172_323);
    expect(schedule.totals.principal).toBe(12_000_000);
    expect(schedule.totals.payment).toBe(12_172_323);
    expect(schedule.totals.fee).toBe(0);
    expect(col(rows, 'fee')).toEqual(new Array(12).fill(0));
  });
});

// ---------------------------------------------------------------------------------------------
// (c) Equal principal that does not divide evenly
// ---------------------------------------------------------------------------------------------
describe('(c) equal principal 10,000,000 over 7 periods', () => {
  // floor(10,000,000 / 7) = 1,428,571 (7 × 1,428,571 = 9,999,997, rest 3);
  // six installments: 6 × 1,428,571 = 8,571,426; last = 10,000,000 − 8,571,426 = 1,428,574.
  const { schedule, rows } = scheduleOf({
    principal: 10_000_000,
    annualRate: '1.5%',
    termMonths: 7,
    method: 'equal-principal',
    dayCount: 'ACT/365F',
    startDate: '2025-04-01',
  });

  test('1,428,571 × 6 + 1,428,574 last', () => {
    expect(col(rows, 'principal')).toEqual([
      1_428_571, 1_428_571, 1_428_571, 1_428_571, 1_428_571, 1_428_571, 1_428_574,
    ]);
    expect(schedule.totals.principal).toBe(10_000_000);
    expect(rows[6].opening).toBe(1_428_574);
    expect(rows[6].closing).toBe(0);
  });

  test('first and last interest rows', () => {
    // Row 1: 2025-04-01 → 05-01, 30 days: 10,000,000 × 0.015 = 150,000; × 30 = 4,500,000;
    //        / 365 = 12,328.76… → 12,328   (365 × 12,328 = 4,499,720, rest 280)
    // Row 7: 2025-10-01 → 11-01, 31 days: 1,428,574 × 0.015 = 21,428.61; × 31 = 664,286.91;
    //        / 365 = 1,819.96… → 1,819     (365 × 1,819 = 663,935, rest 351.91)
    expect(rows[0].interest).toBe(12_328);
    expect(rows[6].date).toBe('2025-11-01');
    expect(rows[6].interest).toBe(1_819);
  });
});

// ---------------------------------------------------------------------------------------------
// (d) A rate reset from period 4, equal principal
// ---------------------------------------------------------------------------------------------
describe('(d) equal principal with a reset from period 4 (2.3 % → 3.0 %)', () => {
  // 12,000,000 yen, 12 months, no grace, from 2024-04-01 (ACT/365F); installment 1,000,000.
  // Dates: 05-01 (30 d), 06-01 (31 d), 07-01 (30 d), 08-01 (31 d), 09-01 (31 d), 10-01 (30 d) …
  const { schedule, rows } = scheduleOf({
    principal: 12_000_000,
    annualRate: '2.3%',
    termMonths: 12,
    method: 'equal-principal',
    dayCount: 'ACT/365F',
    startDate: '2024-04-01',
    resets: [{ fromPeriod: 4, annualRate: '3.0%' }],
  });

  test('rates per period: 2.3 % for periods 1–3, 3.0 % from period 4', () => {
    expect(Array.from(schedule.rates)).toEqual([
      230_000, 230_000, 230_000, 300_000, 300_000, 300_000, 300_000, 300_000, 300_000, 300_000,
      300_000, 300_000,
    ]);
  });

  test('rows around the reset', () => {
    // Row 3 (06-01 → 07-01, 30 d, old rate): 10,000,000 × 0.023 = 230,000; × 30 = 6,900,000;
    //        / 365 = 18,904.10… → 18,904   (365 × 18,904 = 6,899,960, rest 40)
    // Row 4 (07-01 → 08-01, 31 d, new rate): 9,000,000 × 0.03 = 270,000; × 31 = 8,370,000;
    //        / 365 = 22,931.50… → 22,931   (365 × 22,931 = 8,369,815, rest 185)
    // Row 5 (08-01 → 09-01, 31 d, new rate): 8,000,000 × 0.03 = 240,000; × 31 = 7,440,000;
    //        / 365 = 20,383.56… → 20,383   (365 × 20,383 = 7,439,795, rest 205)
    // Equal principal stays 1,000,000: the reset changes interest only.
    expect(
      rows.slice(2, 5).map((r) => [r.date, r.opening, r.interest, r.principal, r.payment]),
    ).toEqual([
      ['2024-07-01', 10_000_000, 18_904, 1_000_000, 1_018_904],
      ['2024-08-01', 9_000_000, 22_931, 1_000_000, 1_022_931],
      ['2024-09-01', 8_000_000, 20_383, 1_000_000, 1_020_383],
    ]);
    expect(col(rows, 'principal')).toEqual(new Array(12).fill(1_000_000));
  });

  test('the reset only changes interest from period 4 on', () => {
    const { rows: flat } = scheduleOf({
      principal: 12_000_000,
      annualRate: '2.3%',
      termMonths: 12,
      method: 'equal-principal',
      dayCount: 'ACT/365F',
      startDate: '2024-04-01',
    });
    // Row 4 at 2.3 %: 9,000,000 × 0.023 = 207,000; × 31 = 6,417,000; / 365 = 17,580.82… → 17,580
    expect(flat[3].interest).toBe(17_580);
    expect(col(rows, 'interest').slice(0, 3)).toEqual(col(flat, 'interest').slice(0, 3));
    for (let k = 3; k < 12; k++) expect(rows[k].interest).toBeGreaterThan(flat[k].interest);
  });
});

// ---------------------------------------------------------------------------------------------
// (e) 30/360 (30 days a month on the unadjusted schedule; ISDA between arbitrary dates)
// ---------------------------------------------------------------------------------------------
describe('(e) 30/360', () => {
  test('regular months: every period 30 days, interest = floor(balance × rate / 12)', () => {
    // 12,000,000 yen, 2.3 %, 12 months equal principal from 2024-01-15 (Feb 15 → Mar 15 included):
    // installment 1,000,000; interest = balance × 0.023 × 30 / 360 = balance × 0.023 / 12:
    //  12,000,000 → 276,000 / 12 = 23,000        11,000,000 → 253,000 / 12 = 21,083.33 → 21,083
    //  10,000,000 → 230,000 / 12 = 19,166.67 → 19,166   9,000,000 → 207,000 / 12 = 17,250
    //   8,000,000 → 184,000 / 12 = 15,333.33 → 15,333   7,000,000 → 161,000 / 12 = 13,416.67 → 13,416
    //   6,000,000 → 138,000 / 12 = 11,500               5,000,000 → 115,000 / 12 = 9,583.33 → 9,583
    //   4,000,000 →  92,000 / 12 = 7,666.67 → 7,666     3,000,000 →  69,000 / 12 = 5,750
    //   2,000,000 →  46,000 / 12 = 3,833.33 → 3,833     1,000,000 →  23,000 / 12 = 1,916.67 → 1,916
    // Total: 23,000 + 21,083 + 19,166 + 17,250 + 15,333 + 13,416 + 11,500 + 9,583 + 7,666
    //        + 5,750 + 3,833 + 1,916 = 149,496.
    const { schedule, rows } = scheduleOf({
      principal: 12_000_000,
      annualRate: 0.023,
      termMonths: 12,
      method: 'equal-principal',
      dayCount: '30/360',
      startDate: '2024-01-15',
    });
    expect(Array.from(schedule.days)).toEqual(new Array(12).fill(30));
    expect(col(rows, 'interest')).toEqual([
      23_000, 21_083, 19_166, 17_250, 15_333, 13_416, 11_500, 9_583, 7_666, 5_750, 3_833, 1_916,
    ]);
    expect(schedule.totals.interest).toBe(149_496);
  });

  test('Jan 31 start, leap year 2024: every month still accrues 30 days (unadjusted schedule)', () => {
    // Payments fall on Feb 29, Mar 31, Apr 30, … but 30/360 runs on the unadjusted anchor
    // (the 31st → 30 every month), so each period is 30 days: 12,000,000 × 0.023 / 12 = 23,000.
    // (ISDA on the clamped dates would give 29, 32, 30, … and a 361-day year.)
    const { schedule, rows } = scheduleOf({
      principal: 12_000_000,
      annualRate: 0.023,
      termMonths: 12,
      method: 'bullet',
      dayCount: '30/360',
      startDate: '2024-01-31',
    });
    expect(col(rows, 'date').slice(0, 3)).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
    expect(Array.from(schedule.days)).toEqual(new Array(12).fill(30));
    expect(col(rows, 'interest').slice(0, 3)).toEqual([23_000, 23_000, 23_000]);
    // A year's interest is exactly 2.3 % of 12,000,000.
    expect(schedule.totals.interest).toBe(276_000);
  });

  test('accrualDays between arbitrary dates is the ISDA bond basis', () => {
    // Jan 31 → Feb 29 2024: D1 = 30, D2 = 29: 30 + (29 − 30) = 29
    // Feb 29 → Mar 31 2024: D1 = 29, D2 = 31 (kept, D1 ≠ 30): 30 + (31 − 29) = 32
    // Mar 31 → Apr 30: D1 = 30, D2 = 30: 30;  Jan 15 2024 → Jan 15 2025: 360
    expect(accrualDays('30/360', toEpochDay(2024, 1, 31), toEpochDay(2024, 2, 29))).toBe(29);
    expect(accrualDays('30/360', toEpochDay(2024, 2, 29), toEpochDay(2024, 3, 31))).toBe(32);
    expect(accrualDays('30/360', toEpochDay(2024, 3, 31), toEpochDay(2024, 4, 30))).toBe(30);
    expect(accrualDays('30/360', toEpochDay(2024, 1, 15), toEpochDay(2025, 1, 15))).toBe(360);
  });
});

// ---------------------------------------------------------------------------------------------
// (f) Leap year
// ---------------------------------------------------------------------------------------------
describe('(f) a period spanning February: 29 days in 2024, 28 in 2023 (ACT/365F)', () => {
  const loanFrom = (startDate: string) =>
    scheduleOf({
      principal: 12_000_000,
      annualRate: '2.3%',
      termMonths: 1,
      method: 'bullet',
      dayCount: 'ACT/365F',
      startDate,
    });

  test('2024-02-10 → 2024-03-10: 29 days, 21,928 yen', () => {
    // 12,000,000 × 0.023 = 276,000; × 29 = 8,004,000; / 365 = 21,928.76… → 21,928
    const { schedule, rows } = loanFrom('2024-02-10');
    expect(rows[0].date).toBe('2024-03-10');
    expect(schedule.days[0]).toBe(29);
    expect(rows[0].interest).toBe(21_928);
  });

  test('2023-02-10 → 2023-03-10: 28 days, 21,172 yen', () => {
    // 276,000 × 28 = 7,728,000; / 365 = 21,172.60… → 21,172   (365 × 21,172 = 7,727,780, rest 220)
    const { schedule, rows } = loanFrom('2023-02-10');
    expect(rows[0].date).toBe('2023-03-10');
    expect(schedule.days[0]).toBe(28);
    expect(rows[0].interest).toBe(21_172);
  });

  test('2100 is not a leap year, 2000 is', () => {
    expect(loanFrom('2100-02-10').schedule.days[0]).toBe(28);
    expect(loanFrom('2000-02-10').schedule.days[0]).toBe(29);
  });
});

// ---------------------------------------------------------------------------------------------
// (g) Bullet
// ---------------------------------------------------------------------------------------------
describe('(g) bullet: interest only until the last period', () => {
  // 50,000,000 yen at 0.5 % (a capital-type loan in a loss year), 6 months from 2024-04-01.
  // Days: Apr1→May1 30, May1→Jun1 31, Jun1→Jul1 30, Jul1→Aug1 31, Aug1→Sep1 31, Sep1→Oct1 30.
  // 50,000,000 × 0.005 = 250,000 a year;
  //   30 days: 250,000 × 30 = 7,500,000; / 365 = 20,547.94… → 20,547   (365 × 20,547 = 7,499,655)
  //   31 days: 250,000 × 31 = 7,750,000; / 365 = 21,232.87… → 21,232   (365 × 21,232 = 7,749,680)
  // Total: 3 × 20,547 + 3 × 21,232 = 61,641 + 63,696 = 125,337.
  const { schedule, rows } = scheduleOf({
    principal: 50_000_000,
    annualRate: '0.5%',
    termMonths: 6,
    graceMonths: 5,
    method: 'bullet',
    dayCount: 'ACT/365F',
    startDate: '2024-04-01',
  });

  test('principal only in the last period, balance unchanged before it', () => {
    expect(col(rows, 'principal')).toEqual([0, 0, 0, 0, 0, 50_000_000]);
    expect(col(rows, 'opening')).toEqual(new Array(6).fill(50_000_000));
  });

  test('interest per row and total', () => {
    expect(Array.from(schedule.days)).toEqual([30, 31, 30, 31, 31, 30]);
    expect(col(rows, 'interest')).toEqual([20_547, 21_232, 20_547, 21_232, 21_232, 20_547]);
    expect(schedule.totals.interest).toBe(125_337);
    expect(rows[5].payment).toBe(50_020_547);
  });

  test('grace does not change a bullet', () => {
    const { rows: noGrace } = scheduleOf({
      principal: 50_000_000,
      annualRate: '0.5%',
      termMonths: 6,
      method: 'bullet',
      dayCount: 'ACT/365F',
      startDate: '2024-04-01',
    });
    expect(noGrace).toEqual(rows);
  });
});

// ---------------------------------------------------------------------------------------------
// (h) Guarantee fee
// ---------------------------------------------------------------------------------------------
describe('(h) guarantee fee 0.3 % on the loan of (b)', () => {
  const { schedule, rows } = scheduleOf({
    principal: 12_000_000,
    annualRate: 0.023,
    termMonths: 12,
    graceMonths: 2,
    method: 'equal-principal',
    dayCount: 'ACT/365F',
    startDate: '2024-01-31',
    guaranteeFeeRate: '0.3%',
  });

  test('fee per row = floor(balance × 0.003 × days / 365)', () => {
    //  1: 12,000,000 × 0.003 = 36,000; × 29 = 1,044,000; / 365 = 2,860.27… → 2,860
    //  2: 36,000 × 31 = 1,116,000; / 365 = 3,057.53… → 3,057
    //  3: 36,000 × 30 = 1,080,000; / 365 = 2,958.90… → 2,958
    //  4: 10,800,000 × 0.003 = 32,400; × 31 = 1,004,400; / 365 = 2,751.78… → 2,751
    //  5: 9,600,000 × 0.003 = 28,800; × 30 = 864,000; / 365 = 2,367.12… → 2,367
    //  6: 8,400,000 × 0.003 = 25,200; × 31 = 781,200; / 365 = 2,140.27… → 2,140
    //  7: 7,200,000 × 0.003 = 21,600; × 31 = 669,600; / 365 = 1,834.52… → 1,834
    //  8: 6,000,000 × 0.003 = 18,000; × 30 = 540,000; / 365 = 1,479.45… → 1,479
    //  9: 4,800,000 × 0.003 = 14,400; × 31 = 446,400; / 365 = 1,223.01… → 1,223
    // 10: 3,600,000 × 0.003 = 10,800; × 30 = 324,000; / 365 = 887.67… → 887
    // 11: 2,400,000 × 0.003 = 7,200; × 31 = 223,200; / 365 = 611.50… → 611
    // 12: 1,200,000 × 0.003 = 3,600; × 31 = 111,600; / 365 = 305.75… → 305
    // Total: 2,860 + 3,057 + 2,958 + 2,751 + 2,367 + 2,140 + 1,834 + 1,479 + 1,223 + 887 + 611 + 305 = 22,472
    expect(col(rows, 'fee')).toEqual([
      2_860, 3_057, 2_958, 2_751, 2_367, 2_140, 1_834, 1_479, 1_223, 887, 611, 305,
    ]);
    expect(schedule.totals.fee).toBe(22_472);
  });

  test('the fee is separate from the payment (payment = principal + interest)', () => {
    // Same interest as (b): total 172,323; payment total 12,172,323, fee not included.
    expect(schedule.totals.interest).toBe(172_323);
    expect(schedule.totals.payment).toBe(12_172_323);
    expect(rows[0].payment).toBe(21_928);
    expect(rows[2].payment).toBe(1_222_684);
  });
});

// ---------------------------------------------------------------------------------------------
// (i) rounding "none"
// ---------------------------------------------------------------------------------------------
describe('(i) rounding "none": fractional interest', () => {
  test('the loan of (b) unrounded: interest = balance × rate × days / 365', () => {
    const { schedule, rows } = scheduleOf({
      principal: 12_000_000,
      annualRate: 0.023,
      termMonths: 12,
      graceMonths: 2,
      method: 'equal-principal',
      dayCount: 'ACT/365F',
      startDate: '2024-01-31',
      rounding: 'none',
    });
    // 1: 8,004,000 / 365 = 21,928.767123…   2: 8,556,000 / 365 = 23,441.095890…
    // 4: 7,700,400 / 365 = 21,096.986301…   12: 855,600 / 365 = 2,344.109589…
    expect(rows[0].interest).toBeCloseTo(8_004_000 / 365, 8);
    expect(rows[0].interest).toBeCloseTo(21_928.767123, 5);
    expect(rows[1].interest).toBeCloseTo(23_441.09589, 4);
    expect(rows[3].interest).toBeCloseTo(21_096.986301, 5);
    expect(rows[11].interest).toBeCloseTo(2_344.109589, 5);
    // Total = (8,004,000 + 8,556,000 + 8,280,000 + 7,700,400 + 6,624,000 + 5,989,200 + 5,133,600
    //          + 4,140,000 + 3,422,400 + 2,484,000 + 1,711,200 + 855,600) / 365 = 62,900,400 / 365
    //       = 172,329.863013…  (vs 172,323 floored: the floor loses 6.86 yen over 12 rows)
    expect(schedule.totals.interest).toBeCloseTo(62_900_400 / 365, 6);
    expect(rows.some((r) => !Number.isInteger(r.interest))).toBe(true);
  });

  test('equal principal 10,000,000 / 7 unrounded is 1,428,571.428571… each', () => {
    const { schedule, rows } = scheduleOf({
      principal: 10_000_000,
      annualRate: '1.5%',
      termMonths: 7,
      method: 'equal-principal',
      dayCount: 'ACT/365F',
      startDate: '2025-04-01',
      rounding: 'none',
    });
    for (const r of rows) expect(r.principal).toBeCloseTo(10_000_000 / 7, 6);
    expect(schedule.totals.principal).toBeCloseTo(10_000_000, 6);
    expect(rows[6].closing).toBe(0);
    // Row 1: 10,000,000 × 0.015 × 30 / 365 = 4,500,000 / 365 = 12,328.767…
    expect(rows[0].interest).toBeCloseTo(4_500_000 / 365, 8);
  });
});

// ---------------------------------------------------------------------------------------------
// (j) accrueFloor against BigInt
// ---------------------------------------------------------------------------------------------
describe('(j) accrueFloor = floor(balance × units × days / (basis × 1e7)) exactly', () => {
  /** The oracle, in BigInt. */
  const oracle = (balance: number, units: number, days: number, basis: number): number =>
    Number((BigInt(balance) * BigInt(units) * BigInt(days)) / (BigInt(basis) * 10_000_000n));

  /** A small deterministic PRNG (mulberry32, shared with the bench) so failures reproduce. */
  const rng = seeded;
  const randInt = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const BASES = [365, 360];

  function check(balance: number, units: number, days: number, basis: number): void {
    const got = accrueFloor(balance, units * days, basis);
    const want = oracle(balance, units, days, basis);
    if (got !== want) {
      throw new Error(
        `accrueFloor(${balance}, ${units} × ${days}, ${basis}) = ${got}, exact ${want}`,
      );
    }
  }

  test('hand cases', () => {
    check(100_000_000, 197_100, 30, 365); // 162,000 exactly
    check(12_000_000, 230_000, 29, 365); // 21,928
    check(1e13, 10_000_000, 31, 360); // 1e13 × 1.00 × 31 / 360 = 861,111,111,111.11 → 861,111,111,111
    expect(accrueFloor(1e13, 10_000_000 * 31, 360)).toBe(861_111_111_111);
    expect(accrueFloor(0, 230_000 * 30, 365)).toBe(0);
    expect(accrueFloor(12_000_000, 0, 365)).toBe(0);
  });

  test('random inputs: balances 0..1e13 (log-uniform and uniform), rates 0..100 %, days 0..366', () => {
    const r = rng(20240131);
    for (let n = 0; n < 200_000; n++) {
      const balance = n % 2 === 0 ? randInt(r, 0, 1e13) : Math.floor(Math.pow(10, r() * 13));
      const units = n % 3 === 0 ? randInt(r, 0, 10_000_000) : randInt(r, 0, 1_500_000);
      const days = n % 5 === 0 ? randInt(r, 0, 366) : randInt(r, 28, 31);
      check(balance, units, days, BASES[n & 1 ? 0 : 1]);
    }
  });

  test('round inputs: balances multiple of 1e6 up to 1e13, rates with 3 decimals in %, days 28–31, both bases', () => {
    // A 3-decimal percent rate (x.xxx %) is a multiple of 100 units; 0.001 % .. 15.000 % = 1..15,000 × 100.
    const balances = [
      1e6, 2e6, 3e6, 7e6, 12e6, 1e7, 3e7, 1e8, 2.7e8, 1e9, 1.5e9, 2e9, 1e10, 7.2e10, 1e11, 1e12,
      3e12, 9.999999e12, 1e13,
    ];
    for (const balance of balances) {
      for (let m = 0; m <= 15_000; m += balance >= 1e12 ? 1 : 7) {
        const units = m * 100;
        for (let days = 28; days <= 31; days++) {
          check(balance, units, days, 365);
          check(balance, units, days, 360);
        }
      }
    }
    const r = rng(7);
    for (let n = 0; n < 100_000; n++) {
      check(
        randInt(r, 1, 10_000_000) * 1e6,
        randInt(r, 0, 15_000) * 100,
        randInt(r, 28, 31),
        BASES[n & 1],
      );
    }
  });

  test('inputs whose exact value is a whole yen (or just beside one)', () => {
    // balance × k is a multiple of basis × 1e7 exactly: balance = j × (basis × 1e7) / gcd(k, basis × 1e7).
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    const r = rng(99);
    for (let n = 0; n < 50_000; n++) {
      const basis = BASES[n & 1];
      const days = randInt(r, 28, 31);
      const units = randInt(r, 1, 15_000) * (n % 4 === 0 ? 1 : 100);
      const d = basis * 1e7;
      const step = d / gcd(units * days, d);
      const maxJ = Math.floor(1e13 / step);
      if (maxJ < 1) continue;
      const balance = randInt(r, 1, maxJ) * step;
      check(balance, units, days, basis);
      if (balance > 1) check(balance - 1, units, days, basis);
      if (balance < 1e13) check(balance + 1, units, days, basis);
    }
  });

  test('the schedule kernel (interest and fee of a 1-month bullet) agrees with the BigInt floor too', () => {
    // The amortization kernel has its own copy of the fast path (multiplication by 1 / (basis × 1e7)),
    // so drive it on the same hard inputs. One-month loans drawn on the 1st give the accrual days:
    // ACT/365F: Feb 2023 → 28, Feb 2024 → 29, Apr 2024 → 30, Jan 2024 → 31; 30/360: always 30.
    const starts: [DayCount, number, number][] = [
      ['ACT/365F', toEpochDay(2023, 2, 1), 28],
      ['ACT/365F', toEpochDay(2024, 2, 1), 29],
      ['ACT/365F', toEpochDay(2024, 4, 1), 30],
      ['ACT/365F', toEpochDay(2024, 1, 1), 31],
      ['30/360', toEpochDay(2024, 1, 1), 30],
    ];
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    const r = rng(2025);
    const kernel = (balance: number, units: number, which: number): [number, number, number] => {
      const [dayCount, startDate, days] = starts[which];
      const terms: LoanTerms = {
        principal: balance,
        termMonths: 1,
        graceMonths: 0,
        method: 'bullet',
        dayCount,
        startDate,
        rounding: 'floor',
        guaranteeFeeRate: units / 1e7,
      };
      const s = buildSchedule(terms, new Float64Array([units]));
      return [s.flows.interest[0], s.flows.fee[0], days];
    };
    for (let n = 0; n < 40_000; n++) {
      const which = n % starts.length;
      const [dayCount, , days] = starts[which];
      const basis = dayCount === '30/360' ? 360 : 365;
      const units = n % 2 === 0 ? randInt(r, 1, 15_000) * 100 : randInt(r, 1, 1_500_000);
      let balance: number;
      if (n % 3 === 0) {
        balance = randInt(r, 1, 10_000_000) * 1e6; // round balances
      } else {
        const step = (basis * 1e7) / gcd(units * days, basis * 1e7); // whole-yen results
        const maxJ = Math.floor(1e13 / step);
        balance =
          maxJ < 1 ? randInt(r, 1, 1e13) : randInt(r, 1, maxJ) * step + (n % 3 === 1 ? 0 : -1);
        if (balance < 1) balance = 1;
      }
      const [interest, fee] = kernel(balance, units, which);
      const want = oracle(balance, units, days, basis);
      if (interest !== want || fee !== want) {
        throw new Error(
          `kernel ${dayCount} ${days} d: balance ${balance}, units ${units}: interest ${interest}, fee ${fee}, exact ${want}`,
        );
      }
    }
    // 1億円 × 1.971 % × 30 / 365 through the kernel (Apr 2024 has 30 days): 162,000.
    expect(kernel(100_000_000, 197_100, 2)).toEqual([162_000, 162_000, 30]);
  });
});

// ---------------------------------------------------------------------------------------------
// (k) Loan file parsing
// ---------------------------------------------------------------------------------------------
describe('(k) parseLoanSpec', () => {
  const good = EQUAL_PRINCIPAL_B;
  const fieldsOf = (raw: unknown): string[] => {
    const parsed = parseLoanSpec(raw);
    return parsed.ok ? [] : parsed.errors.map((e) => e.field);
  };

  test('the good loan parses', () => {
    const parsed = parseLoanSpec(good);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.principal).toBe(12_000_000);
      expect(parsed.value.annualRate).toBe(0.023);
      expect(parsed.value.guaranteeFeeRate).toBe(0);
      expect(parsed.value.resets).toEqual([]);
    }
  });

  test('missing principal', () => {
    const { principal: _omit, ...rest } = good;
    void _omit;
    const parsed = parseLoanSpec(rest);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors).toEqual([
        expect.objectContaining({ field: 'principal', message: expect.stringMatching(/required/) }),
      ]);
    }
  });

  test('negative principal', () => {
    expect(fieldsOf({ ...good, principal: -5_000_000 })).toEqual(['principal']);
    expect(fieldsOf({ ...good, principal: 0 })).toEqual(['principal']);
  });

  test('grace ≥ term', () => {
    expect(fieldsOf({ ...good, graceMonths: 12 })).toEqual(['graceMonths']);
    expect(fieldsOf({ ...good, graceMonths: 13 })).toEqual(['graceMonths']);
    expect(fieldsOf({ ...good, graceMonths: 11 })).toEqual([]);
  });

  test('unknown method', () => {
    const parsed = parseLoanSpec({ ...good, method: 'balloon' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.map((e) => e.field)).toEqual(['method']);
      expect(parsed.errors[0].message).toMatch(/equal-principal/);
      expect(parsed.errors[0].value).toBe('balloon');
    }
  });

  test('"abc" rate', () => {
    expect(fieldsOf({ ...good, annualRate: 'abc' })).toEqual(['annualRate']);
    expect(fieldsOf({ ...good, annualRate: 2.3 })).toEqual(['annualRate']); // bare 2.3 is ambiguous
  });

  test('invalid dates', () => {
    expect(fieldsOf({ ...good, startDate: '2023-02-29' })).toEqual(['startDate']); // not a leap year
    expect(fieldsOf({ ...good, startDate: '2024-04-31' })).toEqual(['startDate']);
    expect(fieldsOf({ ...good, startDate: '2024-13-01' })).toEqual(['startDate']);
    expect(fieldsOf({ ...good, startDate: 'tomorrow' })).toEqual(['startDate']);
    expect(fieldsOf({ ...good, startDate: '2024-02-29' })).toEqual([]);
  });

  test('all problems are reported together, each with its field', () => {
    const fields = fieldsOf({
      principal: -1,
      annualRate: 'abc',
      termMonths: 12,
      graceMonths: 12,
      method: 'x',
      startDate: '2024-02-30',
    });
    expect(fields.sort()).toEqual([
      'annualRate',
      'graceMonths',
      'method',
      'principal',
      'startDate',
    ]);
  });

  test('accepts "2.3%", "12,000,000" and full-width digits', () => {
    const parsed = parseLoanSpec({
      ...good,
      principal: '12,000,000',
      annualRate: '2.3%',
      termMonths: '１２',
      graceMonths: '２',
      startDate: '２０２４－０１－３１',
      guaranteeFeeRate: '０．３％',
      businessDay: 'none',
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.principal).toBe(12_000_000);
    expect(parsed.value.annualRate).toBeCloseTo(0.023, 15);
    expect(parsed.value.termMonths).toBe(12);
    expect(parsed.value.graceMonths).toBe(2);
    expect(formatIsoDate(parsed.value.startDate)).toBe('2024-01-31');
    expect(parsed.value.guaranteeFeeRate).toBeCloseTo(0.003, 15);
    // Same schedule as (b): interest total 172,323.
    const schedule = buildSchedule(parsed.value, loanSpecRates(parsed.value));
    expect(schedule.totals.interest).toBe(172_323);
    expect(Array.from(schedule.rates)).toEqual(new Array(12).fill(230_000));
  });

  test('full-width principal "１２，０００，０００" and rate "２．３％"', () => {
    const parsed = parseLoanSpec({
      ...good,
      principal: '１２，０００，０００',
      annualRate: '２．３％',
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.principal).toBe(12_000_000);
    expect(parsed.value.annualRate).toBeCloseTo(0.023, 15);
  });
});
