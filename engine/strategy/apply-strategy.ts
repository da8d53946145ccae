import { EpochDay, addMonthsClamped, formatIsoDate, fromEpochDay } from '../time/civil-date';
import { mulDivFloor } from '../interest/exact-yen';
import { RepaymentMethod } from '../schedule/repayment-method';
import { CapitalTypeRate, StackLoan, loanRates } from '../stack/debt-stack';
import { IndexPaths } from '../rates/rate-index';
import { buildSchedule, isLumpSumFee, paymentScheduleOf } from '../schedule/loan-schedule';
import { guaranteeFeeRefund } from '../schedule/guarantee-fee';
import { FieldError } from '../input/field-reader';
import { LoanConventions, LoanSelector, Strategy, StrategyAction } from '../case/case';
import type { PlanPool } from '../plan/pool-run';
import { selectPool } from '../plan/select-pool';
import { InitialRateDelta } from '../rates/rate-rule';
import { DayCount } from '../time/day-count';
import { Rounding } from '../schedule/repayment-method';
import { BusinessDayConvention } from '../time/business-days';
import type { ClosedYearResult } from '../projection/closed-year';

/** A year's result as a capital-type rate reads it: a projected year's flag or the closed base year. */
type PreviousYearResult = boolean | ClosedYearResult;

/** What the strategy layer needs to know of a program to price and shape a new loan. */
export interface ProgramPricing {
  id: string;
  method: RepaymentMethod;
  /** The base rate of a new loan of this term (before any shock); null when the lender sets it. */
  baseRate(termMonths: number): number | null;
  guaranteeFeeRate: number;
  /** The chosen rate options: a whole-term delta and a delta for the first months only. */
  rateOptions?(ids: readonly string[]): { delta: number; initial: InitialRateDelta | null };
}

/** A capital-type subordinated loan (資本性劣後ローン / DDS): bullet, performance-linked rate. */
export interface CapitalLoan {
  id: string;
  name: string;
  programId: string;
  amount: number;
  termMonths: number;
  startDate: EpochDay;
  privateBankSupport: boolean;
  origin: 'dds' | 'new-money' | 'existing';
  /** An existing capital-type loan's own performance-linked rate (else its program's). */
  performanceRate?: CapitalTypeRate;
  dayCount: DayCount;
  rounding: Rounding;
  businessDay?: BusinessDayConvention;
}

/** A refinancing the strategy makes: eligibility checks need what it replaces. */
export interface Refinancing {
  newLoanId: string;
  programId: string;
  amount: number;
  termMonths: number;
  graceMonths: number;
  replaced: string[];
  /** The longest remaining term among the replaced loans. */
  replacedRemainingMonths: number;
}

/** The debt after a strategy: senior loans (as schedules will see them) and capital-type loans. */
export interface StrategyBook {
  senior: StackLoan[];
  capital: CapitalLoan[];
  /** Cash received at the start (new-money capital loans). */
  newMoney: number;
  /** 返戻保証料 on lump-sum-fee loans repaid early by a refinancing, received at the start. */
  guaranteeFeeRefund?: number;
  /** The same refunds loan by loan (the loans repaid), for the per-loan figures. */
  guaranteeFeeRefunds?: { loanId: string; name: string; amount: number }[];
  /** Loans refinanced while their swap still ran: see swapBreaks for the 解約清算金. */
  endedSwaps?: StackLoan[];
  refinancings: Refinancing[];
  /** The council plan's pro-rata pool (loans taken out of `senior`), when the strategy has one. */
  plan?: PlanPool;
}

/**
 * Applies a strategy's actions in order to a debt stack as of `asOf`. Refinancing and DDS
 * happen on `asOf`; the loans' balances are those of the stack. New loans take `conventions`
 * (the case's day count and rounding) unless the action gives its own. Errors name the action
 * (`strategies[i].actions[j]…`). `indexes` (the stack's base paths) price the balance a
 * prepayment is checked against; a prepay action on a floating loan needs them.
 */
export function applyStrategy(
  loans: readonly StackLoan[],
  strategy: Strategy,
  asOf: EpochDay,
  program: (id: string) => ProgramPricing | undefined,
  at: string,
  conventions: LoanConventions = { dayCount: 'ACT/365F', rounding: 'floor' },
  indexes?: IndexPaths,
): { book: StrategyBook; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const book: StrategyBook = {
    senior: loans.filter((l) => !l.capitalType).map(copyLoan),
    // Capital-type loans already on the books: bullet, their own rate, counted as capital.
    capital: loans.filter((l) => l.capitalType).map(existingCapitalLoan),
    newMoney: 0,
    refinancings: [],
  };
  strategy.actions.forEach((action, j) => {
    const where = `${at}.actions[${j}]`;
    if (action.kind === 'pro-rata-plan') {
      const chosen = selectPool(book.senior, book.plan, action, asOf, where, errors);
      if (chosen) [book.plan, book.senior] = [chosen.pool, chosen.rest];
      return;
    }
    const selected =
      action.kind === 'capital-loan' && action.mode === 'new-money'
        ? []
        : select(book.senior, action, where, errors);
    if (!selected) return;
    const own =
      action.kind === 'reschedule' || action.kind === 'prepay'
        ? conventions
        : {
            dayCount: action.dayCount ?? conventions.dayCount,
            rounding: action.rounding ?? conventions.rounding,
            businessDay: action.businessDay ?? conventions.businessDay,
          };
    switch (action.kind) {
      case 'refinance':
        refinance(book, selected, action, asOf, program, where, errors, own);
        break;
      case 'capital-loan':
        addCapitalLoan(book, selected, action, asOf, program, where, errors, own);
        break;
      case 'reschedule':
        reschedule(selected, action, where, errors);
        break;
      case 'prepay':
        prepay(selected, action, asOf, indexes, where, errors);
        break;
    }
  });
  return { book, errors };
}

function existingCapitalLoan(loan: StackLoan): CapitalLoan {
  const t = loan.terms;
  return {
    id: loan.id,
    name: loan.name,
    programId: '',
    amount: t.principal,
    termMonths: t.termMonths,
    startDate: t.startDate,
    privateBankSupport: false,
    origin: 'existing',
    performanceRate: loan.capitalType,
    dayCount: t.dayCount,
    rounding: t.rounding,
    businessDay: t.businessDay,
  };
}

/**
 * The rate rule of a run's capital-type loans: an existing loan's own performance-linked rate
 * — `initialRate` for a year whose first payment falls on or before `initialUntil`, then
 * `profitRate` after a profitable year (経常利益 > 0) and `lossRate` after a loss — and the
 * program's rule for the loans a strategy makes.
 */
export function withExistingCapitalRates(
  programRate: (loan: CapitalLoan, yearIndex: number, previousYear: PreviousYearResult) => number,
): (loan: CapitalLoan, yearIndex: number, previousYear: PreviousYearResult) => number {
  return (loan, yearIndex, previousYear) => {
    const r = loan.performanceRate;
    if (!r) return programRate(loan, yearIndex, previousYear);
    if (r.initialRate !== undefined && r.initialUntil !== undefined) {
      const s = fromEpochDay(loan.startDate);
      if (addMonthsClamped(s.year, s.month, s.day, yearIndex * 12 + 1) <= r.initialUntil)
        return r.initialRate;
    }
    // The closed base year gives both lines; an existing loan reads 経常利益.
    const profitable =
      typeof previousYear === 'boolean' ? previousYear : previousYear.ordinaryProfit > 0;
    return profitable ? r.profitRate : r.lossRate;
  };
}

function copyLoan(loan: StackLoan): StackLoan {
  return { ...loan, terms: { ...loan.terms } };
}

function select(
  loans: StackLoan[],
  action: Exclude<StrategyAction, { kind: 'pro-rata-plan' }>,
  where: string,
  errors: FieldError[],
): StackLoan[] | undefined {
  const selector: LoanSelector | undefined = action.select;
  if (!selector) {
    errors.push({
      field: `${where}.select`,
      message: 'is required: { "loanIds": [...] } or { "lender": "..." }',
      value: undefined,
    });
    return undefined;
  }
  if ('lender' in selector) {
    const chosen = loans.filter((l) => l.lender === selector.lender);
    if (chosen.length === 0) {
      errors.push({
        field: `${where}.select.lender`,
        message: 'no loan of the stack has this lender',
        value: selector.lender,
      });
      return undefined;
    }
    return chosen;
  }
  const chosen: StackLoan[] = [];
  selector.loanIds.forEach((id, k) => {
    const loan = loans.find((l) => l.id === id);
    if (loan) chosen.push(loan);
    else
      errors.push({
        field: `${where}.select.loanIds[${k}]`,
        message: 'no loan of the stack has this id (refinanced or converted already?)',
        value: id,
      });
  });
  return chosen.length === selector.loanIds.length ? chosen : undefined;
}

function refinance(
  book: StrategyBook,
  selected: StackLoan[],
  action: Extract<StrategyAction, { kind: 'refinance' }>,
  asOf: EpochDay,
  program: (id: string) => ProgramPricing | undefined,
  where: string,
  errors: FieldError[],
  conventions: LoanConventions,
): void {
  const p = program(action.programId);
  if (!p) {
    errors.push({
      field: `${where}.programId`,
      message: 'is not a program of the catalog',
      value: action.programId,
    });
    return;
  }
  const baseRate = action.baseRate ?? p.baseRate(action.termMonths);
  if (baseRate === null) {
    errors.push({
      field: `${where}.baseRate`,
      message: `is required: program ${p.id}'s rate is set by the lender`,
      value: undefined,
    });
    return;
  }
  const options = p.rateOptions?.(action.rateOptions ?? []) ?? { delta: 0, initial: null };
  const amount = selected.reduce((sum, l) => sum + l.terms.principal, 0);
  const id = `${action.programId}#${book.refinancings.length + 1}`;
  // Swaps still running end with the loans they hedge.
  for (const l of selected) if (l.swap && l.swap.endDate > asOf) (book.endedSwaps ??= []).push(l);
  // Lump-sum fees of the loans repaid come back pro rata temporis (see guaranteeFeeRefund).
  for (const l of selected)
    if (isLumpSumFee(l.terms) && l.terms.guaranteeFeeRate > 0) {
      const t = l.terms;
      const refund = guaranteeFeeRefund(t.principal, t.termMonths, t.graceMonths, t);
      book.guaranteeFeeRefund = (book.guaranteeFeeRefund ?? 0) + refund;
      (book.guaranteeFeeRefunds ??= []).push({ loanId: l.id, name: l.name, amount: refund });
    }
  book.senior = book.senior.filter((l) => !selected.includes(l));
  book.senior.push({
    id,
    name: `借換 / refinancing: ${selected.map((l) => l.id).join(' + ')}`,
    lender: p.id,
    terms: {
      principal: amount,
      termMonths: action.termMonths,
      graceMonths: action.graceMonths,
      method: p.method,
      dayCount: conventions.dayCount,
      startDate: asOf,
      rounding: conventions.rounding,
      businessDay: conventions.businessDay,
      // Guarantee corporations charge a new loan's fee in one sum at drawdown.
      guaranteeFeePayment: action.guaranteeFeePayment ?? 'lump-sum',
      guaranteeFeeRate: p.guaranteeFeeRate,
    },
    rate: {
      type: 'priced-at-drawdown',
      baseRate: baseRate + options.delta,
      ...(options.initial && { initial: options.initial }),
    },
  });
  book.refinancings.push({
    newLoanId: id,
    programId: p.id,
    amount,
    termMonths: action.termMonths,
    graceMonths: action.graceMonths,
    replaced: selected.map((l) => l.id),
    replacedRemainingMonths: Math.max(...selected.map((l) => l.terms.termMonths)),
  });
}

function addCapitalLoan(
  book: StrategyBook,
  selected: StackLoan[],
  action: Extract<StrategyAction, { kind: 'capital-loan' }>,
  asOf: EpochDay,
  program: (id: string) => ProgramPricing | undefined,
  where: string,
  errors: FieldError[],
  conventions: LoanConventions,
): void {
  if (!program(action.programId)) {
    errors.push({
      field: `${where}.programId`,
      message: 'is not a program of the catalog',
      value: action.programId,
    });
    return;
  }
  if (action.mode === 'dds') {
    const total = selected.reduce((sum, l) => sum + l.terms.principal, 0);
    if (action.amount > total) {
      errors.push({
        field: `${where}.amount`,
        message: `exceeds the chosen loans' balance (${total})`,
        value: action.amount,
      });
      return;
    }
    // Pro rata by balance, whole yen (exact past 2^53); the last loan takes what rounding leaves.
    let left = action.amount;
    selected.forEach((loan, k) => {
      const share =
        k === selected.length - 1 ? left : mulDivFloor(action.amount, loan.terms.principal, total);
      loan.terms.principal -= share;
      left -= share;
    });
    book.senior = book.senior.filter((l) => l.terms.principal > 0);
  } else {
    book.newMoney += action.amount;
  }
  book.capital.push({
    id: `${action.programId}#${book.capital.length + 1}`,
    name:
      action.mode === 'dds'
        ? `DDS: ${selected.map((l) => l.id).join(' + ')}`
        : '資本性劣後ローン / capital-type loan',
    programId: action.programId,
    amount: action.amount,
    termMonths: action.termMonths,
    startDate: asOf,
    privateBankSupport: action.privateBankSupport,
    origin: action.mode,
    ...conventions,
  });
}

function reschedule(
  selected: StackLoan[],
  action: Extract<StrategyAction, { kind: 'reschedule' }>,
  where: string,
  errors: FieldError[],
): void {
  for (const loan of selected) {
    const terms = loan.terms;
    const termMonths = terms.termMonths + (action.extendTerm ? action.holidayMonths : 0);
    const graceMonths = terms.graceMonths + action.holidayMonths;
    if (terms.method !== 'bullet' && graceMonths >= termMonths) {
      errors.push({
        field: `${where}.holidayMonths`,
        message: `leaves no month to repay loan ${loan.id} (term ${termMonths} months)`,
        value: action.holidayMonths,
      });
      continue;
    }
    loan.terms = {
      ...terms,
      termMonths,
      graceMonths: terms.method === 'bullet' ? terms.graceMonths : graceMonths,
    };
  }
}

/**
 * 繰上返済: `amount` paid with the first payment on or after `date`. Checked against, and split
 * pro rata over the chosen loans by, each loan's balance at that payment after its scheduled
 * principal (what the kernel can still take: it cuts a prepayment to `balance − p`), on the
 * schedule at the case's own rates (base index paths, no shock); whole yen, the last loan
 * taking the remainder. Refused when it exceeds that balance, falls before the analysis date
 * or after a loan's last payment. Under a shock the kernel still cuts it to what is left.
 */
function prepay(
  selected: StackLoan[],
  action: Extract<StrategyAction, { kind: 'prepay' }>,
  asOf: EpochDay,
  indexes: IndexPaths | undefined,
  where: string,
  errors: FieldError[],
): void {
  if (action.date < asOf) {
    errors.push({
      field: `${where}.date`,
      message: 'is before the analysis date',
      value: action.date,
    });
    return;
  }
  // One 繰上返済 per loan and strategy: the kernel takes one, and a second would silently replace it.
  const twice = selected.find((loan) => loan.terms.prepayment);
  if (twice) {
    errors.push({
      field: `${where}.select`,
      message: `selects loan ${twice.id}, which an earlier prepay action of this strategy already prepays (one per loan)`,
      value: twice.id,
    });
    return;
  }
  const periods: number[] = [];
  for (const loan of selected) {
    const { dates } = paymentScheduleOf(loan.terms);
    let period = 1;
    while (period < dates.length && dates[period] < action.date) period++;
    if (period >= dates.length) {
      errors.push({
        field: `${where}.date`,
        message: `is after loan ${loan.id}'s last payment`,
        value: action.date,
      });
      return;
    }
    periods.push(period);
  }
  const balances = selected.map((loan, k) => balanceAtPayment(loan, periods[k], asOf, indexes));
  const total = balances.reduce((sum, b) => sum + b, 0);
  if (action.amount > total) {
    errors.push({
      field: `${where}.amount`,
      message: `exceeds the chosen loans' balance on ${formatIsoDate(action.date)} (${total}), after its scheduled principal`,
      value: action.amount,
    });
    return;
  }
  let left = action.amount;
  selected.forEach((loan, k) => {
    const share = k === selected.length - 1 ? left : mulDivFloor(action.amount, balances[k], total);
    left -= share;
    loan.terms = {
      ...loan.terms,
      prepayment: { period: periods[k], amount: share, effect: action.effect },
    };
  });
}

/** A loan's balance after payment `period`'s scheduled principal, without any prepayment. */
function balanceAtPayment(
  loan: StackLoan,
  period: number,
  asOf: EpochDay,
  indexes: IndexPaths | undefined,
): number {
  const plain = { ...loan, terms: { ...loan.terms, prepayment: undefined } };
  const scenario = { indexes: indexes!, shock: null, mode: 'realistic' as const, asOf };
  const { flows } = buildSchedule(plain.terms, loanRates(plain, scenario));
  return flows.opening[period - 1] - flows.principal[period - 1];
}
