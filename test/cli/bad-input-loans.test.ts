import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { tempFile } from '../support/temp-files';
import { japanesePredicate } from '../../workbook/messages';

const LODGING = join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Issue 13's bad inputs through `run`: exit 1, every error with its JSON path, nothing written.
 * The lodging case: Z1 floating (60,000 千円), C1 fixed, B1 floating; asOf 2026-03-31.
 */
const CASES: [string, (c: Json) => void, RegExp][] = [
  [
    'a swap on a fixed loan',
    (c) => (c.loans[1].swap = { fixedRate: '1%', endDate: '2027-03-31' }),
    /loans\[1\]\.swap: needs a floating-rate loan/,
  ],
  [
    'a swap longer than its loan',
    (c) => (c.loans[0].swap = { fixedRate: '1%', endDate: '2040-03-31' }),
    /loans\[0\]\.swap\.endDate: is after the loan's last payment/,
  ],
  [
    'an unknown calendar convention',
    (c) => (c.loans[0].businessDay = 'modified-following'),
    /loans\[0\]\.businessDay: must be one of "following", "preceding", "none"/,
  ],
  [
    'a prepayment over the balance',
    (c) =>
      c.strategies.push({
        id: 'prepay',
        actions: [
          {
            kind: 'prepay',
            select: { loanIds: ['Z1'] },
            amount: 70_000,
            date: '2026-09-30',
            effect: 'shorten-term',
          },
        ],
      }),
    /strategies\[\d\]\.actions\[0\]\.amount: exceeds the chosen loans' balance/,
  ],
  [
    'a drawdown date after the as-of date',
    (c) => (c.loans[0].drawdownDate = '2026-04-01'),
    /loans\[0\]\.drawdownDate: is after the analysis date asOf \(2026-03-31\)/,
  ],
  [
    'a balance above the original amount',
    (c) => (c.loans[0].originalPrincipal = 50_000),
    /loans\[0\]\.principal: \(the balance\) is above originalPrincipal \(50000000\)/,
  ],
];

describe('bad loans and actions: exit 1, the path named, nothing written', () => {
  test.each(CASES)('%s', (_title, edit, message) => {
    const c = JSON.parse(readFileSync(LODGING, 'utf8')) as Json;
    edit(c);
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-bad-'));
    const json = join(dir, 'out.json');
    const xlsx = join(dir, 'out.xlsx');
    const r = runCli('run', tempFile('case.json', c), '--json', json, '-o', xlsx);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect([existsSync(json), existsSync(xlsx)]).toEqual([false, false]);
  });
});

test('the new messages read in Japanese too (for cells of the workbook)', () => {
  expect(japanesePredicate('is after the analysis date asOf (2026-03-31)')).toBe(
    'が基準日 (2026-03-31) より後です: 既存借入の実行日は基準日以前にしてください',
  );
  expect(japanesePredicate('needs a floating-rate loan (this one is fixed)')).toBe(
    'は変動金利の借入にだけ付けられます (この借入は fixed)',
  );
  expect(japanesePredicate('(the balance) is above originalPrincipal (50000000)')).toBe(
    'が当初借入額 (50000000) を超えています',
  );
});
