import { EpochDay, fromEpochDay, monthIndex } from '../time/civil-date';
import { DayCount, yearBasis } from '../time/day-count';
import { PaymentSchedule, fillPaymentSchedule } from '../time/payment-dates';
import { RateRule, RateScenario, fillLoanRates } from '../rates/rate-rule';
import { Rounding } from '../schedule/repayment-method';
import { KernelTerms, PeriodBuffers, allocatePeriodBuffers, amortize } from '../schedule/amortize';

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
    balance: 0.5, // a double from the start, so the field never changes representation
    periods: 0,
    graceMonths: 0,
    method: 0,
    roundYen: batch.rounding === 'floor',
    basis: yearBasis(batch.dayCount),
    feeUnits: 0.5,
    firstYearLength: 12,
  };

  // Loans drawn on the same day share their dates: rebuild them only when the start changes
  // (the caller can sort the batch by start date to make the most of it).
  let scheduleStart = NaN;
  let scheduleLength = 0;
  for (let i = 0; i < count; i++) {
    const n = batch.termMonths[i];
    const start = batch.startDate[i];
    if (start !== scheduleStart || n > scheduleLength) {
      fillPaymentSchedule(start, n, batch.dayCount, schedule);
      scheduleStart = start;
      scheduleLength = n;
    }
    const { slot, length } = firstFiscalBlock(start, fiscalYearEndMonth, firstFiscalYear);
    terms.balance = batch.principal[i];
    terms.periods = n;
    terms.graceMonths = batch.graceMonths[i];
    terms.method = batch.method[i];
    terms.feeUnits = batch.feeUnits[i];
    terms.firstYearLength = length;
    const blocks = Math.ceil((n - length) / 12) + 1;
    // A fixed loan's rates are the same on every realistic path: resolve them once.
    const rule = batch.rules[i];
    let ratesFor: RateScenario | null = null;
    for (let p = 0; p < paths; p++) {
      const scenario = scenarios[p];
      const sameRates =
        rule.type === 'fixed' &&
        ratesFor !== null &&
        ratesFor.mode === 'realistic' &&
        scenario.mode === 'realistic';
      if (!sameRates) fillLoanRates(rule, schedule.dates, n, scenario, rates);
      ratesFor = scenario;
      amortize(terms, rates, schedule.days, flows);
      addYearBlocks(flows, blocks, slot, years, p, i, result);
    }
  }
  return result;
}

/** The fiscal-year slot of a loan's first payment (payment k falls in month start + k) and how many payments that year holds. */
function firstFiscalBlock(
  start: EpochDay,
  endMonth: number,
  firstYear: number,
): { slot: number; length: number } {
  const { year, month } = fromEpochDay(start);
  // Months counted so that each fiscal year is a whole block of 12 ending at `endMonth`.
  const shifted = monthIndex(year, month) + 12 - endMonth + 1;
  return { slot: Math.floor(shifted / 12) + 1970 - firstYear, length: 12 - (shifted % 12) };
}

function addYearBlocks(
  flows: PeriodBuffers,
  blocks: number,
  firstSlot: number,
  years: number,
  path: number,
  loan: number,
  r: BatchResult,
): void {
  let interest = 0;
  let principal = 0;
  let fee = 0;
  const base = path * years;
  for (let b = 0; b < blocks; b++) {
    const slot = firstSlot + b;
    const i = flows.yearInterest[b];
    const p = flows.yearPrincipal[b];
    const f = flows.yearFee[b];
    interest += i;
    principal += p;
    fee += f;
    if (slot >= 0 && slot < years) {
      r.interestByYear[base + slot] += i;
      r.principalByYear[base + slot] += p;
      r.feeByYear[base + slot] += f;
    }
  }
  const at = path * r.count + loan;
  r.interestByLoan[at] = interest;
  r.principalByLoan[at] = principal;
  r.feeByLoan[at] = fee;
}
