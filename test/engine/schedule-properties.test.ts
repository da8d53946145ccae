/**
 * Properties of loan schedules over arbitrary loan files (fast-check).
 *
 * Loans are generated as raw loan-file objects and go through parseLoanSpec, so the parser's
 * acceptance of every generated loan is checked as well.
 */
import fc from 'fast-check';
import {
  LoanSpec,
  Schedule,
  ScheduleRow,
  buildSchedule,
  daysInMonth,
  fromEpochDay,
  loanSpecRates,
  parseLoanSpec,
  scheduleRows,
} from '../../engine';

/** Runs per property; PROPERTY_RUNS=5000 for a longer hunt. */
const RUNS = Number(process.env.PROPERTY_RUNS) || 500;

type Method = 'equal-principal' | 'annuity' | 'bullet';
type DayCountName = 'ACT/365F' | '30/360';

interface RawLoan {
  principal: number;
  annualRate: number;
  termMonths: number;
  graceMonths: number;
  method: Method;
  dayCount: DayCountName;
  startDate: string;
  rounding: 'floor' | 'none';
  guaranteeFeeRate: number;
  resets: { fromPeriod: number; annualRate: number }[];
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Any calendar day 2000–2060; days 29–31 clamp to the month's end, so month ends are common. */
const startDateArb = fc
  .record({
    y: fc.integer({ min: 2000, max: 2060 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(d, daysInMonth(y, m)), 2)}`);

/** An annual rate 0..15 % as a decimal; whole 1e-7 units, so the engine reads it exactly. */
const rateArb = fc.oneof(
  fc.integer({ min: 0, max: 1_500_000 }).map((u) => u / 1e7),
  fc.integer({ min: 0, max: 15_000 }).map((m) => (m * 100) / 1e7), // 3-decimal percents
);

const principalArb = fc.oneof(
  fc.integer({ min: 1, max: 1e11 }),
  fc.integer({ min: 1, max: 1_000 }), // smaller than the number of periods: installments of 0
  fc.integer({ min: 1, max: 100_000 }).map((m) => m * 1e6),
);

const termArb = fc.oneof(fc.integer({ min: 1, max: 480 }), fc.integer({ min: 1, max: 24 }));

const loanArb: fc.Arbitrary<RawLoan> = termArb.chain((termMonths) =>
  fc.record({
    principal: principalArb,
    annualRate: rateArb,
    termMonths: fc.constant(termMonths),
    graceMonths: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: termMonths - 1 })),
    method: fc.constantFrom<Method>('equal-principal', 'annuity', 'bullet'),
    dayCount: fc.constantFrom<DayCountName>('ACT/365F', '30/360'),
    startDate: startDateArb,
    rounding: fc.constantFrom<'floor' | 'none'>('floor', 'none'),
    guaranteeFeeRate: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 200_000 }).map((u) => u / 1e7),
    ),
    resets: fc.oneof(
      fc.constant<{ fromPeriod: number; annualRate: number }[]>([]),
      fc.uniqueArray(
        fc.record({ fromPeriod: fc.integer({ min: 1, max: termMonths }), annualRate: rateArb }),
        { selector: (r) => r.fromPeriod, maxLength: 5 },
      ),
    ),
  }),
);

function parse(raw: RawLoan): LoanSpec {
  // The properties hold on the unadjusted schedule; business days are tested on their own.
  const parsed = parseLoanSpec({ businessDay: 'none', ...raw });
  if (!parsed.ok) throw new Error(`generated loan did not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}

function build(raw: RawLoan): { schedule: Schedule; rows: ScheduleRow[] } {
  const spec = parse(raw);
  const schedule = buildSchedule(spec, loanSpecRates(spec));
  return { schedule, rows: scheduleRows(schedule) };
}

const isFloor = (raw: RawLoan) => raw.rounding === 'floor';

/**
 * Cheap assertions for the inner loops (jest's expect is too slow to call per row of
 * thousands of schedules); the message carries the row so a shrunk counterexample reads well.
 */
function check(ok: boolean, what: string, detail: unknown): void {
  if (!ok) throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

/** floor(balance × units × days / (basis × 1e7)) in BigInt. */
function exactFloor(balance: number, units: number, days: number, basis: number): number {
  return Number((BigInt(balance) * BigInt(units) * BigInt(days)) / (BigInt(basis) * 10_000_000n));
}

describe('schedule properties over arbitrary loans', () => {
  test('every generated loan parses and builds one row per month of the term', () => {
    fc.assert(
      fc.property(loanArb, (raw) => {
        const { schedule, rows } = build(raw);
        check(rows.length === raw.termMonths, 'rows', rows.length);
        check(schedule.dates.length === raw.termMonths + 1, 'dates', schedule.dates.length);
        check(schedule.days.length === raw.termMonths, 'days', schedule.days.length);
      }),
      { numRuns: RUNS },
    );
  });

  test('principal column sums to the principal (exactly under floor, 1e-6 relative under none)', () => {
    fc.assert(
      fc.property(loanArb, (raw) => {
        const { schedule, rows } = build(raw);
        const total = rows.reduce((s, r) => s + r.principal, 0);
        if (isFloor(raw)) {
          check(total === raw.principal, 'principal sum', { total, principal: raw.principal });
          check(
            schedule.totals.principal === raw.principal,
            'totals.principal',
            schedule.totals.principal,
          );
        } else {
          check(Math.abs(total - raw.principal) <= 1e-6 * raw.principal, 'principal sum', {
            total,
            principal: raw.principal,
          });
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('balances: opening/closing ≥ 0, closing[k] = opening[k+1], first opening = principal, last closing = 0', () => {
    fc.assert(
      fc.property(loanArb, (raw) => {
        const { rows } = build(raw);
        check(rows[0].opening === raw.principal, 'first opening', rows[0]);
        for (let k = 0; k < rows.length; k++) {
          const r = rows[k];
          check(
            r.opening >= 0 && r.closing >= 0 && r.principal >= 0,
            'negative balance or principal',
            r,
          );
          check(r.closing === r.opening - r.principal, 'closing = opening − principal', r);
          if (k + 1 < rows.length)
            check(r.closing === rows[k + 1].opening, 'closing[k] = opening[k+1]', [r, rows[k + 1]]);
        }
        check(rows[rows.length - 1].closing === 0, 'last closing', rows[rows.length - 1]);
      }),
      { numRuns: RUNS },
    );
  });

  test('interest and fee ≥ 0; whole yen under floor; payment = principal + interest', () => {
    fc.assert(
      fc.property(loanArb, (raw) => {
        const { rows } = build(raw);
        for (const r of rows) {
          check(r.interest >= 0 && r.fee >= 0, 'negative interest or fee', r);
          check(r.payment === r.principal + r.interest, 'payment = principal + interest', r);
          if (isFloor(raw)) {
            check(
              Number.isInteger(r.interest) &&
                Number.isInteger(r.fee) &&
                Number.isInteger(r.principal),
              'whole yen',
              r,
            );
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('interest and fee per row = opening × rate × days / basis (BigInt floor, or exact under none)', () => {
    fc.assert(
      fc.property(loanArb, (raw) => {
        const { schedule, rows } = build(raw);
        const basis = raw.dayCount === '30/360' ? 360 : 365;
        const feeUnits = Math.round(raw.guaranteeFeeRate * 1e7);
        for (let k = 0; k < rows.length; k++) {
          const { opening, interest, fee } = rows[k];
          const units = schedule.rates[k];
          const days = schedule.days[k];
          if (isFloor(raw)) {
            const want = exactFloor(opening, units, days, basis);
            check(interest === want, 'interest', { row: rows[k], units, days, want });
            const wantFee = exactFloor(opening, feeUnits, days, basis);
            check(fee === wantFee, 'fee', { row: rows[k], feeUnits, days, wantFee });
          } else {
            const want = (opening * (units / 1e7) * days) / basis;
            check(Math.abs(interest - want) <= 1e-9 * Math.max(1, want), 'interest (none)', {
              row: rows[k],
              want,
            });
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('dates strictly increasing, each one month after the previous, on the start day clamped to month end', () => {
    fc.assert(
      fc.property(loanArb, (raw) => {
        const { schedule } = build(raw);
        const start = fromEpochDay(schedule.dates[0]);
        check(
          `${pad(start.year, 4)}-${pad(start.month, 2)}-${pad(start.day, 2)}` === raw.startDate,
          'start date',
          start,
        );
        const anchor = start.day;
        let prevMonth = start.year * 12 + start.month - 1;
        for (let k = 1; k < schedule.dates.length; k++) {
          check(schedule.dates[k] > schedule.dates[k - 1], 'dates increase', k);
          const d = fromEpochDay(schedule.dates[k]);
          const month = d.year * 12 + d.month - 1;
          check(month === prevMonth + 1, 'one month apart', { k, d });
          check(
            d.day === Math.min(anchor, daysInMonth(d.year, d.month)),
            'day clamped to month end',
            { k, d, anchor },
          );
          prevMonth = month;
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('accrual days: actual days (ACT/365F), 30 a month on the unadjusted schedule (30/360)', () => {
    fc.assert(
      fc.property(loanArb, (raw) => {
        const { schedule } = build(raw);
        for (let k = 0; k < schedule.days.length; k++) {
          const from = schedule.dates[k];
          const to = schedule.dates[k + 1];
          let want: number;
          if (raw.dayCount === 'ACT/365F') {
            want = to - from;
          } else {
            want = 30;
          }
          check(schedule.days[k] === want, 'accrual days', { k, got: schedule.days[k], want });
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('grace rows (and every bullet row but the last) have zero principal', () => {
    fc.assert(
      fc.property(loanArb, (raw) => {
        const { rows } = build(raw);
        const last = rows.length - 1;
        for (let k = 0; k < last; k++) {
          if (k < raw.graceMonths || raw.method === 'bullet')
            check(rows[k].principal === 0, 'zero principal', rows[k]);
        }
        if (raw.method === 'bullet')
          check(rows[last].principal === raw.principal, 'bullet repays all at the end', rows[last]);
      }),
      { numRuns: RUNS },
    );
  });

  test('equal principal: floor(principal / (term − grace)) each amortizing month, the last takes the rest', () => {
    fc.assert(
      fc.property(loanArb, (base) => {
        const raw: RawLoan = { ...base, method: 'equal-principal', rounding: 'floor' };
        const { rows } = build(raw);
        const installment = Math.floor(raw.principal / (raw.termMonths - raw.graceMonths));
        const last = rows.length - 1;
        for (let k = raw.graceMonths; k < last; k++)
          check(rows[k].principal === installment, 'installment', { installment, row: rows[k] });
        const paidBefore = installment * (last - raw.graceMonths);
        check(rows[last].principal === raw.principal - paidBefore, 'last installment', rows[last]);
      }),
      { numRuns: RUNS },
    );
  });

  test('annuity: within a stretch of one rate, unclamped payments are level', () => {
    fc.assert(
      fc.property(loanArb, (base) => {
        const raw: RawLoan = { ...base, method: 'annuity' };
        const { schedule, rows } = build(raw);
        const last = rows.length - 1;
        let level: number | undefined;
        for (let k = raw.graceMonths; k < last; k++) {
          if (k > raw.graceMonths && schedule.rates[k] !== schedule.rates[k - 1]) level = undefined;
          const r = rows[k];
          if (r.principal === 0 || r.principal === r.opening) continue; // clamped rows
          if (level === undefined) level = r.payment;
          else if (isFloor(raw)) check(r.payment === level, 'level payment', { level, row: r });
          else
            check(Math.abs(r.payment - level) <= 1e-6 * Math.max(1, level), 'level payment', {
              level,
              row: r,
            });
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('a reset leaves every row before it unchanged', () => {
    fc.assert(
      fc.property(
        loanArb.filter((raw) => raw.resets.length > 0),
        (raw) => {
          const { rows } = build(raw);
          const { rows: flat } = build({ ...raw, resets: [] });
          const firstReset = Math.min(...raw.resets.map((r) => r.fromPeriod));
          expect(rows.slice(0, firstReset - 1)).toEqual(flat.slice(0, firstReset - 1));
        },
      ),
      { numRuns: RUNS },
    );
  });

  // The monotonicity holds for equal principal, bullet and unrounded annuities. It does NOT hold
  // for annuities with yen rounding (see the failing test below), so those are left out here.
  test('a higher flat rate never gives lower total interest (same loan; all but annuity + floor)', () => {
    fc.assert(
      fc.property(loanArb, rateArb, rateArb, (base, r1, r2) => {
        fc.pre(r1 !== r2 && !(base.method === 'annuity' && isFloor(base)));
        const [lo, hi] = r1 < r2 ? [r1, r2] : [r2, r1];
        const low = build({ ...base, annualRate: lo, resets: [] }).schedule.totals.interest;
        const high = build({ ...base, annualRate: hi, resets: [] }).schedule.totals.interest;
        const slack = isFloor(base) ? 0 : 1e-9 * Math.max(1, low);
        check(high >= low - slack, 'total interest falls as the rate rises', { lo, hi, low, high });
      }),
      { numRuns: RUNS },
    );
  });

  /**
   * Known and accepted: with yen rounding, annuity interest is monotone in the rate only up to
   * the installment's whole-yen step. 10,000,000 yen, 36 months, ACT/365F, from 2025-04-01:
   *   at 5.00000 %: PMT = 299,708.97… → installment 299,708; total interest 790,310
   *   at 5.00001 %: PMT = 299,709.02… → installment 299,709; total interest 790,306
   * The early interest rows are the same yen at both rates (41,095, 41,367, 38,971, …: the extra
   * 0.00001 % is under a yen), so the 1-yen-larger installment repays 1 yen more principal each
   * month. Banks' own schedules behave the same way; shocks of whole basis points on the loans
   * users model are checked in rate-rules.test.ts.
   */
  test('annuity + floor: a 1-yen larger installment can save a few yen of interest (documented)', () => {
    const loan: RawLoan = {
      principal: 10_000_000,
      annualRate: 0.05,
      termMonths: 36,
      graceMonths: 0,
      method: 'annuity',
      dayCount: 'ACT/365F',
      startDate: '2025-04-01',
      rounding: 'floor',
      guaranteeFeeRate: 0,
      resets: [],
    };
    const low = build({ ...loan, annualRate: 0.05 }).schedule;
    const high = build({ ...loan, annualRate: 0.0500001 }).schedule;
    expect(low.flows.principal[0] + low.flows.interest[0]).toBe(299_708);
    expect(high.flows.principal[0] + high.flows.interest[0]).toBe(299_709);
    expect(Array.from(high.flows.interest.slice(0, 3))).toEqual([41_095, 41_367, 38_971]);
    expect(low.totals.interest).toBe(790_310);
    expect(high.totals.interest).toBe(790_306);
  });
});
