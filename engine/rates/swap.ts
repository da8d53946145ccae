import { EpochDay } from '../time/civil-date';
import { MAX_RATE_UNITS, toRateUnits } from '../interest/rate-units';
import { IndexPaths, indexLevel } from './rate-index';
import { RateRule, RateScenario } from './rate-rule';
import { shockAt } from './shock';

/**
 * A pay-fixed interest-rate swap attached to a floating loan (domain.md §10): the borrower
 * pays `fixedRate` and receives the loan's index on `notional` — the loan's balance (`loan`)
 * or a fixed amount of yen — until `endDate`.
 */
export interface InterestRateSwap {
  fixedRate: number;
  endDate: EpochDay;
  notional: 'loan' | number;
}

/**
 * The share of each period's balance the swap covers: 1 with a `loan` notional; with a yen
 * notional, notional ÷ opening balance (at most 1) on the loan's balances at today's rates
 * (path-independent, so every scenario and Monte Carlo path uses the same weights); 0 once the
 * swap has ended (a period starting on or after `endDate`).
 */
export function swapWeights(
  swap: InterestRateSwap,
  dates: Int32Array,
  periods: number,
  opening: ArrayLike<number> | null,
): Float64Array {
  const w = new Float64Array(periods);
  for (let k = 0; k < periods; k++) {
    if (dates[k] >= swap.endDate) break;
    const balance = opening ? opening[k] : 0;
    w[k] = swap.notional === 'loan' ? 1 : balance > 0 ? Math.min(1, swap.notional / balance) : 0;
  }
  return w;
}

/**
 * While the swap runs the covered part of the balance pays swap rate + the loan's spread
 * (the all-in fixed rate), so shocks do not reach it; the rest keeps the floating rate:
 * rate = w × (fixed + spread) + (1 − w) × floating, in 1e-7 units.
 */
export function applySwapRates(
  swap: InterestRateSwap,
  spread: number,
  weights: Float64Array,
  periods: number,
  out: Float64Array,
): void {
  const allIn = toRateUnits(swap.fixedRate + spread);
  for (let k = 0; k < periods; k++) {
    const w = weights[k];
    if (w === 0) continue;
    const units = Math.round(w * allIn + (1 - w) * out[k]);
    out[k] = units < 0 ? 0 : units > MAX_RATE_UNITS ? MAX_RATE_UNITS : units;
  }
}

/**
 * The part of a break's valuation no curve changes: the swap's periods still to run after the
 * break date `on` — each one's start (where the index is read), accrual τ = ACT/365 days ÷ 365
 * from max(start, on) to its end, and notional (the loan's opening balance for a `loan`
 * notional, else the fixed yen). Computed once; a Monte Carlo path only reads the forwards.
 */
export interface SwapBreakLeg {
  fixedRate: number;
  starts: Int32Array;
  tau: Float64Array;
  notional: Float64Array;
}

export function swapBreakLeg(
  swap: InterestRateSwap,
  dates: Int32Array,
  periods: number,
  opening: ArrayLike<number>,
  on: EpochDay,
): SwapBreakLeg {
  const starts: number[] = [];
  const tau: number[] = [];
  const notional: number[] = [];
  for (let k = 0; k < periods; k++) {
    const from = dates[k];
    const to = dates[k + 1];
    if (to <= on || from >= swap.endDate) continue;
    const start = from < on ? on : from;
    starts.push(start);
    tau.push((to - start) / 365);
    notional.push(swap.notional === 'loan' ? opening[k] : swap.notional);
  }
  return {
    fixedRate: swap.fixedRate,
    starts: Int32Array.from(starts),
    tau: Float64Array.from(tau),
    notional: Float64Array.from(notional),
  };
}

/**
 * The value of a break leg on a curve, `forwards[j]` the index at `leg.starts[j]`:
 * Σ notional_j × (fixed − f_j) × τ_j × DF_j, DF_j = Π 1 / (1 + f_i τ_i) to the period's end.
 * Positive: the borrower pays. Whole yen toward zero. One formula for the scenarios and the
 * Monte Carlo paths.
 */
export function swapBreakValue(leg: SwapBreakLeg, forwards: ArrayLike<number>): number {
  let value = 0;
  let discount = 1;
  for (let j = 0; j < leg.starts.length; j++) {
    const f = forwards[j];
    const tau = leg.tau[j];
    discount /= 1 + f * tau;
    value += leg.notional[j] * (leg.fixedRate - f) * tau * discount;
  }
  return Math.trunc(value);
}

/**
 * Estimated 解約清算金 of ending the swap on `on` (a refinancing): the value of the fixed leg
 * still to pay against the floating leg still to receive, on the scenario's (shocked) floating
 * curve and discounted on it — Σ notional_k × (fixed − f_k) × τ_k × DF_k over the swap's
 * periods after `on`, f_k the index (base path + shock) at the period's start, τ_k its ACT/365
 * days ÷ 365, DF_k = Π 1 / (1 + f_j τ_j) to its end. Positive: the borrower pays; negative:
 * rates have risen above the swap rate and the borrower receives. Whole yen toward zero.
 *
 * @example
 * // 100,000,000 for 12 months of 30/31 days at 1 % fixed against a flat 2 % curve: a receipt
 * // of about 985,000 yen (≈ 1 % × 1億 discounted)
 */
export function swapBreakCost(
  swap: InterestRateSwap,
  rule: Extract<RateRule, { type: 'floating' }>,
  dates: Int32Array,
  periods: number,
  opening: ArrayLike<number>,
  on: EpochDay,
  scenario: Pick<RateScenario, 'indexes' | 'shock' | 'asOf'>,
  tenorYears: number,
): number {
  const leg = swapBreakLeg(swap, dates, periods, opening, on);
  return swapBreakValue(leg, swapForwards(leg, rule, scenario, tenorYears));
}

/** The scenario's floating curve at each of the leg's period starts: index (base path) + shock. */
export function swapForwards(
  leg: SwapBreakLeg,
  rule: Extract<RateRule, { type: 'floating' }>,
  scenario: Pick<RateScenario, 'indexes' | 'shock' | 'asOf'>,
  tenorYears: number,
): number[] {
  return Array.from(leg.starts, (start) =>
    forward(scenario.indexes, rule, start, scenario, tenorYears),
  );
}

function forward(
  indexes: IndexPaths,
  rule: Extract<RateRule, { type: 'floating' }>,
  date: EpochDay,
  scenario: Pick<RateScenario, 'shock' | 'asOf'>,
  tenorYears: number,
): number {
  const shock = scenario.shock ? shockAt(scenario.shock, date, tenorYears, scenario.asOf) : 0;
  return indexLevel(indexes[rule.index], date) + shock;
}
