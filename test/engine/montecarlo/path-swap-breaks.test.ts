import {
  Case,
  allocatePathDraw,
  allocatePathScratch,
  drawPath,
  pathShock,
  prepareMonteCarlo,
  projectCase,
  projectPath,
  runMonteCarlo,
  swapBreaks,
  toEpochDay,
} from '../../../engine';
import { simpleCase } from '../projection/fixtures';
import { bookOf, fragileCase, mcOptions, testPrograms } from './mc-fixtures';
import { tiborSwapStack } from '../swap/tibor-swap-fixture';

// The TIBOR loan of test/engine/swap/swap-break-projection.test.ts: 100,000,000 bullet, TIBOR
// 1.00 % + 0.80 %, a pay-fixed swap at 1.00 % to 2026-06-30, refinanced on the analysis date
// 2026-03-31 (into the test programs' 2.30 % loan, priced today: the same on every path).
function swapCase(): Case {
  const stack = tiborSwapStack({ fixedRate: '1.00%', endDate: '2026-06-30' });
  return simpleCase({
    asOf: stack.asOf,
    stack,
    strategies: [
      {
        id: 'refinance',
        name: '借換',
        actions: [
          {
            kind: 'refinance',
            select: { loanIds: ['T'] },
            programId: 'amortizing',
            termMonths: 120,
            graceMonths: 0,
          },
        ],
      },
    ],
  });
}

describe('Monte Carlo: the 解約清算金 of a swap a refinancing ends, valued on each path', () => {
  test('two hand-worked paths: rates up 1.00 % → a receipt of 166,568; down 0.50 % → a payment of 83,440', () => {
    const prepared = prepareMonteCarlo(swapCase(), testPrograms, mcOptions({ paths: 2 }));
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
    const { plan } = prepared;
    const p = plan.strategies[0].prepared;
    // The leg: periods from 3/31 (step 0: no change yet), 4/30 (step 1), 5/31 (step 2) to 6/30.
    expect(p.swapBreaks.map((b) => Array.from(b.step))).toEqual([[0, 1, 2]]);
    expect(Array.from(p.swapBreaks[0].leg.tau)).toEqual([30 / 365, 31 / 365, 30 / 365]);
    // Path up: TIBOR +1.00 % from step 1, f = 1 %, 2 %, 2 %. The first period's fixed and
    // floating legs cancel (f = 1 % = the swap rate); DF₁ = 1/(1 + 1 %·30/365) = 0.99917876,
    // DF₂ = DF₁/(1 + 2 %·31/365) = 0.99748440, DF₃ = DF₂/(1 + 2 %·30/365) = 0.99584739:
    // 1億 × (1 % − 2 %) × (31/365 × DF₂ + 30/365 × DF₃) = −84,717.85 − 81,850.47 = −166,568.
    // Path down: −0.50 % from step 1, f = 1 %, 0.5 %, 0.5 %; DF₂ = 0.99875463,
    // DF₃ = 0.99834435: 1億 × 0.5 % × (31/365 × DF₂ + 30/365 × DF₃) = 42,412.87 + 41,027.85 = 83,440.
    const deltas = (size: number) => {
      const d = new Float64Array(plan.grid.months + 1).fill(size);
      d[0] = 0;
      return d;
    };
    const up = deltas(0.01);
    const down = deltas(-0.005);
    const flows = [] as never[]; // the refinancing is priced today: no path-dependent loan
    expect(p.variable).toEqual([]);
    const run = (d: Float64Array, strategy = p) => {
      const s = allocatePathScratch(strategy);
      projectPath(strategy, flows, new Float64Array(p.horizon).fill(1), null, s, d);
      return s.years;
    };
    const withoutBreak = { ...p, swapBreaks: [] };
    const plain = run(up, withoutBreak);
    expect(Array.from(run(down, withoutBreak).ordinaryProfit)).toEqual(
      Array.from(plain.ordinaryProfit),
    );

    const rose = run(up);
    expect(Array.from(rose.swapBreakCost)).toEqual([-166_568, 0, 0]);
    // A receipt: 経常利益 17,805,133 (the year without the break) + 166,568 = 17,971,701; tax at
    // 30 %, floored: 5,391,510 against 5,341,539 (+49,971); cash +116,597 in year 1 and after.
    expect(plain.ordinaryProfit[0]).toBe(17_805_133);
    expect(plain.taxes[0]).toBe(5_341_539);
    expect(rose.ordinaryProfit[0]).toBe(17_971_701);
    expect(rose.taxes[0]).toBe(5_391_510);
    expect(rose.cash[0] - plain.cash[0]).toBe(166_568 - 49_971);
    expect(rose.ordinaryProfit[1]).toBe(plain.ordinaryProfit[1]);
    expect(rose.cash[2] - plain.cash[2]).toBe(166_568 - 49_971);

    const fell = run(down);
    expect(Array.from(fell.swapBreakCost)).toEqual([83_440, 0, 0]);
    // A payment: 経常利益 17,805,133 − 83,440 = 17,721,693; tax 5,316,507 (−25,032); cash −58,408.
    expect(fell.ordinaryProfit[0]).toBe(17_721_693);
    expect(fell.taxes[0]).toBe(5_316_507);
    expect(fell.cash[0] - plain.cash[0]).toBe(-83_440 + 25_032);
    // Paid in plan month 0 with the year's first payments: the lowest cash falls by it too.
    expect(fell.lowestCash[0] - plain.lowestCash[0]).toBeLessThan(0);
  });

  test('a run whose every path is one deterministic shock path books exactly the deterministic break cost', () => {
    const f = fragileCase();
    const c: Case = {
      ...f,
      stack: {
        ...f.stack,
        loans: f.stack.loans.map((l) =>
          l.id === 'F2'
            ? {
                ...l,
                swap: { fixedRate: 0.0105, endDate: toEpochDay(2031, 4, 1), notional: 'loan' },
              }
            : l.id === 'F1'
              ? {
                  ...l,
                  swap: {
                    fixedRate: 0.0275,
                    endDate: toEpochDay(2030, 4, 1),
                    notional: 30_000_000,
                  },
                }
              : l,
        ),
      },
    };
    // No noise, no mean reversion: every path is r₀ plus the drift, +0.50 % a year up to +1.50 %.
    const options = mcOptions({
      paths: 3,
      seed: 5,
      model: {
        initialRate: 0.0075,
        longRunMean: 0.0075,
        meanReversion: 0,
        volatility: 0,
        drift: { perYear: 0.005, cap: 0.015 },
      },
    });
    const prepared = prepareMonteCarlo(c, testPrograms, options);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
    const draw = allocatePathDraw(prepared.plan);
    drawPath(prepared.plan, 0, draw);
    const scenario = {
      indexes: c.stack.indexes,
      shock: pathShock(prepared.plan.grid, draw.rates),
      mode: 'realistic' as const,
      asOf: c.asOf,
    };
    const refinance = 1;
    const book = bookOf(c, refinance);
    const breaks = swapBreaks(book, scenario);
    // Rates rising above the swap rates: both swaps are receipts.
    expect(breaks.map((b) => b.loanId)).toEqual(['F1', 'F2']);
    expect(breaks.every((b) => b.cost < 0)).toBe(true);
    const breakCost = breaks[0].cost + breaks[1].cost;
    const expected = projectCase(c, book, scenario, testPrograms.capitalRate).years;
    expect(expected[0].swapBreakCost).toBe(breakCost);
    const unbroken = projectCase(
      c,
      { ...book, endedSwaps: [] },
      scenario,
      testPrograms.capitalRate,
    );
    expect(expected[0].ordinaryProfit - unbroken.years[0].ordinaryProfit).toBe(-breakCost);

    const outcome = runMonteCarlo(c, testPrograms, options);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const years = outcome.results.strategies[refinance].years;
    for (const [t, y] of expected.entries()) {
      for (const band of ['p5', 'p50', 'p95'] as const) {
        expect([t, band, years[t].ordinaryProfit[band]]).toEqual([t, band, y.ordinaryProfit]);
        expect([t, band, years[t].cash[band]]).toEqual([t, band, y.cash]);
        expect([t, band, years[t].lowestCash[band]]).toEqual([t, band, y.lowestCash]);
        expect([t, band, years[t].interest[band]]).toEqual([t, band, y.interest]);
        expect([t, band, years[t].debtService[band]]).toEqual([t, band, y.debtService]);
      }
    }
    // The unshocked reference of the run books the break on today's curve.
    const today = swapBreaks(book, { ...scenario, shock: null });
    expect(years[0].deterministic.ordinaryProfit).toBe(
      projectCase(c, book, { ...scenario, shock: null }, testPrograms.capitalRate).years[0]
        .ordinaryProfit,
    );
    expect(today.reduce((s, b) => s + b.cost, 0)).not.toBe(breakCost);
  });
});
