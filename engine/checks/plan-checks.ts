import { Thresholds } from '../case/case';
import { ProjectedYear } from '../projection/project';
import { YearMeasures } from '../projection/year-measures';

/** One check over the plan years: pass or fail, the first breach and the values behind it. */
export interface CheckResult {
  id: string;
  nameJa: string;
  nameEn: string;
  /** The threshold as users read it, e.g. "≥ 1.00" or "3年以内 / within 3 years". */
  threshold: string;
  pass: boolean;
  /** The fiscal year (by the year it ends in) of the first breach, or null. */
  firstBreachYear: number | null;
  /** The value behind the check for each year (null where the measure has no value). */
  values: { fiscalYear: number; value: number | null; pass: boolean }[];
  /** Whether it is one of the optional loan covenants rather than a plan criterion. */
  covenant: boolean;
}

type Row = { fiscalYear: number; value: number | null; pass: boolean };

function result(
  id: string,
  nameJa: string,
  nameEn: string,
  threshold: string,
  values: Row[],
  covenant = false,
): CheckResult {
  const breach = values.find((v) => !v.pass);
  return {
    id,
    nameJa,
    nameEn,
    threshold,
    pass: !breach,
    firstBreachYear: breach ? breach.fiscalYear : null,
    values,
    covenant,
  };
}

/**
 * The checks of domain.md §6 with the case's thresholds: DSCR every year, 債務償還年数 at the
 * plan's end, 経常利益 positive from year N on, 実質債務超過 resolved from year M on, cash never
 * below the floor, the 再生フェーズ flag, and the optional contract covenants when set.
 */
export function planChecks(
  years: readonly ProjectedYear[],
  measures: readonly YearMeasures[],
  th: Thresholds,
): CheckResult[] {
  const fy = (t: number) => years[t].fiscalYear;
  const checks: CheckResult[] = [];
  const last = years.length - 1;

  checks.push(
    result(
      'dscr',
      'DSCR (債務返済カバー率)',
      'DSCR',
      `≥ ${th.minDscr.toFixed(2)}`,
      measures.map((m, t) => {
        const value = m.dscr.value;
        // No debt service at all cannot breach a debt-service covenant.
        return {
          fiscalYear: fy(t),
          value,
          pass: value === null ? m.dscr.reason === 'no-debt-service' : value >= th.minDscr,
        };
      }),
    ),
  );

  const end = measures[last].debtRepaymentYears;
  checks.push(
    result(
      'debt-years-at-end',
      '債務償還年数 (計画最終年)',
      'debt repayment years at plan end',
      `≤ ${th.maxDebtYearsAtPlanEnd}年`,
      [
        {
          fiscalYear: fy(last),
          value: end.value,
          pass: end.value !== null && end.value <= th.maxDebtYearsAtPlanEnd,
        },
      ],
    ),
  );

  checks.push(
    result(
      'profit-within',
      `経常黒字化 (${th.profitWithinYears}年以内)`,
      `ordinary profit within ${th.profitWithinYears} years`,
      `${th.profitWithinYears}年目以降 > 0`,
      years.map((y, t) => ({
        fiscalYear: y.fiscalYear,
        value: y.ordinaryProfit,
        pass: t + 1 < th.profitWithinYears || y.ordinaryProfit > 0,
      })),
    ),
  );

  checks.push(
    result(
      'solvency-within',
      `実質債務超過の解消 (${th.solvencyWithinYears}年以内)`,
      `substantive net worth positive within ${th.solvencyWithinYears} years`,
      `${th.solvencyWithinYears}年目以降 ≥ 0`,
      years.map((y, t) => ({
        fiscalYear: y.fiscalYear,
        value: y.substantiveNetWorth,
        pass: t + 1 < th.solvencyWithinYears || y.substantiveNetWorth >= 0,
      })),
    ),
  );

  checks.push(
    result(
      'cash-floor',
      '資金繰り (月末現預金)',
      'lowest month-end cash',
      `≥ ${th.minCash.toLocaleString('ja-JP')}`,
      years.map((y) => ({
        fiscalYear: y.fiscalYear,
        value: y.lowestCash,
        pass: y.lowestCash >= th.minCash,
      })),
    ),
  );

  checks.push(
    result(
      'rebirth-phase',
      '再生フェーズ相当 (債務超過かつEBITDA倍率10倍超または負)',
      'rebirth phase (insolvent and EBITDA multiple > 10 or negative)',
      '該当しない / not in phase',
      years.map((y, t) => {
        const multiple = measures[t].ebitdaDebtMultiple.value;
        const inPhase = y.substantiveNetWorth < 0 && (multiple === null || multiple > 10);
        return { fiscalYear: y.fiscalYear, value: multiple, pass: !inPhase };
      }),
    ),
  );

  const cov = th.covenants;
  if (cov.noConsecutiveOrdinaryLoss) {
    checks.push(
      result(
        'no-consecutive-loss',
        '2期連続経常赤字なし',
        'no ordinary loss two years running',
        '連続赤字なし',
        years.map((y, t) => ({
          fiscalYear: y.fiscalYear,
          value: y.ordinaryProfit,
          pass: !(y.ordinaryProfit < 0 && t > 0 && years[t - 1].ordinaryProfit < 0),
        })),
        true,
      ),
    );
  }
  if (cov.netAssetsFloorShare !== null) {
    const share = cov.netAssetsFloorShare;
    checks.push(
      result(
        'net-assets-floor',
        `純資産維持 (前期比${Math.round(share * 100)}%以上)`,
        `net assets at least ${Math.round(share * 100)} % of the previous year`,
        `≥ ${Math.round(share * 100)}%`,
        years.map((y, t) => {
          const previous = t === 0 ? null : years[t - 1].bookNetAssets;
          const value = previous === null || previous <= 0 ? null : y.bookNetAssets / previous;
          return {
            fiscalYear: y.fiscalYear,
            value,
            pass: previous === null || y.bookNetAssets >= share * previous,
          };
        }),
        true,
      ),
    );
  }
  if (cov.noInsolvency) {
    checks.push(
      result(
        'no-insolvency',
        '債務超過なし',
        'no negative net worth',
        '純資産 ≥ 0',
        years.map((y) => ({
          fiscalYear: y.fiscalYear,
          value: y.bookNetAssets,
          pass: y.bookNetAssets >= 0,
        })),
        true,
      ),
    );
  }
  if (cov.minIcr !== null) {
    const min = cov.minIcr;
    checks.push(
      result(
        'icr',
        'ICR (インタレスト・カバレッジ・レシオ)',
        'interest coverage',
        `> ${min}`,
        measures.map((m, t) => ({
          fiscalYear: fy(t),
          value: m.interestCoverage.value,
          pass:
            m.interestCoverage.value === null
              ? m.interestCoverage.reason === 'no-interest'
              : m.interestCoverage.value > min,
        })),
        true,
      ),
    );
  }
  return checks;
}
