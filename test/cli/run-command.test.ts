import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempFile } from '../support/temp-files';
import { runCli } from './run-cli';

const LODGING = join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json');

type Cell = {
  strategy: string;
  shock: string;
  mode: string;
  years: { interest: number }[];
  summary: {
    lowestDscr: number;
    eligible: boolean;
    failedChecks: string[];
    debtYearsAtEnd: number;
    totalInterest: number;
  };
  eligibility: { rule: string; messageEn: string }[];
};

function runJson(path: string): { code: number; cells: Cell[]; out: string; err: string } {
  const out = join(mkdtempSync(join(tmpdir(), 'rateshock-run-')), 'out.json');
  const r = runCli('run', path, '--json', out);
  return { ...r, cells: r.code === 0 ? JSON.parse(readFileSync(out, 'utf8')).cells : [] };
}

describe('rateshock run', () => {
  test('the lodging workshop case teaches its lesson', () => {
    const { code, cells, err } = runJson(LODGING);
    expect(err).toBe('');
    expect(code).toBe(0);
    const cell = (strategy: string, shock: string) =>
      cells.find((c) => c.strategy === strategy && c.shock === shock)!;
    // The status quo clears DSCR 1.0 unshocked but not at +1.00 %…
    expect(cell('status-quo', '±0').summary.lowestDscr).toBeGreaterThanOrEqual(1);
    expect(cell('status-quo', '+1.00%').summary.lowestDscr).toBeLessThan(1);
    expect(cell('status-quo', '+1.00%').summary.failedChecks).toContain('dscr');
    // …and the 20-year crisis-recovery loan restores it, the borrower being eligible: at the
    // assumed 20-year 2.90 % the lowest DSCR is 1.12, but 債務償還年数 at plan end is 10.5 (> 10).
    expect(cell('crisis-20y', '+1.00%').summary.lowestDscr).toBeCloseTo(1.12, 2);
    expect(cell('crisis-20y', '+1.00%').summary.debtYearsAtEnd).toBeCloseTo(10.5, 1);
    expect(cell('crisis-20y', '+1.00%').summary.failedChecks).toEqual(['debt-years-at-end']);
    expect(cell('crisis-20y', '+1.00%').summary.eligible).toBe(true);
    // Two warnings: the 20-year rate is assumed; B1 (equipment, 19 years left) is not crisis-era.
    const warnings = cell('crisis-20y', '+1.00%').eligibility;
    expect(warnings.map((e) => e.rule)).toEqual(['rate-term', 'refinances-crisis-era-debt']);
    expect(warnings[1].messageEn).toContain('B1 (228 months (19 years) left)');
    // Five years of interest: 31,818,285 yen against the status quo's 23,872,092 (unshocked).
    expect(cell('crisis-20y', '±0').summary.totalInterest).toBe(31_818_285);
    expect(cell('status-quo', '±0').summary.totalInterest).toBe(23_872_092);
  });

  test('the manufacturer case: a DDS resolves 実質債務超過 within 5 years where profits alone do not', () => {
    const { code, cells } = runJson(join(__dirname, '../../scenarios/manufacturer-dds.case.json'));
    expect(code).toBe(0);
    const at = (strategy: string) =>
      cells.find((c) => c.strategy === strategy && c.shock === '±0')!;
    expect(at('status-quo').summary.failedChecks).toContain('solvency-within');
    expect(at('dds-50m').summary.failedChecks).not.toContain('solvency-within');
    expect(at('dds-50m').summary.lowestDscr).toBeGreaterThan(at('status-quo').summary.lowestDscr);
  });

  test('the apparel case: one long loan per bank brings DSCR above 1.0, even at +2.00 %', () => {
    const { code, cells } = runJson(
      join(__dirname, '../../scenarios/apparel-consolidation.case.json'),
    );
    expect(code).toBe(0);
    const at = (strategy: string, shock: string) =>
      cells.find((c) => c.strategy === strategy && c.shock === shock)!;
    expect(at('status-quo', '±0').summary.lowestDscr).toBeLessThan(1);
    expect(at('per-bank-15y', '+2.00%').summary.lowestDscr).toBeGreaterThanOrEqual(1);
  });

  test('the terminal shows the grid with Japanese labels', () => {
    const { code, out } = runCli('run', LODGING);
    expect(code).toBe(0);
    expect(out).toContain('最低DSCR');
    expect(out).toContain('危機対応後経営安定貸付 20年に一本化');
    expect(out).toContain('+1.00%');
  });

  test('--detail prints every cell year by year', () => {
    const { code, out } = runCli('run', LODGING, '--detail');
    expect(code).toBe(0);
    expect(out).toMatch(/現状維持 \/ status quo — \+1\.00%\n決算期 \/ FY +経常利益/);
    // Five plan years per cell: 2 strategies × 5 shock columns = 10 tables, plus the
    // ローカルベンチマーク table of the status quo.
    expect(out.match(/^2031年3月期/gm)).toHaveLength(11);
    expect(out).toMatch(/ローカルベンチマーク \/ local benchmark — 現状維持 \/ status quo ±0/);
  });

  test('the eligibility column: △ for the eligible refinancing with warnings, — for the status quo', () => {
    const { out } = runCli('run', LODGING);
    const line = (start: string) => out.split('\n').find((l) => l.startsWith(start))!;
    expect(line('現状維持 / status quo').trimEnd()).toMatch(/—$/);
    expect(line('危機対応後経営安定貸付 20年に一本化').trimEnd()).toMatch(/△ 要確認$/);
  });

  test('--json lists the program terms used, each sourced or assumed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-terms-'));
    const path = join(dir, 'out.json');
    expect(runCli('run', LODGING, '--json', path).code).toBe(0);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    const terms = json.programTerms[0].terms as { term: string; basis: string; value: unknown }[];
    expect(terms.find((t) => t.term === 'rate.termRates.240')).toMatchObject({
      value: 0.029,
      basis: 'assumed',
    });
    expect(terms.find((t) => t.term === 'rate.baseRate')).toMatchObject({
      value: 0.023,
      basis: 'source',
    });
  });

  test('a misspelt field inside a loan or its rate rule is an error with a did-you-mean', () => {
    const c = JSON.parse(readFileSync(LODGING, 'utf8'));
    c.loans[0].graceMonth = 6;
    c.loans[1].rate.sprad = 0.01;
    const { code, err } = runCli('run', tempFile('case.json', c));
    expect(code).toBe(1);
    expect(err).toMatch(
      /loans\[0\]\.graceMonth: is not a known field \(did you mean "graceMonths"\?\)/,
    );
    expect(err).toMatch(
      /loans\[1\]\.rate\.sprad: is not a known field \(did you mean "spread"\?\)/,
    );
  });

  test('an ineligible refinancing is flagged with the reason and the numbers', () => {
    const c = JSON.parse(readFileSync(LODGING, 'utf8'));
    c.strategies[1].actions[0].termMonths = 228; // not longer than B1's remaining 228 months
    c.facts.hasCrisisEraDebt = false;
    const { code, cells } = runJson(tempFile('case.json', c));
    expect(code).toBe(0);
    const crisis = cells.find((x) => x.strategy === 'crisis-20y')!;
    expect(crisis.summary.eligible).toBe(false);
    const messages = (crisis.eligibility as { messageEn: string }[])
      .map((e) => e.messageEn)
      .join('\n');
    expect(messages).toMatch(/228 months/);
    expect(messages).toMatch(/crisis/i);
  });

  test('bad case input: every error listed with its JSON path, exit 1', () => {
    const c = JSON.parse(readFileSync(LODGING, 'utf8'));
    c.strategies[1].actions[0].programId = 'no-such-program';
    c.loans[1].principal = null;
    c.plan[2] = { revenue: 184000 };
    c.thresholds = { minDscr: -1 };
    const { code, err } = runCli('run', tempFile('case.json', c));
    expect(code).toBe(1);
    expect(err).toMatch(/loans\[1\]\.principal: is required/);
    expect(err).toMatch(/plan\[2\]\.operatingProfit: is required/);
    expect(err).toMatch(/thresholds\.minDscr: must be at least 0/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  test("a case can override a program's terms (rates move monthly); bad overrides are errors with their path", () => {
    const c = JSON.parse(readFileSync(LODGING, 'utf8'));
    const interestAt = (overrides: unknown) => {
      const withOverride = { ...c, programs: overrides };
      const { code, cells, err } = runJson(tempFile('case.json', withOverride));
      expect(err).toBe('');
      expect(code).toBe(0);
      return cells.find((x) => x.strategy === 'crisis-20y' && x.shock === '±0')!.years[0]
        .interest as number;
    };
    const published = interestAt({});
    const higher = interestAt({ 'crisis-recovery-stabilization': { rate: { baseRate: '2.80%' } } });
    // 250,000,000 yen refinanced: 0.5 % more on roughly 245,000,000 of average balance ≈ 1,220,000 more a year.
    expect(higher - published).toBeGreaterThan(1_150_000);
    expect(higher - published).toBeLessThan(1_300_000);

    const bad = runCli(
      'run',
      tempFile('case.json', {
        ...c,
        programs: { 'crisis-recovery-stabilization': { colour: 'red' }, 'no-such': {} },
      }),
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(
      /programs\.crisis-recovery-stabilization\.colour: is not a key that can be overridden/,
    );
    expect(bad.err).toMatch(/programs\.no-such: is not a program of the catalog/);
  });

  test('an unknown program is named by its strategy path', () => {
    const c = JSON.parse(readFileSync(LODGING, 'utf8'));
    c.strategies[1].actions[0].programId = 'no-such-program';
    const { code, err } = runCli('run', tempFile('case.json', c));
    expect(code).toBe(1);
    expect(err).toMatch(
      /strategies\[1\]\.actions\[0\]\.programId: is not a program of the catalog \(value: "no-such-program"\)/,
    );
  });
});
