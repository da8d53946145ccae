import { once } from 'node:events';
import { renderPortfolio } from '../../workbook';
import { firmsTable } from './portfolio-sheet';
import { Output, writeOutputs } from '../write-output';
import { writeXlsx } from '../xlsx/write-xlsx';
import { checkOutputs, writeFailure } from '../safe-output';
import { atomicWriteStream } from '../atomic-stream';
import { errorReport } from '../terminal-safe';
import { finished } from 'node:stream/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import seedrandom from 'seedrandom';
import {
  AMOUNT_UNITS,
  AmountUnit,
  DEFAULT_PORTFOLIO_OPTIONS,
  PortfolioCell,
  PortfolioOptions,
  PortfolioResults,
  REPRICE_MODES,
  RepriceMode,
  describeRowError,
  firmCsvHeaderLine,
  firmCsvLine,
  formatIsoDate,
  parseIsoDate,
  syntheticFirms,
} from '../../engine';
import type { Io } from '../main';
import { InputError, fileLooksLikeWorkbook } from '../read-input';
import { formatPercent, formatYen } from '../terminal-table';
import { FitColumn, droppedNote, fitTable, fitWidth, wrapLines } from '../fit-table';
import {
  PortfolioRunOptions,
  defaultWorkers,
  runPortfolioFile,
  runPortfolioLines,
} from './portfolio-run';

/**
 * `rateshock portfolio <firms.csv>` (stress, the default) and `rateshock portfolio generate`.
 * Both run asynchronously (streams, worker threads); `done` receives the exit code.
 */

/** `--shocks 0.25,0.5` (percent points) → decimals. */
function parseShockSizes(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim().replace(/%$/, ''));
  const sizes = parts.map(Number);
  if (text.trim() === '' || parts.some((p) => p === '') || sizes.some((x) => !Number.isFinite(x)))
    throw new InvalidArgumentError('expected percent points such as 0.25,0.5,1,2');
  if (sizes.some((x) => Math.abs(x) > 10))
    throw new InvalidArgumentError('each shock must be between -10 and +10 percent points');
  return sizes.map((x) => Math.round(x * 1e5) / 1e7);
}

function parseCount(min: number, max: number) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}

function parseDate(text: string): number {
  const day = parseIsoDate(text);
  if (day === null) throw new InvalidArgumentError('expected a date written YYYY-MM-DD');
  return day;
}

export interface PortfolioStressOptions {
  stress: PortfolioOptions;
  unit: AmountUnit;
  skipBadRows: boolean;
  workers?: number;
  jsonPath?: string;
  /** Writes the ポートフォリオ sheet as a workbook. */
  outPath?: string;
  /** The terminal's columns (undefined for a pipe or a file: every column, full headers). */
  width?: number;
}

const MODE_TITLES: Record<RepriceMode, string> = {
  'full-reprice':
    '一斉改定 (全借入に即時反映, 帝国データバンク試算の前提) / full reprice: every loan at once',
  realistic:
    '現実ベース (変動は次回改定日, 固定・公庫は満期まで据置) / realistic: floating at its reset, fixed and JFC at maturity',
};

/** 271,258,468 → "2億7,126万円"; 32,240,000 → "3,224万円"; 678,146 → "67.8万円"; under 1万: yen. */
function formatMan(yen: number, sign = false): string {
  const plus = sign && yen > 0 ? '+' : '';
  const abs = Math.abs(yen);
  const minus = yen < 0 ? '−' : '';
  if (abs >= 1e8) {
    const oku = Math.floor(abs / 1e8);
    const man = Math.round((abs - oku * 1e8) / 1e4);
    return `${plus}${minus}${oku}億${man > 0 ? `${formatYen(man)}万` : ''}円`;
  }
  if (abs >= 1e6) return `${plus}${minus}${formatYen(Math.round(abs / 1e4))}万円`;
  if (abs >= 1e4) return `${plus}${minus}${(abs / 1e4).toFixed(1)}万円`;
  return `${plus}${minus}${formatYen(Math.round(abs))}円`;
}

const share = (s: { count: number; share: number }) =>
  `${formatPercent(s.share, 1)} (${formatYen(s.count)})`;

/** "52.5% (+0.6)": the share under the shock and the newly breaching share, in points. */
const shareWithNew = (level: { share: number }, fresh: { share: number }) =>
  `${formatPercent(level.share, 1)} (+${(fresh.share * 100).toFixed(1)})`;

function cellRow(c: PortfolioCell): string[] {
  return [
    c.label,
    formatMan(c.averageExtraInterest, true),
    c.ordinaryProfitFall === null ? '—' : `△${(c.ordinaryProfitFall * 100).toFixed(1)}%`,
    share(c.turnedLossMaking),
    shareWithNew(c.dscrBelow, c.newlyDscrBelow),
    shareWithNew(c.debtYearsOver, c.newlyDebtYearsOver),
  ];
}

const ratio = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** The most affected borrowers' columns; on a narrow terminal sector, row, name and after go first. */
const TOP_COLUMNS: FitColumn[] = [
  { header: '順位 / #', short: '#' },
  { header: '行 / row', short: '行', drop: 2 },
  { header: 'ID' },
  { header: '企業名 / name', short: '企業名', drop: 4 },
  { header: '業種 / sector', short: '業種', drop: 1 },
  { header: '有利子負債 / debt', short: '負債', drop: 5 },
  { header: '経常利益 / profit', short: '経常' },
  { header: '減少 / fall', short: '減少' },
  { header: 'ショック後 / after', short: '後', drop: 3 },
  { header: 'DSCR' },
  { header: '債務償還年数 / years', short: '償還' },
];

/**
 * The terminal report: averages, one table per mode, the most affected borrowers; `width`: the
 * terminal's columns (undefined for a pipe or a file: every column, full headers).
 */
export function portfolioText(path: string, r: PortfolioResults, width?: number): string {
  const a = r.averages;
  const text = (line: string) => wrapLines(line, width);
  const out = [
    `ポートフォリオ・ストレス / portfolio stress — ${path}`,
    `企業数 / firms ${formatYen(r.firms)} (借入あり / with debt ${formatYen(r.firmsWithDebt)})` +
      (r.skipped.rows > 0 ? `, 除外 / skipped ${formatYen(r.skipped.rows)} 行 / rows` : '') +
      `; 基準日 / as of ${r.asOf}: 計画1年目 = 基準日までに締まった決算期の翌期 / plan year 1 follows the last fiscal year closed`,
    `1社平均 / per firm: 有利子負債 / debt ${formatMan(a.debt)}, 平均借入金利 / rate ${formatPercent(a.rate)}, ` +
      `経常利益 / ordinary profit ${formatMan(a.ordinaryProfit)}, 支払利息 / interest ${formatMan(a.interest)}`,
    `ショック前 / before any shock: 赤字 / loss-making ${share(r.base.lossMaking)}, ` +
      `DSCR < ${r.thresholds.dscr.toFixed(1)} ${share(r.base.dscrBelow)}, ` +
      `債務償還年数 > ${r.thresholds.debtYears}年 / repayment years ${share(r.base.debtYearsOver)}`,
  ].map(text);
  const dscr = `DSCR < ${r.thresholds.dscr.toFixed(1)}`;
  const years = `債務償還年数 > ${r.thresholds.debtYears}年`;
  const columns: FitColumn[] = [
    { header: '金利上昇幅 / shock', short: '上昇幅' },
    { header: '利息負担 (年間, 1社平均) / extra interest', short: '利息負担' },
    { header: '経常利益 下押し / fall', short: '下押し', drop: 1 },
    { header: '赤字転落 / turned loss-making', short: '赤字転落', drop: 2 },
    { header: `${dscr} (新規 / new)`, short: dscr.replace(/ /g, '') },
    { header: `${years} (新規 / new)`, short: `償還>${r.thresholds.debtYears}年` },
  ];
  let compact = false;
  const dropped = new Set<string>();
  for (const mode of ['full-reprice', 'realistic'] as const) {
    const cells = r.cells.filter((c) => c.mode === mode);
    if (cells.length === 0) continue;
    const table = fitTable(columns, cells.map(cellRow), width);
    compact ||= table.compact;
    table.dropped.forEach((d) => dropped.add(d));
    out.push('', text(MODE_TITLES[mode]), table.text);
  }
  if (dropped.size > 0) out.push(text(droppedNote([...dropped])));
  out.push(
    '',
    text(
      '経常利益 下押し = 追加利息の合計 ÷ 経常利益の合計 (平均の比) / fall = Σ extra interest ÷ Σ 経常利益 (ratio of averages); ' +
        '( ) 内は件数、新規はショック前に該当しなかった企業の割合 (ポイント) / counts in ( ); new = share not breaching before, in points',
    ),
  );
  if (compact)
    out.push(
      text(
        `上昇幅 = shock, 利息負担 = extra interest a year per firm, 下押し = fall in 経常利益, 赤字転落 = turned loss-making, ` +
          `償還 = 債務償還年数 / debt repayment years`,
      ),
    );
  const top = r.mostAffected;
  if (top && top.firms.length > 0) {
    const cell = r.cells[top.cell];
    const modeJa = cell.mode === 'realistic' ? '現実ベース' : '一斉改定';
    const table = fitTable(
      TOP_COLUMNS,
      top.firms.map((f, i) => [
        String(i + 1),
        String(f.row),
        f.id,
        f.name,
        f.sector,
        formatMan(f.debt),
        formatMan(f.ordinaryProfit),
        formatMan(f.extraInterest[top.cell]),
        formatMan(f.ordinaryProfit - f.extraInterest[top.cell]),
        `${ratio(f.baseDscr)} → ${ratio(f.dscr[top.cell])}`,
        `${ratio(f.baseDebtYears)} → ${ratio(f.debtYears[top.cell])}`,
      ]),
      width,
    );
    out.push(
      '',
      text(
        `影響の大きい企業 (経常利益の減少額, ${cell.label} ${modeJa}) / most affected borrowers (fall in 経常利益, ${cell.label} ${cell.mode})`,
      ),
      table.text,
    );
    if (table.dropped.length > 0) out.push(text(droppedNote(table.dropped)));
    if (table.compact)
      out.push(
        text(
          '行 = row, 負債 = 有利子負債 / debt, 経常 = 経常利益 / profit, 減少 = fall, 後 = after the shock, 償還 = 債務償還年数 / years',
        ),
      );
  }
  return out.join('\n');
}

/** A progress bar on stderr while the file is read, only on a terminal. */
function progressBar(): {
  onProgress?: (read: number, total: number) => void;
  stop: () => void;
} {
  if (!process.stderr.isTTY) return { stop: () => undefined };
  const bar = new SingleBar({
    format: '読込中 / reading {bar} {percentage}%',
    stream: process.stderr,
    clearOnComplete: true,
    hideCursor: true,
  });
  let started = false;
  return {
    onProgress: (read, total) => {
      if (!started) bar.start(Math.max(1, total), 0);
      started = true;
      bar.update(Math.min(read, total));
    },
    stop: () => started && bar.stop(),
  };
}

/** `rateshock portfolio <firms.csv>`: the terminal report; `--json` writes the results too. */
export async function portfolioStressCommand(
  path: string,
  options: PortfolioStressOptions,
  io: Io,
): Promise<string> {
  checkOutputs([path], [options.outPath, options.jsonPath]);
  const workbook = /\.xls[xm]$/i.test(path) || fileLooksLikeWorkbook(path);
  const table = workbook ? firmsTable(path) : undefined;
  const progress = progressBar();
  const runOptions: PortfolioRunOptions = {
    stress: options.stress,
    unit: options.unit,
    skipBadRows: options.skipBadRows,
    workers: options.workers,
    onProgress: progress.onProgress,
    label: table?.label,
    describe: table?.describe,
  };
  let run;
  try {
    run = table
      ? await runPortfolioLines(table.lines, runOptions)
      : await runPortfolioFile(path, runOptions);
  } finally {
    progress.stop();
  }
  const describe = table?.describe ?? describeRowError;
  const { results } = run;
  const skipped = results.skipped;
  if (skipped.rows > 0) {
    const rest = skipped.errorCount - skipped.errors.length;
    io.err(
      [
        `warning: ${skipped.rows} 行を除外しました / skipped ${skipped.rows} bad rows (${skipped.errorCount} errors):`,
        ...skipped.errors.map((e) => `  - ${describe(e)}`),
        ...(rest > 0 ? [`  - … ほか ${rest} 件 / and ${rest} more`] : []),
      ].join('\n') + '\n',
    );
  }
  const outputs: Output[] = [];
  if (options.outPath) outputs.push([options.outPath, writeXlsx(renderPortfolio(results))]);
  if (options.jsonPath) {
    outputs.push([options.jsonPath, Buffer.from(JSON.stringify(results, null, 2) + '\n')]);
  }
  const written = writeOutputs(outputs);
  const text = portfolioText(path, results, options.width);
  return written ? `${text}\n\n${written}` : text;
}

/** `rateshock portfolio generate`: a seeded synthetic portfolio, written as it is generated. */
export async function portfolioGenerateCommand(options: {
  firms: number;
  seed: string;
  out: string;
}): Promise<string> {
  checkOutputs([], [options.out]);
  const target = atomicWriteStream(options.out);
  const file = target.stream;
  const failed = new Promise<never>((_, reject) => file.once('error', reject));
  failed.catch(() => undefined); // observed below, through the race
  const write = async (text: string) => {
    if (!file.write(text)) await Promise.race([once(file, 'drain'), failed]);
  };
  try {
    await write(firmCsvHeaderLine() + '\n');
    let block = '';
    for (const firm of syntheticFirms(options.firms, seedrandom(options.seed))) {
      block += firmCsvLine(firm) + '\n';
      if (block.length >= 1 << 16) {
        await write(block);
        block = '';
      }
    }
    await write(block);
    file.end();
    await Promise.race([finished(file), failed]);
    target.commit();
  } catch (e) {
    target.abort();
    if (e instanceof InputError) throw e;
    throw writeFailure(options.out, e);
  }
  return `${options.out}: ${formatYen(options.firms)} 社を書き出しました / wrote ${formatYen(options.firms)} firms (seed ${options.seed})`;
}

/** Runs an async command: its output to `io.out`, input errors listed as `run` lists them. */
async function settle(io: Io, task: () => Promise<string>): Promise<number> {
  try {
    io.out((await task()) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(errorReport(e.message, e.details));
      return 1;
    }
    io.err(`internal error: ${(e as Error).message}\n`);
    return 3;
  }
}

/** The exit code of an async command: the process's, unless a caller (a test) takes it. */
const setExitCode = (code: number) => {
  if (code !== 0) process.exitCode = code;
};

/**
 * Adds `portfolio` (stress by default, and `generate`) to the program. The actions are async:
 * call `parseAsync` to wait for them; `done` gets each run's exit code.
 */
export function registerPortfolioCommands(
  program: Command,
  io: Io,
  done: (code: number) => void = setExitCode,
): void {
  const portfolio = program
    .command('portfolio')
    .description(
      'many borrowers (CSV or .xlsx) under rate shocks: the 帝国データバンク table / ポートフォリオ・ストレス',
    );

  const stress = portfolio
    .command('stress', { isDefault: true })
    .description(
      'stress a portfolio CSV or workbook (the default: `rateshock portfolio firms.csv`) / ストレス',
    )
    .argument(
      '<firms.csv | firms.xlsx>',
      'one firm per row; columns in the README (portfolio). An .xlsx: its first Excel table with an id column',
    )
    .option(
      '--shocks <list>',
      'parallel shocks in percent points (default: 0.25,0.5,1,2)',
      parseShockSizes,
    )
    .addOption(
      new Option('--mode <mode>', 'realistic, full-reprice or both')
        .choices([...REPRICE_MODES, 'both'])
        .default('both'),
    )
    .option('--top <n>', 'most affected borrowers listed (0: none)', parseCount(0, 1000), 20)
    .option('--json <out.json>', 'write the results as JSON')
    .option('-o, --out <out.xlsx>', 'write the ポートフォリオ sheet as a workbook')
    .option('--skip-bad-rows', 'leave out rows with errors (listed) instead of stopping')
    .option(
      '--as-of <date>',
      `analysis date: plan year 1 follows each firm's last fiscal year closed by then (default ${formatIsoDate(DEFAULT_PORTFOLIO_OPTIONS.asOf)})`,
      parseDate,
    )
    .addOption(
      new Option(
        '--units <unit>',
        'unit of the amounts: yen (円), thousand (千円), million (百万円)',
      )
        .choices(Object.keys(AMOUNT_UNITS))
        .default('yen'),
    )
    .option('--wide', 'print every column, however wide the terminal / 全列を表示')
    .option(
      '--workers <n>',
      `worker threads (default: one per core, ${defaultWorkers()} here)`,
      parseCount(1, 64),
    )
    .action(
      async (
        path: string,
        opts: {
          shocks?: number[];
          mode: RepriceMode | 'both';
          top: number;
          json?: string;
          out?: string;
          skipBadRows?: boolean;
          asOf?: number;
          units: AmountUnit;
          workers?: number;
          wide?: boolean;
        },
      ) => {
        const stress: PortfolioOptions = {
          ...DEFAULT_PORTFOLIO_OPTIONS,
          asOf: opts.asOf ?? DEFAULT_PORTFOLIO_OPTIONS.asOf,
          shocks: opts.shocks ?? DEFAULT_PORTFOLIO_OPTIONS.shocks,
          modes: opts.mode === 'both' ? REPRICE_MODES : [opts.mode],
          topN: opts.top,
        };
        done(
          await settle(io, () =>
            portfolioStressCommand(
              path,
              {
                stress,
                unit: opts.units,
                skipBadRows: !!opts.skipBadRows,
                workers: opts.workers,
                jsonPath: opts.json,
                outPath: opts.out,
                width: fitWidth(io.columns, opts.wide),
              },
              io,
            ),
          ),
        );
      },
    );

  // `portfolio --help` shows the default command's options too (they are what most runs use).
  portfolio.addHelpText('after', () => `\n${stress.helpInformation()}`);

  portfolio
    .command('generate')
    .description(
      'write a seeded synthetic portfolio matching the 帝国データバンク averages / 合成ポートフォリオ',
    )
    .requiredOption('-o, --out <firms.csv>', 'where to write the CSV')
    .option('--firms <n>', 'number of firms', parseCount(1, 10_000_000), 96_000)
    .option('--seed <seed>', 'seed of the generator (same seed, same file)', '1')
    .action(async (opts: { out: string; firms: number; seed: string }) => {
      done(await settle(io, () => portfolioGenerateCommand(opts)));
    });
}
