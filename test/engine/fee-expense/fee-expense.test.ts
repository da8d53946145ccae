import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Case, parseCaseFile, projectCase } from '../../../engine';
import { toEpochDay } from '../../../engine/time/civil-date';
import { simpleCase, testPrograms } from '../projection/fixtures';

/**
 * A 36-month bullet of 9,600,000 with a 1 % 保証料 in one sum, drawn on the first day of plan
 * year 1 (2027-04-01): 9,600,000 × 1 % × 36/12 × 1.0 = 288,000. Tax rate 0, so the P/L timing
 * cannot move cash through tax.
 */
function feeCase(guaranteeFeeExpense?: 'paid' | 'spread'): Case {
  const base = simpleCase();
  const loanG = {
    ...base.stack.loans[0],
    id: 'G',
    terms: {
      ...base.stack.loans[0].terms,
      principal: 9_600_000,
      termMonths: 36,
      method: 'bullet' as const,
      startDate: toEpochDay(2027, 4, 1),
      guaranteeFeeRate: 0.01,
      guaranteeFeePayment: 'lump-sum' as const,
    },
  };
  return simpleCase({
    base: { ...base.base, effectiveTaxRate: 0 },
    stack: { ...base.stack, loans: [...base.stack.loans, loanG] },
    ...(guaranteeFeeExpense && { guaranteeFeeExpense }),
  });
}

function project(c: Case) {
  const scenario = {
    indexes: c.stack.indexes,
    shock: null,
    mode: 'realistic' as const,
    asOf: c.asOf,
  };
  return projectCase(
    c,
    { senior: c.stack.loans, capital: [], newMoney: 0, refinancings: [] },
    scenario,
    testPrograms.capitalRate,
  );
}

describe('defaults.guaranteeFeeExpense: the lump-sum 保証料 in the P/L', () => {
  test('"spread": 288,000 over 36 months → 96,000 a year; "paid" (default): all in year 1; cash equal', () => {
    const paid = project(feeCase()).years;
    const explicitPaid = project(feeCase('paid')).years;
    const spread = project(feeCase('spread')).years;
    expect(project(feeCase()).seniorSchedules[1].upfrontFee).toBe(288_000);
    expect(paid.map((y) => y.guaranteeFees)).toEqual([288_000, 0, 0]);
    expect(explicitPaid).toEqual(paid);
    expect(spread.map((y) => y.guaranteeFees)).toEqual([96_000, 96_000, 96_000]);
    // 経常利益 moves by the timing: +192,000 in year 1, −96,000 in years 2 and 3.
    expect(spread.map((y, t) => y.ordinaryProfit - paid[t].ordinaryProfit)).toEqual([
      192_000, -96_000, -96_000,
    ]);
    // The fee is still paid at drawdown: debt service and cash do not move.
    expect(spread.map((y) => y.debtService)).toEqual(paid.map((y) => y.debtService));
    expect(spread.map((y) => [y.cash, y.lowestCash, y.lowestCashMonth])).toEqual(
      paid.map((y) => [y.cash, y.lowestCash, y.lowestCashMonth]),
    );
  });

  test('a term not divisible: floor each year, the last year takes the remainder', () => {
    const c = feeCase('spread');
    const g = c.stack.loans[1];
    // Drawn 2027-10-01 for 36 months (fee still 288,000): 6 / 12 / 12 / 6 months by plan year.
    const shifted = {
      ...c,
      stack: {
        ...c.stack,
        loans: [
          c.stack.loans[0],
          { ...g, terms: { ...g.terms, startDate: toEpochDay(2027, 10, 1) } },
        ],
      },
    };
    // 288,000 × 6/36 = 48,000; × 12/36 = 96,000; year 4 (outside the 3-year plan) 48,000.
    expect(project(shifted).years.map((y) => y.guaranteeFees)).toEqual([48_000, 96_000, 96_000]);
  });
});

describe('reading defaults.guaranteeFeeExpense', () => {
  const raw = (value: unknown) => ({ defaults: { guaranteeFeeExpense: value } });
  const scenario = () =>
    JSON.parse(
      readFileSync(
        join(__dirname, '../../../scenarios/lodging-crisis-refinance.case.json'),
        'utf8',
      ),
    ) as Record<string, unknown>;
  test('"spread" is read; alone it leaves the loans’ conventions (no loanDefaults); absent → unset', () => {
    const parsed = parseCaseFile({ ...scenario(), defaults: { guaranteeFeeExpense: 'spread' } });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value.guaranteeFeeExpense).toBe('spread');
    expect(parsed.value.loanDefaults).toBeUndefined();
    const plain = parseCaseFile(scenario());
    if (!plain.ok) throw new Error(JSON.stringify(plain.errors));
    expect(plain.value.guaranteeFeeExpense).toBeUndefined();
  });
  test('a bad value is an error naming defaults.guaranteeFeeExpense', () => {
    const parsed = parseCaseFile({ ...scenario(), ...raw('monthly') });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.some((e) => e.field === 'defaults.guaranteeFeeExpense')).toBe(true);
  });
});
