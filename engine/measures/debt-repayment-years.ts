import { Measure, noValue, ratio } from './measure-result';

/** Which 債務償還年数 formula a bank uses; the product defaults to the net form. */
export type DebtRepaymentForm = 'net' | 'simple';

/**
 * One fiscal year's figures, yen. Leave capital-type loans (資本性借入金) out of
 * `interestBearingDebt` for the share recognised as capital (see `capitalRecognitionShare`):
 * banks do not count that share as debt to be repaid.
 */
export interface DebtRepaymentInput {
  /** 有利子負債: borrowings and bonds, capital-recognised capital-type loans excluded. */
  interestBearingDebt: number;
  /** 現預金. Net form only. */
  cash: number;
  /** 売上債権 (受取手形 + 売掛金). Net form only. */
  receivables: number;
  /** 棚卸資産. Net form only. */
  inventory: number;
  /** 仕入債務 (支払手形 + 買掛金). Net form only. */
  payables: number;
  /** 経常利益 (after interest). */
  ordinaryProfit: number;
  /** 減価償却費. */
  depreciation: number;
  /** 法人税等 (a refund is negative). */
  taxes: number;
  /** `net` (default) or `simple`. */
  form?: DebtRepaymentForm;
}

/**
 * 債務償還年数 with the two amounts it divides: `debt` (要償還債務, the debt as the chosen form
 * counts it) and `cashFlow` (経常利益 + 減価償却費 − 法人税等).
 */
export type DebtRepaymentYears = Measure<'non-positive-cash-flow' | 'non-finite'> & {
  debt: number;
  cashFlow: number;
};

/**
 * 債務償還年数 (debt repayment years): how many years of cash flow repay the debt.
 *
 * - net form (default): (有利子負債 − 現預金 − 正常運転資金) ÷ (経常利益 + 減価償却費 − 法人税等),
 *   with 正常運転資金 = 売上債権 + 棚卸資産 − 仕入債務 (taken as it comes: a negative 正常運転資金,
 *   a firm financed by its suppliers, adds to the debt);
 * - simple form: 有利子負債 ÷ (経常利益 − 法人税等 + 減価償却費).
 *
 * Edge cases: debt ≤ 0 (実質無借金) gives 0 years whatever the cash flow — there is nothing to
 * repay; cash flow ≤ 0 with debt to repay gives `null` with `non-positive-cash-flow` (cannot be
 * repaid from earnings; thresholds read this as worse than any number of years).
 *
 * Thresholds in use: ≤ 10 years normal; > 13 years eligible for 危機対応後経営安定貸付;
 * ≥ 15 years 過剰債務.
 *
 * @example
 * // 有利子負債 3億円, 現預金 5,000万円, 正常運転資金 4,000万 + 2,000万 − 3,000万 = 3,000万円,
 * // cash flow 1,500万 + 1,000万 − 500万 = 2,000万円: (3億 − 5,000万 − 3,000万) ÷ 2,000万 = 11
 * debtRepaymentYears({
 *   interestBearingDebt: 300_000_000, cash: 50_000_000,
 *   receivables: 40_000_000, inventory: 20_000_000, payables: 30_000_000,
 *   ordinaryProfit: 15_000_000, depreciation: 10_000_000, taxes: 5_000_000,
 * }) // { value: 11, debt: 220_000_000, cashFlow: 20_000_000 }
 * // the same with form: 'simple': 3億 ÷ 2,000万 = 15
 */
export function debtRepaymentYears(input: DebtRepaymentInput): DebtRepaymentYears {
  const { interestBearingDebt, ordinaryProfit, depreciation, taxes } = input;
  const cashFlow = ordinaryProfit + depreciation - taxes;
  const debt =
    input.form === 'simple'
      ? interestBearingDebt
      : interestBearingDebt - input.cash - (input.receivables + input.inventory - input.payables);
  const parts = { debt, cashFlow };
  if (!Number.isFinite(debt) || !Number.isFinite(cashFlow)) {
    return { ...noValue('non-finite'), ...parts };
  }
  if (debt <= 0) return { value: 0, ...parts };
  return { ...ratio(debt, cashFlow, 'non-positive-cash-flow'), ...parts };
}
