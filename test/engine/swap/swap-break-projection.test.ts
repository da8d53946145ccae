import { projectCase } from '../../../engine';
import { simpleCase, testPrograms } from '../projection/fixtures';
import { refinanceT, tiborSwapStack } from './tibor-swap-fixture';

// The TIBOR loan of test/engine/swap/swap.test.ts (100,000,000 bullet, spread 0.80 %, TIBOR
// 1.00 %) with a pay-fixed swap at 1.00 % to 2026-06-30, refinanced on the analysis date
// 2026-03-31. Rates up 1.00 %: the curve is 2 % flat, so the swap's remaining fixed leg is worth
// 1億 × (1 % − 2 %) × (30/365·DF₁ + 31/365·DF₂ + 30/365·DF₃) = −248,488 yen: a receipt.
const stack = tiborSwapStack({ fixedRate: '1.00%', endDate: '2026-06-30' });
const c = simpleCase({ asOf: stack.asOf, stack });
const { book, errors } = refinanceT(stack);
const scenario = (shock: number | null) => ({
  indexes: stack.indexes,
  shock: shock === null ? null : { kind: 'parallel' as const, size: shock },
  mode: 'realistic' as const,
  asOf: stack.asOf,
});
const project = (b: typeof book, shock: number | null) =>
  projectCase(c, b, scenario(shock), testPrograms.capitalRate);

describe('the swap break cost as a cost of the refinancing strategy', () => {
  test('rates rose: a receipt of 248,488 in plan month 0, 経常利益 and cash rise by it', () => {
    expect(errors).toEqual([]);
    const withBreak = project(book, 0.01);
    // The same strategy with the break left out: everything else is equal.
    const without = project({ ...book, endedSwaps: [] }, 0.01);
    const [y0, y1] = withBreak.years;
    expect(y0.swapBreakCost).toBe(-248_488);
    expect(y1.swapBreakCost).toBe(0);
    expect(without.years[0].swapBreakCost).toBe(0);
    expect(y0.interest).toBe(without.years[0].interest);
    expect(y0.ordinaryProfit - without.years[0].ordinaryProfit).toBe(248_488);
    // Tax at 30 % on the extra profit: 74,546.4 → 74,546; the cash keeps the rest.
    expect(y0.taxes - without.years[0].taxes).toBe(74_546);
    expect(y0.cash - without.years[0].cash).toBe(248_488 - 74_546);
    expect(y1.ordinaryProfit).toBe(without.years[1].ordinaryProfit);
  });

  test('unshocked (curve at the swap rate): nothing; rates fell 0.50 %: a cost of 124,554', () => {
    expect(project(book, null).years[0].swapBreakCost).toBe(0);
    const fell = project(book, -0.005);
    const without = project({ ...book, endedSwaps: [] }, -0.005);
    expect(fell.years[0].swapBreakCost).toBe(124_554);
    expect(fell.years[0].ordinaryProfit - without.years[0].ordinaryProfit).toBe(-124_554);
  });
});
