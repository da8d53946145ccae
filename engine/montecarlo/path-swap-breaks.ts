import { indexLevel } from '../rates/rate-index';
import { RateScenario } from '../rates/rate-rule';
import { SwapBreakLeg, swapBreakValue } from '../rates/swap';
import { StrategyBook } from '../strategy/apply-strategy';
import { endedSwapLegs } from '../strategy/swap-break';
import { RatePathGrid, stepIndexOn } from './rate-paths';

/**
 * A swap a strategy's refinancing ends, ready to value on any path: the leg (periods, accruals,
 * notionals) and where each period's index comes from — the base path's level at its start
 * plus the path's change at the step in force then, exactly what `pathShock` adds there.
 */
export interface PathSwapBreak {
  loanId: string;
  leg: SwapBreakLeg;
  base: Float64Array;
  step: Int32Array;
  /** Scratch: one path's curve at the period starts. */
  forwards: Float64Array;
}

/**
 * Resolves once what no path changes. The notionals come from the unshocked balances: a
 * `loan` notional covers the whole balance at the fixed all-in rate until the swap ends, so
 * no path moves the balances of its periods; a yen notional is fixed.
 */
export function prepareSwapBreaks(
  book: StrategyBook,
  unshocked: RateScenario,
  grid: RatePathGrid,
): PathSwapBreak[] {
  return endedSwapLegs(book, unshocked).map(({ loanId, rule, leg }) => ({
    loanId,
    leg,
    base: Float64Array.from(leg.starts, (d) => indexLevel(unshocked.indexes[rule.index], d)),
    step: Int32Array.from(leg.starts, (d) => stepIndexOn(grid, d)),
    forwards: new Float64Array(leg.starts.length),
  }));
}

/**
 * The strategy's total 解約清算金 on one path (`deltas[m]`: the rate change at step m), by the
 * deterministic formula (swapBreakValue) on the path's curve. 0 without ended swaps.
 */
export function pathSwapBreakCost(breaks: readonly PathSwapBreak[], deltas: Float64Array): number {
  let total = 0;
  for (const b of breaks) {
    const { base, step, forwards } = b;
    for (let j = 0; j < forwards.length; j++) forwards[j] = base[j] + deltas[step[j]];
    total += swapBreakValue(b.leg, forwards);
  }
  return total;
}
