import { simulate, toEpochDay } from '../../../engine';
import { simpleCase, testPrograms } from './fixtures';

/**
 * 帝国データバンク (Jan 2025, domain.md §2): the average firm — 2.7億円 of debt at 1.04 %, 経常利益
 * about 3,200万円 — pays +68万 / +135万 / +271万 / +542万 yen a year more under +0.25 / +0.50 / +1.00
 * / +2.00 % when all debt reprices at once, and its 経常利益 falls 2.1 / 4.2 / 8.5 / 16.9 %.
 */
describe('the 帝国データバンク table in full-reprice mode', () => {
  const asOf = toEpochDay(2025, 3, 31);
  const base = simpleCase();
  // Operating profit such that 経常利益 = 32,000,000 at 1.04 %: 270,000,000 × 1.04 % = 2,808,000 of interest.
  const c = simpleCase({
    asOf,
    plan: [
      {
        revenue: 500_000_000,
        operatingProfit: 34_808_000,
        depreciation: 0,
        capex: 0,
        workingCapitalChange: 0,
      },
    ],
    stack: {
      ...base.stack,
      asOf,
      loans: [
        {
          id: 'all',
          name: '有利子負債 (平均)',
          lender: '',
          rate: { type: 'fixed', annualRate: 0.0104 },
          terms: {
            principal: 270_000_000,
            termMonths: 24,
            graceMonths: 0,
            method: 'bullet',
            dayCount: 'ACT/365F',
            startDate: asOf,
            rounding: 'floor',
            guaranteeFeeRate: 0,
          },
        },
      ],
    },
    shocks: [0.0025, 0.005, 0.01, 0.02].map((size) => ({ kind: 'parallel' as const, size })),
    modes: ['full-reprice'],
  });

  const outcome = simulate(c, testPrograms);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const [unshocked, ...shocked] = outcome.results.cells;

  test('the base year: 経常利益 of 32,000,000 yen (± flooring)', () => {
    // Mar 31 2025 → Mar 31 2026 is 365 days: 270,000,000 × 1.04 % = 2,808,000 of interest, less under a yen a month.
    expect(unshocked.years[0].fiscalYear).toBe(2026);
    expect(Math.abs(unshocked.years[0].ordinaryProfit - 32_000_000)).toBeLessThanOrEqual(12);
  });

  test.each([
    [0, 0.0025, 680_000, 2.1],
    [1, 0.005, 1_350_000, 4.2],
    [2, 0.01, 2_710_000, 8.5],
    [3, 0.02, 5_420_000, 16.9],
  ])(
    "shock %#: +%d → the study's +%d yen a year and 経常利益 −%d %%",
    (i, size, studyYen, fallPercent) => {
      const cell = shocked[i];
      const extra = cell.years[0].interest - unshocked.years[0].interest;
      // Exactly 270,000,000 × shock for a 365-day year (± a yen of flooring a month) …
      expect(Math.abs(extra - 270_000_000 * size)).toBeLessThanOrEqual(12);
      // … which is the study's figure (trimmed means over 96,000 firms, to the 万円) within 1 %.
      expect(Math.abs(extra - studyYen) / studyYen).toBeLessThan(0.01);
      const fall =
        ((unshocked.years[0].ordinaryProfit - cell.years[0].ordinaryProfit) /
          unshocked.years[0].ordinaryProfit) *
        100;
      expect(Math.abs(fall - fallPercent)).toBeLessThanOrEqual(0.1);
      // The grid's summary column says the same.
      expect(Math.abs(cell.summary.ordinaryProfitChange! * 100 + fallPercent)).toBeLessThanOrEqual(
        0.1,
      );
    },
  );
});
