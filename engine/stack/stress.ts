import { fiscalYearOf } from '../time/fiscal-year';
import { RepriceMode, RateScenario } from '../rates/rate-rule';
import { Shock, shockLabel } from '../rates/shock';
import { Schedule } from '../schedule/loan-schedule';
import {
  FiscalYearFigures,
  addByFiscalYear,
  emptyFiscalYears,
  fiscalYearSpan,
} from '../schedule/fiscal-aggregate';
import { DebtStack, stackSchedules } from './debt-stack';

/** A debt stack under one shock in one mode, against the unshocked base. */
export interface StressCell {
  shock: Shock;
  label: string;
  mode: RepriceMode;
  /** The stack's figures per fiscal year under the shock. */
  stack: FiscalYearFigures;
  /** Interest above the base per fiscal year. */
  extraInterest: Float64Array;
  totalExtraInterest: number;
  /** Total extra interest over the loan's life, per loan (same order as the stack). */
  extraInterestByLoan: number[];
}

export interface StressReport {
  stack: DebtStack;
  /** Fiscal years covered, by the year they end in. */
  fiscalYears: number[];
  base: FiscalYearFigures;
  baseByLoan: FiscalYearFigures[];
  cells: StressCell[];
}

function figuresOf(
  schedules: Schedule[],
  firstYear: number,
  count: number,
  endMonth: number,
): FiscalYearFigures {
  const total = emptyFiscalYears(firstYear, count, endMonth);
  for (const schedule of schedules) addByFiscalYear(schedule, total);
  return total;
}

/**
 * The debt stack under every shock in every mode, each compared with the unshocked base,
 * per fiscal year — the extra interest table of the `shocks` command.
 */
export function stressStack(
  stack: DebtStack,
  shocks: readonly Shock[],
  modes: readonly RepriceMode[],
): StressReport {
  const endMonth = stack.fiscalYearEndMonth;
  const scenario = (shock: Shock | null, mode: RepriceMode): RateScenario => ({
    indexes: stack.indexes,
    shock,
    mode,
    asOf: stack.asOf,
  });
  const base = stackSchedules(stack, scenario(null, 'realistic'));
  let first = fiscalYearOf(stack.asOf, endMonth);
  let last = first;
  for (const schedule of base) {
    const [a, b] = fiscalYearSpan(schedule, endMonth);
    first = Math.min(first, a);
    last = Math.max(last, b);
  }
  const count = last - first + 1;
  const baseFigures = figuresOf(base, first, count, endMonth);
  const cells: StressCell[] = [];
  for (const shock of shocks) {
    for (const mode of modes) {
      const shocked = stackSchedules(stack, scenario(shock, mode));
      const figures = figuresOf(shocked, first, count, endMonth);
      const extraInterest = figures.interest.map((x, i) => x - baseFigures.interest[i]);
      cells.push({
        shock,
        label: shockLabel(shock),
        mode,
        stack: figures,
        extraInterest,
        totalExtraInterest: extraInterest.reduce((a, b) => a + b, 0),
        extraInterestByLoan: shocked.map((s, i) => s.totals.interest - base[i].totals.interest),
      });
    }
  }
  return {
    stack,
    fiscalYears: Array.from({ length: count }, (_, i) => first + i),
    base: baseFigures,
    baseByLoan: base.map((s) => figuresOf([s], first, count, endMonth)),
    cells,
  };
}
