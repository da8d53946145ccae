import { floorRateShare } from '../interest/exact-yen';

/**
 * 法人税等 with 欠損金の繰越控除 (loss carry-forward): a loss year adds to the pool, a profit
 * year uses the oldest losses first. SMEs (資本金1億円以下) may offset 100 % of the year's
 * income; losses expire after 10 years. One effective rate stands for 法人税・住民税・事業税.
 *
 * @example
 * // a 30,000,000 yen loss, then 20,000,000 and 20,000,000 of profit at 30 %:
 * let pool = emptyLossPool();
 * corporateTax(-30e6, 0.3, pool).tax // 0
 * corporateTax(20e6, 0.3, pool).tax  // 0: 20,000,000 of the loss used
 * corporateTax(20e6, 0.3, pool).tax  // 3,000,000 = (20,000,000 − 10,000,000) × 30 %
 */
export interface LossPool {
  /** Unused losses by the year they arose, oldest first: [age in years, amount]. */
  entries: { age: number; amount: number }[];
}

export const LOSS_CARRY_FORWARD_YEARS = 10;

export function emptyLossPool(openingLosses = 0): LossPool {
  return { entries: openingLosses > 0 ? [{ age: 0, amount: openingLosses }] : [] };
}

export function lossPoolTotal(pool: LossPool): number {
  return pool.entries.reduce((sum, e) => sum + e.amount, 0);
}

export interface TaxYear {
  taxableIncome: number;
  lossUsed: number;
  tax: number;
}

/**
 * Tax on one fiscal year's pre-tax profit; updates `pool` (ages it by a year, adds a loss,
 * uses losses against a profit). Whole yen are cut down (円未満切捨て), exactly: 35 % of
 * 1,310,740 yen is 458,759.
 */
export function corporateTax(
  preTaxProfit: number,
  rate: number,
  pool: LossPool,
  incomeOffsetShare = 1,
): TaxYear {
  for (const entry of pool.entries) entry.age += 1;
  pool.entries = pool.entries.filter((e) => e.age <= LOSS_CARRY_FORWARD_YEARS && e.amount > 0);
  if (preTaxProfit <= 0) {
    if (preTaxProfit < 0) pool.entries.push({ age: 0, amount: -preTaxProfit });
    return { taxableIncome: 0, lossUsed: 0, tax: 0 };
  }
  let usable = preTaxProfit * incomeOffsetShare;
  let lossUsed = 0;
  for (const entry of pool.entries) {
    const use = Math.min(entry.amount, usable);
    entry.amount -= use;
    usable -= use;
    lossUsed += use;
    if (usable <= 0) break;
  }
  pool.entries = pool.entries.filter((e) => e.amount > 0);
  const taxableIncome = preTaxProfit - lossUsed;
  // Exact to the yen: a floating-point floor loses one where the true tax is whole.
  return { taxableIncome, lossUsed, tax: floorRateShare(taxableIncome, rate) };
}
