import { loanRates, parseStackFile, swapBreaks } from '../../../engine';
import { refinanceT, tiborSwapStackFile } from './tibor-swap-fixture';

// The TIBOR loan of tibor-swap-fixture.ts with a pay-fixed swap at 0.60 % to 2026-06-30 (its first
// three periods) in most tests.
const stack = tiborSwapStackFile;
const parse = (file: object) => {
  const parsed = parseStackFile(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value.stack;
};
const scenario = (s: ReturnType<typeof parse>, shock: number | null) => ({
  indexes: s.indexes,
  shock: shock === null ? null : { kind: 'parallel' as const, size: shock },
  mode: 'realistic' as const,
  asOf: s.asOf,
});

describe('a pay-fixed swap on a floating loan', () => {
  const swapped = parse(stack({ fixedRate: '0.60%', endDate: '2026-06-30', notional: 'loan' }));

  test('all-in = swap rate + spread while it runs, whatever the shock; floating after', () => {
    const rates = Array.from(loanRates(swapped.loans[0], scenario(swapped, 0.01)));
    // 0.60 % + 0.80 % = 1.40 % for the periods starting 03-31, 04-30, 05-31; then
    // TIBOR 1.00 % + shock 1.00 % + 0.80 % = 2.80 %.
    expect(rates.slice(0, 3)).toEqual([140_000, 140_000, 140_000]);
    expect(rates.slice(3)).toEqual(new Array(9).fill(280_000));
  });

  test('a notional of half the balance: half at the all-in rate, half floating', () => {
    const half = parse(stack({ fixedRate: '0.60%', endDate: '2026-06-30', notional: 50_000_000 }));
    // ½ × 1.40 % + ½ × 2.80 % = 2.10 %.
    expect(Array.from(loanRates(half.loans[0], scenario(half, 0.01))).slice(0, 4)).toEqual([
      210_000, 210_000, 210_000, 280_000,
    ]);
  });

  test('break cost on refinancing: a receipt when rates rose, a payment when they fell', () => {
    // Swap at 1.00 % for 3 months of 30, 31, 30 days; flat curve f: value = Σ 1億 × (1 % − f) × τ × DF.
    const s = parse(stack({ fixedRate: '1.00%', endDate: '2026-06-30' }));
    const { book, errors } = refinanceT(s);
    expect(errors).toEqual([]);
    // +1.00 %: f = 2 %: 1億 × (−1 %) × (30/365 DF₁ + 31/365 DF₂ + 30/365 DF₃), DF at 2 % → −248,488.
    expect(swapBreaks(book, scenario(s, 0.01))).toEqual([{ loanId: 'T', cost: -248_488 }]);
    // Unshocked, f = 1 % = the swap rate: nothing to pay.
    expect(swapBreaks(book, scenario(s, null))).toEqual([{ loanId: 'T', cost: 0 }]);
    // −0.50 %: f = 0.5 %: the borrower pays 1億 × 0.5 % × Σ τ DF = 124,554.
    expect(swapBreaks(book, scenario(s, -0.005))).toEqual([{ loanId: 'T', cost: 124_554 }]);
  });

  test('bad input: a swap on a fixed loan, a swap longer than its loan', () => {
    const fixed = parseStackFile({
      asOf: '2026-03-31',
      loans: [
        {
          principal: 1_000_000,
          termMonths: 12,
          method: 'bullet',
          annualRate: 0.01,
          swap: { fixedRate: 0.01, endDate: '2026-06-30' },
        },
      ],
    });
    expect(fixed.ok).toBe(false);
    if (!fixed.ok) expect(fixed.errors.map((e) => e.field)).toEqual(['loans[0].swap']);
    const long = parseStackFile(stack({ fixedRate: '0.60%', endDate: '2030-03-31' }));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.errors.map((e) => e.field)).toEqual(['loans[0].swap.endDate']);
  });
});
