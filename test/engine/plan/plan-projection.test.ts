import { poolCaseJson, runCase } from './fixtures';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('the pool inside the projection', () => {
  const { cells } = runCase(poolCaseJson());
  const plain = cells.find((c) => c.strategyId === 'plan' && c.shockLabel === '±0')!;
  const shocked = cells.find((c) => c.strategyId === 'plan' && c.shockLabel !== '±0')!;

  test('year 1: the base year FCF, JFC served first, shares 60 / 40 %', () => {
    const plan = plain.plan!;
    // floor(700万 × 80 %) = 560万 − JFC's 240万 = 320万 (cash 3,000万 − 1,000万 does not bind).
    expect(plan.budget[0]).toMatchObject({ year: 2028, fcfPrior: 7_000_000, budget: 3_200_000 });
    expect(plan.lenders.map((l) => [l.lender, l.share, l.years[0].repayment])).toEqual([
      ['A銀行', 0.6, 1_920_000],
      ['B信金', 0.4, 1_280_000],
    ]);
    expect(plan.lenders.map((l) => l.years[0].closing)).toEqual([34_080_000, 22_720_000]);
  });

  test('monthly parts and interest by each loan’s own rule', () => {
    const y = plain.years[0];
    // A: 16万 a month; Σ (3,600万 − 16万 m) × 0.1 % = 432,000 − 10,560.
    const a = 421_440;
    // B: 106,666 × 11 then 106,674; interest floor(balance × 0.2 %) at 2.4 % all year.
    const b = sum(
      [...Array(12).keys()].map((m) => Math.floor(((24_000_000 - 106_666 * m) * 2) / 1000)),
    );
    // JFC: 20万 a month; Σ floor((1,200万 − 20万 m) ÷ 1,200) = 108,996.
    const j = sum([...Array(12).keys()].map((m) => Math.floor((12_000_000 - 200_000 * m) / 1200)));
    expect(j).toBe(108_996);
    expect(y.interest).toBe(a + b + j);
    expect(y.principal).toBe(2_400_000 + 3_200_000);
    expect(y.seniorDebt).toBe(72_000_000 - 5_600_000);
    const monthly = plain.pool!.lenders[1].monthlyRepayment.slice(0, 12);
    expect(monthly).toEqual([...Array(11).fill(106_666), 106_674]);
  });

  test('year 2 is decided from year 1 as projected (re-derivable from the year rows)', () => {
    const y1 = plain.years[0];
    const fcf = y1.netIncome + y1.depreciation - y1.capex - y1.workingCapitalChange;
    const budget = Math.floor(fcf * 0.8) - 2_400_000;
    expect(plain.plan!.budget[1]).toMatchObject({ year: 2029, fcfPrior: fcf, budget });
    const [a, b] = plain.plan!.lenders.map((l) => l.years[1].repayment);
    expect(a + b).toBe(budget);
    expect(a).toBe(
      Math.floor(budget * 0.6) + (budget - Math.floor(budget * 0.6) - Math.floor(budget * 0.4)),
    );
  });

  test('+1.00 % reaches the floating pool loan, lowers FCF and the next year’s repayments', () => {
    expect(shocked.plan!.budget[0].budget).toBe(plain.plan!.budget[0].budget);
    expect(shocked.years[0].interest).toBeGreaterThan(plain.years[0].interest);
    const lost = plain.plan!.budget[1].fcfPrior - shocked.plan!.budget[1].fcfPrior;
    expect(lost).toBeGreaterThan(0);
    expect(shocked.plan!.budget[1].budget).toBeLessThan(plain.plan!.budget[1].budget);
    for (const i of [0, 1])
      expect(shocked.plan!.lenders[i].years[1].repayment).toBeLessThan(
        plain.plan!.lenders[i].years[1].repayment,
      );
  });

  test('the minimum-cash cap binds on a thin cash balance', () => {
    const base = { ...poolCaseJson().base, cash: 11_000_000 };
    const { cells } = runCase(poolCaseJson({ base }));
    // 1,100万 − floor(1.2億 ÷ 12) = 100万 < 320万.
    expect(cells.find((c) => c.strategyId === 'plan')!.plan!.budget[0].budget).toBe(1_000_000);
  });

  test('combinable with a refinancing: the JFC refinanced outside the pool', () => {
    const json = poolCaseJson();
    json.strategies[0].actions.unshift({
      kind: 'refinance',
      select: { loanIds: ['J1'] },
      programId: 'bank-loan',
      termMonths: 120,
      baseRate: '2%',
    } as never);
    const { cells } = runCase(json);
    const plan = cells.find((c) => c.strategyId === 'plan')!.plan!;
    // The new 10-year loan repays 1,200万 ÷ 120 = 10万 a month: 120万 outside, 560万 − 120万.
    expect(plan.budget[0].budget).toBe(4_400_000);
  });
});
