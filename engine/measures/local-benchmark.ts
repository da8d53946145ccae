import { ebitdaDebtMultiple } from './ebitda-debt-multiple';
import { Measure, noValue, ratio } from './measure-result';

/** A figure that may be missing: `null` or left out. */
type Figure = number | null | undefined;

/** One fiscal year's figures, yen (従業員数 in people); any may be missing. */
export interface LocalBenchmarkInput {
  /** 売上高. */
  sales?: Figure;
  /** 前年売上高 (the previous fiscal year's 売上高). */
  priorSales?: Figure;
  /** 営業利益. */
  operatingProfit?: Figure;
  /** 従業員数. */
  employees?: Figure;
  /** 借入金 (short- and long-term borrowings). */
  borrowings?: Figure;
  /** 現預金. */
  cash?: Figure;
  /** 減価償却費. */
  depreciation?: Figure;
  /** 売上債権. */
  receivables?: Figure;
  /** 棚卸資産. */
  inventory?: Figure;
  /** 買入債務. */
  payables?: Figure;
  /** 純資産. */
  netAssets?: Figure;
  /** 総資産. */
  totalAssets?: Figure;
}

/** The six ローカルベンチマーク indicators; each is `null` with a reason when not meaningful. */
export interface LocalBenchmark {
  /** 売上高増加率 = 売上高 ÷ 前年売上高 − 1 (0.05 is +5 %). */
  salesGrowth: Measure<'missing-input' | 'no-prior-sales' | 'non-finite'>;
  /** 営業利益率 = 営業利益 ÷ 売上高. */
  operatingMargin: Measure<'missing-input' | 'no-sales' | 'non-finite'>;
  /** 労働生産性 = 営業利益 ÷ 従業員数, yen per person (the METI sheet shows 千円). */
  laborProductivity: Measure<'missing-input' | 'no-employees' | 'non-finite'>;
  /** EBITDA有利子負債倍率 = (借入金 − 現預金) ÷ (営業利益 + 減価償却費), as `ebitdaDebtMultiple`. */
  ebitdaDebtMultiple: Measure<'missing-input' | 'non-positive-ebitda' | 'non-finite'>;
  /** 営業運転資本回転期間 = (売上債権 + 棚卸資産 − 買入債務) ÷ (売上高 ÷ 12), months. */
  workingCapitalMonths: Measure<'missing-input' | 'no-sales' | 'non-finite'>;
  /** 自己資本比率 = 純資産 ÷ 総資産 (negative under 債務超過). */
  equityRatio: Measure<'missing-input' | 'no-assets' | 'non-finite'>;
}

const missing = noValue('missing-input');

/**
 * The six ローカルベンチマーク indicators (METI's Excel diagnostic) for one fiscal year.
 *
 * Each indicator stands alone: a missing input (`null` or left out) makes only the indicators
 * that need it `null` with `missing-input`; a zero or negative denominator makes it `null` with
 * `no-prior-sales`, `no-sales`, `no-employees`, `non-positive-ebitda` or `no-assets`. A negative
 * numerator gives a negative value where that reads correctly (falling sales, operating loss,
 * supplier-financed working capital, 債務超過). The EBITDA multiple follows
 * `ebitdaDebtMultiple`: 0 when cash covers the borrowings.
 *
 * 売上高増加率 is computed as (売上高 − 前年売上高) ÷ 前年売上高, the same quantity without the
 * rounding of "÷ then − 1"; 回転期間 as working capital × 12 ÷ 売上高.
 *
 * @example
 * // 売上高 2億2,000万円 (前年 2億円), 営業利益 1,100万円, 11 people, 借入金 1億円, 現預金
 * // 2,000万円, 減価償却費 900万円, 売上債権 3,000万 + 棚卸 1,500万 − 買入債務 1,000万 = 3,500万円,
 * // 純資産 6,000万円, 総資産 2億4,000万円:
 * localBenchmark({
 *   sales: 220_000_000, priorSales: 200_000_000, operatingProfit: 11_000_000, employees: 11,
 *   borrowings: 100_000_000, cash: 20_000_000, depreciation: 9_000_000,
 *   receivables: 30_000_000, inventory: 15_000_000, payables: 10_000_000,
 *   netAssets: 60_000_000, totalAssets: 240_000_000,
 * })
 * // salesGrowth 0.1 (2,000万 ÷ 2億), operatingMargin 0.05 (1,100万 ÷ 2億2,000万),
 * // laborProductivity 1,000,000 (1,100万 ÷ 11), ebitdaDebtMultiple 4 (8,000万 ÷ 2,000万),
 * // workingCapitalMonths 1.909… (3,500万 × 12 ÷ 2億2,000万 = 21 ÷ 11), equityRatio 0.25
 */
export function localBenchmark(input: LocalBenchmarkInput): LocalBenchmark {
  const { sales, priorSales, operatingProfit, employees, borrowings, cash, depreciation } = input;
  const { receivables, inventory, payables, netAssets, totalAssets } = input;
  return {
    salesGrowth:
      sales == null || priorSales == null
        ? missing
        : ratio(sales - priorSales, priorSales, 'no-prior-sales'),
    operatingMargin:
      operatingProfit == null || sales == null
        ? missing
        : ratio(operatingProfit, sales, 'no-sales'),
    laborProductivity:
      operatingProfit == null || employees == null
        ? missing
        : ratio(operatingProfit, employees, 'no-employees'),
    ebitdaDebtMultiple:
      borrowings == null || cash == null || operatingProfit == null || depreciation == null
        ? missing
        : measureOf(
            ebitdaDebtMultiple({
              interestBearingDebt: borrowings,
              cash,
              operatingProfit,
              depreciation,
            }),
          ),
    workingCapitalMonths:
      receivables == null || inventory == null || payables == null || sales == null
        ? missing
        : ratio((receivables + inventory - payables) * 12, sales, 'no-sales'),
    equityRatio:
      netAssets == null || totalAssets == null
        ? missing
        : ratio(netAssets, totalAssets, 'no-assets'),
  };
}

/** Just the value and reason of a measure that also carries its parts. */
function measureOf<R extends Measure>(m: R): Measure<NonNullable<R['reason']>> {
  return m.value === null ? noValue(m.reason) : { value: m.value };
}
