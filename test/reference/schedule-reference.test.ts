/**
 * The engine's loan schedules (the function the CLI `schedule` command calls) held against the
 * independent reference in schedule-reference.ts, on random loans: every period's date, days,
 * interest, principal, balance and fee, and the lump-sum fee.
 */
import fc from 'fast-check';
import { buildSchedule, scheduleJson, LoanTerms } from '../../engine';
import { parseIsoDate } from '../../engine/time/civil-date';
import { toRateUnits } from '../../engine/interest/rate-units';
import { RefLoan, referenceSchedule } from './schedule-reference';

/** The engine's schedule in the reference's shape. */
function engineSchedule(loan: RefLoan) {
  const terms: LoanTerms = {
    principal: loan.principal,
    termMonths: loan.termMonths,
    graceMonths: loan.graceMonths,
    method: loan.method,
    dayCount: loan.dayCount,
    startDate: parseIsoDate(loan.startDate)!,
    rounding: 'floor',
    guaranteeFeeRate: loan.guaranteeFeeRate,
    guaranteeFeePayment: loan.guaranteeFeePayment,
    businessDay: loan.businessDay,
    prepayment: loan.prepayment,
  };
  const schedule = buildSchedule(terms, Float64Array.from(loan.rates, toRateUnits));
  const json = scheduleJson(schedule);
  const rows = json.rows.map((r, k) => ({
    period: r.period,
    date: r.date,
    days: schedule.days[k],
    opening: r.opening,
    interest: r.interest,
    principal: r.principal,
    fee: r.fee,
    closing: r.closing,
  }));
  return { rows, upfrontFee: json.upfrontFee, totals: json.totals };
}

/** Start dates: any day 2024–2055, with month ends, February, Golden Week and New Year weighted. */
const startDate = fc
  .oneof(
    fc.record({
      y: fc.integer({ min: 2024, max: 2055 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    }),
    fc.record({
      y: fc.integer({ min: 2024, max: 2055 }),
      m: fc.constantFrom(1, 2, 3, 4, 12),
      d: fc.constantFrom(28, 29, 30, 31),
    }),
    fc.record({
      y: fc.integer({ min: 2024, max: 2055 }),
      m: fc.constantFrom(4, 5, 12, 1),
      d: fc.constantFrom(1, 2, 3, 4, 5, 6, 29, 30, 31),
    }),
  )
  .map(({ y, m, d }) => {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  });

/** Rates in steps of 0.00001 % (the engine's unit): mostly 0–12 %, some up to 60 %. */
const rate = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 1_200_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 6_000_000 }) },
  )
  .map((k) => k / 10_000_000);

const loan: fc.Arbitrary<RefLoan> = fc
  .record({
    principal: fc.oneof(
      fc.integer({ min: 1, max: 10_000 }),
      fc.integer({ min: 1_000_000, max: 5_000_000_000 }),
      fc.integer({ min: 5_000_000_000, max: 10_000_000_000_000 }),
    ),
    termMonths: fc.oneof(
      fc.integer({ min: 1, max: 36 }),
      fc.integer({ min: 37, max: 300 }),
      fc.integer({ min: 301, max: 600 }),
    ),
    graceFraction: fc.double({ min: 0, max: 0.5, noNaN: true }),
    method: fc.constantFrom('equal-principal', 'annuity', 'bullet') as fc.Arbitrary<
      RefLoan['method']
    >,
    dayCount: fc.constantFrom('ACT/365F', '30/360') as fc.Arbitrary<RefLoan['dayCount']>,
    startDate,
    baseRate: rate,
    resets: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), rate }), {
      maxLength: 3,
    }),
    guaranteeFeeRate: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 2_000 }).map((k) => k / 100_000),
    ),
    guaranteeFeePayment: fc.constantFrom('installments', 'lump-sum') as fc.Arbitrary<
      RefLoan['guaranteeFeePayment']
    >,
    businessDay: fc.constantFrom('following', 'preceding', 'none') as fc.Arbitrary<
      RefLoan['businessDay']
    >,
    prepay: fc.option(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        share: fc.double({ min: 0, max: 1.2, noNaN: true }),
        effect: fc.constantFrom('shorten-term', 'lower-instalment') as fc.Arbitrary<
          'shorten-term' | 'lower-instalment'
        >,
      }),
    ),
  })
  .map((g) => {
    const graceMonths = Math.min(g.termMonths - 1, Math.floor(g.graceFraction * g.termMonths));
    const rates = new Array<number>(g.termMonths).fill(g.baseRate);
    for (const reset of g.resets) {
      const from = Math.floor(reset.at * g.termMonths);
      rates.fill(reset.rate, from);
    }
    const prepayment =
      g.prepay && g.termMonths > 1
        ? {
            period: 1 + Math.floor(g.prepay.at * (g.termMonths - 1)),
            amount: Math.max(1, Math.floor(g.prepay.share * g.principal)),
            effect: g.prepay.effect,
          }
        : undefined;
    return {
      principal: g.principal,
      termMonths: g.termMonths,
      graceMonths,
      method: g.method,
      dayCount: g.dayCount,
      startDate: g.startDate,
      rates,
      guaranteeFeeRate: g.guaranteeFeeRate,
      guaranteeFeePayment: g.guaranteeFeePayment,
      businessDay: g.businessDay,
      prepayment,
    };
  });

/** The engine's rows past the loan's end (after 期間短縮) must be all zero. */
function trimmed(rows: ReturnType<typeof engineSchedule>['rows'], length: number) {
  for (const row of rows.slice(length)) {
    expect([row.opening, row.interest, row.principal, row.fee, row.closing]).toEqual([
      0, 0, 0, 0, 0,
    ]);
  }
  return rows.slice(0, length);
}

describe('loan schedules against the independent reference', () => {
  it('agree on every period of random loans', () => {
    fc.assert(
      fc.property(loan, (l) => {
        const expected = referenceSchedule(l);
        const actual = engineSchedule(l);
        expect(trimmed(actual.rows, expected.rows.length)).toEqual(expected.rows);
        expect(actual.upfrontFee).toBe(expected.upfrontFee);
        const sum = (f: (r: (typeof expected.rows)[number]) => number) =>
          expected.rows.reduce((s, r) => s + f(r), 0);
        expect(actual.totals).toEqual({
          interest: sum((r) => r.interest),
          principal: l.principal,
          fee: sum((r) => r.fee) + expected.upfrontFee,
          payment: sum((r) => r.interest + r.principal),
        });
      }),
      {
        seed: Number(process.env.FC_SEED ?? 20261206),
        numRuns: Number(process.env.FC_RUNS ?? 300),
      },
    );
  });
});
