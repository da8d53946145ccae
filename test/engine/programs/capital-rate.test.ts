import { Program, capitalLoanRate, findProgram } from '../../../engine/programs';

function program(id: string): Program {
  const p = findProgram(id);
  if (!p) throw new Error(`no program ${id}`);
  return p;
}

/**
 * Ten years of a loan. `previousYear[t]` is the result of the fiscal year closed before loan
 * year t starts (t = 0: the year closed before drawdown): true 黒字, false 赤字.
 */
const previousYear = [true, false, true, true, false, true, true, false, false, true];

function ratePath(
  id: string,
  termMonths: number,
  privateBankSupport: boolean,
  results: (boolean | null)[] = previousYear,
): number[] {
  return results.map(
    (previousYearProfitable, yearIndex) =>
      capitalLoanRate(program(id), {
        termMonths,
        yearIndex,
        previousYearProfitable,
        privateBankSupport,
      }).rate,
  );
}

describe('capital-type loan rate from the previous fiscal year (domain.md §3)', () => {
  // From March 2025, 20-year term: 赤字 0.50 %, 黒字 3.95 %.
  test('20 years, from March 2025, with a private bank supporting the plan: 0.50 % for 3 years, then by the prior year', () => {
    expect(ratePath('capital-subordinated', 240, true)).toEqual([
      0.005, 0.005, 0.005, 0.0395, 0.005, 0.0395, 0.0395, 0.005, 0.005, 0.0395,
    ]);
  });

  test('20 years, from March 2025, without that support: the prior year decides from the start', () => {
    expect(ratePath('capital-subordinated', 240, false)).toEqual([
      0.0395, 0.005, 0.0395, 0.0395, 0.005, 0.0395, 0.0395, 0.005, 0.005, 0.0395,
    ]);
  });

  test('terms before March 2025: 4.65 % for a 20-year loan in a profitable year', () => {
    expect(ratePath('capital-subordinated-pre-2025-03', 240, false)).toEqual([
      0.0465, 0.005, 0.0465, 0.0465, 0.005, 0.0465, 0.0465, 0.005, 0.005, 0.0465,
    ]);
  });

  test('COVID loan, 20 years: 0.50 % for the first 3 years whatever the support, then 0.50 % / 2.95 %', () => {
    const expected = [0.005, 0.005, 0.005, 0.0295, 0.005, 0.0295, 0.0295, 0.005, 0.005, 0.0295];
    expect(ratePath('covid-capital-subordinated', 240, false)).toEqual(expected);
    expect(ratePath('covid-capital-subordinated', 240, true)).toEqual(expected);
  });

  test('a 5年1か月 loan runs six loan years (0–5), at the shortest band after profitable years', () => {
    const path = ratePath('capital-subordinated', 61, false, [
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(path).toEqual([0.0325, 0.0325, 0.005, 0.0325, 0.0325, 0.005]);
    expect(() =>
      capitalLoanRate(program('capital-subordinated'), {
        termMonths: 61,
        yearIndex: 6,
        previousYearProfitable: true,
        privateBankSupport: false,
      }),
    ).toThrow(/yearIndex 6 is outside a loan of 61 months \(0 to 5\)/);
  });

  test('the reason says which rule set the rate', () => {
    const p = program('capital-subordinated');
    const at = (
      yearIndex: number,
      previousYearProfitable: boolean | null,
      privateBankSupport = true,
    ) =>
      capitalLoanRate(p, {
        termMonths: 240,
        yearIndex,
        previousYearProfitable,
        privateBankSupport,
      });
    expect(at(0, true)).toEqual({
      rate: 0.005,
      basis: 'initial-period',
      reason: 'year 1: within the first 3 years, with a private bank supporting the plan → 0.50%',
      reasonJa: '1年目: 当初3年間（民間金融機関が計画を支援） → 0.50%',
    });
    expect(at(3, true)).toEqual({
      rate: 0.0395,
      basis: 'profit',
      reason:
        'year 4: the previous fiscal year was profitable (黒字) → 3.95%, the profitable-year rate for terms of 181–240 months',
      reasonJa: '4年目: 前期決算 黒字 → 3.95%（期間181–240か月の黒字時利率）',
    });
    expect(at(3, false)).toMatchObject({ rate: 0.005, basis: 'loss' });
    expect(at(3, false).reason).toBe(
      'year 4: the previous fiscal year was loss-making (赤字) → 0.50%, the loss-year rate',
    );
  });

  test('no closed fiscal year yet: charged the profitable rate (the catalog’s conservative assumption)', () => {
    const r = capitalLoanRate(program('capital-subordinated'), {
      termMonths: 120,
      yearIndex: 0,
      previousYearProfitable: null,
      privateBankSupport: false,
    });
    expect(r).toMatchObject({ rate: 0.035, basis: 'no-closed-year' });
    expect(r.reason).toMatch(/no fiscal year closed yet, charged as profitable/);
  });

  test('the unit does not change a capital-type rate', () => {
    const input = {
      termMonths: 240,
      yearIndex: 5,
      previousYearProfitable: true,
      privateBankSupport: false,
    };
    const p = program('capital-subordinated');
    expect(capitalLoanRate(p, { ...input, unit: 'micro' }).rate).toBe(
      capitalLoanRate(p, input).rate,
    );
  });

  test('refuses a loan that is not performance-linked, and a term with no rate', () => {
    const input = {
      termMonths: 84,
      yearIndex: 0,
      previousYearProfitable: true,
      privateBankSupport: false,
    };
    expect(() => capitalLoanRate(program('bank-loan'), input)).toThrow(
      /no performance-linked rate/,
    );
    expect(() => capitalLoanRate(program('covid-capital-subordinated'), input)).toThrow(
      /no rate for a term of 84 months/,
    );
  });
});
