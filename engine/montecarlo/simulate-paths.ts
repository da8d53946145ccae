import { NormalStream } from './random-stream';
import { rateChanges, simulateShortRate } from './rate-paths';
import { revenueFactor } from './revenue-shock';
import { allocatePathScratch, projectPath } from './path-projection';
import { allocateLoanFlows, pathLoanFlows } from './variable-loans';
import { evaluatePathChecks } from './path-checks';
import { MonteCarloPlan } from './prepare-monte-carlo';
import { MarketSamples, PathSamples } from './path-samples';

/** One path's draws: the short rate and its innovations by step, the changes, the revenue factors. */
export interface PathDraw {
  rates: Float64Array;
  innovations: Float64Array;
  deltas: Float64Array;
  factors: Float64Array;
}

export function allocatePathDraw(plan: MonteCarloPlan): PathDraw {
  const steps = plan.grid.months + 1;
  return {
    rates: new Float64Array(steps),
    innovations: new Float64Array(steps),
    deltas: new Float64Array(steps),
    factors: new Float64Array(plan.fiscalYears.length),
  };
}

/**
 * Draws path i: from the stream (seed, i), first the monthly rate innovations, then one
 * normal per plan year for revenue. `pathShock(plan.grid, out.rates)` replays its rates
 * through the deterministic engine.
 */
export function drawPath(plan: MonteCarloPlan, i: number, out: PathDraw): void {
  const { options, grid, yearFirstStep, yearStepCount } = plan;
  const { rates, innovations, deltas, factors } = out;
  const stream = new NormalStream(options.seed, i);
  simulateShortRate(
    options.model,
    plan.transition,
    plan.drift,
    stream,
    grid.months,
    rates,
    innovations,
  );
  rateChanges(rates, grid.months, deltas);
  for (let t = 0; t < factors.length; t++) {
    const own = stream.next();
    const first = yearFirstStep[t];
    const count = yearStepCount[t];
    let sum = 0;
    for (let m = first; m < first + count; m++) sum += innovations[m];
    // With no rate step inside the year, the revenue shock is its own normal alone.
    factors[t] =
      count > 0
        ? revenueFactor(options.revenue, sum / Math.sqrt(count), own)
        : revenueFactor({ ...options.revenue, correlation: 0 }, 0, own);
  }
}

/**
 * Simulates paths [from, to) for the strategies of `group` into their `samples` (and the
 * market into `market` when given). Path i draws from its own stream (seed, i) — first the
 * monthly rate innovations, then one normal per plan year for revenue — so its numbers do not
 * depend on which paths or strategies are computed with it, or where.
 */
export function simulatePaths(
  plan: MonteCarloPlan,
  group: readonly number[],
  samples: readonly PathSamples[],
  market: MarketSamples | null,
  from: number,
  to: number,
): void {
  const { options, yearEndStep, loans } = plan;
  const horizon = plan.fiscalYears.length;
  const paths = options.paths;
  const draw = allocatePathDraw(plan);
  const { rates, deltas, factors } = draw;
  const dscr = new Float64Array(horizon);
  // The distinct path-dependent loans of the group, amortized once a path for all of them.
  const used = [...new Set(group.flatMap((s) => plan.strategies[s].prepared.variable))].sort(
    (a, b) => a - b,
  );
  const loanFlows = allocateLoanFlows(loans, horizon);
  const loanRates = new Float64Array(loans.maxPeriods);
  const scratch = group.map((s) => allocatePathScratch(plan.strategies[s].prepared));
  for (let i = from; i < to; i++) {
    drawPath(plan, i, draw);
    if (market) {
      for (let t = 0; t < horizon; t++) {
        market.values.shortRate[t * paths + i] = rates[yearEndStep[t]];
        market.values.revenueFactor[t * paths + i] = factors[t];
      }
    }
    for (const u of used) pathLoanFlows(loans.loans[u], deltas, loanRates, loanFlows[u]);
    group.forEach((s, g) => {
      const { prepared, checks } = plan.strategies[s];
      const y = scratch[g].years;
      const out = samples[g];
      projectPath(
        prepared,
        loanFlows,
        factors,
        options.revenue.contributionMargin,
        scratch[g],
        deltas,
      );
      evaluatePathChecks(prepared, checks, y, dscr, out.firstBreach, i, paths);
      const { metrics } = out;
      for (let t = 0; t < horizon; t++) {
        const at = t * paths + i;
        metrics.interest[at] = y.interest[t];
        metrics.debtService[at] = y.debtService[t];
        metrics.dscr[at] = dscr[t];
        metrics.cash[at] = y.cash[t];
        metrics.lowestCash[at] = y.lowestCash[t];
        metrics.ordinaryProfit[at] = y.ordinaryProfit[t];
      }
    });
  }
}
