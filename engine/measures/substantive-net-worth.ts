import { recognizedCapital } from './capital-recognition';

/** A capital-type loan (資本性借入金) outstanding at the measurement date. */
export interface CapitalTypeLoan {
  /** Balance, yen. */
  balance: number;
  /** Months from the measurement date to maturity (see `capitalRecognitionShare`). */
  remainingMonths: number;
}

/** Balance-sheet figures at one fiscal year end, yen. */
export interface SubstantiveNetWorthInput {
  /** 純資産 (book net assets; negative under 債務超過). */
  bookNetAssets: number;
  /**
   * 実態修正: one signed amount for the real-value adjustments — 含み損益 on land and
   * securities, uncollectable receivables, dead stock, unbooked retirement benefits and so on
   * (a loss is negative).
   */
  adjustments: number;
  /** Capital-type loans; each counts for its balance × recognition share. */
  capitalLoans?: readonly CapitalTypeLoan[];
}

/** 実質純資産 with the capital counted from capital-type loans. */
export interface SubstantiveNetWorth {
  /** 実質純資産 = 純資産 + 実態修正 + capital-type loans recognised as capital. */
  value: number;
  /** Σ balance × recognition share over the capital-type loans. */
  recognizedCapital: number;
  /** 実質債務超過: `value` < 0. */
  insolvent: boolean;
}

/**
 * 実質純資産 (substantive net worth) = book net assets + adjustments to real values +
 * Σ(capital-type loan balance × its recognition share). Negative is 実質債務超過, which a
 * council 再生計画 aims to resolve within about 5 years.
 *
 * Edge cases: exactly 0 is not 債務超過; no capital-type loans (or all under 1 year from
 * maturity) adds nothing. Not a ratio, so never null.
 *
 * @example
 * // 純資産 −4,000万円, 含み損 −1,000万円, 資本性劣後ローン 5,000万円 with 7 years left (100 %)
 * // and 2,000万円 with 30 months left (40 % = 800万円):
 * // −4,000万 − 1,000万 + 5,000万 + 800万 = 800万円, not 実質債務超過 (−5,000万円 without the loans)
 * substantiveNetWorth({
 *   bookNetAssets: -40_000_000, adjustments: -10_000_000,
 *   capitalLoans: [
 *     { balance: 50_000_000, remainingMonths: 84 },
 *     { balance: 20_000_000, remainingMonths: 30 },
 *   ],
 * }) // { value: 8_000_000, recognizedCapital: 58_000_000, insolvent: false }
 */
export function substantiveNetWorth(input: SubstantiveNetWorthInput): SubstantiveNetWorth {
  let recognized = 0;
  for (const loan of input.capitalLoans ?? []) {
    recognized += recognizedCapital(loan.balance, loan.remainingMonths);
  }
  const value = input.bookNetAssets + input.adjustments + recognized;
  return { value, recognizedCapital: recognized, insolvent: value < 0 };
}
