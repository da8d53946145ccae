/**
 * 実質純資産: book net assets + adjustments + capital-type loans recognised as capital.
 */
import { substantiveNetWorth } from '../../../engine/measures';

describe('substantiveNetWorth', () => {
  test('the doc example: capital-type loans lift the firm out of 実質債務超過', () => {
    // loans: 50,000,000 × 100 % (84 months) + 20,000,000 × 40 % (30 months = 2.5 years)
    //      = 50,000,000 + 8,000,000 = 58,000,000
    // −40,000,000 − 10,000,000 + 58,000,000 = −50,000,000 + 58,000,000 = 8,000,000
    // (without the loans: −50,000,000, 実質債務超過)
    expect(
      substantiveNetWorth({
        bookNetAssets: -40_000_000,
        adjustments: -10_000_000,
        capitalLoans: [
          { balance: 50_000_000, remainingMonths: 84 },
          { balance: 20_000_000, remainingMonths: 30 },
        ],
      }),
    ).toEqual({ value: 8_000_000, recognizedCapital: 58_000_000, insolvent: false });
  });

  test('a loan under 1 year from maturity counts for nothing: 実質債務超過', () => {
    // −30,000,000 − 10,000,000 + 50,000,000 × 0 = −40,000,000
    const r = substantiveNetWorth({
      bookNetAssets: -30_000_000,
      adjustments: -10_000_000,
      capitalLoans: [{ balance: 50_000_000, remainingMonths: 11 }],
    });
    expect(r).toEqual({ value: -40_000_000, recognizedCapital: 0, insolvent: true });
  });

  test('one loan running down year by year', () => {
    // 30,000,000 book, −45,000,000 含み損 → −15,000,000 before the loan (40,000,000)
    // months 60 → 100 %: −15,000,000 + 40,000,000 = 25,000,000
    // months 48 →  80 %: −15,000,000 + 32,000,000 = 17,000,000
    // months 36 →  60 %: −15,000,000 + 24,000,000 = 9,000,000
    // months 24 →  40 %: −15,000,000 + 16,000,000 = 1,000,000
    // months 12 →  20 %: −15,000,000 + 8,000,000 = −7,000,000 (実質債務超過 again)
    const at = (remainingMonths: number) =>
      substantiveNetWorth({
        bookNetAssets: 30_000_000,
        adjustments: -45_000_000,
        capitalLoans: [{ balance: 40_000_000, remainingMonths }],
      });
    expect([60, 48, 36, 24, 12].map((m) => at(m).value)).toEqual([
      25_000_000, 17_000_000, 9_000_000, 1_000_000, -7_000_000,
    ]);
    expect([60, 48, 36, 24, 12].map((m) => at(m).insolvent)).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  test('exactly 0 is not 債務超過; no capital-type loans adds nothing', () => {
    // 12,000,000 − 12,000,000 = 0
    const r = substantiveNetWorth({ bookNetAssets: 12_000_000, adjustments: -12_000_000 });
    expect(r).toEqual({ value: 0, recognizedCapital: 0, insolvent: false });
    // a positive adjustment (含み益 on land): 5,000,000 + 3,000,000 = 8,000,000
    expect(
      substantiveNetWorth({ bookNetAssets: 5_000_000, adjustments: 3_000_000, capitalLoans: [] })
        .value,
    ).toBe(8_000_000);
  });
});
