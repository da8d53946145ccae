import { floorEstimate } from '../interest/accrue';
import { RATE_SCALE } from '../interest/rate-units';
import { annuityPayment, instalmentsRepay } from './annuity-payment';

/**
 * Outputs of one loan, written by {@link amortize} (structure of arrays): per period, and
 * summed per year block (`year*`: the first block holds `firstYearLength` periods, each later
 * one 12), so that fiscal-year figures come out of the same pass as the schedule.
 */
export interface PeriodBuffers {
  opening: Float64Array;
  interest: Float64Array;
  principal: Float64Array;
  fee: Float64Array;
  yearInterest: Float64Array;
  yearPrincipal: Float64Array;
  yearFee: Float64Array;
}

/** Year blocks a loan of `periods` months can touch: a partial first year, then whole years. */
export function yearBlocks(periods: number): number {
  return Math.ceil((periods - 1) / 12) + 1;
}

export function allocatePeriodBuffers(periods: number): PeriodBuffers {
  const years = yearBlocks(periods);
  return {
    opening: new Float64Array(periods),
    interest: new Float64Array(periods),
    principal: new Float64Array(periods),
    fee: new Float64Array(periods),
    yearInterest: new Float64Array(years),
    yearPrincipal: new Float64Array(years),
    yearFee: new Float64Array(years),
  };
}

/** The terms the kernel needs, as plain numbers. Method codes: see METHOD_CODE. */
export interface KernelTerms {
  balance: number;
  periods: number;
  graceMonths: number;
  method: number;
  roundYen: boolean;
  basis: number;
  feeUnits: number;
  /** Periods in the first year block (1–12): the payments before the first fiscal year end. */
  firstYearLength: number;
  /**
   * 繰上返済: an extra `prepayAmount` of principal paid with period `prepayPeriod` (0-based; −1
   * or unset: none), cut to what is left. `prepayLower`: 返済額軽減 (the instalment is recomputed
   * over the months left); else 期間短縮 (the instalment is kept, so the loan ends earlier).
   */
  prepayPeriod?: number;
  prepayAmount?: number;
  prepayLower?: boolean;
}

/**
 * The hot loop: amortizes one loan over its periods, month by month, on typed arrays.
 *
 * `rates[k]` is the annual rate (integer units of 1e-7) for interest accruing in period k+1
 * and `days[k]` its accrual days. Grace periods (the first `graceMonths`) pay interest only.
 * Equal-principal installments are fixed at the first amortizing period; annuity
 * installments are recomputed over the remaining term (shortened by a 期間短縮 prepayment)
 * whenever the rate changes. The last period repays whatever is left, so principal always
 * sums to the balance.
 *
 * Speed notes (measured, see bench/): one loop per repayment method — a loop that asks "which
 * method?" every month runs at half the speed; year sums are kept in registers inside the
 * loop rather than summed in a second pass over the arrays. Each method's loop therefore
 * repeats the same block structure: `for` year block, `for` month in block.
 */
export function amortize(
  t: KernelTerms,
  rates: ArrayLike<number>,
  days: ArrayLike<number>,
  out: PeriodBuffers,
): void {
  if (t.method === 0) equalPrincipal(t, rates, days, out);
  else if (t.method === 1) annuity(t, rates, days, out);
  else bullet(t, rates, days, out);
  if (t.feeUnits === 0) {
    out.fee.fill(0, 0, t.periods);
    out.yearFee.fill(0);
  } else {
    accrueFees(t, days, out);
  }
}

/**
 * One period's interest: balance × (rate × days / (basis × 1e7)), cut to whole yen when
 * `roundYen` — exactly (see accrueFloor): the floating estimate is kept only when clearly away
 * from a whole yen. The factor is computed apart from the balance so that the month-to-month
 * dependency chain (balance → interest → principal → balance) stays one multiplication long,
 * and by the reciprocal: a division here costs a third of the loop's speed.
 */
function periodInterest(
  balance: number,
  rateTimesDays: number,
  denominator: number,
  perUnitDay: number,
  roundYen: boolean,
): number {
  const x = balance * (rateTimesDays * perUnitDay);
  return roundYen ? floorEstimate(balance, rateTimesDays, denominator, x) : x;
}

function equalPrincipal(
  t: KernelTerms,
  rates: ArrayLike<number>,
  days: ArrayLike<number>,
  out: PeriodBuffers,
): void {
  const { periods, graceMonths, roundYen } = t;
  const denominator = t.basis * RATE_SCALE;
  const perUnitDay = 1 / denominator;
  const { opening, interest, principal, yearInterest, yearPrincipal } = out;
  const last = periods - 1;
  const amortizing = periods - graceMonths;
  let balance = t.balance;
  let installment = roundYen ? Math.floor(balance / amortizing) : balance / amortizing;
  const prepayAt = t.prepayPeriod ?? -1;
  let end = Math.min(t.firstYearLength, periods);
  for (let k = 0, year = 0; k < periods; year++, end = Math.min(end + 12, periods)) {
    let sumInterest = 0;
    let sumPrincipal = 0;
    for (; k < end; k++) {
      const i = periodInterest(balance, rates[k] * days[k], denominator, perUnitDay, roundYen);
      let p =
        k === last ? balance : k < graceMonths ? 0 : installment < balance ? installment : balance;
      if (k === prepayAt) {
        p += Math.min(t.prepayAmount ?? 0, balance - p);
        // 返済額軽減: what is left re-spread over the remaining instalments.
        if (t.prepayLower && k < last) {
          const left = periods - 1 - Math.max(k, graceMonths - 1);
          installment = roundYen ? Math.floor((balance - p) / left) : (balance - p) / left;
        }
      }
      opening[k] = balance;
      interest[k] = i;
      principal[k] = p;
      sumInterest += i;
      sumPrincipal += p;
      balance -= p;
    }
    yearInterest[year] = sumInterest;
    yearPrincipal[year] = sumPrincipal;
  }
}

function annuity(
  t: KernelTerms,
  rates: ArrayLike<number>,
  days: ArrayLike<number>,
  out: PeriodBuffers,
): void {
  const { periods, graceMonths, roundYen } = t;
  const denominator = t.basis * RATE_SCALE;
  const perUnitDay = 1 / denominator;
  const { opening, interest, principal, yearInterest, yearPrincipal } = out;
  // The last instalment: the contract's, or earlier after a 期間短縮 prepayment.
  let last = periods - 1;
  let balance = t.balance;
  let installment = 0;
  let installmentRate = -1;
  const prepayAt = t.prepayPeriod ?? -1;
  let end = Math.min(t.firstYearLength, periods);
  for (let k = 0, year = 0; k < periods; year++, end = Math.min(end + 12, periods)) {
    let sumInterest = 0;
    let sumPrincipal = 0;
    for (; k < end; k++) {
      const rate = rates[k];
      const i = periodInterest(balance, rate * days[k], denominator, perUnitDay, roundYen);
      let p = 0;
      if (k >= last) {
        p = balance;
      } else if (k >= graceMonths) {
        if (rate !== installmentRate) {
          installment = annuityPayment(balance, rate, last + 1 - k, roundYen);
          installmentRate = rate;
        }
        p = installment - i;
        p = p < 0 ? 0 : p > balance ? balance : p;
      }
      if (k === prepayAt) {
        p += Math.min(t.prepayAmount ?? 0, balance - p);
        // 返済額軽減: the instalment is recomputed at the next period. 期間短縮 keeps it, and
        // the loan now ends when the kept instalment has repaid what is left: a later rate
        // reset re-spreads over that shortened remainder, not the contract's.
        if (t.prepayLower) installmentRate = -1;
        else if (k >= graceMonths && k < last)
          last = Math.min(last, k + shortenedInstalments(balance - p, installment, rate));
      }
      opening[k] = balance;
      interest[k] = i;
      principal[k] = p;
      sumInterest += i;
      sumPrincipal += p;
      balance -= p;
    }
    yearInterest[year] = sumInterest;
    yearPrincipal[year] = sumPrincipal;
  }
}

/**
 * 期間短縮: the instalments a kept `installment` needs to repay `balance` at the annual rate
 * (1e-7 units; monthly rate r = annual / 12 as in annuityPayment), the last one smaller:
 * n = ceil(−ln(1 − B·r/A) / ln(1 + r)), or ceil(B/A) at 0 %. Near a whole count the answer is
 * decided in integers (instalmentsRepay), so floating-point noise moves no instalment.
 */
export function shortenedInstalments(balance: number, installment: number, rate: number): number {
  if (balance <= 0) return 0;
  const r = rate / (12 * RATE_SCALE);
  const x =
    r === 0 ? balance / installment : -Math.log1p(-(balance * r) / installment) / Math.log1p(r);
  // An instalment that does not cover the interest (NaN, ∞) shortens nothing.
  if (!(x < Infinity)) return Infinity;
  const n = Math.ceil(x);
  const whole = [balance, installment, rate].every(Number.isInteger);
  if (!whole || Math.abs(x - Math.round(x)) > 1e-6) return n;
  if (r === 0) return Math.floor(balance / installment) + (balance % installment === 0 ? 0 : 1);
  // x is within noise of a whole count m: m instalments suffice or m + 1 are needed.
  const m = Math.max(1, Math.round(x));
  return instalmentsRepay(balance, installment, rate, m) ? m : m + 1;
}

function bullet(
  t: KernelTerms,
  rates: ArrayLike<number>,
  days: ArrayLike<number>,
  out: PeriodBuffers,
): void {
  const { periods, roundYen } = t;
  let balance = t.balance;
  const prepayAt = t.prepayPeriod ?? -1;
  const denominator = t.basis * RATE_SCALE;
  const perUnitDay = 1 / denominator;
  const { opening, interest, principal, yearInterest, yearPrincipal } = out;
  let end = Math.min(t.firstYearLength, periods);
  for (let k = 0, year = 0; k < periods; year++, end = Math.min(end + 12, periods)) {
    let sumInterest = 0;
    let sumPrincipal = 0;
    for (; k < end; k++) {
      const i = periodInterest(balance, rates[k] * days[k], denominator, perUnitDay, roundYen);
      // A prepayment (either effect: nothing else is due before maturity), then the bullet.
      const p =
        k === periods - 1 ? balance : k === prepayAt ? Math.min(t.prepayAmount ?? 0, balance) : 0;
      opening[k] = balance;
      interest[k] = i;
      principal[k] = p;
      sumInterest += i;
      sumPrincipal += p;
      balance -= p;
    }
    yearInterest[year] = sumInterest;
    yearPrincipal[year] = sumPrincipal;
  }
}

/** 保証料 on each period's opening balance, after the principal flows are known. */
function accrueFees(t: KernelTerms, days: ArrayLike<number>, out: PeriodBuffers): void {
  const { periods, roundYen, feeUnits } = t;
  const denominator = t.basis * RATE_SCALE;
  const perUnitDay = 1 / denominator;
  const { opening, fee, yearFee } = out;
  let end = Math.min(t.firstYearLength, periods);
  for (let k = 0, year = 0; k < periods; year++, end = Math.min(end + 12, periods)) {
    let sumFee = 0;
    for (; k < end; k++) {
      const f = periodInterest(opening[k], feeUnits * days[k], denominator, perUnitDay, roundYen);
      fee[k] = f;
      sumFee += f;
    }
    yearFee[year] = sumFee;
  }
}
