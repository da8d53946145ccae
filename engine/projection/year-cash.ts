import { PlanYear } from '../case/case';

/** The senior loans' payments on the plan's month grid (month m of plan year t at t × 12 + m). */
export interface MonthlyDebtFlows {
  interest: Float64Array;
  principal: Float64Array;
  fee: Float64Array;
}

/** A year's cash walk: the opening cash going in; the closing cash, lowest cash and its month out. */
export interface CashWalk {
  cash: number;
  lowestCash: number;
  /** 0–11: the month of the plan year the lowest cash is reached. */
  lowestMonth: number;
}

/**
 * Walks plan year `t`'s cash month by month: operating cash before debt service (経常利益 with
 * interest and fees added back, plus depreciation, less capex and the working-capital change)
 * arrives evenly, each month's senior and capital-type payments go out, taxes at the year end.
 * Shared by the projection and the Monte Carlo paths, so both walk cash the same way.
 *
 * @example
 * const walk = { cash: 1e7, lowestCash: 0, lowestMonth: 0 };
 * walkYearCash(walk, plan[0], 0, ordinaryProfit, interest, 0, fees, tax, senior, new Float64Array(12), 0);
 */
export function walkYearCash(
  walk: CashWalk,
  plan: PlanYear,
  t: number,
  ordinaryProfit: number,
  interest: number,
  capitalInterest: number,
  fees: number,
  tax: number,
  senior: MonthlyDebtFlows,
  capitalMonthly: Float64Array,
  capitalFirst: number,
): void {
  const operatingCash =
    ordinaryProfit +
    interest +
    capitalInterest +
    fees +
    plan.depreciation -
    plan.capex -
    plan.workingCapitalChange;
  let cash = walk.cash;
  let lowestCash = Infinity;
  let lowestMonth = 0;
  for (let m = 0; m < 12; m++) {
    const g = t * 12 + m;
    cash +=
      operatingCash / 12 -
      (senior.interest[g] + senior.principal[g] + senior.fee[g]) -
      capitalMonthly[capitalFirst + m];
    if (m === 11) cash -= tax;
    if (cash < lowestCash) {
      lowestCash = cash;
      lowestMonth = m;
    }
  }
  walk.cash = Math.round(cash);
  walk.lowestCash = Math.round(lowestCash);
  walk.lowestMonth = lowestMonth;
}
