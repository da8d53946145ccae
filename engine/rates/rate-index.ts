import { EpochDay, fromEpochDay, monthIndex } from '../time/civil-date';

/**
 * The reference rates a debt stack floats on (domain.md §4). Each has a base path — its level
 * now, and optionally the changes already known or assumed — before any shock.
 */
export type IndexName = 'short-prime' | 'tibor' | 'jfc-base';

export const INDEX_NAMES: readonly IndexName[] = ['short-prime', 'tibor', 'jfc-base'];

export const INDEX_LABELS: Record<IndexName, string> = {
  'short-prime': '短期プライムレート / short-term prime',
  tibor: 'TIBOR',
  'jfc-base': 'JFC 基準利率 / JFC base rate',
};

export interface IndexStep {
  /** The level applies from this date on. */
  from: EpochDay;
  rate: number;
}

/** An index's base path: `rate` until the first step, then each step's rate from its date. */
export interface IndexPath {
  rate: number;
  steps: IndexStep[];
}

export type IndexPaths = Record<IndexName, IndexPath>;

/** The level of an index path on a date (steps sorted by date). */
export function indexLevel(path: IndexPath, date: EpochDay): number {
  let rate = path.rate;
  for (const step of path.steps) {
    if (step.from > date) break;
    rate = step.rate;
  }
  return rate;
}

/** Whole months from one date to another, counting a month once its day is reached. */
export function monthsBetween(from: EpochDay, to: EpochDay): number {
  const a = fromEpochDay(from);
  const b = fromEpochDay(to);
  const months = monthIndex(b.year, b.month) - monthIndex(a.year, a.month);
  return b.day >= a.day ? months : months - 1;
}
