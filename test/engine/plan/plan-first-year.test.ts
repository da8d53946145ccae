import { parseCaseFile } from '../../../engine';
import { poolCaseJson, runCase } from './fixtures';

/** The pool case with the plan starting in its second fiscal year (2029; the first is 2028). */
const lateCase = (firstYear: unknown) => {
  const json = poolCaseJson();
  Object.assign(json.strategies[0].actions[0], { firstYear });
  return json;
};

describe('pro-rata-plan firstYear: contract schedules before the plan', () => {
  const { cells } = runCase(lateCase(2029));
  const cell = cells.find((x) => x.strategyId === 'plan' && x.shockLabel === '±0')!;
  const quo = cells.find((x) => x.strategyId === 'status-quo' && x.shockLabel === '±0')!;
  const plan = cell.plan!;
  const lender = (name: string) => plan.lenders.find((l) => l.lender === name)!;

  test('2028 on contract: A銀行 3,600万 ÷ 120 × 12 = 360万, B信金 2,400万 ÷ 120 × 12 = 240万', () => {
    expect(lender('A銀行').years[0]).toEqual({
      year: 2028,
      repayment: 3_600_000,
      closing: 32_400_000,
    });
    expect(lender('B信金').years[0]).toEqual({
      year: 2028,
      repayment: 2_400_000,
      closing: 21_600_000,
    });
    // With the JFC's 240万: the status quo's year, to the yen.
    expect(cell.years[0].principal).toBe(8_400_000);
    expect(cell.years[0].cash).toBe(quo.years[0].cash);
    expect(cell.years[0].interest).toBe(quo.years[0].interest);
  });

  test('2029, the first plan year: budget from FY2028’s FCF, shared 60 : 40 (base-date shares)', () => {
    expect(plan.budget.map((b) => b.year)).toEqual([2029, 2030]);
    const y = cell.years[0];
    const fcf = y.netIncome + y.depreciation - y.capex - y.workingCapitalChange;
    const budget = Math.floor(fcf * 0.8) - 2_400_000; // the JFC's 2029 contract principal outside
    expect(plan.budget[0]).toMatchObject({ year: 2029, fcfPrior: fcf, budget });
    const a = Math.floor(budget * 0.6);
    const b = Math.floor(budget * 0.4);
    expect(lender('A銀行').years[1]).toEqual({
      year: 2029,
      repayment: a + (budget - a - b), // the flooring's yen to the largest share
      closing: 32_400_000 - (budget - b),
    });
    expect(lender('B信金').years[1]).toEqual({ year: 2029, repayment: b, closing: 21_600_000 - b });
  });

  test('firstYear outside the projected years is refused by its path', () => {
    const r = parseCaseFile(lateCase(2031));
    expect(r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'strategies[0].actions[0].firstYear: must be a projected fiscal year, 2028–2030',
    ]);
    const same = runCase(lateCase(2028)).cells.find((x) => x.strategyId === 'plan')!;
    const plain = runCase(poolCaseJson()).cells.find((x) => x.strategyId === 'plan')!;
    expect(same.plan).toEqual(plain.plan);
  });
});
