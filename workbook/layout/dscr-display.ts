/**
 * The one rule for showing a DSCR (task pane, terminal and workbook): two decimals, cut toward
 * the failing side (down), so a DSCR of 0.998 shows as 0.99 and never as a "1.00" that reads
 * as passing the 1.0 line. Thresholds have at most two decimals, so a shown value passes exactly
 * when the value does.
 */
export function floorDscr(value: number): number {
  if (!Number.isFinite(value)) return value;
  let hundredths = Math.floor(value * 100);
  // value × 100 may land just under a whole number (1.15 × 100 = 114.999…): the decimal 1.15
  // is the same double as the value, so it is not below it and is the right cut.
  if ((hundredths + 1) / 100 <= value) hundredths += 1;
  return hundredths / 100;
}

/** A DSCR as text: `0.99`, `∞`/`—` for none (no debt service). */
export function formatDscr(value: number | null, none = '—'): string {
  if (value === null) return none;
  if (value === Infinity) return '∞';
  return floorDscr(value).toFixed(2);
}
