/*
 * An independent, deliberately plain reference for the projection's yearly figures and the
 * council plan's tables, written from domain.md (§6 measures, §9 plan documents, §10) and the
 * README's stated conventions only — not from engine/projection or engine/plan. Its inputs are
 * what the rules take as given: the case, and per year the debt's flows (interest, 保証料,
 * principal, balances) as the engine's schedules give them. Everything else is derived here.
 * Whole yen with BigInt where the README says "exact".
 */
import type { Case, ProjectedYear, CellPlan } from '../../engine';

/** Ratios are read to 9 decimals (README: "ratios read to 9 decimals"). */
const SCALE = 1_000_000_000n;
const ratioUnits = (r: number): bigint => BigInt(Math.round(r * 1e9));

/** floor(amount × ratio), exact for whole-yen amounts. */
export function floorTimes(amount: number, ratio: number): number {
  const p = BigInt(amount) * ratioUnits(ratio);
  const q = p / SCALE;
  return Number(p < 0n && q * SCALE !== p ? q - 1n : q);
}

/** floor(a × b ÷ c) for whole yen, exact past 2^53. */
export function floorMulDiv(a: number, b: number, c: number): number {
  const p = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = p / d;
  return Number(p < 0n !== d < 0n && q * d !== p ? q - 1n : q);
}

export interface ReferenceYear {
  ordinaryProfit: number;
  taxes: number;
  lossCarryForwardUsed: number;
  lossCarryForwardClosing: number;
  netIncome: number;
  /** 簡易CF = 経常利益 + 減価償却費 − 法人税等. */
  simpleCashFlow: number;
  cash: number;
  bookNetAssets: number;
  substantiveNetWorth: number;
  insolvent: boolean;
  debtYears: number | null;
  dscr: number | null;
  ebitdaMultiple: number | null;
}

/** The debt's flows of one year, as the schedules give them (the reference's inputs). */
export type DebtYear = Pick<
  ProjectedYear,
  | 'revenue'
  | 'operatingProfit'
  | 'depreciation'
  | 'capex'
  | 'workingCapitalChange'
  | 'interest'
  | 'guaranteeFees'
  | 'swapBreakCost'
  | 'principal'
  | 'debtService'
  | 'seniorDebt'
  | 'capitalDebt'
  | 'receivables'
  | 'inventory'
  | 'payables'
>;

/**
 * §6 and the README: 経常利益 = 営業利益 + 営業外収益 + 受取利息 − 営業外費用 − 支払利息 − 保証料
 * (− a swap's 解約清算金); 法人税等 = floor(taxable × 実効税率), taxable = 経常利益 less the loss
 * carried forward — oldest first, up to 100 % of the income (SME rule), each year's loss usable for
 * the 10 years after it, `base.lossCarryForward` counted as the base year's (README).
 * Cash: operating cash before debt service (経常利益 + interest + 保証料 expensed + 減価償却費 −
 * 設備投資 − 運転資本増加) less debt service less taxes. 実質純資産 = 純資産 + 実態修正 +
 * capital-type loans recognised (`recognised[t]`, whole yen).
 */
export function referenceYears(
  c: Case,
  years: readonly DebtYear[],
  openingCash: number,
  recognised: readonly number[],
): ReferenceYear[] {
  const b = c.base;
  const nonOperating = b.nonOperatingIncome + b.interestIncome - b.nonOperatingExpense;
  // Unused losses by the plan year they arose (base year = 0), oldest first.
  let losses: { year: number; amount: number }[] =
    b.lossCarryForward > 0 ? [{ year: 0, amount: b.lossCarryForward }] : [];
  let cash = openingCash;
  let book = b.bookNetAssets;
  return years.map((y, t) => {
    const ordinaryProfit =
      y.operatingProfit + nonOperating - y.interest - y.guaranteeFees - y.swapBreakCost;
    const year = t + 1;
    losses = losses.filter((l) => year - l.year <= 10);
    let used = 0;
    let taxes = 0;
    if (ordinaryProfit > 0) {
      for (const l of losses) {
        const take = Math.min(l.amount, ordinaryProfit - used);
        l.amount -= take;
        used += take;
      }
      losses = losses.filter((l) => l.amount > 0);
      taxes = floorTimes(ordinaryProfit - used, b.effectiveTaxRate);
    } else if (ordinaryProfit < 0) losses.push({ year, amount: -ordinaryProfit });
    const loss = losses.reduce((s, l) => s + l.amount, 0);
    const netIncome = ordinaryProfit - taxes;
    const operatingCash =
      ordinaryProfit +
      y.interest +
      y.guaranteeFees +
      y.swapBreakCost +
      y.depreciation -
      y.capex -
      y.workingCapitalChange;
    cash += operatingCash - y.debtService - y.swapBreakCost - taxes;
    book += netIncome;
    const substantiveNetWorth = book + b.netAssetAdjustments + recognised[t];
    const simpleCashFlow = ordinaryProfit + y.depreciation - taxes;
    // 有利子負債 for 債務償還年数: the capital-type part recognised as capital left out (§6).
    const debt = y.seniorDebt + y.capitalDebt - recognised[t];
    const workingCapital = y.receivables + y.inventory - y.payables;
    const numerator = c.thresholds.debtYearsForm === 'net' ? debt - cash - workingCapital : debt;
    // README: nothing to repay (net debt ≤ 0, 実質無借金) is 0 years whatever the cash flow.
    const debtYears = numerator <= 0 ? 0 : simpleCashFlow > 0 ? numerator / simpleCashFlow : null;
    // DSCR: cash for debt service before interest and 保証料 ÷ (interest + principal + 保証料).
    const service = y.debtService;
    const dscr =
      service > 0
        ? (ordinaryProfit + y.interest + y.guaranteeFees + y.depreciation - taxes) / service
        : null;
    const ebitda = y.operatingProfit + y.depreciation;
    const ebitdaDebt =
      c.thresholds.ebitdaCapitalDebt === 'include'
        ? y.seniorDebt + y.capitalDebt
        : y.seniorDebt + y.capitalDebt - recognised[t];
    const netDebt = ebitdaDebt - cash;
    const ebitdaMultiple = netDebt <= 0 ? 0 : ebitda > 0 ? netDebt / ebitda : null;
    return {
      ordinaryProfit,
      taxes,
      lossCarryForwardUsed: used,
      lossCarryForwardClosing: loss,
      netIncome,
      simpleCashFlow,
      cash,
      bookNetAssets: book,
      substantiveNetWorth,
      insolvent: substantiveNetWorth < 0,
      debtYears,
      dscr,
      ebitdaMultiple,
    };
  });
}

/** §6: the share of a capital-type loan counted as capital, by whole years of term left. */
export function capitalShare(monthsLeft: number): number {
  if (monthsLeft >= 60) return 1;
  if (monthsLeft >= 48) return 0.8;
  if (monthsLeft >= 36) return 0.6;
  if (monthsLeft >= 24) return 0.4;
  if (monthsLeft >= 12) return 0.2;
  return 0;
}

// ---------------------------------------------------------------- the council plan (§9)

export interface ReferenceLender {
  lender: string;
  poolBalance: number;
  secured: number;
  unsecured: number;
}

export interface PoolLoanInput {
  id: string;
  lender: string;
  balance: number;
  guaranteeCoverage?: number;
}

/**
 * 保全 of each pool lender (README): each collateral item worth floor(value × 掛目); its liens,
 * by rank, take the least of what is left and the lien's claim (the named loans' base balances,
 * or all the lender's loans'); plus Σ floor(coverage × balance) of guaranteed pool loans when
 * guarantees count; at most the lender's pool balance.
 */
export function referenceCoverage(
  c: Case,
  pool: readonly PoolLoanInput[],
  allLoans: readonly PoolLoanInput[],
  guaranteeCounts: boolean,
): ReferenceLender[] {
  const lenders: string[] = [];
  for (const l of pool) if (!lenders.includes(l.lender)) lenders.push(l.lender);
  const collateral = new Map<string, number>();
  for (const item of c.collateral ?? []) {
    let left = floorTimes(item.value, item.haircut);
    for (const lien of [...item.liens].sort((a, b) => a.rank - b.rank)) {
      const claim = allLoans
        .filter((l) => (lien.loanIds ? lien.loanIds.includes(l.id) : l.lender === lien.lender))
        .reduce((s, l) => s + l.balance, 0);
      const take = Math.min(left, claim);
      left -= take;
      collateral.set(lien.lender, (collateral.get(lien.lender) ?? 0) + take);
    }
  }
  return lenders.map((lender) => {
    const mine = pool.filter((l) => l.lender === lender);
    const poolBalance = mine.reduce((s, l) => s + l.balance, 0);
    const guarantee = guaranteeCounts
      ? mine.reduce(
          (s, l) => s + (l.guaranteeCoverage ? floorTimes(l.balance, l.guaranteeCoverage) : 0),
          0,
        )
      : 0;
    const secured = Math.min(poolBalance, (collateral.get(lender) ?? 0) + guarantee);
    return { lender, poolBalance, secured, unsecured: poolBalance - secured };
  });
}

/**
 * One year's 返済原資 shared pro rata (README): floor(R × x_i ÷ Σx), at most what each is owed;
 * the excess re-shared among lenders still owed with x > 0, repeated; the flooring's yen to the
 * largest share still owed (first listed on a tie), then the next; share-0 lenders last.
 */
export function referenceAllocate(
  budget: number,
  weights: readonly number[],
  owed: readonly number[],
): number[] {
  const n = weights.length;
  const paid = new Array<number>(n).fill(0);
  const open = (i: number) => owed[i] - paid[i] > 0;
  let left = Math.min(
    budget,
    owed.reduce((s, o) => s + o, 0),
  );
  let guard = 0;
  while (left > 0 && guard++ < 10_000) {
    const active = [...Array(n).keys()].filter((i) => open(i) && weights[i] > 0);
    const total = active.reduce((s, i) => s + weights[i], 0);
    let placed = 0;
    if (total > 0)
      for (const i of active) {
        const a = Math.min(floorMulDiv(left, weights[i], total), owed[i] - paid[i]);
        paid[i] += a;
        placed += a;
      }
    left -= placed;
    if (placed === 0 || active.length === 0) {
      // The yen the flooring leaves: largest share first, share-0 lenders last in list order.
      const order = [...Array(n).keys()].sort((a, b) => weights[b] - weights[a] || a - b);
      for (const i of order) {
        const a = Math.min(left, owed[i] - paid[i]);
        paid[i] += a;
        left -= a;
        if (left === 0) break;
      }
      break;
    }
  }
  return paid;
}

/**
 * 清算配当率 (README): max(0, free assets − priority) ÷ (Σ unsecured claims + other), ≤ 100 %,
 * kept as the exact fraction `num / den` so a recovery floor(unsecured × rate) is exact.
 */
export function referenceLiquidationRate(
  c: Case,
  allLendersUnsecured: number,
): { rate: number; num: number; den: number } | null {
  const q = c.liquidation;
  if (!q) return null;
  const free = q.assets
    .filter((a) => a.collateralId === undefined)
    .reduce(
      (s, a) => s + (a.value !== undefined ? a.value : floorTimes(a.bookValue, a.haircut ?? 0)),
      0,
    );
  const claims = allLendersUnsecured + q.otherGeneralLiabilities;
  const num = Math.max(0, free - q.priorityClaims);
  if (claims <= 0 || num >= claims) return { rate: 1, num: 1, den: 1 };
  return { rate: num / claims, num, den: claims };
}

/** Liquidation and plan recovery of one lender, and 経済合理性 (README). */
export function referenceRecoveries(
  l: CellPlan['lenders'][0],
  rate: { num: number; den: number } | null,
  terminalRecoveryRate: number,
): { liquidation: number | null; plan: number; rational: boolean | null } {
  const repaid = l.years.reduce((s, y) => s + y.repayment, 0);
  const closing = l.years.length ? l.years[l.years.length - 1].closing : l.baseBalance;
  const plan = repaid + floorTimes(closing, terminalRecoveryRate);
  if (rate === null) return { liquidation: null, plan, rational: null };
  const liquidation = l.secured + floorMulDiv(l.unsecured, rate.num, rate.den);
  return { liquidation, plan, rational: plan >= liquidation };
}

/**
 * A lender's year amount over its pool loans (README): floor(A × b_k ÷ B) by start-of-year
 * balance, the last loan still owed taking the remainder, any excess over its balance going
 * back to the earlier loans in order.
 */
export function referenceSpread(amount: number, balances: readonly number[]): number[] {
  const total = balances.reduce((s, b) => s + b, 0);
  const out = balances.map(() => 0);
  if (total <= 0 || amount <= 0) return out;
  let last = -1;
  balances.forEach((b, k) => {
    if (b > 0) last = k;
  });
  let given = 0;
  balances.forEach((b, k) => {
    if (k !== last) {
      out[k] = Math.min(b, floorMulDiv(amount, b, total));
      given += out[k];
    }
  });
  let rest = amount - given;
  out[last] = Math.min(balances[last], rest);
  rest -= out[last];
  for (let k = 0; k < balances.length && rest > 0; k++) {
    const more = Math.min(rest, balances[k] - out[k]);
    out[k] += more;
    rest -= more;
  }
  return out;
}

/**
 * `yearsToDebtYears` (README): the first plan year whose 債務償還年数 ≤ max; else the plan's
 * length + ceil((debt − max × cash flow) ÷ principal) at the last year's pace (null when that
 * year's cash flow or principal is not positive). `debt` is the measure's numerator.
 */
export function referenceYearsToDebtYears(
  years: readonly { debtYears: number | null; debt: number; cashFlow: number; principal: number }[],
  max: number,
): { years: number | null; extrapolated: boolean } {
  const first = years.findIndex((y) => y.debtYears !== null && y.debtYears <= max);
  if (first >= 0) return { years: first + 1, extrapolated: false };
  const last = years[years.length - 1];
  if (last.cashFlow <= 0 || last.principal <= 0) return { years: null, extrapolated: true };
  return {
    years: years.length + Math.ceil((last.debt - max * last.cashFlow) / last.principal),
    extrapolated: true,
  };
}

/**
 * A year's lowest month-end cash (README, 資金繰り表): month m receives revenue × w[(m − 売掛サイト)
 * mod 12] ÷ Σw and pays (revenue − operating cash) × w[(m − 買掛サイト) mod 12] ÷ Σw (flat: a
 * twelfth of the operating cash), less that month's debt payments; taxes leave in month 12.
 */
export function referenceLowestCash(
  opening: number,
  revenue: number,
  operatingCash: number,
  profile: { seasonality: number[]; collectionMonths: number; paymentMonths: number } | undefined,
  monthlyDebt: readonly number[],
  tax: number,
): { lowest: number; month: number } {
  const w = profile?.seasonality ?? new Array<number>(12).fill(1);
  const sum = w.reduce((s, x) => s + x, 0);
  const inSite = profile?.collectionMonths ?? 0;
  const outSite = profile?.paymentMonths ?? 0;
  let cash = opening;
  let lowest = Infinity;
  let month = 0;
  for (let m = 0; m < 12; m++) {
    const receipts = (revenue * w[(m - inSite + 12) % 12]) / sum;
    const payments = ((revenue - operatingCash) * w[(m - outSite + 12) % 12]) / sum;
    cash += receipts - payments - monthlyDebt[m] - (m === 11 ? tax : 0);
    if (cash < lowest) {
      lowest = cash;
      month = m;
    }
  }
  return { lowest, month };
}
