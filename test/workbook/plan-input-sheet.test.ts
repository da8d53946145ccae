import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCaseFile } from '../../engine';
import {
  PatchValue,
  WorkbookPatch,
  describeCellError,
  inputTemplate,
  readCase,
  scenarioTemplate,
} from '../../workbook';
import { snapshotOfPatch } from '../support/patch-snapshot';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const council = (): Json =>
  JSON.parse(
    readFileSync(join(__dirname, '../../scenarios/council-pro-rata.case.json'), 'utf8'),
  ) as Json;

/** The council case typed into the sheets: the usual sheets by scenarioTemplate, 再生計画 by hand. */
function councilWorkbook(
  edit: (tables: Record<string, PatchValue[][]>) => void = () => {},
  editSettings: (values: Record<string, PatchValue>) => void = () => {},
) {
  const raw = council();
  const plain = JSON.parse(JSON.stringify(raw)) as Json;
  for (const key of [
    'collateral',
    'liquidation',
    'adjustments',
    'monthlyProfile',
    'cashTableMonths',
  ])
    delete plain[key];
  for (const key of ['netIncome', 'capex', 'workingCapitalChange']) delete plain.base[key];
  for (const loan of plain.loans) delete loan.guaranteeCoverage;
  for (const s of plain.strategies)
    s.actions = s.actions.filter((a: Json) => a.kind !== 'pro-rata-plan');
  const typed = scenarioTemplate(plain);
  if (!typed.ok) throw new Error(typed.errors.join('\n'));
  const patch: WorkbookPatch = typed.patch;
  const table = (name: string) =>
    patch.sheets.flatMap((s) => s.tables).find((t) => t.name === name)!;
  const basis = { balance: '残高プロラタ', unsecured: '非保全残高プロラタ' } as Record<
    string,
    string
  >;
  const rows: Record<string, PatchValue[][]> = {
    PlanActions: raw.strategies.flatMap((s: Json) =>
      s.actions
        .filter((a: Json) => a.kind === 'pro-rata-plan')
        .map((a: Json) => [
          s.id,
          null,
          a.select.lenders.join(', '),
          basis[a.basis],
          a.fcfShare,
          a.minCashMonths,
          a.guaranteeCountsAsSecured ? 'はい' : 'いいえ',
          a.terminalRecoveryRate,
          a.firstYear ?? null,
        ]),
    ),
    Guarantees: raw.loans
      .filter((l: Json) => l.guaranteeCoverage !== undefined)
      .map((l: Json) => [l.id, l.guaranteeCoverage]),
    Collateral: raw.collateral.flatMap((c: Json) =>
      c.liens.map((lien: Json, k: number) => [
        c.id,
        k === 0 ? '不動産' : null,
        k === 0 ? c.value : null,
        k === 0 ? c.haircut : null,
        lien.lender,
        lien.rank,
        null,
      ]),
    ),
    Liquidation: raw.liquidation.assets.map((a: Json) => [
      a.item,
      a.bookValue,
      a.haircut ?? null,
      a.value ?? null,
      a.collateralId ?? null,
    ]),
    Adjustments: raw.adjustments.map((a: Json) => [a.item, a.amount, a.note ?? null]),
  };
  edit(rows);
  for (const [name, r] of Object.entries(rows)) table(name).rows = r;
  const settings = table('PlanSettings');
  const values: Record<string, PatchValue> = {
    'base.netIncome': raw.base.netIncome,
    'base.capex': raw.base.capex,
    'base.workingCapitalChange': raw.base.workingCapitalChange,
    'liquidation.priorityClaims': raw.liquidation.priorityClaims,
    'liquidation.otherGeneralLiabilities': raw.liquidation.otherGeneralLiabilities,
    cashTableMonths: raw.cashTableMonths,
    'monthlyProfile.collectionMonths': raw.monthlyProfile.collectionMonths,
    'monthlyProfile.paymentMonths': raw.monthlyProfile.paymentMonths,
    ...Object.fromEntries(
      raw.monthlyProfile.seasonality.map((w: number, k: number) => [
        `monthlyProfile.seasonality[${k}]`,
        w,
      ]),
    ),
  };
  editSettings(values);
  settings.rows = settings.rows.map((r) => [r[0], r[1], values[String(r[1])] ?? null, r[3]]);
  return snapshotOfPatch(patch);
}

describe('the 再生計画 input sheet', () => {
  test('the template has it, empty, and still reads into the same case as before', () => {
    const template = inputTemplate();
    const sheet = template.sheets.find((s) => s.name === '再生計画')!;
    expect(sheet.tables.map((t) => t.name)).toEqual([
      'PlanActions',
      'Guarantees',
      'Collateral',
      'Liquidation',
      'Adjustments',
      'PlanSettings',
    ]);
    const read = readCase(snapshotOfPatch(template));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.case.collateral).toBeUndefined();
  });

  test('the council case typed into the sheets reads into the same Case as its JSON file', () => {
    const fromJson = parseCaseFile(council());
    if (!fromJson.ok) throw new Error(JSON.stringify(fromJson.errors));
    const fromSheets = readCase(councilWorkbook());
    if (!fromSheets.ok) throw new Error(fromSheets.errors.map(describeCellError).join('\n'));
    expect(fromSheets.case).toEqual(fromJson.value);
  });

  test('scenarioTemplate types the council case, 再生計画 included, and it reads back equal', () => {
    const typed = scenarioTemplate(council());
    if (!typed.ok) throw new Error(typed.errors.join('\n'));
    const sheet = typed.patch.sheets.find((s) => s.name === '再生計画')!;
    const rowsOf = (name: string) => sheet.tables.find((t) => t.name === name)!.rows;
    expect(rowsOf('PlanActions')).toHaveLength(3);
    expect(rowsOf('PlanActions')[0].slice(0, 4)).toEqual([
      'plan-balance',
      null,
      'みどり銀行, さくら信用金庫, あおば銀行',
      '残高プロラタ',
    ]);
    const read = readCase(snapshotOfPatch(typed.patch));
    if (!read.ok) throw new Error(read.errors.map(describeCellError).join('\n'));
    const fromJson = parseCaseFile(council());
    expect(fromJson.ok && read.case).toEqual(fromJson.ok && fromJson.value);
  });

  test('a plan starting in a later year (開始年度) types into the sheet and reads back equal', () => {
    const late = council();
    late.strategies[1].actions.find((a: Json) => a.kind === 'pro-rata-plan').firstYear = 2029;
    const fromJson = parseCaseFile(late);
    if (!fromJson.ok) throw new Error(JSON.stringify(fromJson.errors));
    const typed = scenarioTemplate(late);
    if (!typed.ok) throw new Error(typed.errors.join('\n'));
    const sheet = typed.patch.sheets.find((s) => s.name === '再生計画')!;
    const actions = sheet.tables.find((t) => t.name === 'PlanActions')!;
    // The ninth column (I) is 開始年度 (strategies[1] holds the first plan row): blank for the
    // plans that start in the first plan year.
    expect(actions.rows.map((r) => r[8])).toEqual([2029, null, null]);
    const read = readCase(snapshotOfPatch(typed.patch));
    if (!read.ok) throw new Error(read.errors.map(describeCellError).join('\n'));
    expect(read.case).toEqual(fromJson.value);
    expect(
      read.case.strategies[1].actions.map((a) => ('firstYear' in a ? a.firstYear : 0)),
    ).toContain(2029);
  });

  test('a bad 開始年度 is named by its cell', () => {
    const errorsOf = (value: PatchValue) => {
      const read = readCase(councilWorkbook((rows) => (rows.PlanActions[1][8] = value)));
      return read.ok ? [] : read.errors.map(describeCellError);
    };
    // The second plan's row is 6; 開始年度 is column I.
    expect(errorsOf(2029.5)).toEqual([expect.stringMatching(/^再生計画!I6: /)]);
    expect(errorsOf('来年')).toEqual([expect.stringMatching(/^再生計画!I6: /)]);
    expect(errorsOf(1990)).toEqual([expect.stringMatching(/^再生計画!I6: .*fiscal year/)]);
    expect(errorsOf(2029)).toEqual([]);
  });

  test('a workbook without the sheet reads as before', () => {
    const patch = inputTemplate();
    patch.sheets = patch.sheets.filter((s) => s.name !== '再生計画');
    expect(readCase(snapshotOfPatch(patch)).ok).toBe(true);
  });

  test('bad plan cells are named by sheet!cell', () => {
    const read = readCase(
      councilWorkbook((rows) => {
        rows.Collateral[0][3] = 1.2; // 掛目 120 %
        rows.Collateral[1][4] = '存在しない銀行';
        rows.PlanActions[0][4] = 1.5; // 返済原資率 150 %
        rows.Liquidation[1][2] = null; // neither 掛目 nor 清算価値
        rows.Guarantees[0][0] = 'X9';
      }),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const messages = read.errors.map(describeCellError);
    const find = (text: string) => messages.find((m) => m.includes(text));
    expect(find('再生計画!Q5')).toMatch(/掛目/);
    expect(find('再生計画!R6')).toMatch(/担保権者/);
    expect(find('再生計画!E5')).toMatch(/返済原資率/);
    expect(find('再生計画!K5')).toMatch(/借入ID/);
    expect(messages.some((m) => /再生計画!.+6: .*清算価値/.test(m))).toBe(true);
  });

  test('bad monthly-profile cells are named by sheet!cell', () => {
    const errorsOf = (edit: (v: Record<string, PatchValue>) => void) => {
      const read = readCase(councilWorkbook(undefined, edit));
      return read.ok ? [] : read.errors.map(describeCellError);
    };
    // The settings table's value column is AH, its first item on row 5: weights on rows 13–24.
    expect(errorsOf((v) => (v['monthlyProfile.seasonality[3]'] = -1))).toEqual([
      expect.stringMatching(/^再生計画!AH16: .*0/),
    ]);
    expect(errorsOf((v) => (v['monthlyProfile.seasonality[5]'] = null))).toEqual([
      expect.stringMatching(/^再生計画!AH18: .*入力してください/),
    ]);
    expect(
      errorsOf((v) => {
        for (let k = 0; k < 12; k++) v[`monthlyProfile.seasonality[${k}]`] = 0;
      }),
    ).toEqual([expect.stringMatching(/^再生計画!AH13: .*all 0/)]);
    expect(errorsOf((v) => (v['monthlyProfile.collectionMonths'] = 13))).toEqual([
      expect.stringMatching(/^再生計画!AH11: .*12/),
    ]);
    expect(errorsOf((v) => (v.cashTableMonths = 18))).toEqual([
      expect.stringMatching(/^再生計画!AH10: .*12 or 24/),
    ]);
    // All twelve blank: no profile, the 資金繰り表 flat.
    const flat = readCase(
      councilWorkbook(undefined, (v) => {
        for (let k = 0; k < 12; k++) v[`monthlyProfile.seasonality[${k}]`] = null;
      }),
    );
    expect(flat.ok && flat.case.monthlyProfile).toEqual({
      seasonality: Array(12).fill(1),
      collectionMonths: 2,
      paymentMonths: 1,
    });
  });
});
