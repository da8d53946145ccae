import { EpochDay, daysInMonth, fromEpochDay, toEpochDay } from './civil-date';
import { fiscalYearOf } from './fiscal-year';
import { DayCount } from './day-count';
import { BusinessCalendar, BusinessDayConvention, adjustToBusinessDay } from './business-days';
import { JAPANESE_BANK_CALENDAR } from './japanese-bank-calendar';

/**
 * A loan's monthly payment schedule (QuantLib's "schedule"): `dates[0]` is the drawdown (or
 * the as-of date of an existing loan) and `dates[k]` the k-th payment, on the drawdown's day
 * of month clamped to month end (drawn Jan 31 → Feb 28/29, Mar 31, Apr 30, …).
 * `days[k-1]` is the accrual days of period k under the day count. Under 30/360 every
 * monthly period is 30 days (1/12 of a year, 月割), as spreadsheet PMT/IPMT assume: the day
 * count runs on the unadjusted schedule, so a loan anchored on the 31st does not get ISDA's
 * 28–33-day months around February (which would make its year 361 days).
 *
 * Business days (domain.md §10): with a convention other than `none`, each payment date
 * moves to the next (or previous) bank business day, and ACT/365F periods run between the
 * adjusted dates — a moved payment lengthens one period and shortens the next, as on a bank's
 * 返済予定表. 30/360 keeps its 30 days a period (月割 does not see the move). `dates[0]`, the
 * drawdown or as-of date, is not moved.
 */
export interface PaymentSchedule {
  readonly dates: Int32Array;
  readonly days: Uint16Array;
}

export function monthlyPaymentSchedule(
  start: EpochDay,
  periods: number,
  dayCount: DayCount,
  businessDay: BusinessDayConvention = 'none',
  calendar: BusinessCalendar = JAPANESE_BANK_CALENDAR,
): PaymentSchedule {
  const schedule = { dates: new Int32Array(periods + 1), days: new Uint16Array(periods) };
  fillPaymentSchedule(start, periods, dayCount, schedule);
  if (businessDay !== 'none') {
    const { dates, days } = schedule;
    for (let k = 1; k <= periods; k++)
      dates[k] = adjustToBusinessDay(dates[k], businessDay, calendar);
    if (dayCount === 'ACT/365F')
      for (let k = 1; k <= periods; k++) days[k - 1] = dates[k] - dates[k - 1];
  }
  return schedule;
}

/**
 * Fills preallocated arrays (the batch kernel reuses them loan after loan). Walks month by
 * month from the first of each month, so no calendar conversion runs per period.
 */
export function fillPaymentSchedule(
  start: EpochDay,
  periods: number,
  dayCount: DayCount,
  out: PaymentSchedule,
): void {
  const { dates, days } = out;
  const { year, month, day: anchor } = fromEpochDay(start);
  const thirty = dayCount === '30/360';
  let y = year;
  let m = month;
  let firstOfMonth = toEpochDay(y, m, 1);
  dates[0] = start;
  for (let k = 1; k <= periods; k++) {
    firstOfMonth += daysInMonth(y, m);
    if (++m === 13) {
      m = 1;
      y++;
    }
    const dim = daysInMonth(y, m);
    const day = anchor < dim ? anchor : dim;
    dates[k] = firstOfMonth + day - 1;
    // 30/360 accrues on the unadjusted schedule (the anchor day every month): 30 days a month.
    days[k - 1] = thirty ? 30 : dates[k] - dates[k - 1];
  }
}

/**
 * The fiscal year payment k (1-based) counts in: that of its scheduled month, the drawdown's
 * month + k, even when a holiday moved it across the month end (a 3/31 payment made on 4/1
 * stays in the March fiscal year — its interest accrued by 3/31, as accrual accounting books
 * it). Payments therefore fall one a month on the plan's grid, whatever the calendar.
 *
 * @example
 * scheduledFiscalYear(dates, 12, 3) // fiscal year of the 12th scheduled month after dates[0]
 */
export function scheduledFiscalYear(dates: ArrayLike<number>, k: number, endMonth: number): number {
  const m = scheduledMonth(dates, k);
  return fiscalYearOf(toEpochDay(Math.floor(m / 12), (m % 12) + 1, 1), endMonth);
}

/**
 * The month payment k (1-based) is scheduled in, as year × 12 + month − 1: the drawdown's month
 * + k, whatever day a holiday moved it to (see scheduledFiscalYear).
 *
 * @example
 * scheduledMonth([toEpochDay(2026, 3, 31)], 12) // 2027 * 12 + 2 (March 2027)
 */
export function scheduledMonth(dates: ArrayLike<number>, k: number): number {
  const { year, month } = fromEpochDay(dates[0]);
  return year * 12 + (month - 1) + k;
}
