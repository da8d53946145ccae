import {
  Case,
  DEFAULT_THRESHOLDS,
  ProgramPricing,
  ProgramSource,
  Strategy,
  toEpochDay,
} from '../../../engine';

/**
 * A small hand-checkable borrower: one 120,000,000 yen loan at a fixed 1 % (30/360, equal
 * principal 1,000,000 a month, paid on month ends from Apr 30 2027), operating profit
 * 20,000,000 a year, plan years = fiscal years ending March 2028, 2029, 2030.
 */
export function simpleCase(overrides: Partial<Case> = {}): Case {
  return {
    profile: {
      name: 'テスト株式会社',
      sector: 'manufacturing',
      jfcUnit: 'sme',
      fiscalYearEndMonth: 3,
      employees: 12,
    },
    asOf: toEpochDay(2027, 4, 1),
    base: {
      revenue: 200_000_000,
      operatingProfit: 20_000_000,
      depreciation: 5_000_000,
      nonOperatingIncome: 0,
      nonOperatingExpense: 0,
      interestIncome: 0,
      ordinaryProfit: 15_000_000,
      effectiveTaxRate: 0.3,
      cash: 30_000_000,
      receivables: 20_000_000,
      inventory: 10_000_000,
      payables: 10_000_000,
      totalAssets: 150_000_000,
      bookNetAssets: 40_000_000,
      netAssetAdjustments: -10_000_000,
      lossCarryForward: 0,
    },
    plan: [1, 2, 3].map(() => ({
      revenue: 200_000_000,
      operatingProfit: 20_000_000,
      depreciation: 5_000_000,
      capex: 5_000_000,
      workingCapitalChange: 0,
    })),
    stack: {
      name: 'simple',
      asOf: toEpochDay(2027, 4, 1),
      fiscalYearEndMonth: 3,
      indexes: {
        'short-prime': { rate: 0.02125, steps: [] },
        tibor: { rate: 0.01, steps: [] },
        'jfc-base': { rate: 0.023, steps: [] },
      },
      loans: [
        {
          id: 'A',
          name: '設備資金',
          lender: 'みどり銀行',
          rate: { type: 'fixed', annualRate: 0.01 },
          terms: {
            principal: 120_000_000,
            termMonths: 120,
            graceMonths: 0,
            method: 'equal-principal',
            dayCount: '30/360',
            startDate: toEpochDay(2027, 3, 31),
            rounding: 'floor',
            guaranteeFeeRate: 0,
          },
        },
      ],
    },
    shocks: [{ kind: 'parallel', size: 0.01 }],
    modes: ['realistic', 'full-reprice'],
    strategies: [{ id: 'status-quo', name: '現状維持', actions: [] }],
    thresholds: DEFAULT_THRESHOLDS,
    programOverrides: {},
    facts: { hasCrisisEraDebt: true, hasImprovementPlan: true },
    ...overrides,
  };
}

/** Test programs: a 20-year amortizing loan at 2.30 % and a capital-type loan at 3 % / 0.5 %. */
export const testPrograms: ProgramSource = {
  pricing(id: string): ProgramPricing | undefined {
    if (id === 'amortizing')
      return { id, method: 'equal-principal', baseRate: () => 0.023, guaranteeFeeRate: 0 };
    if (id === 'capital')
      return { id, method: 'bullet', baseRate: () => 0.03, guaranteeFeeRate: 0 };
    return undefined;
  },
  capitalRate: (_loan, _year, previousYearProfitable) => (previousYearProfitable ? 0.03 : 0.005),
  eligibility: () => [],
};

/** A DDS (id `dds`): `amount` of the loans `loanIds` becomes a 120-month capital-type loan. */
export function ddsStrategy(amount: number, loanIds: string[] = ['A']): Strategy {
  return {
    id: 'dds',
    name: 'DDS',
    actions: [
      {
        kind: 'capital-loan',
        mode: 'dds',
        select: { loanIds },
        programId: 'capital',
        amount,
        termMonths: 120,
        privateBankSupport: false,
      },
    ],
  };
}
