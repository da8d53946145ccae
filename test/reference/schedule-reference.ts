/**
 * An independent, deliberately slow and simple Japanese loan schedule, written from the rules as
 * stated in domain.md §5 and §10 and the README (`schedule` conventions, `prepay`), never from the
 * engine's code. Yen are exact: with `floor` rounding every amount is a BigInt, so no
 * floating-point floor can lose a yen. Used only by tests, to hold the engine against it.
 */
import { getHolidaysOf } from 'japanese-holidays';

export type RefMethod = 'equal-principal' | 'annuity' | 'bullet';
export type RefDayCount = 'ACT/365F' | '30/360';
export type RefBusinessDay = 'following' | 'preceding' | 'none';

export interface RefLoan {
  principal: number;
  termMonths: number;
  graceMonths: number;
  method: RefMethod;
  dayCount: RefDayCount;
  /** Drawdown date, `YYYY-MM-DD`. */
  startDate: string;
  /** Annual rate of each period (index 0 = period 1), as a decimal. */
  rates: number[];
  guaranteeFeeRate: number;
  guaranteeFeePayment: 'installments' | 'lump-sum';
  businessDay: RefBusinessDay;
  /** 繰上返済: `amount` more principal paid with payment `period` (1-based). */
  prepayment?: { period: number; amount: number; effect: 'shorten-term' | 'lower-instalment' };
}

export interface RefRow {
  period: number;
  date: string;
  days: number;
  opening: number;
  interest: number;
  principal: number;
  fee: number;
  closing: number;
}

export interface RefSchedule {
  rows: RefRow[];
  upfrontFee: number;
}

// ---- Dates -------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function ymd(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function iso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function parseIso(s: string): number {
  const [y, m, d] = s.split('-').map(Number);
  return dayNumber(y, m, d);
}

/** The start's day of month, `months` later, clamped to that month's last day (Jan 31 → Feb 28). */
function addMonthsClamped(start: number, months: number): number {
  const { y, m, d } = ymd(start);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dayNumber(year, month, Math.min(d, lastDay));
}

const holidayCache = new Map<number, Set<string>>();

/** National holidays of a year (振替休日 and 国民の休日 included) as `M-D`. */
function holidaysOf(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(getHolidaysOf(year, true).map((h) => `${h.month}-${h.date}`));
    holidayCache.set(year, set);
  }
  return set;
}

/** Banks close on weekends, national holidays, 12/31, 1/2 and 1/3. */
export function isBankHoliday(day: number): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  const { y, m, d } = ymd(day);
  if ((m === 12 && d === 31) || (m === 1 && (d === 2 || d === 3))) return true;
  return holidaysOf(y).has(`${m}-${d}`);
}

function roll(day: number, convention: RefBusinessDay): number {
  if (convention === 'none') return day;
  const step = convention === 'following' ? 1 : -1;
  let moved = day;
  while (isBankHoliday(moved)) moved += step;
  return moved;
}

// ---- Exact yen arithmetic ------------------------------------------------------------------

/** Rates as whole numbers of 1e-7, so every product below is an exact integer. */
const SCALE = 10_000_000n;

function units(rate: number): bigint {
  return BigInt(Math.round(rate * 1e7));
}

/** floor(balance × rate × days / 365) or, under 30/360, floor(balance × rate / 12). */
function accrual(balance: bigint, rate: bigint, days: number, dayCount: RefDayCount): bigint {
  return dayCount === '30/360'
    ? (balance * rate) / (12n * SCALE)
    : (balance * rate * BigInt(days)) / (365n * SCALE);
}

/** PMT(r/12, n, balance) cut to whole yen, exactly: B·u·(D+u)^n / (D·((D+u)^n − D^n)). */
function annuityInstalment(balance: bigint, rate: bigint, n: number): bigint {
  if (rate === 0n) return balance / BigInt(n);
  const d = 12n * SCALE;
  const grown = (d + rate) ** BigInt(n);
  return (balance * rate * grown) / (d * (grown - d ** BigInt(n)));
}

/**
 * The fewest instalments of `kept` that repay `balance` at r/12: A·D·((D+u)^n − D^n) ≥ B·u·(D+u)^n;
 * Infinity when `kept` does not cover the month's interest (it never repays).
 */
function instalmentsToRepay(balance: bigint, kept: bigint, rate: bigint): number {
  if (kept * 12n * SCALE <= balance * rate) return Infinity;
  if (rate === 0n) return Number((balance + kept - 1n) / kept);
  const d = 12n * SCALE;
  for (let n = 1; n <= 1200; n++) {
    const grown = (d + rate) ** BigInt(n);
    if (kept * d * (grown - d ** BigInt(n)) >= balance * rate * grown) return n;
  }
  throw new Error('the kept instalment never repays the balance');
}

/** 分割係数 in percent: 1.0 for a bullet, else by the number of instalments (term − grace). */
function coefficientPercent(loan: RefLoan): bigint {
  if (loan.method === 'bullet') return 100n;
  const instalments = loan.termMonths - loan.graceMonths;
  if (instalments <= 6) return 70n;
  if (instalments <= 12) return 65n;
  if (instalments <= 24) return 60n;
  return 55n;
}

/** amount × fee rate × months ÷ 12 × 分割係数, cut to whole yen. */
export function referenceLumpSumFee(loan: RefLoan): number {
  const fee =
    (BigInt(loan.principal) *
      units(loan.guaranteeFeeRate) *
      BigInt(loan.termMonths) *
      coefficientPercent(loan)) /
    (12n * SCALE * 100n);
  return Number(fee);
}

// ---- The schedule ------------------------------------------------------------------------

/** The schedule of a loan with whole-yen (`floor`) rounding, every amount exact. */
export function referenceSchedule(loan: RefLoan): RefSchedule {
  const start = parseIso(loan.startDate);
  const lumpSum = loan.guaranteeFeePayment === 'lump-sum';
  const feeRate = units(loan.guaranteeFeeRate);
  const grace = loan.graceMonths;
  let last = loan.termMonths; // the period that repays what is left (earlier after 期間短縮)
  let balance = BigInt(loan.principal);
  let instalment = 0n; // annuity: principal + interest; equal principal: principal
  let previousDate = start;
  const rows: RefRow[] = [];

  for (let k = 1; k <= last && balance > 0n; k++) {
    const date = roll(addMonthsClamped(start, k), loan.businessDay);
    // ACT/365F runs between the moved dates; 30/360 counts every month as 30 days.
    const days = loan.dayCount === '30/360' ? 30 : date - previousDate;
    const rate = units(loan.rates[k - 1]);
    const opening = balance;
    const interest = accrual(opening, rate, days, loan.dayCount);
    const fee = lumpSum ? 0n : accrual(opening, feeRate, days, loan.dayCount);

    // Equal principal: the contract's 約定元金, principal ÷ (term − grace), fixed at drawdown.
    if (k === 1 && loan.method === 'equal-principal') {
      instalment = opening / BigInt(last - grace);
    }
    // An annuity's instalment is set at the first repayment month and again whenever the rate
    // changes (over the months left to `last`).
    if (
      loan.method === 'annuity' &&
      k > grace &&
      (k === grace + 1 || loan.rates[k - 1] !== loan.rates[k - 2])
    ) {
      instalment = annuityInstalment(opening, rate, last - k + 1);
    }

    let principal = 0n;
    if (k === last) principal = opening;
    else if (k > grace && loan.method === 'equal-principal')
      principal = instalment < opening ? instalment : opening;
    else if (k > grace && loan.method === 'annuity') {
      principal = instalment - interest;
      if (principal < 0n) principal = 0n;
      if (principal > opening) principal = opening;
    }

    const prepay = loan.prepayment;
    if (prepay && prepay.period === k && k < last) {
      const extra = BigInt(prepay.amount);
      const left = opening - principal;
      principal += extra < left ? extra : left;
      const after = opening - principal;
      if (after > 0n && loan.method === 'equal-principal' && prepay.effect === 'lower-instalment') {
        // What is left, re-spread over the repayment months left (none of the grace).
        instalment = after / BigInt(last - Math.max(k, grace));
      }
      // An annuity in its grace months has no instalment yet: it is set later on the lower
      // balance over the whole repayment term, whatever the effect.
      if (after > 0n && loan.method === 'annuity' && k > grace) {
        if (prepay.effect === 'lower-instalment') {
          instalment = annuityInstalment(after, rate, last - k);
        } else {
          // Never past the contract's end (a cut instalment can leave the last one a few yen more).
          last = Math.min(last, k + instalmentsToRepay(after, instalment, rate));
        }
      }
      // Equal principal 期間短縮 keeps its instalment and simply ends when the balance does.
    }

    balance = opening - principal;
    rows.push({
      period: k,
      date: iso(date),
      days,
      opening: Number(opening),
      interest: Number(interest),
      principal: Number(principal),
      fee: Number(fee),
      closing: Number(balance),
    });
    previousDate = date;
  }
  return { rows, upfrontFee: lumpSum ? referenceLumpSumFee(loan) : 0 };
}
