import { BUCKET_NAMES, BucketName, DebtBucket, Firm, NO_DEBT } from './firm';

/**
 * A synthetic portfolio whose plain means match the 帝国データバンク figures (domain.md §2:
 * debt ≈ 2.7億円 at ≈ 1.04 %, 経常利益 ≈ 3,200万円), for training and benchmarks. Pure given
 * a seeded generator (the CLI passes seedrandom), so a seed gives the same firms anywhere.
 *
 * The shape, chosen to be plausible rather than measured:
 * - debt is lognormal (σ 1.5, median ≈ 8,800万円): many small firms, a long tail of large ones;
 * - each firm holds some of floating (80 %), bank fixed (55 %) and JFC (50 %) debt;
 * - 経常利益 ÷ 有利子負債 is drawn apart from size: 22 % loss-making, 26 % thin (exponential,
 *   mean 3.4 %), 52 % healthy (lognormal, median 17.8 %) — fitted so that a full reprice turns
 *   1.8 / 3.6 / 6.6 / 11.5 % of firms loss-making at +0.25 / +0.50 / +1.00 / +2.00 %, the
 *   study's shares, with the mean ratio 3,200万 ÷ 2.71億.
 */

/** What the generator aims at (plain means over firms). */
export const SYNTHETIC_TARGETS = {
  debt: 271_000_000,
  rate: 0.0104,
  ordinaryProfit: 32_000_000,
} as const;

const DEBT_SIGMA = 1.5;
/** Median debt so that the clamped lognormal's mean is SYNTHETIC_TARGETS.debt. */
const DEBT_MEDIAN = SYNTHETIC_TARGETS.debt / Math.exp((DEBT_SIGMA * DEBT_SIGMA) / 2);
const DEBT_MIN = 3_000_000;
const DEBT_MAX = 50_000_000_000;

const LOSS_SHARE = 0.22;
const LOSS_MEAN = 0.04;
const THIN_SHARE = 0.26;
const THIN_RATE = 29.19;
const HEALTHY_MEDIAN = 0.1776;
const HEALTHY_SIGMA = 0.7;

/** Months a fiscal year ends in, weighted (3月決算 most common). */
const YEAR_END_MONTHS: readonly [number, number][] = [
  [3, 0.22],
  [12, 0.12],
  [9, 0.1],
  [6, 0.08],
  [1, 0.06],
  [2, 0.06],
  [4, 0.06],
  [5, 0.06],
  [7, 0.06],
  [8, 0.06],
  [10, 0.06],
  [11, 0.06],
];

const SECTORS: readonly [string, number][] = [
  ['建設業', 0.2],
  ['製造業', 0.2],
  ['卸売業', 0.15],
  ['小売業', 0.1],
  ['運輸業', 0.06],
  ['不動産業', 0.08],
  ['宿泊業', 0.03],
  ['飲食サービス業', 0.04],
  ['情報通信業', 0.04],
  ['サービス業', 0.1],
];

const BUCKET_PRESENCE: Record<BucketName, number> = { fixed: 0.55, floating: 0.8, jfc: 0.5 };

type Rng = () => number;

function pick<T>(rng: Rng, weighted: readonly [T, number][]): T {
  let u = rng();
  for (const [value, weight] of weighted) {
    if (u < weight) return value;
    u -= weight;
  }
  return weighted[weighted.length - 1][0];
}

/**
 * The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
 *
 * @example
 * normalQuantile(0.975) // ≈ 1.959964
 */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** The golden-ratio step of a Weyl sequence: i × φ mod 1 spreads evenly over (0, 1). */
const GOLDEN_STEP = 0.6180339887498949;

/** A standard normal draw (Box–Muller, one of the pair: no state kept between draws). */
function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log stays finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

function between(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/** A whole number in [lo, hi]. */
function wholeBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** To the thousand yen, as statements in 千円 give it. */
function thousands(yen: number): number {
  return Math.round(yen / 1000) * 1000 + 0;
}

/** To 0.001 %: the precision the CSV writes. */
function roundRate(rate: number): number {
  return Math.round(rate * 1e5) / 1e5;
}

/** 経常利益 ÷ 有利子負債 for one firm. */
function profitToDebt(rng: Rng): number {
  const u = rng();
  if (u < LOSS_SHARE) return LOSS_MEAN * Math.log(1 - rng());
  if (u < LOSS_SHARE + THIN_SHARE) return -Math.log(1 - rng()) / THIN_RATE;
  return HEALTHY_MEDIAN * Math.exp(HEALTHY_SIGMA * normal(rng));
}

function bucketOf(rng: Rng, name: BucketName, balance: number, level: number): DebtBucket {
  const rate = roundRate(Math.max(0.0005, level + 0.001 * normal(rng)));
  if (name === 'floating')
    return {
      balance,
      rate,
      months: wholeBetween(rng, 36, 240),
      resetMonths: wholeBetween(rng, 0, 5),
    };
  const months = name === 'fixed' ? wholeBetween(rng, 6, 180) : wholeBetween(rng, 36, 240);
  return { balance, rate, months, resetMonths: 0 };
}

/**
 * The `index`-th synthetic firm (1-based; names and ids follow it), drawing from `rng`;
 * `sizeQuantile` in (0, 1) places its debt in the size distribution.
 *
 * @example
 * const rng = seedrandom('1');
 * syntheticFirm(1, rng, 0.5).id // 'S000001', debt ≈ 8,800万円 (the median)
 */
export function syntheticFirm(index: number, rng: Rng, sizeQuantile: number): Firm {
  const label = String(index).padStart(6, '0');
  const fiscalYearEndMonth = pick(rng, YEAR_END_MONTHS);
  const sector = pick(rng, SECTORS);
  const z = normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, sizeQuantile)));
  const debt = thousands(
    Math.min(DEBT_MAX, Math.max(DEBT_MIN, DEBT_MEDIAN * Math.exp(DEBT_SIGMA * z))),
  );

  // Which buckets, and their shares of the debt (at least one bucket).
  const present = BUCKET_NAMES.filter((b) => rng() < BUCKET_PRESENCE[b]);
  if (present.length === 0) present.push('floating');
  const weights = present.map(() => between(rng, 0.2, 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const level = Math.min(0.035, Math.max(0.002, 0.0104 + 0.0035 * normal(rng)));
  const buckets: Record<BucketName, DebtBucket> = {
    fixed: NO_DEBT,
    floating: NO_DEBT,
    jfc: NO_DEBT,
  };
  let left = debt;
  present.forEach((b, i) => {
    // The last bucket takes what is left, so the buckets add up to the debt exactly.
    const balance = i === present.length - 1 ? left : thousands((debt * weights[i]) / total);
    left -= balance;
    buckets[b] = bucketOf(rng, b, balance, level);
  });

  const ordinaryProfit = thousands(debt * profitToDebt(rng));
  const revenue = thousands(debt / (0.45 * Math.exp(0.5 * normal(rng))));
  const depreciation = thousands(revenue * between(rng, 0.01, 0.04));
  const cash = thousands(debt * 0.25 * Math.exp(0.6 * normal(rng)));
  const workingCapital = thousands(revenue * between(rng, 0.05, 0.2));
  // 営業利益 ≈ 経常利益 + interest today (other non-operating items left at zero).
  const operatingProfit = thousands(ordinaryProfit + debt * level);
  return {
    id: `S${label}`,
    name: `合成企業${label}`,
    sector,
    fiscalYearEndMonth,
    revenue,
    operatingProfit,
    ordinaryProfit,
    depreciation,
    effectiveTaxRate: 0.3,
    cash,
    workingCapital,
    debt: buckets,
  };
}

/**
 * `count` synthetic firms, one at a time (a writer can stream them). Debt sizes take their
 * quantiles from a Weyl sequence (i × φ mod 1, from a seeded start) rather than independent
 * draws: spread evenly over the distribution, so the portfolio's mean debt sits on the target
 * at any size instead of wandering with the few largest firms of a heavy tail.
 */
export function* syntheticFirms(count: number, rng: Rng): Generator<Firm> {
  const offset = rng();
  for (let i = 1; i <= count; i++) yield syntheticFirm(i, rng, (offset + i * GOLDEN_STEP) % 1);
}
