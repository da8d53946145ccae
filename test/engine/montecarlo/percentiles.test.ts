import { bandsOf, BAND_PERCENTILES } from '../../../engine';

describe('percentile bands (R type 7: h = (n − 1)p, linear between neighbours)', () => {
  test('1…10 by hand', () => {
    // h = 9p: P5 h = 0.45 → 1 + 0.45 × (2 − 1) = 1.45; P25 h = 2.25 → 3.25; P50 h = 4.5 → 5.5;
    // P75 h = 6.75 → 7.75; P95 h = 8.55 → 9.55; mean 55 / 10 = 5.5.
    const bands = bandsOf(Float64Array.of(7, 3, 10, 1, 5, 2, 9, 4, 8, 6));
    expect(BAND_PERCENTILES).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    expect(bands.p5).toBeCloseTo(1.45, 12);
    expect(bands.p25).toBeCloseTo(3.25, 12);
    expect(bands.p50).toBe(5.5);
    expect(bands.p75).toBeCloseTo(7.75, 12);
    expect(bands.p95).toBeCloseTo(9.55, 12);
    expect(bands.mean).toBe(5.5);
  });

  test('the input is left in path order', () => {
    const values = Float64Array.of(3, 1, 2);
    bandsOf(values);
    expect(Array.from(values)).toEqual([3, 1, 2]);
  });

  test('an odd count lands on order statistics: 11 values, P50 is the 6th, P25 h = 2.5', () => {
    const bands = bandsOf(Float64Array.from({ length: 11 }, (_, i) => (i + 1) * 10));
    expect(bands.p50).toBe(60);
    expect(bands.p25).toBe(35); // between 30 and 40
    expect(bands.p5).toBe(15); // h = 0.5: between 10 and 20
  });

  test('one path: every band is that value', () => {
    expect(bandsOf(Float64Array.of(42))).toEqual({
      p5: 42,
      p25: 42,
      p50: 42,
      p75: 42,
      p95: 42,
      mean: 42,
    });
  });

  test('+∞ (a DSCR with no debt service) is unbounded: null where a band reaches it', () => {
    // 1, 2, 3, ∞, ∞: P50 h = 2 → 3; P75 h = 3 → ∞; P25 h = 1 → 2; the mean is unbounded.
    const bands = bandsOf(Float64Array.of(Infinity, 1, Infinity, 3, 2));
    expect(bands.p25).toBe(2);
    expect(bands.p50).toBe(3);
    expect(bands.p75).toBeNull();
    expect(bands.p95).toBeNull();
    expect(bands.mean).toBeNull();
  });
});
