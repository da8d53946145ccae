import {
  CATALOG_PROGRAMS,
  Case,
  MonteCarloResults,
  MonteCarloStrategy,
  NO_REVENUE_SHOCK,
  PATH_METRICS,
  ProgramSource,
  allocatePathDraw,
  bandsOf,
  checkMonteCarloOptions,
  createMarketSamples,
  createPathSamples,
  drawPath,
  monteCarloResults,
  pathShock,
  planChecks,
  prepareMonteCarlo,
  projectCase,
  runMonteCarlo,
  shockedRevenue,
  simulate,
  simulatePaths,
  strategyGroups,
  summarizeMarket,
  summarizeStrategy,
  yearMeasures,
} from '../../../engine';
import { simpleCase } from '../projection/fixtures';
import {
  WORKSHOP_CASES,
  bookOf,
  fragileCase,
  mcOptions,
  testPrograms,
  referencePath,
  workshopCase,
} from './mc-fixtures';

const run = (c: Case, programs: ProgramSource, options = mcOptions()): MonteCarloResults => {
  const outcome = runMonteCarlo(c, programs, options);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.results;
};

const shaky = mcOptions({
  paths: 300,
  seed: 2026,
  model: {
    initialRate: 0.0075,
    longRunMean: 0.02,
    meanReversion: 0.15,
    volatility: 0.01,
    drift: null,
  },
  revenue: { volatility: 0.12, correlation: -0.4, contributionMargin: 0.4 },
});

describe('determinism', () => {
  test('the same seed gives deep-equal results; another seed other numbers', () => {
    const c = fragileCase();
    const a = run(c, testPrograms, shaky);
    expect(run(c, testPrograms, shaky)).toEqual(a);
    expect(a.seed).toBe(2026);
    const b = run(c, testPrograms, { ...shaky, seed: 2027 });
    expect(b.seed).toBe(2027);
    expect(b.strategies[0].years[3].debtService).not.toEqual(a.strategies[0].years[3].debtService);
    expect(b.market[2].shortRate).not.toEqual(a.market[2].shortRate);
  });

  test('the results are plain data: JSON round-trips them unchanged', () => {
    const a = run(fragileCase(), testPrograms, { ...shaky, paths: 50 });
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  test('pinned: the lodging case, 2,000 paths, seed 7, default model', () => {
    const r = run(
      workshopCase(WORKSHOP_CASES[0]),
      CATALOG_PROGRAMS,
      mcOptions({ paths: 2000, seed: 7 }),
    );
    const statusQuo = r.strategies[0];
    const failures = Object.fromEntries(statusQuo.checks.map((ch) => [ch.id, ch.failures]));
    // (Payment dates on 翌営業日 since business days came in: 168 → 176 and 14 → 13 paths.)
    expect(failures).toEqual({
      dscr: 176,
      'debt-years-at-end': 13,
      'profit-within': 0,
      'solvency-within': 0,
      'cash-floor': 737,
      'rebirth-phase': 0,
    });
    // The 20-year fixed refinancing takes the rate risk away: the same figures on every path.
    const refinanced = r.strategies[1];
    expect(refinanced.anyFailure.failures).toBe(0);
    expect(refinanced.years[4].debtService.p5).toBe(refinanced.years[4].debtService.p95);
  });
});

describe('independent of how the paths are split', () => {
  test('chunks in any order, strategies one at a time or together: the same results', () => {
    const c = fragileCase();
    const options = { ...shaky, paths: 333 };
    const whole = run(c, testPrograms, options);
    const prepared = prepareMonteCarlo(c, testPrograms, options);
    if (!prepared.ok) throw new Error();
    const { plan } = prepared;
    // Each strategy alone (as a tiny memory budget forces), chunks out of order.
    const groups = strategyGroups(plan, 1);
    expect(groups).toEqual([[0], [1], [2], [3], [4]]);
    const market = createMarketSamples(plan);
    const chunks: [number, number][] = [
      [300, 333],
      [7, 300],
      [0, 1],
      [1, 7],
    ];
    const strategies: MonteCarloStrategy[] = [];
    groups.forEach((group, g) => {
      const samples = group.map((s) => createPathSamples(plan, s));
      for (const [from, to] of chunks)
        simulatePaths(plan, group, samples, g === 3 ? market : null, from, to);
      group.forEach((s, j) => strategies.push(summarizeStrategy(plan, s, samples[j])));
    });
    expect(monteCarloResults(plan, summarizeMarket(plan, market), strategies)).toEqual(whole);
    expect(strategyGroups(plan)).toEqual([[0, 1, 2, 3, 4]]);
  });
});

describe('σ = 0: the deterministic grid, exactly', () => {
  const flat = {
    initialRate: 0.0075,
    longRunMean: 0.0075,
    meanReversion: 0.1,
    volatility: 0,
    drift: null,
  };

  /** Every band equals the grid cell: unshocked (±0), or under the case's one shock. */
  const expectGridCells = (
    c: Case,
    programs: ProgramSource,
    results: MonteCarloResults,
    shocked: boolean,
  ) => {
    const grid = simulate(c, programs);
    if (!grid.ok) throw new Error(JSON.stringify(grid.errors));
    results.strategies.forEach((s) => {
      const cell = grid.results.cells.find(
        (x) => x.strategyId === s.id && (x.shock !== null) === shocked && x.mode === 'realistic',
      )!;
      const value = (name: (typeof PATH_METRICS)[number], t: number): number | null => {
        if (name === 'dscr') return cell.measures[t].dscr.value;
        return cell.years[t][name];
      };
      s.years.forEach((y, t) => {
        for (const name of PATH_METRICS) {
          const v = value(name, t);
          expect([s.id, y.fiscalYear, name, y[name]]).toEqual([
            s.id,
            y.fiscalYear,
            name,
            { p5: v, p25: v, p50: v, p75: v, p95: v, mean: v },
          ]);
        }
      });
      expect(s.checks.map((ch) => [ch.id, ch.probability])).toEqual(
        cell.checks.map((ch) => [ch.id, ch.pass ? 0 : 1]),
      );
    });
  };

  test.each(WORKSHOP_CASES)(
    '%s: every band of every strategy is the unshocked grid cell',
    (file) => {
      const c = workshopCase(file);
      const r = run(c, CATALOG_PROGRAMS, mcOptions({ paths: 64, model: flat }));
      expectGridCells(c, CATALOG_PROGRAMS, r, false);
      // The deterministic reference carried in the results is that cell too.
      r.strategies.forEach((s) =>
        s.years.forEach((y) => expect(y.deterministic.debtService).toBe(y.debtService.p50)),
      );
    },
  );

  test('the fragile case too (all loan kinds, five strategies)', () => {
    const c = fragileCase();
    expectGridCells(
      c,
      testPrograms,
      run(c, testPrograms, mcOptions({ paths: 16, model: flat })),
      false,
    );
  });

  test('σ = 0 with mean reversion (r₀ 0.5 % → θ 2 %): the grid cell of that deterministic path', () => {
    const c = fragileCase();
    const options = mcOptions({
      paths: 8,
      model: {
        initialRate: 0.005,
        longRunMean: 0.02,
        meanReversion: 0.3,
        volatility: 0,
        drift: { perYear: 0.001, cap: 0.003 },
      },
    });
    const prepared = prepareMonteCarlo(c, testPrograms, options);
    if (!prepared.ok) throw new Error();
    const draw = allocatePathDraw(prepared.plan);
    drawPath(prepared.plan, 0, draw);
    const shock = pathShock(prepared.plan.grid, draw.rates);
    // The path rises: +1.5 % in 6 years, plus the capped drift.
    expect(shock.kind === 'path' && shock.steps[71].size).toBeCloseTo(
      0.015 * (1 - Math.exp(-1.8)) + 0.003,
      12,
    );
    const r = run(c, testPrograms, options);
    expectGridCells({ ...c, shocks: [shock], modes: ['realistic'] }, testPrograms, r, true);
  });
});

describe('counting and bands', () => {
  test('by hand: 4 paths, breaches in years 1 and 3 of 3 → 50 %, cumulative 25 % / 25 % / 50 %', () => {
    const c = simpleCase();
    const prepared = prepareMonteCarlo(c, testPrograms, mcOptions({ paths: 4 }));
    if (!prepared.ok) throw new Error();
    const { plan } = prepared;
    const samples = createPathSamples(plan, 0);
    samples.firstBreach.fill(-1);
    samples.firstBreach.set([-1, 0, 2, -1], 0); // check 0 (DSCR), paths 0–3
    samples.firstBreach.set([1, -1, -1, -1], 4 * 4); // check 4 (cash floor), path 0 breaches in year 2
    samples.metrics.debtService.set([400, 100, 300, 200], 0); // year 1, paths 0–3
    const s = summarizeStrategy(plan, 0, samples);
    const dscr = s.checks[0];
    expect([dscr.id, dscr.failures, dscr.probability]).toEqual(['dscr', 2, 0.5]);
    expect(dscr.standardError).toBeCloseTo(Math.sqrt((0.5 * 0.5) / 4), 15); // 0.25
    expect(dscr.breachByYear.map((b) => [b.fiscalYear, b.probability])).toEqual([
      [2028, 0.25],
      [2029, 0.25],
      [2030, 0.5],
    ]);
    expect(s.checks[4].id).toBe('cash-floor');
    expect(s.checks[4].breachByYear.map((b) => b.probability)).toEqual([0, 0.25, 0.25]);
    // Paths 0, 1 and 2 fail something: 75 %.
    expect(s.anyFailure).toEqual({
      failures: 3,
      probability: 0.75,
      standardError: Math.sqrt((0.75 * 0.25) / 4),
    });
    // Debt service in year 1: 100, 200, 300, 400 → P5 h = 0.15: 115; P50 250; P95 h = 2.85: 385.
    expect(s.years[0].debtService.p5).toBeCloseTo(115, 9);
    expect(s.years[0].debtService.p50).toBe(250);
    expect(s.years[0].debtService.p95).toBeCloseTo(385, 9);
    expect(s.years[0].debtService.mean).toBe(250);
  });

  test('recounted path by path through projectCase and planChecks (120 paths, revenue shocks)', () => {
    const c = fragileCase();
    const options = { ...shaky, paths: 120 };
    const r = run(c, testPrograms, options);
    const prepared = prepareMonteCarlo(c, testPrograms, options);
    if (!prepared.ok) throw new Error();
    const { plan } = prepared;
    const draw = allocatePathDraw(plan);
    const failures = r.strategies.map((s) => s.checks.map(() => 0));
    const debtService = r.strategies.map(() =>
      plan.fiscalYears.map(() => new Float64Array(options.paths)),
    );
    for (let i = 0; i < options.paths; i++) {
      drawPath(plan, i, draw);
      const { shocked, scenario } = referencePath(c, plan, draw, options);
      c.strategies.forEach((_, k) => {
        const { years } = projectCase(shocked, bookOf(c, k), scenario, testPrograms.capitalRate);
        planChecks(years, yearMeasures(shocked, years), c.thresholds).forEach((ch, j) => {
          if (!ch.pass) failures[k][j]++;
        });
        years.forEach((y, t) => (debtService[k][t][i] = y.debtService));
      });
    }
    r.strategies.forEach((s, k) => {
      expect(s.checks.map((ch) => ch.failures)).toEqual(failures[k]);
      s.years.forEach((y, t) => expect(y.debtService).toEqual(bandsOf(debtService[k][t])));
    });
    // Something to count: the status quo fails DSCR on some paths, not all.
    const dscr = r.strategies[0].checks[0];
    expect(dscr.failures).toBeGreaterThan(0);
    expect(dscr.failures).toBeLessThan(options.paths);
  });
});

describe('revenue shocks', () => {
  test('mean-1 lognormal factors with σ, correlated ρ with the same year’s rate moves (20,000 paths)', () => {
    const c: Case = {
      ...simpleCase(),
      plan: Array.from({ length: 4 }, () => simpleCase().plan[0]),
    };
    const options = mcOptions({
      paths: 20_000,
      model: {
        initialRate: 0.01,
        longRunMean: 0.01,
        meanReversion: 0,
        volatility: 0.006,
        drift: null,
      },
      revenue: { volatility: 0.1, correlation: -0.6, contributionMargin: null },
    });
    const prepared = prepareMonteCarlo(c, testPrograms, options);
    if (!prepared.ok) throw new Error();
    const { plan } = prepared;
    const draw = allocatePathDraw(plan);
    const t = 2;
    let n = 0;
    let sf = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    for (let i = 0; i < options.paths; i++) {
      drawPath(plan, i, draw);
      // With a = 0 the change over fiscal year t is the noise of exactly that year's steps.
      const x = Math.log(draw.factors[t]);
      const y = draw.rates[plan.yearEndStep[t]] - draw.rates[plan.yearEndStep[t - 1]];
      n++;
      sf += draw.factors[t];
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
    const cov = sxy / n - (sx / n) * (sy / n);
    const sdx = Math.sqrt(sxx / n - (sx / n) ** 2);
    const sdy = Math.sqrt(syy / n - (sy / n) ** 2);
    // Standard errors at n = 20,000: correlation (1 − ρ²)/√n ≈ 0.0045, sd of log F 0.1/√(2n) ≈ 0.0005,
    // mean of F ≈ 0.1/√n ≈ 0.0007.
    expect(Math.abs(cov / (sdx * sdy) - -0.6)).toBeLessThan(4 * 0.0045);
    expect(Math.abs(sdx - 0.1)).toBeLessThan(4 * 0.0005);
    expect(Math.abs(sf / n - 1)).toBeLessThan(4 * 0.0007);
  });

  test('operating profit moves with revenue at the plan margin, or at a contribution margin', () => {
    const plan = {
      revenue: 200_000_000,
      operatingProfit: 20_000_000,
      depreciation: 0,
      capex: 0,
      workingCapitalChange: 0,
    };
    expect(shockedRevenue(plan, 0.9, null)).toEqual({
      revenue: 180_000_000,
      operatingProfit: 18_000_000,
    });
    expect(shockedRevenue(plan, 0.9, 0.4)).toEqual({
      revenue: 180_000_000,
      operatingProfit: 12_000_000,
    });
    expect(shockedRevenue(plan, 1, 0.4)).toEqual({
      revenue: 200_000_000,
      operatingProfit: 20_000_000,
    });
  });

  test('without revenue volatility the market factor is 1 on every path', () => {
    const r = run(fragileCase(), testPrograms, { ...shaky, paths: 40, revenue: NO_REVENUE_SHOCK });
    r.market.forEach((y) =>
      expect(y.revenueFactor).toEqual({ p5: 1, p25: 1, p50: 1, p75: 1, p95: 1, mean: 1 }),
    );
  });
});

describe('options', () => {
  test('paths 1…1,000,000 and a whole seed; model and revenue bounds', () => {
    const fields = (over: Parameters<typeof mcOptions>[0]) =>
      checkMonteCarloOptions(mcOptions(over)).map((e) => e.field);
    expect(fields({})).toEqual([]);
    expect(fields({ paths: 0 })).toEqual(['paths']);
    expect(fields({ paths: 1_000_001 })).toEqual(['paths']);
    expect(fields({ paths: 2.5 })).toEqual(['paths']);
    expect(fields({ seed: -1 })).toEqual(['seed']);
    expect(fields({ seed: 0.5 })).toEqual(['seed']);
    expect(
      fields({ revenue: { volatility: 0.1, correlation: 1.5, contributionMargin: 2 } }),
    ).toEqual(['revenue.correlation', 'revenue.contributionMargin']);
    const outcome = runMonteCarlo(simpleCase(), testPrograms, mcOptions({ paths: 0 }));
    expect(outcome.ok).toBe(false);
  });

  test('a strategy the grid refuses is refused here too, naming it', () => {
    const c = simpleCase({
      strategies: [
        {
          id: 'x',
          name: 'x',
          actions: [
            {
              kind: 'reschedule',
              select: { loanIds: ['nope'] },
              holidayMonths: 6,
              extendTerm: true,
            },
          ],
        },
      ],
    });
    const outcome = runMonteCarlo(c, testPrograms, mcOptions());
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.field)).toEqual([
      'strategies[0].actions[0].select.loanIds[0]',
    ]);
  });
});
