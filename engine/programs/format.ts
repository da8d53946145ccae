/** Numbers as the messages of the program checks write them, in Japanese and English. */

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Yen in the Japanese way, by 億 and 万.
 *
 * @example
 * yenJa(1_440_000_000) // "14億4,000万円"
 * yenJa(72_000_000)    // "7,200万円"
 */
export function yenJa(yen: number): string {
  if (!Number.isInteger(yen) || yen < 0) return `${yen}円`;
  const oku = Math.floor(yen / 1e8);
  const man = Math.floor((yen % 1e8) / 1e4);
  const rest = yen % 1e4;
  const text =
    (oku > 0 ? `${grouped(oku)}億` : '') +
    (man > 0 ? `${grouped(man)}万` : '') +
    (rest > 0 || yen === 0 ? grouped(rest) : '');
  return `${text}円`;
}

/** @example yenEn(72_000_000) // "¥72,000,000" */
export function yenEn(yen: number): string {
  return Number.isInteger(yen) && yen >= 0 ? `¥${grouped(yen)}` : `¥${yen}`;
}

/** @example monthsJa(61) // "5年1か月（61か月）" */
export function monthsJa(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const text = (y > 0 ? `${y}年` : '') + (m > 0 || y === 0 ? `${m}か月` : '');
  return y > 0 ? `${text}（${months}か月）` : text;
}

/** @example monthsEn(61) // "61 months (5 years 1 month)" */
export function monthsEn(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (y === 0) return unit(months, 'month');
  return `${unit(months, 'month')} (${unit(y, 'year')}${m > 0 ? ` ${unit(m, 'month')}` : ''})`;
}

/** @example percent(0.0395) // "3.95%" */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}
