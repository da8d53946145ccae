import { EpochDay } from '../time/civil-date';
import { Bands } from './percentiles';
import { RevenueShockModel } from './revenue-shock';
import { ShortRateModel } from './short-rate-model';

/** The figures reported per fiscal year with percentile bands. */
export const PATH_METRICS = [
  'interest',
  'debtService',
  'dscr',
  'cash',
  'lowestCash',
  'ordinaryProfit',
] as const;
export type PathMetric = (typeof PATH_METRICS)[number];

/** The simulated market per fiscal year: the short rate at the year end, the revenue factor. */
export const MARKET_METRICS = ['shortRate', 'revenueFactor'] as const;
export type MarketMetric = (typeof MARKET_METRICS)[number];

/** One fiscal year of a strategy: bands over the paths, and the unshocked plan's figure. */
export type MonteCarloYear = { fiscalYear: number } & Record<PathMetric, Bands> & {
    /** The figures with no rate change and no revenue shock (the grid's ±0 cell). */
    deterministic: Record<PathMetric, number | null>;
  };

/** How often a check fails over the paths. */
export interface CheckProbability {
  id: string;
  nameJa: string;
  nameEn: string;
  threshold: string;
  covenant: boolean;
  /** Paths on which the check fails. */
  failures: number;
  /** failures ÷ paths. */
  probability: number;
  /** √(p(1 − p)/paths): the sampling error of `probability`. */
  standardError: number;
  /** Whether the unshocked plan passes it. */
  deterministicPass: boolean;
  /** Share of paths whose first breach is in or before each fiscal year (cumulative). */
  breachByYear: { fiscalYear: number; probability: number }[];
}

export interface MonteCarloStrategy {
  id: string;
  name: string;
  checks: CheckProbability[];
  /** Paths on which at least one check fails. */
  anyFailure: { failures: number; probability: number; standardError: number };
  years: MonteCarloYear[];
}

/**
 * Everything a Monte Carlo run produces, plain data (JSON-serialisable: no typed arrays, no
 * Infinity), for the terminal, the JSON file and the workbook alike. The seed and the model
 * are part of it: they reproduce it.
 */
export interface MonteCarloResults {
  seed: number;
  paths: number;
  model: ShortRateModel;
  revenue: RevenueShockModel;
  asOf: EpochDay;
  fiscalYearEndMonth: number;
  fiscalYears: number[];
  percentiles: readonly number[];
  quantileMethod: string;
  /** Rates move realistically (each loan by its own rule); the case's shocks and modes are not used. */
  mode: 'realistic';
  market: ({ fiscalYear: number } & Record<MarketMetric, Bands>)[];
  strategies: MonteCarloStrategy[];
}
