import {
  DEFAULT_YEN_SHORT_RATE_MODEL,
  NormalStream,
  ShortRateModel,
  checkShortRateModel,
  driftAt,
  driftSteps,
  monthlyTransition,
  shortRateMoments,
  simulateShortRate,
} from '../../../engine';

/** Sample mean and variance of r at the given months over `paths` simulated paths. */
function sampleMoments(model: ShortRateModel, paths: number, atMonths: number[]) {
  const months = Math.max(...atMonths);
  const rates = new Float64Array(months + 1);
  const innovations = new Float64Array(months + 1);
  const transition = monthlyTransition(model);
  const drift = driftSteps(model, months);
  const sums = atMonths.map(() => 0);
  const squares = atMonths.map(() => 0);
  for (let i = 0; i < paths; i++) {
    simulateShortRate(model, transition, drift, new NormalStream(3, i), months, rates, innovations);
    atMonths.forEach((m, j) => {
      sums[j] += rates[m];
      squares[j] += rates[m] * rates[m];
    });
  }
  return atMonths.map((_, j) => {
    const mean = sums[j] / paths;
    return { mean, variance: squares[j] / paths - mean * mean };
  });
}

/** The sample moments against the closed form: mean within 4 standard errors, variance within 4 relative √(2/n). */
function expectMoments(model: ShortRateModel, paths: number, years: number[]) {
  const sample = sampleMoments(
    model,
    paths,
    years.map((y) => y * 12),
  );
  years.forEach((y, j) => {
    const exact = shortRateMoments(model, y);
    expect(Math.abs(sample[j].mean - exact.mean)).toBeLessThan(
      4 * Math.sqrt(exact.variance / paths),
    );
    expect(Math.abs(sample[j].variance / exact.variance - 1)).toBeLessThan(
      4 * Math.sqrt(2 / paths),
    );
  });
}

describe('the discretised Vasicek model', () => {
  test('defaults as documented: 5-year mean ≈ 1.045 %, standard deviation ≈ 0.89 %', () => {
    const m = shortRateMoments(DEFAULT_YEN_SHORT_RATE_MODEL, 5);
    // θ + (r₀ − θ) e^(−0.5) = 0.015 − 0.0075 × 0.60653 = 0.010451; σ²(1 − e^(−1))/(2a) = 7.9e-5.
    expect(m.mean).toBeCloseTo(0.015 - 0.0075 * Math.exp(-0.5), 15);
    expect(Math.sqrt(m.variance)).toBeCloseTo(0.005 * Math.sqrt((1 - Math.exp(-1)) / 0.2), 15);
    expect(Math.sqrt(m.variance)).toBeCloseTo(0.00889, 5);
  });

  test('the monthly transition is exact: decay e^(−a/12), noise σ√((1 − e^(−a/6))/(2a))', () => {
    const t = monthlyTransition(DEFAULT_YEN_SHORT_RATE_MODEL);
    expect(t.decay).toBeCloseTo(Math.exp(-0.1 / 12), 16);
    expect(t.noiseScale).toBeCloseTo(0.005 * Math.sqrt((1 - Math.exp(-0.2 / 12)) / 0.2), 16);
    const walk = monthlyTransition({ ...DEFAULT_YEN_SHORT_RATE_MODEL, meanReversion: 0 });
    expect(walk).toEqual({ decay: 1, noiseScale: 0.005 * Math.sqrt(1 / 12) });
  });

  test('simulated mean and variance match the closed form at 1, 5 and 20 years (20,000 paths)', () => {
    expectMoments(DEFAULT_YEN_SHORT_RATE_MODEL, 20_000, [1, 5, 20]);
  });

  test('fast reversion: the long-run mean θ and stationary variance σ²/(2a) are reached', () => {
    const model = { ...DEFAULT_YEN_SHORT_RATE_MODEL, meanReversion: 1.5, longRunMean: 0.03 };
    expectMoments(model, 20_000, [10]);
    const at10 = shortRateMoments(model, 10);
    expect(at10.mean).toBeCloseTo(0.03, 7);
    expect(at10.variance).toBeCloseTo((0.005 * 0.005) / 3, 12);
  });

  test('a = 0 is a random walk (variance σ²t); a drift shifts the mean by min(μt, cap)', () => {
    expectMoments({ ...DEFAULT_YEN_SHORT_RATE_MODEL, meanReversion: 0 }, 20_000, [2, 10]);
    const drifting = { ...DEFAULT_YEN_SHORT_RATE_MODEL, drift: { perYear: 0.0025, cap: 0.02 } };
    expectMoments(drifting, 20_000, [4, 12]);
    expect(driftAt(drifting, 4)).toBeCloseTo(0.01, 15);
    expect(driftAt(drifting, 12)).toBe(0.02);
    expect(driftAt({ ...drifting, drift: { perYear: -0.005, cap: 0.01 } }, 3)).toBe(-0.01);
    expect(
      shortRateMoments(drifting, 4).mean - shortRateMoments(DEFAULT_YEN_SHORT_RATE_MODEL, 4).mean,
    ).toBeCloseTo(0.01, 15);
  });

  test('σ = 0 and r₀ = θ: the rate never moves, exactly', () => {
    const model = { ...DEFAULT_YEN_SHORT_RATE_MODEL, volatility: 0, longRunMean: 0.0075 };
    const rates = new Float64Array(241);
    const innovations = new Float64Array(241);
    simulateShortRate(
      model,
      monthlyTransition(model),
      driftSteps(model, 240),
      new NormalStream(1, 0),
      240,
      rates,
      innovations,
    );
    expect(new Set(rates)).toEqual(new Set([0.0075]));
  });

  test('bounds that catch unit mistakes', () => {
    expect(checkShortRateModel(DEFAULT_YEN_SHORT_RATE_MODEL)).toEqual([]);
    const errors = checkShortRateModel({
      ...DEFAULT_YEN_SHORT_RATE_MODEL,
      volatility: 0.5,
      meanReversion: -0.1,
      drift: { perYear: 0.0025, cap: -1 },
    });
    expect(errors.map((e) => e.field)).toEqual([
      'model.meanReversion',
      'model.volatility',
      'model.drift.cap',
    ]);
  });
});
