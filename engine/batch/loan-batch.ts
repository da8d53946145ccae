import { EpochDay, fromEpochDay, monthIndex } from '../time/civil-date';
import { DayCount, yearBasis } from '../time/day-count';
import { PaymentSchedule, fillPaymentSchedule } from '../time/payment-dates';
import { RateRule, RateScenario, fillLoanRates } from '../rates/rate-rule';
import { Rounding } from '../schedule/repayment-method';
import { KernelTerms, allocatePeriodBuffers, amortize } from '../schedule/amortize';

/**
 * Many loans as a structure of arrays: one typed array per field, one slot per loan.
 * The rate rule stays an object per loan (a handful of fields); nothing is allocated per
 * month.
 */
export interface LoanBatch {
  count: number;
  principal: Float64Array;
  termMonths: Uint16Array;
  graceMonths: Uint16Array;
  /** METHOD_CODE values. */
  method: Uint8Array;
  startDate: Int32Array;
  /** Guarantee fee, annual, in 1e-7 units. */
  feeUnits: Float64Array;
  rules: RateRule[];
  dayCount: DayCount;
  rounding: Rounding;
}

export function allocateLoanBatch(
  count: number,
  dayCount: DayCount = 'ACT/365F',
  rounding: Rounding = 'floor',
): LoanBatch {
  return {
    count,
    principal: new Float64Array(count),
    termMonths: new Uint16Array(count),
    graceMonths: new Uint16Array(count),
    method: new Uint8Array(count),
    startDate: new Int32Array(count),
    feeUnits: new Float64Array(count),
    rules: new Array<RateRule>(count),
    dayCount,
    rounding,
  };
}

/**
 * Results of a batch run, flat and indexed [path × loan] or [path × fiscal year]:
 * life totals per loan and the whole batch's flows per fiscal year.
 */
export interface BatchResult {
  paths: number;
  count: number;
  firstFiscalYear: number;
  years: number;
  interestByLoan: Float64Array;
  principalByLoan: Float64Array;
  feeByLoan: Float64Array;
  interestByYear: Float64Array;
  principalByYear: Float64Array;
  feeByYear: Float64Array;
}

export interface BatchOptions {
  fiscalYearEndMonth: number;
  /** The first fiscal year reported (by the year it ends in); earlier payments are left out. */
  firstFiscalYear: number;
  years: number;
}

/**
 * Runs every loan under every rate scenario (path). Loans are the outer loop, so each loan's
 * dates are built once and reused across paths; per path the rates are resolved by the
 * loan's own rule and the amortization kernel runs on reused scratch arrays.
 *
 * @example
 * runBatch(batch, [base, plus25bp, plus50bp], { fiscalYearEndMonth: 3, firstFiscalYear: 2027, years: 20 })
 */
export function runBatch(
  batch: LoanBatch,
  scenarios: readonly RateScenario[],
  options: BatchOptions,
): BatchResult {
  const { count } = batch;
  const paths = scenarios.length;
  const { years, firstFiscalYear, fiscalYearEndMonth } = options;
  let maxTerm = 0;
  for (let i = 0; i < count; i++) maxTerm = Math.max(maxTerm, batch.termMonths[i]);

  const schedule: PaymentSchedule = {
    dates: new Int32Array(maxTerm + 1),
    days: new Uint16Array(maxTerm),
  };
  const rates = new Float64Array(maxTerm);
  const flows = allocatePeriodBuffers(maxTerm);
  const slots = new Int32Array(maxTerm);
  const result: BatchResult = {
    paths,
    count,
    firstFiscalYear,
    years,
    interestByLoan: new Float64Array(paths * count),
    principalByLoan: new Float64Array(paths * count),
    feeByLoan: new Float64Array(paths * count),
    interestByYear: new Float64Array(paths * years),
    principalByYear: new Float64Array(paths * years),
    feeByYear: new Float64Array(paths * years),
  };
  const terms: KernelTerms = {
    balance: 0,
    periods: 0,
    graceMonths: 0,
    method: 0,
    roundYen: batch.rounding === 'floor',
    basis: yearBasis(batch.dayCount),
    feeUnits: 0,
  };

  for (let i = 0; i < count; i++) {
    const n = batch.termMonths[i];
    fillPaymentSchedule(batch.startDate[i], n, batch.dayCount, schedule);
    fillFiscalSlots(batch.startDate[i], n, fiscalYearEndMonth, firstFiscalYear, slots);
    terms.balance = batch.principal[i];
    terms.periods = n;
    terms.graceMonths = batch.graceMonths[i];
    terms.method = batch.method[i];
    terms.feeUnits = batch.feeUnits[i];
    for (let p = 0; p < paths; p++) {
      fillLoanRates(batch.rules[i], schedule.dates, n, scenarios[p], rates);
      amortize(terms, rates, schedule.days, flows);
      accumulate(flows.interest, flows.principal, flows.fee, slots, n, years, p, i, result);
    }
  }
  return result;
}

/** Fiscal-year slot of each payment: payment k is in month start + k. */
function fillFiscalSlots(
  start: EpochDay,
  periods: number,
  endMonth: number,
  firstYear: number,
  out: Int32Array,
): void {
  const { year, month } = fromEpochDay(start);
  // Months counted so that each fiscal year is a whole block of 12 ending at `endMonth`.
  const shifted = monthIndex(year, month) + 12 - endMonth;
  for (let k = 0; k < periods; k++) out[k] = Math.floor((shifted + k + 1) / 12) + 1970 - firstYear;
}

function accumulate(
  interest: Float64Array,
  principal: Float64Array,
  fee: Float64Array,
  slots: Int32Array,
  n: number,
  years: number,
  path: number,
  loan: number,
  r: BatchResult,
): void {
  let totalInterest = 0;
  let totalPrincipal = 0;
  let totalFee = 0;
  // Slots never decrease: sum a fiscal year's run of months, then add it once.
  let k = 0;
  while (k < n) {
    const slot = slots[k];
    let si = 0;
    let sp = 0;
    let sf = 0;
    for (; k < n && slots[k] === slot; k++) {
      si += interest[k];
      sp += principal[k];
      sf += fee[k];
    }
    totalInterest += si;
    totalPrincipal += sp;
    totalFee += sf;
    if (slot >= 0 && slot < years) {
      const at = path * years + slot;
      r.interestByYear[at] += si;
      r.principalByYear[at] += sp;
      r.feeByYear[at] += sf;
    }
  }
  const at = path * r.count + loan;
  r.interestByLoan[at] = totalInterest;
  r.principalByLoan[at] = totalPrincipal;
  r.feeByLoan[at] = totalFee;
}
