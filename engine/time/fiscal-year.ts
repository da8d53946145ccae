import { EpochDay, fromEpochDay } from './civil-date';

/**
 * Fiscal years named by the year they end in, as 決算期 are ("2027年3月期" ends March 2027).
 *
 * @example
 * fiscalYearOf(toEpochDay(2026, 4, 30), 3) // 2027
 * fiscalYearOf(toEpochDay(2026, 3, 31), 3) // 2026
 */
export function fiscalYearOf(date: EpochDay, endMonth: number): number {
  const { year, month } = fromEpochDay(date);
  return month <= endMonth ? year : year + 1;
}

export function fiscalYearLabel(endYear: number, endMonth: number): string {
  return `${endYear}年${endMonth}月期`;
}
