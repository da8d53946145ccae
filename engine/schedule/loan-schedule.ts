import { DayCount, yearBasis } from '../time/day-count';
import { EpochDay } from '../time/civil-date';
import { PaymentSchedule, monthlyPaymentSchedule } from '../time/payment-dates';
import { BusinessDayConvention } from '../time/business-days';
import { GuaranteeFeePayment, lumpSumGuaranteeFee } from './guarantee-fee';
import { toRateUnits } from '../interest/rate-units';
import { METHOD_CODE, RepaymentMethod, Rounding } from './repayment-method';
import { KernelTerms, PeriodBuffers, allocatePeriodBuffers, amortize } from './amortize';

/** What defines a loan's cash flows apart from its rates (the "instrument"). */
export interface LoanTerms {
  /** Outstanding balance at `startDate` in yen (the drawdown amount for a new loan). */
  principal: number;
  /** Months from `startDate` to the last payment. */
  termMonths: number;
  /** Interest-only months at the start, inside the term. */
  graceMonths: number;
  method: RepaymentMethod;
  dayCount: DayCount;
  /** Drawdown date, or the as-of date (last payment date) of an existing loan. */
  startDate: EpochDay;
  rounding: Rounding;
  /** 保証料: annual rate on the outstanding balance, paid with each installment. */
  guaranteeFeeRate: number;
  /** Payment dates on closed days: moved to the next / previous business day; unset = none. */
  businessDay?: BusinessDayConvention;
  /**
   * 保証料 paid in one sum at drawdown (`lump-sum`) or as the annual rate on the balance with
   * each instalment (`installments`, unset). An existing loan (`feePaidBefore`) paid its lump
   * sum before `startDate`: nothing more is due.
   */
  guaranteeFeePayment?: GuaranteeFeePayment;
  feePaidBefore?: boolean;
  /** 繰上返済: `amount` more principal paid with payment `period` (1-based). */
  prepayment?: { period: number; amount: number; effect: PrepaymentEffect };
}

/** 期間短縮 (the instalment kept, the loan ends earlier) or 返済額軽減 (the instalment lowered). */
export type PrepaymentEffect = 'shorten-term' | 'lower-instalment';

export interface ScheduleTotals {
  interest: number;
  principal: number;
  fee: number;
  /** Principal + interest (the fee is shown separately). */
  payment: number;
}

/** True when the loan's 保証料 is one sum paid at drawdown (so none accrues per period). */
export function isLumpSumFee(terms: LoanTerms): boolean {
  return terms.guaranteeFeePayment === 'lump-sum';
}

/** One loan's monthly cash flows, kept as typed arrays; rows are made only at the edge. */
export interface Schedule {
  readonly terms: LoanTerms;
  /** dates[0] = start; dates[k] = payment date of period k. */
  readonly dates: Int32Array;
  readonly days: Uint16Array;
  /** Annual rate per period in 1e-7 units. */
  readonly rates: Float64Array;
  readonly flows: PeriodBuffers;
  /** A lump-sum 保証料 paid on `dates[0]` (0 otherwise); included in `totals.fee`. */
  readonly upfrontFee: number;
  readonly totals: ScheduleTotals;
}

/** A flat rate for every period, in engine units. */
export function flatRates(annualRate: number, periods: number): Float64Array {
  return new Float64Array(periods).fill(toRateUnits(annualRate));
}

/** Builds a loan's schedule for the given per-period rates (1e-7 units, one per period). */
export function buildSchedule(terms: LoanTerms, rates: Float64Array): Schedule {
  const n = terms.termMonths;
  if (rates.length < n) throw new RangeError(`rates cover ${rates.length} of ${n} periods`);
  const { dates, days } = paymentScheduleOf(terms);
  const flows = allocatePeriodBuffers(n);
  amortize(kernelTerms(terms), rates, days, flows);
  const upfrontFee = isLumpSumFee(terms) && !terms.feePaidBefore ? lumpSumGuaranteeFee(terms) : 0;
  const totals = sumFlows(flows);
  totals.fee += upfrontFee;
  return { terms, dates, days, rates, flows, upfrontFee, totals };
}

/** A loan's payment dates and accrual days, business days applied. */
export function paymentScheduleOf(
  terms: Pick<LoanTerms, 'startDate' | 'termMonths' | 'dayCount' | 'businessDay'>,
): PaymentSchedule {
  return monthlyPaymentSchedule(
    terms.startDate,
    terms.termMonths,
    terms.dayCount,
    terms.businessDay ?? 'none',
  );
}

export function kernelTerms(terms: LoanTerms): KernelTerms {
  return {
    balance: terms.principal,
    periods: terms.termMonths,
    graceMonths: terms.graceMonths,
    method: METHOD_CODE[terms.method],
    roundYen: terms.rounding === 'floor',
    basis: yearBasis(terms.dayCount),
    // A lump-sum fee is not charged per period.
    feeUnits: isLumpSumFee(terms) ? 0 : toRateUnits(terms.guaranteeFeeRate),
    // One year block per 12 periods from the start: callers that want fiscal years say so.
    firstYearLength: 12,
    ...(terms.prepayment && {
      prepayPeriod: terms.prepayment.period - 1,
      prepayAmount: terms.prepayment.amount,
      prepayLower: terms.prepayment.effect === 'lower-instalment',
    }),
  };
}

function sumFlows(flows: PeriodBuffers): ScheduleTotals {
  let interest = 0;
  let principal = 0;
  let fee = 0;
  for (let k = 0; k < flows.interest.length; k++) {
    interest += flows.interest[k];
    principal += flows.principal[k];
    fee += flows.fee[k];
  }
  return { interest, principal, fee, payment: interest + principal };
}
