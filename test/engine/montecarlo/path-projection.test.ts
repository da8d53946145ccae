import { toEpochDay } from '../../../engine/time/civil-date';
import {
  Case,
  CATALOG_PROGRAMS,
  ProgramSource,
  allocatePathDraw,
  allocateLoanFlows,
  allocatePathScratch,
  drawPath,
  evaluatePathChecks,
  pathLoanFlows,
  planChecks,
  prepareMonteCarlo,
  projectCase,
  projectPath,
  projectedYears,
  yearMeasures,
} from '../../../engine';
import {
  WORKSHOP_CASES,
  bookOf,
  fragileCase,
  mcOptions,
  testPrograms,
  referencePath,
  workshopCase,
} from './mc-fixtures';

/**
 * The typed-array path projection and check rules against the engine's own projectCase,
 * yearMeasures and planChecks, replaying each path as a `path` shock on a revenue-shocked
 * plan: every field of every year, every check's first breach, every DSCR — exactly.
 */
function compareOnPaths(
  c: Case,
  programs: ProgramSource,
  paths: number,
  revenue = mcOptions().revenue,
) {
  const options = mcOptions({
    paths,
    seed: 9,
    model: {
      initialRate: 0.0075,
      longRunMean: 0.02,
      meanReversion: 0.15,
      volatility: 0.012,
      drift: null,
    },
    revenue,
  });
  const prepared = prepareMonteCarlo(c, programs, options);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
  const { plan } = prepared;
  const draw = allocatePathDraw(plan);
  const horizon = plan.fiscalYears.length;
  const flows = allocateLoanFlows(plan.loans, horizon);
  const rates = new Float64Array(plan.loans.maxPeriods);
  const outcomes = new Map<string, Set<boolean>>();
  // Per strategy, each path's 解約清算金 (plan year 1).
  const breakCosts: number[][] = c.strategies.map(() => []);
  for (let i = 0; i < paths; i++) {
    drawPath(plan, i, draw);
    plan.loans.loans.forEach((v, u) => pathLoanFlows(v, draw.deltas, rates, flows[u]));
    const { shocked, scenario } = referencePath(c, plan, draw, options);
    plan.strategies.forEach((s, k) => {
      const scratch = allocatePathScratch(s.prepared);
      projectPath(
        s.prepared,
        flows,
        draw.factors,
        options.revenue.contributionMargin,
        scratch,
        draw.deltas,
      );
      const expected = projectCase(
        shocked,
        bookOf(c, k, programs),
        scenario,
        programs.capitalRate,
      ).years;
      expect(projectedYears(s.prepared, scratch.years)).toEqual(expected);
      breakCosts[k].push(expected[0].swapBreakCost);

      const measures = yearMeasures(shocked, expected);
      const checks = planChecks(expected, measures, c.thresholds);
      const fast = new Int16Array(checks.length);
      const slow = new Int16Array(checks.length);
      const dscr = new Float64Array(horizon);
      evaluatePathChecks(s.prepared, s.checks, scratch.years, dscr, fast, 0, 1);
      evaluatePathChecks(
        s.prepared,
        s.checks,
        scratch.years,
        new Float64Array(horizon),
        slow,
        0,
        1,
        new Set(),
      );
      const firstBreach = checks.map((ch) =>
        ch.firstBreachYear === null ? -1 : ch.firstBreachYear - plan.fiscalYears[0],
      );
      expect(Array.from(fast)).toEqual(firstBreach);
      expect(Array.from(slow)).toEqual(firstBreach);
      expect(Array.from(dscr)).toEqual(
        measures.map((m) => (m.dscr.value === null ? Infinity : m.dscr.value)),
      );
      checks.forEach((ch) => {
        const seen = outcomes.get(ch.id) ?? new Set<boolean>();
        seen.add(ch.pass);
        outcomes.set(ch.id, seen);
      });
    });
  }
  return Object.assign(outcomes, { breakCosts });
}

describe('a path projected on typed arrays equals projectCase under the path as a shock', () => {
  test('the fragile case: five strategies, every loan kind, every covenant, revenue shocks (40 paths)', () => {
    const outcomes = compareOnPaths(fragileCase(), testPrograms, 40, {
      volatility: 0.25,
      correlation: -0.5,
      contributionMargin: 0.4,
    });
    // The comparison means something: each of these checks passed on some paths and failed on others.
    for (const id of [
      'dscr',
      'profit-within',
      'cash-floor',
      'no-consecutive-loss',
      'net-assets-floor',
      'icr',
    ])
      expect([id, outcomes.get(id)]).toEqual([id, new Set([true, false])]);
    expect([...outcomes.keys()]).toEqual([
      'dscr',
      'debt-years-at-end',
      'profit-within',
      'solvency-within',
      'cash-floor',
      'rebirth-phase',
      'no-consecutive-loss',
      'net-assets-floor',
      'no-insolvency',
      'icr',
    ]);
  });

  test.each(WORKSHOP_CASES)(
    '%s with the catalog programs (15 paths, revenue at the plan margin)',
    (file) => {
      compareOnPaths(workshopCase(file), CATALOG_PROGRAMS, 15, {
        volatility: 0.1,
        correlation: 0.3,
        contributionMargin: null,
      });
    },
  );

  test('defaults.guaranteeFeeExpense "spread": a lump-sum 保証料 spread the same way (10 paths)', () => {
    const f = fragileCase();
    const a = f.stack.loans[0];
    // A fixed 36-month bullet drawn 2027-10-01 with a 288,000 lump sum (9,600,000 × 1 % × 3).
    const g = {
      ...a,
      id: 'G',
      rate: { type: 'fixed' as const, annualRate: 0.01 },
      terms: {
        ...a.terms,
        principal: 9_600_000,
        termMonths: 36,
        graceMonths: 0,
        method: 'bullet' as const,
        startDate: toEpochDay(2027, 10, 1),
        guaranteeFeeRate: 0.01,
        guaranteeFeePayment: 'lump-sum' as const,
      },
    };
    const c: Case = {
      ...f,
      stack: { ...f.stack, loans: [...f.stack.loans, g] },
      guaranteeFeeExpense: 'spread',
    };
    const prepared = prepareMonteCarlo(c, testPrograms, mcOptions({ paths: 1 }));
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
    // Status quo: −288,000 paid + 48,000 expensed in year 1, 96,000 in years 2 and 3, ….
    expect(Array.from(prepared.plan.strategies[0].prepared.feeExpenseShift).slice(0, 3)).toEqual([
      -240_000, 96_000, 96_000,
    ]);
    compareOnPaths(c, testPrograms, 10);
  });

  test('swaps a refinancing ends: each path values the 解約清算金 on its own curve (12 paths)', () => {
    const f = fragileCase();
    // F1 (短プラ, equal principal) with a 30,000,000 yen swap, F2 (TIBOR annuity, grace) with a
    // `loan` swap; the "refinance" strategy repays both on the analysis date.
    const swaps: Record<string, Case['stack']['loans'][0]['swap']> = {
      F1: { fixedRate: 0.0275, endDate: toEpochDay(2030, 4, 1), notional: 30_000_000 },
      F2: { fixedRate: 0.0105, endDate: toEpochDay(2031, 4, 1), notional: 'loan' },
    };
    const c: Case = {
      ...f,
      stack: {
        ...f.stack,
        loans: f.stack.loans.map((l) => (swaps[l.id] ? { ...l, swap: swaps[l.id] } : l)),
      },
    };
    const { breakCosts } = compareOnPaths(c, testPrograms, 12);
    // Status quo ends no swap; the refinancing's break cost moves with the path, both signs.
    expect(new Set(breakCosts[0])).toEqual(new Set([0]));
    const refinance = breakCosts[1];
    expect(refinance.some((x) => x > 0) && refinance.some((x) => x < 0)).toBe(true);
    expect(new Set(refinance).size).toBe(12);
  });
  test('a seasonal monthlyProfile: each path walks the 資金繰り表 flows on its shocked revenue (12 paths)', () => {
    const f = fragileCase();
    const c: Case = {
      ...f,
      // Sales weighted to the second half, collected 2 months later, costs paid 1 month later.
      monthlyProfile: {
        seasonality: [0.4, 0.5, 0.6, 0.8, 1, 1, 1.2, 1.3, 1.4, 1.5, 1.3, 1.0],
        collectionMonths: 2,
        paymentMonths: 1,
      },
    };
    // The profile matters: the deterministic lowest cash moves away from the even spread.
    const scenario = {
      indexes: c.stack.indexes,
      shock: null,
      mode: 'realistic' as const,
      asOf: c.asOf,
    };
    const seasonal = projectCase(c, bookOf(c, 0), scenario, testPrograms.capitalRate);
    const flat = projectCase(f, bookOf(f, 0), scenario, testPrograms.capitalRate);
    expect(seasonal.years[0].lowestCash).not.toBe(flat.years[0].lowestCash);
    expect(seasonal.years[0].cash).toBe(flat.years[0].cash);
    // With revenue shocks, so the receipts must come from the path's revenue, not the plan's.
    compareOnPaths(c, testPrograms, 12, {
      volatility: 0.25,
      correlation: -0.5,
      contributionMargin: 0.4,
    });
  });
});
