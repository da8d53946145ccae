import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Case,
  DEFAULT_THRESHOLDS,
  DEFAULT_YEN_SHORT_RATE_MODEL,
  MonteCarloOptions,
  MonteCarloPlan,
  NO_REVENUE_SHOCK,
  PathDraw,
  RateScenario,
  StrategyBook,
  applyStrategy,
  loanConventions,
  parseCaseFile,
  pathShock,
  shockedRevenue,
  toEpochDay,
} from '../../../engine';
import { simpleCase, testPrograms } from '../projection/fixtures';

export { testPrograms };

/** A workshop case from scenarios/. */
export function workshopCase(file: string): Case {
  const parsed = parseCaseFile(
    JSON.parse(readFileSync(join(__dirname, '../../../scenarios', file), 'utf8')),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

export const WORKSHOP_CASES = [
  'lodging-crisis-refinance.case.json',
  'manufacturer-dds.case.json',
  'apparel-consolidation.case.json',
];

const asOf = toEpochDay(2027, 4, 1);

/**
 * A fragile borrower whose checks pass on some paths and fail on others, with every kind of
 * loan a path can reach: floating on 短プラ (6-monthly, first reset soon), on TIBOR (3-monthly,
 * annuity with grace and a current rate), a floating bullet resetting yearly, a JFC loan drawn
 * eight months from now (priced on its drawdown date), one already drawn, a fixed loan; index
 * paths with known steps; five strategies (refinancing, DDS, reschedule, new money); every
 * covenant on. Programs: test/engine/projection/fixtures' testPrograms.
 */
export function fragileCase(): Case {
  const base = simpleCase();
  const terms = (over: Partial<Case['stack']['loans'][0]['terms']>) => ({
    principal: 50_000_000,
    termMonths: 84,
    graceMonths: 0,
    method: 'equal-principal' as const,
    dayCount: 'ACT/365F' as const,
    startDate: asOf,
    rounding: 'floor' as const,
    guaranteeFeeRate: 0,
    ...over,
  });
  return {
    ...base,
    asOf,
    base: { ...base.base, bookNetAssets: 8_000_000, netAssetAdjustments: -12_000_000 },
    plan: [0, 1, 2, 3, 4, 5].map((t) => ({
      revenue: 300_000_000 + t * 4_000_000,
      operatingProfit: 44_000_000 + t * 600_000,
      depreciation: 6_000_000,
      capex: 4_000_000,
      workingCapitalChange: t === 2 ? 1_000_000 : 0,
    })),
    stack: {
      name: 'fragile',
      asOf,
      fiscalYearEndMonth: 3,
      indexes: {
        'short-prime': { rate: 0.02125, steps: [{ from: toEpochDay(2028, 4, 1), rate: 0.02375 }] },
        tibor: { rate: 0.01, steps: [] },
        'jfc-base': { rate: 0.023, steps: [{ from: toEpochDay(2027, 10, 1), rate: 0.0245 }] },
      },
      loans: [
        { ...base.stack.loans[0], id: 'A' },
        {
          id: 'F1',
          name: '短プラ連動',
          lender: 'みどり銀行',
          terms: terms({ principal: 60_000_000, guaranteeFeeRate: 0.0085 }),
          rate: {
            type: 'floating',
            index: 'short-prime',
            spread: 0.01,
            resetEveryMonths: 6,
            nextResetDate: toEpochDay(2027, 4, 20),
          },
        },
        {
          id: 'F2',
          name: 'TIBOR連動',
          lender: 'あおば銀行',
          terms: terms({
            principal: 40_000_000,
            termMonths: 120,
            graceMonths: 12,
            method: 'annuity',
          }),
          rate: {
            type: 'floating',
            index: 'tibor',
            spread: 0.012,
            resetEveryMonths: 3,
            currentRate: 0.021,
          },
        },
        {
          id: 'F3',
          name: '期限一括',
          lender: 'みどり銀行',
          terms: terms({ principal: 20_000_000, termMonths: 80, method: 'bullet' }),
          rate: {
            type: 'floating',
            index: 'short-prime',
            spread: 0.005,
            resetEveryMonths: 12,
            nextResetDate: toEpochDay(2028, 1, 10),
          },
        },
        {
          id: 'D1',
          name: '公庫 (8か月後に実行)',
          lender: '日本政策金融公庫',
          terms: terms({
            principal: 30_000_000,
            termMonths: 60,
            startDate: toEpochDay(2027, 12, 15),
          }),
          rate: { type: 'fixed-at-drawdown', index: 'jfc-base', spread: 0.003 },
        },
        {
          id: 'D2',
          name: '公庫 (実行済み)',
          lender: '日本政策金融公庫',
          terms: terms({ principal: 25_000_000, termMonths: 100, startDate: asOf - 40 }),
          rate: { type: 'fixed-at-drawdown', index: 'jfc-base', spread: 0 },
        },
      ],
    },
    strategies: [
      { id: 'status-quo', name: '現状維持', actions: [] },
      {
        id: 'refinance',
        name: '借換',
        actions: [
          {
            kind: 'refinance',
            select: { loanIds: ['F1', 'F2'] },
            programId: 'amortizing',
            termMonths: 180,
            graceMonths: 6,
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
            select: { loanIds: ['A'] },
            programId: 'capital',
            amount: 30_000_000,
            termMonths: 120,
            privateBankSupport: false,
          },
        ],
      },
      {
        id: 'reschedule',
        name: 'リスケ',
        actions: [
          {
            kind: 'reschedule',
            select: { loanIds: ['F1', 'F3'] },
            holidayMonths: 6,
            extendTerm: true,
          },
        ],
      },
      {
        id: 'new-money',
        name: '資本性 (新規)',
        actions: [
          {
            kind: 'capital-loan',
            mode: 'new-money',
            programId: 'capital',
            amount: 10_000_000,
            termMonths: 84,
            privateBankSupport: true,
          },
        ],
      },
    ],
    thresholds: {
      ...DEFAULT_THRESHOLDS,
      covenants: {
        noConsecutiveOrdinaryLoss: true,
        netAssetsFloorShare: 0.95,
        noInsolvency: true,
        minIcr: 2,
      },
    },
  };
}

/** Options with the default model and no revenue shock, overridable. */
export function mcOptions(over: Partial<MonteCarloOptions> = {}): MonteCarloOptions {
  return {
    paths: 200,
    seed: 42,
    model: DEFAULT_YEN_SHORT_RATE_MODEL,
    revenue: NO_REVENUE_SHOCK,
    ...over,
  };
}

/** A strategy's book, as the grid and the Monte Carlo run build it. */
export function bookOf(c: Case, strategy: number, programs = testPrograms): StrategyBook {
  const { book, errors } = applyStrategy(
    c.stack.loans,
    c.strategies[strategy],
    c.asOf,
    (id) => programs.pricing(id, c.profile.jfcUnit),
    `strategies[${strategy}]`,
    loanConventions(c),
  );
  if (errors.length) throw new Error(JSON.stringify(errors));
  return book;
}

/**
 * One drawn path as the deterministic engine sees it: the case with the path's revenue shocks
 * in its plan, and the path's rate moves as a shock — the independent reference a path is
 * checked against.
 */
export function referencePath(
  c: Case,
  plan: MonteCarloPlan,
  draw: PathDraw,
  options: MonteCarloOptions,
): { shocked: Case; scenario: RateScenario } {
  return {
    shocked: {
      ...c,
      plan: c.plan.map((year, t) => ({
        ...year,
        ...shockedRevenue(year, draw.factors[t], options.revenue.contributionMargin),
      })),
    },
    scenario: {
      indexes: c.stack.indexes,
      shock: pathShock(plan.grid, draw.rates),
      mode: 'realistic',
      asOf: c.asOf,
    },
  };
}
