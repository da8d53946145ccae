import { BaseYear, Case } from '../case/case';
import { debtRepaymentYears } from '../measures/debt-repayment-years';

/**
 * A closed year's result on both lines a capital-type loan may read for 赤字 / 黒字. They can
 * differ in sign only by special items (特別損益), which the projection does not model: in a
 * projected year tax never exceeds the profit it is charged on, so 税引後当期純利益 > 0 exactly
 * when 経常利益 > 0, and a projected year passes a plain "profitable" flag instead.
 */
export interface ClosedYearResult {
  ordinaryProfit: number;
  netIncome: number;
}

/** The base year's two lines; its 税引後当期純利益 is 経常利益 less tax when the case gives none. */
export function closedYearResult(base: BaseYear): ClosedYearResult {
  const tax = Math.floor(Math.max(0, base.ordinaryProfit) * base.effectiveTaxRate);
  return {
    ordinaryProfit: base.ordinaryProfit,
    netIncome: base.netIncome ?? base.ordinaryProfit - tax,
  };
}

/**
 * 債務償還年数 of the latest closed year (直近決算) for a given interest-bearing debt — the
 * measure program eligibility reads. The caller leaves capital-type loans out for the share
 * recognised as capital, as the plan checks do (domain.md §6). Taxes are the year's 経常利益 at
 * the effective rate; `null` when cash flow is zero or negative.
 */
export function closedYearDebtRepaymentYears(c: Case, interestBearingDebt: number): number | null {
  const base = c.base;
  return debtRepaymentYears({
    interestBearingDebt,
    cash: base.cash,
    receivables: base.receivables,
    inventory: base.inventory,
    payables: base.payables,
    ordinaryProfit: base.ordinaryProfit,
    depreciation: base.depreciation,
    taxes: Math.floor(Math.max(0, base.ordinaryProfit) * base.effectiveTaxRate),
    form: c.thresholds.debtYearsForm,
  }).value;
}
