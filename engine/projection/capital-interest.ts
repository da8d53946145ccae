import { accrueFloor } from '../interest/accrue';
import { RATE_SCALE } from '../interest/rate-units';
import { yearBasis } from '../time/day-count';
import { CapitalLoan } from '../strategy/apply-strategy';

/**
 * One period's interest on a capital-type loan (bullet: always on its whole amount), under the
 * loan's own day count and rounding (the case's, unless its action set them). Shared by the
 * projection and the Monte Carlo paths.
 *
 * @example
 * // 5,000万円 at 0.50 % for 31 days, ACT/365F, floor: 21,232 yen
 * capitalPeriodInterest(loan, 50_000, 31) // 21232
 */
export function capitalPeriodInterest(
  loan: Pick<CapitalLoan, 'amount' | 'dayCount' | 'rounding'>,
  rateUnits: number,
  days: number,
): number {
  const basis = yearBasis(loan.dayCount);
  return loan.rounding === 'floor'
    ? accrueFloor(loan.amount, rateUnits * days, basis)
    : (loan.amount * rateUnits * days) / (basis * RATE_SCALE);
}
