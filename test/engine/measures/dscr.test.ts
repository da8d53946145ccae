/**
 * DSCR: hand-worked examples.
 */
import { DscrInput, dscr } from '../../../engine/measures';

const base: DscrInput = {
  ordinaryProfit: 15_000_000,
  interest: 3_000_000,
  depreciation: 10_000_000,
  taxes: 5_000_000,
  principal: 16_000_000,
  guaranteeFees: 1_000_000,
};

describe('dscr', () => {
  test('the doc example: 1.15', () => {
    // cash available = 15,000,000 + 3,000,000 + 10,000,000 − 5,000,000 = 23,000,000
    // debt service = 3,000,000 + 16,000,000 + 1,000,000 = 20,000,000
    // 23,000,000 ÷ 20,000,000 = 1.15
    expect(dscr(base)).toEqual({ value: 1.15, cashAvailable: 23_000_000, debtService: 20_000_000 });
  });

  test('a rate shock: interest up 3,000,000 takes the same year to exactly 1.0', () => {
    // +1.00 % on 3億円 = +3,000,000 interest, so 経常利益 15,000,000 → 12,000,000
    // cash available = 12,000,000 + 6,000,000 + 10,000,000 − 5,000,000 = 23,000,000 (unchanged)
    // debt service = 6,000,000 + 16,000,000 + 1,000,000 = 23,000,000; ratio 1
    const r = dscr({ ...base, ordinaryProfit: 12_000_000, interest: 6_000_000 });
    expect(r).toEqual({ value: 1, cashAvailable: 23_000_000, debtService: 23_000_000 });
  });

  test('guarantee fees count in the debt service', () => {
    // without fees: 23,000,000 ÷ (3,000,000 + 16,000,000) = 23 ÷ 19 = 1.210526…
    const r = dscr({ ...base, guaranteeFees: 0 });
    expect(r.debtService).toBe(19_000_000);
    expect(r.value).toBeCloseTo(1.210526, 6);
  });

  test('a loss year gives a negative DSCR', () => {
    // cash available = −20,000,000 + 3,000,000 + 5,000,000 − 70,000 = −12,070,000
    // debt service = 3,000,000 + 10,000,000 + 0 = 13,000,000
    // −12,070,000 ÷ 13,000,000 = −0.928461…
    const r = dscr({
      ordinaryProfit: -20_000_000,
      interest: 3_000_000,
      depreciation: 5_000_000,
      taxes: 70_000,
      principal: 10_000_000,
      guaranteeFees: 0,
    });
    expect(r.cashAvailable).toBe(-12_070_000);
    expect(r.value).toBeCloseTo(-0.928462, 6);
  });

  test('a bullet loan in a grace year: interest only', () => {
    // cash available = 2,000,000 + 500,000 + 1,000,000 − 600,000 = 2,900,000
    // debt service = 500,000 + 0 + 0 = 500,000; 2,900,000 ÷ 500,000 = 5.8
    const r = dscr({
      ordinaryProfit: 2_000_000,
      interest: 500_000,
      depreciation: 1_000_000,
      taxes: 600_000,
      principal: 0,
      guaranteeFees: 0,
    });
    expect(r.value).toBe(5.8);
  });

  test('no debt service is null', () => {
    const none = { ...base, interest: 0, principal: 0, guaranteeFees: 0 };
    // cash available = 15,000,000 + 0 + 10,000,000 − 5,000,000 = 20,000,000
    expect(dscr(none)).toEqual({
      value: null,
      reason: 'no-debt-service',
      cashAvailable: 20_000_000,
      debtService: 0,
    });
    // a negative total (bad input) is not meaningful either: 0 − 1,000 + 0
    expect(dscr({ ...none, principal: -1_000 }).reason).toBe('no-debt-service');
  });
});
