import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFile } from '../support/temp-files';
import { runCli } from './run-cli';

const WORKSHOP = join(__dirname, '../../scenarios/workshop-stack.json');

/** One floating loan: 1億円 bullet on 短プラ + 0.5 %, reset every 6 months from 2027-06-01. */
const oneFloatingLoan = {
  name: 'one loan',
  asOf: '2026-12-01',
  fiscalYearEndMonth: 3,
  indexes: { 'short-prime': '2.0%' },
  loans: [
    {
      principal: 100_000_000,
      termMonths: 12,
      method: 'bullet',
      dayCount: '30/360',
      rate: {
        type: 'floating',
        index: 'short-prime',
        spread: '0.5%',
        resetEveryMonths: 6,
        nextResetDate: '2027-06-01',
      },
    },
  ],
};

describe('rateshock shocks', () => {
  test('realistic mode waits for the reset; full reprice does not', () => {
    const { code, out, err } = runCli(
      'shocks',
      tempFile('stack.json', oneFloatingLoan),
      '--json',
      '--shocks',
      '1',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.fiscalYears).toEqual(['2027年3月期', '2028年3月期']);
    const [realistic, full] = json.cells;
    expect(realistic.mode).toBe('realistic');
    // 30/360: a month's interest is 1億 × rate / 12; +1 % adds 83,333 yen a month once it applies.
    // Realistic: the Jun 1 reset reaches the 6 periods from Jun 2027 → Dec 2027: 6 × 83,333 = 499,998,
    // all in 2028年3月期 (payments Jul … Dec 2027).
    expect(realistic.extraInterest).toEqual([0, 499_998]);
    // Full reprice: all 12 months — payments Jan … Mar 2027 (3) and Apr … Dec 2027 (9).
    expect(full.extraInterest).toEqual([3 * 83_333, 9 * 83_333]);
    expect(json.base.interest).toEqual([3 * 208_333, 9 * 208_333]);
  });

  test('the workshop stack runs the standard set in both modes', () => {
    const { code, out } = runCli('shocks', WORKSHOP, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.cells.map((c: { label: string; mode: string }) => `${c.label} ${c.mode}`)).toEqual([
      '+0.25% realistic',
      '+0.25% full-reprice',
      '+0.50% realistic',
      '+0.50% full-reprice',
      '+1.00% realistic',
      '+1.00% full-reprice',
      '+2.00% realistic',
      '+2.00% full-reprice',
    ]);
    const byKey = Object.fromEntries(
      json.cells.map((c: { label: string; mode: string; totalExtraInterest: number }) => [
        `${c.label} ${c.mode}`,
        c.totalExtraInterest,
      ]),
    );
    // Fixed loans (B2, J1, J2) do not move in realistic mode, so full reprice costs more.
    expect(byKey['+1.00% full-reprice']).toBeGreaterThan(byKey['+1.00% realistic']);
    const realistic = json.cells[4];
    expect(realistic.extraInterestByLoan.B2).toBe(0);
    expect(realistic.extraInterestByLoan.J1).toBe(0);
    expect(realistic.extraInterestByLoan.B1).toBeGreaterThan(0);
  });

  test('fiscal-year figures per loan add up to the stack, and closing balances run off to zero', () => {
    const json = JSON.parse(runCli('shocks', WORKSHOP, '--json').out);
    const loans = Object.values(json.baseByLoan) as {
      interest: number[];
      principal: number[];
      closing: number[];
    }[];
    json.fiscalYears.forEach((_: string, y: number) => {
      expect(loans.reduce((s, l) => s + l.interest[y], 0)).toBe(json.base.interest[y]);
      expect(loans.reduce((s, l) => s + l.closing[y], 0)).toBe(json.base.closing[y]);
    });
    // All principal is repaid: 149,000,000 yen of balances in the workshop stack.
    expect(json.base.principal.reduce((a: number, b: number) => a + b, 0)).toBe(149_000_000);
    expect(json.base.closing[json.base.closing.length - 1]).toBe(0);
    // The balance at the first year end is what is left after the principal paid that year.
    expect(json.base.closing[0]).toBe(149_000_000 - json.base.principal[0]);
  });

  test('the terminal table shows both modes with bilingual titles', () => {
    const { code, out } = runCli('shocks', WORKSHOP, '--years', '3');
    expect(code).toBe(0);
    expect(out).toContain('現実ベース');
    expect(out).toContain('一斉改定');
    expect(out).toMatch(/2027年3月期/);
    expect(out).toContain('+2.00%');
  });

  test('custom shocks replace the standard set', () => {
    const { out } = runCli(
      'shocks',
      WORKSHOP,
      '--json',
      '--shocks',
      '0.1,0.3',
      '--mode',
      'realistic',
    );
    expect(JSON.parse(out).cells.map((c: { label: string }) => c.label)).toEqual([
      '+0.10%',
      '+0.30%',
    ]);
  });

  test('bad stack input names the loan and field', () => {
    const stack = JSON.parse(readFileSync(WORKSHOP, 'utf8'));
    stack.loans[2].principal = -1;
    stack.loans[3].rate = { type: 'floating', index: 'libor' };
    const { code, err } = runCli('shocks', tempFile('stack.json', stack));
    expect(code).toBe(1);
    expect(err).toMatch(/loans\[2\]\.principal: must be a positive amount \(value: -1\)/);
    expect(err).toMatch(/loans\[3\]\.rate\.index: must be one of .*\(value: "libor"\)/);
  });

  test('bad --shocks is a usage error', () => {
    expect(runCli('shocks', WORKSHOP, '--shocks', 'abc').code).toBe(2);
  });
});
