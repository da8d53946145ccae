/**
 * A few random loans through the compiled CLI (`schedule <file> --json`), so the reading path —
 * percent strings, resets, defaults — is held against the independent reference too.
 * Needs `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { RefLoan, referenceSchedule } from './schedule-reference';
import { referenceLoan } from './schedule-reference-loans';

const MAIN = join(__dirname, '../../dist/cli/main.js');

/** The loan file the CLI reads: the rate as a percent string, each change as a reset. */
function loanFile(loan: RefLoan): object {
  const percent = (rate: number) => `${(Math.round(rate * 1e7) / 1e5).toFixed(5)}%`;
  const resets = loan.rates
    .map((rate, k) => ({ fromPeriod: k + 1, annualRate: percent(rate) }))
    .filter((_, k) => k > 0 && loan.rates[k] !== loan.rates[k - 1]);
  return {
    principal: loan.principal,
    annualRate: percent(loan.rates[0]),
    termMonths: loan.termMonths,
    graceMonths: loan.graceMonths,
    method: loan.method,
    dayCount: loan.dayCount,
    startDate: loan.startDate,
    guaranteeFeeRate: loan.guaranteeFeeRate,
    guaranteeFeePayment: loan.guaranteeFeePayment,
    businessDay: loan.businessDay,
    resets,
  };
}

describe('the compiled CLI schedule against the independent reference', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rateshock-reference-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the reference schedule for random loans', () => {
    let n = 0;
    fc.assert(
      fc.property(
        referenceLoan.map((l) => ({ ...l, prepayment: undefined })),
        (loan) => {
          const file = join(dir, `loan-${n++}.json`);
          writeFileSync(file, JSON.stringify(loanFile(loan)));
          const out = execFileSync(process.execPath, [MAIN, 'schedule', file, '--json'], {
            encoding: 'utf8',
          });
          const printed = JSON.parse(out) as {
            rows: Record<string, number | string>[];
            upfrontFee: number;
            totals: Record<string, number>;
          };
          const expected = referenceSchedule(loan);
          expect(printed.rows).toEqual(
            expected.rows.map((r) => ({
              period: r.period,
              date: r.date,
              opening: r.opening,
              interest: r.interest,
              principal: r.principal,
              fee: r.fee,
              payment: r.interest + r.principal,
              closing: r.closing,
            })),
          );
          expect(printed.upfrontFee).toBe(expected.upfrontFee);
          expect(printed.totals.fee).toBe(
            expected.rows.reduce((s, r) => s + r.fee, 0) + expected.upfrontFee,
          );
        },
      ),
      { seed: 20261207, numRuns: 8 },
    );
  });
});
