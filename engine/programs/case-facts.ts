import { Case, CaseFacts } from '../case/case';
import { StrategyBook } from '../strategy/apply-strategy';
import { findProgram } from './catalog';
import { BorrowerFacts } from './eligibility';
import { SubsidyRoute } from './program-pricing';

/**
 * 小規模企業者 from the head count where it decides: at most 5 employees in every sector
 * (商業・サービス業 ≤ 5, others ≤ 20), more than 20 in none; 6–20 depend on the sector, and 0
 * is the reader's default for "not given", so both stay unknown.
 */
export function smallEnterpriseFromEmployees(employees: number): boolean | undefined {
  if (employees >= 1 && employees <= 5) return true;
  if (employees > 20) return false;
  return undefined;
}

/**
 * The facts one new loan of a strategy is checked on: what the case states, else what the
 * debt stack shows — guaranteed balances left after the strategy (loans with a guarantee fee,
 * the new loan itself excepted), a proper bank loan (1 year or more) the same strategy draws
 * alongside, 小規模企業者 from the head count. Anything else left out stays undefined.
 */
export function borrowerFacts(
  c: Case,
  book: StrategyBook,
  loanId: string,
  debtRepaymentYears: number | null,
  actionSupport: boolean | undefined,
): BorrowerFacts {
  const f: CaseFacts = c.facts;
  const guaranteed = book.senior
    .filter((l) => l.id !== loanId && (l.terms.guaranteeFeeRate ?? 0) > 0)
    .reduce((sum, l) => sum + l.terms.principal, 0);
  const proper = book.refinancings.filter((r) => {
    const p = findProgram(r.programId);
    return r.newLoanId !== loanId && p?.lender === 'bank' && !p.capitalType && r.termMonths >= 12;
  });
  return {
    debtRepaymentYears,
    hasCrisisEraDebt: f.hasCrisisEraDebt,
    crisisEraLoanIds: f.crisisEraLoanIds,
    hasImprovementPlan: f.hasImprovementPlan,
    privateBankSupport: actionSupport === true ? true : f.privateBankSupport,
    isSmallEnterprise: f.isSmallEnterprise ?? smallEnterpriseFromEmployees(c.profile.employees),
    existingGuaranteedYen: f.existingGuaranteedYen ?? guaranteed,
    concurrentProperLoanYen:
      f.concurrentProperLoanYen ??
      (proper.length ? proper.reduce((sum, r) => sum + r.amount, 0) : undefined),
    salesChangeRate: f.salesChangeRate,
    successionOrConsolidation: f.successionOrConsolidation,
    payrollChangeRate: f.payrollChangeRate,
  };
}

/**
 * The route of a subsidised guarantee fee the case takes: ① when it states a proper loan drawn
 * alongside, else ② when its plan is bank-supported, else none (the fee before subsidy).
 */
export function subsidyRoute(facts: CaseFacts): SubsidyRoute {
  if ((facts.concurrentProperLoanYen ?? 0) > 0) return 'proper-loan';
  if (facts.hasImprovementPlan && facts.privateBankSupport) return 'supported-plan';
  return null;
}
