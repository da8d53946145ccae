import { cashTable } from '../../../engine';
import { walkYearCash } from '../../../engine/projection/year-cash';
import { poolCaseJson, runCase } from './fixtures';

/**
 * The year's lowest cash (計画の最低資金残高, the cash check) under a seasonal monthly profile is
 * the lowest month-end of the 資金繰り表, not of twelve even parts.
 */
describe('lowest cash under a seasonal monthly profile', () => {
  // 120 of operating cash (revenue 1,200, no depreciation, capex or working capital), 10 of
  // principal a month.
  const plan = {
    revenue: 1_200,
    operatingProfit: 120,
    depreciation: 0,
    capex: 0,
    workingCapitalChange: 0,
  };
  const senior = {
    interest: new Float64Array(12),
    principal: new Float64Array(12).fill(10),
    fee: new Float64Array(12),
  };
  test('hand-worked: a trough in month 8', () => {
    // 100 of cash going in. Weights Σ 12, no sites: month m brings
    // 120 × w[m] ÷ 12 = 10 × w[m], so cash moves by 10 × (w[m] − 1) a month:
    //   +5 +5 +2 0 −2 −4 −6 −8 +2 +3 +3 0 → 105 110 112 112 110 106 100 92 94 97 100 100.
    const seasonality = [1.5, 1.5, 1.2, 1, 0.8, 0.6, 0.4, 0.2, 1.2, 1.3, 1.3, 1];
    const walkWith = (profile?: {
      seasonality: number[];
      collectionMonths: number;
      paymentMonths: number;
    }) => {
      const walk = { cash: 100, lowestCash: 0, lowestMonth: 0, profile };
      walkYearCash(walk, plan, 0, 120, 0, 0, 0, 0, senior, new Float64Array(12), 0);
      return walk;
    };
    const seasonal = walkWith({ seasonality, collectionMonths: 0, paymentMonths: 0 });
    expect(seasonal).toMatchObject({ cash: 100, lowestCash: 92, lowestMonth: 7 });
    // Twelve even parts: +10 − 10 every month, never below the 100 going in.
    expect(walkWith()).toMatchObject({ cash: 100, lowestCash: 100, lowestMonth: 0 });
  });

  test('hand-worked with sites: 売掛 1 month moves the trough to the month the sales stop arriving', () => {
    // Same year, weights [3, 3, 3, 3, 0 × 8] (Σ 12), sales collected 1 month later, costs paid at
    // once. Receipts 1,200 × w[m − 1] ÷ 12 = 0 300 300 300 300 0 …; payments 1,080 × w[m] ÷ 12 =
    // 270 270 270 270 0 …; with 10 of principal: −280 +20 +20 +20 +290 −10 × 7 →
    // cash −180 −160 −140 −120 170 160 150 140 130 120 110 100: lowest −180 in month 1.
    const walk = {
      cash: 100,
      lowestCash: 0,
      lowestMonth: 0,
      profile: {
        seasonality: [3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0],
        collectionMonths: 1,
        paymentMonths: 0,
      },
    };
    walkYearCash(walk, plan, 0, 120, 0, 0, 0, 0, senior, new Float64Array(12), 0);
    expect(walk).toMatchObject({ cash: 100, lowestCash: -180, lowestMonth: 0 });
  });

  test('the projection and the 資金繰り表 agree: each year, the lowest month-end and its month', () => {
    const seasonality = [2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0];
    const seasonal = runCase(
      poolCaseJson({ monthlyProfile: { seasonality, collectionMonths: 1, paymentMonths: 2 } }),
    );
    const flat = runCase(poolCaseJson());
    const lows: [string, string, number, number][] = [];
    for (const cell of seasonal.cells) {
      const table = cashTable(seasonal.c, cell, 24);
      const closing = table.rows.find((r) => r.kind === 'closing')!.values;
      for (const t of [0, 1]) {
        const months = closing.slice(12 * t, 12 * t + 12);
        const low = Math.min(...months);
        expect(cell.years[t].lowestCash).toBe(low);
        expect(cell.years[t].lowestCashMonth).toBe(table.months[12 * t + months.indexOf(low)]);
      }
      const even = flat.cells.find(
        (x) =>
          x.strategyId === cell.strategyId &&
          x.shockLabel === cell.shockLabel &&
          x.mode === cell.mode,
      )!;
      // Only the timing moves: the year-end cash is the flat case's.
      expect(cell.years[0].cash).toBe(even.years[0].cash);
      lows.push([
        cell.strategyId,
        cell.shockLabel,
        even.years[0].lowestCash,
        cell.years[0].lowestCash,
      ]);
    }
    // The plan's month 1 collects and pays nothing under this profile: its low point falls
    // (even flows: 30,356,001 in 2027-04); the status quo's lowest stays the year end after taxes.
    expect(lows).toEqual([
      ['status-quo', '±0', 28_850_443, 28_850_443],
      ['status-quo', '+1.00%', 28_704_146, 28_704_146],
      ['plan', '±0', 30_356_001, 29_439_334],
      ['plan', '+1.00%', 30_356_001, 29_439_334],
    ]);
  });
});
