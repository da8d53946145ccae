/** The council plan's inputs (domain.md §9): 保全, 清算価値, 実態修正 and the pro-rata pool. */

export type CollateralKind = 'real-estate' | 'deposit' | 'other';

/** One lien on a collateral item: which lender, its rank (1 = first), which loans it secures. */
export interface Lien {
  lender: string;
  rank: number;
  /** The loans secured; absent: every loan of the lender. */
  loanIds?: string[];
}

/** One pledged property (or deposit, or other asset), its liens in rank order. */
export interface CollateralItem {
  id: string;
  kind: CollateralKind;
  value: number;
  /** 掛目, 0–1. */
  haircut: number;
  liens: Lien[];
}

/** One balance-sheet item's liquidation value: book × 掛目, or an amount given outright. */
export interface LiquidationAsset {
  item: string;
  bookValue: number;
  /** floor(bookValue × haircut) when `value` is absent. */
  haircut?: number;
  value?: number;
  /** The asset is the pledged collateral of this id: its value goes to the secured lenders. */
  collateralId?: string;
}

export interface Liquidation {
  assets: LiquidationAsset[];
  /** 租税, 労働債権, 清算費用: paid before general creditors. */
  priorityClaims: number;
  /** General creditors other than the lenders (買掛金, 未払金, …). */
  otherGeneralLiabilities: number;
}

/** 実態修正: one adjustment of the base year's book balance sheet (a loss is negative). */
export interface Adjustment {
  item: string;
  amount: number;
  note?: string;
}

export type PlanBasis = 'balance' | 'unsecured';

/** The strategy action `pro-rata-plan`: the yearly 返済原資 shared among the pool's lenders. */
export interface ProRataPlanAction {
  kind: 'pro-rata-plan';
  select: { lenders: string[] } | { loanIds: string[] };
  basis: PlanBasis;
  /** Share of the last closed year's free cash flow dedicated to repayment. */
  fcfShare: number;
  /** Cash kept, in months of the last closed year's revenue. */
  minCashMonths: number;
  guaranteeCountsAsSecured: boolean;
  /** Share of the balance left at the plan's end counted as recovered. */
  terminalRecoveryRate: number;
  /** The plan's first fiscal year; before it the pool loans keep their contract schedules. */
  firstYear?: number;
}

/** Monthly profile for the 資金繰り表. */
export interface MonthlyProfile {
  /** 12 weights of revenue by plan month (month 1 = the first month of the fiscal year). */
  seasonality: number[];
  /** 売掛サイト, months from sale to collection. */
  collectionMonths: number;
  /** 買掛サイト, months from purchase to payment. */
  paymentMonths: number;
}
