import { EpochDay, daysInMonth, fromEpochDay, toEpochDay } from './civil-date';
import { DayCount } from './day-count';

/**
 * A loan's monthly payment schedule (QuantLib's "schedule"): `dates[0]` is the drawdown (or
 * the as-of date of an existing loan) and `dates[k]` the k-th payment, on the drawdown's day
 * of month clamped to month end (drawn Jan 31 → Feb 28/29, Mar 31, Apr 30, …).
 * `days[k-1]` is the accrual days of period k under the day count. Under 30/360 every
 * monthly period is 30 days (1/12 of a year, 月割), as spreadsheet PMT/IPMT assume: the day
 * count runs on the unadjusted schedule, so a loan anchored on the 31st does not get ISDA's
 * 28–33-day months around February (which would make its year 361 days).
 *
 * Business-day adjustment (土日祝) is not applied: contracts differ and the effect on
 * interest is a day here and there, which the day count of the next period gives back.
 */
export interface PaymentSchedule {
  readonly dates: Int32Array;
  readonly days: Uint16Array;
}

export function monthlyPaymentSchedule(
  start: EpochDay,
  periods: number,
  dayCount: DayCount,
): PaymentSchedule {
  const schedule = { dates: new Int32Array(periods + 1), days: new Uint16Array(periods) };
  fillPaymentSchedule(start, periods, dayCount, schedule);
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
