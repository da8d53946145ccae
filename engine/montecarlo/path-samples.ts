import { MARKET_METRICS, MarketMetric, PATH_METRICS, PathMetric } from './monte-carlo-results';
import { MonteCarloPlan } from './prepare-monte-carlo';

/**
 * Per-path results of one strategy, flat: each figure year-major ([year × paths + path]) so a
 * year's column is contiguous; `firstBreach[check × paths + path]` is the year index of the
 * check's first breach or −1. One buffer holds it all, so a worker can fill a shared one.
 */
export interface PathSamples {
  paths: number;
  years: number;
  checks: number;
  metrics: Record<PathMetric, Float64Array>;
  firstBreach: Int16Array;
  buffer: ArrayBufferLike;
}

/** The simulated market per path (the same for every strategy), laid out as PathSamples. */
export interface MarketSamples {
  paths: number;
  years: number;
  values: Record<MarketMetric, Float64Array>;
  buffer: ArrayBufferLike;
}

export function pathSamplesByteLength(plan: MonteCarloPlan, strategy: number): number {
  const { paths } = plan.options;
  const column = plan.fiscalYears.length * paths;
  return PATH_METRICS.length * column * 8 + plan.strategies[strategy].checks.length * paths * 2;
}

export function marketSamplesByteLength(plan: MonteCarloPlan): number {
  return MARKET_METRICS.length * plan.fiscalYears.length * plan.options.paths * 8;
}

function float64Columns<K extends string>(
  names: readonly K[],
  buffer: ArrayBufferLike,
  column: number,
): Record<K, Float64Array> {
  const out = {} as Record<K, Float64Array>;
  names.forEach((name, j) => (out[name] = new Float64Array(buffer, j * column * 8, column)));
  return out;
}

/** Views over `buffer` (a fresh one by default; a SharedArrayBuffer for workers). */
export function createPathSamples(
  plan: MonteCarloPlan,
  strategy: number,
  buffer: ArrayBufferLike = new ArrayBuffer(pathSamplesByteLength(plan, strategy)),
): PathSamples {
  const { paths } = plan.options;
  const years = plan.fiscalYears.length;
  const checks = plan.strategies[strategy].checks.length;
  const column = years * paths;
  return {
    paths,
    years,
    checks,
    metrics: float64Columns(PATH_METRICS, buffer, column),
    firstBreach: new Int16Array(buffer, PATH_METRICS.length * column * 8, checks * paths),
    buffer,
  };
}

export function createMarketSamples(
  plan: MonteCarloPlan,
  buffer: ArrayBufferLike = new ArrayBuffer(marketSamplesByteLength(plan)),
): MarketSamples {
  const { paths } = plan.options;
  const years = plan.fiscalYears.length;
  return { paths, years, values: float64Columns(MARKET_METRICS, buffer, years * paths), buffer };
}

/** How much memory the per-path samples of strategies simulated together may take. */
export const SAMPLE_BUDGET_BYTES = 512 * 1024 * 1024;

/**
 * Strategies simulated together, in order: together they share each path's rates and the
 * schedules of the loans they have in common, but all their samples are held at once; groups
 * keep that under `budgetBytes` (at least one strategy a group). The grouping changes how
 * fast, never what: every path's numbers depend on the seed and the path's index only.
 */
export function strategyGroups(
  plan: MonteCarloPlan,
  budgetBytes: number = SAMPLE_BUDGET_BYTES,
): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  plan.strategies.forEach((_, s) => {
    const size = pathSamplesByteLength(plan, s);
    if (current.length > 0 && bytes + size > budgetBytes) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(s);
    bytes += size;
  });
  if (current.length > 0) groups.push(current);
  return groups;
}
