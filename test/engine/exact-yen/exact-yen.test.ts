import {
  applyStrategy,
  corporateTax,
  ebitdaDebt,
  emptyLossPool,
  floorRateShare,
  loanConventions,
  mulDivFloor,
  parseCaseFile,
  projectCase,
  recognizedCapital,
  workingCapitalPath,
  yearMeasures,
} from '../../../engine';
import { ddsStrategy, simpleCase, testPrograms } from '../projection/fixtures';

describe('corporate tax is floored exactly (issue 13)', () => {
  test.each([
    // income, rate, exact tax (whole), what Math.floor(income × rate) gives
    [1_310_740, 0.35, 458_759, 458_758],
    [100_000, 0.29, 29_000, 28_999],
    [136_600, 0.345, 47_127, 47_126],
  ])('%d × %d = %d (a double floor gives %d)', (income, rate, exact, naive) => {
    expect(Math.floor(income * rate)).toBe(naive);
    expect(floorRateShare(income, rate)).toBe(exact);
    expect(corporateTax(income, rate, emptyLossPool()).tax).toBe(exact);
  });

  test('a fractional tax is still cut down: 1,000,001 × 30 % = 300,000.3 → 300,000', () => {
    expect(corporateTax(1_000_001, 0.3, emptyLossPool()).tax).toBe(300_000);
  });
});

describe('DDS pro-rata split without products beyond 2^53', () => {
  test('91,768,563 over 259,283,750 + 129,641,875 → 61,179,042 and 30,589,521', () => {
    // 91,768,563 × 259,283,750 = 2.38e16 > 2^53; the shares are 2/3 and 1/3 exactly.
    expect(Math.floor((91_768_563 * 259_283_750) / 388_925_625)).toBe(61_179_041);
    expect(mulDivFloor(91_768_563, 259_283_750, 388_925_625)).toBe(61_179_042);
    const c = simpleCase();
    const base = c.stack.loans[0];
    const loans = [
      { ...base, id: 'A', terms: { ...base.terms, principal: 259_283_750 } },
      { ...base, id: 'B', terms: { ...base.terms, principal: 129_641_875 } },
    ];
    const { book, errors } = applyStrategy(
      loans,
      ddsStrategy(91_768_563, ['A', 'B']),
      c.asOf,
      (id) => testPrograms.pricing(id, 'sme'),
      'strategies[0]',
    );
    expect(errors).toEqual([]);
    expect(book.senior.map((l) => l.terms.principal)).toEqual([
      259_283_750 - 61_179_042,
      129_641_875 - 30_589_521,
    ]);
  });

  test('negative and small products round toward −∞', () => {
    expect(mulDivFloor(-7, 1, 2)).toBe(-4);
    expect(mulDivFloor(-91_768_563, 259_283_750, 388_925_625)).toBe(-61_179_042);
    expect(mulDivFloor(-91_768_564, 259_283_750, 388_925_625)).toBe(-61_179_043);
  });
});

describe('new loans follow the case day count and rounding; a strategy may override', () => {
  const refinance = (extra: object = {}) => ({
    kind: 'refinance' as const,
    select: { loanIds: ['A'] },
    programId: 'amortizing',
    termMonths: 120,
    graceMonths: 0,
    baseRate: 0.02,
    ...extra,
  });
  test('the simple case (every loan 30/360) refinances into 30/360; ACT/365F when the action says', () => {
    const c = simpleCase();
    expect(loanConventions(c)).toEqual({ dayCount: '30/360', rounding: 'floor' });
    const run = (action: ReturnType<typeof refinance>) => {
      const { book, errors } = applyStrategy(
        c.stack.loans,
        { id: 's', name: 's', actions: [action] },
        c.asOf,
        (id) => testPrograms.pricing(id, 'sme'),
        'strategies[0]',
        loanConventions(c),
      );
      expect(errors).toEqual([]);
      expect(book.senior.map((l) => l.id)).toEqual(['amortizing#1']);
      return book.senior[0].terms;
    };
    expect(run(refinance()).dayCount).toBe('30/360');
    const own = run(refinance({ dayCount: 'ACT/365F', rounding: 'none' }));
    expect([own.dayCount, own.rounding]).toEqual(['ACT/365F', 'none']);
    // The case's defaults win over what the loans share.
    expect(
      loanConventions({ ...c, loanDefaults: { dayCount: 'ACT/365F', rounding: 'floor' } }),
    ).toEqual({ dayCount: 'ACT/365F', rounding: 'floor' });
  });

  test('a DDS loan accrues 30/360 in a 30/360 case: 20,000,000 × 0.5 % / 12 = 8,333 a month', () => {
    const c = simpleCase();
    const { book } = applyStrategy(
      c.stack.loans,
      ddsStrategy(20_000_000),
      c.asOf,
      (id) => testPrograms.pricing(id, 'sme'),
      'strategies[0]',
      loanConventions(c),
    );
    expect(book.capital[0].dayCount).toBe('30/360');
    const scenario = {
      indexes: c.stack.indexes,
      shock: null,
      mode: 'realistic' as const,
      asOf: c.asOf,
    };
    const p = projectCase(c, book, scenario, () => 0.005);
    // floor(20,000,000 × 0.005 × 30 / 360) = floor(8,333.33) = 8,333; drawn 2027-04-01, so
    // 11 payments (May 1 … Mar 1) fall in the year to March 2028.
    expect(Array.from(p.capitalFlows[0].interest.subarray(0, 3))).toEqual([8_333, 8_333, 8_333]);
    expect(p.years[0].capitalInterest).toBe(8_333 * 11);
  });

  test('case files: `defaults` and an action’s dayCount are read; a bad one names its path', () => {
    const bad = parseCaseFile({
      profile: { name: 'x' },
      asOf: '2026-03-31',
      defaults: { dayCount: '30/365' },
      base: { revenue: 1, operatingProfit: 0, ordinaryProfit: 0, effectiveTaxRate: 0.3 },
      plan: [{ revenue: 1, operatingProfit: 0 }],
      loans: [{ principal: 1000, termMonths: 12, method: 'bullet', annualRate: 0.01 }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field)).toContain('defaults.dayCount');
  });
});

describe('whole yen in working capital and recognised capital', () => {
  test('+1,000,000 split 2:1 → receivables +666,666, inventory +333,334 (sum kept)', () => {
    const wc = workingCapitalPath({ receivables: 30_000_000, inventory: 15_000_000 }, [
      { workingCapitalChange: 1_000_000 },
      { workingCapitalChange: -1_000_001 },
    ]);
    // −1,000,001 × 2/3 = −666,667.33 → −666,668 (toward −∞); inventory −333,333.
    expect(wc.receivables).toEqual([30_666_666, 29_999_998]);
    expect(wc.inventory).toEqual([15_333_334, 15_000_001]);
  });

  test('recognised capital 33,333,333 at 80 % = 26,666,666 (not 26,666,666.4)', () => {
    expect(recognizedCapital(33_333_333, 50)).toBe(26_666_666);
  });

  test('projected receivables and inventory are whole yen', () => {
    const c = simpleCase({
      plan: [1, 2, 3].map(() => ({
        revenue: 200_000_000,
        operatingProfit: 20_000_000,
        depreciation: 5_000_000,
        capex: 5_000_000,
        workingCapitalChange: 1_000_000,
      })),
    });
    const book = { senior: c.stack.loans, capital: [], newMoney: 0, refinancings: [] };
    const scenario = {
      indexes: c.stack.indexes,
      shock: null,
      mode: 'realistic' as const,
      asOf: c.asOf,
    };
    const { years } = projectCase(c, book, scenario, () => 0);
    // Base 20,000,000 : 10,000,000 → +666,666 and +333,334 a year.
    expect(years.map((y) => y.receivables)).toEqual([20_666_666, 21_333_332, 21_999_998]);
    expect(years.map((y) => y.inventory)).toEqual([10_333_334, 10_666_668, 11_000_002]);
  });
});

describe('one EBITDA倍率 treatment of capital-type debt', () => {
  test('include (default) counts every loan; exclude-recognised leaves the capital part out', () => {
    expect(ebitdaDebt(100_000_000, 50_000_000, 40_000_000, 'include')).toBe(150_000_000);
    expect(ebitdaDebt(100_000_000, 50_000_000, 40_000_000, 'exclude-recognised')).toBe(110_000_000);
  });

  test('the measure and the ローカルベンチマーク give the same multiple under either setting', () => {
    const c = simpleCase();
    const { book } = applyStrategy(
      c.stack.loans,
      ddsStrategy(60_000_000),
      c.asOf,
      (id) => testPrograms.pricing(id, 'sme'),
      'strategies[0]',
    );
    const scenario = {
      indexes: c.stack.indexes,
      shock: null,
      mode: 'realistic' as const,
      asOf: c.asOf,
    };
    const { years } = projectCase(c, book, scenario, () => 0.005);
    for (const treatment of ['include', 'exclude-recognised'] as const) {
      const m = yearMeasures(
        { ...c, thresholds: { ...c.thresholds, ebitdaCapitalDebt: treatment } },
        years,
      );
      const y = years[0];
      // Senior 60,000,000 less a year's 500,000 × 12; capital 60,000,000, 100 % recognised.
      const debt = y.seniorDebt + (treatment === 'include' ? y.capitalDebt : 0);
      expect(m[0].ebitdaDebtMultiple.value).toBeCloseTo((debt - y.cash) / 25_000_000, 12);
      expect(m[0].localBenchmark.ebitdaDebtMultiple.value).toBe(m[0].ebitdaDebtMultiple.value);
    }
  });
});
