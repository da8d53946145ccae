import { RATE_SCALE } from './rate-units';

/**
 * Interest (or guarantee fee) of one period: balance × rate × days / basis.
 *
 * With yen rounding the result is cut to whole yen (円未満切捨て) and must be exact: 1億円 at
 * 1.971 % for 30 days (ACT/365F) is 162,000 yen exactly, while a naive
 * `Math.floor(1e8 * 0.01971 * 30 / 365)` gives 161,999. Rates are integer units (1e-7), so
 * the true value is a ratio of integers; a floating-point estimate is used when it is
 * clearly away from a whole yen, and an exact integer division otherwise.
 *
 * @example
 * accrueFloor(100_000_000, 197_100 * 30, 365) // 162000
 */
export function accrueFloor(balance: number, rateUnitsTimesDays: number, basis: number): number {
  const denominator = basis * RATE_SCALE;
  return floorEstimate(
    balance,
    rateUnitsTimesDays,
    denominator,
    (balance * rateUnitsTimesDays) / denominator,
  );
}

/**
 * floor(balance × k / d) from a floating estimate of the quotient: the estimate's floor when
 * it is clearly away from a whole yen (its error is below 1e-15 × x, far inside 1e-6 for any
 * x < 1e9 yen), the exact integer division otherwise. The amortization kernel passes its own
 * estimate (a multiplication by the reciprocal); accrueFloor a division.
 */
export function floorEstimate(balance: number, k: number, d: number, estimate: number): number {
  const whole = Math.floor(estimate);
  const fraction = estimate - whole;
  return fraction > 1e-6 && fraction < 0.999999 && estimate < 1e9
    ? whole
    : exactFloorInterest(balance, k, d);
}

const SPLIT = 1e6;

/**
 * floor(balance × k / d) in exact integer arithmetic on doubles, for whole-yen balances
 * below 1e13, k = rate units × days below 3.2e8 and d = basis × 1e7: the balance is split at
 * 1e6 so every intermediate product stays below 2^53.
 */
export function exactFloorInterest(balance: number, k: number, d: number): number {
  const high = Math.floor(balance / SPLIT);
  const low = balance - high * SPLIT;
  const [q1, r1] = floorDivMod(high * k, d);
  const [q2] = floorDivMod(r1 * SPLIT + low * k, d);
  return q1 * SPLIT + q2;
}

/** Quotient and remainder of two non-negative integers below 2^53, exactly. */
function floorDivMod(n: number, d: number): [number, number] {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return [q, r];
}
