import { Command, InvalidArgumentError, Option } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import {
  Bands,
  Case,
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
import { FitColumn, droppedNote, fitTable, fitWidth, wrapLines } from '../fit-table';
import { checkCode, checkLabel, checkLegend } from '../check-labels';
import { defaultThreads, runMonteCarloParallel } from './montecarlo-parallel';
import { formatDscr } from '../../workbook/layout';

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
  /** The terminal's width: tables fit it (undefined: every column, as for a pipe). */
  width?: number;
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
  return resultsText(c, results, options.width) + (written ? `\n\n${written}` : '');
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

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
// DSCR percentiles, by the one DSCR display rule (none: no debt service, ∞).
const ratio = (x: number | null) => formatDscr(x, '∞');
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

/** `6.0% ±1.7`: the probability with its standard error (percent points); ✗ when the plan fails unshocked. */
function probabilityCell(p: { probability: number; standardError: number }, fails = false): string {
  return `${pct(p.probability)} ±${(p.standardError * 100).toFixed(1)}${fails ? ' ✗' : ''}`;
}

function probabilityTable(r: MonteCarloResults, width: number | undefined): string {
  const checks = r.strategies[0].checks;
  // On a narrow terminal, checks no path fails give way first.
  const neverFails = (id: string) =>
    r.strategies.every((s) => (s.checks.find((ch) => ch.id === id)?.failures ?? 0) === 0);
  const columns: FitColumn[] = [
    { header: '戦略 / strategy', short: '戦略' },
    ...checks.map((ch, k) => ({
      header: checkLabel(ch),
      short: checkCode(ch),
      drop: neverFails(ch.id) ? k : undefined,
    })),
    { header: 'いずれか / any', short: '計' },
  ];
  const rows = (compact: boolean) =>
    r.strategies.map((s) => [
      compact ? s.id : s.name,
      ...checks.map((ref) => {
        const check = s.checks.find((ch) => ch.id === ref.id);
        return check ? probabilityCell(check, !check.deterministicPass) : '—';
      }),
      probabilityCell(s.anyFailure),
    ]);
  const table = fitTable(columns, rows(false), width, rows(true));
  const notes = [
    table.dropped.length
      ? `(どの経路でも達成: 省略 / never failed, left out: ${table.dropped.join(', ')})`
      : '',
    ...(table.compact
      ? ['戦略 / strategies:', ...r.strategies.map((s) => `  ${s.id} = ${s.name}`)]
      : []),
    checkLegend(checks, table.compact),
  ].filter((line) => line !== '');
  return [
    wrapLines(
      '未達の確率 / probability of failing each check (± 標準誤差 / standard error, %pt; ✗: 金利が動かなくても未達 / fails with no rate change)',
      width,
    ),
    table.text,
    wrapLines(notes.join('\n'), width),
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

/** The bands by year; on a narrow terminal the outer bands of debt service and cash go first. */
const BAND_COLUMNS: FitColumn[] = [
  { header: '決算期 / FY', short: '決算期' },
  { header: '返済計 P5', short: '返済P5', drop: 1 },
  { header: '返済計 P50', short: '返済P50', drop: 6 },
  { header: '返済計 P95', short: '返済P95', drop: 2 },
  { header: 'DSCR P5', short: 'D P5' },
  { header: 'DSCR P50', short: 'D P50' },
  { header: 'DSCR P95', short: 'D P95', drop: 5 },
  { header: '期末現預金 P5', short: '現預金P5' },
  { header: '期末現預金 P50', short: '現預金P50', drop: 4 },
  { header: '期末現預金 P95', short: '現預金P95', drop: 3 },
];

function strategyTable(s: MonteCarloStrategy, fyEnd: number, width: number | undefined): string {
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
  const table = fitTable(BAND_COLUMNS, rows, width);
  return [
    wrapLines(`${s.name} — 年度別の分布 / by fiscal year`, width),
    table.text,
    ...(table.dropped.length ? [wrapLines(droppedNote(table.dropped), width)] : []),
  ].join('\n');
}

/** `width`: the terminal's columns (undefined for a pipe or a file: every column). */
function resultsText(c: Case, r: MonteCarloResults, width?: number): string {
  const fyEnd = c.profile.fiscalYearEndMonth;
  const first = r.fiscalYears[0];
  const last = r.fiscalYears[r.fiscalYears.length - 1];
  return [
    wrapLines(
      `${c.profile.name} — 基準日 / as of ${formatIsoDate(c.asOf)}; モンテカルロ / Monte Carlo ${formatYen(r.paths)} 経路 / paths, シード / seed ${r.seed}; 計画 ${first}〜${last}年${fyEnd}月期\n${modelLine(r)}`,
      width,
    ),
    '',
    probabilityTable(r, width),
    '',
    marketTable(r, fyEnd),
    ...r.strategies.flatMap((s) => ['', strategyTable(s, fyEnd, width)]),
    '',
    wrapLines(
      '返済計 = debt service (利息 + 約定返済 + 保証料 / interest + principal + guarantee fees); 期末現預金 = year-end cash; DSCR ∞ = 返済なし / no debt service; D = DSCR; 百分位は経路ごとの年度値 / percentiles of each year over the paths',
      width,
    ),
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
  wide?: boolean;
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
    .option('--wide', 'print every column, however wide the terminal / 全列を表示')
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
          width: fitWidth(io.columns, opts.wide),
        }) + '\n',
      );
    });
}
