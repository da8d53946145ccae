import fc from 'fast-check';
import {
  IndexPaths,
  RateRule,
  RateScenario,
  Shock,
  StackLoan,
  buildSchedule,
  irrbbShockAt,
  loanRates,
  shockAt,
  toEpochDay,
} from '../../engine';

const asOf = toEpochDay(2026, 12, 1);
const indexes: IndexPaths = {
  'short-prime': { rate: 0.02125, steps: [] },
  tibor: { rate: 0.01, steps: [] },
  'jfc-base': { rate: 0.023, steps: [] },
};
const scenario = (shock: Shock | null, mode: RateScenario['mode'] = 'realistic'): RateScenario => ({
  indexes,
  shock,
  mode,
  asOf,
});
const parallel = (size: number): Shock => ({ kind: 'parallel', size });

function loan(rate: RateRule, overrides: Partial<StackLoan['terms']> = {}): StackLoan {
  return {
    id: 'L1',
    name: '',
    lender: '',
    rate,
    terms: {
      principal: 100_000_000,
      termMonths: 24,
      graceMonths: 0,
      method: 'equal-principal',
      dayCount: 'ACT/365F',
      startDate: asOf,
      rounding: 'floor',
      guaranteeFeeRate: 0,
      ...overrides,
    },
  };
}

describe('shocks', () => {
  test('a parallel shock starts on its date', () => {
    const shock: Shock = { kind: 'parallel', size: 0.005, from: toEpochDay(2027, 4, 1) };
    expect(shockAt(shock, toEpochDay(2027, 3, 31), 0, asOf)).toBe(0);
    expect(shockAt(shock, toEpochDay(2027, 4, 1), 0, asOf)).toBe(0.005);
  });

  test('a ramp adds a step every N months, the first at its start, up to the cap', () => {
    const ramp: Shock = { kind: 'ramp', step: 0.0025, everyMonths: 6, cap: 0.0075 };
    expect(shockAt(ramp, asOf - 1, 0, asOf)).toBe(0);
    expect(shockAt(ramp, asOf, 0, asOf)).toBe(0.0025);
    expect(shockAt(ramp, toEpochDay(2027, 5, 31), 0, asOf)).toBe(0.0025);
    expect(shockAt(ramp, toEpochDay(2027, 6, 1), 0, asOf)).toBe(0.005);
    expect(shockAt(ramp, toEpochDay(2027, 12, 1), 0, asOf)).toBe(0.0075);
    expect(shockAt(ramp, toEpochDay(2035, 1, 1), 0, asOf)).toBe(0.0075);
  });

  test('Basel IRRBB shapes by tenor (yen: 100 bp, decay 4 years)', () => {
    // short(t) = 1 % × e^(−t/4); long(t) = 1 % × (1 − e^(−t/4)).
    expect(irrbbShockAt('short-up', 0)).toBeCloseTo(0.01, 12);
    expect(irrbbShockAt('short-up', 4)).toBeCloseTo(0.01 * Math.exp(-1), 12);
    // Steepener at 20 years: −0.65 × 0.0000674 + 0.9 × 0.0099326 = 0.0088955.
    expect(irrbbShockAt('steepener', 20)).toBeCloseTo(0.0088955, 6);
    // At the short end the steepener lowers rates by 65 bp and the flattener raises them by 80 bp.
    expect(irrbbShockAt('steepener', 0)).toBeCloseTo(-0.0065, 12);
    expect(irrbbShockAt('flattener', 0)).toBeCloseTo(0.008, 12);
    expect(irrbbShockAt('parallel-down', 7)).toBe(-0.01);
  });

  test('a steepener raises a new 20-year JFC loan and lowers a prime-linked loan', () => {
    const steepener: Shock = { kind: 'irrbb', shape: 'steepener' };
    const jfc = loanRates(
      loan({ type: 'fixed-at-drawdown', index: 'jfc-base', spread: 0 }, { termMonths: 240 }),
      scenario(steepener),
    );
    // 2.30 % + 0.88955 % = 3.18955 % → 318,955 units of 1e-7... rounded to 1e-7.
    expect(jfc[0]).toBe(Math.round((0.023 + irrbbShockAt('steepener', 20)) * 1e7));
    const prime = loanRates(
      loan({
        type: 'floating',
        index: 'short-prime',
        spread: 0.005,
        resetEveryMonths: 6,
        nextResetDate: toEpochDay(2027, 1, 1),
      }),
      scenario(steepener),
    );
    expect(prime[0]).toBe(262_500); // before the reset: 2.125 % + 0.5 %
    expect(prime[1]).toBe(197_500); // from the reset: 2.625 % − 0.65 %
  });
});

describe('rate rules', () => {
  const floating: RateRule = {
    type: 'floating',
    index: 'short-prime',
    spread: 0.005,
    resetEveryMonths: 6,
    nextResetDate: toEpochDay(2027, 1, 1),
    currentRate: 0.026,
  };

  test('a floating loan meets the shock at its reset dates only', () => {
    const rates = loanRates(loan(floating), scenario(parallel(0.01)));
    // Period k+1 accrues from Dec 1 + k months; resets on Jan 1 and Jul 1 apply to periods starting on or after them.
    expect(rates[0]).toBe(260_000); // Dec 1 → Jan 1: the current 2.6 %
    expect(rates[1]).toBe(362_500); // Jan 1 → Feb 1: 2.125 % + 1 % + 0.5 %
    expect(Array.from(rates.slice(1))).toEqual(new Array(23).fill(362_500));
  });

  test('the base path moves the index at its step dates', () => {
    const stepped: IndexPaths = {
      ...indexes,
      'short-prime': { rate: 0.02125, steps: [{ from: toEpochDay(2027, 6, 15), rate: 0.02375 }] },
    };
    const rates = loanRates(loan(floating), { ...scenario(null), indexes: stepped });
    expect(rates[6]).toBe(262_500); // reset Jul 1 sees 2.375 %: Jul 1 → Aug 1 is period 8 (index 7)
    expect(rates[7]).toBe(287_500);
  });

  test('fixed loans ignore shocks in realistic mode and reprice at once in full-reprice mode', () => {
    const fixed = loan({ type: 'fixed', annualRate: 0.015 });
    expect(Array.from(loanRates(fixed, scenario(parallel(0.02))))).toEqual(
      new Array(24).fill(150_000),
    );
    expect(Array.from(loanRates(fixed, scenario(parallel(0.0025), 'full-reprice')))).toEqual(
      new Array(24).fill(175_000),
    );
  });

  test('JFC fixed-at-drawdown: a loan drawn before the shock keeps its rate, a new one prices the shock', () => {
    const rule: RateRule = { type: 'fixed-at-drawdown', index: 'jfc-base', spread: -0.003 };
    const shock: Shock = { kind: 'parallel', size: 0.005, from: toEpochDay(2027, 1, 1) };
    expect(loanRates(loan(rule), scenario(shock))[23]).toBe(200_000);
    expect(loanRates(loan(rule, { startDate: toEpochDay(2027, 2, 1) }), scenario(shock))[0]).toBe(
      250_000,
    );
  });

  test('loan rates never go below zero', () => {
    const rates = loanRates(
      loan({ ...floating, spread: 0 } as RateRule),
      scenario(parallel(-0.05)),
    );
    expect(rates[1]).toBe(0);
  });

  test('full reprice: a fixed 1億円 bullet pays the shock on its whole balance', () => {
    const bullet = loan({ type: 'fixed', annualRate: 0.01 }, { method: 'bullet', termMonths: 12 });
    const base = buildSchedule(bullet.terms, loanRates(bullet, scenario(null)));
    const shocked = buildSchedule(
      bullet.terms,
      loanRates(bullet, scenario(parallel(0.0025), 'full-reprice')),
    );
    // Dec 2026 → Dec 2027 is 365 days: 1e8 × 0.0025 = 250,000 yen a year, ± 1 yen per month of flooring.
    expect(shocked.totals.interest - base.totals.interest).toBeGreaterThanOrEqual(250_000 - 12);
    expect(shocked.totals.interest - base.totals.interest).toBeLessThanOrEqual(250_000 + 12);
  });
});

describe('properties under shocks', () => {
  const terms = fc.record({
    principal: fc.integer({ min: 100_000, max: 10_000_000_000 }),
    termMonths: fc.integer({ min: 2, max: 240 }),
    method: fc.constantFrom('equal-principal' as const, 'annuity' as const, 'bullet' as const),
    dayCount: fc.constantFrom('ACT/365F' as const, '30/360' as const),
    rounding: fc.constantFrom('floor' as const, 'none' as const),
    startOffset: fc.integer({ min: -40, max: 400 }),
  });
  const floatingRule = fc.record({
    type: fc.constant('floating' as const),
    index: fc.constantFrom('short-prime' as const, 'tibor' as const, 'jfc-base' as const),
    spread: fc.integer({ min: 0, max: 300 }).map((bp) => bp / 10_000),
    resetEveryMonths: fc.constantFrom(1, 3, 6, 12, 60),
    nextResetDate: fc.integer({ min: 0, max: 400 }).map((d) => asOf + d),
  });
  type Terms = typeof terms extends fc.Arbitrary<infer T> ? T : never;
  const toLoan = (t: Terms, rule: RateRule) =>
    loan(rule, {
      principal: t.principal,
      termMonths: t.termMonths,
      method: t.method,
      dayCount: t.dayCount,
      rounding: t.rounding,
      startDate: asOf + t.startOffset,
    });

  // Period by period for equal principal and bullet (the balances are the same); in total for
  // annuities, whose yen-floored installments shift principal between months.
  test("a higher shock never lowers a floating loan's interest", () => {
    fc.assert(
      fc.property(
        terms,
        floatingRule,
        fc.integer({ min: -100, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (t, rule, lowBp, extraBp) => {
          const l = toLoan(t, rule);
          const low = buildSchedule(l.terms, loanRates(l, scenario(parallel(lowBp / 10_000))));
          const high = buildSchedule(
            l.terms,
            loanRates(l, scenario(parallel((lowBp + extraBp) / 10_000))),
          );
          for (let k = 0; k < t.termMonths && t.method !== 'annuity'; k++) {
            if (high.flows.interest[k] < low.flows.interest[k]) return false;
          }
          return high.totals.interest >= low.totals.interest;
        },
      ),
      { numRuns: 300 },
    );
  });

  test('fixed loans ignore shocks in realistic mode', () => {
    fc.assert(
      fc.property(
        terms,
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: -200, max: 300 }),
        (t, rateBp, shockBp) => {
          const l = toLoan(t, { type: 'fixed', annualRate: rateBp / 10_000 });
          const base = buildSchedule(l.terms, loanRates(l, scenario(null)));
          const shocked = buildSchedule(
            l.terms,
            loanRates(l, scenario(parallel(shockBp / 10_000))),
          );
          return Array.from(base.flows.interest).every((x, k) => x === shocked.flows.interest[k]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
