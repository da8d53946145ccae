import { BaseYear, Case } from '../case/case';
import { recognizedCapital } from '../measures/capital-recognition';
import { debtRepaymentYears } from '../measures/debt-repayment-years';
import { EpochDay, fromEpochDay } from '../time/civil-date';
import { fiscalYearOf } from '../time/fiscal-year';

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

/** A capital-type loan as the closed year sees it: its balance and its monthly payment grid. */
export interface CapitalAtClose {
  amount: number;
  startDate: EpochDay;
  termMonths: number;
}

/**
 * The debt stack's principal less the part of the given capital-type loans recognised as
 * capital at the closed year's end: each by the payments still to come after that month (the
 * projection's taper, project.ts), so eligibility's 債務償還年数 treats them as the checks do.
 */
export function closedYearInterestBearingDebt(c: Case, capital: readonly CapitalAtClose[]): number {
  const endMonth = c.profile.fiscalYearEndMonth;
  const closedYear = fiscalYearOf(c.asOf + 1, endMonth) - 1;
  const closeKey = closedYear * 12 + (endMonth - 1);
  const recognised = capital.reduce((sum, l) => {
    const { year, month } = fromEpochDay(l.startDate);
    // Payment k falls in month startKey + k; those after the closing month are still to come.
    const lastKey = year * 12 + (month - 1) + l.termMonths;
    const remaining = Math.min(l.termMonths, Math.max(0, lastKey - closeKey));
    return sum + recognizedCapital(l.amount, remaining);
  }, 0);
  return c.stack.loans.reduce((sum, l) => sum + l.terms.principal, 0) - recognised;
}

/** The case's existing capital-type loans (stack loans with `capitalType`) as the closed year sees them. */
export function existingCapitalAtClose(c: Case): CapitalAtClose[] {
  return c.stack.loans
    .filter((l) => l.capitalType)
    .map(({ terms: t }) => ({
      amount: t.principal,
      startDate: t.startDate,
      termMonths: t.termMonths,
    }));
}
