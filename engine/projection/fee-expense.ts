import { fromEpochDay } from '../time/civil-date';
import type { Schedule } from '../schedule/loan-schedule';

/** How a lump-sum 保証料 reaches the P/L: all when paid, or spread over the loan's term. */
export const GUARANTEE_FEE_EXPENSES = ['paid', 'spread'] as const;
export type GuaranteeFeeExpense = (typeof GUARANTEE_FEE_EXPENSES)[number];

/**
 * Per fiscal year of the plan, what the P/L expenses of lump-sum 保証料 minus what is paid
 * (the paid amount stays in debt service and cash). Under "spread" each year expenses
 * fee × term months in that year ÷ term months (floor; the term's last year takes the
 * remainder; months before plan month 0 count in year 0), and a refinancing refund only
 * reverses the unexpensed prepaid fee, so it leaves the P/L. Zero under "paid".
 */
export function upfrontFeeExpenseShift(
  schedules: readonly Schedule[],
  refund: number,
  firstMonth: number,
  horizon: number,
  mode: GuaranteeFeeExpense,
): Float64Array {
  const shift = new Float64Array(horizon);
  if (mode === 'paid' || horizon === 0) return shift;
  const months = horizon * 12;
  for (const s of schedules) {
    if (s.upfrontFee === 0) continue;
    const start = monthKeyOfDay(s.dates[0]) - firstMonth;
    const paidMonth = Math.max(0, start);
    if (paidMonth < months) shift[Math.floor(paidMonth / 12)] -= s.upfrontFee;
    const term = s.terms.termMonths;
    // Months of the term by plan year (months before month 0 fall into year 0).
    const byYear = new Map<number, number>();
    for (let k = 0; k < term; k++) {
      const year = Math.floor(Math.max(0, start + k) / 12);
      byYear.set(year, (byYear.get(year) ?? 0) + 1);
    }
    const years = [...byYear.keys()].sort((a, b) => a - b);
    let expensed = 0;
    for (const year of years) {
      const amount =
        year === years[years.length - 1]
          ? s.upfrontFee - expensed
          : Math.floor((s.upfrontFee * byYear.get(year)!) / term);
      expensed += amount;
      if (year < horizon) shift[year] += amount;
    }
  }
  if (refund) shift[0] += refund;
  return shift;
}

function monthKeyOfDay(day: number): number {
  const { year, month } = fromEpochDay(day);
  return year * 12 + (month - 1);
}
