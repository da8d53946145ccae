/** Properties of the council plan's pool over arbitrary lenders, budgets and shocks (fast-check). */
import fc from 'fast-check';
import { allocateBudget, poolShares } from '../../../engine';
import { poolCaseJson, runCase } from './fixtures';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('allocation properties', () => {
  const lenders = fc.array(
    fc.record({
      weight: fc.integer({ min: 0, max: 5e9 }),
      owed: fc.integer({ min: 0, max: 5e9 }),
    }),
    { minLength: 1, maxLength: 6 },
  );
  test('the year’s repayments sum to the budget or to what is owed; nobody beyond its balance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), lenders, (budget, ls) => {
        const pay = allocateBudget(
          budget,
          ls.map((l) => l.weight),
          ls.map((l) => l.owed),
        );
        const owed = sum(ls.map((l) => l.owed));
        expect(sum(pay)).toBe(Math.min(budget, owed));
        pay.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(ls[i].owed);
        });
      }),
    );
  });

  test('shares sum to 1 on both bases', () => {
    const coverage = fc.array(
      fc
        .record({
          poolBalance: fc.integer({ min: 1, max: 1e10 }),
          s: fc.double({ min: 0, max: 1.2, noNaN: true }),
        })
        .map(({ poolBalance, s }) => ({
          lender: 'x',
          poolBalance,
          collateral: 0,
          guarantee: 0,
          secured: Math.min(poolBalance, Math.floor(poolBalance * s)),
        })),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(
        coverage,
        fc.constantFrom('balance' as const, 'unsecured' as const),
        (cov, basis) => {
          const s = poolShares(cov, basis);
          expect(sum(s.shares)).toBeCloseTo(1, 12);
          s.shares.forEach((w) => expect(w).toBeGreaterThanOrEqual(0));
        },
      ),
    );
  });
});

describe('the pool under shocks', () => {
  // Floating pool loans at two or three lenders, cash that never caps the budget.
  const caseArb = fc.record({
    balances: fc.array(fc.integer({ min: 5, max: 300 }), { minLength: 2, maxLength: 3 }),
    profit: fc.integer({ min: 2, max: 60 }),
    years: fc.integer({ min: 2, max: 6 }),
    basis: fc.constantFrom('balance', 'unsecured'),
    fcfShare: fc.integer({ min: 10, max: 100 }),
  });
  const build = (a: {
    balances: number[];
    profit: number;
    years: number;
    basis: string;
    fcfShare: number;
  }) => {
    const json = poolCaseJson();
    const lenders = a.balances.map((_, i) => `L${i}`);
    return {
      ...json,
      base: { ...json.base, cash: 9e11, netIncome: a.profit * 1e6 },
      plan: Array.from({ length: a.years }, () => ({
        revenue: 120_000_000,
        operatingProfit: a.profit * 1e6,
        depreciation: 2_000_000,
        capex: 1_000_000,
      })),
      loans: a.balances.map((b, i) => ({
        ...json.loans[1],
        id: `F${i}`,
        lender: lenders[i],
        principal: b * 1_000_000,
      })),
      collateral: [
        {
          id: 'land',
          kind: 'real-estate',
          value: 100_000_000,
          haircut: 0.7,
          liens: [{ lender: 'L0', rank: 1 }],
        },
      ],
      shocks: ['0.25%', '0.5%', '1%', '2%'],
      strategies: [
        {
          id: 'plan',
          actions: [
            {
              kind: 'pro-rata-plan',
              select: { lenders },
              basis: a.basis,
              fcfShare: a.fcfShare / 100,
              minCashMonths: 1,
            },
          ],
        },
      ],
    };
  };

  test('balances never negative; each year pays min(budget, owed)', () => {
    fc.assert(
      fc.property(caseArb, (a) => {
        const { cells } = runCase(build(a));
        for (const cell of cells.filter((c) => c.plan)) {
          const plan = cell.plan!;
          plan.budget.forEach((b, t) => {
            const paid = sum(plan.lenders.map((l) => l.years[t].repayment));
            const owed = sum(
              plan.lenders.map((l) => (t === 0 ? l.baseBalance : l.years[t - 1].closing)),
            );
            expect(paid).toBe(Math.min(b.budget, owed));
          });
          for (const l of plan.lenders)
            for (const y of l.years) expect(y.closing).toBeGreaterThanOrEqual(0);
          for (const l of cell.pool!.lenders)
            for (const loan of l.loans)
              for (const y of loan.years) expect(y.closing).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 20 },
    );
  });

  test('higher shocks never raise a floating pool’s repayments', () => {
    fc.assert(
      fc.property(caseArb, (a) => {
        const { cells } = runCase(build(a));
        const plans = cells.filter((c) => c.plan).map((c) => c.plan!);
        for (let s = 1; s < plans.length; s++) {
          const [lower, higher] = [plans[s - 1], plans[s]];
          let paidLower = 0;
          let paidHigher = 0;
          higher.budget.forEach((b, t) => {
            expect(b.budget).toBeLessThanOrEqual(lower.budget[t].budget);
            paidLower += sum(lower.lenders.map((l) => l.years[t].repayment));
            paidHigher += sum(higher.lenders.map((l) => l.years[t].repayment));
            // Cumulative repayments of the pool: never more under the higher shock.
            expect(paidHigher).toBeLessThanOrEqual(paidLower);
          });
        }
      }),
      { numRuns: 20 },
    );
  });
});
