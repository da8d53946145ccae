import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempFile } from '../support/temp-files';
import { runCli } from './run-cli';

const COUNCIL = join(__dirname, '../../scenarios/council-pro-rata.case.json');

describe('rateshock run on a council plan', () => {
  test('--json gives each plan cell its plan, with FCF re-derivable from the year rows', () => {
    const out = tempFile('x.json', '');
    const { code } = runCli('run', COUNCIL, '--json', out);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    const cell = json.cells.find(
      (c: { strategy: string; shock: string }) =>
        c.strategy === 'plan-unsecured' && c.shock === '+1.00%',
    );
    expect(Object.keys(cell.plan)).toEqual(
      expect.arrayContaining(['basis', 'liquidationRate', 'budget', 'lenders']),
    );
    expect(cell.plan.basis).toBe('unsecured');
    expect(Object.keys(cell.plan.lenders[0])).toEqual(
      expect.arrayContaining([
        'lender',
        'baseBalance',
        'secured',
        'unsecured',
        'share',
        'years',
        'liquidationRecovery',
        'planRecovery',
        'rational',
      ]),
    );
    expect(cell.plan.lenders[0].years[0]).toEqual({
      year: 2028,
      repayment: expect.any(Number),
      closing: expect.any(Number),
    });
    // Year 2's budget from year 1's row: floor(FCF × 80 %) − the JFC's 300万 of contract principal.
    const y1 = cell.years[0];
    const fcf = y1.netIncome + y1.depreciation - y1.capex - y1.workingCapitalChange;
    expect(cell.plan.budget[1]).toMatchObject({
      year: cell.years[1].fiscalYear,
      fcfPrior: fcf,
      budget: Math.floor(fcf * 0.8) - 3_000_000,
    });
    // The status quo has no plan.
    expect(json.cells[0].plan).toBeUndefined();
  });

  test('bad plan input: exit 1, every error with its JSON path, nothing written', () => {
    const c = JSON.parse(readFileSync(COUNCIL, 'utf8'));
    c.collateral[0].liens[1].lender = '存在しない銀行';
    c.collateral[0].haircut = '120%';
    c.strategies[1].actions[0].fcfShare = -0.1;
    delete c.liquidation.assets[1].haircut;
    const input = tempFile('case.json', c);
    const out = join(dirname(input), 'out.json');
    const { code, err } = runCli('run', input, '--json', out);
    expect(code).toBe(1);
    expect(err).toContain('collateral[0].liens[1].lender: no loan of the stack has this lender');
    expect(err).toContain('collateral[0].haircut: must be a rate between 0% and 100%');
    expect(err).toContain('strategies[1].actions[0].fcfShare: must be a rate between 0% and 100%');
    expect(err).toContain('liquidation.assets[1].value: is required');
    expect(existsSync(out)).toBe(false);
  });

  test('a pool with no loans: exit 1 naming the action', () => {
    const c = JSON.parse(readFileSync(COUNCIL, 'utf8'));
    c.strategies[1].actions[0].select = { loanIds: [] };
    const empty = runCli('run', tempFile('case.json', c));
    expect(empty.code).toBe(1);
    expect(empty.err).toContain(
      'strategies[1].actions[0].select.loanIds: must have at least 1 entry',
    );
    // Read, but no loan of the strategy is the pool's: the strategy step names it.
    c.strategies[1].actions[0].select = { lenders: ['日本政策金融公庫 (typo)'] };
    const { code, err } = runCli('run', tempFile('case.json', c));
    expect(code).toBe(1);
    expect(err).toContain('strategies[1].actions[0].select: the pool has no loans');
  });

  test('montecarlo refuses a plan strategy rather than dropping its pool', () => {
    const { code, err } = runCli('montecarlo', COUNCIL, '--paths', '10');
    expect(code).toBe(1);
    expect(err).toContain(
      'strategies[1]: has a pro-rata-plan, which montecarlo does not simulate yet: use run',
    );
  });
});
