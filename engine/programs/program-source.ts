import { Case, JfcUnit, Strategy } from '../case/case';
import { EligibilityIssue, ProgramSource } from '../grid/simulate';
import {
  ClosedYearResult,
  closedYearDebtRepaymentYears,
  closedYearInterestBearingDebt,
} from '../projection/closed-year';
import { CapitalLoan, ProgramPricing, StrategyBook } from '../strategy/apply-strategy';
import { formatIsoDate } from '../time/civil-date';
import { capitalLoanRate } from './capital-rate';
import {
  Program,
  ProgramSelection,
  findProgram,
  programPurposes,
  programUnits,
  resolveRate,
  resolveTerms,
  withOverrides,
} from './catalog';
import { BorrowerFacts, ProgramIssue, ProgramRequest, checkEligibility } from './eligibility';
import { borrowerFacts, subsidyRoute } from './case-facts';
import { optionPricing, subsidisedFee, termPricing } from './program-pricing';
import { termsUsed } from './terms-used';

/**
 * The variant of a program a strategy's loan takes: the case's JFC unit where terms differ by
 * unit; working capital where they differ by purpose (refinancing existing debt is a working-
 * capital use).
 */
export function selectionFor(program: Program, unit: JfcUnit): ProgramSelection {
  return {
    unit: programUnits(program).length ? unit : undefined,
    purpose: programPurposes(program).length ? 'working' : undefined,
  };
}

type Find = (id: string) => Program | undefined;

function pricing(find: Find, id: string, unit: JfcUnit, c?: Case): ProgramPricing | undefined {
  const program = find(id);
  if (!program) return undefined;
  const terms = resolveTerms(program, selectionFor(program, unit));
  const rate = terms.rate;
  const fee = c
    ? subsidisedFee(terms, subsidyRoute(c.facts), formatIsoDate(c.asOf)).rate
    : terms.guaranteeFeeRate;
  return {
    id,
    method: terms.method,
    baseRate: (termMonths) =>
      rate.kind === 'base'
        ? termPricing(rate, termMonths).rate
        : rate.kind === 'lender-set'
          ? rate.annualRate
          : null,
    guaranteeFeeRate: fee,
    rateOptions: (ids) =>
      rate.kind === 'base' ? optionPricing(rate, ids) : { delta: 0, initial: null },
  };
}

function toIssue(loanId: string, programId: string, issue: ProgramIssue): EligibilityIssue {
  return {
    loanId,
    programId,
    rule: issue.rule,
    severity: issue.severity,
    messageJa: issue.messageJa,
    messageEn: issue.messageEn,
  };
}

/** One new loan of a strategy, as the eligibility rules see it. */
export interface NewLoan {
  loanId: string;
  programId: string;
  request: Omit<ProgramRequest, 'unit' | 'purpose'>;
  facts: BorrowerFacts;
}

/**
 * A strategy's new loans with what each is checked on. The k-th refinancing of the book is the
 * strategy's k-th refinance action (applyStrategy adds them in order).
 */
export function newLoans(
  c: Case,
  book: StrategyBook,
  statusQuo: { debtRepaymentYears: number | null },
  strategy?: Strategy,
): NewLoan[] {
  const actions = (strategy?.actions ?? []).filter((a) => a.kind === 'refinance');
  const remaining = (id: string) => c.stack.loans.find((l) => l.id === id)?.terms.termMonths ?? 0;
  // A refinancing meets its threshold with the debt as the strategy leaves it: its capital-type
  // loans (DDS) are left out while recognised as capital, as the checks' measure does. A
  // capital-type loan itself is judged on the debt before it (過剰債務 is the state it cures).
  // (each capital-type loan, existing or new, by its payments left after the closed year)
  const refinancingYears = book.capital.some((l) => l.origin !== 'existing')
    ? closedYearDebtRepaymentYears(c, closedYearInterestBearingDebt(c, book.capital))
    : statusQuo.debtRepaymentYears;
  return [
    ...book.refinancings.map((r, k) => {
      const action = actions[k];
      return {
        loanId: r.newLoanId,
        programId: r.programId,
        request: {
          amountYen: r.amount,
          termMonths: r.termMonths,
          graceMonths: r.graceMonths,
          replacedRemainingMonths: r.replacedRemainingMonths,
          replacedLoans: r.replaced.map((id) => ({ id, remainingMonths: remaining(id) })),
          drawdownDate: c.asOf,
          rateOptions: action?.rateOptions,
          baseRateGiven: action?.baseRate !== undefined,
        },
        facts: borrowerFacts(c, book, r.newLoanId, refinancingYears, undefined),
      };
    }),
    // Capital-type loans already on the books were granted before: nothing to check.
    ...book.capital
      .filter((loan) => loan.origin !== 'existing')
      .map((loan) => ({
        loanId: loan.id,
        programId: loan.programId,
        request: {
          amountYen: loan.amount,
          termMonths: loan.termMonths,
          graceMonths: 0,
          drawdownDate: loan.startDate,
        },
        facts: borrowerFacts(
          c,
          book,
          loan.id,
          statusQuo.debtRepaymentYears,
          loan.privateBankSupport,
        ),
      })),
  ];
}

function eligibility(
  find: Find,
  c: Case,
  book: StrategyBook,
  statusQuo: { debtRepaymentYears: number | null },
  strategy?: Strategy,
): EligibilityIssue[] {
  return newLoans(c, book, statusQuo, strategy).flatMap(({ loanId, programId, request, facts }) => {
    const program = find(programId)!;
    const result = checkEligibility(
      program,
      { ...request, ...selectionFor(program, c.profile.jfcUnit) },
      facts,
    );
    return result.issues.map((i) => toIssue(loanId, programId, i));
  });
}

/**
 * A capital-type loan's rate for a year. JFC's programs: the performance-linked rule, 赤字 / 黒字
 * read on the program's profit line; a bank's DDS (lender-set): its fixed rate every year.
 */
function capitalRate(
  program: Program,
  loan: CapitalLoan,
  yearIndex: number,
  previousYear: boolean | ClosedYearResult,
): number {
  const rule = resolveRate(program);
  if (rule.kind === 'lender-set') {
    if (rule.annualRate === null) throw new Error(`Program ${program.id} needs an annualRate`);
    return rule.annualRate;
  }
  const profitable =
    typeof previousYear === 'boolean'
      ? previousYear
      : rule.kind === 'performance-linked' && rule.profitLine === 'ordinary-profit'
        ? previousYear.ordinaryProfit > 0
        : previousYear.netIncome > 0;
  return capitalLoanRate(program, {
    termMonths: loan.termMonths,
    yearIndex,
    previousYearProfitable: profitable,
    privateBankSupport: loan.privateBankSupport,
  }).rate;
}

/**
 * The program catalog behind the grid's ProgramSource interface, with a case's overrides of
 * program terms applied (checked already when the case was read; an invalid one throws here).
 */
export function catalogPrograms(overrides: Record<string, unknown> = {}): ProgramSource {
  const changed = new Map<string, Program>();
  for (const [id, patch] of Object.entries(overrides)) {
    const program = findProgram(id);
    const result = program && withOverrides(program, patch);
    if (!result || !result.ok) throw new Error(`program overrides for ${id} are invalid`);
    changed.set(id, result.value);
  }
  const find: Find = (id) => changed.get(id) ?? findProgram(id);
  return {
    pricing: (id, unit, c) => pricing(find, id, unit, c),
    capitalRate: (loan, yearIndex, previousYear) =>
      capitalRate(find(loan.programId)!, loan, yearIndex, previousYear),
    eligibility: (c, book, statusQuo, strategy) => eligibility(find, c, book, statusQuo, strategy),
    termsUsed: (c, book, strategy) => termsUsed(find, c, book, strategy, overrides),
  };
}

/** The catalog as published, without overrides. */
export const CATALOG_PROGRAMS: ProgramSource = catalogPrograms();
