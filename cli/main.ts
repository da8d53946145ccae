#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  Case,
  catalogPrograms,
  REPRICE_MODES,
  RepriceMode,
  Shock,
  describeError,
  readShock,
  FieldError,
} from '../engine';
import { InputError } from './read-input';
import { fitWidth } from './fit-table';
import { bilingualUsageError } from './usage-errors';
import { packageVersion } from './package-version';
import { registerPortfolioCommands } from './commands/portfolio';
import { registerMonteCarloCommand } from './commands/montecarlo';
import { scheduleCommand, ScheduleFormat } from './commands/schedule';
import { shocksCommand } from './commands/shocks';
import { runCommand } from './commands/run';
import { templateCommand } from './commands/template';
import { errorReport, escapeForTerminal } from './terminal-safe';

/** `--shocks 0.1,0.3` (percent points): parallel shocks of +0.1 % and +0.3 %. */
function parseShockList(text: string): Shock[] {
  const errors: FieldError[] = [];
  const shocks = text.split(',').map((part, i) => {
    const value = part.trim().replace(/%$/, '');
    return readShock(`${value}%`, `--shocks[${i}]`, errors);
  });
  if (errors.length > 0 || text.trim() === '') {
    throw new InvalidArgumentError(
      `expected percent points such as 0.25,0.5 (${errors.map(describeError).join('; ') || 'empty'})`,
    );
  }
  return shocks as Shock[];
}

function parseWholeNumber(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** Where the command line writes: the terminal, or a test's buffers. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Columns of the terminal `out` writes to; undefined for a pipe or a file (full tables). */
  columns?: number;
}

const TERMINAL: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
};

export function buildProgram(given: Io): Command {
  // Everything printed passes one escape: text from files never drives the terminal.
  const io: Io = {
    out: (s) => given.out(escapeForTerminal(s)),
    err: (s) => given.err(escapeForTerminal(s)),
    columns: given.columns,
  };
  const write = io.out;
  const program = new Command('rateshock')
    .description('RateShock: interest-rate shocks and refinancing for Japanese SME debt (offline)')
    .version(`rateshock ${packageVersion()}`, '-V, --version', 'print the version / バージョン')
    .exitOverride()
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(bilingualUsageError(text)),
    });

  program
    .command('schedule')
    .description("one loan's monthly repayment schedule / 返済予定表")
    .argument(
      '<loan.json>',
      'loan file: principal, annualRate, termMonths, graceMonths, method, dayCount, startDate, rounding, guaranteeFeeRate?, resets?',
    )
    .addOption(new Option('--json', 'print JSON { rows, totals }').conflicts('csv'))
    .option('--csv', 'print CSV')
    .option('--wide', 'print every column, however wide the terminal / 全列を表示')
    .action((path: string, opts: { json?: boolean; csv?: boolean; wide?: boolean }) => {
      const format: ScheduleFormat = opts.json ? 'json' : opts.csv ? 'csv' : 'table';
      write(scheduleCommand(path, format, fitWidth(io.columns, opts.wide)) + '\n');
    });

  program
    .command('shocks')
    .description('a debt stack under rate shocks: extra interest per fiscal year / 金利上昇の影響')
    .argument('<stack.json>', 'debt stack file (see scenarios/workshop-stack.json)')
    .option('--json', 'print JSON')
    .option(
      '--shocks <list>',
      "parallel shocks in percent points, e.g. 0.1,0.3 (default: the file's, else +0.25,+0.5,+1,+2)",
      parseShockList,
    )
    .addOption(
      new Option('--mode <mode>', 'realistic, full-reprice or both')
        .choices([...REPRICE_MODES, 'both'])
        .default('both'),
    )
    .option('--years <n>', 'fiscal years shown in the table', parseWholeNumber)
    .option('--wide', 'print every column, however wide the terminal / 全列を表示')
    .action(
      (
        path: string,
        opts: {
          json?: boolean;
          shocks?: Shock[];
          mode: RepriceMode | 'both';
          years?: number;
          wide?: boolean;
        },
      ) => {
        const modes = opts.mode === 'both' ? [...REPRICE_MODES] : [opts.mode];
        write(
          shocksCommand(path, {
            json: !!opts.json,
            shocks: opts.shocks,
            modes,
            years: opts.years,
            width: fitWidth(io.columns, opts.wide),
          }) + '\n',
        );
      },
    );

  program
    .command('run')
    .description(
      'a borrower case: every strategy under every shock, projected and checked / 借換・DDS・リスケの比較',
    )
    .argument('<case.json | input.xlsx>', 'case file (see scenarios/*.case.json) or input workbook')
    .option(
      '-o, --out <out.xlsx>',
      'write the results workbook (with an input workbook: it plus the result sheets)',
    )
    .option('--json <out.json>', 'write the full results (years, measures, checks) as JSON')
    .option('--detail', 'print every cell year by year / 年度別の明細')
    .option('--wide', 'print every column, however wide the terminal / 全列を表示')
    .action(
      (path: string, opts: { json?: string; out?: string; detail?: boolean; wide?: boolean }) => {
        const programs = (c: Case) => catalogPrograms(c.programOverrides);
        write(
          runCommand(path, programs, {
            jsonPath: opts.json,
            outPath: opts.out,
            detail: !!opts.detail,
            width: fitWidth(io.columns, opts.wide),
          }) + '\n',
        );
      },
    );

  program
    .command('template')
    .description('write the input workbook template / 入力テンプレートを作成')
    .requiredOption('-o, --out <input.xlsx>', 'where to write the template')
    .action((opts: { out: string }) => {
      write(templateCommand(opts.out) + '\n');
    });

  // portfolio: many borrowers (CSV) × shocks; async (streams, worker threads).
  registerPortfolioCommands(program, io);

  // montecarlo: seeded short-rate (and revenue) paths over every strategy; a progress bar
  // only when writing to a terminal.
  registerMonteCarloCommand(program, io, given === TERMINAL && process.stderr.isTTY === true);

  return program;
}

/** Runs the command line; returns the exit code: 0 ok, 1 input errors, 2 usage. */
export function run(argv: string[], io: Io = TERMINAL): number {
  try {
    buildProgram(io).parse(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(errorReport(e.message, e.details));
      return 1;
    }
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    io.err(escapeForTerminal(`internal error: ${(e as Error).message}\n`));
    return 3;
  }
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2));
}
