/**
 * ICR: hand-worked examples.
 */
import { interestCoverage } from '../../../engine/measures';

describe('interestCoverage', () => {
  test('the doc example: 3', () => {
    // (12,000,000 + 300,000) ÷ 4,100,000 = 12,300,000 ÷ 4,100,000 = 3
    expect(
      interestCoverage({
        operatingProfit: 12_000_000,
        interestAndDividendsReceived: 300_000,
        interestExpense: 4_100_000,
      }),
    ).toEqual({ value: 3 });
  });

  test('below 1 flags distress', () => {
    // (2,000,000 + 100,000) ÷ 3,000,000 = 0.7
    const r = interestCoverage({
      operatingProfit: 2_000_000,
      interestAndDividendsReceived: 100_000,
      interestExpense: 3_000_000,
    });
    expect(r.value).toBe(0.7);
  });

  test('an operating loss gives a negative ICR', () => {
    // (−5,000,000 + 0) ÷ 2,500,000 = −2
    const r = interestCoverage({
      operatingProfit: -5_000_000,
      interestAndDividendsReceived: 0,
      interestExpense: 2_500_000,
    });
    expect(r.value).toBe(-2);
  });

  test('a rate shock: interest 2,710,000 higher (+1.00 % on 2.71億円)', () => {
    // (12,000,000 + 300,000) ÷ (4,100,000 + 2,710,000) = 12,300,000 ÷ 6,810,000 = 1.806167…
    const r = interestCoverage({
      operatingProfit: 12_000_000,
      interestAndDividendsReceived: 300_000,
      interestExpense: 6_810_000,
    });
    expect(r.value).toBeCloseTo(1.806167, 6);
  });

  test('no interest expense is null', () => {
    expect(
      interestCoverage({
        operatingProfit: 1_000_000,
        interestAndDividendsReceived: 0,
        interestExpense: 0,
      }),
    ).toEqual({ value: null, reason: 'no-interest' });
    expect(
      interestCoverage({
        operatingProfit: 1_000_000,
        interestAndDividendsReceived: 0,
        interestExpense: -10,
      }).reason,
    ).toBe('no-interest');
  });
});
