import { Case, JfcUnit, Strategy, loanConventions } from '../case/case';
import { RepriceMode, RateScenario } from '../rates/rate-rule';
import { Shock, shockLabel } from '../rates/shock';
import { FieldError } from '../input/field-reader';
import { ProgramPricing, StrategyBook, applyStrategy } from '../strategy/apply-strategy';
import { CapitalRateRule, Projection, ProjectedYear, projectCase } from '../projection/project';
import { YearMeasures, yearMeasures } from '../projection/year-measures';
import { CheckResult, planChecks } from '../checks/plan-checks';
import { CellPlan, cellPlan } from '../plan/plan-summary';
import {
  closedYearDebtRepaymentYears,
  closedYearInterestBearingDebt,
  existingCapitalAtClose,
} from '../projection/closed-year';

/** An eligibility finding on a strategy's program loan (from the program catalog's rules). */
export interface EligibilityIssue {
  loanId: string;
  programId: string;
  rule: string;
  severity: 'error' | 'warning';
  messageJa: string;
  messageEn: string;
}

/** One program term a strategy's new loan uses: its value and its source, or why it is assumed. */
export interface ProgramTermUsed {
  /** The term's path in the catalog (`rate.baseRate`, `guaranteeFeeRate` …). */
  term: string;
  value: number | string | boolean | null;
  /** `source`: from the sources (cited); `assumed`: the catalog's assumption; `case`: set by the case. */
  basis: 'source' | 'assumed' | 'case';
  /** The citation, the reason for the assumption, or the case's field. */
  note: string;
}

export interface ProgramTermsUsed {
  strategyId: string;
  loanId: string;
  programId: string;
  programName: string;
  terms: ProgramTermUsed[];
}

/** What the grid needs from the program catalog (kept behind an interface: the catalog is data). */
export interface ProgramSource {
  /** A new loan's pricing; the case, when given, decides case-dependent terms (a fee subsidy). */
  pricing(id: string, unit: JfcUnit, c?: Case): ProgramPricing | undefined;
  capitalRate: CapitalRateRule;
  /** Checks the strategy's new loans against their programs, given the latest closed year's 債務償還年数. */
  eligibility(
    c: Case,
    book: StrategyBook,
    statusQuo: { debtRepaymentYears: number | null },
    strategy?: Strategy,
  ): EligibilityIssue[];
  /** Every term of the programs a strategy's new loans use, with its source or "assumed". */
  termsUsed?(c: Case, book: StrategyBook, strategy: Strategy): ProgramTermsUsed[];
}

export interface CellSummary {
  totalInterest: number;
  totalDebtService: number;
  lowestDscr: number | null;
  /** The earliest first-breach year over the checks that failed, or null. */
  firstBreachYear: number | null;
  failedChecks: string[];
  debtYearsAtEnd: number | null;
  /**
   * Change of plan year 1's 経常利益 against the same strategy unshocked, as a share of the
   * unshocked figure (−0.021 = −2.1 %, the 帝国データバンク table's column); null when the
   * unshocked 経常利益 is not positive.
   */
  ordinaryProfitChange: number | null;
  eligible: boolean;
}

export interface GridCell {
  strategyId: string;
  shock: Shock | null;
  shockLabel: string;
  mode: RepriceMode;
  years: ProjectedYear[];
  measures: YearMeasures[];
  checks: CheckResult[];
  eligibility: EligibilityIssue[];
  summary: CellSummary;
  /** The debt the strategy leaves, loan by loan (senior in `book.senior`'s order). */
  book: StrategyBook;
  /** The monthly flows behind the years: what a workbook's schedule sheet shows. */
  schedules: Pick<Projection, 'seniorSchedules' | 'capitalFlows'>;
  /** The council plan (金融機関別返済計画, 経済合理性) when the strategy has a `pro-rata-plan`. */
  plan?: CellPlan;
  /** The pool's monthly detail behind `plan` (for the 資金繰り表). */
  pool?: Projection['plan'];
}

export interface Results {
  strategies: { id: string; name: string }[];
  /** The program terms each strategy's new loans were priced and checked on, sourced or assumed. */
  programTerms?: ProgramTermsUsed[];
  /** "±0" (no shock) first, then the case's shocks. */
  shockLabels: string[];
  cells: GridCell[];
}

export type SimulateOutcome = { ok: true; results: Results } | { ok: false; errors: FieldError[] };

/**
 * Every strategy under every shock (and the unshocked base) in every mode: projections,
 * measures, checks and a summary row per cell. Strategy errors (unknown loan or program, a
 * DDS larger than the loans) stop the run and are all reported.
 */
export function simulate(c: Case, programs: ProgramSource): SimulateOutcome {
  const errors: FieldError[] = [];
  const books = c.strategies.map((strategy, i) => {
    const { book, errors: e } = applyStrategy(
      c.stack.loans,
      strategy,
      c.asOf,
      (id) => programs.pricing(id, c.profile.jfcUnit, c),
      `strategies[${i}]`,
      loanConventions(c),
      c.stack.indexes,
    );
    errors.push(...e);
    return book;
  });
  if (errors.length > 0) return { ok: false, errors };

  const shocks: (Shock | null)[] = [null, ...c.shocks];
  const scenario = (shock: Shock | null, mode: RepriceMode): RateScenario => ({
    indexes: c.stack.indexes,
    shock,
    mode,
    asOf: c.asOf,
  });
  // Eligibility reads 債務償還年数 of the latest closed year (直近決算) with today's debt, its
  // existing capital-type loans left out while recognised as capital (as the checks do).
  const baseYears = closedYearDebtRepaymentYears(
    c,
    closedYearInterestBearingDebt(c, existingCapitalAtClose(c)),
  );

  const cells: GridCell[] = [];
  c.strategies.forEach((strategy, i) => {
    const book = books[i];
    const eligibility = programs.eligibility(c, book, { debtRepaymentYears: baseYears }, strategy);
    let unshockedProfit = 0;
    for (const shock of shocks) {
      for (const mode of shock === null ? (['realistic'] as RepriceMode[]) : c.modes) {
        const { years, seniorSchedules, capitalFlows, plan } = projectCase(
          c,
          book,
          scenario(shock, mode),
          programs.capitalRate,
        );
        const measures = yearMeasures(c, years);
        const checks = planChecks(years, measures, c.thresholds);
        // Shocks come after the unshocked cell (shocks[0] is null).
        if (shock === null) unshockedProfit = years[0].ordinaryProfit;
        const change =
          unshockedProfit > 0
            ? (years[0].ordinaryProfit - unshockedProfit) / unshockedProfit
            : null;
        cells.push({
          strategyId: strategy.id,
          shock,
          shockLabel: shock ? shockLabel(shock) : '±0',
          mode,
          years,
          measures,
          checks,
          eligibility,
          book,
          schedules: { seniorSchedules, capitalFlows },
          plan:
            plan && book.plan
              ? cellPlan(c, book.plan.action, plan, years, measures, checks, c.thresholds)
              : undefined,
          pool: plan,
          summary: {
            ...summarize(years, measures, checks, eligibility),
            ordinaryProfitChange: change,
          },
        });
      }
    }
  });
  return {
    ok: true,
    results: {
      strategies: c.strategies.map((s) => ({ id: s.id, name: s.name })),
      ...(programs.termsUsed && {
        programTerms: c.strategies.flatMap((s, i) => programs.termsUsed!(c, books[i], s)),
      }),
      shockLabels: shocks.map((s) => (s ? shockLabel(s) : '±0')),
      cells,
    },
  };
}

function summarize(
  years: ProjectedYear[],
  measures: YearMeasures[],
  checks: CheckResult[],
  eligibility: EligibilityIssue[],
): Omit<CellSummary, 'ordinaryProfitChange'> {
  const dscrs = measures.map((m) => m.dscr.value).filter((v): v is number => v !== null);
  const failed = checks.filter((ch) => !ch.pass);
  const breaches = failed.map((ch) => ch.firstBreachYear).filter((y): y is number => y !== null);
  return {
    totalInterest: years.reduce((s, y) => s + y.interest, 0),
    totalDebtService: years.reduce((s, y) => s + y.debtService, 0),
    lowestDscr: dscrs.length ? Math.min(...dscrs) : null,
    firstBreachYear: breaches.length ? Math.min(...breaches) : null,
    failedChecks: failed.map((ch) => ch.id),
    debtYearsAtEnd: measures[measures.length - 1].debtRepaymentYears.value,
    eligible: !eligibility.some((e) => e.severity === 'error'),
  };
}
