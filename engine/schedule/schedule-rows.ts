import { formatIsoDate } from '../time/civil-date';
import { Schedule, ScheduleTotals } from './loan-schedule';

/** One month of a schedule as users see it. */
export interface ScheduleRow {
  period: number;
  date: string;
  opening: number;
  interest: number;
  principal: number;
  fee: number;
  /** Principal + interest; the guarantee fee is its own column. */
  payment: number;
  closing: number;
}

/** The object rows of a schedule: made at the edge, only for what is shown or written. */
export function scheduleRows(schedule: Schedule): ScheduleRow[] {
  const { opening, interest, principal, fee } = schedule.flows;
  const rows: ScheduleRow[] = [];
  for (let k = 0; k < interest.length; k++) {
    rows.push({
      period: k + 1,
      date: formatIsoDate(schedule.dates[k + 1]),
      opening: opening[k],
      interest: interest[k],
      principal: principal[k],
      fee: fee[k],
      payment: interest[k] + principal[k],
      closing: opening[k] - principal[k],
    });
  }
  return rows;
}

export interface ScheduleJson {
  rows: ScheduleRow[];
  /** A lump-sum 保証料 paid at drawdown (0 when paid by instalments); also in `totals.fee`. */
  upfrontFee: number;
  totals: ScheduleTotals;
}

export function scheduleJson(schedule: Schedule): ScheduleJson {
  return {
    rows: scheduleRows(schedule),
    upfrontFee: schedule.upfrontFee,
    totals: schedule.totals,
  };
}
