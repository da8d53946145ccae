import { scheduledMonth } from '../time/payment-dates';
import { Case } from '../case/case';
import type { GridCell } from '../grid/simulate';
import { FLAT_PROFILE, monthlyFlows } from './monthly-profile';

/** One row of the 資金繰り表: an item and its amount in each month. */
export interface CashTableRow {
  item: string;
  /** The lender of a 財務収支 or balance row. */
  lender?: string;
  kind:
    'opening' | 'receipts' | 'payments' | 'interest' | 'tax' | 'financing' | 'closing' | 'balance';
  values: number[];
}

export interface CashTable {
  /** YYYY-MM of each month. */
  months: string[];
  rows: CashTableRow[];
  /** Index of the month with the lowest closing cash. */
  lowestMonth: number;
}

/**
 * The 資金繰り表 of a cell's first `months` plan months (12 or 24), on the projection's own cash
 * walk: operating cash before interest (経常利益 + 支払利息 + 保証料 + 減価償却費 − 設備投資 −
 * 運転資本増加) arrives as 経常収入 (売上回収, revenue) less 経常支出 (the rest), timed by the
 * case's monthlyProfile (flat by default), each month's interest and 保証料 and each lender's principal go
 * out, taxes at the year end; so a year's last 翌月繰越 is the projection's year-end cash (the
 * projection rounds it to the yen each year end, as here).
 */
export function cashTable(c: Case, cell: GridCell, months = 12): CashTable {
  const n = Math.min(months, cell.years.length * 12);
  const firstKey = (cell.years[0].fiscalYear - 1) * 12 + c.profile.fiscalYearEndMonth;
  // A payment counts in its scheduled month, as in the projection, even when a holiday moved
  // it past the month end.
  const gridMonth = (dates: ArrayLike<number>, k: number) => scheduledMonth(dates, k) - firstKey;
  const interest = new Array<number>(n).fill(0);
  const principal = new Map<string, number[]>();
  const balance = new Map<string, number[]>();
  const lenderRow = (map: Map<string, number[]>, lender: string) => {
    if (!map.has(lender)) map.set(lender, new Array<number>(n).fill(0));
    return map.get(lender)!;
  };
  cell.schedules.seniorSchedules.forEach((s, i) => {
    const lender = cell.book.senior[i].lender;
    const paid = lenderRow(principal, lender);
    const owed = lenderRow(balance, lender);
    let left = s.terms.principal;
    let last = -1;
    for (let k = 0; k < s.flows.principal.length; k++) {
      const g = gridMonth(s.dates, k + 1);
      for (let h = Math.max(last + 1, 0); h < Math.min(g, n); h++) owed[h] += left;
      left -= s.flows.principal[k];
      if (g >= 0 && g < n) {
        interest[g] += s.flows.interest[k] + s.flows.fee[k];
        paid[g] += s.flows.principal[k];
        owed[g] += left;
      }
      last = Math.max(last, g);
    }
    for (let h = Math.max(last + 1, 0); h < n; h++) owed[h] += left;
  });
  for (const f of cell.schedules.capitalFlows) {
    const lender = `${f.loan.name}`;
    const paid = lenderRow(principal, lender);
    const owed = lenderRow(balance, lender);
    let left = f.loan.amount;
    for (let k = 0; k < f.periods; k++) {
      const g = gridMonth(f.dates, k + 1);
      if (g < 0 || g >= n) continue;
      interest[g] += f.interest[k];
      paid[g] += f.principal[k];
      left -= f.principal[k];
      owed[g] = left;
    }
  }
  for (const l of cell.pool?.lenders ?? []) {
    const paid = lenderRow(principal, l.lender);
    const owed = lenderRow(balance, l.lender);
    for (let g = 0; g < n; g++) {
      interest[g] += l.monthlyInterest[g];
      paid[g] += l.monthlyRepayment[g];
      owed[g] += l.monthlyClosing[g];
    }
  }
  const opening: number[] = [];
  const receipts: number[] = [];
  const payments: number[] = [];
  const profile = c.monthlyProfile ?? FLAT_PROFILE;
  let flows = { receipts: [] as number[], payments: [] as number[] };
  const tax: number[] = [];
  const closing: number[] = [];
  let cash = c.base.cash + cell.book.newMoney;
  for (let g = 0; g < n; g++) {
    const y = cell.years[Math.floor(g / 12)];
    const opCash =
      y.ordinaryProfit +
      y.interest +
      y.guaranteeFees +
      y.depreciation -
      y.capex -
      y.workingCapitalChange;
    if (g % 12 === 0) flows = monthlyFlows(y.revenue, opCash, profile);
    opening.push(cash);
    receipts.push(flows.receipts[g % 12]);
    payments.push(flows.payments[g % 12]);
    tax.push(g % 12 === 11 ? y.taxes : 0);
    let paid = 0;
    for (const row of principal.values()) paid += row[g];
    cash += flows.receipts[g % 12] - flows.payments[g % 12] - interest[g] - paid - tax[g];
    if (g % 12 === 11) cash = Math.round(cash);
    closing.push(cash);
  }
  const round = (xs: number[]) => xs.map((x) => Math.round(x));
  const lowestMonth = closing.indexOf(Math.min(...closing));
  const label = (g: number) => {
    const key = firstKey + g;
    return `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, '0')}`;
  };
  return {
    months: Array.from({ length: n }, (_, g) => label(g)),
    lowestMonth,
    rows: [
      { item: '前月繰越 / opening cash', kind: 'opening', values: round(opening) },
      { item: '経常収入 (売上回収) / receipts', kind: 'receipts', values: round(receipts) },
      {
        item: '経常支出 (利息前) / payments',
        kind: 'payments',
        values: round(payments.map((x) => 0 - x)), // 0 − x: no −0 in a month without payments
      },
      {
        item: '支払利息・保証料 / interest and fees',
        kind: 'interest',
        values: round(interest.map((x) => -x)),
      },
      { item: '法人税等 / taxes', kind: 'tax', values: round(tax.map((x) => -x)) },
      ...[...principal.entries()].map(([lender, xs]) => ({
        item: `財務収支 返済 ${lender} / repaid`,
        lender,
        kind: 'financing' as const,
        values: round(xs.map((x) => -x)),
      })),
      { item: '翌月繰越 / closing cash', kind: 'closing', values: round(closing) },
      ...[...balance.entries()].map(([lender, xs]) => ({
        item: `月末残高 ${lender} / balance`,
        lender,
        kind: 'balance' as const,
        values: round(xs),
      })),
    ],
  };
}
