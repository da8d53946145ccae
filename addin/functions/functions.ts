import { buildSchedule, debtRepaymentYears, dscr, loanSpecRates, scheduleRows } from '../../engine';
import { serialOfEpochDay } from '../../workbook/excel-serial';
import {
  ArgumentError,
  ExcelArg,
  debtYearsFormArg,
  loanArgs,
  numberArg,
  rateArg,
} from './arguments';

/*
 * The RATESHOCK.* Excel custom functions. Pure: they call the engine and nothing of Office;
 * addin/office/register-functions.ts associates them with their ids. functions.json is generated
 * from the JSDoc below by custom-functions-metadata (`@customfunction ID NAME`; the first line of
 * a comment is the description Excel shows; `@remarks` is for people reading the code).
 *
 * Conventions shared by the loan functions (PAYMENT, SCHEDULE, SHOCKED_INTEREST):
 * - amounts in whole yen; interest 円未満切捨て, the last installment absorbs the rounding
 *   (the engine's defaults); no guarantee fee;
 * - the first payment falls one month after the start date (借入日), on the same day of the
 *   month (clamped to month end); grace months (据置) are interest only, inside the term;
 * - day count: as given; if omitted, ACT/365F (日割, the Japanese default) when a start date is
 *   given and 30/360 (月割: every month rate / 12) when not — without a date the schedule is
 *   calendar-free and shows no payment dates.
 * Bad arguments throw an ArgumentError naming the argument in Japanese and English.
 *
 * Parameter types are the plain number / string the metadata generator understands; Excel
 * passes null for an omitted optional argument, which the argument readers treat as omitted.
 */

/**
 * 約定返済額（元利均等・元金均等・期限一括）：最初の約定返済月の元金＋利息 / Monthly payment: principal + interest of the first regular installment
 *
 * @remarks
 * The payment of the first month after the grace period (period graceMonths + 1) of the engine's
 * schedule. For 元利均等 (annuity) this is the level installment PMT(rate/12, term − grace,
 * −principal) cut to whole yen, whatever the day count (the interest part varies with the days,
 * the installment does not). For 元金均等 (equal principal) it is ⌊principal / (term − grace)⌋
 * plus that month's interest, which depends on the day count and the start date. For 期限一括
 * (bullet) it is the first month's interest.
 *
 * @customfunction PAYMENT PAYMENT
 * @param principal 借入額（円） / Loan amount in yen
 * @param annualRate 年利（2.5% または 0.025） / Annual rate, e.g. 2.5% or 0.025
 * @param termMonths 返済期間（月数、据置を含む） / Term in months, grace included
 * @param method 返済方法: 元利均等（省略時）・元金均等・期限一括 / Repayment method: annuity (default), equal-principal or bullet
 * @param graceMonths 据置期間（月数、省略時 0） / Interest-only months at the start (default 0)
 * @param startDate 借入日（省略時は日付なし・30/360） / Drawdown date (if omitted: no dates, 30/360)
 * @param dayCount 日数計算: ACT/365F（日割）・30/360（月割） / Day count: ACT/365F or 30/360
 * @returns 返済額（円） / Payment in yen
 */
export function payment(
  principal: number,
  annualRate: number,
  termMonths: number,
  method?: string,
  graceMonths?: number,
  startDate?: number,
  dayCount?: string,
): number {
  const args = { principal, annualRate, termMonths, method, graceMonths, startDate, dayCount };
  const { spec } = loanArgs(args);
  const rows = scheduleRows(buildSchedule(spec, loanSpecRates(spec)));
  return rows[spec.graceMonths].payment;
}

/** The header row of SCHEDULE's spill. */
export const SCHEDULE_HEADER: readonly string[] = [
  '回 / period',
  '返済日 / date',
  '期首残高 / opening',
  '利息 / interest',
  '元金 / principal',
  '返済額 / payment',
  '期末残高 / closing',
];

/**
 * 返済予定表（月次、スピル） / Monthly repayment schedule (spills)
 *
 * @remarks
 * A header row, then one row per month: period, payment date (an Excel date serial; empty when
 * no start date is given), opening balance, interest, principal, payment (principal +
 * interest), closing balance — the engine's schedule row for row. Format the date column as a
 * date.
 *
 * @customfunction SCHEDULE SCHEDULE
 * @param principal 借入額（円） / Loan amount in yen
 * @param annualRate 年利（2.5% または 0.025） / Annual rate, e.g. 2.5% or 0.025
 * @param termMonths 返済期間（月数、据置を含む） / Term in months, grace included
 * @param method 返済方法: 元利均等（省略時）・元金均等・期限一括 / Repayment method: annuity (default), equal-principal or bullet
 * @param graceMonths 据置期間（月数、省略時 0） / Interest-only months at the start (default 0)
 * @param startDate 借入日（省略時は日付なし・30/360） / Drawdown date (if omitted: no dates, 30/360)
 * @param dayCount 日数計算: ACT/365F（日割）・30/360（月割） / Day count: ACT/365F or 30/360
 * @returns 見出し行＋月次の行 / Header row, then one row per month
 */
export function schedule(
  principal: number,
  annualRate: number,
  termMonths: number,
  method?: string,
  graceMonths?: number,
  startDate?: number,
  dayCount?: string,
): Array<Array<number | string>> {
  const args = { principal, annualRate, termMonths, method, graceMonths, startDate, dayCount };
  const { spec, dated } = loanArgs(args);
  const built = buildSchedule(spec, loanSpecRates(spec));
  const out: Array<Array<number | string>> = [[...SCHEDULE_HEADER]];
  for (const r of scheduleRows(built)) {
    const date = dated ? serialOfEpochDay(built.dates[r.period]) : '';
    out.push([r.period, date, r.opening, r.interest, r.principal, r.payment, r.closing]);
  }
  return out;
}

/**
 * 金利上昇後の当初12か月の支払利息 / Interest over the first 12 months at the shocked rate
 *
 * @remarks
 * The loan's interest over its first 12 monthly payments (its whole term if shorter) when the
 * rate is annualRate + shock from the first month (an annuity's installment is computed at the
 * shocked rate). The increase a shock brings is SHOCKED_INTEREST(…, shock) −
 * SHOCKED_INTEREST(…, 0).
 *
 * @customfunction SHOCKED_INTEREST SHOCKED_INTEREST
 * @param principal 借入額（円） / Loan amount in yen
 * @param annualRate 年利（2.5% または 0.025） / Annual rate, e.g. 2.5% or 0.025
 * @param termMonths 返済期間（月数、据置を含む） / Term in months, grace included
 * @param shock 金利上昇幅（+0.5% は 0.005） / Rate rise, e.g. 0.005 for +0.5%
 * @param method 返済方法: 元利均等（省略時）・元金均等・期限一括 / Repayment method: annuity (default), equal-principal or bullet
 * @param graceMonths 据置期間（月数、省略時 0） / Interest-only months at the start (default 0)
 * @param startDate 借入日（省略時は日付なし・30/360） / Drawdown date (if omitted: no dates, 30/360)
 * @param dayCount 日数計算: ACT/365F（日割）・30/360（月割） / Day count: ACT/365F or 30/360
 * @returns 当初12か月の支払利息（円） / Interest in yen over the first 12 months
 */
export function shockedInterest(
  principal: number,
  annualRate: number,
  termMonths: number,
  shock: number,
  method?: string,
  graceMonths?: number,
  startDate?: number,
  dayCount?: string,
): number {
  const rate = rateArg('annualRate', annualRate);
  const rise = rateArg('shock', shock);
  if (rate + rise < 0) {
    throw new ArgumentError('shock', {
      ja: `は年利を 0 未満にしない値で入力してください（年利 ${rate}）`,
      en: `must not take the rate below 0 (annualRate ${rate})`,
    });
  }
  const shocked = rate + rise;
  const args = {
    principal,
    annualRate: shocked,
    termMonths,
    method,
    graceMonths,
    startDate,
    dayCount,
  };
  const { spec } = loanArgs(args);
  // The engine sums interest per year block; the first block is the first 12 periods.
  return buildSchedule(spec, loanSpecRates(spec)).flows.yearInterest[0];
}

/** What DEBTYEARS shows when the cash flow is zero or negative, as the workbook's sheets do. */
export const CANNOT_REPAY = '返済不能';

/** What DSCR shows when nothing is due, as the workbook's sheets do. */
export const NO_VALUE = '—';

/**
 * 債務償還年数（(有利子負債 − 現預金 − 正常運転資金) ÷ (経常利益 + 減価償却費 − 法人税等)） / Debt repayment years
 *
 * @remarks
 * The engine's debtRepaymentYears. Net form (default): (有利子負債 − 現預金 − 正常運転資金) ÷
 * (経常利益 + 減価償却費 − 法人税等), 正常運転資金 = 売上債権 + 棚卸資産 − 仕入債務; simple form:
 * 有利子負債 ÷ (経常利益 + 減価償却費 − 法人税等). Debt ≤ 0 (実質無借金) gives 0; a cash flow of zero
 * or less with debt to repay gives the text "返済不能" (as the result sheets show it). Leave the
 * capital-recognised share of capital-type loans (資本性借入金) out of `debt`. Thresholds:
 * ≤ 10 normal, > 13 危機対応後経営安定貸付, ≥ 15 過剰債務.
 *
 * @customfunction DEBTYEARS DEBTYEARS
 * @param debt 有利子負債（円） / Interest-bearing debt in yen
 * @param ordinaryProfit 経常利益（円） / Ordinary profit in yen
 * @param depreciation 減価償却費（円） / Depreciation in yen
 * @param taxes 法人税等（円、省略時 0） / Corporate taxes in yen (default 0)
 * @param cash 現預金（円、省略時 0） / Cash and deposits in yen (default 0)
 * @param receivables 売上債権（円、省略時 0） / Trade receivables in yen (default 0)
 * @param inventory 棚卸資産（円、省略時 0） / Inventory in yen (default 0)
 * @param payables 仕入債務（円、省略時 0） / Trade payables in yen (default 0)
 * @param form 算式: ネット（省略時）・シンプル / Formula: net (default) or simple
 * @returns 年数、または「返済不能」 / Years, or 返済不能 when the cash flow is not positive
 */
export function debtYears(
  debt: number,
  ordinaryProfit: number,
  depreciation: number,
  taxes?: number,
  cash?: number,
  receivables?: number,
  inventory?: number,
  payables?: number,
  form?: string,
): number | string {
  const nonNegative = (name: string, v: ExcelArg, fallback?: number) =>
    numberArg(name, v, { min: 0, fallback });
  const m = debtRepaymentYears({
    interestBearingDebt: nonNegative('debt', debt),
    ordinaryProfit: numberArg('ordinaryProfit', ordinaryProfit),
    depreciation: nonNegative('depreciation', depreciation),
    taxes: numberArg('taxes', taxes, { fallback: 0 }),
    cash: nonNegative('cash', cash, 0),
    receivables: nonNegative('receivables', receivables, 0),
    inventory: nonNegative('inventory', inventory, 0),
    payables: nonNegative('payables', payables, 0),
    form: debtYearsFormArg(form),
  });
  if (m.value !== null) return m.value;
  if (m.reason === 'non-positive-cash-flow') return CANNOT_REPAY;
  throw new RangeError(`債務償還年数を計算できません / debt repayment years: ${m.reason}`);
}

/**
 * DSCR（(経常利益 + 支払利息 + 減価償却費 − 法人税等) ÷ (支払利息 + 約定返済 + 保証料)） / Debt service coverage ratio
 *
 * @remarks
 * The engine's dscr: cash available for debt service (経常利益 + 支払利息 + 減価償却費 − 法人税等)
 * ÷ debt service (支払利息 + 約定返済 + 信用保証料), all for the same year. With nothing due the
 * result is the text "—" (as the result sheets show it). < 1.0: repayments exceed cash flow;
 * banks often want ≥ 1.2.
 *
 * @customfunction DSCR DSCR
 * @param ordinaryProfit 経常利益（円、支払利息控除後） / Ordinary profit in yen, after interest
 * @param interest 支払利息（円） / Interest paid in yen
 * @param depreciation 減価償却費（円） / Depreciation in yen
 * @param scheduledPrincipal 約定返済額（元金、円） / Scheduled principal repayments in yen
 * @param taxes 法人税等（円、省略時 0） / Corporate taxes in yen (default 0)
 * @param guaranteeFees 信用保証料（円、省略時 0） / Guarantee fees in yen (default 0)
 * @returns DSCR（倍）、返済額がなければ「—」 / DSCR, or — when nothing is due
 */
export function debtServiceCoverage(
  ordinaryProfit: number,
  interest: number,
  depreciation: number,
  scheduledPrincipal: number,
  taxes?: number,
  guaranteeFees?: number,
): number | string {
  const m = dscr({
    ordinaryProfit: numberArg('ordinaryProfit', ordinaryProfit),
    interest: numberArg('interest', interest, { min: 0 }),
    depreciation: numberArg('depreciation', depreciation, { min: 0 }),
    principal: numberArg('scheduledPrincipal', scheduledPrincipal, { min: 0 }),
    taxes: numberArg('taxes', taxes, { fallback: 0 }),
    guaranteeFees: numberArg('guaranteeFees', guaranteeFees, { min: 0, fallback: 0 }),
  });
  if (m.value !== null) return m.value;
  if (m.reason === 'no-debt-service') return NO_VALUE;
  throw new RangeError(`DSCR を計算できません / DSCR: ${m.reason}`);
}
