import { RepriceMode } from '../rates/rate-rule';
import { shockLabel } from '../rates/shock';
import { formatIsoDate } from '../time/civil-date';
import { BUCKET_NAMES, BucketName } from './firm';
import { RowError } from './firm-row';
import {
  AffectedFirm,
  PortfolioOptions,
  PortfolioPartial,
  insertAffected,
  portfolioCells,
  rankingCell,
} from './portfolio-stress';

/**
 * Partial sums → the 帝国データバンク-shaped table. Every figure is a plain number, so results
 * serialise as they are (JSON now, a workbook later).
 *
 * How the averages are taken (as the study's table reads, domain.md §2):
 * - extra interest per firm = Σ extra interest ÷ number of firms (+68万円 at +0.25 %);
 * - fall in 経常利益 = Σ extra interest ÷ Σ 経常利益 before the shock: a ratio of averages
 *   (68万 ÷ 3,200万 = 2.1 %), not an average of each firm's ratio, which firms with a
 *   経常利益 near zero would swamp;
 * - shares are counts ÷ number of firms (the study: 約1,700 of 9.6万社 = 1.8 %).
 * The study's averages are 10 % trimmed means; these are plain means.
 */

/** A count of firms and its share of all firms. */
export interface FirmShare {
  count: number;
  share: number;
}

export interface PortfolioCell {
  /** The parallel shock, decimal. */
  shock: number;
  label: string;
  mode: RepriceMode;
  /** Plan-year interest per firm under the shock, yen. */
  averageInterest: number;
  /** Plan-year extra interest per firm, yen. */
  averageExtraInterest: number;
  totalExtraInterest: number;
  /** Extra interest per firm by debt bucket, yen. */
  extraInterestByBucket: Record<BucketName, number>;
  /** Σ extra interest ÷ Σ 経常利益 (0.021 = △2.1 %); null when Σ 経常利益 ≤ 0. */
  ordinaryProfitFall: number | null;
  /** 経常利益 ≤ 0 under the shock. */
  lossMaking: FirmShare;
  /** 黒字 → 赤字: 経常利益 > 0 before, ≤ 0 under the shock. */
  turnedLossMaking: FirmShare;
  /** DSCR below the threshold under the shock … */
  dscrBelow: FirmShare;
  /** … of which not below it before. */
  newlyDscrBelow: FirmShare;
  /** 債務償還年数 above the threshold (or cash flow ≤ 0) under the shock … */
  debtYearsOver: FirmShare;
  /** … of which not above it before. */
  newlyDebtYearsOver: FirmShare;
}

/** Input rows left out of a run (`--skip-bad-rows`), with the first errors. */
export interface SkippedRows {
  rows: number;
  errorCount: number;
  /** The first errors, in row order (the rest are counted). */
  errors: RowError[];
}

export const NO_SKIPPED_ROWS: SkippedRows = { rows: 0, errorCount: 0, errors: [] };

export interface PortfolioResults {
  asOf: string;
  firms: number;
  skipped: SkippedRows;
  firmsWithDebt: number;
  /** Kernel work: loans × 12 months × rate paths. */
  loanMonths: number;
  thresholds: { dscr: number; debtYears: number };
  /** Per firm, before any shock (yen; rates as decimals). */
  averages: {
    debt: number;
    cash: number;
    ordinaryProfit: number;
    /** Plan-year interest at today's rates. */
    interest: number;
    /** 約定返済 of the plan year. */
    principal: number;
    /** Mean of each indebted firm's balance-weighted rate (the study's 平均借入金利). */
    rate: number;
    /** Σ interest ÷ Σ debt. */
    interestToDebt: number;
  };
  base: { lossMaking: FirmShare; dscrBelow: FirmShare; debtYearsOver: FirmShare };
  cells: PortfolioCell[];
  /** The firms with the largest fall in 経常利益 (yen) in one cell, best first. */
  mostAffected: {
    cell: number;
    shock: number;
    mode: RepriceMode;
    firms: AffectedFirm[];
  } | null;
}

/**
 * Adds `from` into `into`. Merge chunks in one fixed order (the file's) and sums do not depend
 * on how chunks were spread over workers.
 */
export function mergePortfolioPartial(
  into: PortfolioPartial,
  from: PortfolioPartial,
  options: PortfolioOptions,
): void {
  into.firms += from.firms;
  into.firmsWithDebt += from.firmsWithDebt;
  into.loanMonths += from.loanMonths;
  into.debt += from.debt;
  into.cash += from.cash;
  into.ordinaryProfit += from.ordinaryProfit;
  into.baseInterest += from.baseInterest;
  into.principal += from.principal;
  into.firmRateSum += from.firmRateSum;
  into.base.lossMaking += from.base.lossMaking;
  into.base.dscrBelow += from.base.dscrBelow;
  into.base.debtYearsOver += from.base.debtYearsOver;
  into.cells.forEach((cell, c) => {
    const other = from.cells[c];
    cell.interest += other.interest;
    cell.extraInterest += other.extraInterest;
    other.extraByBucket.forEach((x, b) => (cell.extraByBucket[b] += x));
    cell.lossMaking += other.lossMaking;
    cell.turnedLossMaking += other.turnedLossMaking;
    cell.dscrBelow += other.dscrBelow;
    cell.newlyDscrBelow += other.newlyDscrBelow;
    cell.debtYearsOver += other.debtYearsOver;
    cell.newlyDebtYearsOver += other.newlyDebtYearsOver;
  });
  const rank = rankingCell(options);
  if (rank >= 0) for (const entry of from.top) insertAffected(into.top, entry, rank, options.topN);
}

/**
 * The results of a run from its merged partial sums.
 *
 * @example
 * const results = summarizePortfolio(stressFirms(firms, rows, options), options);
 * results.cells.find((c) => c.shock === 0.0025 && c.mode === 'full-reprice')?.averageExtraInterest
 */
export function summarizePortfolio(
  partial: PortfolioPartial,
  options: PortfolioOptions,
  skipped: SkippedRows = NO_SKIPPED_ROWS,
): PortfolioResults {
  const n = partial.firms;
  const per = (x: number) => (n > 0 ? x / n : 0);
  const share = (count: number): FirmShare => ({ count, share: per(count) });
  const rank = rankingCell(options);
  const keys = portfolioCells(options);
  return {
    asOf: formatIsoDate(options.asOf),
    firms: n,
    skipped,
    firmsWithDebt: partial.firmsWithDebt,
    loanMonths: partial.loanMonths,
    thresholds: { dscr: options.dscrThreshold, debtYears: options.debtYearsThreshold },
    averages: {
      debt: per(partial.debt),
      cash: per(partial.cash),
      ordinaryProfit: per(partial.ordinaryProfit),
      interest: per(partial.baseInterest),
      principal: per(partial.principal),
      rate: partial.firmsWithDebt > 0 ? partial.firmRateSum / partial.firmsWithDebt : 0,
      interestToDebt: partial.debt > 0 ? partial.baseInterest / partial.debt : 0,
    },
    base: {
      lossMaking: share(partial.base.lossMaking),
      dscrBelow: share(partial.base.dscrBelow),
      debtYearsOver: share(partial.base.debtYearsOver),
    },
    cells: partial.cells.map((cell, c) => ({
      shock: keys[c].shock,
      label: shockLabel({ kind: 'parallel', size: keys[c].shock }),
      mode: keys[c].mode,
      averageInterest: per(cell.interest),
      averageExtraInterest: per(cell.extraInterest),
      totalExtraInterest: cell.extraInterest,
      extraInterestByBucket: Object.fromEntries(
        BUCKET_NAMES.map((b, i) => [b, per(cell.extraByBucket[i])]),
      ) as Record<BucketName, number>,
      ordinaryProfitFall:
        partial.ordinaryProfit > 0 ? cell.extraInterest / partial.ordinaryProfit : null,
      lossMaking: share(cell.lossMaking),
      turnedLossMaking: share(cell.turnedLossMaking),
      dscrBelow: share(cell.dscrBelow),
      newlyDscrBelow: share(cell.newlyDscrBelow),
      debtYearsOver: share(cell.debtYearsOver),
      newlyDebtYearsOver: share(cell.newlyDebtYearsOver),
    })),
    mostAffected:
      rank < 0
        ? null
        : { cell: rank, shock: keys[rank].shock, mode: keys[rank].mode, firms: partial.top },
  };
}
