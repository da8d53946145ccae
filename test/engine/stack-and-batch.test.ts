import {
  DebtStack,
  LoanBatch,
  METHOD_CODE,
  RateScenario,
  addByFiscalYear,
  allocateLoanBatch,
  buildSchedule,
  emptyFiscalYears,
  fiscalYearOf,
  loanRates,
  runBatch,
  standardShocks,
  stressStack,
  toEpochDay,
  toRateUnits,
} from '../../engine';
import { syntheticStack } from '../../bench/synthetic';

describe('fiscal years', () => {
  test('a fiscal year is named by the year it ends in', () => {
    expect(fiscalYearOf(toEpochDay(2027, 3, 31), 3)).toBe(2027);
    expect(fiscalYearOf(toEpochDay(2027, 4, 1), 3)).toBe(2028);
    expect(fiscalYearOf(toEpochDay(2027, 12, 31), 12)).toBe(2027);
    expect(fiscalYearOf(toEpochDay(2027, 10, 1), 9)).toBe(2028);
  });

  test('a 12-month loan drawn Dec 1 splits 4 + 8 payments across March year-ends', () => {
    const terms = {
      principal: 12_000_000,
      termMonths: 12,
      graceMonths: 0,
      method: 'equal-principal' as const,
      dayCount: '30/360' as const,
      startDate: toEpochDay(2026, 12, 1),
      rounding: 'floor' as const,
      guaranteeFeeRate: 0,
    };
    const schedule = buildSchedule(terms, new Float64Array(12).fill(toRateUnits(0.012)));
    const fy = emptyFiscalYears(2027, 3, 3);
    addByFiscalYear(schedule, fy);
    // Payments Jan 1 … Mar 1 2027 (3) fall in 2027年3月期; Apr 2027 … Dec 2027 (9) in 2028年3月期.
    expect(Array.from(fy.principal)).toEqual([3_000_000, 9_000_000, 0]);
    expect(Array.from(fy.closing)).toEqual([9_000_000, 0, 0]);
    // 30/360 interest is balance × 1.2 % / 12 = balance × 0.001: 12,000 + 11,000 + 10,000.
    expect(fy.interest[0]).toBe(33_000);
    expect(fy.interest[0] + fy.interest[1]).toBe(schedule.totals.interest);
  });
});

describe('batch kernel', () => {
  const stack: DebtStack = syntheticStack(40, 11);
  const scenarios: RateScenario[] = [null, ...standardShocks()].map((shock, i) => ({
    indexes: stack.indexes,
    shock,
    mode: i % 2 === 0 ? 'realistic' : 'full-reprice',
    asOf: stack.asOf,
  }));

  function batchOf(s: DebtStack): LoanBatch {
    const batch = allocateLoanBatch(s.loans.length);
    s.loans.forEach((loan, i) => {
      batch.principal[i] = loan.terms.principal;
      batch.termMonths[i] = loan.terms.termMonths;
      batch.graceMonths[i] = loan.terms.graceMonths;
      batch.method[i] = METHOD_CODE[loan.terms.method];
      batch.startDate[i] = loan.terms.startDate;
      batch.feeUnits[i] = toRateUnits(loan.terms.guaranteeFeeRate);
      batch.rules[i] = loan.rate;
    });
    return batch;
  }

  test('gives every loan and fiscal year exactly what one schedule at a time gives', () => {
    const result = runBatch(batchOf(stack), scenarios, {
      fiscalYearEndMonth: 3,
      firstFiscalYear: 2027,
      years: 25,
    });
    scenarios.forEach((scenario, p) => {
      const byYear = emptyFiscalYears(2027, 25, 3);
      stack.loans.forEach((loan, i) => {
        const schedule = buildSchedule(loan.terms, loanRates(loan, scenario));
        addByFiscalYear(schedule, byYear);
        expect(result.interestByLoan[p * stack.loans.length + i]).toBe(schedule.totals.interest);
        expect(result.principalByLoan[p * stack.loans.length + i]).toBe(loan.terms.principal);
        expect(result.feeByLoan[p * stack.loans.length + i]).toBe(schedule.totals.fee);
      });
      expect(Array.from(result.interestByYear.subarray(p * 25, (p + 1) * 25))).toEqual(
        Array.from(byYear.interest),
      );
      expect(Array.from(result.principalByYear.subarray(p * 25, (p + 1) * 25))).toEqual(
        Array.from(byYear.principal),
      );
    });
  });
});

describe('stack stress', () => {
  test('full reprice of a 2.7億円 stack at +0.25 % costs about 68万円 a year (the 帝国データバンク figure)', () => {
    const asOf = toEpochDay(2027, 4, 1);
    const stack: DebtStack = {
      name: 'average firm',
      asOf,
      fiscalYearEndMonth: 3,
      indexes: {
        'short-prime': { rate: 0.02125, steps: [] },
        tibor: { rate: 0.01, steps: [] },
        'jfc-base': { rate: 0.023, steps: [] },
      },
      loans: [
        {
          id: 'A',
          name: '',
          lender: '',
          rate: { type: 'fixed', annualRate: 0.0104 },
          terms: {
            principal: 270_000_000,
            termMonths: 12,
            graceMonths: 0,
            method: 'bullet',
            dayCount: 'ACT/365F',
            startDate: asOf,
            rounding: 'floor',
            guaranteeFeeRate: 0,
          },
        },
      ],
    };
    const report = stressStack(stack, standardShocks(), ['realistic', 'full-reprice']);
    const full = report.cells
      .filter((c) => c.mode === 'full-reprice')
      .map((c) => c.totalExtraInterest);
    // Apr 1 2027 → Apr 1 2028 is 366 days (Feb 29 2028): 2.7億 × 0.25 % × 366/365 = 676,849.3, i.e. +68万円;
    // × 0.5 % → 1,353,698.6; × 1 % → 2,707,397.3; × 2 % → 5,414,794.5 (± 1 yen of flooring per month).
    [676_849.3, 1_353_698.6, 2_707_397.3, 5_414_794.5].forEach((expected, i) =>
      expect(Math.abs(full[i] - expected)).toBeLessThanOrEqual(12),
    );
    // A fixed loan in realistic mode does not move.
    expect(
      report.cells.filter((c) => c.mode === 'realistic').map((c) => c.totalExtraInterest),
    ).toEqual([0, 0, 0, 0]);
    // Payments May 2027 … Mar 2028 fall in 2028年3月期, Apr 2028 in 2029年3月期.
    expect(report.fiscalYears).toEqual([2028, 2029]);
  });
});
