import { allocateLoanBatch, runBatch } from '../batch/loan-batch';
import { dscr } from '../measures/dscr';
import { debtRepaymentYears } from '../measures/debt-repayment-years';
import { IndexPaths } from '../rates/rate-index';
import { REPRICE_MODES, RateRule, RateScenario, RepriceMode } from '../rates/rate-rule';
import { METHOD_CODE } from '../schedule/repayment-method';
import {
  EpochDay,
  addMonthsClamped,
  daysInMonth,
  fromEpochDay,
  toEpochDay,
} from '../time/civil-date';
import {
  BUCKET_NAMES,
  BucketName,
  DebtBucket,
  Firm,
  firmDebt,
  firmRate,
  scheduledPrincipal,
} from './firm';

/**
 * Stress of a chunk of firms: each firm's plan year under every shock, reduced to sums and
 * counts (PortfolioPartial) that merge in any grouping — so a file can be cut into chunks,
 * spread over workers and summed again (portfolio-summary.ts).
 *
 * The plan year holds the balance sheet still, as the 帝国データバンク study does (and the
 * Basel ΔNII "constant balance sheet"): each bucket keeps its balance all year, debt that
 * matures is replaced by the same amount at the rate of the day. So each bucket runs on the
 * engine's batch kernel as a 12-month bullet loan drawn on the last day of the closed year:
 * - full reprice: every bucket's rate rises by the shock from the first day;
 * - realistic: floating debt at its next reset; fixed and JFC debt only when it matures
 *   within the year (its replacement is priced at today's rate plus the shock).
 */

export interface PortfolioOptions {
  /** The analysis date: each firm's plan year follows its last fiscal year closed by then. */
  asOf: EpochDay;
  /** Parallel shocks as decimals (+0.25 % is 0.0025). */
  shocks: readonly number[];
  modes: readonly RepriceMode[];
  /** Length of the most-affected list. */
  topN: number;
  /** DSCR below this is a breach (1.0: repayments exceed cash flow). */
  dscrThreshold: number;
  /** 債務償還年数 above this counts (13: the 危機対応後経営安定貸付 test). */
  debtYearsThreshold: number;
}

export const DEFAULT_PORTFOLIO_OPTIONS: PortfolioOptions = {
  asOf: toEpochDay(2026, 3, 31),
  shocks: [0.0025, 0.005, 0.01, 0.02],
  modes: REPRICE_MODES,
  topN: 20,
  dscrThreshold: 1.0,
  debtYearsThreshold: 13,
};

/** One column of results: a shock in a mode. */
export interface PortfolioCellKey {
  shock: number;
  mode: RepriceMode;
}

/** The cells of a run, shock by shock, each in the modes' standard order. */
export function portfolioCells(options: PortfolioOptions): PortfolioCellKey[] {
  const modes = REPRICE_MODES.filter((m) => options.modes.includes(m));
  return options.shocks.flatMap((shock) => modes.map((mode) => ({ shock, mode })));
}

/**
 * The cell the most-affected list ranks by: the largest shock, in realistic mode when it runs
 * (what will happen), else full reprice. -1 when there are no cells.
 */
export function rankingCell(options: PortfolioOptions): number {
  const cells = portfolioCells(options);
  let best = -1;
  for (let c = 0; c < cells.length; c++) {
    const b = best < 0 ? null : cells[best];
    if (
      b === null ||
      cells[c].shock > b.shock ||
      (cells[c].shock === b.shock && cells[c].mode === 'realistic')
    )
      best = c;
  }
  return best;
}

/** Counts and sums of one cell over the firms of a chunk (yen sums, firm counts). */
export interface PartialCell {
  interest: number;
  extraInterest: number;
  /** Extra interest by bucket, in BUCKET_NAMES order. */
  extraByBucket: number[];
  lossMaking: number;
  turnedLossMaking: number;
  dscrBelow: number;
  newlyDscrBelow: number;
  debtYearsOver: number;
  newlyDebtYearsOver: number;
}

/** A firm of the most-affected list, with its figures in every cell. */
export interface AffectedFirm {
  /** Row of the input (1-based, header = row 1). */
  row: number;
  id: string;
  name: string;
  sector: string;
  debt: number;
  ordinaryProfit: number;
  baseDscr: number | null;
  baseDebtYears: number | null;
  /** Per cell (portfolioCells order): extra interest of the plan year, yen. */
  extraInterest: number[];
  /** Per cell: DSCR (null: no debt service). */
  dscr: (number | null)[];
  /** Per cell: 債務償還年数 (null: cash flow ≤ 0, cannot be repaid from earnings). */
  debtYears: (number | null)[];
}

/**
 * What a chunk of firms adds to the results: plain numbers and arrays only (it crosses from a
 * worker thread by structured clone) that merge by addition.
 */
export interface PortfolioPartial {
  firms: number;
  firmsWithDebt: number;
  /** Kernel work done: loans × 12 months × rate paths. */
  loanMonths: number;
  debt: number;
  cash: number;
  ordinaryProfit: number;
  baseInterest: number;
  principal: number;
  /** Σ of each indebted firm's balance-weighted rate. */
  firmRateSum: number;
  base: { lossMaking: number; dscrBelow: number; debtYearsOver: number };
  cells: PartialCell[];
  /** Best first: extra interest in the ranking cell, then row. */
  top: AffectedFirm[];
}

export function emptyPortfolioPartial(options: PortfolioOptions): PortfolioPartial {
  return {
    firms: 0,
    firmsWithDebt: 0,
    loanMonths: 0,
    debt: 0,
    cash: 0,
    ordinaryProfit: 0,
    baseInterest: 0,
    principal: 0,
    firmRateSum: 0,
    base: { lossMaking: 0, dscrBelow: 0, debtYearsOver: 0 },
    cells: portfolioCells(options).map(() => ({
      interest: 0,
      extraInterest: 0,
      extraByBucket: BUCKET_NAMES.map(() => 0),
      lossMaking: 0,
      turnedLossMaking: 0,
      dscrBelow: 0,
      newlyDscrBelow: 0,
      debtYearsOver: 0,
      newlyDebtYearsOver: 0,
    })),
    top: [],
  };
}

/**
 * Index paths for the stress: flat, at zero. Each bucket's rate today is carried as its
 * spread, so a reset gives today's rate plus the shock — no market level needs guessing.
 */
const FLAT_INDEXES: IndexPaths = {
  'short-prime': { rate: 0, steps: [] },
  tibor: { rate: 0, steps: [] },
  'jfc-base': { rate: 0, steps: [] },
};

/**
 * The start of a firm's plan year: the last day of its fiscal year closed on or before `asOf`.
 *
 * @example
 * planYearStart(toEpochDay(2026, 3, 31), 3)  // 2026-03-31: plan year Apr 2026 – Mar 2027
 * planYearStart(toEpochDay(2026, 3, 31), 12) // 2025-12-31: plan year 2026
 */
export function planYearStart(asOf: EpochDay, fiscalYearEndMonth: number): EpochDay {
  const { year } = fromEpochDay(asOf);
  const end = (y: number) => toEpochDay(y, fiscalYearEndMonth, daysInMonth(y, fiscalYearEndMonth));
  return end(year) <= asOf ? end(year) : end(year - 1);
}

function monthsAfter(start: EpochDay, months: number): EpochDay {
  const { year, month, day } = fromEpochDay(start);
  return addMonthsClamped(year, month, day, months);
}

/**
 * How a bucket's rate moves over the plan year, as an engine rate rule on the flat indexes:
 * floating debt is refixed at its next reset (then every 6 months); fixed and JFC debt keeps
 * its rate, unless it matures inside the year — then the replacement is refixed at maturity.
 */
export function bucketRule(name: BucketName, bucket: DebtBucket, start: EpochDay): RateRule {
  if (name === 'floating') {
    return {
      type: 'floating',
      index: 'short-prime',
      spread: bucket.rate,
      currentRate: bucket.rate,
      resetEveryMonths: 6,
      nextResetDate: monthsAfter(start, bucket.resetMonths),
    };
  }
  if (bucket.months >= 12) return { type: 'fixed', annualRate: bucket.rate };
  return {
    type: 'floating',
    index: name === 'jfc' ? 'jfc-base' : 'tibor',
    spread: bucket.rate,
    currentRate: bucket.rate,
    resetEveryMonths: 12,
    nextResetDate: monthsAfter(start, bucket.months),
  };
}

/** The rate paths of a run: the unshocked base first, then one per cell. */
function scenarios(options: PortfolioOptions): RateScenario[] {
  // Shocks start on the earliest plan-year start, so each firm's whole plan year is shocked.
  let from = options.asOf;
  for (let m = 1; m <= 12; m++) from = Math.min(from, planYearStart(options.asOf, m));
  const base: RateScenario = { indexes: FLAT_INDEXES, shock: null, mode: 'realistic', asOf: from };
  return [
    base,
    ...portfolioCells(options).map(({ shock, mode }): RateScenario => ({
      indexes: FLAT_INDEXES,
      shock: { kind: 'parallel', size: shock },
      mode,
      asOf: from,
    })),
  ];
}

/** A firm's plan year, before the interest is known: its debt and 約定返済. */
export interface FirmPlanYear {
  firm: Firm;
  debt: number;
  principal: number;
}

export function planYearOf(firm: Firm): FirmPlanYear {
  let principal = 0;
  for (const b of BUCKET_NAMES) principal += scheduledPrincipal(firm.debt[b]);
  return { firm, debt: firmDebt(firm), principal };
}

/** 法人税等 on a positive 経常利益, at the firm's effective rate. */
function taxesOn(firm: Firm, ordinaryProfit: number): number {
  return ordinaryProfit > 0 ? ordinaryProfit * firm.effectiveTaxRate : 0;
}

/**
 * The engine's DSCR and net 債務償還年数 (engine/measures) at one interest figure: used for
 * the firms of the most-affected list. The counts over every firm use {@link breaches}, the
 * same formulas without the result objects (a test holds the two together).
 */
export function planYearMeasures(
  y: FirmPlanYear,
  extra: number,
  interest: number,
): { dscr: number | null; debtYears: number | null } {
  const ordinaryProfit = y.firm.ordinaryProfit - extra;
  const taxes = taxesOn(y.firm, ordinaryProfit);
  const coverage = dscr({
    ordinaryProfit,
    interest,
    depreciation: y.firm.depreciation,
    taxes,
    principal: y.principal,
    guaranteeFees: 0,
  });
  const years = debtRepaymentYears({
    interestBearingDebt: y.debt,
    cash: y.firm.cash,
    receivables: y.firm.workingCapital, // 正常運転資金 as one figure
    inventory: 0,
    payables: 0,
    ordinaryProfit,
    depreciation: y.firm.depreciation,
    taxes,
  });
  return { dscr: coverage.value, debtYears: years.value };
}

/**
 * Whether the plan year breaches the thresholds, as {@link planYearMeasures} reads them:
 * DSCR = (経常利益 + 支払利息 + 減価償却費 − 法人税等) ÷ (支払利息 + 約定返済) below
 * `dscrThreshold` (no debt service: no DSCR, no breach); 債務償還年数 = (有利子負債 − 現預金 −
 * 正常運転資金) ÷ (経常利益 + 減価償却費 − 法人税等) above `debtYearsThreshold`, where debt to
 * repay with a cash flow ≤ 0 counts as above (it cannot be repaid from earnings).
 */
export function breaches(
  y: FirmPlanYear,
  extra: number,
  interest: number,
  options: PortfolioOptions,
): { lossMaking: boolean; dscrBelow: boolean; debtYearsOver: boolean } {
  const { firm } = y;
  const ordinaryProfit = firm.ordinaryProfit - extra;
  const taxes = taxesOn(firm, ordinaryProfit);
  const cashAvailable = ordinaryProfit + interest + firm.depreciation - taxes;
  const debtService = interest + y.principal;
  const netDebt = y.debt - firm.cash - firm.workingCapital;
  const cashFlow = ordinaryProfit + firm.depreciation - taxes;
  return {
    // 赤字 as the engine reads it elsewhere: 経常利益 ≤ 0 is not 黒字.
    lossMaking: ordinaryProfit <= 0,
    dscrBelow: debtService > 0 && cashAvailable / debtService < options.dscrThreshold,
    debtYearsOver:
      netDebt > 0 && (cashFlow <= 0 || netDebt / cashFlow > options.debtYearsThreshold),
  };
}

/** Best first: more extra interest in the ranking cell, then the lower row. */
function before(keyA: number, rowA: number, keyB: number, rowB: number): boolean {
  return keyA > keyB || (keyA === keyB && rowA < rowB);
}

/** A firm of a chunk that may make the most-affected list: its key, row and index. */
interface Candidate {
  key: number;
  row: number;
  f: number;
}

/** Keeps `best` (best first) at `n` candidates. */
function keepBest(best: Candidate[], key: number, row: number, f: number, n: number): void {
  if (best.length >= n && (n === 0 || !before(key, row, best[n - 1].key, best[n - 1].row))) return;
  let at = best.length;
  while (at > 0 && before(key, row, best[at - 1].key, best[at - 1].row)) at--;
  best.splice(at, 0, { key, row, f });
  if (best.length > n) best.pop();
}

/** Whether a firm with this key (extra interest in cell `rank`) and row would enter the list. */
function qualifies(
  top: readonly AffectedFirm[],
  key: number,
  row: number,
  rank: number,
  n: number,
): boolean {
  if (top.length < n) return true;
  const last = top[n - 1];
  return n > 0 && before(key, row, last.extraInterest[rank], last.row);
}

/** Inserts into a best-first list kept at `n` entries (the most-affected list). */
export function insertAffected(
  top: AffectedFirm[],
  entry: AffectedFirm,
  rank: number,
  n: number,
): void {
  if (!qualifies(top, entry.extraInterest[rank], entry.row, rank, n)) return;
  let at = top.length;
  while (
    at > 0 &&
    before(entry.extraInterest[rank], entry.row, top[at - 1].extraInterest[rank], top[at - 1].row)
  )
    at--;
  top.splice(at, 0, entry);
  if (top.length > n) top.pop();
}

/**
 * Stresses a chunk of firms (`rows`: each firm's input row, for the most-affected list) and
 * returns its partial sums. Pure and deterministic: the same firms give the same numbers.
 *
 * @example
 * const partial = stressFirms(firms, rows, DEFAULT_PORTFOLIO_OPTIONS);
 * summarizePortfolio(partial, DEFAULT_PORTFOLIO_OPTIONS).cells[1].averageExtraInterest
 */
export function stressFirms(
  firms: readonly Firm[],
  rows: readonly number[],
  options: PortfolioOptions,
): PortfolioPartial {
  const out = emptyPortfolioPartial(options);
  const paths = scenarios(options);
  const cellCount = paths.length - 1;
  const rank = rankingCell(options);

  // One 12-month bullet loan per non-empty bucket, firm by firm: firm f owns loans
  // firstLoan[f] … firstLoan[f + 1] − 1.
  const firstLoan = new Int32Array(firms.length + 1);
  firms.forEach((firm, f) => {
    let n = 0;
    for (const b of BUCKET_NAMES) if (firm.debt[b].balance > 0) n++;
    firstLoan[f + 1] = firstLoan[f] + n;
  });
  const count = firstLoan[firms.length];
  const batch = allocateLoanBatch(count, 'ACT/365F', 'floor');
  const bucketOf = new Uint8Array(count);
  const starts = Array.from({ length: 13 }, (_, m) =>
    m === 0 ? 0 : planYearStart(options.asOf, m),
  );
  firms.forEach((firm, f) => {
    const start = starts[firm.fiscalYearEndMonth];
    let i = firstLoan[f];
    BUCKET_NAMES.forEach((b, bi) => {
      const bucket = firm.debt[b];
      if (bucket.balance === 0) return;
      batch.principal[i] = bucket.balance;
      batch.termMonths[i] = 12;
      batch.method[i] = METHOD_CODE.bullet;
      batch.startDate[i] = start;
      batch.rules[i] = bucketRule(b, bucket, start);
      bucketOf[i] = bi;
      i++;
    });
  });
  // years: 0 — only each loan's total is read, and a loan's life is exactly the plan year.
  const result = runBatch(batch, paths, { fiscalYearEndMonth: 3, firstFiscalYear: 0, years: 0 });
  const loanInterest = (path: number, loan: number) => result.interestByLoan[path * count + loan];
  out.loanMonths = count * 12 * paths.length;

  const interest = new Float64Array(paths.length);
  const extra = new Float64Array(cellCount);
  const best: Candidate[] = [];
  firms.forEach((firm, f) => {
    const year = planYearOf(firm);
    const { debt, principal } = year;
    interest.fill(0);
    for (let l = firstLoan[f]; l < firstLoan[f + 1]; l++)
      for (let p = 0; p < paths.length; p++) interest[p] += loanInterest(p, l);

    out.firms++;
    out.debt += debt;
    out.cash += firm.cash;
    out.ordinaryProfit += firm.ordinaryProfit;
    out.baseInterest += interest[0];
    out.principal += principal;
    if (debt > 0) {
      out.firmsWithDebt++;
      out.firmRateSum += firmRate(firm);
    }
    const base = breaches(year, 0, interest[0], options);
    if (base.lossMaking) out.base.lossMaking++;
    if (base.dscrBelow) out.base.dscrBelow++;
    if (base.debtYearsOver) out.base.debtYearsOver++;

    for (let c = 0; c < cellCount; c++) {
      const cell = out.cells[c];
      extra[c] = interest[c + 1] - interest[0];
      const m = breaches(year, extra[c], interest[c + 1], options);
      cell.interest += interest[c + 1];
      cell.extraInterest += extra[c];
      for (let l = firstLoan[f]; l < firstLoan[f + 1]; l++)
        cell.extraByBucket[bucketOf[l]] += loanInterest(c + 1, l) - loanInterest(0, l);
      if (m.lossMaking) cell.lossMaking++;
      if (m.lossMaking && !base.lossMaking) cell.turnedLossMaking++;
      if (m.dscrBelow) cell.dscrBelow++;
      if (m.dscrBelow && !base.dscrBelow) cell.newlyDscrBelow++;
      if (m.debtYearsOver) cell.debtYearsOver++;
      if (m.debtYearsOver && !base.debtYearsOver) cell.newlyDebtYearsOver++;
    }
    if (rank >= 0) keepBest(best, extra[rank], rows[f], f, options.topN);
  });

  // The chunk's most affected firms, with their measures (computed for these few only).
  for (const { f } of best) {
    const firm = firms[f];
    const year = planYearOf(firm);
    const interestAt = (p: number) => {
      let sum = 0;
      for (let l = firstLoan[f]; l < firstLoan[f + 1]; l++) sum += loanInterest(p, l);
      return sum;
    };
    const base = interestAt(0);
    const extraAt = Array.from({ length: cellCount }, (_, c) => interestAt(c + 1) - base);
    const unshocked = planYearMeasures(year, 0, base);
    const after = extraAt.map((x) => planYearMeasures(year, x, base + x));
    out.top.push({
      row: rows[f],
      id: firm.id,
      name: firm.name,
      sector: firm.sector,
      debt: year.debt,
      ordinaryProfit: firm.ordinaryProfit,
      baseDscr: unshocked.dscr,
      baseDebtYears: unshocked.debtYears,
      extraInterest: extraAt,
      dscr: after.map((m) => m.dscr),
      debtYears: after.map((m) => m.debtYears),
    });
  }
  return out;
}
