/**
 * 債務償還年数: hand-worked examples, net form (default) and simple form.
 */
import {
  DebtRepaymentInput,
  debtRepaymentYears,
  recognizedCapital,
} from '../../../engine/measures';

/** 有利子負債 3億円, 現預金 5,000万円, 正常運転資金 3,000万円, cash flow 2,000万円. */
const base: DebtRepaymentInput = {
  interestBearingDebt: 300_000_000,
  cash: 50_000_000,
  receivables: 40_000_000,
  inventory: 20_000_000,
  payables: 30_000_000,
  ordinaryProfit: 15_000_000,
  depreciation: 10_000_000,
  taxes: 5_000_000,
};

describe('debtRepaymentYears, net form', () => {
  test('the doc example: 11 years', () => {
    // 正常運転資金 = 40,000,000 + 20,000,000 − 30,000,000 = 30,000,000
    // debt = 300,000,000 − 50,000,000 − 30,000,000 = 220,000,000
    // cash flow = 15,000,000 + 10,000,000 − 5,000,000 = 20,000,000
    // 220,000,000 ÷ 20,000,000 = 11
    expect(debtRepaymentYears(base)).toEqual({
      value: 11,
      debt: 220_000_000,
      cashFlow: 20_000_000,
    });
  });

  test('net is the default', () => {
    expect(debtRepaymentYears({ ...base, form: 'net' })).toEqual(debtRepaymentYears(base));
  });

  test('a fraction of a year', () => {
    // debt = 100,000,000 − 0 − 0 = 100,000,000; cash flow = 20,000,000 + 10,000,000 − 0 = 30,000,000
    // 100,000,000 ÷ 30,000,000 = 10 / 3 = 3.333…
    const r = debtRepaymentYears({
      ...base,
      interestBearingDebt: 100_000_000,
      cash: 0,
      receivables: 0,
      inventory: 0,
      payables: 0,
      ordinaryProfit: 20_000_000,
      depreciation: 10_000_000,
      taxes: 0,
    });
    expect(r.value).toBeCloseTo(3.333333, 6);
  });

  test('a negative 正常運転資金 (supplier-financed) adds to the debt', () => {
    // 正常運転資金 = 5,000,000 + 3,000,000 − 18,000,000 = −10,000,000
    // debt = 100,000,000 − 10,000,000 − (−10,000,000) = 100,000,000
    // cash flow = 8,000,000 + 3,000,000 − 1,000,000 = 10,000,000; 100,000,000 ÷ 10,000,000 = 10
    const r = debtRepaymentYears({
      interestBearingDebt: 100_000_000,
      cash: 10_000_000,
      receivables: 5_000_000,
      inventory: 3_000_000,
      payables: 18_000_000,
      ordinaryProfit: 8_000_000,
      depreciation: 3_000_000,
      taxes: 1_000_000,
    });
    expect(r).toEqual({ value: 10, debt: 100_000_000, cashFlow: 10_000_000 });
  });

  test('a tax refund (negative 法人税等) adds to the cash flow', () => {
    // cash flow = 15,000,000 + 10,000,000 − (−2,000,000) = 27,000,000
    // 220,000,000 ÷ 27,000,000 = 8.148148…
    const r = debtRepaymentYears({ ...base, taxes: -2_000_000 });
    expect(r.cashFlow).toBe(27_000_000);
    expect(r.value).toBeCloseTo(8.148148, 6);
  });

  test('a capital-type loan recognised as capital is left out by the caller', () => {
    // 3億円 of debt includes a 5,000万円 資本性劣後ローン with 8 years left: 100 % capital.
    // recognised = 50,000,000 × 5 ÷ 5 = 50,000,000; debt passed in = 250,000,000
    // net debt = 250,000,000 − 50,000,000 − 30,000,000 = 170,000,000; ÷ 20,000,000 = 8.5
    const r = debtRepaymentYears({
      ...base,
      interestBearingDebt: 300_000_000 - recognizedCapital(50_000_000, 96),
    });
    expect(r.value).toBe(8.5);
  });

  test('net debt ≤ 0 (実質無借金) is 0 years, even with a negative cash flow', () => {
    // debt = 50,000,000 − 40,000,000 − 20,000,000 = −10,000,000 → 0 years
    const r = debtRepaymentYears({
      ...base,
      interestBearingDebt: 50_000_000,
      cash: 40_000_000,
      receivables: 20_000_000,
      inventory: 0,
      payables: 0,
      ordinaryProfit: -30_000_000,
    });
    expect(r).toEqual({ value: 0, debt: -10_000_000, cashFlow: -25_000_000 });
    // debt exactly 0: 80,000,000 − 50,000,000 − 30,000,000 = 0 → 0 years
    expect(debtRepaymentYears({ ...base, interestBearingDebt: 80_000_000 }).value).toBe(0);
  });

  test('cash flow ≤ 0 with debt to repay is null: cannot be repaid', () => {
    // cash flow = −10,000,000 + 10,000,000 − 0 = 0
    expect(debtRepaymentYears({ ...base, ordinaryProfit: -10_000_000, taxes: 0 })).toEqual({
      value: null,
      reason: 'non-positive-cash-flow',
      debt: 220_000_000,
      cashFlow: 0,
    });
    // cash flow = −20,000,000 + 10,000,000 − 70,000 (均等割) = −10,070,000
    const r = debtRepaymentYears({ ...base, ordinaryProfit: -20_000_000, taxes: 70_000 });
    expect(r.value).toBeNull();
    expect(r.reason).toBe('non-positive-cash-flow');
  });

  test('arithmetic beyond the finite range is null with non-finite', () => {
    // MAX_VALUE − (−MAX_VALUE) overflows to Infinity
    const r = debtRepaymentYears({
      ...base,
      interestBearingDebt: Number.MAX_VALUE,
      cash: -Number.MAX_VALUE,
    });
    expect(r.value).toBeNull();
    expect(r.reason).toBe('non-finite');
    expect(debtRepaymentYears({ ...base, cash: NaN }).reason).toBe('non-finite');
  });
});

describe('debtRepaymentYears, simple form', () => {
  test('the doc example: 15 years', () => {
    // 300,000,000 ÷ (15,000,000 − 5,000,000 + 10,000,000) = 300,000,000 ÷ 20,000,000 = 15
    expect(debtRepaymentYears({ ...base, form: 'simple' })).toEqual({
      value: 15,
      debt: 300_000_000,
      cashFlow: 20_000_000,
    });
  });

  test('ignores cash and working capital', () => {
    // same 15 years whatever the balance-sheet fields hold
    const r = debtRepaymentYears({ ...base, form: 'simple', cash: 1e12, payables: NaN });
    expect(r.value).toBe(15);
  });

  test('zero debt is 0 years; no cash flow is null', () => {
    expect(debtRepaymentYears({ ...base, form: 'simple', interestBearingDebt: 0 }).value).toBe(0);
    // cash flow = 0 − 0 + 0
    const r = debtRepaymentYears({
      ...base,
      form: 'simple',
      ordinaryProfit: 0,
      depreciation: 0,
      taxes: 0,
    });
    expect(r.reason).toBe('non-positive-cash-flow');
  });
});
