/**
 * EBITDA有利子負債倍率: hand-worked examples.
 */
import { ebitdaDebtMultiple } from '../../../engine/measures';

describe('ebitdaDebtMultiple', () => {
  test('the doc example: 8×', () => {
    // net debt = 200,000,000 − 40,000,000 = 160,000,000
    // EBITDA = 12,000,000 + 8,000,000 = 20,000,000; 160,000,000 ÷ 20,000,000 = 8
    expect(
      ebitdaDebtMultiple({
        interestBearingDebt: 200_000_000,
        cash: 40_000_000,
        operatingProfit: 12_000_000,
        depreciation: 8_000_000,
      }),
    ).toEqual({ value: 8, netDebt: 160_000_000, ebitda: 20_000_000 });
  });

  test('above 10× (the 再生フェーズ threshold)', () => {
    // (300,000,000 − 20,000,000) ÷ (15,000,000 + 10,000,000) = 280,000,000 ÷ 25,000,000 = 11.2
    const r = ebitdaDebtMultiple({
      interestBearingDebt: 300_000_000,
      cash: 20_000_000,
      operatingProfit: 15_000_000,
      depreciation: 10_000_000,
    });
    expect(r.value).toBe(11.2);
  });

  test('an operating loss smaller than depreciation still gives a value', () => {
    // EBITDA = −2,000,000 + 6,000,000 = 4,000,000; (60,000,000 − 10,000,000) ÷ 4,000,000 = 12.5
    const r = ebitdaDebtMultiple({
      interestBearingDebt: 60_000_000,
      cash: 10_000_000,
      operatingProfit: -2_000_000,
      depreciation: 6_000_000,
    });
    expect(r.value).toBe(12.5);
  });

  test('EBITDA ≤ 0 with net debt is null: the "negative multiple"', () => {
    // EBITDA = −6,000,000 + 6,000,000 = 0
    expect(
      ebitdaDebtMultiple({
        interestBearingDebt: 60_000_000,
        cash: 10_000_000,
        operatingProfit: -6_000_000,
        depreciation: 6_000_000,
      }),
    ).toEqual({ value: null, reason: 'non-positive-ebitda', netDebt: 50_000_000, ebitda: 0 });
    // EBITDA = −10,000,000 + 6,000,000 = −4,000,000
    const r = ebitdaDebtMultiple({
      interestBearingDebt: 60_000_000,
      cash: 10_000_000,
      operatingProfit: -10_000_000,
      depreciation: 6_000_000,
    });
    expect(r.reason).toBe('non-positive-ebitda');
  });

  test('cash covering the debt gives 0, never a negative multiple', () => {
    // net debt = 30,000,000 − 45,000,000 = −15,000,000 → 0
    const r = ebitdaDebtMultiple({
      interestBearingDebt: 30_000_000,
      cash: 45_000_000,
      operatingProfit: 5_000_000,
      depreciation: 1_000_000,
    });
    expect(r).toEqual({ value: 0, netDebt: -15_000_000, ebitda: 6_000_000 });
    // ... also with an operating loss: nothing to repay
    expect(
      ebitdaDebtMultiple({
        interestBearingDebt: 30_000_000,
        cash: 45_000_000,
        operatingProfit: -5_000_000,
        depreciation: 1_000_000,
      }).value,
    ).toBe(0);
  });
});
