import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import {
  CATALOG_PROGRAMS,
  DEFAULT_YEN_SHORT_RATE_MODEL,
  parseCaseFile,
  runMonteCarlo,
} from '../../engine';
import { runMonteCarloParallel } from '../../cli/commands/montecarlo-parallel';
import { readXlsxSnapshot } from '../../cli/xlsx/read-xlsx';

const LODGING = join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json');
const DDS = join(__dirname, '../../scenarios/manufacturer-dds.case.json');

const outFile = () => join(mkdtempSync(join(tmpdir(), 'rateshock-mc-')), 'out.json');

function runJson(...args: string[]) {
  const path = outFile();
  const r = runCli('montecarlo', ...args, '--json', path);
  return { ...r, text: r.code === 0 ? readFileSync(path, 'utf8') : '' };
}

describe('rateshock montecarlo', () => {
  test('prints the probabilities and bands with Japanese labels first, the seed named', () => {
    const { code, out, err } = runCli('montecarlo', LODGING, '--paths', '300', '--seed', '5');
    expect(err).toBe(''); // no progress bar outside a terminal
    expect(code).toBe(0);
    expect(out).toContain('モンテカルロ / Monte Carlo 300 経路 / paths, シード / seed 5');
    expect(out).toContain('未達の確率 / probability of failing each check');
    expect(out).toMatch(/戦略 \/ strategy +DSCR +債務償還年数/);
    expect(out).toMatch(/決算期 \/ FY +返済計 P5 +返済計 P50 +返済計 P95 +DSCR P5/);
    expect(out).toMatch(/^2031年3月期 /m);
    // The refinancing row: nothing fails on any path.
    expect(out).toMatch(
      /20年に一本化 \/ all into the 20-year crisis-recovery loan +(0\.0% ±0\.0 +){6}0\.0% ±0\.0$/m,
    );
  });

  test('--json writes the results with the seed, the model and every band; the same seed, the same file', () => {
    const a = runJson(LODGING, '--paths', '400', '--seed', '11');
    expect(a.code).toBe(0);
    const json = JSON.parse(a.text);
    expect(json.seed).toBe(11);
    expect(json.paths).toBe(400);
    expect(json.asOf).toBe('2026-03-31');
    expect(json.case.name).toBe('湯けむり旅館 (架空)');
    expect(json.model).toEqual({
      initialRate: 0.0075,
      longRunMean: 0.015,
      meanReversion: 0.1,
      volatility: 0.005,
      drift: null,
    });
    const statusQuo = json.strategies[0];
    expect(statusQuo.id).toBe('status-quo');
    expect(statusQuo.checks.map((c: { id: string }) => c.id)).toContain('dscr');
    expect(Object.keys(statusQuo.years[0])).toEqual([
      'fiscalYear',
      'interest',
      'debtService',
      'dscr',
      'cash',
      'lowestCash',
      'ordinaryProfit',
      'deterministic',
    ]);
    expect(statusQuo.years[4].debtService.p95).toBeGreaterThan(statusQuo.years[4].debtService.p5);
    expect(runJson(LODGING, '--paths', '400', '--seed', '11').text).toBe(a.text);
    expect(runJson(LODGING, '--paths', '400', '--seed', '12').text).not.toBe(a.text);
  });

  test('worker threads give the very same file as one thread', () => {
    const args = [
      DDS,
      '--paths',
      '900',
      '--seed',
      '3',
      '--revenue-volatility',
      '8',
      '--correlation',
      '-0.3',
    ];
    const one = runJson(...args, '--workers', '1');
    const three = runJson(...args, '--workers', '3');
    expect(one.err).toBe('');
    expect(three.err).toBe('');
    expect(three.code).toBe(0);
    expect(three.text).toBe(one.text);
  });

  test('worker threads alone (this thread only waiting) compute what one thread computes', () => {
    const parsed = parseCaseFile(JSON.parse(readFileSync(DDS, 'utf8')));
    if (!parsed.ok) throw new Error();
    const options = {
      paths: 700,
      seed: 8,
      model: { ...DEFAULT_YEN_SHORT_RATE_MODEL, volatility: 0.01 },
      revenue: { volatility: 0.1, correlation: 0.2, contributionMargin: null },
    };
    const progress: number[] = [];
    const parallel = runMonteCarloParallel(parsed.value, options, {
      threads: 3,
      mainThreadWorks: false,
      onProgress: (done) => progress.push(done),
    });
    expect(parallel).toEqual(runMonteCarlo(parsed.value, CATALOG_PROGRAMS, options));
    // Progress is reported and reaches paths × strategies.
    expect(progress[progress.length - 1]).toBe(700 * parsed.value.strategies.length);
  });

  test('model options in percent points reach the results', () => {
    const { code, text } = runJson(
      LODGING,
      '--paths',
      '50',
      '--initial-rate',
      '0.5',
      '--long-run-mean',
      '2%',
      '--mean-reversion',
      '0.2',
      '--volatility',
      '0.8',
      '--drift',
      '0.25',
      '--revenue-volatility',
      '10',
      '--correlation',
      '-0.5',
      '--contribution-margin',
      '40',
    );
    expect(code).toBe(0);
    const json = JSON.parse(text);
    expect(json.model).toEqual({
      initialRate: 0.005,
      longRunMean: 0.02,
      meanReversion: 0.2,
      volatility: 0.008,
      drift: { perYear: 0.0025, cap: 0.02 },
    });
    expect(json.revenue).toEqual({ volatility: 0.1, correlation: -0.5, contributionMargin: 0.4 });
  });

  test.each([
    [['--paths', '0'], '--paths'],
    [['--paths', '1000001'], '--paths'],
    [['--paths', 'many'], '--paths'],
    [['--seed', '-1'], '--seed'],
    [['--seed', '1.5'], '--seed'],
    [['--volatility', '9'], '--volatility'],
    [['--correlation', '2'], '--correlation'],
    [['--workers', '0'], '--workers'],
  ])('bad options are usage errors (exit 2): %s', (args, option) => {
    const { code, err, out } = runCli('montecarlo', LODGING, ...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(option);
  });

  test('-o adds the モンテカルロ sheet to the results workbook of `run`, seed and probabilities as in --json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-mc-wb-'));
    const results = join(dir, 'results.xlsx');
    const withMc = join(dir, 'with-mc.xlsx');
    expect(runCli('run', LODGING, '-o', results).code).toBe(0);
    // The run's workbook holds no input tables, so the case comes from the JSON file.
    const json = join(dir, 'mc.json');
    const r = runCli(
      'montecarlo',
      LODGING,
      '--paths',
      '200',
      '--seed',
      '5',
      '--json',
      json,
      '-o',
      withMc,
    );
    expect(r.code).toBe(0);
    const mc = JSON.parse(readFileSync(json, 'utf8'));
    const snapshot = readXlsxSnapshot(readFileSync(withMc));
    const checks = snapshot.tables.find((t) => t.name === 'RateShockMonteCarloChecks')!;
    const dscr = checks.rows.find(
      (row) => row[0] === 'status-quo' && String(row[2]).startsWith('DSCR'),
    )!;
    const expected = mc.strategies[0].checks.find((c: { id: string }) => c.id === 'dscr');
    expect(dscr[4]).toBe(expected.probability);
    expect(dscr[6]).toBe(expected.failures);
    const bands = snapshot.tables.find((t) => t.name === 'RateShockMonteCarloBands')!;
    expect(bands.rows).toHaveLength(mc.strategies.length * mc.fiscalYears.length * 6);
    expect(snapshot.sheetNames).toEqual(['モンテカルロ']);

    // Into a workbook of `run`: its sheets stay, the モンテカルロ sheet is added.
    const both = join(dir, 'both.xlsx');
    const input = join(dir, 'input.xlsx');
    expect(runCli('template', '-o', input).code).toBe(0);
    expect(runCli('run', input, '-o', results).code).toBe(0);
    expect(runCli('montecarlo', results, '--paths', '50', '-o', both).code).toBe(0);
    const names = readXlsxSnapshot(readFileSync(both)).sheetNames;
    expect(names).toContain('結果サマリー');
    expect(names).toContain('借入一覧');
    expect(names[names.length - 1]).toBe('モンテカルロ');
  });

  test('a missing case file is an input error (exit 1)', () => {
    const { code, err } = runCli('montecarlo', join(tmpdir(), 'no-such-case.json'));
    expect(code).toBe(1);
    expect(err).toContain('no such file');
  });
});
