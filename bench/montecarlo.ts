import { availableParallelism } from 'node:os';
import {
  CATALOG_PROGRAMS,
  Case,
  DEFAULT_YEN_SHORT_RATE_MODEL,
  MonteCarloOptions,
  NO_REVENUE_SHOCK,
  applyStrategy,
  runMonteCarlo,
} from '../engine';
import { runMonteCarloParallel } from '../cli/commands/montecarlo-parallel';
import { syntheticCase } from './grid-case';

const PATHS = 10_000;

function seconds(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function bestOf(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) best = Math.min(best, seconds(fn));
  return best;
}

/** Loan-months a naive run would amortize per path: every senior loan of every strategy, whole term. */
function loanMonthsPerPath(c: Case): number {
  let months = 0;
  c.strategies.forEach((strategy, i) => {
    const { book } = applyStrategy(
      c.stack.loans,
      strategy,
      c.asOf,
      (id) => CATALOG_PROGRAMS.pricing(id, c.profile.jfcUnit),
      `strategies[${i}]`,
    );
    for (const loan of book.senior) months += loan.terms.termMonths;
  });
  return months;
}

function figuresFor(c: Case, threads: number) {
  const options: MonteCarloOptions = {
    paths: PATHS,
    seed: 1,
    model: DEFAULT_YEN_SHORT_RATE_MODEL,
    revenue: NO_REVENUE_SHOCK,
  };
  const run = () => {
    const outcome =
      threads === 1
        ? runMonteCarlo(c, CATALOG_PROGRAMS, options)
        : runMonteCarloParallel(c, options, { threads });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  };
  const wall = bestOf(2, run);
  const loanMonths = PATHS * loanMonthsPerPath(c);
  return {
    threads,
    strategies: c.strategies.length,
    seconds: wall,
    pathsPerSecond: PATHS / wall,
    loanMonths,
    loanMonthsPerSecond: loanMonths / wall,
  };
}

/**
 * Monte Carlo 10,000 paths for the 30-loan, 20-year bench case (goal: under 2 s), on one
 * thread (the engine alone) and on every core (the command line's worker threads): the status
 * quo alone and all four strategies. Loan-months count every senior loan's whole term on every
 * path and strategy — what projecting each path in full would amortize. Prints its own lines
 * unless `--json` is given (the figures are in the JSON either way).
 */
export function monteCarloFigures() {
  const full = syntheticCase();
  const statusQuo: Case = { ...full, strategies: [full.strategies[0]] };
  const cores = availableParallelism();
  // Warm up the engine's code paths once.
  runMonteCarlo(full, CATALOG_PROGRAMS, {
    paths: 1_000,
    seed: 2,
    model: DEFAULT_YEN_SHORT_RATE_MODEL,
    revenue: NO_REVENUE_SHOCK,
  });
  const figures = {
    paths: PATHS,
    loans: full.stack.loans.length,
    years: full.plan.length,
    cores,
    statusQuo: { oneThread: figuresFor(statusQuo, 1), allCores: figuresFor(statusQuo, cores) },
    allStrategies: { oneThread: figuresFor(full, 1), allCores: figuresFor(full, cores) },
  };
  if (!process.argv.includes('--json')) {
    const line = (label: string, f: ReturnType<typeof figuresFor>) =>
      `  ${label}: ${f.seconds.toFixed(2)} s, ${Math.round(f.pathsPerSecond).toLocaleString('en')} paths/s, ${(f.loanMonthsPerSecond / 1e6).toFixed(0)} M loan-months/s`;
    process.stdout.write(
      [
        `Monte Carlo ${PATHS.toLocaleString('en')} paths for a ${figures.loans}-loan stack over ${figures.years} years (goal: under 2 s):`,
        line('status quo, 1 thread          ', figures.statusQuo.oneThread),
        line(`status quo, ${cores} threads         `, figures.statusQuo.allCores),
        line('4 strategies, 1 thread        ', figures.allStrategies.oneThread),
        line(`4 strategies, ${cores} threads       `, figures.allStrategies.allCores),
      ].join('\n') + '\n',
    );
  }
  return figures;
}
