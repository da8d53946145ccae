import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCaseFile } from '../../engine';
import { WorkbookSnapshot, describeCellError, readCase, scenarioTemplate } from '../../workbook';
import { snapshotOfPatch } from '../support/patch-snapshot';

/**
 * The strong cross-check: a workshop case file typed into the input sheets the way a person
 * would (Japanese choices, "2.625%" rates, dates as in the template) by scenarioTemplate reads
 * into the very Case that parseCaseFile makes of the JSON file.
 */

type Json = Record<string, unknown>;

/** The case file typed into the template, as read back once written. */
function snapshotOfCaseFile(raw: Json): WorkbookSnapshot {
  const typed = scenarioTemplate(raw);
  if (!typed.ok) throw new Error(typed.errors.join('\n'));
  return snapshotOfPatch(typed.patch);
}

const DIR = join(__dirname, '../../scenarios');
const FILES = [
  'lodging-crisis-refinance.case.json',
  'manufacturer-dds.case.json',
  'apparel-consolidation.case.json',
];

describe('a workshop case typed into the sheets reads into the same Case as its JSON file', () => {
  test.each(FILES)('%s', (file) => {
    const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Json;
    const fromJson = parseCaseFile(raw);
    if (!fromJson.ok) throw new Error(JSON.stringify(fromJson.errors));
    const fromSheets = readCase(snapshotOfCaseFile(raw));
    if (!fromSheets.ok) throw new Error(fromSheets.errors.map(describeCellError).join('\n'));
    // toEqual: a bare "1.00%" in a file gives a shock without `from`, a row { from: undefined }.
    expect(fromSheets.case).toEqual(fromJson.value);
  });

  test('the lodging case: three loans in 千円, the crisis-recovery refinancing of all three', () => {
    const raw = JSON.parse(readFileSync(join(DIR, FILES[0]), 'utf8')) as Json;
    const read = readCase(snapshotOfCaseFile(raw));
    if (!read.ok) throw new Error(read.errors.map(describeCellError).join('\n'));
    const c = read.case;
    expect(c.stack.loans.map((l) => [l.id, l.terms.principal])).toEqual([
      ['Z1', 60_000_000],
      ['C1', 70_000_000],
      ['B1', 120_000_000],
    ]);
    expect(c.strategies[1].actions[0]).toMatchObject({
      kind: 'refinance',
      select: { loanIds: ['Z1', 'C1', 'B1'] },
      programId: 'crisis-recovery-stabilization',
      termMonths: 240,
    });
  });
});

describe('issue 13 loan fields and the prepay action typed into the sheets', () => {
  // The lodging case with an existing guaranteed loan (drawn 2020-07-10, 80,000 千円 then), a
  // swap on B1 (1.20 % to 2030-03-31 on 50,000 千円), a swap following C2's balance, an old
  // コロナ資本性劣後ローン K1 (0.50 % / 2.60 %, 0.50 % until 2027-03-31, no rate of its own) and
  // a prepayment of 10,000 千円 on B1 in September 2026 (期間短縮).
  const raw = JSON.parse(readFileSync(join(DIR, FILES[0]), 'utf8')) as Json;
  const loans = raw.loans as Json[];
  raw.loans = [
    {
      ...loans[0],
      drawdownDate: '2020-07-10',
      originalPrincipal: 80000,
      guaranteeFeePayment: 'lump-sum',
    },
    loans[1],
    { ...loans[2], swap: { fixedRate: '1.20%', endDate: '2030-03-31', notional: 50000 } },
    {
      ...loans[2],
      id: 'C2',
      name: '設備資金2',
      swap: { fixedRate: '1.10%', endDate: '2029-03-31', notional: 'loan' },
    },
    {
      id: 'K1',
      name: 'コロナ資本性劣後ローン',
      lender: '日本政策金融公庫',
      principal: 30000,
      termMonths: 60,
      method: 'bullet',
      drawdownDate: '2021-09-30',
      capitalType: {
        lossRate: '0.50%',
        profitRate: '2.60%',
        initialRate: '0.50%',
        initialUntil: '2027-03-31',
      },
    },
  ];
  raw.strategies = [
    ...(raw.strategies as Json[]),
    {
      id: 'P1',
      name: '繰上返済',
      actions: [
        {
          kind: 'prepay',
          select: { loanIds: ['B1'] },
          amount: 10000,
          date: '2026-09-10',
          effect: 'shorten-term',
        },
      ],
    },
  ];

  test('reads into the same Case as the JSON', () => {
    const fromJson = parseCaseFile(raw);
    if (!fromJson.ok) throw new Error(JSON.stringify(fromJson.errors));
    const fromSheets = readCase(snapshotOfCaseFile(raw));
    if (!fromSheets.ok) throw new Error(fromSheets.errors.map(describeCellError).join('\n'));
    expect(fromSheets.case).toEqual(fromJson.value);
    // The fields arrived (in yen: the case is in 千円), not merely dropped on both sides.
    const byId = new Map(fromSheets.case.stack.loans.map((l) => [l.id, l]));
    expect(byId.get('Z1')).toMatchObject({ originalPrincipal: 80_000_000 });
    expect(byId.get('Z1')!.terms.guaranteeFeePayment).toBe('lump-sum');
    expect(byId.get('B1')!.swap).toMatchObject({ fixedRate: 0.012, notional: 50_000_000 });
    expect(byId.get('C2')!.swap).toMatchObject({ notional: 'loan' });
    expect(byId.get('C2')!.swap!.fixedRate).toBeCloseTo(0.011, 12);
    const k1 = byId.get('K1')!.capitalType!;
    expect([k1.lossRate, k1.initialRate]).toEqual([0.005, 0.005]);
    expect(k1.profitRate).toBeCloseTo(0.026, 12);
    const p1 = fromSheets.case.strategies.find((s) => s.id === 'P1')!;
    expect(p1.actions[0]).toMatchObject({
      kind: 'prepay',
      select: { loanIds: ['B1'] },
      amount: 10_000_000,
      effect: 'shorten-term',
    });
  });
});
