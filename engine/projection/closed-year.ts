import { BaseYear } from '../case/case';

/**
 * A closed year's result on both lines a capital-type loan may read for 赤字 / 黒字. They can
 * differ in sign only by special items (特別損益), which the projection does not model: in a
 * projected year tax never exceeds the profit it is charged on, so 税引後当期純利益 > 0 exactly
 * when 経常利益 > 0, and a projected year passes a plain "profitable" flag instead.
 */
export interface ClosedYearResult {
  ordinaryProfit: number;
  netIncome: number;
}

/** The base year's two lines; its 税引後当期純利益 is 経常利益 less tax when the case gives none. */
export function closedYearResult(base: BaseYear): ClosedYearResult {
  const tax = Math.floor(Math.max(0, base.ordinaryProfit) * base.effectiveTaxRate);
  return {
    ordinaryProfit: base.ordinaryProfit,
    netIncome: base.netIncome ?? base.ordinaryProfit - tax,
  };
}
