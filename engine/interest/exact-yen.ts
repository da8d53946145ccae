import { RATE_SCALE, toRateUnits } from './rate-units';

/**
 * floor(a × b ÷ c) for whole numbers, exact even when a × b passes 2^53 (where a double
 * product loses the last yen: 91,768,563 × 259,283,750 ÷ 388,925,625 is 61,179,042 exactly,
 * the double product gives 61,179,041). Rounds toward −∞ for negative quotients; c > 0.
 *
 * @example
 * mulDivFloor(91_768_563, 259_283_750, 388_925_625) // 61179042
 */
export function mulDivFloor(a: number, b: number, c: number): number {
  if (!Number.isInteger(a) || !Number.isInteger(b) || !Number.isInteger(c) || c <= 0)
    return Math.floor((a * b) / c);
  const product = a * b;
  if (Math.abs(product) < Number.MAX_SAFE_INTEGER) {
    // Both the product and the division are exact up to the floor's correction.
    const q = Math.floor(product / c);
    const r = product - q * c;
    return r < 0 ? q - 1 : r >= c ? q + 1 : q;
  }
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  let q = n / d; // truncates toward zero
  if (n % d !== 0n && n < 0n) q -= 1n;
  return Number(q);
}

/**
 * floor(amount × rate) to the yen, the rate read in the engine's 1e-7 units: 35 % of
 * 1,310,740 yen is 458,759 (Math.floor(1_310_740 * 0.35) gives 458,758, 0.35 being a little
 * under 0.35 as a double). Non-whole amounts (rounding "none") are multiplied as doubles.
 *
 * @example
 * floorRateShare(1_310_740, 0.35) // 458759
 */
export function floorRateShare(amount: number, rate: number): number {
  if (!Number.isInteger(amount)) return Math.floor(amount * rate);
  return mulDivFloor(amount, toRateUnits(rate), RATE_SCALE);
}
