import { accrueExact, accrueFloor, exactFloorInterest } from '../interest/accrue';
import { RATE_SCALE } from '../interest/rate-units';
import { annuityPayment } from './annuity-payment';

/** Per-period outputs of one loan, written by {@link amortize} (structure of arrays). */
export interface PeriodBuffers {
  opening: Float64Array;
  interest: Float64Array;
  principal: Float64Array;
  fee: Float64Array;
}

export function allocatePeriodBuffers(periods: number): PeriodBuffers {
  return {
    opening: new Float64Array(periods),
    interest: new Float64Array(periods),
    principal: new Float64Array(periods),
    fee: new Float64Array(periods),
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
}

/**
 * The hot loop: amortizes one loan over its periods, month by month, on typed arrays.
 *
 * `rates[k]` is the annual rate (integer units of 1e-7) for interest accruing in period k+1
 * and `days[k]` its accrual days. Grace periods (the first `graceMonths`) pay interest only.
 * Equal-principal installments are fixed at the first amortizing period; annuity
 * installments are recomputed over the remaining term whenever the rate changes. The last
 * period repays whatever is left, so principal always sums to the balance.
 */
export function amortize(
  t: KernelTerms,
  rates: ArrayLike<number>,
  days: ArrayLike<number>,
  out: PeriodBuffers,
): void {
  const { periods, graceMonths, method, roundYen, basis, feeUnits } = t;
  const denominator = basis * RATE_SCALE;
  const perUnitDay = 1 / denominator;
  const last = periods - 1;
  let balance = t.balance;
  let installment = 0;
  if (method === 0) {
    const amortizing = periods - graceMonths;
    installment = roundYen ? Math.floor(balance / amortizing) : balance / amortizing;
  }
  let installmentRate = -1;
  const { opening, interest, principal, fee } = out;
  for (let k = 0; k < periods; k++) {
    const rate = rates[k];
    const d = days[k];
    // Interest, inlined from accrueFloor (a call per month costs a third of the loop).
    let i = balance * (rate * d) * perUnitDay;
    if (roundYen) {
      const whole = Math.floor(i);
      const fraction = i - whole;
      i =
        fraction > 1e-6 && fraction < 0.999999 && i < 1e9
          ? whole
          : exactFloorInterest(balance, rate * d, denominator);
    }
    let p = 0;
    if (k === last) {
      p = balance;
    } else if (k >= graceMonths) {
      if (method === 0) {
        p = installment < balance ? installment : balance;
      } else if (method === 1) {
        if (rate !== installmentRate) {
          installment = annuityPayment(balance, rate, periods - k, roundYen);
          installmentRate = rate;
        }
        p = installment - i;
        p = p < 0 ? 0 : p > balance ? balance : p;
      }
    }
    opening[k] = balance;
    interest[k] = i;
    principal[k] = p;
    fee[k] =
      feeUnits === 0
        ? 0
        : roundYen
          ? accrueFloor(balance, feeUnits * d, basis)
          : accrueExact(balance, feeUnits * d, basis);
    balance -= p;
  }
}
