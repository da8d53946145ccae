import { BAND_PERCENTILES, Bands, QUANTILE_METHOD, bandsOf } from './percentiles';
import {
  CheckProbability,
  MonteCarloResults,
  MonteCarloStrategy,
  PATH_METRICS,
  PathMetric,
} from './monte-carlo-results';
import { MonteCarloPlan } from './prepare-monte-carlo';
import { MarketSamples, PathSamples } from './path-samples';

/** Probabilities and bands of one strategy from its complete samples (all paths). */
export function summarizeStrategy(
  plan: MonteCarloPlan,
  strategy: number,
  samples: PathSamples,
): MonteCarloStrategy {
  const s = plan.strategies[strategy];
  const { paths, years } = samples;
  const failedAny = new Uint8Array(paths);
  const rate = (failures: number) => {
    const probability = failures / paths;
    return {
      failures,
      probability,
      standardError: Math.sqrt((probability * (1 - probability)) / paths),
    };
  };
  const checks = s.checks.map((check, j): CheckProbability => {
    const firstBreachCount = new Array<number>(years).fill(0);
    for (let i = 0; i < paths; i++) {
      const breach = samples.firstBreach[j * paths + i];
      if (breach >= 0) {
        firstBreachCount[breach]++;
        failedAny[i] = 1;
      }
    }
    let cumulative = 0;
    const breachByYear = plan.fiscalYears.map((fiscalYear, t) => {
      cumulative += firstBreachCount[t];
      return { fiscalYear, probability: cumulative / paths };
    });
    return {
      id: check.id,
      nameJa: check.nameJa,
      nameEn: check.nameEn,
      threshold: check.threshold,
      covenant: check.covenant,
      ...rate(cumulative),
      deterministicPass: check.pass,
      breachByYear,
    };
  });
  const anyFailures = failedAny.reduce((n, f) => n + f, 0);
  const yearsOut = plan.fiscalYears.map((fiscalYear, t) => {
    const column = (values: Float64Array) => values.subarray(t * paths, (t + 1) * paths);
    const bands = {} as Record<PathMetric, Bands>;
    const deterministic = {} as Record<PathMetric, number | null>;
    for (const name of PATH_METRICS) {
      bands[name] = bandsOf(column(samples.metrics[name]));
      deterministic[name] = s.deterministic[name][t];
    }
    return { fiscalYear, ...bands, deterministic };
  });
  return { id: s.id, name: s.name, checks, anyFailure: rate(anyFailures), years: yearsOut };
}

/** Bands of the simulated market: the short rate at each fiscal year end, the revenue factor. */
export function summarizeMarket(
  plan: MonteCarloPlan,
  samples: MarketSamples,
): MonteCarloResults['market'] {
  const { paths } = samples;
  return plan.fiscalYears.map((fiscalYear, t) => {
    const column = (values: Float64Array) => values.subarray(t * paths, (t + 1) * paths);
    return {
      fiscalYear,
      shortRate: bandsOf(column(samples.values.shortRate)),
      revenueFactor: bandsOf(column(samples.values.revenueFactor)),
    };
  });
}

export function monteCarloResults(
  plan: MonteCarloPlan,
  market: MonteCarloResults['market'],
  strategies: MonteCarloStrategy[],
): MonteCarloResults {
  const { c, options } = plan;
  return {
    seed: options.seed,
    paths: options.paths,
    model: options.model,
    revenue: options.revenue,
    asOf: c.asOf,
    fiscalYearEndMonth: c.profile.fiscalYearEndMonth,
    fiscalYears: plan.fiscalYears,
    percentiles: BAND_PERCENTILES,
    quantileMethod: QUANTILE_METHOD,
    mode: 'realistic',
    market,
    strategies,
  };
}
