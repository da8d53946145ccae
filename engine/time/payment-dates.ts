import { EpochDay, addMonthsClamped, fromEpochDay } from './civil-date';
import { DayCount, accrualDays } from './day-count';

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

export function monthlyPaymentSchedule(start: EpochDay, periods: number, dayCount: DayCount): PaymentSchedule {
  const { year, month, day } = fromEpochDay(start);
  const dates = new Int32Array(periods + 1);
  const days = new Uint16Array(periods);
  dates[0] = start;
  for (let k = 1; k <= periods; k++) {
    dates[k] = addMonthsClamped(year, month, day, k);
    days[k - 1] = accrualDays(dayCount, dates[k - 1], dates[k]);
  }
  return { dates, days };
}
