import { parseCaseFile } from '../../../engine';
import { japanesePredicate } from '../../../workbook/messages';
import { poolCaseJson, runCase } from './fixtures';

const errorsOf = (json: unknown) => {
  const parsed = parseCaseFile(json);
  return parsed.ok ? [] : parsed.errors.map((e) => `${e.field}: ${e.message}`);
};

describe('council plan inputs', () => {
  const good = {
    ...poolCaseJson(),
    collateral: [
      {
        id: 'land',
        kind: 'real-estate',
        value: 80_000_000,
        haircut: '70%',
        liens: [{ lender: 'A銀行', rank: 1, loanIds: ['A1'] }],
      },
    ],
    liquidation: {
      assets: [
        { item: '売掛金', bookValue: 20_000_000, haircut: 0.7 },
        { item: '土地', bookValue: 60_000_000, value: 56_000_000, collateralId: 'land' },
      ],
      priorityClaims: 3_000_000,
      otherGeneralLiabilities: 10_000_000,
    },
    adjustments: [
      { item: '不良在庫', amount: -4_000_000, note: '2年超の滞留在庫' },
      { item: '代表者借入金', amount: 10_000_000 },
    ],
  };

  test('a good case reads: amounts in yen, adjustments summed into 実態修正', () => {
    const parsed = parseCaseFile(good);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.collateral![0]).toMatchObject({ haircut: 0.7, value: 80_000_000 });
    expect(parsed.value.base.netAssetAdjustments).toBe(6_000_000);
    expect(parsed.value.liquidation!.assets[1].value).toBe(56_000_000);
  });

  test('every mistake named by its JSON path, all at once', () => {
    const bad = JSON.parse(JSON.stringify(good));
    bad.collateral[0].liens[0].lender = 'Z銀行';
    bad.collateral[0].haircut = 1.2;
    bad.liquidation.assets[0] = { item: '棚卸資産', bookValue: 1_000_000 };
    bad.strategies[0].actions[0].fcfShare = 1.5;
    bad.base.netAssetAdjustments = 1;
    expect(errorsOf(bad).sort()).toEqual(
      [
        'collateral[0].haircut: must be a rate between 0% and 100% — write 2.3 % as 0.023 or "2.3%"',
        'strategies[0].actions[0].fcfShare: must be a rate between 0% and 100% — write 2.3 % as 0.023 or "2.3%"',
        'collateral[0].liens[0].lender: no loan of the stack has this lender',
        "collateral[0].liens[0].loanIds[0]: is a loan of A銀行, not of this lien's lender",
        'liquidation.assets[0].value: is required: give "value" (an amount) or "haircut" (掛目 on bookValue)',
        'adjustments: give either adjustments or base.netAssetAdjustments, not both',
      ].sort(),
    );
  });

  test('a pool with no loans, and a second plan, stop the run', () => {
    const json = poolCaseJson();
    json.strategies[0].actions[0] = {
      ...json.strategies[0].actions[0],
      select: { loanIds: ['J1'] } as never,
    };
    expect(() => runCase(json)).not.toThrow();
    const empty = poolCaseJson();
    empty.strategies[0].actions.push({ ...empty.strategies[0].actions[0] });
    expect(() => runCase(empty)).toThrow(
      /"strategies\[1\]\.actions\[1\]\.kind","message":"a strategy has at most one pro-rata-plan"/,
    );
    const refinanced = poolCaseJson();
    refinanced.strategies[0].actions.unshift({
      kind: 'refinance',
      select: { lender: 'A銀行' },
      programId: 'bank-loan',
      termMonths: 120,
      baseRate: '2%',
    } as never);
    refinanced.strategies[0].actions[1] = {
      ...refinanced.strategies[0].actions[1],
      select: { lenders: ['A銀行'] },
    };
    // (Paths count the status quo the reader puts first.) A銀行's loans were refinanced into a bank-loan program loan first: the pool is empty.
    expect(() => runCase(refinanced)).toThrow(
      /strategies\[1\]\.actions\[1\]\.select\.lenders\[0\]/,
    );
    expect(() => runCase(refinanced)).toThrow(/the pool has no loans/);
  });

  test('messages read in Japanese too', () => {
    expect(japanesePredicate('the pool has no loans')).toBe(
      'に該当する借入がありません (プロラタ返済の対象が空です)',
    );
    expect(
      japanesePredicate('is required: give "value" (an amount) or "haircut" (掛目 on bookValue)'),
    ).toBe('を入力してください (清算価値 または 掛目)');
  });
});
