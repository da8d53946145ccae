import { Measure, noValue, ratio } from './measure-result';

/** One fiscal year's figures, yen. */
export interface EbitdaDebtInput {
  /** 有利子負債 (ローカルベンチマーク: 借入金). */
  interestBearingDebt: number;
  /** 現預金. */
  cash: number;
  /** 営業利益. */
  operatingProfit: number;
  /** 減価償却費. */
  depreciation: number;
}

/**
 * EBITDA有利子負債倍率 with the two amounts it divides: `netDebt` (有利子負債 − 現預金) and
 * `ebitda` (営業利益 + 減価償却費).
 */
export type EbitdaDebtMultiple = Measure<'non-positive-ebitda' | 'non-finite'> & {
  netDebt: number;
  ebitda: number;
};

/**
 * EBITDA有利子負債倍率 (net debt to EBITDA) = (有利子負債 − 現預金) ÷ (営業利益 + 減価償却費).
 *
 * Edge cases: net debt ≤ 0 (cash covers the debt) gives 0, as 債務償還年数 does, so a value is
 * never negative; EBITDA ≤ 0 with net debt gives `null` with `non-positive-ebitda` — this is the
 * "negative multiple" of the 再生フェーズ test (> 10× or negative, together with 債務超過).
 *
 * @example
 * // (2億円 − 4,000万円) ÷ (1,200万円 + 800万円) = 1億6,000万 ÷ 2,000万 = 8
 * ebitdaDebtMultiple({
 *   interestBearingDebt: 200_000_000, cash: 40_000_000,
 *   operatingProfit: 12_000_000, depreciation: 8_000_000,
 * }) // { value: 8, netDebt: 160_000_000, ebitda: 20_000_000 }
 */
export function ebitdaDebtMultiple(input: EbitdaDebtInput): EbitdaDebtMultiple {
  const netDebt = input.interestBearingDebt - input.cash;
  const ebitda = input.operatingProfit + input.depreciation;
  const parts = { netDebt, ebitda };
  if (!Number.isFinite(netDebt) || !Number.isFinite(ebitda)) {
    return { ...noValue('non-finite'), ...parts };
  }
  if (netDebt <= 0) return { value: 0, ...parts };
  return { ...ratio(netDebt, ebitda, 'non-positive-ebitda'), ...parts };
}

/**
 * How capital-type loans (資本性劣後ローン, DDS) count in the EBITDA倍率's 有利子負債: `include`
 * (default: the domain formula and ローカルベンチマーク read 借入金, every loan) or
 * `exclude-recognised` (the part recognised as capital left out, as 債務償還年数 does). One
 * setting (`thresholds.ebitdaCapitalDebt`) for the measure, the benchmark and the 再生フェーズ check.
 */
export type CapitalDebtTreatment = 'include' | 'exclude-recognised';

export const CAPITAL_DEBT_TREATMENTS: readonly CapitalDebtTreatment[] = [
  'include',
  'exclude-recognised',
];

/**
 * The 有利子負債 the EBITDA倍率 divides under the treatment, yen.
 *
 * @example
 * ebitdaDebt(100_000_000, 50_000_000, 40_000_000, 'include')            // 150,000,000
 * ebitdaDebt(100_000_000, 50_000_000, 40_000_000, 'exclude-recognised') // 110,000,000
 */
export function ebitdaDebt(
  seniorDebt: number,
  capitalDebt: number,
  recognisedCapital: number,
  treatment: CapitalDebtTreatment,
): number {
  return seniorDebt + capitalDebt - (treatment === 'include' ? 0 : recognisedCapital);
}
