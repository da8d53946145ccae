import {
  MonteCarloPlan,
  allocatePathDraw,
  drawPath,
  fillLoanRates,
  fillPathRates,
  loanRateLayout,
  monthlyPaymentSchedule,
  pathShock,
  prepareMonteCarlo,
} from '../../../engine';
import { bookOf, fragileCase, mcOptions, testPrograms } from './mc-fixtures';

/**
 * The fast path-rate filler against the engine's own rate rules under the path as a shock:
 * every loan of every strategy, on random paths, to the rate unit.
 */
describe('rates on a simulated path', () => {
  const c = fragileCase();
  const options = mcOptions({
    model: {
      initialRate: 0.0075,
      longRunMean: 0.02,
      meanReversion: 0.2,
      volatility: 0.012,
      drift: null,
    },
  });
  const prepared = prepareMonteCarlo(c, testPrograms, options);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
  const plan: MonteCarloPlan = prepared.plan;
  const draw = allocatePathDraw(plan);
  const scenario = (i: number) => {
    drawPath(plan, i, draw);
    return {
      indexes: c.stack.indexes,
      shock: pathShock(plan.grid, draw.rates),
      mode: 'realistic' as const,
      asOf: c.asOf,
    };
  };

  const loans = c.strategies.flatMap((_, s) => bookOf(c, s).senior);

  test('each loan gets exactly the rates fillLoanRates gives under pathShock (20 paths)', () => {
    let moved = 0;
    for (let i = 0; i < 20; i++) {
      const sc = scenario(i);
      for (const loan of loans) {
        const n = loan.terms.termMonths;
        const { dates } = monthlyPaymentSchedule(loan.terms.startDate, n, loan.terms.dayCount);
        const expected = new Float64Array(n);
        fillLoanRates(loan.rate, dates, n, sc, expected);
        const layout = loanRateLayout(loan.rate, dates, n, c.stack.indexes, plan.grid);
        if (layout === null) {
          // No path can move it: the rates are those of no shock at all.
          const unshocked = new Float64Array(n);
          fillLoanRates(loan.rate, dates, n, { ...sc, shock: null }, unshocked);
          expect(expected).toEqual(unshocked);
        } else {
          const actual = new Float64Array(n);
          fillPathRates(layout, draw.deltas, n, actual);
          expect(actual).toEqual(expected);
          moved++;
        }
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  test('which loans a path can move: floating ones, and JFC loans drawn after today', () => {
    const kind = (id: string) => {
      const loan = c.stack.loans.find((l) => l.id === id)!;
      const n = loan.terms.termMonths;
      const { dates } = monthlyPaymentSchedule(loan.terms.startDate, n, loan.terms.dayCount);
      return loanRateLayout(loan.rate, dates, n, c.stack.indexes, plan.grid)?.kind ?? null;
    };
    expect(['A', 'F1', 'F2', 'F3', 'D1', 'D2'].map(kind)).toEqual([
      null, // fixed
      'floating',
      'floating',
      'floating',
      'at-drawdown', // drawn 8 months after the analysis date
      null, // drawn before it
    ]);
    // The refinancing is drawn today (step 0): priced at today's rate on every path.
    const refinanced = bookOf(c, 1).senior.find((l) => l.rate.type === 'priced-at-drawdown')!;
    const { dates } = monthlyPaymentSchedule(refinanced.terms.startDate, 180, 'ACT/365F');
    expect(loanRateLayout(refinanced.rate, dates, 180, c.stack.indexes, plan.grid)).toBeNull();
  });

  test('a floating loan on 短プラ refixes at its resets to base + spread + the change on that date', () => {
    drawPath(plan, 3, draw);
    const loan = c.stack.loans.find((l) => l.id === 'F1')!;
    const { dates } = monthlyPaymentSchedule(loan.terms.startDate, 84, 'ACT/365F');
    const layout = loanRateLayout(loan.rate, dates, 84, c.stack.indexes, plan.grid)!;
    const rates = new Float64Array(84);
    fillPathRates(layout, draw.deltas, 84, rates);
    // Period 1 accrues from Apr 1: before the Apr 20 reset, index 2.125 % + 1 % = 3.125 %.
    expect(rates[0]).toBe(312_500);
    // Period 2 accrues from May 1, after the Apr 20 reset (step 0: Apr 20 < May 1, the first
    // step's date): the base again. Period 8 (from Nov 1) follows the Oct 20 reset, which reads
    // step 6 (Oct 1 ≤ Oct 20 < Nov 1): 3.125 % + Δ₆.
    expect(rates[1]).toBe(312_500);
    expect(rates[7]).toBe(Math.round((0.02125 + 0.01 + draw.deltas[6]) * 1e7));
  });
});
