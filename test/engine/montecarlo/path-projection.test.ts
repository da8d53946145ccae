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
  for (let i = 0; i < paths; i++) {
    drawPath(plan, i, draw);
    plan.loans.loans.forEach((v, u) => pathLoanFlows(v, draw.deltas, rates, flows[u]));
    const { shocked, scenario } = referencePath(c, plan, draw, options);
    plan.strategies.forEach((s, k) => {
      const scratch = allocatePathScratch(s.prepared);
      projectPath(s.prepared, flows, draw.factors, options.revenue.contributionMargin, scratch);
      const expected = projectCase(
        shocked,
        bookOf(c, k, programs),
        scenario,
        programs.capitalRate,
      ).years;
      expect(projectedYears(s.prepared, scratch.years)).toEqual(expected);

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
  return outcomes;
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
});
