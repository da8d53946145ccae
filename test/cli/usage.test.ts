/**
 * The command line's own surface: `--version`, `portfolio --help` showing the stress options
 * and .xlsx input, and usage errors (commander's) in Japanese and English with exit code 2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bilingualUsageError } from '../../cli/usage-errors';
import { runCli } from './run-cli';

const LODGING = 'scenarios/lodging-crisis-refinance.case.json';

describe('rateshock --version and --help', () => {
  test('--version prints the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    for (const flag of ['--version', '-V']) {
      const r = runCli(flag);
      expect(r.code).toBe(0);
      expect(r.out).toBe(`rateshock ${pkg.version}\n`);
    }
  });

  test('portfolio --help lists the stress options and says a workbook is read too', () => {
    const r = runCli('portfolio', '--help');
    expect(r.code).toBe(0);
    for (const option of [
      '--shocks <list>',
      '--mode <mode>',
      '--top <n>',
      '--as-of <date>',
      '--units <unit>',
      '--skip-bad-rows',
      '--workers <n>',
    ]) {
      expect(r.out).toContain(option);
    }
    expect(r.out).toContain('<firms.csv | firms.xlsx>');
    expect(r.out).toContain('An .xlsx: its first Excel table with an id column');
  });

  test('run --help offers --wide', () => {
    expect(runCli('run', '--help').out).toMatch(/--wide +print every column/);
    expect(runCli('montecarlo', '--help').out).toMatch(/--wide +print every column/);
  });
});

describe('usage errors in Japanese and English', () => {
  test.each([
    [
      ['run'],
      "error: 引数 'case.json | input.xlsx' がありません / missing required argument 'case.json | input.xlsx'\n",
    ],
    [['run', LODGING, '--foo'], "error: 不明なオプションです: '--foo' / unknown option '--foo'\n"],
    [['nosuch'], "error: 不明なコマンドです: 'nosuch' / unknown command 'nosuch'\n"],
    [
      ['template'],
      "error: オプション '-o, --out <input.xlsx>' は必須です / required option '-o, --out <input.xlsx>' not specified\n",
    ],
    [
      ['run', LODGING, '--json'],
      "error: オプション '--json <out.json>' に値がありません / option '--json <out.json>' argument missing\n",
    ],
    [
      ['schedule', 'x.json', '--json', '--csv'],
      "error: オプション '--json' と '--csv' は同時に使えません / option '--json' cannot be used with option '--csv'\n",
    ],
    [
      ['run', LODGING, 'extra'],
      "error: 'run' の引数が多すぎます (1 個のところ 2 個) / too many arguments for 'run'. Expected 1 argument but got 2.\n",
    ],
    [
      ['shocks', 'x.json', '--mode', 'bad'],
      "error: オプション '--mode <mode>' の値 'bad' は使えません (選べる値: realistic, full-reprice, both) / option '--mode <mode>' argument 'bad' is invalid. Allowed choices are realistic, full-reprice, both.\n",
    ],
    [
      ['montecarlo', LODGING, '--paths', 'abc'],
      "error: オプション '--paths <n>' の値 'abc' が正しくありません / option '--paths <n>' argument 'abc' is invalid. expected a number of paths, a whole number from 1 to 1,000,000\n",
    ],
    [
      ['montecarlo', LODGING, '--pathz', '3'],
      "error: 不明なオプションです: '--pathz' / unknown option '--pathz'\n(もしかして --paths? / Did you mean --paths?)\n",
    ],
  ])('%j', (argv, message) => {
    const r = runCli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(message);
  });

  test('a message commander words differently is passed through, not lost', () => {
    expect(bilingualUsageError('error: something new\n')).toBe('error: something new\n');
    expect(bilingualUsageError('not an error line')).toBe('not an error line');
  });
});
