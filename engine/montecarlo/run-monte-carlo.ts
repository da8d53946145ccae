import { Case } from '../case/case';
import { FieldError } from '../input/field-reader';
import { ProgramSource } from '../grid/simulate';
import { MonteCarloResults, MonteCarloStrategy } from './monte-carlo-results';
import { MonteCarloOptions, prepareMonteCarlo } from './prepare-monte-carlo';
import { createMarketSamples, createPathSamples, strategyGroups } from './path-samples';
import { simulatePaths } from './simulate-paths';
import { monteCarloResults, summarizeMarket, summarizeStrategy } from './summarize-paths';

/** Paths simulated between progress reports (and the unit workers split work by). */
export const PATH_BLOCK = 256;

export type MonteCarloOutcome =
  { ok: true; results: MonteCarloResults } | { ok: false; errors: FieldError[] };

/**
 * Monte Carlo over a case: for every strategy, the same simulated paths of the short rate
 * (common random numbers: strategies differ only by their debt) and of revenue, each projected
 * and checked as the grid does; per strategy the probability of each check failing and
 * percentile bands of the yearly figures. One thread; the command line splits the same work
 * over worker threads with prepareMonteCarlo, simulatePaths and summarizeStrategy, and gets
 * the same numbers.
 *
 * @example
 * const r = runMonteCarlo(c, CATALOG_PROGRAMS, {
 *   paths: 10_000, seed: 42, model: DEFAULT_YEN_SHORT_RATE_MODEL, revenue: NO_REVENUE_SHOCK,
 * });
 * if (r.ok) r.results.strategies[0].checks.find((x) => x.id === 'dscr')?.probability;
 */
export function runMonteCarlo(
  c: Case,
  programs: ProgramSource,
  options: MonteCarloOptions,
  onProgress?: (done: number, total: number) => void,
): MonteCarloOutcome {
  const prepared = prepareMonteCarlo(c, programs, options);
  if (!prepared.ok) return prepared;
  const { plan } = prepared;
  const { paths } = options;
  const total = paths * plan.strategies.length;
  const market = createMarketSamples(plan);
  const strategies: MonteCarloStrategy[] = [];
  let done = 0;
  strategyGroups(plan).forEach((group, g) => {
    const samples = group.map((s) => createPathSamples(plan, s));
    for (let from = 0; from < paths; from += PATH_BLOCK) {
      const to = Math.min(paths, from + PATH_BLOCK);
      simulatePaths(plan, group, samples, g === 0 ? market : null, from, to);
      done += (to - from) * group.length;
      onProgress?.(done, total);
    }
    group.forEach((s, j) => strategies.push(summarizeStrategy(plan, s, samples[j])));
  });
  return { ok: true, results: monteCarloResults(plan, summarizeMarket(plan, market), strategies) };
}
