import { EpochDay, daysInMonth, fromEpochDay, toEpochDay } from './civil-date';
import { DayCount } from './day-count';

/**
 * A loan's monthly payment schedule (QuantLib's "schedule"): `dates[0]` is the drawdown (or
 * the as-of date of an existing loan) and `dates[k]` the k-th payment, on the drawdown's day
 * of month clamped to month end (drawn Jan 31 → Feb 28/29, Mar 31, Apr 30, …).
 * `days[k-1]` is the accrual days of period k under the day count.
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
  let prevDay = anchor;
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
    if (thirty) {
      // ISDA bond basis between consecutive months: 30 + D2' − D1'.
      const d1 = prevDay < 30 ? prevDay : 30;
      const d2 = day === 31 && d1 === 30 ? 30 : day;
      days[k - 1] = 30 + d2 - d1;
    } else {
      days[k - 1] = dates[k] - dates[k - 1];
    }
    prevDay = day;
  }
}
