import { floorMulDiv, floorTimes } from './exact';
import { Liquidation, LiquidationAsset } from './types';

/** One asset's liquidation value: its `value`, or floor(bookValue × 掛目). */
export function liquidationValue(asset: LiquidationAsset): number {
  return asset.value ?? floorTimes(asset.bookValue, asset.haircut ?? 0);
}

/** 清算配当率 as an exact ratio (numerator ÷ denominator) and as a number. */
export interface LiquidationRate {
  /** Σ liquidation values of the assets not pledged. */
  freeAssets: number;
  priorityClaims: number;
  /** max(0, freeAssets − priorityClaims), at most the denominator (a rate above 100 % pays 100 %). */
  numerator: number;
  /** Σ the lenders' unsecured claims + other general liabilities. */
  denominator: number;
  rate: number;
}

/**
 * 清算配当率 = max(0, Σ liquidation values of assets not pledged − priority claims) ÷
 * (Σ the lenders' unsecured claims + other general liabilities), capped at 100 %; 0 when there
 * is nothing to share or no general claim.
 *
 * @example
 * // free assets 3,000万, priority 1,000万, unsecured 1.5億 + others 5,000万: 2,000万 ÷ 2億 = 10 %
 */
export function liquidationRate(liq: Liquidation, lendersUnsecured: number): LiquidationRate {
  const freeAssets = liq.assets
    .filter((a) => a.collateralId === undefined)
    .reduce((s, a) => s + liquidationValue(a), 0);
  const denominator = lendersUnsecured + liq.otherGeneralLiabilities;
  const numerator = Math.min(Math.max(0, freeAssets - liq.priorityClaims), denominator);
  return {
    freeAssets,
    priorityClaims: liq.priorityClaims,
    numerator,
    denominator,
    rate: denominator > 0 ? numerator / denominator : 0,
  };
}

/** Liquidation recovery of a lender: its 保全 + floor(清算配当率 × its unsecured claim). */
export function liquidationRecovery(
  secured: number,
  unsecured: number,
  rate: LiquidationRate,
): number {
  return (
    secured + (rate.denominator > 0 ? floorMulDiv(unsecured, rate.numerator, rate.denominator) : 0)
  );
}

/** Plan recovery: Σ repayments over the horizon + floor(balance at the end × terminal rate). */
export function planRecovery(
  repayments: readonly number[],
  closing: number,
  terminalRecoveryRate: number,
): number {
  return repayments.reduce((s, x) => s + x, 0) + floorTimes(closing, terminalRecoveryRate);
}
