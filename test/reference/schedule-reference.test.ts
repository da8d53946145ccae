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
import { referenceLoan } from './schedule-reference-loans';

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
      fc.property(referenceLoan, (l) => {
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
