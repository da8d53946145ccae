import seedrandom from 'seedrandom';
import {
  DEFAULT_PORTFOLIO_OPTIONS,
  Firm,
  NO_DEBT,
  PortfolioOptions,
  breaches,
  emptyPortfolioPartial,
  firmDebt,
  mergePortfolioPartial,
  planYearMeasures,
  planYearStart,
  portfolioCells,
  scheduledPrincipal,
  stressFirms,
  summarizePortfolio,
  syntheticFirms,
  toEpochDay,
} from '../../../engine';
import { HAND_FIRMS } from './hand-portfolio';

const options: PortfolioOptions = {
  ...DEFAULT_PORTFOLIO_OPTIONS,
  asOf: toEpochDay(2026, 3, 31),
  shocks: [0.01],
  modes: ['realistic', 'full-reprice'],
  topN: 2,
};

describe('plan year', () => {
  test("starts on the last day of the firm's fiscal year closed by the analysis date", () => {
    const asOf = toEpochDay(2026, 3, 31);
    expect(planYearStart(asOf, 3)).toBe(toEpochDay(2026, 3, 31));
    expect(planYearStart(asOf, 12)).toBe(toEpochDay(2025, 12, 31));
    expect(planYearStart(asOf, 4)).toBe(toEpochDay(2025, 4, 30));
    expect(planYearStart(toEpochDay(2028, 3, 1), 2)).toBe(toEpochDay(2028, 2, 29));
  });

  test('scheduled principal: equal principal over the months left, all of it when it matures within the year', () => {
    const bucket = { balance: 365_000_000, rate: 0.01, months: 240, resetMonths: 0 };
    // floor(365,000,000 / 240) = 1,520,833 a month, × 12.
    expect(scheduledPrincipal(bucket)).toBe(18_249_996);
    expect(scheduledPrincipal({ ...bucket, months: 12 })).toBe(365_000_000);
    expect(scheduledPrincipal({ ...bucket, balance: 0 })).toBe(0);
  });
});

describe('three firms worked by hand (+1.00 %, both modes)', () => {
  const results = summarizePortfolio(stressFirms(HAND_FIRMS, [2, 3, 4], options), options);
  const [realistic, full] = results.cells;

  test('cells come shock by shock, realistic first', () => {
    expect(portfolioCells(options)).toEqual([
      { shock: 0.01, mode: 'realistic' },
      { shock: 0.01, mode: 'full-reprice' },
    ]);
    expect([realistic.label, realistic.mode, full.mode]).toEqual([
      '+1.00%',
      'realistic',
      'full-reprice',
    ]);
  });

  test('averages before the shock', () => {
    expect(results.firms).toBe(3);
    // Debt 3.65億 + (7,300万 + 1.46億) + 3,650万 = 6億2,050万.
    expect(results.averages.debt).toBeCloseTo(620_500_000 / 3, 6);
    // Interest: A 3.65億 × 1 % = 3,650,000; B 7,300万 × 2 % + 1.46億 × 1.5 % = 1,460,000 +
    // 2,190,000; C 3,650万 × 3 % = 1,095,000 — each exact over a 365-day year.
    expect(results.averages.interest).toBeCloseTo(8_395_000 / 3, 6);
    // Rates per firm: A 1 %, B (7,300万 × 2 % + 1.46億 × 1.5 %) ÷ 2.19億 = 1.6667 %, C 3 %.
    expect(results.averages.rate).toBeCloseTo((0.01 + 0.05 / 3 + 0.03) / 3, 12);
    expect(results.averages.interestToDebt).toBeCloseTo(8_395_000 / 620_500_000, 12);
    // 経常利益 3,000,000 + 50,000,000 − 2,000,000.
    expect(results.averages.ordinaryProfit).toBeCloseTo(17_000_000, 6);
    // 約定返済: A 1,520,833 × 12; B 7,300万 (matures) + floor(1.46億 / 120) × 12; C floor(3,650万 / 60) × 12.
    expect(results.averages.principal).toBeCloseTo(
      (18_249_996 + 73_000_000 + 14_599_992 + 7_299_996) / 3,
      6,
    );
    expect(results.loanMonths).toBe(4 * 12 * 3);
  });

  test('shares before the shock', () => {
    // Loss-making: C. DSCR < 1: B (its maturing 7,300万 is due) and C. A: DSCR
    // (3,000,000 + 3,650,000 + 20,000,000 − 900,000) ÷ (3,650,000 + 18,249,996) = 1.18;
    // 債務償還年数 (3.65億 − 8,000万) ÷ (3,000,000 + 20,000,000 − 900,000) = 12.9 ≤ 13.
    expect(results.base.lossMaking).toEqual({ count: 1, share: 1 / 3 });
    expect(results.base.dscrBelow).toEqual({ count: 2, share: 2 / 3 });
    expect(results.base.debtYearsOver).toEqual({ count: 0, share: 0 });
  });

  test('full reprice: every yen of debt pays 1 % more all year', () => {
    // A 3,650,000; B 730,000 + 1,460,000; C 365,000: 6,205,000 in all.
    expect(full.totalExtraInterest).toBe(6_205_000);
    expect(full.averageExtraInterest).toBeCloseTo(6_205_000 / 3, 6);
    expect(full.extraInterestByBucket.fixed).toBeCloseTo(730_000 / 3, 6);
    expect(full.extraInterestByBucket.floating).toBeCloseTo(4_015_000 / 3, 6);
    expect(full.extraInterestByBucket.jfc).toBeCloseTo(1_460_000 / 3, 6);
    // A ratio of averages: Σ extra ÷ Σ 経常利益 = 6,205,000 ÷ 51,000,000 = 12.17 %.
    expect(full.ordinaryProfitFall).toBeCloseTo(6_205_000 / 51_000_000, 12);
    // A: 3,000,000 − 3,650,000 = −650,000: 黒字 → 赤字. C was already 赤字.
    expect(full.turnedLossMaking).toEqual({ count: 1, share: 1 / 3 });
    expect(full.lossMaking).toEqual({ count: 2, share: 2 / 3 });
    // A: DSCR (−650,000 + 7,300,000 + 20,000,000) ÷ (7,300,000 + 18,249,996) = 1.04, still ≥ 1;
    // B and C stay below.
    expect(full.dscrBelow).toEqual({ count: 2, share: 2 / 3 });
    expect(full.newlyDscrBelow).toEqual({ count: 0, share: 0 });
    // A: 2.85億 ÷ (−650,000 + 20,000,000) = 14.7 years > 13, newly.
    expect(full.debtYearsOver).toEqual({ count: 1, share: 1 / 3 });
    expect(full.newlyDebtYearsOver).toEqual({ count: 1, share: 1 / 3 });
  });

  test('realistic: floating at its reset, fixed at maturity, JFC not at all', () => {
    // A: 3.65億 × 1 % × 182/365 = 1,820,000 (Oct … Mar). B: its fixed loan is replaced on Jul 31,
    // 7,300万 × 1 % × 243/365 = 486,000; JFC 0. C: refixed at once, 365,000.
    expect(realistic.totalExtraInterest).toBe(1_820_000 + 486_000 + 365_000);
    expect(realistic.extraInterestByBucket).toEqual({
      fixed: 486_000 / 3,
      floating: (1_820_000 + 365_000) / 3,
      jfc: 0,
    });
    expect(realistic.ordinaryProfitFall).toBeCloseTo(2_671_000 / 51_000_000, 12);
    // A keeps 1,180,000 of 経常利益: nobody turns loss-making.
    expect(realistic.turnedLossMaking).toEqual({ count: 0, share: 0 });
    expect(realistic.lossMaking).toEqual({ count: 1, share: 1 / 3 });
    expect(realistic.dscrBelow).toEqual({ count: 2, share: 2 / 3 });
    // A: 2.85億 ÷ (1,180,000 + 20,000,000 − 354,000) = 13.7 years.
    expect(realistic.newlyDebtYearsOver).toEqual({ count: 1, share: 1 / 3 });
  });

  test('the most affected list ranks by the fall in 経常利益 at the largest shock, realistic', () => {
    const top = results.mostAffected!;
    expect([top.cell, top.shock, top.mode]).toEqual([0, 0.01, 'realistic']);
    expect(top.firms.map((f) => [f.id, f.row, f.extraInterest])).toEqual([
      ['A', 2, [1_820_000, 3_650_000]],
      ['B', 3, [486_000, 2_190_000]],
    ]);
    const a = top.firms[0];
    expect(a.baseDscr).toBeCloseTo(25_750_000 / 21_899_996, 12);
    expect(a.dscr[1]).toBeCloseTo(26_650_000 / 25_549_996, 12);
    expect(a.baseDebtYears).toBeCloseTo(285_000_000 / 22_100_000, 12);
    expect(a.debtYears[0]).toBeCloseTo(285_000_000 / 20_826_000, 12);
  });

  test('a firm without debt counts in the averages with no extra interest', () => {
    const none: Firm = {
      ...HAND_FIRMS[0],
      id: 'D',
      debt: { fixed: NO_DEBT, floating: NO_DEBT, jfc: NO_DEBT },
    };
    const r = summarizePortfolio(
      stressFirms([...HAND_FIRMS, none], [2, 3, 4, 5], options),
      options,
    );
    expect(r.firms).toBe(4);
    expect(r.firmsWithDebt).toBe(3);
    expect(r.cells[1].totalExtraInterest).toBe(6_205_000);
    expect(r.cells[1].averageExtraInterest).toBeCloseTo(6_205_000 / 4, 6);
  });
});

describe('sums over chunks', () => {
  const firms = Array.from(syntheticFirms(600, seedrandom('chunks')));
  const rows = firms.map((_, i) => i + 2);
  const opts: PortfolioOptions = { ...DEFAULT_PORTFOLIO_OPTIONS, topN: 7 };

  const CHUNK = 50;
  const chunks = () => {
    const out: { firms: Firm[]; rows: number[] }[] = [];
    for (let i = 0; i < firms.length; i += CHUNK)
      out.push({ firms: firms.slice(i, i + CHUNK), rows: rows.slice(i, i + CHUNK) });
    return out;
  };

  /** What the CLI runner does: chunk results folded in file order, whoever computed them. */
  function fold(parts: ReturnType<typeof stressFirms>[]) {
    const sum = emptyPortfolioPartial(opts);
    for (const part of parts) mergePortfolioPartial(sum, part, opts);
    return summarizePortfolio(sum, opts);
  }

  test('chunks shared out to one or two workers fold to identical results', () => {
    const one = chunks().map((c) => stressFirms(c.firms, c.rows, opts));
    // Two workers: even chunks on one, odd on the other, finishing in any order.
    const byWorker = [0, 1].map((w) =>
      chunks()
        .map((c, i) => ({ i, c }))
        .filter(({ i }) => i % 2 === w)
        .map(({ i, c }) => ({ i, part: stressFirms(c.firms, c.rows, opts) })),
    );
    const two = [...byWorker[1], ...byWorker[0]].sort((x, y) => x.i - y.i).map((x) => x.part);
    expect(fold(two)).toEqual(fold(one));
  });

  test('any grouping gives the same counts, yen sums and list; float sums agree to rounding', () => {
    const whole = summarizePortfolio(stressFirms(firms, rows, opts), opts);
    const parts = chunks().map((c) => stressFirms(c.firms, c.rows, opts));
    for (const grouped of [fold(parts), fold([...parts].reverse())]) {
      expect(
        grouped.cells.map((c) => [c.totalExtraInterest, c.turnedLossMaking, c.dscrBelow]),
      ).toEqual(whole.cells.map((c) => [c.totalExtraInterest, c.turnedLossMaking, c.dscrBelow]));
      expect(grouped.averages.debt).toBe(whole.averages.debt);
      expect(grouped.averages.rate).toBeCloseTo(whole.averages.rate, 14);
      expect(grouped.mostAffected).toEqual(whole.mostAffected);
    }
    expect(whole.mostAffected!.firms).toHaveLength(7);
    // Best first, by the realistic +2.00 % cell.
    const keys = whole.mostAffected!.firms.map((f) => f.extraInterest[whole.mostAffected!.cell]);
    expect(keys).toEqual([...keys].sort((x, y) => y - x));
  });

  test('the fast breach counts read the measures exactly as the engine computes them', () => {
    for (const firm of firms) {
      let principal = 0;
      for (const b of ['fixed', 'floating', 'jfc'] as const)
        principal += scheduledPrincipal(firm.debt[b]);
      const year = { firm, debt: firmDebt(firm), principal };
      for (const extra of [0, 250_000, 5_000_000, 50_000_000]) {
        const interest = 1_000_000 + extra;
        const fast = breaches(year, extra, interest, opts);
        const m = planYearMeasures(year, extra, interest);
        expect(fast.dscrBelow).toBe(m.dscr !== null && m.dscr < 1);
        expect(fast.debtYearsOver).toBe(
          m.debtYears === null ? year.debt - firm.cash - firm.workingCapital > 0 : m.debtYears > 13,
        );
        expect(fast.lossMaking).toBe(firm.ordinaryProfit - extra <= 0);
      }
    }
  });
});
