import { PlanYear } from '../case/case';
import { monthlyFlowsInto } from '../plan/monthly-profile';
import { MonthlyProfile } from '../plan/types';

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
  /**
   * The case's monthlyProfile: operating cash then arrives as the 資金繰り表's receipts less
   * payments (monthlyFlows), so the lowest cash is the lowest month-end of that table.
   */
  profile?: MonthlyProfile;
  /** Scratch for the profile's monthly receipts and payments (allocated once per walk owner). */
  receipts?: Float64Array;
  payments?: Float64Array;
}

/**
 * Walks plan year `t`'s cash month by month: operating cash before debt service (経常利益 with
 * interest and fees added back, plus depreciation, less capex and the working-capital change)
 * arrives evenly — or timed by the walk's monthly profile (seasonality and sites, on the year's
 * `revenue`) —, each month's senior and capital-type payments go out, taxes at the year end.
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
  revenue = plan.revenue,
): void {
  const operatingCash =
    ordinaryProfit +
    interest +
    capitalInterest +
    fees +
    plan.depreciation -
    plan.capex -
    plan.workingCapitalChange;
  // Without a profile the even twelfth, exactly as before (no float drift in flat cases).
  const profile = walk.profile;
  const receipts = profile ? (walk.receipts ??= new Float64Array(12)) : undefined;
  const payments = profile ? (walk.payments ??= new Float64Array(12)) : undefined;
  if (profile) monthlyFlowsInto(revenue, operatingCash, profile, receipts!, payments!);
  let cash = walk.cash;
  let lowestCash = Infinity;
  let lowestMonth = 0;
  for (let m = 0; m < 12; m++) {
    const g = t * 12 + m;
    cash +=
      (receipts ? receipts[m] - payments![m] : operatingCash / 12) -
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
