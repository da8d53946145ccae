import { Command, InvalidArgumentError, Option } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import {
  Bands,
  Case,
  CheckProbability,
  DEFAULT_YEN_SHORT_RATE_MODEL,
  MAX_PATHS,
  MonteCarloOptions,
  MonteCarloResults,
  MonteCarloStrategy,
  RevenueShockModel,
  ShortRateModel,
  checkMonteCarloOptions,
  describeError,
  formatIsoDate,
} from '../../engine';
import type { Io } from '../main';
import { orInputError } from '../read-input';
import { readCaseInput } from '../read-case-input';
import { renderMonteCarlo } from '../../workbook';
import { Output, writeOutputs } from '../write-output';
import { checkOutputs } from '../safe-output';
import { writeWorkbookOrRefuse } from '../xlsx/workbook-output';
import { formatYen, renderTable } from '../terminal-table';
import { defaultThreads, runMonteCarloParallel } from './montecarlo-parallel';

export interface MonteCarloCommandOptions {
  paths: number;
  seed: number;
  model: ShortRateModel;
  revenue: RevenueShockModel;
  /** Threads computing paths; default: every core for large runs. */
  threads?: number;
  /** Writes the results as JSON to this file. */
  jsonPath?: string;
  /** Writes the モンテカルロ sheet into this workbook (the input workbook's copy, when given one). */
  outPath?: string;
  /** Shows a progress bar on stderr (only on a terminal). */
  progress: boolean;
}

/** `rateshock montecarlo <case.json>`: breach probabilities and bands, as tables. */
export function monteCarloCommand(path: string, options: MonteCarloCommandOptions): string {
  const { c, workbook } = readCaseInput(path);
  // No output may overwrite the input, except the input workbook written back with -o.
  const same = workbook && options.outPath ? { input: path, output: options.outPath } : undefined;
  checkOutputs([path], [options.outPath, options.jsonPath], same);
  const mc: MonteCarloOptions = {
    paths: options.paths,
    seed: options.seed,
    model: options.model,
    revenue: options.revenue,
  };
  const threads = options.threads ?? defaultThreads(mc.paths, c.strategies.length);
  const bar = options.progress ? progressBar() : null;
  let outcome;
  try {
    outcome = runMonteCarloParallel(c, mc, {
      threads,
      onProgress: bar
        ? (done, total) => {
            if (bar.getTotal() !== total) bar.start(total, 0);
            bar.update(done);
          }
        : undefined,
    });
  } finally {
    bar?.stop();
  }
  const results = orInputError(path, outcome.ok ? { ok: true, value: outcome.results } : outcome);
  // Everything is computed before anything is written: an error leaves no file behind.
  const outputs: Output[] = [];
  if (options.outPath) {
    outputs.push([
      options.outPath,
      writeWorkbookOrRefuse(
        options.outPath,
        renderMonteCarlo(c, results),
        workbook && { path, bytes: workbook },
      ),
    ]);
  }
  if (options.jsonPath) {
    outputs.push([options.jsonPath, Buffer.from(JSON.stringify(resultsJson(c, results), null, 2))]);
  }
  const written = writeOutputs(outputs);
  return resultsText(c, results) + (written ? `\n\n${written}` : '');
}

function progressBar(): SingleBar {
  return new SingleBar(
    {
      stream: process.stderr,
      format:
        'モンテカルロ / Monte Carlo |{bar}| {percentage}% {value}/{total} 経路×戦略 / paths×strategies',
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
}

/** The JSON file: the case named, then the results as the engine gives them (dates as text). */
function resultsJson(c: Case, results: MonteCarloResults) {
  return {
    case: {
      name: c.profile.name,
      asOf: formatIsoDate(c.asOf),
      fiscalYearEndMonth: c.profile.fiscalYearEndMonth,
    },
    ...results,
    asOf: formatIsoDate(results.asOf),
  };
}

/** Short column labels of the checks (Japanese, as the run command's legend names them). */
const CHECK_LABELS: Record<string, string> = {
  dscr: 'DSCR',
  'debt-years-at-end': '債務償還年数',
  'profit-within': '経常黒字化',
  'solvency-within': '実質債務超過解消',
  'cash-floor': '資金繰り',
  'rebirth-phase': '再生フェーズ',
  'no-consecutive-loss': '連続赤字',
  'net-assets-floor': '純資産維持',
  'no-insolvency': '債務超過',
  icr: 'ICR',
};

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
const ratio = (x: number | null) => (x === null ? '∞' : x.toFixed(2));
const yen = (x: number | null) => (x === null ? '—' : formatYen(Math.round(x)));

function modelLine(r: MonteCarloResults): string {
  const m = r.model;
  const drift = m.drift
    ? `, ドリフト / drift ${pct(m.drift.perYear, 2)}/年 (上限 / cap ${pct(m.drift.cap, 2)})`
    : '';
  const rev = r.revenue;
  const revenue =
    rev.volatility > 0
      ? `売上ショック / revenue: σ ${pct(rev.volatility)}, 金利との相関 / correlation ${rev.correlation.toFixed(2)}, ${
          rev.contributionMargin === null
            ? '利益は計画の営業利益率で連動 / profit at the plan margin'
            : `限界利益率 / contribution margin ${pct(rev.contributionMargin)}`
        }`
      : '売上ショックなし / no revenue shock';
  return [
    `短期金利モデル / short-rate model (Vasicek, 月次 / monthly): r₀ ${pct(m.initialRate, 2)}, θ ${pct(m.longRunMean, 2)}, a ${m.meanReversion.toFixed(2)}/年, σ ${pct(m.volatility, 2)}/√年${drift}`,
    revenue,
  ].join('\n');
}

function probabilityCell(check: CheckProbability): string {
  return `${pct(check.probability)}${check.deterministicPass ? '' : '✗'}`;
}

function probabilityTable(r: MonteCarloResults): string {
  const ids = r.strategies[0].checks.map((ch) => ch.id);
  const header = [
    '戦略 / strategy',
    ...r.strategies[0].checks.map((ch) => CHECK_LABELS[ch.id] ?? ch.nameJa),
    'いずれか / any',
  ];
  const rows = r.strategies.map((s) => [
    s.name,
    ...ids.map((id) => {
      const check = s.checks.find((ch) => ch.id === id);
      return check ? probabilityCell(check) : '—';
    }),
    pct(s.anyFailure.probability),
  ]);
  const legend = r.strategies[0].checks
    .map((ch) => `${CHECK_LABELS[ch.id] ?? ch.nameJa} = ${ch.nameEn} (${ch.threshold})`)
    .join('; ');
  return [
    '未達の確率 / probability of failing each check (✗: 金利が動かなくても未達 / fails with no rate change)',
    renderTable(header, rows),
    `判定 / checks: ${legend}`,
  ].join('\n');
}

function marketTable(r: MonteCarloResults, fyEnd: number): string {
  const withRevenue = r.revenue.volatility > 0;
  const b = (x: Bands, f: (v: number | null) => string) => [f(x.p5), f(x.p50), f(x.p95)];
  const rate = (v: number | null) => (v === null ? '—' : pct(v, 2));
  const factor = (v: number | null) => (v === null ? '—' : v.toFixed(3));
  const header = [
    '決算期 / FY',
    '期末短期金利 P5',
    'P50',
    'P95',
    ...(withRevenue ? ['売上係数 / revenue factor P5', 'P50', 'P95'] : []),
  ];
  const rows = r.market.map((y) => [
    `${y.fiscalYear}年${fyEnd}月期`,
    ...b(y.shortRate, rate),
    ...(withRevenue ? b(y.revenueFactor, factor) : []),
  ]);
  return `シミュレーションした市場 / simulated market\n${renderTable(header, rows)}`;
}

function strategyTable(s: MonteCarloStrategy, fyEnd: number): string {
  const header = [
    '決算期 / FY',
    '返済計 P5',
    '返済計 P50',
    '返済計 P95',
    'DSCR P5',
    'DSCR P50',
    'DSCR P95',
    '期末現預金 P5',
    '期末現預金 P50',
    '期末現預金 P95',
  ];
  const rows = s.years.map((y) => [
    `${y.fiscalYear}年${fyEnd}月期`,
    yen(y.debtService.p5),
    yen(y.debtService.p50),
    yen(y.debtService.p95),
    ratio(y.dscr.p5),
    ratio(y.dscr.p50),
    ratio(y.dscr.p95),
    yen(y.cash.p5),
    yen(y.cash.p50),
    yen(y.cash.p95),
  ]);
  return `${s.name} — 年度別の分布 / by fiscal year\n${renderTable(header, rows)}`;
}

function resultsText(c: Case, r: MonteCarloResults): string {
  const fyEnd = c.profile.fiscalYearEndMonth;
  const first = r.fiscalYears[0];
  const last = r.fiscalYears[r.fiscalYears.length - 1];
  return [
    `${c.profile.name} — 基準日 / as of ${formatIsoDate(c.asOf)}; モンテカルロ / Monte Carlo ${formatYen(r.paths)} 経路 / paths, シード / seed ${r.seed}; 計画 ${first}〜${last}年${fyEnd}月期`,
    modelLine(r),
    '',
    probabilityTable(r),
    '',
    marketTable(r, fyEnd),
    ...r.strategies.flatMap((s) => ['', strategyTable(s, fyEnd)]),
    '',
    '返済計 = debt service (利息 + 約定返済 + 保証料 / interest + principal + guarantee fees); 期末現預金 = year-end cash; DSCR ∞ = 返済なし / no debt service; 百分位は経路ごとの年度値 / percentiles of each year over the paths',
  ].join('\n');
}

// ── Options ──────────────────────────────────────────────────────────────────────────────

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function wholeNumber(text: string, min: number, max: number, what: string): number {
  const t = text.trim().replace(/[,_]/g, '');
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(
      `expected ${what}, a whole number from ${min} to ${max.toLocaleString('en')}`,
    );
  return n;
}

/** A number within [min, max] as typed (`unit` names it in the message). */
function numberIn(min: number, max: number, unit: string): (text: string) => number {
  return (text) => {
    const t = text.trim().replace(/%$/, '');
    const n = NUMBER_TEXT.test(t) ? Number(t) : NaN;
    if (!(n >= min && n <= max))
      throw new InvalidArgumentError(`expected a number from ${min} to ${max} ${unit}`);
    return n;
  };
}

/** Percent points as typed (0.75 or 0.75%) → a decimal rate (0.0075). */
function percentPoints(min: number, max: number): (text: string) => number {
  const read = numberIn(min, max, '(percent points, e.g. 0.5 for 0.50 %)');
  return (text) => read(text) / 100;
}

interface RawOptions {
  paths: number;
  seed: number;
  json?: string;
  out?: string;
  initialRate: number;
  longRunMean: number;
  meanReversion: number;
  volatility: number;
  drift?: number;
  driftCap: number;
  revenueVolatility: number;
  correlation: number;
  contributionMargin?: number;
  workers?: number;
}

const D = DEFAULT_YEN_SHORT_RATE_MODEL;

/** An option read in percent (points) — 0.75 or 0.75% — into a decimal, its default shown as typed. */
function rateOption(flags: string, description: string, min: number, max: number, value?: number) {
  const option = new Option(flags, description).argParser(percentPoints(min, max));
  return value === undefined ? option : option.default(value, String(+(value * 100).toFixed(6)));
}

/**
 * Adds `montecarlo` to the program. `progress`: draw a progress bar on stderr (only when it is
 * a terminal — never in tests or pipes).
 */
export function registerMonteCarloCommand(program: Command, io: Io, progress: boolean): void {
  program
    .command('montecarlo')
    .description(
      'a borrower case under simulated rate (and revenue) paths: probability of failing each check, percentile bands / モンテカルロ',
    )
    .argument('<case.json | input.xlsx>', 'case file (see scenarios/*.case.json) or input workbook')
    .option(
      '-o, --out <out.xlsx>',
      'write the モンテカルロ sheet (with an input workbook: into its copy)',
    )
    .option(
      '--paths <n>',
      `number of paths, 1 to ${MAX_PATHS.toLocaleString('en')}`,
      (t) => wholeNumber(t, 1, MAX_PATHS, 'a number of paths'),
      1000,
    )
    .option(
      '--seed <s>',
      'random seed: the same seed gives the same numbers on any machine',
      (t) => wholeNumber(t, 0, Number.MAX_SAFE_INTEGER, 'a seed'),
      1,
    )
    .option('--json <out.json>', 'write the results (bands, probabilities, seed, model) as JSON')
    .addOption(
      rateOption(
        '--initial-rate <pp>',
        "today's short rate r₀, percent points",
        -5,
        20,
        D.initialRate,
      ),
    )
    .addOption(
      rateOption('--long-run-mean <pp>', 'long-run mean θ, percent points', -5, 20, D.longRunMean),
    )
    .option(
      '--mean-reversion <a>',
      'mean-reversion speed a per year (half-life ln 2 / a)',
      numberIn(0, 5, 'per year'),
      D.meanReversion,
    )
    .addOption(
      rateOption('--volatility <pp>', 'volatility σ, percent points per √year', 0, 5, D.volatility),
    )
    .addOption(
      rateOption('--drift <pp>', 'upward drift, percent points per year (default: none)', -2, 2),
    )
    .addOption(rateOption('--drift-cap <pp>', 'largest total drift, percent points', 0, 10, 0.02))
    .addOption(
      rateOption(
        '--revenue-volatility <pct>',
        'yearly revenue shock: standard deviation of log revenue, percent',
        0,
        100,
        0,
      ),
    )
    .option(
      '--correlation <rho>',
      "correlation of each year's revenue shock with that year's rate moves, −1 to 1",
      numberIn(-1, 1, ''),
      0,
    )
    .addOption(
      rateOption(
        '--contribution-margin <pct>',
        "限界利益率: profit lost per yen of revenue lost, percent (default: the plan's operating margin)",
        0,
        100,
      ),
    )
    .option('--workers <n>', 'threads computing paths (default: every core for large runs)', (t) =>
      wholeNumber(t, 1, 64, 'a number of threads'),
    )
    .action((path: string, opts: RawOptions, command: Command) => {
      const model: ShortRateModel = {
        initialRate: opts.initialRate,
        longRunMean: opts.longRunMean,
        meanReversion: opts.meanReversion,
        volatility: opts.volatility,
        drift: opts.drift === undefined ? null : { perYear: opts.drift, cap: opts.driftCap },
      };
      const revenue: RevenueShockModel = {
        volatility: opts.revenueVolatility,
        correlation: opts.correlation,
        contributionMargin: opts.contributionMargin ?? null,
      };
      // Options are checked as they are parsed; what the engine still refuses is a usage error too.
      const errors = checkMonteCarloOptions({ paths: opts.paths, seed: opts.seed, model, revenue });
      if (errors.length > 0)
        command.error(`error: ${errors.map(describeError).join('; ')}`, { exitCode: 2 });
      io.out(
        monteCarloCommand(path, {
          paths: opts.paths,
          seed: opts.seed,
          model,
          revenue,
          threads: opts.workers,
          jsonPath: opts.json,
          outPath: opts.out,
          progress,
        }) + '\n',
      );
    });
}
