import { EpochDay, addMonthsClamped, fromEpochDay } from '../time/civil-date';
import { MAX_RATE_UNITS, fromRateUnits, toRateUnits } from '../interest/rate-units';
import { IndexName, IndexPaths, indexLevel } from './rate-index';
import { Shock, shockAt, shockStart } from './shock';

/**
 * How a loan's rate moves (domain.md §4):
 * - fixed: never moves until refinanced (shocks pass it by, except in full-reprice mode);
 * - floating: index + spread, refixed every N months from the next reset date; the rate
 *   fixed on a reset date applies to periods starting on or after it;
 * - fixed-at-drawdown: JFC style, index + spread on the drawdown date, then fixed — a rate
 *   rise reaches it only when the loan is new (a refinancing drawn after the shock).
 */
export type RateRule =
  | { type: 'fixed'; annualRate: number }
  | {
      type: 'floating';
      index: IndexName;
      spread: number;
      resetEveryMonths: number;
      /** Default: one reset interval after the start. */
      nextResetDate?: EpochDay;
      /** The rate until the next reset; default: the index at the start plus the spread. */
      currentRate?: number;
    }
  | {
      type: 'fixed-at-drawdown';
      index: IndexName;
      spread: number;
      /** An existing loan's drawdown (before the analysis date): its rate was fixed then. */
      drawdownDate?: EpochDay;
      /** The rate fixed at that drawdown, as the contract states it (default: the index then + spread). */
      annualRate?: number;
      /** JFC 中小事業: the rate is reset every N months from the drawdown (60), up or down. */
      resetEveryMonths?: number;
    }
  /**
   * A new program loan: the program's base rate plus the shock at its tenor on the drawdown
   * date, then fixed; `initial` lowers it for the first months (賃上げ特例: −0.5 % for 2 years).
   */
  | { type: 'priced-at-drawdown'; baseRate: number; initial?: InitialRateDelta };

/** A rate change for the first `months` periods after drawdown only. */
export interface InitialRateDelta {
  months: number;
  delta: number;
}

/**
 * realistic: each loan meets the shock by its own rule; full-reprice: every loan's rate rises
 * by the shock at once (the assumption behind the 帝国データバンク table).
 */
export type RepriceMode = 'realistic' | 'full-reprice';

export const REPRICE_MODES: readonly RepriceMode[] = ['realistic', 'full-reprice'];

/** The market a run sees: the base index paths, one shock (or none) and how it reaches loans. */
export interface RateScenario {
  indexes: IndexPaths;
  shock: Shock | null;
  mode: RepriceMode;
  /** The analysis date: shocks start here unless they say otherwise. */
  asOf: EpochDay;
}

/**
 * The tenor (years) whose rate a loan's pricing follows, for shocks shaped by tenor:
 * prime-linked loans follow the overnight end, TIBOR loans their fixing tenor, fixed and
 * JFC loans their term (a 20-year refinancing sees the long end).
 */
export function ruleTenorYears(rule: RateRule, termMonths: number): number {
  if (rule.type === 'fixed' || rule.type === 'priced-at-drawdown') return termMonths / 12;
  if (rule.index === 'short-prime') return 0;
  if (rule.type === 'floating') return rule.resetEveryMonths / 12;
  return termMonths / 12;
}

function clampUnits(rate: number): number {
  const units = toRateUnits(rate);
  return units < 0 ? 0 : units > MAX_RATE_UNITS ? MAX_RATE_UNITS : units;
}

/**
 * Writes the loan's rate for each period (1e-7 units) into `out`: period k+1 accrues from
 * `dates[k]`. Loan rates never go below zero (the usual 0 % floor of Japanese contracts).
 */
export function fillLoanRates(
  rule: RateRule,
  dates: Int32Array,
  periods: number,
  scenario: RateScenario,
  out: Float64Array,
): void {
  const { shock, asOf } = scenario;
  const tenor = ruleTenorYears(rule, periods);
  const realisticShock = scenario.mode === 'realistic' ? shock : null;
  const rateOn = (index: IndexName, date: EpochDay, spread: number): number =>
    indexLevel(scenario.indexes[index], date) +
    spread +
    (realisticShock ? shockAt(realisticShock, date, tenor, asOf) : 0);

  if (rule.type === 'fixed') {
    out.fill(clampUnits(rule.annualRate), 0, periods);
  } else if (rule.type === 'priced-at-drawdown') {
    const shockNow = shock ? shockAt(shock, dates[0], tenor, asOf) : 0;
    out.fill(clampUnits(rule.baseRate + shockNow), 0, periods);
    const initial = rule.initial;
    if (initial)
      out.fill(
        clampUnits(rule.baseRate + initial.delta + shockNow),
        0,
        Math.min(initial.months, periods),
      );
    return; // already priced with the shock, whatever the mode
  } else if (rule.type === 'fixed-at-drawdown') {
    fillFixedAtDrawdown(rule, dates, periods, scenario, rateOn, out);
  } else {
    // The current rate was fixed before the analysis date: no shock in it.
    const initial =
      rule.currentRate ?? indexLevel(scenario.indexes[rule.index], dates[0]) + rule.spread;
    fillFloating(rule, dates, periods, clampUnits(initial), rateOn, out);
  }

  if (scenario.mode === 'full-reprice' && shock) {
    const start = shockStart(shock, asOf);
    for (let k = 0; k < periods; k++) {
      if (dates[k] >= start)
        out[k] = clampUnits(fromRateUnits(out[k]) + shockAt(shock, dates[k], tenor, asOf));
    }
  }
}

function fillFloating(
  rule: Extract<RateRule, { type: 'floating' }>,
  dates: Int32Array,
  periods: number,
  initialUnits: number,
  rateOn: (index: IndexName, date: EpochDay, spread: number) => number,
  out: Float64Array,
): void {
  const start = dates[0];
  const every = rule.resetEveryMonths;
  const s = fromEpochDay(start);
  const firstReset = rule.nextResetDate ?? addMonthsClamped(s.year, s.month, s.day, every);
  const anchor = fromEpochDay(firstReset);
  let current = initialUnits;
  let resetNumber = 0;
  let resetDate = firstReset;
  for (let k = 0; k < periods; k++) {
    while (resetDate <= dates[k]) {
      current = clampUnits(rateOn(rule.index, resetDate, rule.spread));
      resetNumber++;
      resetDate = addMonthsClamped(anchor.year, anchor.month, anchor.day, resetNumber * every);
    }
    out[k] = current;
  }
}

/**
 * JFC-style loans. A new one (no drawdown date, or drawn on or after the start) is priced at
 * `dates[0]` with the shock in force then. An existing one keeps the rate fixed at its
 * drawdown — the contract's `annualRate`, else the index then plus the spread, no shock — and,
 * with `resetEveryMonths` (中小事業 5-year resets), is repriced on each anniversary after the
 * start (index + shock + spread then), as a floating loan resetting on those dates.
 */
function fillFixedAtDrawdown(
  rule: Extract<RateRule, { type: 'fixed-at-drawdown' }>,
  dates: Int32Array,
  periods: number,
  scenario: RateScenario,
  rateOn: (index: IndexName, date: EpochDay, spread: number) => number,
  out: Float64Array,
): void {
  const existing = rule.drawdownDate !== undefined && rule.drawdownDate < dates[0];
  const fixed = clampUnits(
    existing
      ? existingFixedRate(rule, scenario.indexes)
      : rateOn(rule.index, dates[0], rule.spread),
  );
  const resets = anniversaryResets(rule, dates[0]);
  if (!resets) out.fill(fixed, 0, periods);
  else fillFloating(resets, dates, periods, fixed, rateOn, out);
}

/** The rate an existing JFC loan was fixed at: its contract rate, else the index then + spread. */
export function existingFixedRate(
  rule: Extract<RateRule, { type: 'fixed-at-drawdown' }>,
  indexes: IndexPaths,
): number {
  return rule.annualRate ?? indexLevel(indexes[rule.index], rule.drawdownDate ?? 0) + rule.spread;
}

/**
 * A JFC loan with 5-year resets as the floating rule it behaves like from `start`: reset every
 * `resetEveryMonths` on the drawdown's anniversaries, the first one after `start`; null
 * without resets.
 */
export function anniversaryResets(
  rule: Extract<RateRule, { type: 'fixed-at-drawdown' }>,
  start: EpochDay,
): Extract<RateRule, { type: 'floating' }> | null {
  const every = rule.resetEveryMonths;
  if (!every) return null;
  const d = fromEpochDay(rule.drawdownDate ?? start);
  let n = 1;
  while (addMonthsClamped(d.year, d.month, d.day, n * every) <= start) n++;
  return {
    type: 'floating',
    index: rule.index,
    spread: rule.spread,
    resetEveryMonths: every,
    nextResetDate: addMonthsClamped(d.year, d.month, d.day, n * every),
  };
}
