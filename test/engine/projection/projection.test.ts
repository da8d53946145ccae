import { applyStrategy, projectCase, simulate, yearMeasures } from '../../../engine';
import { ddsStrategy, simpleCase, testPrograms } from './fixtures';

const c = simpleCase();
const scenario = {
  indexes: c.stack.indexes,
  shock: null,
  mode: 'realistic' as const,
  asOf: c.asOf,
};
const statusQuo = { senior: c.stack.loans, capital: [], newMoney: 0, refinancings: [] };

describe('projection of the simple case, status quo, no shock', () => {
  const { years } = projectCase(c, statusQuo, scenario, testPrograms.capitalRate);
  const measures = yearMeasures(c, years);

  test('year 1 (2028年3月期) by hand', () => {
    const y = years[0];
    expect(y.fiscalYear).toBe(2028);
    // Interest: Σ floor((120M − k × 1M) × 1 % / 12), k = 0…11: 100,000 + 99,166 (.67 cut) + 98,333 (.33 cut)
    // + 97,500 + …: the exact sum 0.01/12 × (1,440M − 66M) = 1,145,000 less 4 yen of flooring.
    expect(y.interest).toBe(1_144_996);
    expect(y.principal).toBe(12_000_000);
    // 経常利益 = 20,000,000 − 1,144,996 = 18,855,004; tax floor(× 30 %) = 5,656,501; net 13,198,503.
    expect(y.ordinaryProfit).toBe(18_855_004);
    expect(y.taxes).toBe(5_656_501);
    expect(y.netIncome).toBe(13_198_503);
    // Cash: 30,000,000 + (18,855,004 + 1,144,996 + 5,000,000 − 5,000,000) − 13,144,996 − 5,656,501.
    expect(y.cash).toBe(31_198_503);
    expect(y.seniorDebt).toBe(108_000_000);
    expect(y.bookNetAssets).toBe(53_198_503);
    expect(y.substantiveNetWorth).toBe(43_198_503);
  });

  test('year 1 measures by hand', () => {
    const m = measures[0];
    // DSCR = (18,855,004 + 1,144,996 + 5,000,000 − 5,656,501) / 13,144,996 = 19,343,499 / 13,144,996 = 1.4715…
    expect(m.dscr.value).toBeCloseTo(19_343_499 / 13_144_996, 12);
    // 債務償還年数 (net) = (108,000,000 − 31,198,503 − 20,000,000) / (18,855,004 + 5,000,000 − 5,656,501) = 3.12…
    expect(m.debtRepaymentYears.value).toBeCloseTo(56_801_497 / 18_198_503, 12);
    // 返済原資 = 13,198,503 + 5,000,000 = 18,198,503 ≥ 12,000,000.
    expect(m.repaymentCapacity.covers).toBe(true);
    expect(m.repaymentCapacity.surplus).toBe(6_198_503);
  });

  test('year 2 interest falls with the balance', () => {
    // Σ floor((108M − k × 1M) × 1 % / 12), k = 0…11: 0.01/12 × (1,296M − 66M) = 1,025,000 less 4 yen of flooring.
    expect(years[1].interest).toBe(1_024_996);
  });
});

describe('the grid', () => {
  test('a fixed loan ignores the shock in realistic mode and pays it all in full-reprice mode', () => {
    const outcome = simulate(c, testPrograms);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const cells = outcome.results.cells;
    expect(cells.map((cell) => `${cell.shockLabel} ${cell.mode}`)).toEqual([
      '±0 realistic',
      '+1.00% realistic',
      '+1.00% full-reprice',
    ]);
    expect(cells[1].years[0].interest).toBe(1_144_996);
    // At 2 %: 0.02/12 × 1,374M = 2,290,000 less 4 yen of flooring, except the first month, which
    // accrues from Mar 31, the day before the shock starts: 100,000 yen less.
    expect(cells[2].years[0].interest).toBe(2_189_996);
    expect(cells[0].summary.failedChecks).toEqual([]);
  });
});

describe('strategies', () => {
  test('DDS: 20,000,000 of loan A becomes a capital-type loan counted as capital', () => {
    const { book, errors } = applyStrategy(
      c.stack.loans,
      ddsStrategy(20_000_000),
      c.asOf,
      (id) => testPrograms.pricing(id, 'sme'),
      'strategies[0]',
    );
    expect(errors).toEqual([]);
    expect(book.senior[0].terms.principal).toBe(100_000_000);
    const { years } = projectCase(c, book, scenario, testPrograms.capitalRate);
    // Senior: installments floor(100,000,000 / 120) = 833,333; 12 of them in year 1.
    expect(years[0].principal).toBe(12 * 833_333);
    // Capital loan drawn Apr 1 2027: 11 payments in year 1 (May 1 … Mar 1), 335 days at 3 % (the base year was
    // profitable): 20,000,000 × 0.03 × 335 / 365 = 550,684.9, less under a yen per month of flooring.
    expect(years[0].capitalInterest).toBeLessThanOrEqual(550_685);
    expect(years[0].capitalInterest).toBeGreaterThanOrEqual(550_685 - 11);
    // 109 months remain at the year end: recognised in full.
    expect(years[0].capitalRecognition).toBe(1);
    expect(years[0].substantiveNetWorth - years[0].bookNetAssets).toBe(-10_000_000 + 20_000_000);
  });

  test('the capital-type rate follows the previous year: a loss year makes the next year 0.5 %', () => {
    const lossy = simpleCase({
      plan: [-30_000_000, 20_000_000, 20_000_000].map((op) => ({
        revenue: 200_000_000,
        operatingProfit: op,
        depreciation: 5_000_000,
        capex: 0,
        workingCapitalChange: 0,
      })),
    });
    const { book } = applyStrategy(
      lossy.stack.loans,
      {
        id: 'n',
        name: 'new money',
        actions: [
          {
            kind: 'capital-loan',
            mode: 'new-money',
            programId: 'capital',
            amount: 36_500_000,
            termMonths: 120,
            privateBankSupport: false,
          },
        ],
      },
      lossy.asOf,
      (id) => testPrograms.pricing(id, 'sme'),
      's',
    );
    const { years } = projectCase(lossy, book, scenario, testPrograms.capitalRate);
    expect(years[0].ordinaryProfit).toBeLessThan(0);
    // Year 2 (Apr 2028 – Mar 2029, 365 days) at 0.5 % after the loss: 36,500,000 × 0.005 = 182,500 (± flooring).
    expect(Math.abs(years[1].capitalInterest - 182_500)).toBeLessThanOrEqual(12);
    // Year 3 at 3 % after a profitable year 2: 36,500,000 × 0.03 × 365/365 = 1,095,000 (± flooring).
    expect(Math.abs(years[2].capitalInterest - 1_095_000)).toBeLessThanOrEqual(12);
  });

  test('a capital-type loan that matures inside the plan is repaid and then costs nothing', () => {
    const long = simpleCase({
      plan: Array.from({ length: 7 }, () => ({
        revenue: 200_000_000,
        operatingProfit: 20_000_000,
        depreciation: 5_000_000,
        capex: 0,
        workingCapitalChange: 0,
      })),
    });
    const { book } = applyStrategy(
      long.stack.loans,
      {
        id: 'n',
        name: 'new money',
        actions: [
          {
            kind: 'capital-loan',
            mode: 'new-money',
            programId: 'capital',
            amount: 10_000_000,
            termMonths: 61,
            privateBankSupport: false,
          },
        ],
      },
      long.asOf,
      (id) => testPrograms.pricing(id, 'sme'),
      's',
    );
    const { years } = projectCase(long, book, scenario, testPrograms.capitalRate);
    // Drawn Apr 1 2027, 61 monthly periods: the bullet falls on May 1 2032, in 2033年3月期 (plan year 6).
    expect(years[5].principal - 12_000_000).toBe(10_000_000);
    expect(years[6].capitalInterest).toBe(0);
    expect(years[6].capitalDebt).toBe(0);
    // Recognition steps down once under 5 years remain: at Mar 2028, 50 of 61 months remain → 80 %.
    expect(years[0].capitalRecognition).toBe(0.8);
  });

  test('reschedule: a 12-month principal holiday with the term extended', () => {
    const { book } = applyStrategy(
      c.stack.loans,
      {
        id: 'r',
        name: 'リスケ',
        actions: [
          {
            kind: 'reschedule',
            select: { lender: 'みどり銀行' },
            holidayMonths: 12,
            extendTerm: true,
          },
        ],
      },
      c.asOf,
      () => undefined,
      's',
    );
    expect(book.senior[0].terms).toMatchObject({ termMonths: 132, graceMonths: 12 });
    const { years } = projectCase(c, book, scenario, testPrograms.capitalRate);
    expect(years[0].principal).toBe(0);
    expect(years[0].interest).toBe(1_200_000); // 120,000,000 × 1 % all year
    expect(years[1].principal).toBe(12_000_000);
  });

  test('refinance: both selected loans become one program loan priced at base + shock', () => {
    const { book, errors } = applyStrategy(
      c.stack.loans,
      {
        id: 'f',
        name: '借換',
        actions: [
          {
            kind: 'refinance',
            select: { loanIds: ['A'] },
            programId: 'amortizing',
            termMonths: 240,
            graceMonths: 24,
          },
        ],
      },
      c.asOf,
      (id) => testPrograms.pricing(id, 'sme'),
      's',
    );
    expect(errors).toEqual([]);
    expect(book.senior).toHaveLength(1);
    expect(book.senior[0].terms).toMatchObject({
      principal: 120_000_000,
      termMonths: 240,
      graceMonths: 24,
      method: 'equal-principal',
    });
    expect(book.refinancings[0]).toMatchObject({ replaced: ['A'], replacedRemainingMonths: 120 });
  });

  test('unknown loans and programs are errors naming the action', () => {
    const { errors } = applyStrategy(
      c.stack.loans,
      {
        id: 'x',
        name: 'x',
        actions: [
          {
            kind: 'refinance',
            select: { loanIds: ['Z'] },
            programId: 'nope',
            termMonths: 240,
            graceMonths: 0,
          },
        ],
      },
      c.asOf,
      () => undefined,
      'strategies[3]',
    );
    expect(errors.map((e) => e.field)).toEqual(['strategies[3].actions[0].select.loanIds[0]']);
  });
});
