import { floorTimes } from './exact';

/** The figures of the last closed fiscal year a plan year's budget is decided from (yen). */
export interface ClosedYear {
  fiscalYear: number;
  netIncome: number;
  depreciation: number;
  capex: number;
  workingCapitalChange: number;
  cash: number;
  revenue: number;
}

/** FCF = 税引後当期純利益 + 減価償却費 − 設備投資 − 運転資本増加. */
export function freeCashFlow(y: ClosedYear): number {
  return y.netIncome + y.depreciation - y.capex - y.workingCapitalChange;
}

export interface YearBudget {
  /** The closed year the budget comes from. */
  priorYear: number;
  fcfPrior: number;
  /** floor(FCF × share) − outside principal, at least 0, before the cash cap. */
  beforeCap: number;
  /** floor(minCashMonths × revenue ÷ 12) of the closed year. */
  minimumCash: number;
  budget: number;
}

/**
 * Plan year t's repayment budget R_t from the last closed year (t − 1, the base year for t = 1):
 * max(0, floor(FCF × fcfShare) − the contract principal of loans outside the pool in year t),
 * capped at max(0, cash at the end of t − 1 − floor(minCashMonths × revenue of t − 1 ÷ 12)).
 *
 * @example
 * // FCF 3,000万, 80 %, outside 400万, cash 2,500万, 1 month of 2億円 revenue (1,666万):
 * // min(2,400万 − 400万, 2,500万 − 16,666,666) = 8,333,334
 */
export function yearBudget(
  prior: ClosedYear,
  outsidePrincipal: number,
  fcfShare: number,
  minCashMonths: number,
): YearBudget {
  const fcfPrior = freeCashFlow(prior);
  const beforeCap = Math.max(0, floorTimes(fcfPrior, fcfShare) - outsidePrincipal);
  const minimumCash = Math.floor(floorTimes(prior.revenue, minCashMonths) / 12);
  const budget = Math.min(beforeCap, Math.max(0, prior.cash - minimumCash));
  return { priorYear: prior.fiscalYear, fcfPrior, beforeCap, minimumCash, budget };
}
