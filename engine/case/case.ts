import type { GuaranteeFeeExpense } from '../projection/fee-expense';
import { EpochDay } from '../time/civil-date';
import { RepriceMode } from '../rates/rate-rule';
import { Shock } from '../rates/shock';
import { DebtStack } from '../stack/debt-stack';
import {
  Adjustment,
  CollateralItem,
  Liquidation,
  MonthlyProfile,
  ProRataPlanAction,
} from '../plan/types';
import { DayCount } from '../time/day-count';
import { BusinessDayConvention } from '../time/business-days';
import { GuaranteeFeePayment } from '../schedule/guarantee-fee';
import { PrepaymentEffect } from '../schedule/loan-schedule';
import { CapitalDebtTreatment } from '../measures/ebitda-debt-multiple';
import { Rounding } from '../schedule/repayment-method';

/** JFC's two units, whose program terms differ: 中小企業事業 and 国民生活事業. */
export type JfcUnit = 'sme' | 'micro';

export interface BorrowerProfile {
  name: string;
  sector: string;
  jfcUnit: JfcUnit;
  /** 決算月 (1–12). */
  fiscalYearEndMonth: number;
  employees: number;
  /** The unit amounts were entered in (円 / 千円 / 百万円): the results workbook shows amounts in it. */
  units?: 'yen' | 'thousand' | 'million';
  /** How the results workbook writes negative amounts: △1,234 (default) or -1,234. */
  negatives?: 'triangle' | 'minus';
}

/** The last closed fiscal year (直近決算), in yen. */
export interface BaseYear {
  revenue: number;
  operatingProfit: number;
  depreciation: number;
  /** 営業外収益 other than interest and dividends received. */
  nonOperatingIncome: number;
  /** 営業外費用 other than interest paid and guarantee fees. */
  nonOperatingExpense: number;
  /** 受取利息・配当 (counts in ICR). */
  interestIncome: number;
  /** 経常利益 of the base year, as closed: decides a capital-type loan's first rate. */
  ordinaryProfit: number;
  /**
   * 税引後当期純利益 of the base year, as closed (special items included); when left out, taken
   * as 経常利益 less tax at the effective rate. The line capital-type loans read by default.
   */
  netIncome?: number;
  effectiveTaxRate: number;
  cash: number;
  receivables: number;
  inventory: number;
  payables: number;
  totalAssets: number;
  bookNetAssets: number;
  /** 実態修正: unrealised losses (−) or gains (+) that turn book into substantive net worth. */
  netAssetAdjustments: number;
  /** 繰越欠損金 still usable. */
  lossCarryForward: number;
  /** For the base year's free cash flow (a council plan's first budget): as closed. */
  capex?: number;
  workingCapitalChange?: number;
}

/** One planned fiscal year (yen). */
export interface PlanYear {
  revenue: number;
  operatingProfit: number;
  depreciation: number;
  capex: number;
  /** Increase in 売上債権 + 棚卸資産 − 仕入債務 (a use of cash when positive). */
  workingCapitalChange: number;
}

/** Pass/fail settings (domain.md §6); every one can be changed per case. */
export interface Thresholds {
  minDscr: number;
  /** 債務償還年数 at the end of the plan, at most. */
  maxDebtYearsAtPlanEnd: number;
  debtYearsForm: 'net' | 'simple';
  /** Capital-type debt in the EBITDA倍率 (measure, ローカルベンチマーク, 再生フェーズ): see ebitdaDebt. */
  ebitdaCapitalDebt: CapitalDebtTreatment;
  /** 経常利益 positive within this many years. */
  profitWithinYears: number;
  /** 実質債務超過 resolved within this many years. */
  solvencyWithinYears: number;
  minCash: number;
  /** Optional contract covenants (null = not applied). */
  covenants: {
    noConsecutiveOrdinaryLoss: boolean;
    /** 純資産 at least this share of the previous year's. */
    netAssetsFloorShare: number | null;
    noInsolvency: boolean;
    minIcr: number | null;
  };
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  minDscr: 1.0,
  maxDebtYearsAtPlanEnd: 10,
  debtYearsForm: 'net',
  ebitdaCapitalDebt: 'include',
  profitWithinYears: 3,
  solvencyWithinYears: 5,
  minCash: 0,
  covenants: {
    noConsecutiveOrdinaryLoss: false,
    netAssetsFloorShare: null,
    noInsolvency: false,
    minIcr: null,
  },
};

/** Day count and rounding of the loans a strategy makes (refinancing, DDS, capital loans). */
export interface LoanConventions {
  dayCount: DayCount;
  rounding: Rounding;
  /** Unset: `none` (files default to `following`, see the readers). */
  businessDay?: BusinessDayConvention;
}

/**
 * The case's conventions for new loans: its `defaults` when given; else those every loan of
 * the stack shares; else ACT/365F with yen floor (domain.md §5) and 翌営業日.
 */
export function loanConventions(c: Pick<Case, 'loanDefaults' | 'stack'>): LoanConventions {
  if (c.loanDefaults) return c.loanDefaults;
  const loans = c.stack.loans;
  const shared = <K extends keyof LoanConventions>(key: K, fallback: LoanConventions[K]) =>
    loans.length > 0 && loans.every((l) => l.terms[key] === loans[0].terms[key])
      ? loans[0].terms[key]
      : fallback;
  return {
    dayCount: shared('dayCount', 'ACT/365F'),
    rounding: shared('rounding', 'floor'),
    businessDay: shared('businessDay', 'following'),
  };
}

/** Loans chosen by id, or every loan of one lender. */
export type LoanSelector = { loanIds: string[] } | { lender: string };

/** One lever of a strategy; strategies combine several. */
export type StrategyAction =
  | {
      kind: 'refinance';
      select: LoanSelector;
      programId: string;
      termMonths: number;
      graceMonths: number;
      /** Overrides the program's base rate (rates change monthly). */
      baseRate?: number;
      /** The program's rate options chosen (特別利率, 賃上げ特例 …), by id. */
      rateOptions?: string[];
      /** Override the case's conventions for this new loan. */
      dayCount?: DayCount;
      rounding?: Rounding;
      businessDay?: BusinessDayConvention;
      /** The new loan's 保証料: one sum at drawdown (default) or instalments. */
      guaranteeFeePayment?: GuaranteeFeePayment;
    }
  | {
      kind: 'capital-loan';
      /** dds: converts `amount` of the chosen senior loans; new-money: adds cash. */
      mode: 'dds' | 'new-money';
      select?: LoanSelector;
      programId: string;
      amount: number;
      termMonths: number;
      privateBankSupport: boolean;
      dayCount?: DayCount;
      rounding?: Rounding;
      businessDay?: BusinessDayConvention;
    }
  | {
      /** 繰上返済 of `amount` on `date` (with the first payment on or after it). */
      kind: 'prepay';
      select: LoanSelector;
      amount: number;
      date: EpochDay;
      effect: PrepaymentEffect;
    }
  | {
      kind: 'reschedule';
      select: LoanSelector;
      /** Months without principal. */
      holidayMonths: number;
      /** true: the term grows by the holiday; false: installments are re-spread over the term left. */
      extendTerm: boolean;
    }
  | ProRataPlanAction;

export interface Strategy {
  id: string;
  name: string;
  /** No actions: the status quo. */
  actions: StrategyAction[];
}

/** A borrower's whole case: what the engine simulates, from a scenario file or a workbook. */
export interface Case {
  profile: BorrowerProfile;
  asOf: EpochDay;
  base: BaseYear;
  plan: PlanYear[];
  stack: DebtStack;
  shocks: Shock[];
  modes: RepriceMode[];
  strategies: Strategy[];
  thresholds: Thresholds;
  /**
   * Program terms this case changes (rates move monthly), by program id: the raw override
   * objects, checked when the case is read (see withOverrides in engine/programs).
   */
  programOverrides: Record<string, unknown>;
  /** `defaults`: day count and rounding of loans that give none, and of a strategy's new loans. */
  loanDefaults?: LoanConventions;
  /** `defaults.guaranteeFeeExpense`: lump-sum 保証料 in the P/L when paid (default) or spread. */
  guaranteeFeeExpense?: GuaranteeFeeExpense;
  /** Facts for program eligibility the figures cannot show. */
  facts: CaseFacts;
  /** 保全: pledged collateral and its liens (council plans). */
  collateral?: CollateralItem[];
  /** 清算貸借対照表: liquidation values and priority claims. */
  liquidation?: Liquidation;
  /** 実態修正 of the base year, item by item (their sum is base.netAssetAdjustments). */
  adjustments?: Adjustment[];
  /** 資金繰り表: seasonality and sites (absent: flat, no sites). */
  monthlyProfile?: MonthlyProfile;
  /** 資金繰り表 length in months (absent: 12). */
  cashTableMonths?: 12 | 24;
}

/**
 * What a case states for program eligibility; a fact left out is not checked (a warning), never
 * taken as false or zero. Amounts in yen, changes as decimals (−0.08 = −8 %).
 */
export interface CaseFacts {
  hasCrisisEraDebt?: boolean;
  /** The stack's loans from crisis-era programs (コロナ貸付, ゼロゼロ, コロナ資本性 …), by id. */
  crisisEraLoanIds?: string[];
  hasImprovementPlan?: boolean;
  /** A private bank supports the plan (協調支援, 相応の支援); a capital-loan action may say so too. */
  privateBankSupport?: boolean;
  /** 小規模企業者. */
  isSmallEnterprise?: boolean;
  /** 信用保証付 balances outstanding after the strategy; derived from guaranteed loans when left out. */
  existingGuaranteedYen?: number;
  /** A proper loan (1 year or more) drawn with the new guaranteed loan; derived from the stack when left out. */
  concurrentProperLoanYen?: number;
  /** Sales of the latest 3 months against the same months one or two years before. */
  salesChangeRate?: number;
  successionOrConsolidation?: boolean;
  /** 雇用者給与等支給額 against the latest fiscal year (賃上げ特例: +2.5 % or more). */
  payrollChangeRate?: number;
}
