/**
 * Whole-yen arithmetic the plan's rules are written in: floor of a product or a ratio,
 * exact (BigInt), so floor(29 × 1) never becomes 28 through 0.29 × 100 = 28.999….
 */

const RATIO_SCALE = 1_000_000_000;

/** floor(amount × ratio) for a whole-yen amount; the ratio is read to 9 decimals (0.8, 0.725). */
export function floorTimes(amount: number, ratio: number): number {
  return floorMulDiv(amount, Math.round(ratio * RATIO_SCALE), RATIO_SCALE);
}

/** floor(a × b ÷ c) for integers a, b and c > 0, exact for any size that fits a double. */
export function floorMulDiv(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  let q = n / d;
  // BigInt division truncates toward zero: step down for a negative inexact quotient.
  if (n % d !== 0n && n < 0n !== d < 0n) q -= 1n;
  return Number(q);
}
