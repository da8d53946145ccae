import { A4_LANDSCAPE_WIDTH_UNITS } from './page-setup';

/**
 * The smallest print scale (%) a sheet is allowed: below about 60 % an A4 page of figures is
 * hard to read, so a wide table is split across pages (its row labels repeated) instead.
 */
export const MIN_PRINT_SCALE = 60;

/** Widest content (column-width units, title columns included) a page holds at a scale. */
export function unitsAtScale(scale: number): number {
  return Math.floor((A4_LANDSCAPE_WIDTH_UNITS * 100) / scale);
}

/**
 * How many series columns (months) to print on a page beside the repeated title columns:
 * the largest of `groups` (e.g. 12, 6, 4, 3 months: a year, a half, a quarter) whose widest
 * run fits at MIN_PRINT_SCALE or more; the smallest group when none does.
 */
export function columnsAPage(titleUnits: number, seriesUnits: number[], groups: number[]): number {
  const room = unitsAtScale(MIN_PRINT_SCALE);
  const sorted = [...groups].sort((a, b) => b - a);
  for (const size of sorted) {
    let widest = 0;
    for (let from = 0; from < seriesUnits.length; from += size) {
      const run = seriesUnits.slice(from, from + size).reduce((s, w) => s + w, 0);
      widest = Math.max(widest, run);
    }
    if (titleUnits + widest <= room) return size;
  }
  return sorted[sorted.length - 1];
}
