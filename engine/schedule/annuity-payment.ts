import { RATE_SCALE } from '../interest/rate-units';

/**
 * The level monthly installment (元利均等) that repays `balance` over `periods` months at the
 * annual rate, with monthly rate = annual / 12 — the spreadsheet PMT(rate/12, n, -balance).
 * Cut to whole yen when `roundYen`; the last installment absorbs what that leaves.
 *
 * @example
 * annuityPayment(10_000_000, 200_000, 120, false) // 92013.49… (PMT(0.02/12,120,-1e7))
 */
export function annuityPayment(
  balance: number,
  rateUnits: number,
  periods: number,
  roundYen: boolean,
): number {
  const i = rateUnits / (12 * RATE_SCALE);
  const payment = i === 0 ? balance / periods : (balance * i) / (1 - Math.pow(1 + i, -periods));
  return roundYen ? Math.floor(payment) : payment;
}
