import { cashTable, monthlyFlows, parseCaseFile } from '../../../engine';
import { poolCaseJson, runCase } from './fixtures';

describe('monthlyFlows: seasonality and sites', () => {
  test('hand-worked: 1,200,000 sales, 120,000 operating cash, 売掛 1 month, 買掛 2 months', () => {
    const profile = {
      seasonality: [2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0], // Σ = 12
      collectionMonths: 1,
      paymentMonths: 2,
    };
    const { receipts, payments } = monthlyFlows(1_200_000, 120_000, profile);
    // Month m collects the sales of month m − 1 (month 1 those of month 12, weight 0).
    expect(receipts).toEqual([
      0, 200_000, 200_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000,
      0,
    ]);
    // Cash costs 1,080,000 by the same weights, two months later.
    expect(payments).toEqual([
      0, 0, 180_000, 180_000, 90_000, 90_000, 90_000, 90_000, 90_000, 90_000, 90_000, 90_000,
    ]);
  });

  test('flat, no sites: twelve equal parts', () => {
    const flat = { seasonality: Array(12).fill(1), collectionMonths: 0, paymentMonths: 0 };
    const { receipts, payments } = monthlyFlows(1_200_000, 120_000, flat);
    expect(receipts).toEqual(Array(12).fill(100_000));
    expect(payments).toEqual(Array(12).fill(90_000));
  });
});

describe('資金繰り表 with a monthly profile', () => {
  const seasonality = [2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0];
  const flat = runCase(poolCaseJson());
  const seasonal = runCase(
    poolCaseJson({ monthlyProfile: { seasonality, collectionMonths: 1, paymentMonths: 2 } }),
  );
  const pick = (r: typeof flat) =>
    r.cells.find((x) => x.strategyId === 'plan' && x.shockLabel === '±0')!;
  const cell = pick(seasonal);
  const table = cashTable(seasonal.c, cell, 24);
  const row = (kind: string) => table.rows.find((r) => r.kind === kind)!.values;

  test('only the timing moves: month 12 and 24 still close on the year-end cash', () => {
    expect(cell.years[0].cash).toBe(pick(flat).years[0].cash);
    expect(row('closing')[11]).toBe(cell.years[0].cash);
    expect(row('closing')[23]).toBe(cell.years[1].cash);
  });

  test('hand-worked months: receipts by weight one month late, payments two months late', () => {
    const y = cell.years[0];
    const opCash =
      y.ordinaryProfit +
      y.interest +
      y.guaranteeFees +
      y.depreciation -
      y.capex -
      y.workingCapitalChange;
    const receipts = row('receipts');
    const payments = row('payments');
    expect(receipts[0]).toBe(0);
    expect(receipts[1]).toBe(Math.round(y.revenue / 6));
    expect(receipts[3]).toBe(Math.round(y.revenue / 12));
    expect(receipts[11]).toBe(0);
    expect(payments[0]).toBe(0);
    expect(payments[1]).toBe(0);
    expect(payments[2]).toBe(-Math.round((y.revenue - opCash) / 6));
    expect(payments[4]).toBe(-Math.round((y.revenue - opCash) / 12));
    // The year's receipts less payments is the year's operating cash (rounding aside).
    const year = receipts.slice(0, 12).reduce((a, b) => a + b, 0);
    const paid = payments.slice(0, 12).reduce((a, b) => a + b, 0);
    expect(Math.abs(year + paid - opCash)).toBeLessThanOrEqual(12);
    // Month 1 collects nothing and pays nothing: cash only falls by interest, taxes and principal.
    const out = table.rows
      .filter((r) => r.kind === 'interest' || r.kind === 'tax' || r.kind === 'financing')
      .reduce((a, r) => a + r.values[0], 0);
    expect(row('closing')[0]).toBe(row('opening')[0] + out);
  });

  test('errors name the path', () => {
    const bad = (monthlyProfile: unknown, cashTableMonths?: unknown) => {
      const r = parseCaseFile(poolCaseJson({ monthlyProfile, cashTableMonths }));
      return r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.message}`);
    };
    expect(bad({ seasonality: [1, 2, 3] })).toEqual([
      'monthlyProfile.seasonality: must list 12 monthly weights, first month of the fiscal year first',
    ]);
    expect(bad({ seasonality: [1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1] })).toEqual([
      'monthlyProfile.seasonality[3]: must be a number at least 0',
    ]);
    expect(bad({ seasonality: Array(12).fill(0) })).toEqual([
      'monthlyProfile.seasonality: must not be all 0',
    ]);
    expect(bad({ collectionMonths: 13, paymentMonths: 1.5 })).toEqual([
      'monthlyProfile.collectionMonths: must be at most 12',
      'monthlyProfile.paymentMonths: must be a whole number',
    ]);
    expect(bad({}, 18)).toEqual(['cashTableMonths: must be 12 or 24']);
    const ok = parseCaseFile(poolCaseJson({ cashTableMonths: 24 }));
    expect(ok.ok && ok.value.cashTableMonths).toBe(24);
  });
});
