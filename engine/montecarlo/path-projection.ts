import { EpochDay, fromEpochDay } from '../time/civil-date';
import { fiscalYearOf } from '../time/fiscal-year';
import { monthlyPaymentSchedule } from '../time/payment-dates';
import { capitalPeriodInterest } from '../projection/capital-interest';
import { toRateUnits } from '../interest/rate-units';
import { buildSchedule, kernelTerms, paymentScheduleOf } from '../schedule/loan-schedule';
import { loanRates, swapWeightsOf } from '../stack/debt-stack';
import { Case } from '../case/case';
import { StrategyBook, withExistingCapitalRates } from '../strategy/apply-strategy';
import { CapitalRateRule, ProjectedYear, addUpfrontFees } from '../projection/project';
import { upfrontFeeExpenseShift } from '../projection/fee-expense';
import { corporateTax, emptyLossPool, lossPoolTotal } from '../projection/corporate-tax';
import { CashWalk, walkYearCash } from '../projection/year-cash';
import { closedYearResult } from '../projection/closed-year';
import { recognizedCapital } from '../measures/capital-recognition';
import { workingCapitalPath } from '../projection/working-capital';
import { RatePathGrid } from './rate-paths';
import { loanRateLayout } from './path-rates';
import { LoanFlows, VariableLoanSet, addFlows, addYearEndDebt } from './variable-loans';
import { shockedRevenue } from './revenue-shock';
import { PathSwapBreak, pathSwapBreakCost, prepareSwapBreaks } from './path-swap-breaks';

/**
 * One strategy's projection split into what a rate path can move and what it cannot, so that
 * each Monte Carlo path redoes only the former on typed arrays.
 *
 * Path-invariant, computed once: the schedules of fixed loans and of loans priced on or before
 * the analysis date (fixed-at-drawdown loans already drawn, a strategy's refinancing drawn
 * today), summed onto the plan's month grid; capital-type loans, whose rate depends only on
 * whether the previous year was profitable, for both answers; working capital; the legs of
 * swaps a refinancing ends.
 * Per path: the floating loans (rates filled from the path, then the amortization kernel), the
 * swaps' 解約清算金 on the path's curve, and the year-by-year P&L, taxes and month-by-month
 * cash. A floating loan that several strategies keep unchanged is amortized once per path for
 * all of them (see {@link VariableLoanSet}).
 *
 * The arithmetic is `projectCase`'s, step for step and in the same order, so a path gives the
 * very numbers `projectCase` gives under `pathShock(grid, rates)` with the revenue-shocked plan
 * (the tests compare them field by field; with yen rounding every sum is of whole yen and
 * exact in any order).
 */
export interface PreparedStrategy {
  c: Case;
  horizon: number;
  firstYear: number;
  /** Month-grid key (year × 12 + month − 1) of plan month 0. */
  firstMonth: number;
  newMoney: number;
  /** The strategy's path-dependent loans: indexes into `loans.loans`. */
  variable: number[];
  loans: VariableLoanSet;
  staticInterest: Float64Array;
  staticPrincipal: Float64Array;
  staticFee: Float64Array;
  /** Per plan year, lump-sum 保証料 expensed minus paid (see upfrontFeeExpenseShift). */
  feeExpenseShift: Float64Array;
  /** Swaps the strategy's refinancings end: valued on each path, booked in plan month 0. */
  swapBreaks: PathSwapBreak[];
  /** Senior balance at each plan year's last month, of the path-invariant loans. */
  staticYearEndDebt: Float64Array;
  /** Capital-type loans by [year × 2 + (previous year profitable ? 1 : 0)]. */
  capitalInterest: Float64Array;
  capitalPrincipal: Float64Array;
  /** …and by month: [(year × 2 + profitable) × 12 + month]. */
  capitalMonthly: Float64Array;
  capitalDebt: Float64Array;
  capitalRecognised: Float64Array;
  receivables: Float64Array;
  inventory: Float64Array;
}

/** One path's figures by plan year (structure of arrays; reused path after path). */
export interface PathYears {
  revenue: Float64Array;
  operatingProfit: Float64Array;
  /** Senior + capital-type interest. */
  interest: Float64Array;
  capitalInterest: Float64Array;
  guaranteeFees: Float64Array;
  /** The 解約清算金 of the swaps the strategy ends (plan year 1 only; negative: a receipt). */
  swapBreakCost: Float64Array;
  ordinaryProfit: Float64Array;
  taxes: Float64Array;
  lossCarryForwardUsed: Float64Array;
  lossCarryForwardClosing: Float64Array;
  netIncome: Float64Array;
  /** Senior + capital-type principal. */
  principal: Float64Array;
  debtService: Float64Array;
  cash: Float64Array;
  lowestCash: Float64Array;
  /** Month (0–11) of the year the lowest cash is reached. */
  lowestCashMonth: Int8Array;
  seniorDebt: Float64Array;
  bookNetAssets: Float64Array;
  substantiveNetWorth: Float64Array;
}

/** Scratch arrays of one strategy's path loop. */
export interface PathScratch {
  monthInterest: Float64Array;
  monthPrincipal: Float64Array;
  monthFee: Float64Array;
  yearEndDebt: Float64Array;
  /** Plan year 1's capital-type payments by month with a swap break cost added to month 0. */
  firstYearCapitalMonthly: Float64Array;
  /** The year-to-year cash walk, with the monthly profile's scratch (reset for each path). */
  walk: CashWalk;
  years: PathYears;
}

function monthKey(year: number, month: number): number {
  return year * 12 + (month - 1);
}

function monthKeyOfDay(day: EpochDay): number {
  const { year, month } = fromEpochDay(day);
  return monthKey(year, month);
}

/**
 * Resolves what no path can change; `grid` must reach the plan's last day. The strategy's
 * path-dependent loans are registered in `loans` (shared by the strategies of a run).
 */
export function prepareStrategy(
  c: Case,
  book: StrategyBook,
  grid: RatePathGrid,
  capitalRate: CapitalRateRule,
  loans: VariableLoanSet,
): PreparedStrategy {
  const endMonth = c.profile.fiscalYearEndMonth;
  const firstYear = fiscalYearOf(c.asOf + 1, endMonth);
  const horizon = c.plan.length;
  const firstMonth = monthKey(firstYear - 1, endMonth) + 1;
  const months = horizon * 12;
  const staticInterest = new Float64Array(months);
  const staticPrincipal = new Float64Array(months);
  const staticFee = new Float64Array(months);
  const staticYearEndDebt = new Float64Array(horizon);
  const unshocked = {
    indexes: c.stack.indexes,
    shock: null,
    mode: 'realistic' as const,
    asOf: c.asOf,
  };
  const variable: number[] = [];

  // Lump-sum fees and refunds do not move with rates: path-invariant.
  const upfront = book.senior.map((loan) => buildSchedule(loan.terms, loanRates(loan, unshocked)));
  addUpfrontFees(upfront, book, firstMonth, staticFee);
  const feeExpenseShift = upfrontFeeExpenseShift(
    upfront,
    book.guaranteeFeeRefund ?? 0,
    firstMonth,
    horizon,
    c.guaranteeFeeExpense ?? 'paid',
  );
  const swapBreaks = prepareSwapBreaks(book, unshocked, grid);
  for (const loan of book.senior) {
    const n = loan.terms.termMonths;
    const { dates, days } = paymentScheduleOf(loan.terms);
    // Scheduled months (see scheduledFiscalYear): payment k + 1 in plan month firstPlanMonth + k.
    const firstPlanMonth = monthKeyOfDay(dates[0]) + 1 - firstMonth;
    const layout = loanRateLayout(loan.rate, dates, n, c.stack.indexes, grid);
    if (layout === null) {
      const s = buildSchedule(loan.terms, loanRates(loan, unshocked));
      addFlows(s.flows, n, firstPlanMonth, staticInterest, staticPrincipal, staticFee);
      addYearEndDebt(loan.terms.principal, s.flows.principal, n, firstPlanMonth, staticYearEndDebt);
    } else {
      const key = JSON.stringify([loan.terms, loan.rate, loan.swap ?? null]);
      const swap =
        loan.swap && loan.rate.type === 'floating'
          ? { swap: loan.swap, spread: loan.rate.spread, weights: swapWeightsOf(loan, unshocked) }
          : undefined;
      variable.push(
        loans.add(key, () => ({
          terms: kernelTerms(loan.terms),
          periods: n,
          principal: loan.terms.principal,
          days,
          firstPlanMonth,
          layout,
          ...(swap && { swap }),
        })),
      );
    }
  }

  const capital = prepareCapital(c, book, firstMonth, withExistingCapitalRates(capitalRate));
  const workingCapital = workingCapitalPath(c.base, c.plan);
  const receivables = Float64Array.from(workingCapital.receivables);
  const inventory = Float64Array.from(workingCapital.inventory);
  return {
    c,
    horizon,
    firstYear,
    firstMonth,
    newMoney: book.newMoney,
    variable,
    loans,
    staticInterest,
    staticPrincipal,
    staticFee,
    feeExpenseShift,
    swapBreaks,
    staticYearEndDebt,
    ...capital,
    receivables,
    inventory,
  };
}

/** Capital-type loans for both possible answers to "was last year profitable?", year by year. */
function prepareCapital(
  c: Case,
  book: StrategyBook,
  firstMonth: number,
  capitalRate: CapitalRateRule,
): Pick<
  PreparedStrategy,
  'capitalInterest' | 'capitalPrincipal' | 'capitalMonthly' | 'capitalDebt' | 'capitalRecognised'
> {
  const horizon = c.plan.length;
  const capitalInterest = new Float64Array(horizon * 2);
  const capitalPrincipal = new Float64Array(horizon * 2);
  const capitalMonthly = new Float64Array(horizon * 2 * 12);
  const capitalDebt = new Float64Array(horizon);
  const capitalRecognised = new Float64Array(horizon);
  const loans = book.capital.map((loan) => {
    const { dates, days } = monthlyPaymentSchedule(
      loan.startDate,
      loan.termMonths,
      loan.dayCount,
      loan.businessDay ?? 'none',
    );
    const startKey = monthKeyOfDay(dates[0]);
    const months = Array.from({ length: loan.termMonths }, (_, i) => startKey + i + 1 - firstMonth);
    return { loan, days, months };
  });
  // Year 1 follows the closed base year (both slots alike: its lines may differ in sign).
  const baseResult = closedYearResult(c.base);
  for (let t = 0; t < horizon; t++) {
    for (let profitable = 0; profitable < 2; profitable++) {
      const slot = t * 2 + profitable;
      for (const { loan, days, months } of loans) {
        let units = -1;
        for (let k = 1; k <= months.length; k++) {
          const m = months[k - 1] - t * 12;
          if (m < 0 || m >= 12) continue;
          if (units < 0)
            units = toRateUnits(
              capitalRate(loan, Math.floor((k - 1) / 12), t === 0 ? baseResult : profitable === 1),
            );
          const i = capitalPeriodInterest(loan, units, days[k - 1]);
          const p = k === months.length ? loan.amount : 0;
          capitalMonthly[slot * 12 + m] += i + p;
          capitalInterest[slot] += i;
          capitalPrincipal[slot] += p;
        }
      }
    }
    for (const { loan, months } of loans) {
      const remaining = months.filter((m) => m >= (t + 1) * 12).length;
      if (remaining > 0) {
        capitalDebt[t] += loan.amount;
        capitalRecognised[t] += recognizedCapital(loan.amount, remaining);
      }
    }
  }
  return { capitalInterest, capitalPrincipal, capitalMonthly, capitalDebt, capitalRecognised };
}

export function allocatePathScratch(p: PreparedStrategy): PathScratch {
  const months = p.horizon * 12;
  const h = p.horizon;
  const f = () => new Float64Array(h);
  return {
    monthInterest: new Float64Array(months),
    monthPrincipal: new Float64Array(months),
    monthFee: new Float64Array(months),
    yearEndDebt: new Float64Array(h),
    firstYearCapitalMonthly: new Float64Array(12),
    walk: {
      cash: 0,
      lowestCash: 0,
      lowestMonth: 0,
      // As projectCase: a seasonal profile times operating cash within the year (資金繰り表).
      profile: p.c.monthlyProfile,
      receipts: new Float64Array(12),
      payments: new Float64Array(12),
    },
    years: {
      revenue: f(),
      operatingProfit: f(),
      interest: f(),
      capitalInterest: f(),
      guaranteeFees: f(),
      swapBreakCost: f(),
      ordinaryProfit: f(),
      taxes: f(),
      lossCarryForwardUsed: f(),
      lossCarryForwardClosing: f(),
      netIncome: f(),
      principal: f(),
      debtService: f(),
      cash: f(),
      lowestCash: f(),
      lowestCashMonth: new Int8Array(h),
      seniorDebt: f(),
      bookNetAssets: f(),
      substantiveNetWorth: f(),
    },
  };
}

/**
 * Projects one path into `s.years`: `loanFlows[u]` holds the path's flows of variable loan u
 * (see {@link pathLoanFlows}), `revenueFactors[t]` the revenue factor of plan year t,
 * `deltas[m]` the path's rate change at step m (for swap break costs).
 */
export function projectPath(
  p: PreparedStrategy,
  loanFlows: readonly LoanFlows[],
  revenueFactors: Float64Array,
  contributionMargin: number | null,
  s: PathScratch,
  deltas: Float64Array,
): void {
  const { monthInterest, monthPrincipal, monthFee, yearEndDebt } = s;
  monthInterest.set(p.staticInterest);
  monthPrincipal.set(p.staticPrincipal);
  monthFee.set(p.staticFee);
  yearEndDebt.set(p.staticYearEndDebt);
  const horizon = p.horizon;
  for (const u of p.variable) {
    const v = p.loans.loans[u];
    const { flows, yearEndDebt: loanDebt } = loanFlows[u];
    addFlows(flows, v.periods, v.firstPlanMonth, monthInterest, monthPrincipal, monthFee);
    for (let t = 0; t < horizon; t++) yearEndDebt[t] += loanDebt[t];
  }

  const { c } = p;
  const base = c.base;
  const y = s.years;
  const pool = emptyLossPool(base.lossCarryForward);
  let bookNetAssets = base.bookNetAssets;
  let previousProfitable = base.ordinaryProfit > 0;
  const nonOperating = base.nonOperatingIncome + base.interestIncome - base.nonOperatingExpense;
  const senior = { interest: monthInterest, principal: monthPrincipal, fee: monthFee };
  // Carries the cash from year to year.
  const walk = s.walk;
  walk.cash = base.cash + p.newMoney;
  // As projectCase: paid in plan month 0, a non-operating item, like a capital-type payment in cash.
  const breakCost = p.swapBreaks.length > 0 ? pathSwapBreakCost(p.swapBreaks, deltas) : 0;
  for (let t = 0; t < p.horizon; t++) {
    const plan = c.plan[t];
    let revenue = plan.revenue;
    let operatingProfit = plan.operatingProfit;
    if (revenueFactors[t] !== 1) {
      const shocked = shockedRevenue(plan, revenueFactors[t], contributionMargin);
      revenue = shocked.revenue;
      operatingProfit = shocked.operatingProfit;
    }
    let interest = 0;
    let principal = 0;
    let fees = 0;
    for (let m = t * 12; m < t * 12 + 12; m++) {
      interest += monthInterest[m];
      principal += monthPrincipal[m];
      fees += monthFee[m];
    }
    const slot = t * 2 + (previousProfitable ? 1 : 0);
    const capitalInterest = p.capitalInterest[slot];
    const capitalPrincipal = p.capitalPrincipal[slot];
    const feeExpense = fees + p.feeExpenseShift[t];
    const swapBreakCost = t === 0 ? breakCost : 0;
    const ordinaryProfit =
      operatingProfit + nonOperating - interest - capitalInterest - feeExpense - swapBreakCost;
    const taxYear = corporateTax(ordinaryProfit, base.effectiveTaxRate, pool);
    const tax = taxYear.tax;
    y.lossCarryForwardUsed[t] = taxYear.lossUsed;
    y.lossCarryForwardClosing[t] = lossPoolTotal(pool);
    const debtService = interest + capitalInterest + fees + principal + capitalPrincipal;
    let capitalMonthly = p.capitalMonthly;
    let capitalFirst = slot * 12;
    if (swapBreakCost !== 0) {
      capitalMonthly = s.firstYearCapitalMonthly;
      capitalMonthly.set(p.capitalMonthly.subarray(capitalFirst, capitalFirst + 12));
      capitalMonthly[0] += swapBreakCost;
      capitalFirst = 0;
    }
    walkYearCash(
      walk,
      plan,
      t,
      ordinaryProfit,
      interest,
      capitalInterest + swapBreakCost,
      feeExpense,
      tax,
      senior,
      capitalMonthly,
      capitalFirst,
      revenue, // the path's shocked revenue drives the profile's receipts
    );
    const netIncome = ordinaryProfit - tax;
    bookNetAssets += netIncome;
    previousProfitable = ordinaryProfit > 0;
    y.revenue[t] = revenue;
    y.operatingProfit[t] = operatingProfit;
    y.interest[t] = interest + capitalInterest;
    y.capitalInterest[t] = capitalInterest;
    y.guaranteeFees[t] = feeExpense;
    y.swapBreakCost[t] = swapBreakCost;
    y.ordinaryProfit[t] = ordinaryProfit;
    y.taxes[t] = tax;
    y.netIncome[t] = netIncome;
    y.principal[t] = principal + capitalPrincipal;
    y.debtService[t] = debtService;
    y.cash[t] = walk.cash;
    y.lowestCash[t] = walk.lowestCash;
    y.lowestCashMonth[t] = walk.lowestMonth;
    y.seniorDebt[t] = yearEndDebt[t];
    y.bookNetAssets[t] = bookNetAssets;
    y.substantiveNetWorth[t] = bookNetAssets + base.netAssetAdjustments + p.capitalRecognised[t];
  }
}

/** Share of the capital-type balance counted as capital at year t's end, as projectCase gives it. */
export function capitalRecognition(p: PreparedStrategy, t: number): number {
  return p.capitalDebt[t] > 0 ? p.capitalRecognised[t] / p.capitalDebt[t] : 0;
}

/** The path's years as the engine's ProjectedYear objects (for checks without a fast rule, for display). */
export function projectedYears(p: PreparedStrategy, y: PathYears): ProjectedYear[] {
  const out: ProjectedYear[] = [];
  for (let t = 0; t < p.horizon; t++) {
    const plan = p.c.plan[t];
    const month = p.firstMonth + t * 12 + y.lowestCashMonth[t];
    out.push({
      fiscalYear: p.firstYear + t,
      revenue: y.revenue[t],
      operatingProfit: y.operatingProfit[t],
      depreciation: plan.depreciation,
      interest: y.interest[t],
      capitalInterest: y.capitalInterest[t],
      guaranteeFees: y.guaranteeFees[t],
      nonOperatingIncome: p.c.base.nonOperatingIncome,
      interestIncome: p.c.base.interestIncome,
      nonOperatingExpense: p.c.base.nonOperatingExpense,
      swapBreakCost: y.swapBreakCost[t],
      ordinaryProfit: y.ordinaryProfit[t],
      taxes: y.taxes[t],
      lossCarryForwardUsed: y.lossCarryForwardUsed[t],
      lossCarryForwardClosing: y.lossCarryForwardClosing[t],
      netIncome: y.netIncome[t],
      principal: y.principal[t],
      debtService: y.debtService[t],
      capex: plan.capex,
      workingCapitalChange: plan.workingCapitalChange,
      cash: y.cash[t],
      lowestCash: y.lowestCash[t],
      lowestCashMonth: `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`,
      seniorDebt: y.seniorDebt[t],
      capitalDebt: p.capitalDebt[t],
      capitalRecognition: capitalRecognition(p, t),
      receivables: p.receivables[t],
      inventory: p.inventory[t],
      payables: p.c.base.payables,
      bookNetAssets: y.bookNetAssets[t],
      substantiveNetWorth: y.substantiveNetWorth[t],
    });
  }
  return out;
}
