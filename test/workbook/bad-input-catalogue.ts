import { HEADER_ROW, SETTINGS } from '../../workbook/input-layout';
import { Edit } from '../support/patch-snapshot';

/**
 * Kinds of bad input, as data: edits of the filled input template (by table + column key + data
 * row, by table + key for the key/value tables, or of the layout itself) and the cell the error
 * must name, with both messages. The workbook tests run them on snapshots; the CLI tests can
 * replay them on real .xlsx files (a column key is a column of input-layout.ts; `row` 0 is the
 * first data row, sheet row 5).
 *
 * The template the edits start from: one loan B1 (みどり銀行, 100,000 千円, 120 months, 変動
 * 短プラ + 0.5 %), three plan years, one shock, one strategy R1 (借換 B1 → bank-loan, 180 months),
 * one program term (bank-loan rate.annualRate 2.20 %).
 */
export interface BadInput {
  title: string;
  edits: Edit[];
  expected: { address: string; ja: RegExp; en: RegExp };
}

export const BAD_INPUTS: BadInput[] = [
  // 借入一覧 / Loans
  {
    title: '残高に文字 / text in an amount',
    edits: [{ table: 'Loans', header: 'principal', row: 0, value: 'abc' }],
    expected: {
      address: '借入一覧!D5',
      ja: /^残高 は数値で入力してください/,
      en: /^Principal must be a number/,
    },
  },
  {
    title: '残高がマイナス / negative balance',
    edits: [{ table: 'Loans', header: 'principal', row: 0, value: -100 }],
    expected: {
      address: '借入一覧!D5',
      ja: /^残高 は正の金額で入力してください$/,
      en: /^Principal must be a positive amount$/,
    },
  },
  {
    title: '端数処理が切捨てで円未満の残高 / fractional yen with floor rounding',
    edits: [
      { table: 'Settings', key: 'profile.units', value: '円' },
      { table: 'Loans', header: 'principal', row: 0, value: 1234.5 },
    ],
    expected: {
      address: '借入一覧!D5',
      ja: /^残高 は端数処理が切捨ての場合、円単位の整数で入力してください$/,
      en: /^Principal must be whole yen when rounding is "floor"$/,
    },
  },
  {
    title: '残存期間 0 / zero term',
    edits: [{ table: 'Loans', header: 'termMonths', row: 0, value: 0 }],
    expected: {
      address: '借入一覧!E5',
      ja: /^残存期間\(月\) は 1 以上で入力してください$/,
      en: /^Term \(months\) must be at least 1$/,
    },
  },
  {
    title: '残存期間が小数 / fractional term',
    edits: [{ table: 'Loans', header: 'termMonths', row: 0, value: '60.5' }],
    expected: {
      address: '借入一覧!E5',
      ja: /^残存期間\(月\) は整数で入力してください$/,
      en: /^Term \(months\) must be a whole number$/,
    },
  },
  {
    title: '据置が期間以上 / grace not shorter than the term',
    edits: [{ table: 'Loans', header: 'graceMonths', row: 0, value: 120 }],
    expected: {
      address: '借入一覧!F5',
      ja: /^据置\(月\) は残存期間 \(120 か月\) より短くしてください/,
      en: /^Grace \(months\) must be less than termMonths \(120\)/,
    },
  },
  {
    title: '返済方法が不明 / unknown repayment method',
    edits: [{ table: 'Loans', header: 'method', row: 0, value: '元利込み' }],
    expected: {
      address: '借入一覧!G5',
      ja: /^返済方法 は次のいずれかで入力してください: 元金均等, 元利均等, 期限一括$/,
      en: /^Method must be one of: 元金均等, 元利均等, 期限一括$/,
    },
  },
  {
    title: '金利種別が不明 / unknown rate type',
    edits: [{ table: 'Loans', header: 'rateType', row: 0, value: '半固定' }],
    expected: {
      address: '借入一覧!H5',
      ja: /^金利種別 は次のいずれかで入力してください: 固定, 変動, 実行時確定\(JFC\)$/,
      en: /^Rate type must be one of/,
    },
  },
  {
    title: '変動金利で基準金利なし / floating without an index',
    edits: [{ table: 'Loans', header: 'index', row: 0, value: null }],
    expected: {
      address: '借入一覧!J5',
      ja: /^基準金利 を入力してください$/,
      en: /^Index is required$/,
    },
  },
  {
    title: '固定金利で金利なし / fixed without a rate',
    edits: [
      { table: 'Loans', header: 'rateType', row: 0, value: '固定' },
      { table: 'Loans', header: 'rate', row: 0, value: null },
    ],
    expected: { address: '借入一覧!I5', ja: /^金利 を入力してください$/, en: /^Rate is required$/ },
  },
  {
    title: '金利 300% / a rate of 300 %',
    edits: [{ table: 'Loans', header: 'rate', row: 0, value: 3 }],
    expected: {
      address: '借入一覧!I5',
      ja: /^金利 は 0% 以上 30% 以下の率で入力してください/,
      en: /^Rate must be a rate between 0% and 30%/,
    },
  },
  {
    title: '金利に文字 / text in a rate',
    edits: [{ table: 'Loans', header: 'rate', row: 0, value: '二%' }],
    expected: {
      address: '借入一覧!I5',
      ja: /^金利 は 2\.3% または 0\.023 のように率で入力してください$/,
      en: /^Rate must be a rate such as 2\.3% or 0\.023$/,
    },
  },
  {
    title: 'スプレッドが -20% / spread below −10 %',
    edits: [{ table: 'Loans', header: 'spread', row: 0, value: '-20%' }],
    expected: {
      address: '借入一覧!K5',
      ja: /^スプレッド は -10% 以上 30% 以下の率で入力してください/,
      en: /^Spread must be a rate between -10% and 30%/,
    },
  },
  {
    title: '存在しない日付 / a date that does not exist',
    edits: [{ table: 'Loans', header: 'nextResetDate', row: 0, value: '2026-02-30' }],
    expected: {
      address: '借入一覧!M5',
      ja: /^次回改定日 は日付で入力してください/,
      en: /^Next reset must be a date/,
    },
  },
  {
    title: '保証料率 20% / guarantee fee over 10 %',
    edits: [{ table: 'Loans', header: 'guaranteeFeeRate', row: 0, value: 0.2 }],
    expected: {
      address: '借入一覧!N5',
      ja: /^保証料率 は 0% 以上 10% 以下の率で入力してください$/,
      en: /^Guarantee fee must be a rate between 0% and 10%$/,
    },
  },
  {
    title: '日数計算が不明 / unknown day count',
    edits: [{ table: 'Loans', header: 'dayCount', row: 0, value: 'ACT/360' }],
    expected: {
      address: '借入一覧!P5',
      ja: /^日数計算 は次のいずれかで入力してください: ACT\/365F, 30\/360$/,
      en: /^Day count must be one of/,
    },
  },
  {
    title: '借入IDの重複 / duplicate loan ID',
    edits: [{ repeatRow: { table: 'Loans', row: 0, rows: 2 } }],
    expected: {
      address: '借入一覧!A6',
      ja: /^ID が他の借入と重複しています$/,
      en: /^ID repeats another loan's id$/,
    },
  },
  {
    title: '借入一覧が空 / empty debt table',
    edits: [{ clearRows: 'Loans' }],
    expected: {
      address: '借入一覧!A5',
      ja: /^借入一覧 を 1 行以上入力してください$/,
      en: /^Debt stack must have at least 1 entry$/,
    },
  },
  {
    title: 'シートがない / missing sheet',
    edits: [{ removeSheet: '借入一覧' }],
    expected: {
      address: '借入一覧',
      ja: /^シート「借入一覧」 がありません/,
      en: /^Sheet "借入一覧" is missing/,
    },
  },
  {
    title: '見出しの変更 / renamed header',
    edits: [{ renameHeader: { table: 'Loans', header: 'principal', to: '残高(千円)' } }],
    expected: {
      address: '借入一覧!D4',
      ja: /^残高 の列 \(見出し「残高 \/ Principal」\) が Loans 表にありません/,
      en: /^Principal column \(header "残高 \/ Principal"\) is missing from table Loans/,
    },
  },
  // 財務 / Financials
  {
    title: '売上高に文字 / text in revenue',
    edits: [{ table: 'Financials', key: 'revenue', value: '二億' }],
    expected: {
      address: '財務!C5',
      ja: /^売上高 は数値で入力してください/,
      en: /^Revenue must be a number/,
    },
  },
  {
    title: '実効税率 70% / tax rate over 60 %',
    edits: [{ table: 'Financials', key: 'effectiveTaxRate', value: '70%' }],
    expected: {
      address: '財務!C12',
      ja: /^実効税率 は 0% 以上 60% 以下の率で入力してください$/,
      en: /^Effective tax rate must be a rate between 0% and 60%$/,
    },
  },
  {
    title: '現預金が空欄 / cash left blank',
    edits: [{ table: 'Financials', key: 'cash', value: null }],
    expected: { address: '財務!C13', ja: /^現預金 を入力してください$/, en: /^Cash is required$/ },
  },
  // 計画 / Plan
  {
    title: '営業利益も営業利益率もない期 / a plan year without operating profit',
    edits: [{ table: 'Plan', header: 'operatingProfit', row: 1, value: null }],
    expected: {
      address: '計画!C6',
      ja: /^営業利益 を入力してください \(または 営業利益率\)$/,
      en: /^Operating profit is required \(or operatingMargin\)$/,
    },
  },
  {
    title: '計画が 21 期 / plan longer than 20 years',
    edits: [{ repeatRow: { table: 'Plan', row: 0, rows: 21 } }],
    expected: {
      address: '計画!A25',
      ja: /^事業計画 は 20 期以内にしてください$/,
      en: /^Plan has more than 20 years$/,
    },
  },
  {
    title: '計画の売上高がマイナス / negative planned revenue',
    edits: [{ table: 'Plan', header: 'revenue', row: 0, value: '△1,000' }],
    expected: {
      address: '計画!B5',
      ja: /^売上高 は 0 以上で入力してください$/,
      en: /^Revenue must be at least 0$/,
    },
  },
  // シナリオ / Shocks and strategies
  {
    title: 'ショック幅に文字 / text in a shock size',
    edits: [{ table: 'Shocks', header: 'size', row: 0, value: '大' }],
    expected: { address: 'シナリオ!B5', ja: /^幅 は .*率で入力/, en: /^Size must be a rate/ },
  },
  {
    title: 'ショック幅 20% / a shock over 10 %',
    edits: [{ table: 'Shocks', header: 'size', row: 0, value: 0.2 }],
    expected: {
      address: 'シナリオ!B5',
      ja: /^幅 は -10% 以上 10% 以下の率で入力してください$/,
      en: /^Size must be a rate between -10% and 10%$/,
    },
  },
  {
    title: 'ショックの種類が不明 / unknown shock kind',
    edits: [{ table: 'Shocks', header: 'kind', row: 0, value: '急騰' }],
    expected: {
      address: 'シナリオ!A5',
      ja: /^種類 は次のいずれかで入力してください: 平行, 段階, IRRBB$/,
      en: /^Kind must be one of/,
    },
  },
  {
    title: '戦略の種類が不明 / unknown strategy kind',
    edits: [{ table: 'Strategies', header: 'kind', row: 0, value: '売却' }],
    expected: {
      address: 'シナリオ!J5',
      ja: /^種類 は次のいずれかで入力してください: 借換, 資本性劣後ローン, リスケ, 繰上返済$/,
      en: /^Kind must be one of/,
    },
  },
  {
    title: '制度が不明 / unknown program',
    edits: [{ table: 'Strategies', header: 'programId', row: 0, value: 'dream-loan' }],
    expected: {
      address: 'シナリオ!L5',
      ja: /^制度 は制度カタログにありません/,
      en: /^Program is not a program of the catalog$/,
    },
  },
  {
    title: '対象の借入IDがない / a strategy selecting an unknown loan ID',
    edits: [{ table: 'Strategies', header: 'select', row: 0, value: 'B1, B9' }],
    expected: {
      address: 'シナリオ!K5',
      ja: /^対象 に該当する借入IDが借入一覧にありません/,
      en: /^Loans: no loan of the stack has this id/,
    },
  },
  // Issue 13: existing loans, swaps, prepayments.
  {
    title: '固定金利の借入に金利スワップ / a swap on a fixed-rate loan',
    edits: [
      { table: 'Loans', header: 'rateType', row: 0, value: '固定' },
      { table: 'Loans', header: 'rate', row: 0, value: '2%' },
      { table: 'Loans', header: 'swap.fixedRate', row: 0, value: '1.2%' },
      { table: 'Loans', header: 'swap.endDate', row: 0, value: '2030-03-31' },
    ],
    expected: {
      address: '借入一覧!Z5',
      ja: /^スワップ固定金利 は変動金利の借入にだけ付けられます \(この借入は fixed\)$/,
      en: /^Swap fixed rate:? needs a floating-rate loan \(this one is fixed\)$/,
    },
  },
  {
    title: '当初借入日が基準日より後 / a drawdown after the as-of date',
    edits: [{ table: 'Loans', header: 'drawdownDate', row: 0, value: '2026-06-01' }],
    expected: {
      address: '借入一覧!S5',
      ja: /^当初借入日 が基準日 \(2026-03-31\) より後です/,
      en: /^Drawdown date is after the analysis date asOf \(2026-03-31\)$/,
    },
  },
  {
    title: '残高が当初借入額を超える / a balance above the original amount',
    edits: [{ table: 'Loans', header: 'originalPrincipal', row: 0, value: 90000 }],
    expected: {
      address: '借入一覧!D5',
      ja: /^残高 が当初借入額 \(90000000\) を超えています$/,
      en: /^Principal:? \(the balance\) is above originalPrincipal \(90000000\)$/,
    },
  },
  {
    title: '繰上返済が残高を超える / a prepayment over the balance',
    edits: [
      { table: 'Strategies', header: 'kind', row: 0, value: '繰上返済' },
      { table: 'Strategies', header: 'amount', row: 0, value: 150000 },
      { table: 'Strategies', header: 'date', row: 0, value: '2026-09-10' },
      { table: 'Strategies', header: 'effect', row: 0, value: '期間短縮' },
    ],
    expected: {
      address: 'シナリオ!N5',
      // B1 pays 833,333 a month: after payment 6 (2026-09-30), 100,000,000 − 6 × 833,333.
      ja: /^金額 が 2026-09-10 時点の対象借入の残高合計 \(95,000,002 円、当回の約定返済後\) を超えています$/,
      en: /^Amount exceeds the chosen loans' balance on 2026-09-10 \(95000002\), after its scheduled principal$/,
    },
  },
  {
    title: 'DDS が対象借入の残高を超える / DDS larger than the selected loans',
    edits: [
      { table: 'Strategies', header: 'kind', row: 0, value: '資本性劣後ローン' },
      { table: 'Strategies', header: 'mode', row: 0, value: 'DDS' },
      { table: 'Strategies', header: 'programId', row: 0, value: 'capital-subordinated' },
      { table: 'Strategies', header: 'amount', row: 0, value: 150000 },
    ],
    expected: {
      address: 'シナリオ!N5',
      ja: /^金額 が対象借入の残高合計 \(100,000,000 円\) を超えています$/,
      en: /^Amount exceeds the chosen loans' balance \(100000000\)$/,
    },
  },
  {
    title: '戦略IDなし / an action without a strategy ID',
    edits: [{ table: 'Strategies', header: 'strategyId', row: 0, value: null }],
    expected: {
      address: 'シナリオ!H5',
      ja: /^戦略ID を入力してください$/,
      en: /^Strategy ID is required$/,
    },
  },
  {
    title: '借換の期間なし / a refinancing without a term',
    edits: [{ table: 'Strategies', header: 'termMonths', row: 0, value: null }],
    expected: {
      address: 'シナリオ!O5',
      ja: /^期間\(月\) を入力してください$/,
      en: /^Term \(months\) is required$/,
    },
  },
  {
    title: 'リスケの猶予 0 か月 / a zero-month principal holiday',
    edits: [
      { table: 'Strategies', header: 'kind', row: 0, value: 'リスケ' },
      { table: 'Strategies', header: 'holidayMonths', row: 0, value: 0 },
    ],
    expected: {
      address: 'シナリオ!S5',
      ja: /^元金猶予\(月\) は 1 以上で入力してください$/,
      en: /^Holiday \(months\) must be at least 1$/,
    },
  },
  {
    title: '戦略の表がない / the strategies table is missing',
    edits: [{ removeTable: 'Strategies' }],
    expected: {
      address: 'シナリオ',
      ja: /^戦略 \(Strategies\) の表がありません/,
      en: /^Table Strategies is missing/,
    },
  },
  // 設定 / Settings
  {
    title: '金額単位が万円 / unit not 円/千円/百万円',
    edits: [{ table: 'Settings', key: 'profile.units', value: '万円' }],
    expected: {
      address: '設定!C11',
      ja: /^金額単位 は次のいずれかで入力してください: 円, 千円, 百万円$/,
      en: /^Amount unit must be one of: 円, 千円, 百万円$/,
    },
  },
  {
    title: '決算月 13 / fiscal year end month 13',
    edits: [{ table: 'Settings', key: 'profile.fiscalYearEndMonth', value: 13 }],
    expected: {
      address: '設定!C9',
      ja: /^決算月 は 12 以下で入力してください$/,
      en: /^Fiscal year end month must be at most 12$/,
    },
  },
  {
    title: '基準日が日付でない / invalid as-of date',
    edits: [{ table: 'Settings', key: 'asOf', value: '2026/13/01' }],
    expected: {
      address: '設定!C12',
      ja: /^基準日 \(直近決算日\) は日付で入力してください/,
      en: /^As of must be a date/,
    },
  },
  {
    title: '基準金利の水準なし / the index a loan follows has no level',
    edits: [{ table: 'Settings', key: 'indexes.short-prime', value: null }],
    expected: {
      address: '設定!C13',
      ja: /^短期プライムレート を入力してください \(借入一覧!A5 の借入が参照しています\)$/,
      en: /^Short-term prime is required: the loan in 借入一覧!A5 follows it$/,
    },
  },
  {
    title: 'DSCR 下限 20 / threshold out of range',
    edits: [{ table: 'Settings', key: 'thresholds.minDscr', value: 20 }],
    expected: {
      address: '設定!C19',
      ja: /^DSCR 下限 は 10 以下で入力してください$/,
      en: /^Minimum DSCR must be at most 10$/,
    },
  },
  {
    title: 'はい/いいえ 以外 / neither yes nor no',
    edits: [{ table: 'Settings', key: 'facts.hasCrisisEraDebt', value: 'たぶん' }],
    expected: {
      address: '設定!C29',
      ja: /^コロナ関連融資の利用あり は「はい」か「いいえ」で入力してください$/,
      en: /^Has crisis-era debt must be yes or no/,
    },
  },
  {
    title: '公庫の事業区分が不明 / unknown JFC unit',
    edits: [{ table: 'Settings', key: 'profile.jfcUnit', value: '中堅' }],
    expected: {
      address: '設定!C8',
      ja: /^公庫の事業区分 は次のいずれかで入力してください: 中小事業, 国民事業$/,
      en: /^JFC unit must be one of/,
    },
  },
  {
    title: '保証料の費用計上が不明 / unknown guarantee-fee expensing',
    edits: [{ table: 'Settings', key: 'defaults.guaranteeFeeExpense', value: '毎月' }],
    expected: {
      address: `設定!C${HEADER_ROW + 1 + SETTINGS.items.findIndex((i) => i.key === 'defaults.guaranteeFeeExpense')}`,
      ja: /^保証料の費用計上 は次のいずれかで入力してください: 支払時, 期間按分$/,
      en: /^Guarantee fee in P\/L must be one of: 支払時, 期間按分$/,
    },
  },
  {
    title: '設定の不明なキー / an unknown settings key',
    edits: [{ table: 'Settings', key: 'thresholds.minDSCRR', value: 1.2 }],
    expected: {
      // The row after the last settings row.
      address: `設定!B${HEADER_ROW + SETTINGS.items.length + 1}`,
      ja: /^キー 「thresholds\.minDSCRR」は Settings 表のキーではありません$/,
      en: /^Key "thresholds\.minDSCRR" is not a key of table Settings$/,
    },
  },
  {
    title: '上書きする制度が不明 / program terms for an unknown program',
    edits: [{ table: 'ProgramTerms', header: 'programId', row: 0, value: 'dream-loan' }],
    expected: {
      address: '設定!F5',
      ja: /^制度 は制度カタログにありません/,
      en: /^Program is not a program of the catalog$/,
    },
  },
  {
    title: '制度の金利 50% / a program rate of 50 %',
    edits: [{ table: 'ProgramTerms', header: 'value', row: 0, value: '50%' }],
    expected: {
      address: '設定!H5',
      ja: /^値 は 0% 以上 30% 以下の率で入力してください/,
      en: /^Value must be a rate between 0% and 30%/,
    },
  },
  // Issue 15: inputs that were accepted silently.
  {
    title: '開始日に年だけ / a bare year in a date cell',
    edits: [{ table: 'Loans', header: 'startDate', row: 0, value: 2026 }],
    expected: {
      address: '借入一覧!O5',
      ja: /^開始日 は年だけでなく年月日で入力してください/,
      en: /^Start date must be a whole date, not a year alone/,
    },
  },
  {
    title: '存在しない元号年 平成40年 / an era year that never was',
    edits: [{ table: 'Loans', header: 'startDate', row: 0, value: '平成40年1月1日' }],
    expected: {
      address: '借入一覧!O5',
      ja: /^開始日 は日付で入力してください/,
      en: /^Start date must be a date/,
    },
  },
  {
    title: '金利に小数点のカンマ 1,8% / a decimal comma in a rate',
    edits: [
      { table: 'Loans', header: 'rateType', row: 0, value: '固定' },
      { table: 'Loans', header: 'rate', row: 0, value: '1,8%' },
    ],
    expected: {
      address: '借入一覧!I5',
      ja: /^金利 は 2\.3% または 0\.023 のように率で入力してください/,
      en: /^Rate must be a rate such as 2\.3% or 0\.023/,
    },
  },
  {
    title: '基準日前に完済済みの借入 / a loan repaid before the as-of date',
    edits: [{ table: 'Loans', header: 'startDate', row: 0, value: '2010-01-01' }],
    expected: {
      address: '借入一覧!E5',
      ja: /^残存期間\(月\) では最終返済日 2020-01-01 が基準日 \S+ より前です/,
      en: /^Term \(months\) ends before asOf: the last payment \(2020-01-01\)/,
    },
  },
  {
    title: '大文字小文字だけ違う戦略ID / strategy ids differing only in case',
    edits: [
      { repeatRow: { table: 'Strategies', row: 0, rows: 2 } },
      { table: 'Strategies', header: 'strategyId', row: 1, value: 'r1' },
      { table: 'Strategies', header: 'strategyName', row: 1, value: '別の借換' },
    ],
    expected: {
      address: 'シナリオ!H6',
      ja: /^戦略ID が先の戦略の ID「R1」と重複しています/,
      en: /repeats the id "R1" of an earlier strategy/,
    },
  },
  {
    title: '同じ戦略IDで別の名前 / one strategy id under two names',
    edits: [
      { repeatRow: { table: 'Strategies', row: 0, rows: 2 } },
      { table: 'Strategies', header: 'strategyName', row: 1, value: '別の借換' },
    ],
    expected: {
      address: 'シナリオ!I6',
      ja: /が違うのに ID「R1」が「.*」と同じです/,
      en: /differs but the ID "R1" is that of/,
    },
  },
];
