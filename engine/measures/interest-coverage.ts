import { Measure, ratio } from './measure-result';

/** One fiscal year's figures, yen. */
export interface InterestCoverageInput {
  /** 営業利益 (a loss is negative). */
  operatingProfit: number;
  /** 受取利息・配当金. */
  interestAndDividendsReceived: number;
  /** 支払利息. */
  interestExpense: number;
}

/**
 * ICR (interest coverage ratio, インタレスト・カバレッジ・レシオ) =
 * (営業利益 + 受取利息・配当金) ÷ 支払利息.
 *
 * Edge cases: 支払利息 ≤ 0 gives `null` with `no-interest` (nothing to cover); an operating
 * loss larger than the interest received gives a negative ICR, which is meaningful. < 1 flags
 * distress; loan covenants often ask for ICR above 1.
 *
 * @example
 * // (1,200万円 + 30万円) ÷ 410万円 = 1,230万 ÷ 410万 = 3
 * interestCoverage({
 *   operatingProfit: 12_000_000, interestAndDividendsReceived: 300_000, interestExpense: 4_100_000,
 * }) // { value: 3 }
 */
export function interestCoverage(
  input: InterestCoverageInput,
): Measure<'no-interest' | 'non-finite'> {
  const { operatingProfit, interestAndDividendsReceived, interestExpense } = input;
  return ratio(operatingProfit + interestAndDividendsReceived, interestExpense, 'no-interest');
}
