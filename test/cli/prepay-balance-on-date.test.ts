import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { tempFile } from '../support/temp-files';

const LODGING = join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The lodging case (千円, asOf 2026-03-31): Z1 is 60,000 千円 over 120 months, equal principal,
 * 500,000 yen a month. A prepayment dated 2027-03-15 is paid with payment 12 (2027-03-31):
 * the balance after its scheduled principal is 60,000,000 − 12 × 500,000 = 54,000,000 yen.
 */
function runWithPrepayment(amount: number) {
  const c = JSON.parse(readFileSync(LODGING, 'utf8')) as Json;
  c.strategies.push({
    id: 'prepay',
    actions: [
      {
        kind: 'prepay',
        select: { loanIds: ['Z1'] },
        amount,
        date: '2027-03-15',
        effect: 'shorten-term',
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'rateshock-prepay-'));
  const json = join(dir, 'out.json');
  const xlsx = join(dir, 'out.xlsx');
  const r = runCli('run', tempFile('case.json', c), '--json', json, '-o', xlsx);
  return { r, written: [existsSync(json), existsSync(xlsx)] };
}

describe('run: a prepayment over the balance on its date', () => {
  test('57,000 千円 fits today’s 60,000 but not the 54,000 left on 2027-03-15: exit 1, nothing written', () => {
    const { r, written } = runWithPrepayment(57_000);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /strategies\[\d\]\.actions\[0\]\.amount: exceeds the chosen loans' balance on 2027-03-15 \(54000000\), after its scheduled principal/,
    );
    expect(written).toEqual([false, false]);
  });

  test('54,000 千円, the whole balance on that date, runs', () => {
    const { r } = runWithPrepayment(54_000);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});
