import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

type Year = Record<string, number>;
interface LoanYears {
  loanId: string;
  kind: string;
  years: {
    interest: number;
    fees: number;
    principal: number;
    closingBalance: number;
    rate: number | null;
  }[];
}

function runJson(path: string) {
  const out = join(mkdtempSync(join(tmpdir(), 'rateshock-run-')), 'out.json');
  const r = runCli('run', path, '--json', out);
  expect(r.code).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as {
    cells: { strategy: string; shock: string; years: Year[]; loans: LoanYears[] }[];
  };
}

describe('run --json: tax detail, non-operating items and figures per loan', () => {
  const { cells } = runJson(join(__dirname, '../../scenarios/manufacturer-dds.case.json'));

  test('each year carries the loss carry-forward used and closing, and the non-operating items', () => {
    for (const cell of cells)
      for (const y of cell.years) {
        for (const key of [
          'lossCarryForwardUsed',
          'lossCarryForwardClosing',
          'nonOperatingIncome',
          'nonOperatingExpense',
          'interestIncome',
        ])
          expect(Number.isInteger(y[key])).toBe(true);
        // Taxable income is what the losses did not absorb.
        if (y.ordinaryProfit > 0)
          expect(y.lossCarryForwardUsed).toBeLessThanOrEqual(y.ordinaryProfit);
      }
  });

  test('per-loan figures add up to the year, and closing balances to the debt', () => {
    for (const cell of cells) {
      cell.years.forEach((y, t) => {
        const sum = (f: (l: LoanYears['years'][number]) => number) =>
          cell.loans.reduce((s, l) => s + f(l.years[t]), 0);
        expect(sum((l) => l.interest)).toBe(y.interest);
        expect(sum((l) => l.fees)).toBe(y.guaranteeFees);
        expect(sum((l) => l.principal)).toBe(y.principal);
        const senior = cell.loans.filter((l) => l.kind === 'senior');
        expect(senior.reduce((s, l) => s + l.years[t].closingBalance, 0)).toBe(y.seniorDebt);
      });
      // A senior loan still owed has a rate at each year end (a capital-type loan's next rate
      // is decided by the next year's result, so its last plan year may show null).
      for (const l of cell.loans.filter((x) => x.kind === 'senior'))
        for (const y of l.years) if (y.closingBalance > 0) expect(y.rate).not.toBeNull();
    }
  });

  test('the extra interest of a shock is visible loan by loan', () => {
    const base = cells.find((c) => c.strategy === 'status-quo' && c.shock === '±0')!;
    const shocked = cells.find((c) => c.strategy === 'status-quo' && c.shock === '+1.00%')!;
    const extra = shocked.loans.map(
      (l, i) => l.years[0].interest - base.loans[i].years[0].interest,
    );
    expect(extra.reduce((a, b) => a + b, 0)).toBe(
      shocked.years[0].interest - base.years[0].interest,
    );
    expect(extra.some((x) => x > 0)).toBe(true);
  });
});
