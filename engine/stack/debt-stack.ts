import { EpochDay } from '../time/civil-date';
import { IndexPaths } from '../rates/rate-index';
import { RateRule, RateScenario, fillLoanRates } from '../rates/rate-rule';
import { InterestRateSwap, applySwapRates, swapWeights } from '../rates/swap';
import { LoanTerms, Schedule, buildSchedule, paymentScheduleOf } from '../schedule/loan-schedule';

/** One loan of a borrower's debt stack: its terms and how its rate moves. */
export interface StackLoan {
  id: string;
  name: string;
  lender: string;
  terms: LoanTerms;
  rate: RateRule;
  /** The guarantee corporation's share (0.8 or 1) of a 保証協会-guaranteed loan; absent: none. */
  guaranteeCoverage?: number;
  /** An existing loan: drawn on this date (before the analysis date), for this amount. */
  drawdownDate?: EpochDay;
  originalPrincipal?: number;
  /** An existing capital-type loan (コロナ資本性劣後ローン, an older DDS): its performance-linked rate. */
  capitalType?: CapitalTypeRate;
  /** A pay-fixed swap on a floating loan: all-in swap rate + spread while it runs. */
  swap?: InterestRateSwap;
}

/**
 * A capital-type loan's rate by result: `lossRate` after a loss year (経常利益 ≤ 0), `profitRate`
 * after a profit year; `initialRate` for the years starting on or before `initialUntil`.
 */
export interface CapitalTypeRate {
  lossRate: number;
  profitRate: number;
  initialRate?: number;
  initialUntil?: EpochDay;
}

/** A borrower's debt as of a date, with the base paths of the indexes it floats on. */
export interface DebtStack {
  name: string;
  asOf: EpochDay;
  /** 決算月: the month (1–12) the fiscal year ends. */
  fiscalYearEndMonth: number;
  indexes: IndexPaths;
  loans: StackLoan[];
}

/** The per-period rates a loan pays under a scenario (1e-7 units). */
export function loanRates(loan: StackLoan, scenario: RateScenario): Float64Array {
  const { dates } = paymentScheduleOf(loan.terms);
  const rates = new Float64Array(loan.terms.termMonths);
  fillLoanRates(loan.rate, dates, loan.terms.termMonths, scenario, rates);
  if (loan.swap && loan.rate.type === 'floating')
    applySwapRates(loan.swap, loan.rate.spread, swapWeightsOf(loan, scenario), rates.length, rates);
  return rates;
}

/**
 * The swap's cover of each period (see swapWeights): with a yen notional, on the balances of
 * the loan at today's rates (no shock), so every scenario and path shares them.
 */
export function swapWeightsOf(loan: StackLoan, scenario: Pick<RateScenario, 'indexes' | 'asOf'>) {
  const { dates } = paymentScheduleOf(loan.terms);
  const n = loan.terms.termMonths;
  if (!loan.swap) return new Float64Array(n);
  if (loan.swap.notional === 'loan') return swapWeights(loan.swap, dates, n, null);
  const base = new Float64Array(n);
  fillLoanRates(loan.rate, dates, n, { ...scenario, shock: null, mode: 'realistic' }, base);
  return swapWeights(loan.swap, dates, n, buildSchedule(loan.terms, base).flows.opening);
}

/** Every loan's schedule under one scenario. */
export function stackSchedules(stack: DebtStack, scenario: RateScenario): Schedule[] {
  return stack.loans.map((loan) => buildSchedule(loan.terms, loanRates(loan, scenario)));
}
