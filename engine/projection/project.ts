import { EpochDay, fromEpochDay } from '../time/civil-date';
import { fiscalYearOf } from '../time/fiscal-year';
import { monthlyPaymentSchedule } from '../time/payment-dates';
import { capitalPeriodInterest } from './capital-interest';
import { toRateUnits } from '../interest/rate-units';
import { RateScenario } from '../rates/rate-rule';
import { buildSchedule, Schedule } from '../schedule/loan-schedule';
import { loanRates } from '../stack/debt-stack';
import { Case } from '../case/case';
import { CapitalLoan, StrategyBook, withExistingCapitalRates } from '../strategy/apply-strategy';
import { corporateTax, emptyLossPool, lossPoolTotal } from './corporate-tax';
import { recognizedCapital } from '../measures/capital-recognition';
import { CashWalk, walkYearCash } from './year-cash';
import { PoolResult, PoolRun } from '../plan/pool-run';
import { ClosedYearResult, closedYearResult } from './closed-year';
import { workingCapitalPath } from './working-capital';
import { swapBreaks } from '../strategy/swap-break';
import { upfrontFeeExpenseShift } from './fee-expense';

/**
 * The rate of a capital-type loan for one year, decided by the previous fiscal year's result:
 * a projected year's flag, or the closed base year's two lines (the loan's program picks one).
 */
export type CapitalRateRule = (
  loan: CapitalLoan,
  yearIndex: number,
  previousYear: boolean | ClosedYearResult,
) => number;

/** One projected fiscal year of the borrower (yen). */
export interface ProjectedYear {
  /** The year the fiscal year ends in. */
  fiscalYear: number;
  revenue: number;
  operatingProfit: number;
  depreciation: number;
  /** Senior interest plus capital-type interest. */
  interest: number;
  capitalInterest: number;
  guaranteeFees: number;
  /** 営業外収益 (other than interest received), 受取利息・配当, 営業外費用: the base year's, held. */
  nonOperatingIncome: number;
  interestIncome: number;
  nonOperatingExpense: number;
  /** 解約清算金 of swaps the strategy's refinancing ends (non-operating; negative: a receipt). */
  swapBreakCost: number;
  ordinaryProfit: number;
  taxes: number;
  /** 繰越欠損金: used against this year's profit, and left at the year end. */
  lossCarryForwardUsed: number;
  lossCarryForwardClosing: number;
  netIncome: number;
  /** Scheduled principal of the senior loans (and a capital-type loan's bullet at maturity). */
  principal: number;
  debtService: number;
  capex: number;
  workingCapitalChange: number;
  cash: number;
  /** Lowest month-end cash in the year and the month (YYYY-MM) it is reached. */
  lowestCash: number;
  lowestCashMonth: string;
  seniorDebt: number;
  capitalDebt: number;
  /** Share (0–1) of the capital-type balance counted as capital at the year end. */
  capitalRecognition: number;
  receivables: number;
  inventory: number;
  payables: number;
  bookNetAssets: number;
  /** Book net assets + adjustments + capital-type loans recognised as capital. */
  substantiveNetWorth: number;
}

/**
 * A capital-type loan's payments as projected: interest is known only inside the plan (the
 * rate of a year follows the previous year's result), so `periods` counts the payments filled.
 */
export interface CapitalFlows {
  loan: CapitalLoan;
  /** dates[0] = start; dates[k] = payment date of period k. */
  dates: Int32Array;
  /** Annual rate per period in 1e-7 units. */
  rates: Float64Array;
  interest: Float64Array;
  principal: Float64Array;
  /** Payments projected (those inside the plan's years). */
  periods: number;
}

export interface Projection {
  years: ProjectedYear[];
  /** The senior loans' schedules, in the order of the strategy book's `senior`. */
  seniorSchedules: Schedule[];
  capitalFlows: CapitalFlows[];
  /** The council plan's pool year by year, when the strategy has a `pro-rata-plan`. */
  plan?: PoolResult;
}

/**
 * Projects the borrower year by year under one strategy's debt and one rate scenario. Plan
 * year 1 is the fiscal year containing the day after `asOf` (set `asOf` to the base year's
 * closing date, or the day after, for whole plan years). Taxes carry losses forward; a capital-type loan's rate for a
 * year is decided from the previous year's 経常利益 (the base year's for year 1), so there is
 * no circularity. Working capital moves by the plan's change; cash falls by debt service
 * month by month, operating cash arriving evenly through the year.
 */
export function projectCase(
  c: Case,
  book: StrategyBook,
  scenario: RateScenario,
  programCapitalRate: CapitalRateRule,
): Projection {
  const capitalRate = withExistingCapitalRates(programCapitalRate);
  const endMonth = c.profile.fiscalYearEndMonth;
  // The day after asOf: an asOf on the base year's closing date starts the plan with the next year.
  const firstYear = fiscalYearOf(c.asOf + 1, endMonth);
  const horizon = c.plan.length;
  // Monthly senior flows on the plan's month grid: month m (0-based) is in plan year floor(m/12).
  const firstMonth = monthKey(firstYear - 1, endMonth) + 1;
  const months = horizon * 12;
  const monthInterest = new Float64Array(months);
  const monthPrincipal = new Float64Array(months);
  const monthFee = new Float64Array(months);
  const monthDebt = new Float64Array(months);
  const seniorSchedules = book.senior.map((loan) =>
    buildSchedule(loan.terms, loanRates(loan, scenario)),
  );
  for (const s of seniorSchedules)
    addMonthly(s, firstMonth, monthInterest, monthPrincipal, monthFee, monthDebt);
  addUpfrontFees(seniorSchedules, book, firstMonth, monthFee);
  // P/L only: cash and debt service keep the fee in its month of payment.
  const feeExpenseShift = upfrontFeeExpenseShift(
    seniorSchedules,
    book.guaranteeFeeRefund ?? 0,
    firstMonth,
    horizon,
    c.guaranteeFeeExpense ?? 'paid',
  );
  // Swaps ended by a refinancing on the analysis date: their break cost falls in plan month 0.
  const breakCost = swapBreaks(book, scenario).reduce((sum, b) => sum + b.cost, 0);

  const capital = book.capital.map((loan) => {
    const { dates, days } = monthlyPaymentSchedule(
      loan.startDate,
      loan.termMonths,
      loan.dayCount,
      loan.businessDay ?? 'none',
    );
    // Plan-grid month of each payment (payment k at months[k − 1]), computed once.
    // (by scheduled month: a holiday-moved payment stays in its month, see scheduledFiscalYear)
    const startKey = monthKeyOfDay(dates[0]);
    const months = Array.from({ length: loan.termMonths }, (_, i) => startKey + i + 1 - firstMonth);
    const n = loan.termMonths;
    const flows: CapitalFlows = {
      loan,
      dates,
      rates: new Float64Array(n),
      interest: new Float64Array(n),
      principal: new Float64Array(n),
      periods: months.filter((m) => m < horizon * 12).length,
    };
    return { loan, days, months, flows };
  });
  const pool = emptyLossPool(c.base.lossCarryForward);
  let bookNetAssets = c.base.bookNetAssets;
  const workingCapital = workingCapitalPath(c.base, c.plan);
  const payables = c.base.payables;
  let previousProfitable = c.base.ordinaryProfit > 0;
  const baseResult = closedYearResult(c.base);
  const years: ProjectedYear[] = [];
  const senior = { interest: monthInterest, principal: monthPrincipal, fee: monthFee };
  // Carries the cash from year to year.
  const walk: CashWalk = {
    cash: c.base.cash + book.newMoney,
    lowestCash: 0,
    lowestMonth: 0,
    profile: c.monthlyProfile, // the 資金繰り表's timing: its lowest month-end is the year's lowest
  };
  // A council plan's pool: each year's repayments decided from the year before (engine/plan).
  const prorata =
    book.plan &&
    new PoolRun(
      c,
      book.plan,
      book.senior,
      book.capital,
      scenario,
      firstYear,
      firstMonth,
      walk.cash,
    );

  for (let t = 0; t < horizon; t++) {
    const plan = c.plan[t];
    const fiscalYear = firstYear + t;
    prorata?.runYear(t, years[t - 1], {
      interest: monthInterest,
      principal: monthPrincipal,
      fee: monthFee,
      debt: monthDebt,
    });
    let interest = 0;
    let principal = 0;
    let fees = 0;
    for (let m = t * 12; m < t * 12 + 12; m++) {
      interest += monthInterest[m];
      principal += monthPrincipal[m];
      fees += monthFee[m];
    }
    // Capital-type loans: this year's rate from last year's result, interest by period.
    const capitalMonthly = new Float64Array(12);
    let capitalInterest = 0;
    let capitalPrincipal = 0;
    let capitalDebt = 0;
    let recognised = 0;
    for (const { loan, days, months, flows } of capital) {
      // Priced only while it runs: a matured loan has no rate to decide.
      let units = -1;
      for (let k = 1; k <= months.length; k++) {
        const m = months[k - 1] - t * 12;
        if (m < 0 || m >= 12) continue;
        // The loan's own year (0 = its first twelve months) at the year's first payment.
        if (units < 0)
          units = toRateUnits(
            capitalRate(loan, Math.floor((k - 1) / 12), t === 0 ? baseResult : previousProfitable),
          );
        const i = capitalPeriodInterest(loan, units, days[k - 1]);
        const p = k === months.length ? loan.amount : 0;
        flows.rates[k - 1] = units;
        flows.interest[k - 1] = i;
        flows.principal[k - 1] = p;
        capitalMonthly[m] += i + p;
        capitalInterest += i;
        capitalPrincipal += p;
      }
      // Payments still to come after this fiscal year's last month.
      const remaining = months.filter((m) => m >= (t + 1) * 12).length;
      if (remaining > 0) {
        capitalDebt += loan.amount;
        recognised += recognizedCapital(loan.amount, remaining);
      }
    }
    const nonOperating =
      c.base.nonOperatingIncome + c.base.interestIncome - c.base.nonOperatingExpense;
    const swapBreakCost = t === 0 ? breakCost : 0;
    const feeExpense = fees + feeExpenseShift[t];
    const ordinaryProfit =
      plan.operatingProfit + nonOperating - interest - capitalInterest - feeExpense - swapBreakCost;
    const tax = corporateTax(ordinaryProfit, c.base.effectiveTaxRate, pool);
    const netIncome = ordinaryProfit - tax.tax;
    const debtService = interest + capitalInterest + fees + principal + capitalPrincipal;

    // The break cost is paid in month 0: added back to operating cash and paid in its month
    // alongside the capital-type payments (walkYearCash treats both the same way).
    capitalMonthly[0] += swapBreakCost;
    walkYearCash(
      walk,
      plan,
      t,
      ordinaryProfit,
      interest,
      capitalInterest + swapBreakCost,
      feeExpense,
      tax.tax,
      senior,
      capitalMonthly,
      0,
    );
    bookNetAssets += netIncome;
    const seniorDebt = monthDebt[t * 12 + 11];
    previousProfitable = ordinaryProfit > 0;
    years.push({
      fiscalYear,
      revenue: plan.revenue,
      operatingProfit: plan.operatingProfit,
      depreciation: plan.depreciation,
      interest: interest + capitalInterest,
      capitalInterest,
      guaranteeFees: feeExpense,
      nonOperatingIncome: c.base.nonOperatingIncome,
      interestIncome: c.base.interestIncome,
      nonOperatingExpense: c.base.nonOperatingExpense,
      swapBreakCost,
      ordinaryProfit,
      taxes: tax.tax,
      lossCarryForwardUsed: tax.lossUsed,
      lossCarryForwardClosing: lossPoolTotal(pool),
      netIncome,
      principal: principal + capitalPrincipal,
      debtService,
      capex: plan.capex,
      workingCapitalChange: plan.workingCapitalChange,
      cash: walk.cash,
      lowestCash: walk.lowestCash,
      lowestCashMonth: monthLabel(firstMonth + t * 12 + walk.lowestMonth),
      seniorDebt,
      capitalDebt,
      capitalRecognition: capitalDebt > 0 ? recognised / capitalDebt : 0,
      // Working capital grows with the plan's change, split by the base year's mix.
      receivables: workingCapital.receivables[t],
      inventory: workingCapital.inventory[t],
      payables,
      bookNetAssets,
      substantiveNetWorth: bookNetAssets + c.base.netAssetAdjustments + recognised,
    });
  }
  return {
    years,
    seniorSchedules,
    capitalFlows: capital.map((x) => x.flows),
    plan: prorata?.result(),
  };
}

/**
 * Lump-sum 保証料 in the month of drawdown and 返戻保証料 of a refinancing as a negative fee
 * (both non-operating, in 経常利益, debt service and cash); a drawdown on the analysis date,
 * before plan month 0, counts in month 0. Shared with the Monte Carlo paths.
 */
export function addUpfrontFees(
  schedules: readonly Schedule[],
  book: Pick<StrategyBook, 'guaranteeFeeRefund'>,
  firstMonth: number,
  fee: Float64Array,
): void {
  for (const s of schedules) {
    if (s.upfrontFee === 0) continue;
    const m = Math.max(0, monthKeyOfDay(s.dates[0]) - firstMonth);
    if (m < fee.length) fee[m] += s.upfrontFee;
  }
  if (book.guaranteeFeeRefund && fee.length > 0) fee[0] -= book.guaranteeFeeRefund;
}

/** Months since year 0 (a month grid key) of the month (year, month). */
function monthKey(year: number, month: number): number {
  return year * 12 + (month - 1);
}

function monthKeyOfDay(day: EpochDay): number {
  const { year, month } = fromEpochDay(day);
  return monthKey(year, month);
}

function monthLabel(key: number): string {
  return `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, '0')}`;
}

/** Adds a schedule's flows onto the plan's month grid; `debt` gets the balance after each month. */
function addMonthly(
  s: Schedule,
  firstMonth: number,
  interest: Float64Array,
  principal: Float64Array,
  fee: Float64Array,
  debt: Float64Array,
): void {
  const months = interest.length;
  let balance = s.terms.principal;
  let lastMonth = -1;
  // Payment k + 1 in its scheduled month (one a month, whatever the holidays).
  const startMonth = monthKeyOfDay(s.dates[0]) - firstMonth;
  for (let k = 0; k < s.flows.interest.length; k++) {
    const m = startMonth + k + 1;
    // Balance carried through the months before this payment.
    for (let g = Math.max(lastMonth + 1, 0); g < Math.min(m, months); g++) debt[g] += balance;
    balance -= s.flows.principal[k];
    if (m >= 0 && m < months) {
      interest[m] += s.flows.interest[k];
      principal[m] += s.flows.principal[k];
      fee[m] += s.flows.fee[k];
      debt[m] += balance;
    }
    lastMonth = Math.max(lastMonth, m);
  }
  for (let g = Math.max(lastMonth + 1, 0); g < months; g++) debt[g] += balance;
}
