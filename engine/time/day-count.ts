import { EpochDay, fromEpochDay } from './civil-date';

/**
 * Day-count conventions, as in QuantLib's DayCounter: how many days of interest a period
 * accrues and over how many days a year's rate is spread.
 *
 * - `ACT/365F`: actual days / 365 (日割, 片端), the Japanese default, leap years included.
 * - `30/360`: the ISDA bond basis (D1 = 31 → 30; D2 = 31 → 30 when D1 is 30 or 31) / 360
 *   between any two dates; monthly loan schedules accrue exactly 30 days a period on their
 *   unadjusted dates (see payment-dates.ts), i.e. rate / 12 a month.
 *
 * @example
 * accrualDays('ACT/365F', toEpochDay(2024, 2, 1), toEpochDay(2024, 3, 1)) // 29
 * accrualDays('30/360', toEpochDay(2024, 2, 1), toEpochDay(2024, 3, 1))   // 30
 */
export type DayCount = 'ACT/365F' | '30/360';

export const DAY_COUNTS: readonly DayCount[] = ['ACT/365F', '30/360'];

/** Days in a year for the convention: the denominator of the year fraction. */
export function yearBasis(dayCount: DayCount): number {
  return dayCount === '30/360' ? 360 : 365;
}

/** Days of interest between two dates under the convention (the year fraction's numerator). */
export function accrualDays(dayCount: DayCount, from: EpochDay, to: EpochDay): number {
  if (dayCount === 'ACT/365F') return to - from;
  const a = fromEpochDay(from);
  const b = fromEpochDay(to);
  const d1 = Math.min(a.day, 30);
  const d2 = b.day === 31 && d1 === 30 ? 30 : b.day;
  return 360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1);
}
