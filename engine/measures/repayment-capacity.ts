/** One fiscal year's figures, yen. */
export interface RepaymentCapacityInput {
  /** 税引後当期純利益 (net income after tax; a loss is negative). */
  netIncome: number;
  /** 減価償却費. */
  depreciation: number;
  /** 年間約定返済額: scheduled principal due in the year. */
  scheduledRepayment: number;
}

/** 返済余力: the repayment source, what is due, and what is left over. */
export interface RepaymentCapacity {
  /** 返済原資 = 税引後当期純利益 + 減価償却費. */
  repaymentSource: number;
  /** 年間約定返済額, as given. */
  scheduledRepayment: number;
  /** 返済原資 − 約定返済: a surplus when ≥ 0, a shortfall (資金不足) when negative. */
  surplus: number;
  /** 返済原資 ≥ 約定返済: the year's repayments are met without new borrowing. */
  covers: boolean;
}

/**
 * 返済余力 (repayment capacity, Japanese practice): 返済原資 = 税引後当期純利益 + 減価償却費,
 * compared with the year's 約定返済額. 返済原資 < 約定返済 means the plan cannot be kept
 * without new borrowing.
 *
 * Not a ratio, so it is never null: with nothing due, `covers` is true as long as the repayment
 * source is not negative (a negative source is cash burnt, which also needs funding). Interest
 * is already inside 税引後当期純利益, so only principal is compared.
 *
 * @example
 * // 返済原資 800万 + 1,000万 = 1,800万円 against 2,000万円 due: 200万円 short
 * repaymentCapacity({ netIncome: 8_000_000, depreciation: 10_000_000, scheduledRepayment: 20_000_000 })
 * // { repaymentSource: 18_000_000, scheduledRepayment: 20_000_000, surplus: -2_000_000, covers: false }
 */
export function repaymentCapacity(input: RepaymentCapacityInput): RepaymentCapacity {
  const { netIncome, depreciation, scheduledRepayment } = input;
  const repaymentSource = netIncome + depreciation;
  const surplus = repaymentSource - scheduledRepayment;
  return { repaymentSource, scheduledRepayment, surplus, covers: surplus >= 0 };
}
