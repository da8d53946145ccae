/**
 * ローカルベンチマーク: the six indicators, hand-worked.
 */
import { LocalBenchmarkInput, localBenchmark } from '../../../engine/measures';

/** 売上高 2億2,000万円 (前年 2億円), 11 people, the doc example. */
const full: LocalBenchmarkInput = {
  sales: 220_000_000,
  priorSales: 200_000_000,
  operatingProfit: 11_000_000,
  employees: 11,
  borrowings: 100_000_000,
  cash: 20_000_000,
  depreciation: 9_000_000,
  receivables: 30_000_000,
  inventory: 15_000_000,
  payables: 10_000_000,
  netAssets: 60_000_000,
  totalAssets: 240_000_000,
};

describe('localBenchmark', () => {
  test('the doc example: all six', () => {
    const r = localBenchmark(full);
    // 売上高増加率 = (220,000,000 − 200,000,000) ÷ 200,000,000 = 0.1
    expect(r.salesGrowth).toEqual({ value: 0.1 });
    // 営業利益率 = 11,000,000 ÷ 220,000,000 = 0.05
    expect(r.operatingMargin).toEqual({ value: 0.05 });
    // 労働生産性 = 11,000,000 ÷ 11 = 1,000,000 yen per person
    expect(r.laborProductivity).toEqual({ value: 1_000_000 });
    // EBITDA倍率 = (100,000,000 − 20,000,000) ÷ (11,000,000 + 9,000,000) = 80,000,000 ÷ 20,000,000 = 4
    expect(r.ebitdaDebtMultiple).toEqual({ value: 4 });
    // 営業運転資本 = 30,000,000 + 15,000,000 − 10,000,000 = 35,000,000
    // 月商 = 220,000,000 ÷ 12; 35,000,000 × 12 ÷ 220,000,000 = 420 ÷ 220 = 21 ÷ 11 = 1.909090…
    expect(r.workingCapitalMonths.value).toBeCloseTo(1.909091, 6);
    // 自己資本比率 = 60,000,000 ÷ 240,000,000 = 0.25
    expect(r.equityRatio).toEqual({ value: 0.25 });
  });

  test('falling sales, an operating loss and 債務超過 read as negative values', () => {
    const r = localBenchmark({
      ...full,
      sales: 180_000_000,
      operatingProfit: -3_600_000,
      netAssets: -12_000_000,
    });
    // (180,000,000 − 200,000,000) ÷ 200,000,000 = −0.1
    expect(r.salesGrowth.value).toBe(-0.1);
    // −3,600,000 ÷ 180,000,000 = −0.02
    expect(r.operatingMargin.value).toBe(-0.02);
    // −3,600,000 ÷ 11 = −327,272.7…
    expect(r.laborProductivity.value).toBeCloseTo(-327_272.727273, 5);
    // EBITDA = −3,600,000 + 9,000,000 = 5,400,000; 80,000,000 ÷ 5,400,000 = 14.814814…
    expect(r.ebitdaDebtMultiple.value).toBeCloseTo(14.814815, 6);
    // 35,000,000 × 12 ÷ 180,000,000 = 420 ÷ 180 = 2.333…
    expect(r.workingCapitalMonths.value).toBeCloseTo(2.333333, 6);
    // −12,000,000 ÷ 240,000,000 = −0.05
    expect(r.equityRatio.value).toBe(-0.05);
  });

  test('EBITDA multiple as ebitdaDebtMultiple: 0 with net cash, null when EBITDA ≤ 0', () => {
    // 100,000,000 − 120,000,000 < 0 → 0
    expect(localBenchmark({ ...full, cash: 120_000_000 }).ebitdaDebtMultiple).toEqual({ value: 0 });
    // −9,000,000 + 9,000,000 = 0 → null
    expect(localBenchmark({ ...full, operatingProfit: -9_000_000 }).ebitdaDebtMultiple).toEqual({
      value: null,
      reason: 'non-positive-ebitda',
    });
  });

  test('supplier-financed working capital gives negative months', () => {
    // 10,000,000 + 5,000,000 − 26,000,000 = −11,000,000; × 12 ÷ 220,000,000 = −0.6
    const r = localBenchmark({
      ...full,
      receivables: 10_000_000,
      inventory: 5_000_000,
      payables: 26_000_000,
    });
    expect(r.workingCapitalMonths.value).toBe(-0.6);
  });

  test('zero denominators are null with their own reason', () => {
    const r = localBenchmark({ ...full, sales: 0, priorSales: 0, employees: 0, totalAssets: 0 });
    expect(r.salesGrowth).toEqual({ value: null, reason: 'no-prior-sales' });
    expect(r.operatingMargin).toEqual({ value: null, reason: 'no-sales' });
    expect(r.laborProductivity).toEqual({ value: null, reason: 'no-employees' });
    expect(r.workingCapitalMonths).toEqual({ value: null, reason: 'no-sales' });
    expect(r.equityRatio).toEqual({ value: null, reason: 'no-assets' });
    // the EBITDA multiple needs none of those: still 4
    expect(r.ebitdaDebtMultiple).toEqual({ value: 4 });
  });

  test('sales growth from zero prior sales (a first year) is null, not Infinity', () => {
    expect(localBenchmark({ sales: 30_000_000, priorSales: 0 }).salesGrowth.reason).toBe(
      'no-prior-sales',
    );
  });

  test('a missing input nulls only the indicators that need it', () => {
    const missing = { value: null, reason: 'missing-input' };
    // no 前年売上高 and no 従業員数 (null or left out)
    const r = localBenchmark({ ...full, priorSales: null, employees: undefined });
    expect(r.salesGrowth).toEqual(missing);
    expect(r.laborProductivity).toEqual(missing);
    expect(r.operatingMargin).toEqual({ value: 0.05 });
    expect(r.equityRatio).toEqual({ value: 0.25 });
    // nothing at all: all six missing
    const none = localBenchmark({});
    for (const m of Object.values(none)) expect(m).toEqual(missing);
    // missing depreciation only: EBITDA multiple is missing, the rest are there
    const noDep = localBenchmark({ ...full, depreciation: null });
    expect(noDep.ebitdaDebtMultiple).toEqual(missing);
    expect(noDep.workingCapitalMonths.value).not.toBeNull();
  });
});
