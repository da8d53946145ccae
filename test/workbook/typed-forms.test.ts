import { Case, parseIsoDate } from '../../engine';
import {
  METHOD_CHOICES,
  SnapshotValue,
  WorkbookSnapshot,
  describeCellError,
  excelSerial,
  inputTemplate,
  isBlank,
  readBool,
  readCase,
  readChoice,
  readDate,
  readNumber,
  readRate,
  tableHeaders,
  tableDef,
} from '../../workbook';
import { Edit, applyEdits, findTable, snapshotOfPatch } from '../support/patch-snapshot';

const template = snapshotOfPatch(inputTemplate());

const value = <T>(r: { ok: true; value: T } | { ok: false } | undefined): T | 'bad' | undefined =>
  r === undefined ? undefined : r.ok ? r.value : 'bad';

function read(snapshot: WorkbookSnapshot): Case {
  const r = readCase(snapshot);
  if (!r.ok) throw new Error(r.errors.map(describeCellError).join('\n'));
  return r.case;
}

const withEdits = (...edits: Edit[]) => read(applyEdits(template, edits));
const loanCell = (header: string, v: SnapshotValue): Edit => ({
  table: 'Loans',
  header,
  row: 0,
  value: v,
});
const inYen: Edit = { table: 'Settings', key: 'profile.units', value: '円' };

describe('what people type into cells', () => {
  test.each<[SnapshotValue, number | 'bad' | undefined]>([
    [2500000, 2500000],
    ['2500000', 2500000],
    ['2,500,000', 2500000],
    ['２，５００，０００', 2500000],
    ['２５０万', 'bad'],
    [' 12 ', 12],
    ['△5,000', -5000],
    ['▲5,000', -5000],
    ['(5,000)', -5000],
    ['1,8', 'bad'], // a decimal comma, never 18
    ['12,34,567', 'bad'], // commas that do not group thousands
    ['1,234.5', 1234.5],
    ['－３００', -300],
    ['−300', -300],
    ['1.5e3', 1500],
    ['abc', 'bad'],
    [true, 'bad'],
    [null, undefined],
    ['', undefined],
    ['\u3000', undefined],
  ])('amount %p → %p', (typed, expected) => {
    expect(value(readNumber(typed))).toBe(expected);
  });

  test.each<[SnapshotValue, number | 'bad' | undefined]>([
    [0.023, 0.023], // 2.3 % typed into a %-formatted cell
    ['0.023', 0.023],
    ['2.3%', 2.3 / 100],
    ['2.3％', 2.3 / 100],
    ['２．３％', 2.3 / 100],
    [' 2.3 % ', 2.3 / 100],
    ['-0.25%', -0.25 / 100],
    ['2.3', 2.3], // passed on: the engine refuses it as out of range, as in a case file
    ['1,8%', 'bad'], // a decimal comma: never 18 %
    ['１，８％', 'bad'],
    ['two', 'bad'],
    [null, undefined],
  ])('rate %p → %p', (typed, expected) => {
    expect(value(readRate(typed))).toBe(expected);
  });

  test.each<[SnapshotValue, string | 'bad' | undefined]>([
    [46112, '2026-03-31'], // an Excel serial date
    [46112.75, '2026-03-31'], // a date with a time
    [61, 'bad'], // serials before 1950 are numbers in a date cell, not dates of a loan
    [18264, '1950-01-01'],
    [2026, 'bad'], // a bare year (Excel would show 1905-07-18)
    ['2026', 'bad'],
    ['２０２６', 'bad'],
    ['平成40年1月1日', 'bad'], // 平成 ended in its 31st year
    ['H32.1.1', 'bad'],
    ['H31.5.1', 'bad'], // 令和 from 2019-05-01
    ['R1.4.30', 'bad'],
    ['R0.5.1', 'bad'],
    ['H1.1.7', 'bad'], // 平成 from 1989-01-08
    ['H1.1.8', '1989-01-08'],
    ['2026-03-31', '2026-03-31'],
    ['2026/3/31', '2026-03-31'],
    ['2026/03/31', '2026-03-31'],
    ['2026.3.31', '2026-03-31'],
    ['2026年3月31日', '2026-03-31'],
    ['２０２６／３／３１', '2026-03-31'],
    ['20260331', '2026-03-31'],
    [20260331, '2026-03-31'],
    ['R8.3.31', '2026-03-31'],
    ['r8/3/31', '2026-03-31'],
    ['令和8年3月31日', '2026-03-31'],
    ['令和元年5月1日', '2019-05-01'],
    ['H31.4.30', '2019-04-30'],
    ['2026-02-30', 'bad'],
    ['2026/13/1', 'bad'],
    ['March 31', 'bad'],
    [13, 'bad'],
    [null, undefined],
  ])('date %p → %p', (typed, expected) => {
    expect(value(readDate(typed))).toBe(expected);
  });

  test('excelSerial is the inverse of the reader', () => {
    expect(excelSerial('2026-03-31')).toBe(46112);
    expect(value(readDate(excelSerial('2027-02-28')))).toBe('2027-02-28');
  });

  test.each<[SnapshotValue, boolean | 'bad' | undefined]>([
    ['はい', true],
    ['いいえ', false],
    ['yes', true],
    ['No', false],
    ['TRUE', true],
    ['false', false],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['○', true],
    ['×', false],
    ['たぶん', 'bad'],
    [null, undefined],
  ])('yes/no %p → %p', (typed, expected) => {
    expect(value(readBool(typed))).toBe(expected);
  });

  test.each<[SnapshotValue, string | 'bad']>([
    ['元金均等', 'equal-principal'],
    ['元金均等返済', 'equal-principal'],
    [' 元利均等 ', 'annuity'],
    ['ANNUITY', 'annuity'],
    ['期限一括', 'bullet'],
    ['balloon', 'bad'],
  ])('choice %p → %p', (typed, expected) => {
    expect(value(readChoice(typed, METHOD_CHOICES))).toBe(expected);
  });

  test('blank means not given', () => {
    expect([null, '', ' ', '\u3000\u3000'].every((v) => isBlank(v))).toBe(true);
    expect([0, false, '0'].some((v) => isBlank(v))).toBe(false);
  });
});

describe('typed forms reach the Case', () => {
  test('amounts: full-width with separators in 円, decimals in 百万円', () => {
    expect(
      withEdits(inYen, loanCell('principal', '２，５００，０００')).stack.loans[0].terms.principal,
    ).toBe(2_500_000);
    const inMillions = withEdits(
      { table: 'Settings', key: 'profile.units', value: '百万円' },
      loanCell('principal', 2),
      { table: 'Financials', key: 'netAssetAdjustments', value: '△2.5' },
    );
    expect(inMillions.stack.loans[0].terms.principal).toBe(2_000_000);
    expect(inMillions.base.netAssetAdjustments).toBe(-2_500_000);
    expect(inMillions.base.revenue).toBe(250_000_000_000);
  });

  test('rates: a %-formatted number, "2.3％", a decimal string', () => {
    const c = withEdits(
      loanCell('rate', 0.0275),
      loanCell('spread', '０．７５％'),
      loanCell('guaranteeFeeRate', '0.005'),
    );
    const rate = c.stack.loans[0].rate;
    expect(rate.type === 'floating' && [rate.currentRate, rate.spread]).toEqual([
      0.0275,
      0.75 / 100,
    ]);
    expect(c.stack.loans[0].terms.guaranteeFeeRate).toBe(0.005);
  });

  test('dates: serials, slashes, 令和', () => {
    const c = withEdits(loanCell('startDate', '2025/10/1'), loanCell('nextResetDate', 'R8.4.1'), {
      table: 'Settings',
      key: 'asOf',
      value: excelSerial('2026-03-31'),
    });
    expect(c.stack.loans[0].terms.startDate).toBe(parseIsoDate('2025-10-01'));
    const rate = c.stack.loans[0].rate;
    expect(rate.type === 'floating' && rate.nextResetDate).toBe(parseIsoDate('2026-04-01'));
    expect(c.asOf).toBe(parseIsoDate('2026-03-31'));
  });

  test('yes/no and choices by label, value or alias', () => {
    const c = withEdits(
      { table: 'Settings', key: 'facts.hasCrisisEraDebt', value: 'はい' },
      { table: 'Settings', key: 'facts.hasImprovementPlan', value: true },
      { table: 'Settings', key: 'thresholds.covenants.noInsolvency', value: 'yes' },
      { table: 'Settings', key: 'thresholds.covenants.netAssetsFloorShare', value: 0.75 },
      { table: 'Settings', key: 'thresholds.debtYearsForm', value: 'シンプル' },
      { table: 'Settings', key: 'modes', value: '両方' },
      { table: 'Settings', key: 'profile.jfcUnit', value: '国民' },
      loanCell('method', '元利均等返済'),
      loanCell('rateType', 'fixed'),
    );
    expect(c.facts).toEqual({ hasCrisisEraDebt: true, hasImprovementPlan: true });
    expect(c.thresholds.covenants).toEqual({
      noConsecutiveOrdinaryLoss: false,
      netAssetsFloorShare: 0.75,
      noInsolvency: true,
      minIcr: null,
    });
    expect(c.thresholds.debtYearsForm).toBe('simple');
    expect(c.modes).toEqual(['realistic', 'full-reprice']);
    expect(c.profile.jfcUnit).toBe('micro');
    expect(c.stack.loans[0].terms.method).toBe('annuity');
    expect(c.stack.loans[0].rate).toEqual({ type: 'fixed', annualRate: 0.02625 });
  });

  test('blank cells are not given: engine defaults and the 設定 sheet defaults apply', () => {
    const c = withEdits(
      loanCell('graceMonths', null),
      loanCell('dayCount', null),
      loanCell('rounding', ''),
      loanCell('resetEveryMonths', null),
      { table: 'Settings', key: 'defaults.dayCount', value: '30/360' },
      { table: 'Settings', key: 'defaults.rounding', value: 'なし' },
      { table: 'Financials', key: 'lossCarryForward', value: null },
      { table: 'Financials', key: 'effectiveTaxRate', value: null },
    );
    const loan = c.stack.loans[0];
    expect(loan.terms.graceMonths).toBe(0);
    expect(loan.terms.dayCount).toBe('30/360');
    expect(loan.terms.rounding).toBe('none');
    expect(loan.rate.type === 'floating' && loan.rate.resetEveryMonths).toBe(6);
    expect(c.base.lossCarryForward).toBe(0);
    expect(c.base.effectiveTaxRate).toBe(0.3);
  });

  test('blank rows anywhere and trailing rows with only a row number or a note are ignored', () => {
    const c = withEdits(
      { table: 'Loans', header: 'id', row: 3, value: 'B2' },
      { table: 'Loans', header: 'principal', row: 3, value: 5000 },
      { table: 'Loans', header: 'termMonths', row: 3, value: 24 },
      { table: 'Loans', header: 'method', row: 3, value: '期限一括' },
      { table: 'Loans', header: 'rateType', row: 3, value: '固定' },
      { table: 'Loans', header: 'rate', row: 3, value: '1.5%' },
      { table: 'Loans', header: 'note', row: 5, value: 'メモだけの行' },
      { table: 'Plan', header: 'year', row: 9, value: 10 },
      { table: 'Shocks', header: 'size', row: 4, value: null },
    );
    expect(c.stack.loans.map((l) => l.id)).toEqual(['B1', 'B2']);
    expect(c.plan).toHaveLength(3);
    expect(c.shocks).toHaveLength(1);
  });

  test('an empty shock table means the standard set; ramps and IRRBB shapes by row', () => {
    expect(
      withEdits({ clearRows: 'Shocks' }).shocks.map((s) => s.kind === 'parallel' && s.size),
    ).toEqual([0.0025, 0.005, 0.01, 0.02]);
    const c = withEdits(
      { table: 'Shocks', header: 'kind', row: 1, value: '段階' },
      { table: 'Shocks', header: 'size', row: 1, value: '0.25%' },
      { table: 'Shocks', header: 'everyMonths', row: 1, value: 6 },
      { table: 'Shocks', header: 'cap', row: 1, value: '2%' },
      { table: 'Shocks', header: 'kind', row: 2, value: 'IRRBB' },
      { table: 'Shocks', header: 'shape', row: 2, value: 'スティープ化' },
      { table: 'Shocks', header: 'from', row: 2, value: '2026/10/1' },
    );
    expect(c.shocks).toEqual([
      { kind: 'parallel', size: 0.01, from: undefined },
      { kind: 'ramp', step: 0.25 / 100, everyMonths: 6, cap: 2 / 100, from: undefined },
      { kind: 'irrbb', shape: 'steepener', size: 0.01, from: parseIsoDate('2026-10-01') },
    ]);
  });

  test('strategy rows with one ID combine; 対象 takes IDs or a lender; a program by its name', () => {
    const c = withEdits(
      { table: 'Loans', header: 'id', row: 1, value: 'J1' },
      { table: 'Loans', header: 'lender', row: 1, value: '日本政策金融公庫' },
      { table: 'Loans', header: 'principal', row: 1, value: 30000 },
      { table: 'Loans', header: 'termMonths', row: 1, value: 60 },
      { table: 'Loans', header: 'method', row: 1, value: '元金均等' },
      { table: 'Loans', header: 'rateType', row: 1, value: '固定' },
      { table: 'Loans', header: 'rate', row: 1, value: 0.009 },
      { table: 'Strategies', header: 'strategyId', row: 1, value: 'R1' },
      { table: 'Strategies', header: 'kind', row: 1, value: 'リスケ' },
      { table: 'Strategies', header: 'select', row: 1, value: '日本政策金融公庫' },
      { table: 'Strategies', header: 'holidayMonths', row: 1, value: 12 },
      { table: 'Strategies', header: 'extendTerm', row: 1, value: '再配分' },
      { table: 'Strategies', header: 'strategyId', row: 2, value: 'D1' },
      { table: 'Strategies', header: 'strategyName', row: 2, value: 'DDS' },
      { table: 'Strategies', header: 'kind', row: 2, value: '資本性劣後ローン' },
      { table: 'Strategies', header: 'mode', row: 2, value: 'DDS' },
      { table: 'Strategies', header: 'select', row: 2, value: 'B1，J1' },
      {
        table: 'Strategies',
        header: 'programId',
        row: 2,
        value: '資本性劣後ローン（通常・2025年3月以降）／挑戦支援資本強化特別貸付',
      },
      { table: 'Strategies', header: 'amount', row: 2, value: '50,000' },
      { table: 'Strategies', header: 'termMonths', row: 2, value: 180 },
      { table: 'Strategies', header: 'privateBankSupport', row: 2, value: 'はい' },
      { table: 'Strategies', header: 'strategyId', row: 3, value: 'SQ' },
      { table: 'Strategies', header: 'strategyName', row: 3, value: '何もしない' },
    );
    expect(c.strategies.map((s) => [s.id, s.actions.map((a) => a.kind)])).toEqual([
      ['R1', ['refinance', 'reschedule']],
      ['D1', ['capital-loan']],
      ['SQ', []], // a named status quo: no other is added
    ]);
    expect(c.strategies[0].actions[1]).toEqual({
      kind: 'reschedule',
      select: { lender: '日本政策金融公庫' },
      holidayMonths: 12,
      extendTerm: false,
    });
    expect(c.strategies[1].actions[0]).toEqual({
      kind: 'capital-loan',
      mode: 'dds',
      select: { loanIds: ['B1', 'J1'] },
      programId: 'capital-subordinated',
      amount: 50_000_000,
      termMonths: 180,
      privateBankSupport: true,
    });
  });

  test('headers may be the Japanese or English part alone, in any order', () => {
    const s = applyEdits(template, []);
    const loans = findTable(s, 'Loans');
    loans.headers = loans.headers.map((h, i) =>
      i % 2 === 0 ? h.split(' / ')[0] : h.split(' / ')[1],
    );
    // Swap 残高 and 名称 (columns and cells).
    const swap = (row: unknown[]) => ([row[1], row[3]] = [row[3], row[1]]);
    swap(loans.headers);
    loans.rows.forEach(swap);
    const c = read(s);
    expect(c.stack.loans[0].terms.principal).toBe(100_000_000);
    expect(c.stack.loans[0].name).toBe('運転資金 (短プラ連動)');
  });

  test('a reader without table metadata: one table per sheet, tables side by side', () => {
    const s = applyEdits(template, []);
    const merge = (sheet: string) => {
      const parts = s.tables.filter((t) => t.sheet === sheet);
      const first = parts[0];
      const width =
        Math.max(...parts.map((t) => t.firstColumn + t.headers.length)) - first.firstColumn;
      const height = Math.max(...parts.map((t) => t.rows.length));
      const headers: string[] = Array(width).fill('');
      const rows: SnapshotValue[][] = Array.from({ length: height + 3 }, () =>
        Array(width).fill(null),
      );
      for (const t of parts) {
        const at = t.firstColumn - first.firstColumn;
        t.headers.forEach((h, k) => (headers[at + k] = h));
        t.rows.forEach((r, i) => r.forEach((v, k) => (rows[i][at + k] = v)));
      }
      s.tables = [
        ...s.tables.filter((t) => t.sheet !== sheet),
        {
          sheet,
          name: sheet,
          headerRow: first.headerRow,
          firstColumn: first.firstColumn,
          headers,
          rows,
        },
      ];
    };
    const sheets = ['借入一覧', '財務', '計画', 'シナリオ', '設定', '再生計画'];
    for (const sheet of sheets) merge(sheet);
    expect(s.tables.map((t) => t.name)).toEqual(sheets);
    const c = read(s);
    expect(c).toEqual(read(template));
    // Errors still name the right cell of the right (side-by-side) table.
    const strategies = s.tables.find((t) => t.name === 'シナリオ')!;
    strategies.rows[0][strategies.headers.indexOf(tableHeaders(tableDef('Strategies'))[4])] =
      'dream-loan';
    const r = readCase(s);
    expect(r.ok ? [] : r.errors.map((e) => e.address)).toEqual(['シナリオ!L5']);
  });
});
