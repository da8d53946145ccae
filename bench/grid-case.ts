import { Case, DEFAULT_THRESHOLDS, standardShocks } from '../engine';
import { syntheticStack } from './synthetic';

/**
 * A 30-loan borrower over 20 years with four strategies (status quo, a 20-year crisis-recovery
 * refinancing, a DDS, a one-year holiday): the grid and workbook benchmarks' case.
 */
export function syntheticCase(): Case {
  const stack = syntheticStack(30, 7);
  const ids = stack.loans.map((l) => l.id);
  return {
    profile: { name: 'bench', sector: '', jfcUnit: 'sme', fiscalYearEndMonth: 3, employees: 50 },
    asOf: stack.asOf,
    base: {
      revenue: 2e9,
      operatingProfit: 1.2e8,
      depreciation: 4e7,
      nonOperatingIncome: 0,
      nonOperatingExpense: 0,
      interestIncome: 0,
      ordinaryProfit: 9e7,
      effectiveTaxRate: 0.3,
      cash: 2e8,
      receivables: 3e8,
      inventory: 2e8,
      payables: 2e8,
      totalAssets: 2.5e9,
      bookNetAssets: 3e8,
      netAssetAdjustments: -1e8,
      lossCarryForward: 0,
    },
    plan: Array.from({ length: 20 }, (_, t) => ({
      revenue: 2e9 + t * 2e7,
      operatingProfit: 1.2e8 + t * 2e6,
      depreciation: 4e7,
      capex: 3e7,
      workingCapitalChange: 1e6,
    })),
    stack,
    shocks: standardShocks(),
    modes: ['realistic'],
    strategies: [
      { id: 'status-quo', name: 'status quo', actions: [] },
      {
        id: 'refinance',
        name: 'crisis loan',
        actions: [
          {
            kind: 'refinance',
            select: { loanIds: ids.slice(0, 10) },
            programId: 'crisis-recovery-stabilization',
            termMonths: 240,
            graceMonths: 12,
          },
        ],
      },
      {
        id: 'dds',
        name: 'DDS',
        actions: [
          {
            kind: 'capital-loan',
            mode: 'dds',
            select: { loanIds: ids.slice(10, 15) },
            programId: 'capital-subordinated',
            amount: 5e7,
            termMonths: 180,
            privateBankSupport: true,
          },
        ],
      },
      {
        id: 'reschedule',
        name: 'reschedule',
        actions: [
          { kind: 'reschedule', select: { lender: 'bank 1' }, holidayMonths: 12, extendTerm: true },
        ],
      },
    ],
    thresholds: DEFAULT_THRESHOLDS,
    programOverrides: {},
    facts: { hasCrisisEraDebt: true, hasImprovementPlan: true },
  };
}
