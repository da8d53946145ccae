import { EpochDay, addMonthsClamped, fromEpochDay } from '../time/civil-date';
import { MAX_RATE_UNITS, toRateUnits } from '../interest/rate-units';
import { IndexPaths, indexLevel } from '../rates/rate-index';
import {
  InitialRateDelta,
  RateRule,
  anniversaryResets,
  existingFixedRate,
} from '../rates/rate-rule';
import { RatePathGrid, stepIndexOn } from './rate-paths';

/**
 * How a simulated path reaches one loan's rates, resolved once per run so that each path costs
 * a few additions per reset. It gives exactly what `fillLoanRates` gives in realistic mode
 * under `pathShock(grid, rates)` (the tests check this): each index moves by the path's change
 * from today on the date it is read.
 *
 * - at-drawdown (fixed-at-drawdown, and a strategy's new program loan, priced-at-drawdown):
 *   one rate for the whole term, the base plus the change on the drawdown date;
 * - floating: the current rate until the first reset, then at each reset the index level of
 *   the base path plus the spread plus the change on the reset date.
 *
 * Fixed loans, and loans whose every reading falls on or before the analysis date (step 0,
 * change 0), have no layout: their schedule is the same on every path and is computed once.
 */
export type LoanRateLayout =
  | { kind: 'at-drawdown'; base: number; step: number; initial?: InitialRateDelta }
  | {
      kind: 'floating';
      initialUnits: number;
      /** Base index level + spread at each reset. */
      resetBase: Float64Array;
      /** The path step each reset reads. */
      resetStep: Int32Array;
      /** The reset in force in each period (−1: the current rate). */
      periodReset: Int32Array;
    };

/** Rate units floored at 0 and capped at 100 %, as `fillLoanRates` does. */
export function clampRateUnits(rate: number): number {
  const units = toRateUnits(rate);
  return units < 0 ? 0 : units > MAX_RATE_UNITS ? MAX_RATE_UNITS : units;
}

/** The layout of a loan's rates on the path grid, or null when no path can move them. */
export function loanRateLayout(
  rule: RateRule,
  dates: Int32Array,
  periods: number,
  indexes: IndexPaths,
  grid: RatePathGrid,
): LoanRateLayout | null {
  switch (rule.type) {
    case 'fixed':
      return null;
    case 'priced-at-drawdown': {
      const step = stepIndexOn(grid, dates[0]);
      return step === 0
        ? null
        : { kind: 'at-drawdown', base: rule.baseRate, step, initial: rule.initial };
    }
    case 'fixed-at-drawdown': {
      // An existing loan keeps its rate (or resets on anniversaries); no path reaches the rate
      // fixed before today.
      const existing = rule.drawdownDate !== undefined && rule.drawdownDate < dates[0];
      const resets = anniversaryResets(rule, dates[0]);
      if (resets) {
        const fixed = existing
          ? existingFixedRate(rule, indexes)
          : indexLevel(indexes[rule.index], dates[0]) + rule.spread;
        return floatingLayout({ ...resets, currentRate: fixed }, dates, periods, indexes, grid);
      }
      if (existing) return null;
      const step = stepIndexOn(grid, dates[0]);
      const base = indexLevel(indexes[rule.index], dates[0]) + rule.spread;
      return step === 0 ? null : { kind: 'at-drawdown', base, step };
    }
    case 'floating':
      return floatingLayout(rule, dates, periods, indexes, grid);
  }
}

/** The same walk over reset dates as the engine's floating rule, recording instead of pricing. */
function floatingLayout(
  rule: Extract<RateRule, { type: 'floating' }>,
  dates: Int32Array,
  periods: number,
  indexes: IndexPaths,
  grid: RatePathGrid,
): LoanRateLayout | null {
  const path = indexes[rule.index];
  const initial = rule.currentRate ?? indexLevel(path, dates[0]) + rule.spread;
  const every = rule.resetEveryMonths;
  const s = fromEpochDay(dates[0]);
  const firstReset: EpochDay =
    rule.nextResetDate ?? addMonthsClamped(s.year, s.month, s.day, every);
  const anchor = fromEpochDay(firstReset);
  const resetBase: number[] = [];
  const resetStep: number[] = [];
  const periodReset = new Int32Array(periods);
  let resetDate = firstReset;
  for (let k = 0; k < periods; k++) {
    while (resetDate <= dates[k]) {
      resetBase.push(indexLevel(path, resetDate) + rule.spread);
      resetStep.push(stepIndexOn(grid, resetDate));
      resetDate = addMonthsClamped(anchor.year, anchor.month, anchor.day, resetBase.length * every);
    }
    periodReset[k] = resetBase.length - 1;
  }
  if (resetStep.every((step) => step === 0)) return null;
  return {
    kind: 'floating',
    initialUnits: clampRateUnits(initial),
    resetBase: Float64Array.from(resetBase),
    resetStep: Int32Array.from(resetStep),
    periodReset,
  };
}

/** Writes the loan's rates (1e-7 units) for one path; `deltas[m]` is the change at step m. */
export function fillPathRates(
  layout: LoanRateLayout,
  deltas: Float64Array,
  periods: number,
  out: Float64Array,
): void {
  if (layout.kind === 'at-drawdown') {
    out.fill(clampRateUnits(layout.base + deltas[layout.step]), 0, periods);
    const initial = layout.initial;
    if (initial) {
      const rate = clampRateUnits(layout.base + initial.delta + deltas[layout.step]);
      out.fill(rate, 0, Math.min(initial.months, periods));
    }
    return;
  }
  const { resetBase, resetStep, periodReset } = layout;
  let reset = -1;
  let units = layout.initialUnits;
  for (let k = 0; k < periods; k++) {
    const j = periodReset[k];
    if (j !== reset) {
      reset = j;
      units = clampRateUnits(resetBase[j] + deltas[resetStep[j]]);
    }
    out[k] = units;
  }
}
