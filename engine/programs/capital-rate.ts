import { Program, ProgramUnit, bandFor, resolveRate } from './catalog';
import { percent } from './format';

export interface CapitalRateInput {
  termMonths: number;
  /** Year of the loan, 0-based from drawdown: year 0 is the first twelve months. */
  yearIndex: number;
  /**
   * The result of the latest fiscal year closed before this year starts (直近決算): true 黒字,
   * false 赤字, null when the borrower has no closed year yet. Taking the previous year keeps
   * the rate free of circularity: this year's interest cannot change the result it is priced on.
   */
  previousYearProfitable: boolean | null;
  /** A private bank supports the plan (民間金融機関の相応の支援). */
  privateBankSupport: boolean;
  /** Only needed if the program's rate differs by unit. */
  unit?: ProgramUnit;
}

export type CapitalRateBasis = 'initial-period' | 'profit' | 'loss' | 'no-closed-year';

export interface CapitalRate {
  /** Annual rate, decimal. */
  rate: number;
  basis: CapitalRateBasis;
  reason: string;
  reasonJa: string;
}

/**
 * The rate of a capital-type subordinated loan (資本性劣後ローン) for one year of its life:
 * the initial-period rate while it applies (the first 3 years at 0.50 % with a private bank's
 * support, or unconditionally for the COVID loan), otherwise the loss rate (0.50 %) after a
 * loss-making year and the program's rate for the loan's term band after a profitable one.
 *
 * @example
 * // after March 2025, a 20-year loan, fifth year, fourth fiscal year profitable:
 * capitalLoanRate(findProgram('capital-subordinated')!, {
 *   termMonths: 240, yearIndex: 4, previousYearProfitable: true, privateBankSupport: true,
 * }).rate // 0.0395
 */
export function capitalLoanRate(program: Program, input: CapitalRateInput): CapitalRate {
  const rule = resolveRate(program, input.unit);
  if (rule.kind !== 'performance-linked') {
    throw new Error(
      `Program ${program.id} has no performance-linked rate (its rate is ${rule.kind})`,
    );
  }
  const { termMonths, yearIndex, previousYearProfitable, privateBankSupport } = input;
  if (!Number.isInteger(yearIndex) || yearIndex < 0 || yearIndex * 12 >= termMonths) {
    throw new RangeError(
      `yearIndex ${yearIndex} is outside a loan of ${termMonths} months (0 to ${Math.ceil(termMonths / 12) - 1})`,
    );
  }
  const band = bandFor(rule.profitRates, termMonths);
  if (!band) {
    throw new RangeError(`Program ${program.id} has no rate for a term of ${termMonths} months`);
  }
  const year = yearIndex + 1;
  const bandText = `${band.minTermMonths}–${band.maxTermMonths}`;
  const profit = (basis: CapitalRateBasis, why: string, whyJa: string): CapitalRate => ({
    rate: band.value,
    basis,
    reason: `year ${year}: ${why} → ${percent(band.value)}, the profitable-year rate for terms of ${bandText} months`,
    reasonJa: `${year}年目: ${whyJa} → ${percent(band.value)}（期間${bandText}か月の黒字時利率）`,
  });
  const loss = (basis: CapitalRateBasis, why: string, whyJa: string): CapitalRate => ({
    rate: rule.lossRate,
    basis,
    reason: `year ${year}: ${why} → ${percent(rule.lossRate)}, the loss-year rate`,
    reasonJa: `${year}年目: ${whyJa} → ${percent(rule.lossRate)}（赤字時利率）`,
  });

  const initial = rule.initialPeriod;
  if (initial && yearIndex < initial.years) {
    const applies = initial.requires === 'none' || privateBankSupport;
    if (applies) {
      const why =
        initial.requires === 'none'
          ? `within the first ${initial.years} years`
          : `within the first ${initial.years} years, with a private bank supporting the plan`;
      const whyJa =
        initial.requires === 'none'
          ? `当初${initial.years}年間`
          : `当初${initial.years}年間（民間金融機関が計画を支援）`;
      return {
        rate: initial.rate,
        basis: 'initial-period',
        reason: `year ${year}: ${why} → ${percent(initial.rate)}`,
        reasonJa: `${year}年目: ${whyJa} → ${percent(initial.rate)}`,
      };
    }
  }
  if (previousYearProfitable === null) {
    const why = 'no fiscal year closed yet, charged as';
    const whyJa = '直近決算がないため';
    return rule.withoutClosedYear === 'profit'
      ? profit('no-closed-year', `${why} profitable`, `${whyJa}黒字として扱う`)
      : loss('no-closed-year', `${why} loss-making`, `${whyJa}赤字として扱う`);
  }
  return previousYearProfitable
    ? profit('profit', 'the previous fiscal year was profitable (黒字)', '前期決算 黒字')
    : loss('loss', 'the previous fiscal year was loss-making (赤字)', '前期決算 赤字');
}
