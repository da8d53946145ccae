import {
  Case,
  allocateLoanFlows,
  allocatePathDraw,
  allocatePathScratch,
  applyStrategy,
  drawPath,
  loanConventions,
  pathLoanFlows,
  prepareMonteCarlo,
  projectCase,
  projectPath,
  projectedYears,
  toEpochDay,
} from '../../../engine';
import { fragileCase, mcOptions, referencePath, testPrograms } from './mc-fixtures';

/**
 * Monte Carlo paths run the same kernel as the grid (engine/schedule/amortize via
 * kernelTerms): a 期間短縮 prepayment on the fragile case's TIBOR annuity F2 (40,000,000,
 * 120 months, 12 months' grace, reset every 3 months) gives on every path the years
 * projectCase gives under that path as a shock, and the loan ends at the month the 期間短縮
 * rule gives on that path, whatever its later resets.
 */
describe('a shortened annuity on Monte Carlo paths', () => {
  const fragile = fragileCase();
  const c: Case = {
    ...fragile,
    strategies: [
      {
        id: 'prepay',
        name: '繰上返済',
        actions: [
          {
            kind: 'prepay',
            select: { loanIds: ['F2'] },
            amount: 10_000_000,
            date: toEpochDay(2028, 9, 15),
            effect: 'shorten-term',
          },
        ],
      },
    ],
  };
  const options = mcOptions({
    paths: 12,
    seed: 5,
    model: {
      initialRate: 0.0075,
      longRunMean: 0.02,
      meanReversion: 0.15,
      volatility: 0.012,
      drift: null,
    },
  });

  test('projected years and F2’s flows equal the grid on each path; F2 ends where the rule says', () => {
    const prepared = prepareMonteCarlo(c, testPrograms, options);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
    const { plan } = prepared;
    const { book, errors } = applyStrategy(
      c.stack.loans,
      c.strategies[0],
      c.asOf,
      (id) => testPrograms.pricing(id, c.profile.jfcUnit),
      'strategies[0]',
      loanConventions(c),
      c.stack.indexes,
    );
    expect(errors).toEqual([]);
    const f2 = plan.loans.loans.findIndex(
      (v) => v.principal === 40_000_000 && v.terms.method === 1,
    );
    expect(f2).toBeGreaterThanOrEqual(0);
    const draw = allocatePathDraw(plan);
    const flows = allocateLoanFlows(plan.loans, plan.fiscalYears.length);
    const rates = new Float64Array(plan.loans.maxPeriods);
    const ends = new Set<number>();
    const instalments = new Set<number>();
    for (let i = 0; i < 12; i++) {
      drawPath(plan, i, draw);
      plan.loans.loans.forEach((v, u) => pathLoanFlows(v, draw.deltas, rates, flows[u]));
      const { shocked, scenario } = referencePath(c, plan, draw, options);
      const s = plan.strategies[0];
      const scratch = allocatePathScratch(s.prepared);
      projectPath(
        s.prepared,
        flows,
        draw.factors,
        options.revenue.contributionMargin,
        scratch,
        draw.deltas,
      );
      const grid = projectCase(shocked, book, scenario, testPrograms.capitalRate);
      expect(projectedYears(s.prepared, scratch.years)).toEqual(grid.years);
      // F2's flows on the path are the grid's schedule under that path, period by period.
      const sched = grid.seniorSchedules.find((x) => x.terms.method === 'annuity')!;
      const { principal, interest } = flows[f2].flows;
      expect(Array.from(principal)).toEqual(Array.from(sched.flows.principal));
      // The stated rule on this path: after payment k (its prepayment), B left and the kept
      // instalment A at r = annual / 12 need n = ceil(−ln(1 − B·r/A) / ln(1 + r)) payments.
      const k = sched.terms.prepayment!.period - 1;
      const left = sched.flows.opening[k] - principal[k];
      const kept = principal[k] - 10_000_000 + interest[k];
      const r = sched.rates[k] / 12e7;
      const n = Math.ceil(-Math.log(1 - (left * r) / kept) / Math.log(1 + r));
      let last = principal.length - 1;
      while (last > 0 && principal[last] === 0) last--;
      expect(last).toBe(k + n);
      ends.add(last);
      instalments.add(principal[60] + interest[60]);
    }
    // The paths differ (in their instalments, and so where they end), each ending early.
    expect(instalments.size).toBeGreaterThan(1);
    expect(Math.max(...ends)).toBeLessThan(119);
  });
});
