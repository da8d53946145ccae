/**
 * Properties over arbitrary finite inputs (fast-check): a ratio is a finite number or null with
 * a reason — never NaN, never ±Infinity — and the sums stay consistent.
 */
import fc from 'fast-check';
import {
  Measure,
  capitalRecognitionShare,
  debtRepaymentYears,
  dscr,
  ebitdaDebtMultiple,
  interestCoverage,
  localBenchmark,
  ratio,
  recognizedCapital,
  repaymentCapacity,
  substantiveNetWorth,
} from '../../../engine/measures';

/** Runs per property; PROPERTY_RUNS=5000 for a longer hunt. */
const RUNS = Number(process.env.PROPERTY_RUNS) || 500;

/** Any finite double, including ±0, subnormals and ±MAX_VALUE. */
const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** Whole yen up to ±10兆円, where sums are exact. */
const yen = fc.integer({ min: -1e13, max: 1e13 });
/** Both kinds, so boundaries (0, overflow) and realistic amounts are both hit often. */
const amount = fc.oneof(anyFinite, yen, fc.constant(0));

/** A finite number, or null with a reason — and a reason exactly when null. */
function wellFormed(m: Measure): boolean {
  return m.value === null
    ? typeof m.reason === 'string'
    : Number.isFinite(m.value) && m.reason === undefined;
}

describe('ratios never return NaN or ±Infinity for finite inputs', () => {
  test('ratio', () => {
    fc.assert(
      fc.property(amount, amount, (n, d) => wellFormed(ratio(n, d, 'no-sales'))),
      { numRuns: RUNS },
    );
  });

  test('debtRepaymentYears: null or ≥ 0, both forms', () => {
    fc.assert(
      fc.property(
        fc.record({
          interestBearingDebt: amount,
          cash: amount,
          receivables: amount,
          inventory: amount,
          payables: amount,
          ordinaryProfit: amount,
          depreciation: amount,
          taxes: amount,
          form: fc.constantFrom('net' as const, 'simple' as const, undefined),
        }),
        (input) => {
          const r = debtRepaymentYears(input);
          return wellFormed(r) && (r.value === null || r.value >= 0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('ebitdaDebtMultiple: null or ≥ 0', () => {
    fc.assert(
      fc.property(amount, amount, amount, amount, (debt, cash, op, dep) => {
        const r = ebitdaDebtMultiple({
          interestBearingDebt: debt,
          cash,
          operatingProfit: op,
          depreciation: dep,
        });
        return wellFormed(r) && (r.value === null || r.value >= 0);
      }),
      { numRuns: RUNS },
    );
  });

  test('dscr', () => {
    fc.assert(
      fc.property(amount, amount, amount, amount, amount, amount, (op, i, dep, tax, p, fee) =>
        wellFormed(
          dscr({
            ordinaryProfit: op,
            interest: i,
            depreciation: dep,
            taxes: tax,
            principal: p,
            guaranteeFees: fee,
          }),
        ),
      ),
      { numRuns: RUNS },
    );
  });

  test('interestCoverage', () => {
    fc.assert(
      fc.property(amount, amount, amount, (op, rec, exp) =>
        wellFormed(
          interestCoverage({
            operatingProfit: op,
            interestAndDividendsReceived: rec,
            interestExpense: exp,
          }),
        ),
      ),
      { numRuns: RUNS },
    );
  });

  test('localBenchmark: every indicator, with any inputs missing', () => {
    const maybe = fc.option(amount, { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          sales: maybe,
          priorSales: maybe,
          operatingProfit: maybe,
          employees: maybe,
          borrowings: maybe,
          cash: maybe,
          depreciation: maybe,
          receivables: maybe,
          inventory: maybe,
          payables: maybe,
          netAssets: maybe,
          totalAssets: fc.option(amount, { nil: null }),
        }),
        (input) => Object.values(localBenchmark(input)).every(wellFormed),
      ),
      { numRuns: RUNS },
    );
  });
});

describe('shares and sums', () => {
  test('a recognition share is one of 0, 0.2, 0.4, 0.6, 0.8, 1 and never rises as maturity nears', () => {
    fc.assert(
      fc.property(anyFinite, anyFinite, (a, b) => {
        const [later, sooner] = a >= b ? [a, b] : [b, a];
        const s = capitalRecognitionShare(later);
        return [0, 0.2, 0.4, 0.6, 0.8, 1].includes(s) && capitalRecognitionShare(sooner) <= s;
      }),
      { numRuns: RUNS },
    );
  });

  test('repaymentCapacity: source − due = surplus, covers ⇔ surplus ≥ 0 (whole yen)', () => {
    fc.assert(
      fc.property(yen, yen, yen, (netIncome, depreciation, scheduledRepayment) => {
        const r = repaymentCapacity({ netIncome, depreciation, scheduledRepayment });
        return (
          r.repaymentSource === netIncome + depreciation &&
          r.surplus === r.repaymentSource - scheduledRepayment &&
          r.covers === r.repaymentSource >= scheduledRepayment
        );
      }),
      { numRuns: RUNS },
    );
  });

  test('substantiveNetWorth adds each loan’s recognised capital; insolvent ⇔ value < 0', () => {
    const loan = fc.record({
      balance: fc.integer({ min: 0, max: 1e10 }),
      remainingMonths: fc.integer({ min: -12, max: 300 }),
    });
    fc.assert(
      fc.property(yen, yen, fc.array(loan, { maxLength: 5 }), (book, adj, loans) => {
        const r = substantiveNetWorth({
          bookNetAssets: book,
          adjustments: adj,
          capitalLoans: loans,
        });
        let expected = 0;
        for (const l of loans) expected += recognizedCapital(l.balance, l.remainingMonths);
        return (
          r.recognizedCapital === expected &&
          r.value === book + adj + expected &&
          r.insolvent === r.value < 0 &&
          Number.isFinite(r.value)
        );
      }),
      { numRuns: RUNS },
    );
  });
});
