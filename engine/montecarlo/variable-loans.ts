import { KernelTerms, PeriodBuffers, allocatePeriodBuffers, amortize } from '../schedule/amortize';
import { LoanRateLayout, fillPathRates } from './path-rates';
import { InterestRateSwap, applySwapRates } from '../rates/swap';

/** A loan whose rates a path can move, with what its schedule needs resolved once. */
export interface VariableLoan {
  terms: KernelTerms;
  periods: number;
  principal: number;
  days: Uint16Array;
  /** Plan-grid month of the first payment; payment k + 1 falls k months later. */
  firstPlanMonth: number;
  layout: LoanRateLayout;
  /** A pay-fixed swap: its all-in rate over the path's floating one, by cover (see applySwapRates). */
  swap?: { swap: InterestRateSwap; spread: number; weights: Float64Array };
}

/**
 * The path-dependent loans of all strategies, each distinct loan once: strategies share most
 * of their debt (a refinancing replaces some loans, a DDS trims a few), and a loan with the
 * same terms and rate rule has the same schedule on the same path, whichever strategy holds it.
 */
export class VariableLoanSet {
  readonly loans: VariableLoan[] = [];
  private readonly byKey = new Map<string, number>();

  /** The index of the loan, added if new. */
  add(key: string, make: () => VariableLoan): number {
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.loans.length;
      this.loans.push(make());
      this.byKey.set(key, index);
    }
    return index;
  }

  get maxPeriods(): number {
    return this.loans.reduce((max, v) => Math.max(max, v.periods), 1);
  }
}

/** One path's schedule of one variable loan: the kernel's flows by period, balances by year end. */
export interface LoanFlows {
  flows: PeriodBuffers;
  yearEndDebt: Float64Array;
}

export function allocateLoanFlows(loans: VariableLoanSet, horizon: number): LoanFlows[] {
  return loans.loans.map((v) => ({
    flows: allocatePeriodBuffers(v.periods),
    yearEndDebt: new Float64Array(horizon),
  }));
}

/**
 * Amortizes one variable loan on one path (`deltas[m]`: the rate change at step m) into `out`,
 * with `rates` as scratch (at least `periods` long).
 */
export function pathLoanFlows(
  v: VariableLoan,
  deltas: Float64Array,
  rates: Float64Array,
  out: LoanFlows,
): void {
  fillPathRates(v.layout, deltas, v.periods, rates);
  if (v.swap) applySwapRates(v.swap.swap, v.swap.spread, v.swap.weights, v.periods, rates);
  amortize(v.terms, rates, v.days, out.flows);
  out.yearEndDebt.fill(0);
  addYearEndDebt(v.principal, out.flows.principal, v.periods, v.firstPlanMonth, out.yearEndDebt);
}

/**
 * Adds a schedule's flows onto the plan's month grid. Payments fall one a month (the schedule's
 * dates are monthly), so period k is paid in plan month firstPlanMonth + k: a shifted add,
 * without a lookup or a bounds check per period.
 */
export function addFlows(
  flows: PeriodBuffers,
  periods: number,
  firstPlanMonth: number,
  interest: Float64Array,
  principal: Float64Array,
  fee: Float64Array,
): void {
  // The source arrays in locals: read through `flows` inside the loop, V8 reloads them on every
  // iteration (it cannot tell that the stores below leave `flows` alone), at several times the cost.
  const fi = flows.interest;
  const fp = flows.principal;
  const ff = flows.fee;
  const from = Math.max(0, -firstPlanMonth);
  const to = Math.min(periods, interest.length - firstPlanMonth);
  for (let k = from, m = firstPlanMonth + from; k < to; k++, m++) {
    interest[m] += fi[k];
    principal[m] += fp[k];
    fee[m] += ff[k];
  }
}

/** The balance after each plan year's last month (the opening balance until the first payment). */
export function addYearEndDebt(
  opening: number,
  principal: Float64Array,
  periods: number,
  firstPlanMonth: number,
  yearEndDebt: Float64Array,
): void {
  let balance = opening;
  let k = 0;
  for (let t = 0; t < yearEndDebt.length; t++) {
    const lastMonth = t * 12 + 11;
    while (k < periods && firstPlanMonth + k <= lastMonth) balance -= principal[k++];
    yearEndDebt[t] += balance;
  }
}
