/**
 * Rates inside the engine are whole numbers of 1e-7 (0.00001 %), so that interest can be
 * computed exactly in integers: 1.971 % is 197 100 units.
 *
 * @example
 * toRateUnits(0.01971) // 197100
 */
export const RATE_SCALE = 1e7;

/** The largest annual rate the engine accepts (100 %): keeps exact interest inside 2^53. */
export const MAX_RATE_UNITS = RATE_SCALE;

export function toRateUnits(decimalRate: number): number {
  return Math.round(decimalRate * RATE_SCALE);
}

export function fromRateUnits(units: number): number {
  return units / RATE_SCALE;
}
