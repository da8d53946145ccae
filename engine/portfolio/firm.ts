/**
 * A borrower of a portfolio as one row: last closed year's basic financials and its debt in
 * three buckets by how the rate moves. Every amount is whole yen.
 */

/** The buckets a firm's debt is aggregated into (domain.md §4: how a rise reaches each). */
export type BucketName = 'fixed' | 'floating' | 'jfc';

export const BUCKET_NAMES: readonly BucketName[] = ['fixed', 'floating', 'jfc'];

export const BUCKET_LABELS: Record<BucketName, string> = {
  fixed: '固定金利 (銀行) / fixed (bank)',
  floating: '変動金利 (短プラ・TIBOR連動) / floating (prime, TIBOR)',
  jfc: '政府系固定 (公庫等) / JFC fixed at drawdown',
};

/**
 * One bucket: the balance, its average rate today and its remaining months of equal-principal
 * repayment (元金均等). `resetMonths` (floating only): months from the start of the plan year
 * until the rate is next refixed (0 = at the start).
 */
export interface DebtBucket {
  balance: number;
  rate: number;
  months: number;
  resetMonths: number;
}

/** An empty bucket (no debt of that kind). */
export const NO_DEBT: DebtBucket = { balance: 0, rate: 0, months: 1, resetMonths: 0 };

export interface Firm {
  id: string;
  name: string;
  sector: string;
  /** 決算月 (1–12): the plan year is the fiscal year after the last one closed by `asOf`. */
  fiscalYearEndMonth: number;
  /** 売上高 (read and checked; not used by the stress). */
  revenue: number | null;
  /** 営業利益 (read and checked; not used by the stress). */
  operatingProfit: number | null;
  /** 経常利益 of the last closed year, after today's interest: the base the study holds still. */
  ordinaryProfit: number;
  /** 減価償却費. */
  depreciation: number;
  /** 法人税等 as a share of a positive 経常利益. */
  effectiveTaxRate: number;
  /** 現預金. */
  cash: number;
  /** 正常運転資金 (売上債権 + 棚卸資産 − 仕入債務), for the net 債務償還年数. */
  workingCapital: number;
  debt: Record<BucketName, DebtBucket>;
}

/** 有利子負債: the sum of the buckets' balances. */
export function firmDebt(firm: Firm): number {
  return firm.debt.fixed.balance + firm.debt.floating.balance + firm.debt.jfc.balance;
}

/** The firm's average contract rate today, weighted by balance (0 without debt). */
export function firmRate(firm: Firm): number {
  const debt = firmDebt(firm);
  if (debt === 0) return 0;
  let weighted = 0;
  for (const b of BUCKET_NAMES) weighted += firm.debt[b].balance * firm.debt[b].rate;
  return weighted / debt;
}

/**
 * 約定返済 of the plan year for one bucket: equal principal over the remaining months, cut to
 * whole yen as the kernel cuts an installment; debt maturing inside the year is due in full.
 *
 * @example
 * scheduledPrincipal({ balance: 60_000_000, rate: 0.01, months: 60, resetMonths: 0 }) // 12,000,000
 */
export function scheduledPrincipal(bucket: DebtBucket): number {
  if (bucket.balance === 0) return 0;
  if (bucket.months <= 12) return bucket.balance;
  return Math.floor(bucket.balance / bucket.months) * 12;
}
