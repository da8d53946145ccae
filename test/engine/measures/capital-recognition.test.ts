/**
 * 資本性借入金 recognised as capital by remaining term: every band boundary.
 */
import { capitalRecognitionShare, recognizedCapital } from '../../../engine/measures';

describe('capitalRecognitionShare', () => {
  // months → share: 5 years or more 100 %; each whole year less −20 %; under 1 year 0 %
  test.each([
    [240, 1], // 20 years
    [61, 1],
    [60, 1], // exactly 5 years
    [59, 0.8], // 4 years 11 months
    [48, 0.8], // exactly 4 years: the 4–5 year band includes 4
    [47, 0.6],
    [36, 0.6], // exactly 3 years
    [35, 0.4],
    [24, 0.4], // exactly 2 years
    [23, 0.2],
    [12, 0.2], // exactly 1 year
    [11, 0], // under 1 year
    [1, 0],
    [0, 0], // maturity
  ])('%i months left → %d', (months, share) => {
    expect(capitalRecognitionShare(months)).toBe(share);
  });

  test('part months count toward no step', () => {
    // 59.9 months is 4.99 years: still the 4–5 year band
    expect(capitalRecognitionShare(59.9)).toBe(0.8);
    expect(capitalRecognitionShare(11.99)).toBe(0);
  });

  test('past maturity is 0; no maturity is 100 %; NaN throws', () => {
    expect(capitalRecognitionShare(-3)).toBe(0);
    expect(capitalRecognitionShare(Infinity)).toBe(1);
    expect(() => capitalRecognitionShare(NaN)).toThrow(RangeError);
  });
});

describe('recognizedCapital', () => {
  test('balance × share', () => {
    // 40 months = 3 years 4 months → 60 %: 50,000,000 × 3 ÷ 5 = 30,000,000
    expect(recognizedCapital(50_000_000, 40)).toBe(30_000_000);
    // 72 months → 100 %: 20,000,000
    expect(recognizedCapital(20_000_000, 72)).toBe(20_000_000);
    // 11 months → 0
    expect(recognizedCapital(20_000_000, 11)).toBe(0);
  });

  test('computed in fifths and cut to whole yen (issue 13)', () => {
    // 3 × 4 ÷ 5 = 2.4 → 2 yen (3 × 0.8 would give 2.4000000000000004 in doubles)
    expect(recognizedCapital(3, 50)).toBe(2);
    // 33,333,333 × 80 % = 26,666,666.4 → 26,666,666
    expect(recognizedCapital(33_333_333, 50)).toBe(26_666_666);
  });
});
