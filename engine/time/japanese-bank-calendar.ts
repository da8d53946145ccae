import { getHolidaysOf } from 'japanese-holidays';
import { EpochDay, fromEpochDay, toEpochDay } from './civil-date';
import { BusinessCalendar, dayOfWeek } from './business-days';

/**
 * Japanese banks' business days: closed on Saturdays, Sundays, national holidays (祝日法:
 * 振替休日 and 国民の休日 included) and on 12/31, 1/2 and 1/3 (銀行法施行令). Holidays come from
 * `japanese-holidays`, which computes the rules year by year — 春分・秋分 from the equinox
 * formula — so dates past 2050 work (a 20-year loan drawn in the 2030s); the tests hold it
 * against the Cabinet Office's published lists. Years are computed once and cached.
 */
export const JAPANESE_BANK_CALENDAR: BusinessCalendar = {
  isBusinessDay(day: EpochDay): boolean {
    const w = dayOfWeek(day);
    if (w === 0 || w === 6) return false;
    return !closedDaysOf(fromEpochDay(day).year).has(day);
  },
};

const closedByYear = new Map<number, Set<EpochDay>>();

/** National holidays and the year-end/New Year bank closures of one calendar year. */
export function closedDaysOf(year: number): ReadonlySet<EpochDay> {
  let closed = closedByYear.get(year);
  if (!closed) {
    closed = new Set(getHolidaysOf(year, true).map((h) => toEpochDay(year, h.month, h.date)));
    for (const [m, d] of [
      [1, 2],
      [1, 3],
      [12, 31],
    ])
      closed.add(toEpochDay(year, m, d));
    closedByYear.set(year, closed);
  }
  return closed;
}

/** The national holidays of a year (name by date), as the library gives them. */
export function nationalHolidaysOf(year: number): { date: EpochDay; name: string }[] {
  return getHolidaysOf(year, true).map((h) => ({
    date: toEpochDay(year, h.month, h.date),
    name: h.name,
  }));
}
