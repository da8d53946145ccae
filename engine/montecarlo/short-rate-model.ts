import { FieldError } from '../input/field-reader';
import { portableExp } from './portable-math';

/**
 * A one-factor short-rate model for yen (QuantLib's vocabulary): r(t) = x(t) + φ(t), where
 * x is a Vasicek (Ornstein–Uhlenbeck) process
 *
 *   dx = a (θ − x) dt + σ dW,   x(0) = r₀,
 *
 * and φ(t) an optional deterministic drift, min(μ t, cap) — a Hull–White-style shift of the
 * mean for an "upward drift" scenario (e.g. +0.25 % a year up to +2.00 %, like a ramp shock
 * with noise around it). Rates may go below zero, as the yen's did in 2016–2024; loan rates
 * never do (the engine floors them at 0 %).
 *
 * Only the change r(t) − r₀ reaches the loans: it shifts every index (短プラ, TIBOR, JFC 基準利率)
 * in parallel, the way a parallel shock does, so r₀ matters only through its distance to θ.
 */
export interface ShortRateModel {
  /** r₀: today's short rate (decimal). */
  initialRate: number;
  /** θ: the level the rate reverts to (decimal). */
  longRunMean: number;
  /** a: mean-reversion speed per year (≥ 0; 0 is a random walk). Half-life ln 2 / a. */
  meanReversion: number;
  /** σ: normal (Bachelier) volatility per √year (decimal: 0.005 = 50 bp). */
  volatility: number;
  /** φ(t) = min(perYear × t, cap) (for perYear < 0: max(perYear × t, −cap)); null for none. */
  drift: { perYear: number; cap: number } | null;
}

/**
 * Defaults for yen, as of early 2026; every one is a setting.
 * - r₀ = 0.75 %: the Bank of Japan's target for the overnight call rate after its
 *   December 2025 rise (0.50 % from January 2025).
 * - θ = 1.50 %: inside the 1.0–2.5 % range of nominal neutral-rate estimates the Bank of Japan
 *   has published (a natural rate of about −1.0 to +0.5 % plus the 2 % price target), in its
 *   lower half, where market pricing of the end of the hiking cycle sat in 2025.
 * - a = 0.10 a year: a half-life of about 7 years — policy cycles in Japan last years, and a
 *   slow pull keeps the long-horizon spread wide; the stationary spread is σ/√(2a) ≈ 1.1 %.
 * - σ = 0.50 % a year: in line with the normal volatilities of short-expiry yen swaptions in
 *   2024–2025 (40–60 bp); over 5 years it gives a standard deviation of about 0.9 %, so the
 *   P5–P95 band of the 5-year change spans roughly −1.2 % to +1.8 % around a +0.3 % mean, the
 *   range of the standard shock set.
 * - no drift.
 */
export const DEFAULT_YEN_SHORT_RATE_MODEL: ShortRateModel = {
  initialRate: 0.0075,
  longRunMean: 0.015,
  meanReversion: 0.1,
  volatility: 0.005,
  drift: null,
};

/** Months per year: the model is stepped monthly. */
export const STEPS_PER_YEAR = 12;

/**
 * The exact monthly transition of the Vasicek part (no discretisation error):
 * x(t + Δ) = θ + (x(t) − θ) e^(−aΔ) + σ √((1 − e^(−2aΔ)) / (2a)) Z, Δ = 1/12, Z ~ N(0, 1);
 * for a = 0 the noise scale is σ √Δ.
 */
export interface MonthlyTransition {
  decay: number;
  noiseScale: number;
}

export function monthlyTransition(model: ShortRateModel): MonthlyTransition {
  const dt = 1 / STEPS_PER_YEAR;
  const a = model.meanReversion;
  if (a === 0) return { decay: 1, noiseScale: model.volatility * Math.sqrt(dt) };
  const decay = portableExp(-a * dt);
  return {
    decay,
    noiseScale: model.volatility * Math.sqrt((1 - decay * decay) / (2 * a)),
  };
}

/** φ(t): the deterministic drift at t years. */
export function driftAt(model: ShortRateModel, years: number): number {
  const d = model.drift;
  if (!d) return 0;
  const x = d.perYear * years;
  return d.perYear >= 0 ? Math.min(x, d.cap) : Math.max(x, -d.cap);
}

/**
 * The closed-form mean and variance of r(t) (what the simulation must reproduce):
 * E r(t) = θ + (r₀ − θ) e^(−at) + φ(t), Var r(t) = σ² (1 − e^(−2at)) / (2a) (σ² t when a = 0).
 *
 * @example
 * shortRateMoments(DEFAULT_YEN_SHORT_RATE_MODEL, 5)
 * // { mean: ≈ 0.01045, variance: ≈ 7.9e-5 } (standard deviation ≈ 0.89 %)
 */
export function shortRateMoments(
  model: ShortRateModel,
  years: number,
): { mean: number; variance: number } {
  const a = model.meanReversion;
  const s2 = model.volatility * model.volatility;
  const decay = Math.exp(-a * years);
  return {
    mean:
      model.longRunMean + (model.initialRate - model.longRunMean) * decay + driftAt(model, years),
    variance: a === 0 ? s2 * years : (s2 * (1 - decay * decay)) / (2 * a),
  };
}

/** Bounds that catch unit mistakes (2 for 2 %, 50 for 50 bp) without forbidding stress cases. */
export function checkShortRateModel(model: ShortRateModel, at = 'model'): FieldError[] {
  const errors: FieldError[] = [];
  const within = (field: string, value: number, min: number, max: number, unit: string) => {
    if (!Number.isFinite(value) || value < min || value > max)
      errors.push({
        field: `${at}.${field}`,
        message: `must be between ${min} and ${max} ${unit}`,
        value,
      });
  };
  within('initialRate', model.initialRate, -0.05, 0.2, '(decimal, 0.0075 = 0.75 %)');
  within('longRunMean', model.longRunMean, -0.05, 0.2, '(decimal)');
  within('meanReversion', model.meanReversion, 0, 5, 'per year');
  within('volatility', model.volatility, 0, 0.05, '(decimal per √year, 0.005 = 50 bp)');
  if (model.drift) {
    within('drift.perYear', model.drift.perYear, -0.02, 0.02, '(decimal per year)');
    within('drift.cap', model.drift.cap, 0, 0.1, '(decimal)');
  }
  return errors;
}
