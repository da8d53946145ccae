import seedrandom from 'seedrandom';
import {
  DEFAULT_PORTFOLIO_OPTIONS,
  FIRM_COLUMNS,
  PortfolioResults,
  emptyPortfolioPartial,
  firmCsvLine,
  mergePortfolioPartial,
  normalQuantile,
  readFirmCsvHeader,
  readFirmCsvLines,
  stressFirms,
  summarizePortfolio,
  syntheticFirms,
} from '../../../engine';

/** The generator's CSV text, as `rateshock portfolio generate` writes it. */
function csvLines(count: number, seed: string): string[] {
  return Array.from(syntheticFirms(count, seedrandom(seed)), firmCsvLine);
}

describe('synthetic portfolio', () => {
  test('same seed, same bytes; another seed, another portfolio', () => {
    const a = csvLines(3_000, 'seed-a').join('\n');
    expect(csvLines(3_000, 'seed-a').join('\n')).toBe(a);
    expect(csvLines(3_000, 'seed-b').join('\n')).not.toBe(a);
    // Pinned, so that a change to the generator (or to seedrandom) does not pass unnoticed.
    expect(csvLines(2, '1')).toEqual([
      'S000001,合成企業000001,情報通信業,9,3628443000,61474000,53830000,117694000,30%,333311000,612422000,371667000,1.455%,68,171270000,1.383%,220,5,0,,',
      'S000002,合成企業000002,建設業,3,204882000,-1490000,-1931000,7170000,30%,15569000,15052000,49963000,0.411%,150,0,,,,39862000,0.454%,191',
    ]);
  });

  test('normal quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
});

/**
 * The 96,000-firm reproduction of the 帝国データバンク table runs the compiled command line
 * (test/cli/portfolio-command.test.ts): under jest every global lookup (Math.floor in the
 * kernel) goes through the sandbox and the same work takes ten times as long. Here, a few
 * thousand firms through the same CSV text and chunks.
 */
describe('a synthetic portfolio under the standard shocks', () => {
  let results: PortfolioResults;
  const options = DEFAULT_PORTFOLIO_OPTIONS;

  beforeAll(() => {
    const header = readFirmCsvHeader(FIRM_COLUMNS, 1);
    if (!('header' in header)) throw new Error('bad header');
    const sum = emptyPortfolioPartial(options);
    let lines: string[] = [];
    let firstRow = 2;
    const flush = () => {
      const read = readFirmCsvLines(header.header, lines, firstRow);
      if (read.errorCount > 0) throw new Error(JSON.stringify(read.errors));
      mergePortfolioPartial(sum, stressFirms(read.firms, read.rows, options), options);
      firstRow += lines.length;
      lines = [];
    };
    for (const firm of syntheticFirms(3_000, seedrandom('small'))) {
      lines.push(firmCsvLine(firm));
      if (lines.length === 1_000) flush();
    }
    flush();
    results = summarizePortfolio(sum, options);
  });

  test("its averages are near the study's even at 3,000 firms (debt sizes spread evenly)", () => {
    expect(results.firms).toBe(3_000);
    expect(Math.abs(results.averages.debt / 271_000_000 - 1)).toBeLessThan(0.05);
    expect(Math.abs(results.averages.rate - 0.0104)).toBeLessThan(0.0003);
  });

  test('full reprice over a 365-day plan year costs exactly debt × shock (± a yen a month)', () => {
    const full = results.cells.filter((c) => c.mode === 'full-reprice');
    expect(full.map((c) => c.shock)).toEqual([0.0025, 0.005, 0.01, 0.02]);
    full.forEach((c) =>
      expect(Math.abs(c.averageExtraInterest - results.averages.debt * c.shock)).toBeLessThan(12),
    );
  });

  test('realistic mode costs less: fixed and JFC debt wait for maturity, floating for its reset', () => {
    for (const shock of options.shocks) {
      const [realistic, full] = results.cells.filter((c) => c.shock === shock);
      expect(realistic.mode).toBe('realistic');
      expect(realistic.averageExtraInterest).toBeLessThan(0.6 * full.averageExtraInterest);
      expect(realistic.averageExtraInterest).toBeGreaterThan(0.2 * full.averageExtraInterest);
      // JFC debt is drawn for 3 years or more: none matures in the plan year.
      expect(realistic.extraInterestByBucket.jfc).toBe(0);
      expect(full.extraInterestByBucket.jfc).toBeGreaterThan(0);
      expect(realistic.turnedLossMaking.count).toBeLessThan(full.turnedLossMaking.count);
    }
  });
});
