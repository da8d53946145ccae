/**
 * 返済余力: 返済原資 (税引後当期純利益 + 減価償却費) against 年間約定返済額.
 */
import { repaymentCapacity } from '../../../engine/measures';

describe('repaymentCapacity', () => {
  test('the doc example: 2,000,000 short', () => {
    // 返済原資 = 8,000,000 + 10,000,000 = 18,000,000; 18,000,000 − 20,000,000 = −2,000,000
    expect(
      repaymentCapacity({
        netIncome: 8_000_000,
        depreciation: 10_000_000,
        scheduledRepayment: 20_000_000,
      }),
    ).toEqual({
      repaymentSource: 18_000_000,
      scheduledRepayment: 20_000_000,
      surplus: -2_000_000,
      covers: false,
    });
  });

  test('a surplus covers', () => {
    // 6,500,000 + 4,500,000 = 11,000,000; 11,000,000 − 9,600,000 = 1,400,000
    const r = repaymentCapacity({
      netIncome: 6_500_000,
      depreciation: 4_500_000,
      scheduledRepayment: 9_600_000,
    });
    expect(r.repaymentSource).toBe(11_000_000);
    expect(r.surplus).toBe(1_400_000);
    expect(r.covers).toBe(true);
  });

  test('exactly equal covers (surplus 0)', () => {
    // 3,000,000 + 2,000,000 = 5,000,000 = 5,000,000 due
    const r = repaymentCapacity({
      netIncome: 3_000_000,
      depreciation: 2_000_000,
      scheduledRepayment: 5_000_000,
    });
    expect(r.surplus).toBe(0);
    expect(r.covers).toBe(true);
  });

  test('a net loss can still be covered by depreciation', () => {
    // −1,000,000 + 4,000,000 = 3,000,000; 3,000,000 − 2,400,000 = 600,000
    const r = repaymentCapacity({
      netIncome: -1_000_000,
      depreciation: 4_000_000,
      scheduledRepayment: 2_400_000,
    });
    expect(r.surplus).toBe(600_000);
    expect(r.covers).toBe(true);
  });

  test('nothing due (リスケ, principal holiday): covers unless the source is negative', () => {
    // 1,000,000 + 500,000 = 1,500,000 ≥ 0
    expect(
      repaymentCapacity({ netIncome: 1_000_000, depreciation: 500_000, scheduledRepayment: 0 })
        .covers,
    ).toBe(true);
    // −3,000,000 + 500,000 = −2,500,000 < 0: cash is burnt even with nothing due
    const r = repaymentCapacity({
      netIncome: -3_000_000,
      depreciation: 500_000,
      scheduledRepayment: 0,
    });
    expect(r).toEqual({
      repaymentSource: -2_500_000,
      scheduledRepayment: 0,
      surplus: -2_500_000,
      covers: false,
    });
  });
});
