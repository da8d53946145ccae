import { LenderCoverage } from './coverage';
import { PlanBasis } from './types';

/** Each pool lender's weight (the numerator of its share) and the basis actually used. */
export interface PoolShares {
  /** The basis asked for. */
  requestedBasis: PlanBasis;
  /** The basis used: `balance` when every unsecured balance is 0 (the fallback). */
  basis: PlanBasis;
  /** Whole-yen weights x_i, in the lenders' order; share w_i = x_i ÷ Σ x. */
  weights: number[];
  shares: number[];
}

/**
 * Shares fixed on the plan's base date: by pool balance (`balance`, 残高プロラタ) or by pool
 * balance minus 保全, floored at 0 (`unsecured`, 非保全残高プロラタ). If every unsecured
 * balance is 0 the shares fall back to `balance`, and `basis` says so.
 *
 * @example
 * // A 6,000万 (保全 6,000万), B 3,000万 (0), C 1,000万 (0): unsecured → A 0, B 0.75, C 0.25
 */
export function poolShares(lenders: readonly LenderCoverage[], requested: PlanBasis): PoolShares {
  const unsecured = lenders.map((l) => Math.max(0, l.poolBalance - l.secured));
  const fallback = requested === 'unsecured' && unsecured.every((x) => x === 0);
  const basis: PlanBasis = fallback ? 'balance' : requested;
  const weights = basis === 'balance' ? lenders.map((l) => l.poolBalance) : unsecured;
  const total = weights.reduce((s, x) => s + x, 0);
  return {
    requestedBasis: requested,
    basis,
    weights,
    shares: weights.map((x) => (total > 0 ? x / total : 0)),
  };
}
