import { EpochDay, fromEpochDay } from '../time/civil-date';
import { yearBasis } from '../time/day-count';
import { monthlyPaymentSchedule } from '../time/payment-dates';
import { accrueFloor } from '../interest/accrue';
import { RATE_SCALE } from '../interest/rate-units';
import { RateScenario, fillLoanRates } from '../rates/rate-rule';
import { StackLoan, loanRates } from '../stack/debt-stack';
import { buildSchedule } from '../schedule/loan-schedule';
import type { Case } from '../case/case';
import type { CapitalLoan } from '../strategy/apply-strategy';
import { closedYearResult } from '../projection/closed-year';
import { ClosedYear, YearBudget, yearBudget } from './budget';
import { LenderCoverage, poolCoverage } from './coverage';
import { PoolShares, poolShares } from './shares';
import { allocateBudget } from './allocate';
import { monthlyParts, spreadOverLoans } from './spread';
import { CollateralItem, ProRataPlanAction } from './types';

/** The pool a strategy's `pro-rata-plan` action made: its loans leave the contract schedules. */
export interface PlanPool {
  action: ProRataPlanAction;
  loans: StackLoan[];
}

/** The plan's month grid arrays the projection sums (plan month g = t × 12 + m). */
export interface PlanGrid {
  interest: Float64Array;
  principal: Float64Array;
  fee: Float64Array;
  /** Balance after each month. */
  debt: Float64Array;
}

export interface PoolLoanYear {
  year: number;
  repayment: number;
  interest: number;
  closing: number;
}

export interface PoolLoanResult {
  id: string;
  name: string;
  lender: string;
  baseBalance: number;
  years: PoolLoanYear[];
}

export interface PoolLenderResult extends LenderCoverage {
  unsecured: number;
  share: number;
  baseBalance: number;
  years: { year: number; repayment: number; closing: number }[];
  /** Repayment and closing balance per plan month (t × 12 + m), for the 資金繰り表. */
  monthlyRepayment: number[];
  /** Interest and 保証料 per plan month. */
  monthlyInterest: number[];
  monthlyClosing: number[];
  loans: PoolLoanResult[];
}

/** What the pool did under one scenario. */
export interface PoolResult {
  shares: PoolShares;
  fcfShare: number;
  budget: (YearBudget & { year: number })[];
  lenders: PoolLenderResult[];
  /** Σ over every lender of the strategy's senior debt (pool or not) of claim − 保全: 清算配当率's. */
  allLendersUnsecured: number;
}

interface PoolLoanState {
  loan: StackLoan;
  lender: number;
  balance: number;
  baseBalance: number;
  /** Payment index (1-based period) paid in plan month g, or 0 when none falls in it. */
  periodOfMonth: Int32Array;
  days: Uint16Array;
  rates: Float64Array;
  basis: number;
  feeUnits: number;
  floor: boolean;
  /** The contract's principal by plan month (paid before the plan's first year). */
  contractPrincipal: Float64Array;
  result: PoolLoanResult;
}

/** The plan-grid month (0 = the plan's first month) of a day. */
function gridMonth(day: EpochDay, firstMonth: number): number {
  const { year, month } = fromEpochDay(day);
  return year * 12 + month - 1 - firstMonth;
}

function accrue(balance: number, rateTimesDays: number, basis: number, floor: boolean): number {
  return floor
    ? accrueFloor(balance, rateTimesDays, basis)
    : (balance * rateTimesDays) / (basis * RATE_SCALE);
}

/**
 * One pool loan on the plan's grid: its payment dates carried past its contract term (the plan
 * repays it, not the contract), its rates by its own rule under the scenario, and its balance on
 * the base date (the contract's payments before the plan's first month taken off).
 */
function loanState(
  loan: StackLoan,
  lender: number,
  scenario: RateScenario,
  firstMonth: number,
  months: number,
  withContract: boolean,
): PoolLoanState {
  const t = loan.terms;
  const startMonth = gridMonth(t.startDate, firstMonth);
  const periods = Math.max(t.termMonths, months - startMonth);
  const { dates, days } = monthlyPaymentSchedule(t.startDate, periods, t.dayCount);
  const rates = new Float64Array(periods);
  fillLoanRates(loan.rate, dates, periods, scenario, rates);
  const periodOfMonth = new Int32Array(months);
  const contractPrincipal = new Float64Array(months);
  let paidBefore = 0;
  let contract: ReturnType<typeof buildSchedule> | undefined;
  for (let k = 1; k <= periods; k++) {
    const g = gridMonth(dates[k], firstMonth);
    if (g >= months) break;
    if (g >= 0) {
      if (periodOfMonth[g] === 0) periodOfMonth[g] = k;
      if (withContract && k <= t.termMonths) {
        contract ??= buildSchedule(t, loanRates(loan, scenario));
        contractPrincipal[g] += contract.flows.principal[k - 1];
      }
    } else if (k <= t.termMonths) {
      contract ??= buildSchedule(t, loanRates(loan, scenario));
      paidBefore += contract.flows.principal[k - 1];
    }
  }
  const baseBalance = t.principal - paidBefore;
  return {
    loan,
    lender,
    balance: baseBalance,
    baseBalance,
    periodOfMonth,
    days,
    rates,
    basis: yearBasis(t.dayCount),
    feeUnits: Math.round(t.guaranteeFeeRate * RATE_SCALE),
    floor: t.rounding === 'floor',
    contractPrincipal,
    result: { id: loan.id, name: loan.name, lender: loan.lender, baseBalance, years: [] },
  };
}

/** The base year as a closed year: net income, capex and working capital as given (or derived). */
export function baseClosedYear(c: Case, firstYear: number, openingCash: number): ClosedYear {
  const b = c.base;
  return {
    fiscalYear: firstYear - 1,
    netIncome: closedYearResult(b).netIncome,
    depreciation: b.depreciation,
    capex: b.capex ?? 0,
    workingCapitalChange: b.workingCapitalChange ?? 0,
    cash: openingCash,
    revenue: b.revenue,
  };
}

/** Principal of capital-type loans maturing (bullet) in plan year t: outside the pool. */
function capitalBullets(capital: readonly CapitalLoan[], t: number, firstMonth: number): number {
  let sum = 0;
  for (const loan of capital) {
    const { dates } = monthlyPaymentSchedule(loan.startDate, loan.termMonths, 'ACT/365F');
    const g = gridMonth(dates[loan.termMonths], firstMonth);
    if (g >= t * 12 && g < t * 12 + 12) sum += loan.amount;
  }
  return sum;
}

/**
 * Runs a strategy's pro-rata pool inside the year-by-year projection: before each plan year
 * the projection hands over the last closed year; the pool decides the year's budget, shares
 * it among the lenders, spreads each lender's amount over its loans and months, accrues the
 * loans' interest and fees by their own rate rules, and adds all of it to the plan's grid.
 */
export class PoolRun {
  private readonly states: PoolLoanState[];
  private readonly coverage: LenderCoverage[];
  private readonly shares: PoolShares;
  private readonly lenders: PoolLenderResult[];
  private readonly budgets: (YearBudget & { year: number })[] = [];
  private readonly allLendersUnsecured: number;

  constructor(
    private readonly c: Case,
    private readonly pool: PlanPool,
    others: readonly StackLoan[],
    private readonly capital: readonly CapitalLoan[],
    scenario: RateScenario,
    private readonly firstYear: number,
    private readonly firstMonth: number,
    private readonly openingCash: number,
  ) {
    const months = c.plan.length * 12;
    const order: string[] = [];
    for (const l of pool.loans) if (!order.includes(l.lender)) order.push(l.lender);
    const lateStart = (pool.action.firstYear ?? firstYear) > firstYear;
    this.states = pool.loans.map((l) =>
      loanState(l, order.indexOf(l.lender), scenario, firstMonth, months, lateStart),
    );
    // Loans outside the pool count for lien claims at their contract balance on the base date.
    const covered = [
      ...this.states.map((s) => ({
        id: s.loan.id,
        lender: s.loan.lender,
        balance: s.baseBalance,
        guaranteeCoverage: s.loan.guaranteeCoverage,
        inPool: true,
      })),
      ...others.map((l) => ({
        id: l.id,
        lender: l.lender,
        balance: l.terms.principal,
        guaranteeCoverage: l.guaranteeCoverage,
        inPool: false,
      })),
    ];
    const collateral: CollateralItem[] = c.collateral ?? [];
    this.coverage = poolCoverage(covered, collateral, pool.action.guaranteeCountsAsSecured);
    this.shares = poolShares(this.coverage, pool.action.basis);
    this.allLendersUnsecured = poolCoverage(
      covered.map((l) => ({ ...l, inPool: true })),
      collateral,
      pool.action.guaranteeCountsAsSecured,
    ).reduce((sum, l) => sum + l.poolBalance - l.secured, 0);
    this.lenders = this.coverage.map((cov, i) => ({
      ...cov,
      unsecured: Math.max(0, cov.poolBalance - cov.secured),
      share: this.shares.shares[i],
      baseBalance: cov.poolBalance,
      years: [],
      monthlyRepayment: new Array<number>(months).fill(0),
      monthlyInterest: new Array<number>(months).fill(0),
      monthlyClosing: new Array<number>(months).fill(0),
      loans: this.states.filter((s) => s.lender === i).map((s) => s.result),
    }));
  }

  /** Plan year t (0-based): `prior` is year t − 1 as projected (undefined for t = 0: the base year). */
  runYear(t: number, prior: ClosedYear | undefined, grid: PlanGrid): void {
    if (this.firstYear + t < (this.pool.action.firstYear ?? this.firstYear))
      return this.runContractYear(t, grid);
    let outside = capitalBullets(this.capital, t, this.firstMonth);
    for (let g = t * 12; g < t * 12 + 12; g++) outside += grid.principal[g];
    const closed = prior ?? baseClosedYear(this.c, this.firstYear, this.openingCash);
    const { fcfShare, minCashMonths } = this.pool.action;
    const budget = {
      ...yearBudget(closed, outside, fcfShare, minCashMonths),
      year: this.firstYear + t,
    };
    this.budgets.push(budget);
    const owed = this.lenders.map((_, i) =>
      this.states.filter((s) => s.lender === i).reduce((sum, s) => sum + s.balance, 0),
    );
    const pay = allocateBudget(budget.budget, this.shares.weights, owed);
    this.lenders.forEach((lender, i) => {
      const loans = this.states.filter((s) => s.lender === i);
      const amounts = spreadOverLoans(
        pay[i],
        loans.map((s) => s.balance),
      );
      loans.forEach((s, k) => this.runLoanYear(s, amounts[k], t, grid, lender));
      lender.years.push({ year: this.firstYear + t, repayment: pay[i], closing: owed[i] - pay[i] });
    });
  }

  /** A year before the plan's first: every pool loan pays its contract principal. */
  private runContractYear(t: number, grid: PlanGrid): void {
    this.lenders.forEach((lender, i) => {
      let paid = 0;
      for (const s of this.states.filter((x) => x.lender === i)) {
        let left = s.balance;
        const parts = Array.from({ length: 12 }, (_, m) => {
          const p = Math.min(left, s.contractPrincipal[t * 12 + m]);
          left -= p;
          return p;
        });
        const amount = parts.reduce((a, b) => a + b, 0);
        paid += amount;
        this.runLoanYear(s, amount, t, grid, lender, parts);
      }
      const closing = this.states
        .filter((x) => x.lender === i)
        .reduce((sum, x) => sum + x.balance, 0);
      lender.years.push({ year: this.firstYear + t, repayment: paid, closing });
    });
  }

  private runLoanYear(
    s: PoolLoanState,
    amount: number,
    t: number,
    grid: PlanGrid,
    lender: PoolLenderResult,
    parts = monthlyParts(amount),
  ): void {
    let carried = 0;
    let interestSum = 0;
    for (let m = 0; m < 12; m++) {
      const g = t * 12 + m;
      const k = s.periodOfMonth[g];
      carried += parts[m];
      if (k > 0) {
        const rateDays = s.rates[k - 1] * s.days[k - 1];
        const interest = accrue(s.balance, rateDays, s.basis, s.floor);
        const fee =
          s.feeUnits > 0 ? accrue(s.balance, s.feeUnits * s.days[k - 1], s.basis, s.floor) : 0;
        // Pool loans run from the base date, so every month has a payment date; carried is a guard.
        const principal = carried;
        grid.interest[g] += interest;
        grid.fee[g] += fee;
        grid.principal[g] += principal;
        lender.monthlyRepayment[g] += principal;
        lender.monthlyInterest[g] += interest + fee;
        interestSum += interest;
        s.balance -= principal;
        carried -= principal;
      }
      grid.debt[g] += s.balance;
      lender.monthlyClosing[g] += s.balance;
    }
    s.result.years.push({
      year: this.firstYear + t,
      repayment: amount,
      interest: interestSum,
      closing: s.balance,
    });
  }

  result(): PoolResult {
    return {
      shares: this.shares,
      fcfShare: this.pool.action.fcfShare,
      budget: this.budgets,
      lenders: this.lenders,
      allLendersUnsecured: this.allLendersUnsecured,
    };
  }
}
