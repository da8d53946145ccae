import {
  corporateTax,
  emptyLossPool,
  lossPoolTotal,
} from '../../../engine/projection/corporate-tax';

describe('corporate tax with loss carry-forward', () => {
  test('a loss shelters the following profits, oldest first', () => {
    const pool = emptyLossPool();
    expect(corporateTax(-30_000_000, 0.3, pool)).toEqual({ taxableIncome: 0, lossUsed: 0, tax: 0 });
    expect(lossPoolTotal(pool)).toBe(30_000_000);
    // 20,000,000 of profit, all offset by the loss: no tax, 10,000,000 of loss left.
    expect(corporateTax(20_000_000, 0.3, pool)).toEqual({
      taxableIncome: 0,
      lossUsed: 20_000_000,
      tax: 0,
    });
    // (20,000,000 − 10,000,000) × 30 % = 3,000,000.
    expect(corporateTax(20_000_000, 0.3, pool)).toEqual({
      taxableIncome: 10_000_000,
      lossUsed: 10_000_000,
      tax: 3_000_000,
    });
    expect(lossPoolTotal(pool)).toBe(0);
  });

  test('tax is cut to whole yen', () => {
    // 1,234,567 × 0.3456 = 426,666.35… → 426,666
    expect(corporateTax(1_234_567, 0.3456, emptyLossPool()).tax).toBe(426_666);
  });

  test('losses expire after 10 years', () => {
    const pool = emptyLossPool();
    corporateTax(-5_000_000, 0.3, pool);
    for (let year = 1; year <= 10; year++) corporateTax(0, 0.3, pool);
    expect(lossPoolTotal(pool)).toBe(5_000_000); // ten years later: still usable
    corporateTax(0, 0.3, pool);
    expect(lossPoolTotal(pool)).toBe(0); // the eleventh year: gone
  });

  test("a large company offsets only half of the year's income", () => {
    const pool = emptyLossPool(100_000_000);
    // 40,000,000 × 50 % = 20,000,000 offset; (40,000,000 − 20,000,000) × 30 % = 6,000,000.
    expect(corporateTax(40_000_000, 0.3, pool, 0.5)).toEqual({
      taxableIncome: 20_000_000,
      lossUsed: 20_000_000,
      tax: 6_000_000,
    });
  });
});
