import { EpochDay } from './civil-date';

/**
 * How a payment date that falls on a closed day moves: 翌営業日 (`following`, the default a
 * contract saying only "毎月X日" gets), 前営業日 (`preceding`), or not at all (`none`).
 */
export type BusinessDayConvention = 'following' | 'preceding' | 'none';

export const BUSINESS_DAY_CONVENTIONS: readonly BusinessDayConvention[] = [
  'following',
  'preceding',
  'none',
];

/** The one question schedules ask of a calendar (so another calendar can stand in). */
export interface BusinessCalendar {
  isBusinessDay(day: EpochDay): boolean;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(day: EpochDay): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The date a payment is made under the convention: `day` itself when the bank is open, else
 * the next (following) or previous (preceding) business day.
 *
 * @example
 * // 2025-05-10 is a Saturday: following → Mon 05-12, preceding → Fri 05-09
 * adjustToBusinessDay(toEpochDay(2025, 5, 10), 'following', JAPANESE_BANK_CALENDAR)
 */
export function adjustToBusinessDay(
  day: EpochDay,
  convention: BusinessDayConvention,
  calendar: BusinessCalendar,
): EpochDay {
  if (convention === 'none') return day;
  const step = convention === 'following' ? 1 : -1;
  let d = day;
  while (!calendar.isBusinessDay(d)) d += step;
  return d;
}
