import {
  DayCount,
  DebtRepaymentForm,
  LoanSpec,
  MAX_PRINCIPAL,
  MAX_TERM_MONTHS,
  RepaymentMethod,
  parseLoanSpec,
} from '../../engine';
import {
  CellProblem,
  CellRead,
  Choice,
  isBlank,
  readChoice,
  readDate,
  readNumber,
  readRate,
} from '../../workbook/cell-values';
import {
  DAY_COUNT_CHOICES,
  DEBT_YEARS_FORM_CHOICES,
  METHOD_CHOICES,
} from '../../workbook/input-layout';
import { SnapshotValue } from '../../workbook/snapshot';

/**
 * Reading the arguments Excel hands to the RATESHOCK.* custom functions. Excel passes numbers,
 * text, booleans, and `null` (or `undefined`) for an omitted optional argument; a blank cell or
 * empty text counts as omitted too. Values are read with the sheet contract's cell readers
 * (workbook/cell-values.ts: full-width digits, "2.3%", Japanese labels, date serials), so a cell
 * argument is read exactly as the same value in an input table would be; loan terms are then
 * checked by the engine's own loan reader (parseLoanSpec).
 *
 * Every problem is an {@link ArgumentError} whose message names the argument in both languages,
 * e.g. `返済期間・月数（termMonths）は 1 以上の整数で入力してください / termMonths must be a whole
 * number of at least 1`. The Office layer (addin/office/register-functions.ts) turns it into
 * Excel's #VALUE! with that message.
 */

/** Japanese names of the arguments, shown before the English name in error messages. */
export const ARGUMENT_LABELS: Readonly<Record<string, string>> = {
  principal: '借入額',
  annualRate: '年利',
  termMonths: '返済期間・月数',
  method: '返済方法',
  graceMonths: '据置期間・月数',
  startDate: '借入日',
  dayCount: '日数計算',
  shock: '金利上昇幅',
  debt: '有利子負債',
  cash: '現預金',
  receivables: '売上債権',
  inventory: '棚卸資産',
  payables: '仕入債務',
  ordinaryProfit: '経常利益',
  depreciation: '減価償却費',
  taxes: '法人税等',
  form: '算式',
  interest: '支払利息',
  scheduledPrincipal: '約定返済額',
  guaranteeFees: '信用保証料',
};

/** A bad argument: `argument` is its English name; the message is Japanese, then English. */
export class ArgumentError extends Error {
  constructor(
    readonly argument: string,
    problem: CellProblem,
  ) {
    const label = ARGUMENT_LABELS[argument] ?? argument;
    super(`${label}（${argument}）${problem.ja} / ${argument} ${problem.en}`);
    this.name = 'ArgumentError';
  }
}

/** What Excel may pass for one argument. */
export type ExcelArg = string | number | boolean | null | undefined;

function isOmitted(v: ExcelArg): boolean {
  return v === undefined || isBlank(v);
}

/** The argument as a cell value; TRUE / FALSE are read as text, so a number reader refuses them. */
function cell(v: ExcelArg): SnapshotValue {
  if (v === undefined) return null;
  return typeof v === 'boolean' ? String(v) : v;
}

function valueOf<T>(argument: string, read: CellRead<T> | undefined): T | undefined {
  if (read === undefined) return undefined;
  if (!read.ok) throw new ArgumentError(argument, read.problem);
  return read.value;
}

const REQUIRED: CellProblem = { ja: 'を入力してください', en: 'is required' };

export interface NumberRules {
  /** The value when the argument is omitted; without it the argument is required. */
  fallback?: number;
  /** Lowest allowed value (inclusive). */
  min?: number;
  integer?: boolean;
}

/** A number (an amount, a count): 2500000, "2,500,000", "△500"; booleans are refused. */
export function numberArg(argument: string, v: ExcelArg, rules: NumberRules = {}): number {
  if (isOmitted(v)) {
    if (rules.fallback === undefined) throw new ArgumentError(argument, REQUIRED);
    return rules.fallback;
  }
  const n = valueOf(argument, readNumber(cell(v)));
  if (n === undefined) throw new ArgumentError(argument, REQUIRED);
  if (rules.integer && !Number.isInteger(n)) {
    throw new ArgumentError(argument, {
      ja: 'は整数で入力してください',
      en: 'must be a whole number',
    });
  }
  if (rules.min !== undefined && n < rules.min) {
    throw new ArgumentError(argument, {
      ja: `は ${rules.min} 以上で入力してください`,
      en: `must be at least ${rules.min}`,
    });
  }
  return n;
}

/**
 * An annual rate as a decimal: 0.025 (Excel hands a cell formatted 2.5 % over as 0.025), or the
 * text "2.5%". A value of 1 or more is refused with a hint: it is almost always 2.5 typed for
 * 2.5 %.
 */
export function rateArg(argument: string, v: ExcelArg, fallback?: number): number {
  if (isOmitted(v)) {
    if (fallback === undefined) throw new ArgumentError(argument, REQUIRED);
    return fallback;
  }
  const rate = valueOf(argument, readRate(cell(v)))!;
  if (Math.abs(rate) >= 1) {
    throw new ArgumentError(argument, {
      ja: `は率で入力してください（2.5% は 0.025 または "2.5%"）: ${rate}`,
      en: `must be a rate: write 2.5 % as 0.025 or "2.5%" (got ${rate})`,
    });
  }
  return rate;
}

function choiceArg<T>(
  argument: string,
  v: ExcelArg,
  choices: readonly Choice<T>[],
  fallback: T,
): T {
  if (isOmitted(v)) return fallback;
  return valueOf(argument, readChoice(cell(v), choices)) ?? fallback;
}

/** 元金均等 / 元利均等 / 期限一括 (or equal-principal / annuity / bullet); default 元利均等. */
export function methodArg(v: ExcelArg): RepaymentMethod {
  return choiceArg('method', v, METHOD_CHOICES, 'annuity') as RepaymentMethod;
}

/** ACT/365F (日割) or 30/360 (月割); `undefined` when omitted. */
export function dayCountArg(v: ExcelArg): DayCount | undefined {
  return choiceArg<string | undefined>('dayCount', v, DAY_COUNT_CHOICES, undefined) as
    DayCount | undefined;
}

/** ネット (net, default) or シンプル (simple): the 債務償還年数 formula. */
export function debtYearsFormArg(v: ExcelArg): DebtRepaymentForm {
  return choiceArg('form', v, DEBT_YEARS_FORM_CHOICES, 'net') as DebtRepaymentForm;
}

/** A date: an Excel date serial (a date cell) or a date text; YYYY-MM-DD, or `undefined`. */
export function dateArg(argument: string, v: ExcelArg): string | undefined {
  if (isOmitted(v)) return undefined;
  return valueOf(argument, readDate(cell(v)));
}

/**
 * The start date used when none is given. Without a date the schedule is calendar-free: it is
 * computed under 30/360 (every month 30 days, interest = rate / 12 a month), under which the
 * anchor date changes no amount, and no payment dates are shown.
 */
export const CALENDAR_FREE_START = '2000-01-01';

/** The loan arguments shared by PAYMENT, SCHEDULE and SHOCKED_INTEREST, as Excel passes them. */
export interface LoanArgs {
  principal: ExcelArg;
  annualRate: ExcelArg;
  termMonths: ExcelArg;
  method?: ExcelArg;
  graceMonths?: ExcelArg;
  startDate?: ExcelArg;
  dayCount?: ExcelArg;
}

/** A loan read from the arguments, and whether its payment dates are real (a date was given). */
export interface LoanArgsRead {
  spec: LoanSpec;
  dated: boolean;
}

/**
 * Reads a loan's arguments and hands them to the engine's loan reader (parseLoanSpec), so that
 * the ranges (whole yen, at most 600 months, grace inside the term, rate at most 30 %, …) are the
 * engine's. Day count: as given; otherwise ACT/365F (日割) when a start date is given and 30/360
 * (月割) when not. ACT/365F needs a start date.
 */
export function loanArgs(args: LoanArgs): LoanArgsRead {
  const principal = numberArg('principal', args.principal);
  if (principal <= 0 || principal > MAX_PRINCIPAL || !Number.isInteger(principal)) {
    throw new ArgumentError('principal', {
      ja: `は 1 円以上 ${MAX_PRINCIPAL.toLocaleString('ja-JP')} 円以下の円単位の整数で入力してください`,
      en: `must be a whole number of yen from 1 to ${MAX_PRINCIPAL.toLocaleString('en-US')}`,
    });
  }
  const annualRate = rateArg('annualRate', args.annualRate);
  const termMonths = numberArg('termMonths', args.termMonths, { integer: true, min: 1 });
  if (termMonths > MAX_TERM_MONTHS) {
    throw new ArgumentError('termMonths', {
      ja: `は ${MAX_TERM_MONTHS} か月以下で入力してください`,
      en: `must be at most ${MAX_TERM_MONTHS} months`,
    });
  }
  const graceMonths = numberArg('graceMonths', args.graceMonths, {
    integer: true,
    min: 0,
    fallback: 0,
  });
  if (graceMonths >= termMonths) {
    throw new ArgumentError('graceMonths', {
      ja: `は返済期間（${termMonths} か月）より短くしてください（据置は期間内）`,
      en: `must be less than termMonths (${termMonths}): grace is inside the term`,
    });
  }
  const method = methodArg(args.method);
  const startDate = dateArg('startDate', args.startDate);
  const dayCount = dayCountArg(args.dayCount) ?? (startDate ? 'ACT/365F' : '30/360');
  if (dayCount === 'ACT/365F' && !startDate) {
    throw new ArgumentError('startDate', {
      ja: 'は日割（ACT/365F）の計算に必要です。借入日を入力するか、日数計算を 30/360 にしてください',
      en: 'is required for ACT/365F: give the drawdown date, or use dayCount 30/360',
    });
  }
  const parsed = parseLoanSpec({
    principal,
    annualRate,
    termMonths,
    graceMonths,
    method,
    dayCount,
    startDate: startDate ?? CALENDAR_FREE_START,
    rounding: 'floor',
    guaranteeFeeRate: 0,
    // The function keeps the contract's dates (as EDATE gives them); runs move them to business days.
    businessDay: 'none',
  });
  if (!parsed.ok) {
    // What the checks above let through (e.g. a rate above the engine's 30 %), in the engine's words.
    const e = parsed.errors[0];
    throw new ArgumentError(e.field, { ja: `の値が範囲外です（${e.message}）`, en: e.message });
  }
  return { spec: parsed.value, dated: startDate !== undefined };
}
