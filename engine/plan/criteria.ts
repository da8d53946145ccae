import { ProjectedYear } from '../projection/project';
import { YearMeasures } from '../projection/year-measures';

/** When 債務償還年数 first reaches the threshold under one shock. */
export interface YearsToThreshold {
  /** Plan years from the base year (1 = the first plan year), or null when out of sight. */
  years: number | null;
  /** true when the plan's horizon was not enough and the count is extrapolated (see README). */
  extrapolated: boolean;
}

/**
 * Years until 債務償還年数 ≤ `max`: the first plan year that meets it; failing that, the
 * horizon plus the years the last plan year's pace needs — each further year the debt falls by
 * that year's principal repaid while the cash flow stays at that year's:
 * ceil((debt − max × cash flow) ÷ principal). null when the last year's cash flow or principal
 * is not positive.
 */
export function yearsToDebtYears(
  years: readonly ProjectedYear[],
  measures: readonly YearMeasures[],
  max: number,
): YearsToThreshold {
  const hit = measures.findIndex(
    (m) => m.debtRepaymentYears.value !== null && m.debtRepaymentYears.value <= max,
  );
  if (hit >= 0) return { years: hit + 1, extrapolated: false };
  const last = measures[measures.length - 1].debtRepaymentYears;
  const principal = years[years.length - 1].principal;
  if (last.cashFlow <= 0 || principal <= 0) return { years: null, extrapolated: true };
  return {
    years: years.length + Math.ceil((last.debt - max * last.cashFlow) / principal),
    extrapolated: true,
  };
}

/** 実抜計画 / 合実計画 indication: the first year from which the plan's three criteria all hold. */
export type PlanKind = '実抜計画' | '合実計画' | '合実計画 (中小企業: 10年以内)' | null;

export interface PlanIndication {
  /** The first plan year (1-based) from which 経常黒字, 実質資産超過 and 債務償還年数 ≤ max all hold. */
  normalFromYear: number | null;
  kind: PlanKind;
}

/**
 * 実抜 when the criteria hold from year 3 at the latest (up to 5 accepted as 実抜 in practice is
 * not assumed here), 合実 within 5, 合実 for SMEs within 10; null otherwise.
 */
export function planIndication(
  years: readonly ProjectedYear[],
  measures: readonly YearMeasures[],
  maxDebtYears: number,
): PlanIndication {
  const holds = years.map((y, t) => {
    const d = measures[t].debtRepaymentYears.value;
    return y.ordinaryProfit > 0 && y.substantiveNetWorth >= 0 && d !== null && d <= maxDebtYears;
  });
  let from: number | null = null;
  for (let t = holds.length - 1; t >= 0 && holds[t]; t--) from = t + 1;
  const kind: PlanKind =
    from === null
      ? null
      : from <= 3
        ? '実抜計画'
        : from <= 5
          ? '合実計画'
          : from <= 10
            ? '合実計画 (中小企業: 10年以内)'
            : null;
  return { normalFromYear: from, kind };
}
