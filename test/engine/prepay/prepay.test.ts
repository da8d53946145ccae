import {
  LoanTerms,
  applyStrategy,
  buildSchedule,
  flatRates,
  parseCaseFile,
  scheduleRows,
  toEpochDay,
} from '../../../engine';
import { simpleCase, testPrograms } from '../projection/fixtures';

// 12,000,000 yen, 1.2 %, 12 months, 30/360 (interest 0.1 % of the balance a month), drawn 2027-03-31.
const terms = (extra: Partial<LoanTerms> = {}): LoanTerms => ({
  principal: 12_000_000,
  termMonths: 12,
  graceMonths: 0,
  method: 'equal-principal',
  dayCount: '30/360',
  startDate: toEpochDay(2027, 3, 31),
  rounding: 'floor',
  guaranteeFeeRate: 0,
  ...extra,
});
const rows = (t: LoanTerms) => scheduleRows(buildSchedule(t, flatRates(0.012, t.termMonths)));

describe('繰上返済 (prepayment), equal principal, worked by hand', () => {
  test('期間短縮: 3,000,000 more with payment 3; the 1,000,000 instalment kept, repaid after 9', () => {
    const r = rows(terms({ prepayment: { period: 3, amount: 3_000_000, effect: 'shorten-term' } }));
    expect(r.map((x) => x.principal)).toEqual([
      1e6, 1e6, 4e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 0, 0, 0,
    ]);
    // 0.1 % of 12, 11, 10, 6, 5, 4, 3, 2, 1 million: 54,000 in all (78,000 without it).
    expect(r.map((x) => x.interest)).toEqual([
      12_000, 11_000, 10_000, 6_000, 5_000, 4_000, 3_000, 2_000, 1_000, 0, 0, 0,
    ]);
    expect(r.reduce((s, x) => s + x.interest, 0)).toBe(54_000);
  });

  test('返済額軽減: 6,000,000 left re-spread over 9 months, 666,666 a month, the last 666,672', () => {
    const r = rows(
      terms({ prepayment: { period: 3, amount: 3_000_000, effect: 'lower-instalment' } }),
    );
    expect(r.map((x) => x.principal)).toEqual([
      1e6, 1e6, 4e6, 666_666, 666_666, 666_666, 666_666, 666_666, 666_666, 666_666, 666_666,
      666_672,
    ]);
    // Period 5: 0.1 % of 5,333,334 = 5,333.334 → 5,333.
    expect(r[4].interest).toBe(5_333);
    expect(r.reduce((s, x) => s + x.principal, 0)).toBe(12_000_000);
  });

  test('annuity: 期間短縮 keeps the instalment and ends early; 返済額軽減 lowers it', () => {
    const annuity = (effect: 'shorten-term' | 'lower-instalment') =>
      rows(terms({ method: 'annuity', prepayment: { period: 3, amount: 3_000_000, effect } }));
    const plain = rows(terms({ method: 'annuity' }));
    const shorter = annuity('shorten-term');
    const lower = annuity('lower-instalment');
    // PMT(0.1 %, 12, 12,000,000) = 1,006,511.91 → 1,006,511 a month without prepayment.
    expect(plain[3].payment).toBe(1_006_511);
    expect(shorter[3].payment).toBe(1_006_511);
    expect(shorter.slice(-3).every((x) => x.closing === 0)).toBe(true);
    expect(shorter[shorter.length - 1].principal).toBe(0);
    // Lowered: PMT(0.1 %, 9, 6,000,000 − …) over the 9 months left, below the original.
    expect(lower[3].payment).toBeLessThan(1_006_511);
    expect(lower[11].closing).toBe(0);
    for (const r of [shorter, lower]) expect(r.reduce((s, x) => s + x.principal, 0)).toBe(12e6);
  });

  test('a bullet: the prepayment is principal at that payment, the rest at maturity', () => {
    const r = rows(
      terms({
        method: 'bullet',
        prepayment: { period: 6, amount: 2_000_000, effect: 'shorten-term' },
      }),
    );
    expect(r[5].principal).toBe(2_000_000);
    expect(r[11].principal).toBe(10_000_000);
    expect(r[6].interest).toBe(10_000);
  });
});

describe('the prepay action', () => {
  const c = simpleCase();
  const run = (action: object) =>
    applyStrategy(
      c.stack.loans,
      { id: 'p', name: 'p', actions: [action as never] },
      c.asOf,
      (id) => testPrograms.pricing(id, 'sme'),
      'strategies[0]',
      undefined,
      c.stack.indexes,
    );

  test('on 2027-06-15 it is paid with payment 3 (2027-06-30) of loan A', () => {
    const { book, errors } = run({
      kind: 'prepay',
      select: { loanIds: ['A'] },
      amount: 3_000_000,
      date: toEpochDay(2027, 6, 15),
      effect: 'shorten-term',
    });
    expect(errors).toEqual([]);
    expect(book.senior[0].terms.prepayment).toEqual({
      period: 3,
      amount: 3_000_000,
      effect: 'shorten-term',
    });
  });

  test('bad input: over the balance, before asOf, an unknown effect', () => {
    const over = run({
      kind: 'prepay',
      select: { loanIds: ['A'] },
      amount: 200_000_000,
      date: toEpochDay(2027, 6, 15),
      effect: 'shorten-term',
    });
    expect(over.errors.map((e) => e.field)).toEqual(['strategies[0].actions[0].amount']);
    const early = run({
      kind: 'prepay',
      select: { loanIds: ['A'] },
      amount: 1_000_000,
      date: toEpochDay(2027, 1, 15),
      effect: 'shorten-term',
    });
    expect(early.errors.map((e) => e.field)).toEqual(['strategies[0].actions[0].date']);
    const parsed = parseCaseFile({
      profile: { name: 'x' },
      asOf: '2026-03-31',
      base: {
        revenue: 1,
        operatingProfit: 0,
        depreciation: 0,
        ordinaryProfit: 0,
        effectiveTaxRate: 0.3,
        cash: 0,
        totalAssets: 1,
        bookNetAssets: 0,
      },
      plan: [{ revenue: 1, operatingProfit: 0 }],
      loans: [{ id: 'A', principal: 1000, termMonths: 12, method: 'bullet', annualRate: 0.01 }],
      strategies: [
        {
          id: 'p',
          actions: [
            {
              kind: 'prepay',
              select: { loanIds: ['A'] },
              amount: 100,
              date: '2026-06-01',
              effect: 'faster',
            },
          ],
        },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors.map((e) => e.field)).toEqual(['strategies[0].actions[0].effect']);
  });
});
