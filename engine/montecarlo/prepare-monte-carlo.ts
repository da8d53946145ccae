import { daysInMonth, fromEpochDay, toEpochDay } from '../time/civil-date';
import { fiscalYearOf } from '../time/fiscal-year';
import { Case, loanConventions } from '../case/case';
import { FieldError } from '../input/field-reader';
import { applyStrategy } from '../strategy/apply-strategy';
import { projectCase } from '../projection/project';
import { yearMeasures } from '../projection/year-measures';
import { CheckResult, planChecks } from '../checks/plan-checks';
import { ProgramSource } from '../grid/simulate';
import {
  MonthlyTransition,
  ShortRateModel,
  checkShortRateModel,
  monthlyTransition,
} from './short-rate-model';
import { RatePathGrid, driftSteps, ratePathGrid, stepIndexOn } from './rate-paths';
import { RevenueShockModel, checkRevenueShockModel } from './revenue-shock';
import { PreparedStrategy, prepareStrategy } from './path-projection';
import { VariableLoanSet } from './variable-loans';
import { PathMetric } from './monte-carlo-results';

/** What a Monte Carlo run is asked for. */
export interface MonteCarloOptions {
  /** Number of paths (1…1,000,000). */
  paths: number;
  /** Whole number 0…2^53 − 1; the same seed gives the same results anywhere. */
  seed: number;
  model: ShortRateModel;
  revenue: RevenueShockModel;
}

export const MAX_PATHS = 1_000_000;

/** A run prepared: everything that does not depend on the path, for every strategy. */
export interface MonteCarloPlan {
  c: Case;
  options: MonteCarloOptions;
  grid: RatePathGrid;
  transition: MonthlyTransition;
  drift: Float64Array;
  fiscalYears: number[];
  /** Path steps whose innovations belong to each plan year: [first, count) per year. */
  yearFirstStep: Int32Array;
  yearStepCount: Int32Array;
  /** The path step in force on each plan year's last day. */
  yearEndStep: Int32Array;
  /** The path-dependent loans of all strategies, each distinct loan once. */
  loans: VariableLoanSet;
  strategies: {
    id: string;
    name: string;
    prepared: PreparedStrategy;
    /** planChecks on the unshocked projection: which checks run, and the deterministic answer. */
    checks: CheckResult[];
    deterministic: Record<PathMetric, (number | null)[]>;
  }[];
}

export type PrepareOutcome =
  { ok: true; plan: MonteCarloPlan } | { ok: false; errors: FieldError[] };

export function checkMonteCarloOptions(o: MonteCarloOptions): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isInteger(o.paths) || o.paths < 1 || o.paths > MAX_PATHS)
    errors.push({
      field: 'paths',
      message: `must be a whole number from 1 to ${MAX_PATHS}`,
      value: o.paths,
    });
  if (!Number.isSafeInteger(o.seed) || o.seed < 0)
    errors.push({
      field: 'seed',
      message: 'must be a whole number from 0 to 2^53 − 1',
      value: o.seed,
    });
  return [...errors, ...checkShortRateModel(o.model), ...checkRevenueShockModel(o.revenue)];
}

/**
 * Resolves a case for Monte Carlo: each strategy applied to the debt, everything no path can
 * change computed once, and the unshocked projection with its checks (the reference, and the
 * list of checks). Errors: bad options, or a strategy the grid would refuse too.
 */
export function prepareMonteCarlo(
  c: Case,
  programs: ProgramSource,
  options: MonteCarloOptions,
): PrepareOutcome {
  const errors = checkMonteCarloOptions(options);
  const books = c.strategies.map((strategy, i) => {
    const r = applyStrategy(
      c.stack.loans,
      strategy,
      c.asOf,
      (id) => programs.pricing(id, c.profile.jfcUnit, c),
      `strategies[${i}]`,
      loanConventions(c),
      c.stack.indexes,
    );
    errors.push(...r.errors);
    // The paths project contract schedules only: a council plan's pool would silently vanish.
    if (r.book.plan)
      errors.push({
        field: `strategies[${i}]`,
        message: 'has a pro-rata-plan, which montecarlo does not simulate yet: use run',
        value: strategy.id,
      });
    return r.book;
  });
  if (errors.length > 0) return { ok: false, errors };

  const endMonth = c.profile.fiscalYearEndMonth;
  const firstYear = fiscalYearOf(c.asOf + 1, endMonth);
  const horizon = c.plan.length;
  const fiscalYears = Array.from({ length: horizon }, (_, t) => firstYear + t);
  const yearEnd = (fy: number) => toEpochDay(fy, endMonth, daysInMonth(fy, endMonth));
  // Monthly steps from the analysis date through the month of the plan's last day.
  const a = fromEpochDay(c.asOf);
  const months = (firstYear + horizon - 1) * 12 + endMonth - (a.year * 12 + a.month) + 1;
  const grid = ratePathGrid(c.asOf, Math.max(1, months));
  const yearFirstStep = new Int32Array(horizon);
  const yearStepCount = new Int32Array(horizon);
  for (let m = 1; m <= grid.months; m++) {
    const t = fiscalYearOf(grid.stepDates[m], endMonth) - firstYear;
    if (t < 0 || t >= horizon) continue;
    if (yearStepCount[t] === 0) yearFirstStep[t] = m;
    yearStepCount[t]++;
  }
  const yearEndStep = Int32Array.from(fiscalYears, (fy) => stepIndexOn(grid, yearEnd(fy)));

  const unshocked = {
    indexes: c.stack.indexes,
    shock: null,
    mode: 'realistic' as const,
    asOf: c.asOf,
  };
  const loans = new VariableLoanSet();
  const strategies = c.strategies.map((strategy, i) => {
    const book = books[i];
    const { years } = projectCase(c, book, unshocked, programs.capitalRate);
    const measures = yearMeasures(c, years);
    const deterministic = {
      interest: years.map((y) => y.interest),
      debtService: years.map((y) => y.debtService),
      dscr: measures.map((m) => m.dscr.value),
      cash: years.map((y) => y.cash),
      lowestCash: years.map((y) => y.lowestCash),
      ordinaryProfit: years.map((y) => y.ordinaryProfit),
    };
    return {
      id: strategy.id,
      name: strategy.name,
      prepared: prepareStrategy(c, book, grid, programs.capitalRate, loans),
      checks: planChecks(years, measures, c.thresholds),
      deterministic,
    };
  });
  return {
    ok: true,
    plan: {
      c,
      options,
      grid,
      transition: monthlyTransition(options.model),
      drift: driftSteps(options.model, grid.months),
      fiscalYears,
      yearFirstStep,
      yearStepCount,
      yearEndStep,
      loans,
      strategies,
    },
  };
}
