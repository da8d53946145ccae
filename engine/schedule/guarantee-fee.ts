import { mulDivFloor } from '../interest/exact-yen';
import { toRateUnits } from '../interest/rate-units';
import { LoanTerms } from './loan-schedule';

/** How a 信用保証料 is paid: in one sum at drawdown, or as an annual rate on the balance. */
export type GuaranteeFeePayment = 'lump-sum' | 'installments';

export const GUARANTEE_FEE_PAYMENTS: readonly GuaranteeFeePayment[] = ['lump-sum', 'installments'];

/**
 * 分割係数 of the guarantee corporations' formula, in hundredths: 1.00 for a bullet (one
 * repayment); for equal instalments 0.70 up to 6, 0.65 for 7–12, 0.60 for 13–24, 0.55 for
 * 25 or more. Instalments are the principal repayments: term less grace, monthly.
 */
export function instalmentCoefficientPercent(
  terms: Pick<LoanTerms, 'method' | 'termMonths' | 'graceMonths'>,
): number {
  if (terms.method === 'bullet') return 100;
  const n = terms.termMonths - terms.graceMonths;
  return n <= 6 ? 70 : n <= 12 ? 65 : n <= 24 ? 60 : 55;
}

/**
 * The lump sum paid at drawdown: amount × fee rate × months ÷ 12 × 分割係数, cut to whole yen
 * (exact: the product is formed in integers).
 *
 * @example
 * // 30,000,000 yen, 0.85 %, 84 months, 6 months' grace (78 instalments → 0.55):
 * // 30,000,000 × 0.0085 × 84/12 × 0.55 = 981,750
 * lumpSumGuaranteeFee({ principal: 30e6, guaranteeFeeRate: 0.0085, termMonths: 84, graceMonths: 6, method: 'equal-principal' })
 */
export function lumpSumGuaranteeFee(
  terms: Pick<
    LoanTerms,
    'principal' | 'guaranteeFeeRate' | 'termMonths' | 'graceMonths' | 'method'
  >,
): number {
  const perYear = toRateUnits(terms.guaranteeFeeRate) * terms.termMonths;
  const coefficient = instalmentCoefficientPercent(terms);
  // principal × (rate units × months × coefficient) ÷ (1e7 × 12 × 100)
  return mulDivFloor(Math.round(terms.principal), perYear * coefficient, 1e7 * 12 * 100);
}

/**
 * 返戻保証料 when a lump-sum-fee loan is repaid early (a refinancing): stated rule, pro rata
 * temporis on what is left — the lump sum the same formula gives for the balance repaid and
 * the months left (its instalments left as the 分割係数's count), cut to whole yen. Guarantee
 * corporations refund roughly this (their tables also deduct a small handling amount, which
 * is left out here).
 *
 * @example
 * // 20,000,000 yen repaid with 48 months (all instalments) left, 0.85 %: × 4 × 0.55 = 374,000
 */
export function guaranteeFeeRefund(
  balance: number,
  monthsLeft: number,
  graceLeft: number,
  terms: Pick<LoanTerms, 'guaranteeFeeRate' | 'method'>,
): number {
  return lumpSumGuaranteeFee({
    principal: balance,
    guaranteeFeeRate: terms.guaranteeFeeRate,
    termMonths: monthsLeft,
    graceMonths: graceLeft,
    method: terms.method,
  });
}
