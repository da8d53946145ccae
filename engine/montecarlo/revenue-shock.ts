import { FieldError } from '../input/field-reader';
import { PlanYear } from '../case/case';
import { portableExp } from './portable-math';

/**
 * Revenue shocks, optional: each plan year's revenue is multiplied by a lognormal factor
 *
 *   F = exp(s Z − s²/2)   (mean 1, so the plan stays the expected case),
 *   Z = ρ E + √(1 − ρ²) η,
 *
 * where E is the same year's rate innovations (the standard normals that moved the short rate
 * in that fiscal year's months, summed and divided by √count, itself standard normal) and η an
 * independent standard normal. Years are independent of one another: a bad year does not carry
 * into the next (no persistence — keep it simple, and each year's plan stays the anchor).
 *
 * Operating profit moves with revenue through a margin: ΔOP = ΔRevenue × m, where m is the
 * plan year's own operating margin (OP ÷ revenue: costs scale with sales) unless a
 * `contributionMargin` (限界利益率: fixed costs stay, only the variable margin is lost) is
 * given. Depreciation, capex and working capital stay as planned.
 */
export interface RevenueShockModel {
  /** s: standard deviation of log revenue per year (0 = no revenue shock; 0.1 ≈ ±10 %). */
  volatility: number;
  /** ρ: correlation of the year's revenue shock with the year's rate moves (−1…1). */
  correlation: number;
  /** m for ΔOP = ΔRevenue × m; null: each plan year's operating margin. */
  contributionMargin: number | null;
}

export const NO_REVENUE_SHOCK: RevenueShockModel = {
  volatility: 0,
  correlation: 0,
  contributionMargin: null,
};

/**
 * The factor for one year from the year's rate innovation E and an independent normal η.
 *
 * @example
 * revenueFactor({ volatility: 0.1, correlation: 0, contributionMargin: null }, 0, 1) // ≈ 1.0997
 */
export function revenueFactor(
  model: RevenueShockModel,
  rateInnovation: number,
  own: number,
): number {
  const s = model.volatility;
  if (s === 0) return 1;
  const rho = model.correlation;
  const z = rho * rateInnovation + Math.sqrt(1 - rho * rho) * own;
  return portableExp(s * z - (s * s) / 2);
}

/**
 * A plan year's revenue and operating profit under a factor, in whole yen; a factor of
 * exactly 1 returns the plan's own figures.
 *
 * @example
 * // revenue 200,000,000, OP 20,000,000 (10 %), factor 0.9: revenue 180,000,000, OP 18,000,000
 * shockedRevenue(plan, 0.9, null) // with contributionMargin 0.4: OP 12,000,000
 */
export function shockedRevenue(
  plan: PlanYear,
  factor: number,
  contributionMargin: number | null,
): { revenue: number; operatingProfit: number } {
  if (factor === 1) return { revenue: plan.revenue, operatingProfit: plan.operatingProfit };
  const margin = contributionMargin ?? (plan.revenue > 0 ? plan.operatingProfit / plan.revenue : 0);
  const revenue = Math.round(plan.revenue * factor);
  return {
    revenue,
    operatingProfit: plan.operatingProfit + Math.round((revenue - plan.revenue) * margin),
  };
}

export function checkRevenueShockModel(model: RevenueShockModel, at = 'revenue'): FieldError[] {
  const errors: FieldError[] = [];
  const within = (field: string, value: number, min: number, max: number) => {
    if (!Number.isFinite(value) || value < min || value > max)
      errors.push({ field: `${at}.${field}`, message: `must be between ${min} and ${max}`, value });
  };
  within('volatility', model.volatility, 0, 1);
  within('correlation', model.correlation, -1, 1);
  if (model.contributionMargin !== null)
    within('contributionMargin', model.contributionMargin, 0, 1);
  return errors;
}
