import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PORTFOLIO_OPTIONS } from '../engine';
import { portfolioGenerateCommand } from '../cli/commands/portfolio';
import { runPortfolioFile } from '../cli/commands/portfolio-run';

/**
 * Portfolio bench: 96,000 synthetic firms (seed 1) through `rateshock portfolio` as a user
 * runs it — the CSV streamed, parsed and stressed on worker threads — under 5 rate paths
 * (the unshocked base and the standard set, each shock in both modes: 9 kernel paths).
 * Goal: under 10 s and 1 GB.
 *
 * Each step runs in a child process of its own, so that its peak RSS
 * (process.resourceUsage().maxRSS, worker threads included) is the step's alone.
 */
const FIRMS = 96_000;

interface StepFigures {
  seconds: number;
  peakRssMb: number;
  loanMonths?: number;
}

function step(args: string[]): StepFigures {
  const out = execFileSync(process.execPath, [__filename, ...args], { encoding: 'utf8' });
  return JSON.parse(out) as StepFigures;
}

export function portfolioFigures() {
  const dir = mkdtempSync(join(tmpdir(), 'rateshock-bench-portfolio-'));
  try {
    const csv = join(dir, 'firms.csv');
    const generate = step(['generate', csv]);
    const cores = availableParallelism();
    const stress = (workers: number) => {
      step(['stress', csv, String(workers)]); // a warm file cache for both
      const f = step(['stress', csv, String(workers)]);
      return { ...f, loanMonthsPerSecond: f.loanMonths! / f.seconds };
    };
    const figures = {
      firms: FIRMS,
      paths: 1 + DEFAULT_PORTFOLIO_OPTIONS.shocks.length,
      modes: DEFAULT_PORTFOLIO_OPTIONS.modes.length,
      cores,
      generate,
      oneWorker: stress(1),
      allCores: stress(cores),
    };
    if (!process.argv.includes('--json')) {
      const line = (label: string, f: typeof figures.oneWorker) =>
        `  ${label}: ${f.seconds.toFixed(2)} s, ${(f.loanMonthsPerSecond / 1e6).toFixed(1)} M loan-months/s, peak RSS ${f.peakRssMb.toFixed(0)} MB`;
      process.stdout.write(
        [
          `portfolio ${FIRMS.toLocaleString('en')} firms × ${figures.paths} paths (base + standard set), both modes (goal: under 10 s, 1 GB):`,
          `  generate CSV: ${generate.seconds.toFixed(2)} s, peak RSS ${generate.peakRssMb.toFixed(0)} MB`,
          line('stress, 1 worker ', figures.oneWorker),
          line(`stress, ${cores} workers`, figures.allCores),
        ].join('\n') + '\n',
      );
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A child step: prints its figures as JSON. */
async function childStep(args: string[]): Promise<StepFigures> {
  const t0 = process.hrtime.bigint();
  let loanMonths: number | undefined;
  if (args[0] === 'generate') {
    await portfolioGenerateCommand({ firms: FIRMS, seed: '1', out: args[1] });
  } else {
    const run = await runPortfolioFile(args[1], {
      stress: DEFAULT_PORTFOLIO_OPTIONS,
      unit: 'yen',
      skipBadRows: false,
      workers: Number(args[2]),
    });
    if (run.workers === 0) throw new Error('the compiled portfolio worker is missing');
    loanMonths = run.results.loanMonths;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, loanMonths };
}

if (require.main === module) {
  childStep(process.argv.slice(2)).then(
    (f) => process.stdout.write(JSON.stringify(f) + '\n'),
    (e: Error) => {
      process.stderr.write(`${e.stack ?? e.message}\n`);
      process.exitCode = 3;
    },
  );
}
