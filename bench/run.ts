import {
  CATALOG_PROGRAMS,
  KernelTerms,
  simulate,
  RateScenario,
  allocatePeriodBuffers,
  amortize,
  fillLoanRates,
  monthlyPaymentSchedule,
  runBatch,
  standardShocks,
  stressStack,
  yearBasis,
} from '../engine';
import { BENCH_AS_OF, BENCH_INDEXES, syntheticBatch, syntheticStack } from './synthetic';
import { syntheticCase } from './grid-case';
import { monteCarloFigures } from './montecarlo';
import { portfolioFigures } from './portfolio';
import { workbookFigures } from './workbook';
import { addinFigures } from './addin';
import { planFigures } from './plan';
import { addinSyncFigures } from './addin-sync';
import { addinBrowserSyncFigures } from './addin-sync-browser';

/**
 * `npm run bench [-- --json]`: throughput figures, not timed tests.
 * Batch: 10,000 loans × 240 months × 5 shock paths (base + the standard set), yen rounding on.
 */
const LOANS = 10_000;
const MONTHS = 240;

function bestOf(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
}

const scenarios: RateScenario[] = [null, ...standardShocks()].map((shock) => ({
  indexes: BENCH_INDEXES,
  shock,
  mode: 'realistic',
  asOf: BENCH_AS_OF,
}));

function batchFigures(method: 'equal-principal' | 'annuity') {
  const batch = syntheticBatch(LOANS, MONTHS, method, 42);
  const loanMonths = LOANS * MONTHS * scenarios.length;
  const options = { fiscalYearEndMonth: 3, firstFiscalYear: 2027, years: 22 };
  bestOf(2, () => runBatch(batch, scenarios, options));
  const batchSeconds = bestOf(5, () => runBatch(batch, scenarios, options));

  // The amortization kernel alone, on rates and days resolved beforehand (what a numpy kernel
  // measures). 64 distinct rate/day vectors are cycled so the inputs stay in cache.
  const samples = Array.from({ length: 64 }, (_, i) => {
    const { dates, days } = monthlyPaymentSchedule(batch.startDate[i], MONTHS, 'ACT/365F');
    const rates = new Float64Array(MONTHS);
    fillLoanRates(batch.rules[i], dates, MONTHS, scenarios[i % scenarios.length], rates);
    return { rates, days };
  });
  const flows = allocatePeriodBuffers(MONTHS);
  const terms: KernelTerms = {
    balance: 0.5,
    periods: MONTHS,
    graceMonths: 0,
    method: 0,
    roundYen: true,
    basis: yearBasis('ACT/365F'),
    feeUnits: 0.5,
    firstYearLength: 4,
  };
  const kernel = () => {
    for (let p = 0; p < scenarios.length; p++) {
      for (let i = 0; i < LOANS; i++) {
        const sample = samples[(i + p) & 63];
        terms.balance = batch.principal[i];
        terms.graceMonths = batch.graceMonths[i];
        terms.method = batch.method[i];
        terms.feeUnits = batch.feeUnits[i];
        amortize(terms, sample.rates, sample.days, flows);
      }
    }
  };
  bestOf(2, kernel);
  const kernelSeconds = bestOf(5, kernel);
  return {
    loanMonths,
    batchSeconds,
    batchLoanMonthsPerSecond: loanMonths / batchSeconds,
    kernelSeconds,
    kernelLoanMonthsPerSecond: loanMonths / kernelSeconds,
  };
}

function stackFigures() {
  const stack = syntheticStack(30, 7);
  const shocks = standardShocks();
  bestOf(20, () => stressStack(stack, shocks, ['realistic']));
  const seconds = bestOf(50, () => stressStack(stack, shocks, ['realistic']));
  const both = bestOf(50, () => stressStack(stack, shocks, ['realistic', 'full-reprice']));
  return { loans: 30, shocks: shocks.length, realisticMs: seconds * 1e3, bothModesMs: both * 1e3 };
}

/** The whole grid of a 30-loan stack × 5 shocks (±0 + standard set) × 4 strategies over 20 years. */
function gridFigures() {
  const c = syntheticCase();
  const run = () => {
    const outcome = simulate(c, CATALOG_PROGRAMS);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    return outcome.results.cells.length;
  };
  const cells = run();
  bestOf(5, run);
  const seconds = bestOf(20, run);
  return { loans: 30, shocks: 5, strategies: 4, years: 20, cells, warmMs: seconds * 1e3 };
}

async function main(): Promise<void> {
  const figures = {
    node: process.version,
    batch: {
      loans: LOANS,
      months: MONTHS,
      paths: scenarios.length,
      rounding: 'floor',
      equalPrincipal: batchFigures('equal-principal'),
      annuity: batchFigures('annuity'),
    },
    stack: stackFigures(),
    grid: gridFigures(),
    plan: planFigures(),
    monteCarlo: monteCarloFigures(),
    portfolio: portfolioFigures(),
    workbook: workbookFigures(),
    addin: await addinFigures(),
    addinSyncs: await addinSyncFigures(),
    addinSyncsBrowser: await addinBrowserSyncFigures(),
  };
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(figures) + '\n');
    return;
  }
  const m = (x: number) => `${(x / 1e6).toFixed(1)} M loan-months/s`;
  const b = figures.batch;
  const lines = [
    `RateShock bench (${figures.node}, one core)`,
    `batch ${b.loans} loans × ${b.months} months × ${b.paths} paths, yen rounding on:`,
    `  equal principal: batch ${m(b.equalPrincipal.batchLoanMonthsPerSecond)} (${(b.equalPrincipal.batchSeconds * 1e3).toFixed(0)} ms), kernel ${m(b.equalPrincipal.kernelLoanMonthsPerSecond)}`,
    `  annuity:         batch ${m(b.annuity.batchLoanMonthsPerSecond)} (${(b.annuity.batchSeconds * 1e3).toFixed(0)} ms), kernel ${m(b.annuity.kernelLoanMonthsPerSecond)}`,
    `stack 30 loans × 5 shocks (base + standard set): ${figures.stack.realisticMs.toFixed(2)} ms realistic, ${figures.stack.bothModesMs.toFixed(2)} ms both modes`,
    `grid 30 loans × 5 shocks × 4 strategies × 20 years (${figures.grid.cells} cells): ${figures.grid.warmMs.toFixed(1)} ms warm`,
    `council plan (pro-rata pool), 5 shocks × 4 strategies, warm: lodging ${figures.plan.lodging.warmMs.toFixed(1)} ms, council case ${figures.plan.council.warmMs.toFixed(1)} ms`,
    `workbook of that grid: ${figures.workbook.scheduleRows.toLocaleString('en')} schedule rows, render ${figures.workbook.renderMs.toFixed(0)} ms + write .xlsx ${figures.workbook.writeMs.toFixed(0)} ms, ${(figures.workbook.bytes / 1e6).toFixed(1)} MB`,
    addinLine(figures.addin),
    addinSyncLine(figures.addinSyncs),
    addinBrowserSyncLine(figures.addinSyncsBrowser),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

function addinLine(a: Awaited<ReturnType<typeof addinFigures>>): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const sizes =
    'bundle' in a && a.bundle
      ? `JS ${kb(a.bundle.totalGzipBytes)} gzip (${a.bundle.files.map((f) => `${f.file} ${kb(f.gzipBytes)}`).join(', ')})`
      : '';
  if ('skipped' in a) return `add-in: ${sizes} ${a.skipped}`;
  return `add-in: ${sizes}; task pane ready in ${a.loadMs.toFixed(0)} ms (median of 5, headless Chromium, cold cache); lodging case run in the pane ${a.lodgingRunMs.toFixed(0)} ms`;
}

function addinSyncLine(s: Awaited<ReturnType<typeof addinSyncFigures>>): string {
  const one = (x: { syncs: number; largestRequestBytes: number; longestSyncMs: number }) =>
    `${x.syncs} syncs, largest request ${(x.largestRequestBytes / 1e6).toFixed(1)} MB, longest sync ${x.longestSyncMs.toFixed(0)} ms`;
  return `add-in writing ${s.rows.toLocaleString('en')} schedule rows (pane side: batch built and serialised): desktop ${one(s.desktop)}; web ${one(s.web)}`;
}

function addinBrowserSyncLine(s: Awaited<ReturnType<typeof addinBrowserSyncFigures>>): string {
  if ('skipped' in s) return `add-in writing in headless Chromium: ${s.skipped}`;
  return addinSyncLine(s).replace('(pane side:', 'in headless Chromium (page main thread:');
}

void main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
