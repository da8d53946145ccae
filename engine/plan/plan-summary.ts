import { Case, Thresholds } from '../case/case';
import { ProjectedYear } from '../projection/project';
import { YearMeasures } from '../projection/year-measures';
import { CheckResult } from '../checks/plan-checks';
import { PoolResult } from './pool-run';
import { LiquidationRate, liquidationRate, liquidationRecovery, planRecovery } from './liquidation';
import { PlanIndication, YearsToThreshold, planIndication, yearsToDebtYears } from './criteria';
import { PlanBasis, ProRataPlanAction } from './types';

export interface PlanLender {
  lender: string;
  baseBalance: number;
  secured: number;
  unsecured: number;
  share: number;
  years: { year: number; repayment: number; closing: number }[];
  /** null when the case has no `liquidation`. */
  liquidationRecovery: number | null;
  planRecovery: number;
  rational: boolean | null;
  /** Both recoveries as shares of the base-date balance. */
  liquidationRecoveryShare: number | null;
  planRecoveryShare: number;
}

/** The `plan` of a grid cell whose strategy has a `pro-rata-plan` (run --json's `plan`). */
export interface CellPlan {
  basis: PlanBasis;
  requestedBasis: PlanBasis;
  /** Set when `unsecured` fell back to `balance` (every unsecured balance was 0). */
  note: string | null;
  fcfShare: number;
  liquidationRate: number | null;
  liquidation: LiquidationRate | null;
  budget: {
    year: number;
    fcfPrior: number;
    budget: number;
    minimumCash: number;
    beforeCap: number;
  }[];
  lenders: PlanLender[];
  criteria: {
    solvencyWithinYears: boolean;
    profitWithinYears: boolean;
    debtYearsAtEnd: boolean;
    /** Every lender recovers at least its liquidation recovery (null without `liquidation`). */
    rationalForAll: boolean | null;
    yearsToDebtYears: YearsToThreshold;
    indication: PlanIndication;
  };
}

/** The plan's tables for one cell: shares, repayments, recoveries, 経済合理性 and criteria. */
export function cellPlan(
  c: Case,
  action: ProRataPlanAction,
  pool: PoolResult,
  years: readonly ProjectedYear[],
  measures: readonly YearMeasures[],
  checks: readonly CheckResult[],
  th: Thresholds,
): CellPlan {
  const rate = c.liquidation ? liquidationRate(c.liquidation, pool.allLendersUnsecured) : null;
  const lenders = pool.lenders.map((l): PlanLender => {
    const closing = l.years.length ? l.years[l.years.length - 1].closing : l.baseBalance;
    const recovered = planRecovery(
      l.years.map((y) => y.repayment),
      closing,
      action.terminalRecoveryRate,
    );
    const liq = rate ? liquidationRecovery(l.secured, l.unsecured, rate) : null;
    const share = (x: number) => (l.baseBalance > 0 ? x / l.baseBalance : 0);
    return {
      lender: l.lender,
      baseBalance: l.baseBalance,
      secured: l.secured,
      unsecured: l.unsecured,
      share: l.share,
      years: l.years,
      liquidationRecovery: liq,
      planRecovery: recovered,
      rational: liq === null ? null : recovered >= liq,
      liquidationRecoveryShare: liq === null ? null : share(liq),
      planRecoveryShare: share(recovered),
    };
  });
  const pass = (id: string) => checks.find((ch) => ch.id === id)?.pass ?? false;
  const { shares } = pool;
  return {
    basis: shares.basis,
    requestedBasis: shares.requestedBasis,
    note:
      shares.basis !== shares.requestedBasis
        ? '非保全残高がすべて0のため残高プロラタで按分 / every unsecured balance is 0: shares by balance'
        : null,
    fcfShare: pool.fcfShare,
    liquidationRate: rate ? rate.rate : null,
    liquidation: rate,
    budget: pool.budget.map((b) => ({
      year: b.year,
      fcfPrior: b.fcfPrior,
      budget: b.budget,
      minimumCash: b.minimumCash,
      beforeCap: b.beforeCap,
    })),
    lenders,
    criteria: {
      solvencyWithinYears: pass('solvency-within'),
      profitWithinYears: pass('profit-within'),
      debtYearsAtEnd: pass('debt-years-at-end'),
      rationalForAll: rate ? lenders.every((l) => l.rational) : null,
      yearsToDebtYears: yearsToDebtYears(years, measures, th.maxDebtYearsAtPlanEnd),
      indication: planIndication(years, measures, th.maxDebtYearsAtPlanEnd),
    },
  };
}
