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
  // expm1/log1p: 1 − (1 + i)^−n loses half its digits to cancellation when i is small
  // (5e9 yen at 0.00001 % over 2 months came out 5 yen low).
  const payment =
    i === 0 ? balance / periods : (balance * i) / -Math.expm1(-periods * Math.log1p(i));
  if (!roundYen) return payment;
  const cut = Math.floor(payment);
  // Within floating-point error of a whole yen, the cut is decided exactly.
  const margin = payment * 1e-12 + 1e-9;
  const nearWhole = payment - cut < margin || cut + 1 - payment < margin;
  return nearWhole && i !== 0 && Number.isInteger(balance) && Number.isInteger(rateUnits)
    ? exactAnnuityFloor(balance, rateUnits, periods)
    : cut;
}

/** floor(B·u·(D+u)^n / (D·((D+u)^n − D^n))), D = 12 × RATE_SCALE: PMT cut to yen, in integers. */
function exactAnnuityFloor(balance: number, rateUnits: number, periods: number): number {
  const d = BigInt(12 * RATE_SCALE);
  const u = BigInt(rateUnits);
  const grown = (d + u) ** BigInt(periods);
  return Number((BigInt(balance) * u * grown) / (d * (grown - d ** BigInt(periods))));
}

/**
 * True when `installment` instalments, `periods` of them, repay `balance` at the annual rate
 * (1e-7 units, r = annual / 12), decided in integers: A·D·((D+u)^n − D^n) ≥ B·u·(D+u)^n.
 */
export function instalmentsRepay(
  balance: number,
  installment: number,
  rateUnits: number,
  periods: number,
): boolean {
  const d = BigInt(12 * RATE_SCALE);
  const u = BigInt(rateUnits);
  const grown = (d + u) ** BigInt(periods);
  return BigInt(installment) * d * (grown - d ** BigInt(periods)) >= BigInt(balance) * u * grown;
}
