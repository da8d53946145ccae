/**
 * Calendar dates as whole days since 1970-01-01 (an "epoch day"), so that hot loops
 * compare and subtract integers and never allocate a `Date`.
 *
 * The conversions are the proleptic-Gregorian civil algorithms (days ↔ y/m/d).
 *
 * @example
 * toEpochDay(2024, 2, 29) - toEpochDay(2024, 1, 31) // 29
 */

export type EpochDay = number;

/** Days since 1970-01-01 of the civil date year-month-day (month 1–12). */
export function toEpochDay(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The civil date of an epoch day. */
export function fromEpochDay(epochDay: EpochDay): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Months since January 1970 (a "month index"): the grid that rate paths live on. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1) - 1970 * 12;
}

export function monthIndexOfDay(epochDay: EpochDay): number {
  const { year, month } = fromEpochDay(epochDay);
  return monthIndex(year, month);
}

/**
 * The date `months` months after (year, month) on `anchorDay`, clamped to the month's end:
 * anchor 31 gives Feb 28/29, Mar 31, Apr 30, … — the anchor is never lost to a short month.
 */
export function addMonthsClamped(
  year: number,
  month: number,
  anchorDay: number,
  months: number,
): EpochDay {
  const m0 = year * 12 + (month - 1) + months;
  const y = Math.floor(m0 / 12);
  const m = m0 - y * 12 + 1;
  return toEpochDay(y, m, Math.min(anchorDay, daysInMonth(y, m)));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict `YYYY-MM-DD`; returns null when it is not a real calendar date. */
export function parseIsoDate(text: string): EpochDay | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return toEpochDay(year, month, day);
}

export function formatIsoDate(epochDay: EpochDay): string {
  const { year, month, day } = fromEpochDay(epochDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
