import { readFileSync } from 'fs';
import { join } from 'path';
import { Case, parseCaseFile, simulate, toEpochDay } from '../../../engine';
import { catalogPrograms } from '../../../engine/programs';
import {
  closedYearDebtRepaymentYears,
  closedYearInterestBearingDebt,
  existingCapitalAtClose,
} from '../../../engine/projection/closed-year';
import { simpleCase } from './fixtures';

/**
 * Eligibility's 債務償還年数 (latest closed year) leaves out existing capital-type loans for
 * the share recognised as capital, as the plan checks do (domain.md §6).
 */

const capitalLoan = (id: string, principal: number, termMonths: number, startDate: number) => ({
  id,
  name: '資本性劣後ローン',
  lender: 'JFC',
  rate: { type: 'fixed' as const, annualRate: 0.005 },
  terms: {
    principal,
    termMonths,
    graceMonths: 0,
    method: 'bullet' as const,
    dayCount: 'ACT/365F' as const,
    startDate,
    rounding: 'floor' as const,
    guaranteeFeeRate: 0,
  },
  capitalType: { lossRate: 0.005, profitRate: 0.03 },
});

describe('the closed year with existing capital-type loans', () => {
  // The simple case closes March 2027 (as of 2027-04-01): 120,000,000 senior; profit 15,000,000,
  // depreciation 5,000,000, tax 30 % → cash flow 15,500,000; cash 30,000,000; working capital
  // 20 + 10 − 10 = 20,000,000.
  const base = simpleCase();
  const c: Case = simpleCase({
    stack: {
      ...base.stack,
      loans: [
        ...base.stack.loans,
        // 50 payments from May 2027, all after March 2027: 4 whole years → 80 % of 30,000,000.
        capitalLoan('K1', 30_000_000, 50, toEpochDay(2027, 4, 1)),
        // Drawn 2023-04-01 for 60 months: last payment April 2028, 13 left → 1 year → 20 %.
        capitalLoan('K2', 10_000_000, 60, toEpochDay(2023, 4, 1)),
      ],
    },
  });

  test('debt = 160,000,000 − 24,000,000 − 2,000,000; years = (134 − 30 − 20) / 15.5', () => {
    const debt = closedYearInterestBearingDebt(c, existingCapitalAtClose(c));
    expect(debt).toBe(134_000_000);
    expect(closedYearDebtRepaymentYears(c, debt)).toBeCloseTo(84 / 15.5, 12); // 5.419…
    // Counted in full it would read (160 − 50) / 15.5 = 7.10 years.
    expect(closedYearDebtRepaymentYears(c, 160_000_000)).toBeCloseTo(110 / 15.5, 12);
  });
});

describe('eligibility of the crisis-recovery loan (債務償還年数 13年超) with an existing capital-type loan', () => {
  // Lodging (thousand yen): closed year FY to March 2026, cash flow 10,700 + 10,000 − 3,210 =
  // 17,490; cash 10,000; working capital 3,000 + 2,000 − 5,000 = 0. B1 cut to 100,000 and a
  // 20,000 capital-type loan K1 added: senior debt 230,000, with K1 250,000.
  function lodgingWith(k1TermMonths: number): Case {
    const json = JSON.parse(
      readFileSync(
        join(__dirname, '../../../scenarios/lodging-crisis-refinance.case.json'),
        'utf8',
      ),
    ) as { loans: Record<string, unknown>[] };
    json.loans = json.loans.map((l) => (l.id === 'B1' ? { ...l, principal: 100_000 } : l));
    json.loans.push({
      id: 'K1',
      name: '資本性劣後ローン',
      lender: '日本政策金融公庫',
      principal: 20_000,
      termMonths: k1TermMonths,
      method: 'bullet',
      capitalType: { lossRate: '0.50%', profitRate: '3.00%' },
    });
    const parsed = parseCaseFile(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value;
  }
  function debtYearsIssue(c: Case) {
    const out = simulate(c, catalogPrograms(c.programOverrides));
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    return out.results.cells
      .find((x) => x.strategyId === 'crisis-20y' && x.shock === null)!
      .eligibility.find((e) => e.rule === 'min-debt-repayment-years');
  }

  test('K1 with 120 months left is all capital: (230,000 − 10,000) / 17,490 = 12.58 years, not eligible', () => {
    const issue = debtYearsIssue(lodgingWith(120));
    expect(issue?.severity).toBe('error');
    expect(issue?.messageJa).toContain('債務償還年数 12.58年');
  });

  test('K1 with 36 months left is 60 % capital: (238,000 − 10,000) / 17,490 = 13.04 years, eligible', () => {
    // Counted in full it would read (250,000 − 10,000) / 17,490 = 13.72: eligible either way, but
    // 13.04 shows the 8,000 not recognised is counted as debt.
    const c = lodgingWith(36);
    expect(closedYearInterestBearingDebt(c, existingCapitalAtClose(c))).toBe(238_000_000);
    expect(closedYearDebtRepaymentYears(c, 238_000_000)).toBeCloseTo(228_000 / 17_490, 12);
    expect(debtYearsIssue(c)).toBeUndefined();
  });
});
