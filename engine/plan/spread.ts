import { floorMulDiv } from './exact';

/**
 * A lender's yearly amount spread over its pool loans pro rata by balance: floor(A × b_k ÷ B),
 * the last loan still owed taking the remainder (and, should that exceed its balance, the
 * earlier loans taking the excess in order). Loans already repaid get nothing.
 *
 * @example
 * spreadOverLoans(1000, [3000, 0, 1000]) // [750, 0, 250]
 */
export function spreadOverLoans(amount: number, balances: readonly number[]): number[] {
  const out = balances.map(() => 0);
  const total = balances.reduce((s, b) => s + b, 0);
  let last = -1;
  for (let k = 0; k < balances.length; k++) if (balances[k] > 0) last = k;
  if (last < 0 || amount <= 0) return out;
  let left = amount;
  for (let k = 0; k < last; k++) {
    out[k] = floorMulDiv(amount, balances[k], total);
    left -= out[k];
  }
  out[last] = Math.min(left, balances[last]);
  left -= out[last];
  for (let k = 0; k < last && left > 0; k++) {
    const more = Math.min(left, balances[k] - out[k]);
    out[k] += more;
    left -= more;
  }
  return out;
}

/** Twelve monthly parts: floor(A ÷ 12) each, month 12 taking the rest. */
export function monthlyParts(amount: number): number[] {
  const part = Math.floor(amount / 12);
  return [...Array<number>(11).fill(part), amount - 11 * part];
}
