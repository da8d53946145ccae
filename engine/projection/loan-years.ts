import { fiscalYearOf } from '../time/fiscal-year';
import { scheduledFiscalYear } from '../time/payment-dates';
import { fromRateUnits } from '../interest/rate-units';
import { addByFiscalYear, emptyFiscalYears } from '../schedule/fiscal-aggregate';
import { Schedule } from '../schedule/loan-schedule';
import { StrategyBook } from '../strategy/apply-strategy';
import { CapitalFlows } from './project';

/** One loan's figures in one fiscal year (yen; `rate` a decimal, null once repaid). */
export interface LoanYear {
  fiscalYear: number;
  interest: number;
  fees: number;
  /** 返戻保証料 received in the year (positive), on the loan a refinancing repaid. */
  feeRefund: number;
  principal: number;
  closingBalance: number;
  /** The annual rate in force at the fiscal year's end: of the period running on its last day. */
  rate: number | null;
}

export interface LoanYears {
  loanId: string;
  name: string;
  kind: 'senior' | 'capital';
  years: LoanYear[];
}

/**
 * Each loan's figures per plan year, so a reader sees which loan drives the extra interest
 * (`run --json`): senior loans from their schedules (fiscal-year sums as everywhere else),
 * capital-type loans from their projected flows. `fees` is the 保証料 paid in the year;
 * `feeRefund` the 返戻保証料 received, on a loan repaid by a refinancing (listed after the
 * senior loans with nothing else: it is gone on the analysis date), in plan year 1 as the
 * projection books it. So Σ (fees − feeRefund) over loans is the projection's fees paid.
 */
export function loanFiscalYears(
  book: StrategyBook,
  schedules: { seniorSchedules: readonly Schedule[]; capitalFlows: readonly CapitalFlows[] },
  firstYear: number,
  count: number,
  endMonth: number,
): LoanYears[] {
  const senior = schedules.seniorSchedules.map((s, i): LoanYears => {
    const figures = emptyFiscalYears(firstYear, count, endMonth);
    addByFiscalYear(s, figures);
    // A lump-sum fee in the year of drawdown (the first plan year for one on the analysis date).
    const upfrontYear = Math.max(0, fiscalYearOf(s.dates[0], endMonth) - firstYear);
    if (s.upfrontFee && upfrontYear < count) figures.fee[upfrontYear] += s.upfrontFee;
    const years = Array.from({ length: count }, (_, t) => ({
      fiscalYear: firstYear + t,
      interest: figures.interest[t],
      fees: figures.fee[t],
      feeRefund: 0,
      principal: figures.principal[t],
      closingBalance: figures.closing[t],
      rate: rateAtYearEnd(s.dates, s.rates, s.rates.length, firstYear + t, endMonth),
    }));
    return { loanId: book.senior[i].id, name: book.senior[i].name, kind: 'senior', years };
  });
  const repaid = (book.guaranteeFeeRefunds ?? []).map((r): LoanYears => ({
    loanId: r.loanId,
    name: r.name,
    kind: 'senior',
    years: Array.from({ length: count }, (_, t) => ({
      fiscalYear: firstYear + t,
      interest: 0,
      fees: 0,
      feeRefund: t === 0 ? r.amount : 0,
      principal: 0,
      closingBalance: 0,
      rate: null,
    })),
  }));
  const capital = schedules.capitalFlows.map((f): LoanYears => {
    const years: LoanYear[] = Array.from({ length: count }, (_, t) => ({
      fiscalYear: firstYear + t,
      interest: 0,
      fees: 0,
      feeRefund: 0,
      principal: 0,
      closingBalance: 0,
      rate: rateAtYearEnd(f.dates, f.rates, f.periods, firstYear + t, endMonth),
    }));
    let balance = f.loan.amount;
    let slot = fiscalYearOf(f.dates[0], endMonth) - firstYear;
    const carryTo = (end: number) => {
      for (; slot < end; slot++)
        if (slot >= 0 && slot < count) years[slot].closingBalance = balance;
    };
    for (let k = 0; k < f.periods; k++) {
      const s = scheduledFiscalYear(f.dates, k + 1, endMonth) - firstYear;
      carryTo(s);
      if (s >= 0 && s < count) {
        years[s].interest += f.interest[k];
        years[s].principal += f.principal[k];
      }
      balance -= f.principal[k];
    }
    carryTo(count);
    return { loanId: f.loan.id, name: f.loan.name, kind: 'capital', years };
  });
  return [...senior, ...repaid, ...capital];
}

/**
 * The rate of the period running over the fiscal year's end (its payment the first after it);
 * null before the loan starts and after its last payment.
 */
function rateAtYearEnd(
  dates: Int32Array,
  rates: Float64Array,
  periods: number,
  fiscalYear: number,
  endMonth: number,
): number | null {
  for (let k = 1; k <= periods; k++) {
    if (scheduledFiscalYear(dates, k, endMonth) > fiscalYear)
      return scheduledFiscalYear(dates, k - 1, endMonth) <= fiscalYear
        ? fromRateUnits(rates[k - 1])
        : null;
  }
  return null;
}
