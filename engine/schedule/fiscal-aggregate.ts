import { fiscalYearOf } from '../time/fiscal-year';
import { scheduledFiscalYear } from '../time/payment-dates';
import { Schedule } from './loan-schedule';

/**
 * Figures per fiscal year over a fixed range of years (`firstYear` … `firstYear + count − 1`),
 * so that loans and stacks add up slot by slot. `closing` is the balance at the fiscal
 * year's end.
 */
export interface FiscalYearFigures {
  firstYear: number;
  endMonth: number;
  interest: Float64Array;
  principal: Float64Array;
  fee: Float64Array;
  closing: Float64Array;
}

export function emptyFiscalYears(
  firstYear: number,
  count: number,
  endMonth: number,
): FiscalYearFigures {
  return {
    firstYear,
    endMonth,
    interest: new Float64Array(count),
    principal: new Float64Array(count),
    fee: new Float64Array(count),
    closing: new Float64Array(count),
  };
}

/** The fiscal years a schedule's payments fall in: [first, last]. */
export function fiscalYearSpan(schedule: Schedule, endMonth: number): [number, number] {
  const { dates } = schedule;
  return [fiscalYearOf(dates[1], endMonth), fiscalYearOf(dates[dates.length - 1], endMonth)];
}

/** Adds a schedule's flows into `into`, year by year; payments outside the range are left out. */
export function addByFiscalYear(schedule: Schedule, into: FiscalYearFigures): void {
  const { dates, flows } = schedule;
  const count = into.interest.length;
  const startSlot = fiscalYearOf(dates[0], into.endMonth) - into.firstYear;
  let balance = schedule.terms.principal;
  let slot = startSlot;
  const carryTo = (end: number) => {
    for (; slot < end; slot++) if (slot >= 0 && slot < count) into.closing[slot] += balance;
  };
  for (let k = 0; k < flows.interest.length; k++) {
    // The scheduled month's fiscal year (a holiday-moved payment stays in its year).
    const s = scheduledFiscalYear(dates, k + 1, into.endMonth) - into.firstYear;
    carryTo(s);
    if (s >= 0 && s < count) {
      into.interest[s] += flows.interest[k];
      into.principal[s] += flows.principal[k];
      into.fee[s] += flows.fee[k];
    }
    balance -= flows.principal[k];
  }
  carryTo(slot + 1);
}
