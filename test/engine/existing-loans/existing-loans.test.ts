import {
  CapitalLoan,
  applyStrategy,
  formatIsoDate,
  loanRates,
  parseStackFile,
  projectCase,
  toEpochDay,
  withExistingCapitalRates,
  yearMeasures,
} from '../../../engine';
import { simpleCase, testPrograms } from '../projection/fixtures';

const stackFile = (loan: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  asOf: '2026-03-31',
  indexes: { 'jfc-base': '1.50%' },
  loans: [
    {
      id: 'JFC',
      principal: 40_000_000,
      termMonths: 60,
      method: 'equal-principal',
      businessDay: 'none',
      ...loan,
    },
  ],
  ...extra,
});

function ratesOf(
  file: object,
  shock: number | null,
  mode: 'realistic' | 'full-reprice' = 'realistic',
) {
  const parsed = parseStackFile(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { stack } = parsed.value;
  return Array.from(
    loanRates(stack.loans[0], {
      indexes: stack.indexes,
      shock: shock === null ? null : { kind: 'parallel', size: shock },
      mode,
      asOf: stack.asOf,
    }),
  );
}

describe('existing loans (drawdownDate, originalPrincipal)', () => {
  const jfc = { type: 'fixed-at-drawdown', index: 'jfc-base', spread: '0.30%' };

  test('a JFC loan drawn before the analysis date keeps its rate under +1.00 % (realistic)', () => {
    const existing = stackFile({
      drawdownDate: '2021-06-10',
      originalPrincipal: 60_000_000,
      rate: { ...jfc, annualRate: '1.21%' },
    });
    // The contract's 1.21 % every period, shocked or not.
    expect(ratesOf(existing, null)).toEqual(new Array(60).fill(121_000));
    expect(ratesOf(existing, 0.01)).toEqual(new Array(60).fill(121_000));
    // Without drawdownDate it is priced today: 1.50 % + 0.30 % + 1.00 % = 2.80 % (the old behaviour).
    expect(ratesOf(stackFile({ rate: jfc }), 0.01)[0]).toBe(280_000);
    // Full-reprice mode raises every loan at once, this one too: 2.21 %.
    expect(ratesOf(existing, 0.01, 'full-reprice')[0]).toBe(221_000);
  });

  test('JFC 中小事業 5-year resets: drawn 2022-06-10, reset 2027-06-10 to index + shock + spread', () => {
    const resetting = stackFile({
      drawdownDate: '2022-06-10',
      rate: { ...jfc, annualRate: '0.95%', resetEveryMonths: 60 },
    });
    const rates = ratesOf(resetting, 0.01);
    // Periods accrue from 2026-03-31, 04-30, …; the period starting 2027-06-30 is the first after
    // the reset (period 16 starts 2027-06-30): 0.95 % for 15 periods, then 1.50 + 1.00 + 0.30 = 2.80 %.
    expect(rates.slice(0, 15)).toEqual(new Array(15).fill(95_000));
    expect(rates.slice(15, 60)).toEqual(new Array(45).fill(280_000));
    // Unshocked, the reset goes down as well as up: 1.80 %.
    expect(ratesOf(resetting, null)[15]).toBe(180_000);
  });

  test('bad input: a drawdown after asOf, a balance above the original amount', () => {
    const parsed = parseStackFile(stackFile({ drawdownDate: '2026-04-01', rate: jfc }, {}));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors.map((e) => [e.field, e.message])).toEqual([
        ['loans[0].drawdownDate', 'is after the analysis date asOf (2026-03-31)'],
      ]);
    const over = parseStackFile(stackFile({ originalPrincipal: 30_000_000, rate: jfc }));
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.errors.map((e) => e.field)).toEqual(['loans[0].principal']);
  });
});

describe('an existing capital-type loan (コロナ資本性劣後ローン)', () => {
  // The simple case (plan years to March 2028, 2029, 2030; profitable) plus 30,000,000 of an
  // existing capital-type loan with 50 months left, drawn 2022-06-01: 0.50 % initially (until
  // 2028-04-01), then 3.00 % after a profit year and 0.50 % after a loss.
  const base = simpleCase();
  const capitalLoan = {
    id: 'COVID',
    name: 'コロナ資本性劣後ローン',
    lender: 'JFC',
    rate: { type: 'fixed' as const, annualRate: 0.005 },
    terms: {
      principal: 30_000_000,
      termMonths: 50,
      graceMonths: 0,
      method: 'bullet' as const,
      dayCount: 'ACT/365F' as const,
      startDate: toEpochDay(2027, 4, 1),
      rounding: 'floor' as const,
      guaranteeFeeRate: 0,
    },
    drawdownDate: toEpochDay(2022, 6, 1),
    originalPrincipal: 30_000_000,
    capitalType: {
      lossRate: 0.005,
      profitRate: 0.03,
      initialRate: 0.005,
      initialUntil: toEpochDay(2028, 4, 1),
    },
  };
  const c = simpleCase({ stack: { ...base.stack, loans: [...base.stack.loans, capitalLoan] } });
  const { book, errors } = applyStrategy(
    c.stack.loans,
    { id: 'status-quo', name: '現状維持', actions: [] },
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
  const p = projectCase(c, book, scenario, testPrograms.capitalRate);
  const measures = yearMeasures(c, p.years);

  test('it is counted as capital, not senior debt', () => {
    expect(errors).toEqual([]);
    expect(book.senior.map((l) => l.id)).toEqual(['A']);
    expect(book.capital.map((l) => [l.id, l.origin, l.amount])).toEqual([
      ['COVID', 'existing', 30_000_000],
    ]);
  });

  test('taper: 50 payments from May 2027; left after each March: 39, 27, 15 → 60 %, 40 %, 20 %', () => {
    expect(p.years.map((y) => y.capitalRecognition)).toEqual([0.6, 0.4, 0.2]);
    expect(p.years.map((y) => y.capitalDebt)).toEqual([30_000_000, 30_000_000, 30_000_000]);
    // Substantive net worth gains 18,000,000 in year 1; 債務償還年数 counts the 40 % not recognised.
    const y = p.years[0];
    expect(y.substantiveNetWorth).toBe(y.bookNetAssets - 10_000_000 + 18_000_000);
    const net = y.seniorDebt + 12_000_000 - y.cash - (20_000_000 + 10_000_000 - 10_000_000);
    expect(measures[0].debtRepaymentYears.value).toBeCloseTo(
      net / (y.ordinaryProfit + 5_000_000 - y.taxes),
      12,
    );
  });

  test('rate switch: 0.50 % while the loan year starts by 2028-04-01, then 3.00 % after a profit year', () => {
    const rates = Array.from(p.capitalFlows[0].rates.subarray(0, p.capitalFlows[0].periods));
    // FY to March 2028: 11 payments; FY to March 2029 starts with payment 12 (loan year 1 starts
    // with payment 1, 2027-05-01 ≤ 2028-04-01): still 0.50 %; FY to March 2030 starts with
    // payment 24 (loan year 2, first payment 2028-05-01 > 2028-04-01): 3.00 % after a profit.
    expect(rates.slice(0, 23)).toEqual(new Array(23).fill(50_000));
    expect(rates.slice(23)).toEqual(new Array(rates.length - 23).fill(300_000));
    // Interest of payment 1 (Apr 1 → May 1, 30 days): 30,000,000 × 0.5 % × 30/365 = 12,328.77.
    expect(p.capitalFlows[0].interest[0]).toBe(12_328);
  });

  test('after a loss year the loss rate applies', () => {
    const rule = withExistingCapitalRates(() => {
      throw new Error('not a program loan');
    });
    const loan = book.capital[0] as CapitalLoan;
    expect(rule(loan, 2, false)).toBe(0.005);
    expect(rule(loan, 2, true)).toBe(0.03);
    expect(rule(loan, 0, false)).toBe(0.005);
    expect(formatIsoDate(loan.startDate)).toBe('2027-04-01');
  });

  test('bad input: a capital-type loan must be bullet', () => {
    const parsed = parseStackFile(
      stackFile({ capitalType: { lossRate: '0.5%', profitRate: '3%' } }),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.field)).toEqual(['loans[0].method']);
    const ok = parseStackFile(
      stackFile({ method: 'bullet', capitalType: { lossRate: '0.5%', profitRate: '3%' } }),
    );
    expect(ok.ok).toBe(true);
  });
});
