/**
 * Plain-text tables for a terminal, aligned by display width (a kanji takes two columns).
 */

/** Columns a string takes on a terminal: East Asian wide and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, alignRight: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return alignRight ? fill + text : text + fill;
}

/** Renders rows under a header; the first column is left-aligned, the rest right-aligned. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ''))),
  );
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c], c > 0)).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const YEN = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });
const YEN_FRACTION = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });

/** 1234567 → "1,234,567"; fractional yen (rounding "none") keep two decimals. */
export function formatYen(amount: number): string {
  return Number.isInteger(amount) ? YEN.format(amount) : YEN_FRACTION.format(amount);
}

export function formatPercent(rate: number, digits = 3): string {
  return `${(rate * 100).toFixed(digits)}%`;
}
