import { Case, JfcUnit } from '../case/case';
import { EligibilityIssue, ProgramSource } from '../grid/simulate';
import { ProgramPricing, StrategyBook } from '../strategy/apply-strategy';
import { capitalLoanRate } from './capital-rate';
import {
  Program,
  ProgramSelection,
  findProgram,
  programPurposes,
  programUnits,
  resolveTerms,
  withOverrides,
} from './catalog';
import { ProgramIssue, ProgramRequest, checkEligibility } from './eligibility';

/**
 * The variant of a program a strategy's loan takes: the case's JFC unit where terms differ by
 * unit; working capital where they differ by purpose (refinancing existing debt is a working-
 * capital use).
 */
function selectionFor(program: Program, unit: JfcUnit): ProgramSelection {
  return {
    unit: programUnits(program).length ? unit : undefined,
    purpose: programPurposes(program).length ? 'working' : undefined,
  };
}

type Find = (id: string) => Program | undefined;

function pricing(find: Find, id: string, unit: JfcUnit): ProgramPricing | undefined {
  const program = find(id);
  if (!program) return undefined;
  const terms = resolveTerms(program, selectionFor(program, unit));
  const rate = terms.rate;
  return {
    id,
    method: terms.method,
    baseRate: () =>
      rate.kind === 'base' ? rate.baseRate : rate.kind === 'lender-set' ? rate.annualRate : null,
    guaranteeFeeRate: terms.guaranteeFeeRate,
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
interface NewLoan {
  loanId: string;
  programId: string;
  request: Omit<ProgramRequest, 'unit' | 'purpose'>;
  privateBankSupport: boolean;
}

function eligibility(
  find: Find,
  c: Case,
  book: StrategyBook,
  statusQuo: { debtRepaymentYears: number | null },
): EligibilityIssue[] {
  const newLoans: NewLoan[] = [
    ...book.refinancings.map((r) => ({
      loanId: r.newLoanId,
      programId: r.programId,
      request: {
        amountYen: r.amount,
        termMonths: r.termMonths,
        graceMonths: r.graceMonths,
        replacedRemainingMonths: r.replacedRemainingMonths,
        drawdownDate: c.asOf,
      },
      privateBankSupport: false,
    })),
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
        privateBankSupport: loan.privateBankSupport,
      })),
  ];
  return newLoans.flatMap(({ loanId, programId, request, privateBankSupport }) => {
    const program = find(programId)!;
    const result = checkEligibility(
      program,
      { ...request, ...selectionFor(program, c.profile.jfcUnit) },
      {
        debtRepaymentYears: statusQuo.debtRepaymentYears,
        hasCrisisEraDebt: c.facts.hasCrisisEraDebt,
        hasImprovementPlan: c.facts.hasImprovementPlan,
        privateBankSupport,
      },
    );
    return result.issues.map((i) => toIssue(loanId, programId, i));
  });
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
    pricing: (id, unit) => pricing(find, id, unit),
    capitalRate: (loan, yearIndex, previousYearProfitable) =>
      capitalLoanRate(find(loan.programId)!, {
        termMonths: loan.termMonths,
        yearIndex,
        previousYearProfitable,
        privateBankSupport: loan.privateBankSupport,
      }).rate,
    eligibility: (c, book, statusQuo) => eligibility(find, c, book, statusQuo),
  };
}

/** The catalog as published, without overrides. */
export const CATALOG_PROGRAMS: ProgramSource = catalogPrograms();
