import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { tempFile } from '../support/temp-files';

const LODGING = join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface LoanYear {
  interest: number;
  fees: number;
  feeRefund: number;
  principal: number;
}
interface Cell {
  strategy: string;
  shock: string;
  years: Record<string, number>[];
  loans: { loanId: string; kind: string; years: LoanYear[] }[];
}

function runJson(c: Json): Cell[] {
  const out = join(mkdtempSync(join(tmpdir(), 'rateshock-refund-')), 'out.json');
  const r = runCli('run', tempFile('case.json', c), '--json', out);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(readFileSync(out, 'utf8')) as { cells: Cell[] }).cells;
}

/** Per year: Σ (fees − feeRefund) over the loans is the projection's 保証料, and the loans' flows its debt service. */
function expectLoansAddUp(cells: Cell[]) {
  for (const cell of cells)
    cell.years.forEach((y, t) => {
      const sum = (f: (l: LoanYear) => number) => cell.loans.reduce((s, l) => s + f(l.years[t]), 0);
      expect(sum((l) => l.fees - l.feeRefund)).toBe(y.guaranteeFees);
      expect(sum((l) => l.interest + l.fees - l.feeRefund + l.principal)).toBe(y.debtService);
    });
}

const lodging = () => JSON.parse(readFileSync(LODGING, 'utf8')) as Json;

describe('run --json loans: 返戻保証料 on the loan it belongs to (feeRefund)', () => {
  test('the lodging case: fees less refunds add up to the projection, year by year', () => {
    const cells = runJson(lodging());
    expectLoansAddUp(cells);
    // Its loans pay 保証料 by instalments: nothing to refund.
    for (const cell of cells)
      for (const l of cell.loans) expect(l.years.every((y) => y.feeRefund === 0)).toBe(true);
  });

  test('Z1 paid its fee in one sum when drawn (2021): refinanced, 2,805,000 comes back in plan year 1, on Z1', () => {
    // Z1: 60,000 千円 left, 120 months, no grace (120 instalments → 分割係数 0.55), 0.85 %:
    // 60,000,000 × 0.0085 × 120/12 × 0.55 = 2,805,000 yen refunded when crisis-20y repays it.
    const c = lodging();
    c.loans[0].guaranteeFeePayment = 'lump-sum';
    c.loans[0].drawdownDate = '2021-03-31';
    const cells = runJson(c);
    expectLoansAddUp(cells);
    for (const cell of cells) {
      const z1 = cell.loans.filter((l) => l.loanId === 'Z1');
      expect(z1).toHaveLength(1);
      const refunds = z1[0].years.map((y) => y.feeRefund);
      if (cell.strategy === 'crisis-20y') {
        expect(refunds[0]).toBe(2_805_000);
        expect(refunds.slice(1).every((x) => x === 0)).toBe(true);
        // Repaid on the analysis date: nothing else on it.
        expect(z1[0].years.every((y) => y.interest + y.fees + y.principal === 0)).toBe(true);
      } else {
        // Kept: its fee was paid before the analysis date, nothing due, nothing back.
        expect(refunds.every((x) => x === 0)).toBe(true);
        expect(z1[0].years.every((y) => y.fees === 0)).toBe(true);
      }
    }
  });
});
