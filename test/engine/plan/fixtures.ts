import { Case, GridCell, catalogPrograms, parseCaseFile, simulate } from '../../../engine';

/**
 * A hand-checkable council plan: A銀行 3,600万 at 1.2 % and B信金 2,400万 at 2.4 % in the pool,
 * JFC 1,200万 at 1 % (equal principal 20万 a month) outside it; 30/360, so a month's interest is
 * balance × rate ÷ 12. Base year FCF = 600万 + 200万 − 100万 = 700万.
 */
export function poolCaseJson(overrides: Record<string, unknown> = {}) {
  const loan = (
    id: string,
    lender: string,
    principal: number,
    rate: unknown,
    termMonths = 120,
  ) => ({
    id,
    lender,
    principal,
    termMonths,
    method: 'equal-principal',
    dayCount: '30/360',
    rate,
  });
  return {
    profile: { name: 'プール検算', fiscalYearEndMonth: 3, employees: 10 },
    asOf: '2027-03-31',
    base: {
      revenue: 120_000_000,
      operatingProfit: 10_000_000,
      depreciation: 2_000_000,
      ordinaryProfit: 8_000_000,
      netIncome: 6_000_000,
      capex: 1_000_000,
      workingCapitalChange: 0,
      cash: 30_000_000,
      totalAssets: 150_000_000,
      bookNetAssets: 10_000_000,
    },
    plan: [0, 1, 2].map(() => ({
      revenue: 120_000_000,
      operatingProfit: 10_000_000,
      depreciation: 2_000_000,
      capex: 1_000_000,
    })),
    indexes: { 'short-prime': '2.0%', tibor: '1.0%', 'jfc-base': '2.0%' },
    loans: [
      loan('A1', 'A銀行', 36_000_000, { type: 'fixed', annualRate: '1.2%' }),
      loan('B1', 'B信金', 24_000_000, {
        type: 'floating',
        index: 'short-prime',
        spread: '0.4%',
        resetEveryMonths: 6,
        nextResetDate: '2027-04-01',
        currentRate: '2.4%',
      }),
      loan('J1', '日本政策金融公庫', 12_000_000, { type: 'fixed', annualRate: '1%' }, 60),
    ],
    shocks: ['1.00%'],
    strategies: [
      {
        id: 'plan',
        name: '再生計画',
        actions: [
          {
            kind: 'pro-rata-plan',
            select: { lenders: ['A銀行', 'B信金'] },
            basis: 'balance',
            fcfShare: 0.8,
            minCashMonths: 1,
          },
        ],
      },
    ],
    ...overrides,
  };
}

export function runCase(json: unknown): { c: Case; cells: GridCell[] } {
  const parsed = parseCaseFile(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const out = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return { c: parsed.value, cells: out.results.cells };
}
