import { IRRBB_SHAPES, IrrbbShape, PROGRAMS } from '../engine';
import { Choice } from './cell-values';
import { HEADER_ROW, MONTHS, TEXT, YES_NO, col, item, noteColumn } from './field-defs';
import { PLAN_INPUT_SHEET } from './plan-input-layout';

export { HEADER_ROW, YES_NO } from './field-defs';

/**
 * The input sheets, defined once: the template writes them and the reader reads them. Five
 * sheets with Excel tables (ASCII table names, bilingual headers `日本語 / English`); row tables
 * (one row per loan, plan year, shock, strategy action, program term) and key/value tables (one
 * row per field: 項目 / キー / 値 / 説明). Every cell's meaning is here: its JSON path in a case
 * file, how the typed value is read, its number format, its validation list.
 */

/**
 * How a cell is read (workbook/cell-values.ts):
 * - text, number (amounts, months, counts), rate, date, bool, choice (a validation list);
 * - program: a catalog id or the program's Japanese name;
 * - selector: loan IDs separated by commas, or a lender's name;
 * - term-value: a program term's value, read by the term's key;
 * - info: shown to people, not read (a row's number, notes).
 */
export type ValueKind =
  | 'text'
  | 'number'
  | 'rate'
  | 'date'
  | 'bool'
  | 'choice'
  | 'program'
  | 'selector'
  | 'term-value'
  | 'info';

/** A column of a row table, or an item (a row) of a key/value table. */
export interface FieldDef {
  /** Stable key: the case-file field of a column (`principal`), or a key/value item's JSON path. */
  key: string;
  ja: string;
  en: string;
  kind: ValueKind;
  choices?: readonly Choice<unknown>[];
  /** Short Japanese description: the header's note in Excel, the 説明 column of key/value tables. */
  description: string;
  numberFormat?: string;
  width?: number;
  /** A column added after the first template: a workbook without it reads it as blank. */
  optional?: boolean;
}

export type TableName =
  | 'Loans'
  | 'Financials'
  | 'Plan'
  | 'Shocks'
  | 'Strategies'
  | 'Settings'
  | 'ProgramTerms'
  // The 再生計画 sheet (workbook/plan-input-layout.ts).
  | 'PlanActions'
  | 'Guarantees'
  | 'Collateral'
  | 'Liquidation'
  | 'Adjustments'
  | 'PlanSettings';

interface TableBase {
  name: TableName;
  sheet: string;
  /** What the table holds, in a word or two (names the table in errors). */
  labelJa: string;
  /** Japanese and English caption (written above the table). */
  captionJa: string;
  captionEn: string;
  /** 1-based position of the header row's first cell. */
  row: number;
  column: number;
  /** A table that may be left out of a workbook (its data is optional as a whole). */
  optional?: boolean;
}

export interface RowTableDef extends TableBase {
  kind: 'rows';
  columns: readonly FieldDef[];
}

/** Fixed columns 項目 / キー / 値 / 説明; `items` are the rows, found by the キー column. */
export interface KeyValueTableDef extends TableBase {
  kind: 'key-value';
  items: readonly FieldDef[];
}

export type TableDef = RowTableDef | KeyValueTableDef;

export interface SheetDef {
  name: string;
  titleJa: string;
  /** One line on how to fill the sheet (row 2). */
  note: string;
  tables: readonly TableDef[];
}

/** The header text of a column: `日本語 / English`. */
export function headerText(f: { ja: string; en: string }): string {
  return `${f.ja} / ${f.en}`;
}

/** The columns of every key/value table. */
export const KEY_VALUE_COLUMNS = {
  item: { ja: '項目', en: 'Item', width: 34 },
  key: { ja: 'キー', en: 'Key', width: 40 },
  value: { ja: '値', en: 'Value', width: 22 },
  description: { ja: '説明', en: 'Description', width: 70 },
} as const;
export const KEY_VALUE_ORDER = ['item', 'key', 'value', 'description'] as const;

// ---------------------------------------------------------------------------------------------
// Choices (validation lists): the first spelling is what the sheet offers.

export const METHOD_CHOICES: readonly Choice<string>[] = [
  { label: '元金均等', value: 'equal-principal', aliases: ['元金均等返済'] },
  { label: '元利均等', value: 'annuity', aliases: ['元利均等返済'] },
  { label: '期限一括', value: 'bullet', aliases: ['期限一括償還', '一括'] },
];

export const RATE_TYPE_CHOICES: readonly Choice<string>[] = [
  { label: '固定', value: 'fixed', aliases: ['固定金利'] },
  { label: '変動', value: 'floating', aliases: ['変動金利'] },
  {
    label: '実行時確定(JFC)',
    value: 'fixed-at-drawdown',
    aliases: ['実行時確定', '公庫', 'JFC'],
  },
];

export const INDEX_CHOICES: readonly Choice<string>[] = [
  {
    label: '短プラ',
    value: 'short-prime',
    aliases: ['短期プライムレート', '短期プライム', 'prime'],
  },
  { label: 'TIBOR', value: 'tibor', aliases: ['全銀協TIBOR'] },
  { label: 'JFC基準利率', value: 'jfc-base', aliases: ['基準利率', '公庫基準利率'] },
];

export const DAY_COUNT_CHOICES: readonly Choice<string>[] = [
  { label: 'ACT/365F', value: 'ACT/365F', aliases: ['日割', 'ACT/365'] },
  { label: '30/360', value: '30/360', aliases: ['月割'] },
];

export const BUSINESS_DAY_CHOICES: readonly Choice<string>[] = [
  { label: '翌営業日', value: 'following', aliases: ['翌日', 'following'] },
  { label: '前営業日', value: 'preceding', aliases: ['前日', 'preceding'] },
  { label: '調整なし', value: 'none', aliases: ['なし', 'none'] },
];

export const GUARANTEE_FEE_PAYMENT_CHOICES: readonly Choice<string>[] = [
  { label: '一括前払', value: 'lump-sum', aliases: ['一括', 'lump-sum'] },
  { label: '分割', value: 'installments', aliases: ['分割払', '年率', 'installments'] },
];

/** 設定 保証料の費用計上: the case file's `defaults.guaranteeFeeExpense` (when the P/L takes a lump sum). */
export const GUARANTEE_FEE_EXPENSE_CHOICES: readonly Choice<string>[] = [
  { label: '支払時', value: 'paid', aliases: ['支払時に一括', '一括計上', '支払年度', 'paid'] },
  { label: '期間按分', value: 'spread', aliases: ['按分', '期間配分', '前払保証料', 'spread'] },
];

export const ROUNDING_CHOICES: readonly Choice<string>[] = [
  { label: '切捨て', value: 'floor', aliases: ['円未満切捨て', '切り捨て', '切捨'] },
  { label: 'なし', value: 'none', aliases: ['端数処理なし'] },
];

export const SHOCK_KIND_CHOICES: readonly Choice<string>[] = [
  { label: '平行', value: 'parallel', aliases: ['平行移動', 'パラレル'] },
  { label: '段階', value: 'ramp', aliases: ['段階上昇', 'ランプ'] },
  { label: 'IRRBB', value: 'irrbb', aliases: ['IRRBB標準'] },
];

const IRRBB_LABELS: Record<IrrbbShape, string> = {
  'parallel-up': '平行上昇',
  'parallel-down': '平行下落',
  'short-up': '短期上昇',
  'short-down': '短期下落',
  steepener: 'スティープ化',
  flattener: 'フラット化',
};
export const IRRBB_CHOICES: readonly Choice<string>[] = IRRBB_SHAPES.map((shape) => ({
  label: IRRBB_LABELS[shape],
  value: shape,
}));

export const STRATEGY_KIND_CHOICES: readonly Choice<string>[] = [
  { label: '借換', value: 'refinance', aliases: ['借り換え', '借換え', '一本化'] },
  {
    label: '資本性劣後ローン',
    value: 'capital-loan',
    aliases: ['資本性ローン', '資本性借入金'],
  },
  { label: 'リスケ', value: 'reschedule', aliases: ['リスケジュール', '返済猶予'] },
  { label: '繰上返済', value: 'prepay', aliases: ['繰り上げ返済', '繰上げ返済', '期限前返済'] },
];

export const PREPAY_EFFECT_CHOICES: readonly Choice<string>[] = [
  { label: '期間短縮', value: 'shorten-term', aliases: ['期間短縮型'] },
  { label: '返済額軽減', value: 'lower-instalment', aliases: ['返済額軽減型'] },
];

export const CAPITAL_MODE_CHOICES: readonly Choice<string>[] = [
  { label: 'DDS', value: 'dds', aliases: ['転換', '既存借入の転換'] },
  { label: '新規資金', value: 'new-money', aliases: ['ニューマネー', 'new money', '新規'] },
];

/** After a principal holiday: the term grows by the holiday, or the term left is re-spread. */
export const AFTER_HOLIDAY_CHOICES: readonly Choice<boolean>[] = [
  { label: '延長', value: true, aliases: ['期間延長', 'extend', 'はい'] },
  { label: '再配分', value: false, aliases: ['期間内で再配分', 're-spread', 'respread', 'いいえ'] },
];

export const UNIT_CHOICES: readonly Choice<string>[] = [
  { label: '円', value: 'yen' },
  { label: '千円', value: 'thousand' },
  { label: '百万円', value: 'million' },
];

/** 設定 負の数の表示: the case file's `profile.negatives` (workbook/layout/number-formats.ts). */
export const NEGATIVES_CHOICES: readonly Choice<string>[] = [
  { label: '△', value: 'triangle', aliases: ['▲', '三角'] },
  { label: '-', value: 'minus', aliases: ['−', '－', 'マイナス'] },
];

export const JFC_UNIT_CHOICES: readonly Choice<string>[] = [
  { label: '中小事業', value: 'sme', aliases: ['中小', '中小企業事業'] },
  { label: '国民事業', value: 'micro', aliases: ['国民', '国民生活事業'] },
];

export const MODE_CHOICES: readonly Choice<string[]>[] = [
  { label: '個別改定', value: ['realistic'], aliases: ['realistic'] },
  { label: '一斉改定', value: ['full-reprice'], aliases: ['full-reprice', '全額改定'] },
  { label: '両方', value: ['realistic', 'full-reprice'], aliases: ['both'] },
];

export const DEBT_YEARS_FORM_CHOICES: readonly Choice<string>[] = [
  { label: 'ネット', value: 'net', aliases: ['正味', '純額'] },
  { label: 'シンプル', value: 'simple', aliases: ['単純', '簡易'] },
];

export const EBITDA_CAPITAL_DEBT_CHOICES: readonly Choice<string>[] = [
  { label: '含める', value: 'include', aliases: ['全額'] },
  { label: '資本認定分を除く', value: 'exclude-recognised', aliases: ['除く'] },
];

/** The catalog's program ids (the validation list; the Japanese names are accepted too). */
export const PROGRAM_IDS: readonly string[] = PROGRAMS.map((p) => p.id);

/** Program terms a case commonly overrides (any other term key of the catalog is accepted too). */
export const COMMON_TERM_KEYS: readonly string[] = [
  'rate.baseRate',
  'rate.annualRate',
  'rate.lossRate',
  'guaranteeFeeRate',
  'maxTermMonths',
  'maxGraceMonths',
  'limitYen',
];

// ---------------------------------------------------------------------------------------------
// Formats

/**
 * Columns added after the first template (0.1): an input workbook made before them still reads,
 * each missing column as blank (the field's default), so users need not rebuild their workbooks.
 */
const LATER_COLUMNS = new Set([
  // 借入一覧: business days, existing loans, guarantee-fee payment, capital-type loans, swaps.
  'businessDay',
  'drawdownDate',
  'originalPrincipal',
  'guaranteeFeePayment',
  'capitalType.lossRate',
  'capitalType.profitRate',
  'capitalType.initialRate',
  'capitalType.initialUntil',
  'swap.fixedRate',
  'swap.endDate',
  'swap.notional',
  // シナリオ: rate options, the prepayment's date and effect.
  'rateOptions',
  'date',
  'effect',
]);

function laterColumnsOptional(def: RowTableDef): RowTableDef {
  return {
    ...def,
    columns: def.columns.map((c) => (LATER_COLUMNS.has(c.key) ? { ...c, optional: true } : c)),
  };
}

// ---------------------------------------------------------------------------------------------
// 借入一覧: one row per loan

export const LOANS: RowTableDef = laterColumnsOptional({
  kind: 'rows',
  name: 'Loans',
  labelJa: '借入一覧',
  sheet: '借入一覧',
  captionJa: '借入一覧',
  captionEn: 'Debt stack',
  row: HEADER_ROW,
  column: 1,
  columns: [
    col(
      'id',
      'ID',
      'ID',
      'text',
      '借入ごとに一意の記号 (例: B1)。戦略の「対象」で使います (必須)',
      {
        width: 8,
      },
    ),
    col('name', '名称', 'Name', 'text', '借入の名前 (例: 運転資金 短プラ連動)', { width: 26 }),
    col(
      'lender',
      '金融機関',
      'Lender',
      'text',
      '金融機関名。戦略の「対象」に金融機関名を書くと、その全借入が対象',
      {
        width: 18,
      },
    ),
    col(
      'principal',
      '残高',
      'Principal',
      'number',
      '基準日 (または開始日) の残高。単位は設定シートの金額単位 (必須)',
      {
        width: 16,
      },
    ),
    col('termMonths', '残存期間(月)', 'Term (months)', 'number', '最終返済までの月数 (必須)', {
      numberFormat: MONTHS,
    }),
    col(
      'graceMonths',
      '据置(月)',
      'Grace (months)',
      'number',
      '元金据置の月数。期間の内数。空欄は 0',
      {
        numberFormat: MONTHS,
      },
    ),
    col('method', '返済方法', 'Method', 'choice', '元金均等 / 元利均等 / 期限一括 (必須)', {
      choices: METHOD_CHOICES,
    }),
    col(
      'rateType',
      '金利種別',
      'Rate type',
      'choice',
      '固定 / 変動 (基準金利 + スプレッド) / 実行時確定(JFC) (必須)',
      {
        choices: RATE_TYPE_CHOICES,
        width: 16,
      },
    ),
    col(
      'rate',
      '金利',
      'Rate',
      'rate',
      '固定: 適用金利 (必須)。変動: 現在の適用金利 (空欄なら基準金利 + スプレッド)',
      {
        width: 10,
      },
    ),
    col(
      'index',
      '基準金利',
      'Index',
      'choice',
      '変動・実行時確定の基準: 短プラ / TIBOR / JFC基準利率',
      {
        choices: INDEX_CHOICES,
      },
    ),
    col('spread', 'スプレッド', 'Spread', 'rate', '基準金利への上乗せ (例: 0.5%)。空欄は 0', {
      width: 10,
    }),
    col(
      'resetEveryMonths',
      '改定間隔(月)',
      'Reset every (months)',
      'number',
      '変動金利の改定間隔。空欄は 6',
      {
        numberFormat: MONTHS,
      },
    ),
    col(
      'nextResetDate',
      '次回改定日',
      'Next reset',
      'date',
      '変動金利の次回改定日。空欄は基準日から改定間隔ごと',
    ),
    col(
      'guaranteeFeeRate',
      '保証料率',
      'Guarantee fee',
      'rate',
      '信用保証料 (年率、残高に対して)。空欄は 0',
      {
        width: 10,
      },
    ),
    col('startDate', '開始日', 'Start date', 'date', '残高と残存期間の起点。空欄は基準日'),
    col(
      'dayCount',
      '日数計算',
      'Day count',
      'choice',
      'ACT/365F (日割) / 30/360。空欄は設定シートの既定',
      {
        choices: DAY_COUNT_CHOICES,
        width: 10,
      },
    ),
    col(
      'rounding',
      '端数処理',
      'Rounding',
      'choice',
      '切捨て (円未満切捨て) / なし。空欄は設定シートの既定',
      {
        choices: ROUNDING_CHOICES,
        width: 10,
      },
    ),
    col(
      'businessDay',
      '休日の扱い',
      'Business day',
      'choice',
      '返済日が銀行休業日のとき: 翌営業日 / 前営業日 / 調整なし。空欄は設定シートの既定',
      {
        choices: BUSINESS_DAY_CHOICES,
        width: 10,
      },
    ),
    // An existing loan: its drawdown, its guarantee fee, a capital-type rate, a swap.
    col(
      'drawdownDate',
      '当初借入日',
      'Drawdown date',
      'date',
      '既存借入の実行日 (基準日以前)。実行時確定(JFC) の金利はこの日に確定し、ショックを受けません',
    ),
    col(
      'originalPrincipal',
      '当初借入額',
      'Original amount',
      'number',
      '既存借入の当初の金額 (残高以上)。空欄は残高',
      { width: 16 },
    ),
    col(
      'guaranteeFeePayment',
      '保証料の支払',
      'Guarantee fee payment',
      'choice',
      '一括前払 (実行時に一括、繰上返済で未経過分を返戻) / 分割 (残高×年率を毎回)。空欄は分割',
      { choices: GUARANTEE_FEE_PAYMENT_CHOICES, width: 12 },
    ),
    col(
      'capitalType.lossRate',
      '資本性 赤字時金利',
      'Capital-type loss-year rate',
      'rate',
      '既存の資本性劣後ローン (コロナ資本性劣後ローン等): 赤字の年の金利。期限一括のみ',
      { width: 12 },
    ),
    col(
      'capitalType.profitRate',
      '資本性 黒字時金利',
      'Capital-type profit-year rate',
      'rate',
      '既存の資本性劣後ローン: 黒字の年の金利 (赤字時金利と組で必須)',
      { width: 12 },
    ),
    col(
      'capitalType.initialRate',
      '資本性 当初金利',
      'Capital-type initial rate',
      'rate',
      '既存の資本性劣後ローン: 当初期間の固定金利。空欄は業績連動のみ',
      { width: 12 },
    ),
    col(
      'capitalType.initialUntil',
      '資本性 当初期限',
      'Capital-type initial until',
      'date',
      '既存の資本性劣後ローン: 当初金利の終わる日 (当初金利と組)',
    ),
    col(
      'swap.fixedRate',
      'スワップ固定金利',
      'Swap fixed rate',
      'rate',
      '変動金利借入に付けた金利スワップ (固定払い) の固定金利。期間中の適用金利はこれ + スプレッド',
      { width: 12 },
    ),
    col(
      'swap.endDate',
      'スワップ終了日',
      'Swap end date',
      'date',
      '金利スワップの終了日 (最終返済日以前。スワップ固定金利と組で必須)',
    ),
    col(
      'swap.notional',
      'スワップ想定元本',
      'Swap notional',
      'number',
      '金利スワップの想定元本 (金額単位は設定シート)。空欄は借入の残高に連動',
      { width: 16 },
    ),
    noteColumn(),
  ],
});

// ---------------------------------------------------------------------------------------------
// 財務: the last closed year (key/value)

export const FINANCIALS: KeyValueTableDef = {
  kind: 'key-value',
  name: 'Financials',
  labelJa: '財務 (直近決算)',
  sheet: '財務',
  captionJa: '直近決算',
  captionEn: 'Last closed year',
  row: HEADER_ROW,
  column: 1,
  items: [
    item('revenue', '売上高', 'Revenue', 'number', '直近決算の売上高 (必須)'),
    item('operatingProfit', '営業利益', 'Operating profit', 'number', '赤字はマイナス (必須)'),
    item('depreciation', '減価償却費', 'Depreciation', 'number', '(必須)'),
    item(
      'nonOperatingIncome',
      '営業外収益 (受取利息・配当を除く)',
      'Non-operating income',
      'number',
      '空欄は 0',
    ),
    item(
      'nonOperatingExpense',
      '営業外費用 (支払利息・保証料を除く)',
      'Non-operating expense',
      'number',
      '空欄は 0',
    ),
    item(
      'interestIncome',
      '受取利息・配当金',
      'Interest received',
      'number',
      'ICR の分子に入ります。空欄は 0',
    ),
    item(
      'ordinaryProfit',
      '経常利益',
      'Ordinary profit',
      'number',
      '決算どおり。資本性劣後ローンの初年度金利を決めます (必須)',
    ),
    item(
      'effectiveTaxRate',
      '実効税率',
      'Effective tax rate',
      'rate',
      '例: 30% または 0.3。空欄は 30%',
    ),
    item('cash', '現預金', 'Cash', 'number', '(必須)'),
    item(
      'receivables',
      '売上債権',
      'Receivables',
      'number',
      '正常運転資金の計算に使います。空欄は 0',
    ),
    item('inventory', '棚卸資産', 'Inventory', 'number', '空欄は 0'),
    item('payables', '仕入債務', 'Payables', 'number', '空欄は 0'),
    item('totalAssets', '総資産', 'Total assets', 'number', '(必須)'),
    item(
      'bookNetAssets',
      '純資産 (簿価)',
      'Book net assets',
      'number',
      '債務超過はマイナス (必須)',
    ),
    item(
      'netAssetAdjustments',
      '実態修正 (含み損益)',
      'Net-asset adjustments',
      'number',
      '含み損はマイナス。実質純資産 = 純資産 + 実態修正。空欄は 0',
    ),
    item('lossCarryForward', '繰越欠損金', 'Loss carry-forward', 'number', '使える残高。空欄は 0'),
    item(
      'netIncome',
      '税引後当期純利益',
      'Net income',
      'number',
      '決算どおり (特別損益を含む)。資本性劣後ローンの赤字・黒字はこの行で判定。空欄は 経常利益 − 税',
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// 計画: one row per plan year

export const PLAN: RowTableDef = {
  kind: 'rows',
  name: 'Plan',
  labelJa: '事業計画',
  sheet: '計画',
  captionJa: '事業計画',
  captionEn: 'Plan',
  row: HEADER_ROW,
  column: 1,
  columns: [
    col('year', '年目', 'Year', 'info', '計画の何年目か (1 = 基準日の翌期)。表示用', {
      numberFormat: '0',
      width: 8,
    }),
    col('revenue', '売上高', 'Revenue', 'number', '(必須)', { width: 16 }),
    col(
      'operatingProfit',
      '営業利益',
      'Operating profit',
      'number',
      '営業利益か営業利益率のどちらか (両方あれば営業利益)',
      {
        width: 16,
      },
    ),
    col(
      'operatingMargin',
      '営業利益率',
      'Operating margin',
      'rate',
      '営業利益の代わりに 売上高 × 率',
      {
        numberFormat: '0.0%',
      },
    ),
    col('depreciation', '減価償却費', 'Depreciation', 'number', '空欄は 0'),
    col('capex', '設備投資', 'Capex', 'number', '空欄は 0'),
    col(
      'workingCapitalChange',
      '運転資本増減',
      'Working-capital change',
      'number',
      '売上債権 + 棚卸資産 − 仕入債務 の増加 (資金流出はプラス)。空欄は 0',
      {
        width: 16,
      },
    ),
    noteColumn(),
  ],
};

// ---------------------------------------------------------------------------------------------
// シナリオ: shocks and strategies, side by side (tables grow downwards independently)

export const SHOCKS: RowTableDef = {
  kind: 'rows',
  name: 'Shocks',
  labelJa: '金利ショック',
  sheet: 'シナリオ',
  captionJa: '金利ショック (空欄なら標準 +0.25/+0.50/+1.00/+2.00%)',
  captionEn: 'Rate shocks',
  row: HEADER_ROW,
  column: 1,
  columns: [
    col('kind', '種類', 'Kind', 'choice', '平行 / 段階 (一定間隔で上昇) / IRRBB。空欄は平行', {
      choices: SHOCK_KIND_CHOICES,
      width: 10,
    }),
    col(
      'size',
      '幅',
      'Size',
      'rate',
      '平行: 上昇幅 (例: 1.00%)。段階: 1 回の上昇幅。IRRBB: 空欄は 1.00%',
      {
        numberFormat: '0.00%',
        width: 10,
      },
    ),
    col('everyMonths', '間隔(月)', 'Every (months)', 'number', '段階: 上昇の間隔 (例: 6)', {
      numberFormat: MONTHS,
      width: 10,
    }),
    col('cap', '上限', 'Cap', 'rate', '段階: 上昇幅の上限 (例: 2.00%)', {
      numberFormat: '0.00%',
      width: 10,
    }),
    col('shape', '形状', 'IRRBB shape', 'choice', 'IRRBB の形状', {
      choices: IRRBB_CHOICES,
      width: 12,
    }),
    col('from', '開始日', 'From', 'date', '空欄は基準日から'),
  ],
};

export const STRATEGIES: RowTableDef = laterColumnsOptional({
  kind: 'rows',
  name: 'Strategies',
  labelJa: '戦略',
  sheet: 'シナリオ',
  captionJa: '戦略 (同じ戦略IDの行は組み合わせ。現状維持は自動で追加)',
  captionEn: 'Strategies',
  row: HEADER_ROW,
  column: 8,
  columns: [
    col(
      'strategyId',
      '戦略ID',
      'Strategy ID',
      'text',
      '同じIDの行は一つの戦略の組み合わせ (必須)',
      { width: 12 },
    ),
    col(
      'strategyName',
      '戦略名',
      'Strategy name',
      'text',
      '結果に表示する名前 (最初の行の名前を使用)',
      { width: 28 },
    ),
    col(
      'kind',
      '種類',
      'Kind',
      'choice',
      '借換 / 資本性劣後ローン / リスケ / 繰上返済。空欄の行は名前だけの戦略 (現状維持)',
      {
        choices: STRATEGY_KIND_CHOICES,
        width: 16,
      },
    ),
    col(
      'select',
      '対象',
      'Loans',
      'selector',
      '借入ID をカンマ区切り (例: B1,B2) または金融機関名',
      {
        numberFormat: TEXT,
        width: 16,
      },
    ),
    col('programId', '制度', 'Program', 'program', '制度ID (設定シートの制度一覧) または制度名', {
      width: 30,
    }),
    col(
      'baseRate',
      '基準利率',
      'Base rate',
      'rate',
      '借換: 制度の基準利率を上書き (金融機関所定の制度では必須)',
      {
        width: 10,
      },
    ),
    col(
      'amount',
      '金額',
      'Amount',
      'number',
      '資本性劣後ローン・繰上返済: 金額 (金額単位は設定シート)',
      {
        width: 14,
      },
    ),
    col(
      'termMonths',
      '期間(月)',
      'Term (months)',
      'number',
      '借換・資本性劣後ローン: 新しい借入の期間',
      {
        numberFormat: MONTHS,
        width: 10,
      },
    ),
    col('graceMonths', '据置(月)', 'Grace (months)', 'number', '借換: 据置月数。空欄は 0', {
      numberFormat: MONTHS,
      width: 10,
    }),
    col('mode', '方式', 'Mode', 'choice', '資本性劣後ローン: DDS (既存借入を転換) / 新規資金', {
      choices: CAPITAL_MODE_CHOICES,
      width: 10,
    }),
    col(
      'privateBankSupport',
      '民間支援',
      'Bank support',
      'bool',
      '資本性劣後ローン: 民間金融機関の支援あり (当初3年の低利)。空欄はいいえ',
      {
        choices: YES_NO,
        width: 10,
      },
    ),
    col(
      'holidayMonths',
      '元金猶予(月)',
      'Holiday (months)',
      'number',
      'リスケ: 元金返済を止める月数',
      {
        numberFormat: MONTHS,
        width: 12,
      },
    ),
    col(
      'extendTerm',
      '猶予後',
      'After holiday',
      'choice',
      'リスケ: 延長 (期間を猶予分延ばす) / 再配分 (残り期間で返済)。空欄は延長',
      {
        choices: AFTER_HOLIDAY_CHOICES,
        width: 10,
      },
    ),
    col(
      'rateOptions',
      '金利オプション',
      'Rate options',
      'text',
      '借換: 制度の金利オプションID をカンマ区切り (例: special-1, wage-increase = 賃上げ特例 当初2年▲0.5%)',
      { numberFormat: TEXT, width: 18 },
    ),
    col('date', '返済日', 'Date', 'date', '繰上返済: 繰上返済する日'),
    col(
      'effect',
      '繰上後',
      'Effect',
      'choice',
      '繰上返済: 期間短縮 (毎回の返済額そのまま) / 返済額軽減 (最終期日そのまま)',
      { choices: PREPAY_EFFECT_CHOICES, width: 12 },
    ),
  ],
});

// ---------------------------------------------------------------------------------------------
// 設定: settings (key/value) and program terms the case changes

/** Eligibility facts beyond the two above; a blank cell is "not checked", never no or zero. */
const FACT_ITEMS: readonly FieldDef[] = [
  item(
    'facts.crisisEraLoanIds',
    'コロナ関連融資の借入ID',
    'Crisis-era loan ids',
    'text',
    '借入一覧のID をカンマ区切りで (例: Z1, C1)。危機対応後経営安定貸付の資金使途の確認に使います',
  ),
  item(
    'facts.privateBankSupport',
    '民間金融機関の支援あり',
    'Private bank supports the plan',
    'bool',
    '協調支援型特別保証の要件②・保証料補助。はい / いいえ。空欄は未確認',
    { choices: YES_NO },
  ),
  item(
    'facts.isSmallEnterprise',
    '小規模企業者',
    'Small enterprise',
    'bool',
    '小口零細企業保証の要件。空欄なら従業員数 (5人以下ははい、21人以上はいいえ) から判定',
    { choices: YES_NO },
  ),
  item(
    'facts.existingGuaranteedYen',
    '既存の保証付残高',
    'Existing guaranteed balance',
    'number',
    '金額単位は上の設定。空欄なら借入一覧の保証料のある借入から計算',
  ),
  item(
    'facts.concurrentProperLoanYen',
    '同時実行のプロパー融資',
    'Proper loan drawn alongside',
    'number',
    '協調支援型特別保証の要件① (保証付融資の1割以上)。空欄は未確認',
  ),
  item(
    'facts.salesChangeRate',
    '最近3か月の売上高増減率',
    'Sales change, latest 3 months',
    'rate',
    '例: -8%。セーフティネット貸付の要件 (5%以上減少)。空欄は未確認',
  ),
  item(
    'facts.successionOrConsolidation',
    '事業承継・集約に取り組む',
    'Succession or consolidation',
    'bool',
    '事業承継・集約・活性化支援資金の要件。空欄は未確認',
    { choices: YES_NO },
  ),
  item(
    'facts.payrollChangeRate',
    '雇用者給与等支給額の増加率',
    'Payroll change',
    'rate',
    '例: 3%。賃上げ貸付利率特例 (2.5%以上)。空欄は未確認',
  ),
];

export const SETTINGS: KeyValueTableDef = {
  kind: 'key-value',
  name: 'Settings',
  labelJa: '設定',
  sheet: '設定',
  captionJa: '設定',
  captionEn: 'Settings',
  row: HEADER_ROW,
  column: 1,
  items: [
    item('name', 'ケース名', 'Case name', 'text', '結果に表示するケースの名前 (任意)'),
    item('profile.name', '企業名', 'Borrower', 'text', '結果シートに表示'),
    item('profile.sector', '業種', 'Sector', 'text', '例: 宿泊業'),
    item(
      'profile.jfcUnit',
      '公庫の事業区分',
      'JFC unit',
      'choice',
      '中小事業 / 国民事業 (制度の限度額・利率が変わります)。空欄は中小事業',
      {
        choices: JFC_UNIT_CHOICES,
      },
    ),
    item(
      'profile.fiscalYearEndMonth',
      '決算月',
      'Fiscal year end month',
      'number',
      '1〜12。空欄は 3',
    ),
    item(
      'profile.employees',
      '従業員数',
      'Employees',
      'number',
      'ローカルベンチマークの労働生産性に使用',
    ),
    item(
      'profile.units',
      '金額単位',
      'Amount unit',
      'choice',
      '円 / 千円 / 百万円: 全シートの金額 (借入残高・財務・計画・戦略の金額)。空欄は円',
      {
        choices: UNIT_CHOICES,
      },
    ),
    item(
      'asOf',
      '基準日 (直近決算日)',
      'As of',
      'date',
      '直近決算の決算日。計画1年目はその翌期 (必須)',
    ),
    item(
      'indexes.short-prime',
      '短期プライムレート',
      'Short-term prime',
      'rate',
      '現在の水準 (例: 2.125%)。短プラ連動の借入があれば必須',
    ),
    item('indexes.tibor', 'TIBOR', 'TIBOR', 'rate', '現在の水準。TIBOR 連動の借入があれば必須'),
    item(
      'indexes.jfc-base',
      'JFC基準利率',
      'JFC base rate',
      'rate',
      '実行時確定(JFC)・JFC基準利率連動の借入があれば必須',
    ),
    item(
      'modes',
      '試算モード',
      'Reprice mode',
      'choice',
      '個別改定 (借入ごとの改定日) / 一斉改定 (全借入を一度に) / 両方。空欄は個別改定',
      {
        choices: MODE_CHOICES,
      },
    ),
    item(
      'defaults.dayCount',
      '日数計算 (既定)',
      'Default day count',
      'choice',
      '借入一覧で空欄の借入に適用: ACT/365F / 30/360。空欄は ACT/365F',
      {
        choices: DAY_COUNT_CHOICES,
      },
    ),
    item(
      'defaults.rounding',
      '端数処理 (既定)',
      'Default rounding',
      'choice',
      '借入一覧で空欄の借入に適用: 切捨て / なし。空欄は切捨て',
      {
        choices: ROUNDING_CHOICES,
      },
    ),
    item('thresholds.minDscr', 'DSCR 下限', 'Minimum DSCR', 'number', '空欄は 1.0'),
    item(
      'thresholds.maxDebtYearsAtPlanEnd',
      '債務償還年数 上限 (計画最終年)',
      'Max debt years at plan end',
      'number',
      '空欄は 10',
    ),
    item(
      'thresholds.debtYearsForm',
      '債務償還年数の算式',
      'Debt-years form',
      'choice',
      'ネット (現預金・正常運転資金を控除) / シンプル。空欄はネット',
      {
        choices: DEBT_YEARS_FORM_CHOICES,
      },
    ),
    item(
      'thresholds.profitWithinYears',
      '経常黒字化 (年以内)',
      'Profit within (years)',
      'number',
      '空欄は 3',
    ),
    item(
      'thresholds.solvencyWithinYears',
      '実質債務超過解消 (年以内)',
      'Solvency within (years)',
      'number',
      '空欄は 5',
    ),
    item(
      'thresholds.minCash',
      '現預金 下限',
      'Minimum cash',
      'number',
      '月末現預金がこれを下回ると不合格 (金額単位で入力)。空欄は 0',
    ),
    item(
      'thresholds.covenants.noConsecutiveOrdinaryLoss',
      'コベナンツ: 2期連続経常赤字なし',
      'Covenant: no two ordinary losses in a row',
      'bool',
      'はい / いいえ。空欄はいいえ (適用しない)',
      {
        choices: YES_NO,
      },
    ),
    item(
      'thresholds.covenants.netAssetsFloorShare',
      'コベナンツ: 純資産 前期比下限',
      'Covenant: net-assets floor',
      'rate',
      '例: 75%。空欄は適用しない',
    ),
    item(
      'thresholds.covenants.noInsolvency',
      'コベナンツ: 債務超過なし',
      'Covenant: no insolvency',
      'bool',
      'はい / いいえ。空欄はいいえ',
      {
        choices: YES_NO,
      },
    ),
    item(
      'thresholds.covenants.minIcr',
      'コベナンツ: ICR 下限',
      'Covenant: minimum ICR',
      'number',
      '例: 1.0。空欄は適用しない',
    ),
    item(
      'facts.hasCrisisEraDebt',
      'コロナ関連融資の利用あり',
      'Has crisis-era debt',
      'bool',
      '危機対応後経営安定貸付の要件。はい / いいえ',
      {
        choices: YES_NO,
      },
    ),
    item(
      'facts.hasImprovementPlan',
      '経営改善計画あり',
      'Has an improvement plan',
      'bool',
      '資本性劣後ローン等の要件。はい / いいえ',
      {
        choices: YES_NO,
      },
    ),
    ...FACT_ITEMS,
    item(
      'defaults.businessDay',
      '休日の扱い (既定)',
      'Default business day',
      'choice',
      '借入一覧で空欄の借入と戦略の新規借入に適用: 翌営業日 / 前営業日 / 調整なし。空欄は翌営業日',
      {
        choices: BUSINESS_DAY_CHOICES,
      },
    ),
    item(
      'thresholds.ebitdaCapitalDebt',
      'EBITDA倍率の資本性借入金',
      'Capital-type debt in EBITDA multiple',
      'choice',
      '含める (借入金の全額、ローカルベンチマークの算式) / 資本認定分を除く。空欄は含める',
      {
        choices: EBITDA_CAPITAL_DEBT_CHOICES,
      },
    ),
    item(
      'profile.negatives',
      '負の数の表示',
      'Negative numbers',
      'choice',
      '結果シートの負の数: △ (△5,000) / - (-5,000)。空欄は △',
      { choices: NEGATIVES_CHOICES },
    ),
    item(
      'defaults.guaranteeFeeExpense',
      '保証料の費用計上',
      'Guarantee fee in P/L',
      'choice',
      '一括前払の保証料を経常利益に計上する時期: 支払時 (支払った年度に全額) / 期間按分 (保証期間の月数で各年度に按分)。空欄は支払時',
      { choices: GUARANTEE_FEE_EXPENSE_CHOICES },
    ),
  ],
};

export const PROGRAM_TERMS: RowTableDef = {
  kind: 'rows',
  name: 'ProgramTerms',
  labelJa: '制度条件の上書き',
  sheet: '設定',
  captionJa: '制度条件の上書き (金利改定など。空欄でよい)',
  captionEn: 'Program terms overridden',
  row: HEADER_ROW,
  column: 6,
  optional: true,
  columns: [
    col('programId', '制度', 'Program', 'program', '制度ID または制度名', { width: 30 }),
    col(
      'term',
      '項目',
      'Term',
      'text',
      '上書きする条件のキー (例: rate.baseRate, guaranteeFeeRate, maxTermMonths, limitYen)',
      {
        width: 20,
      },
    ),
    col('value', '値', 'Value', 'term-value', '率は 2.45% のように。limitYen は円単位', {
      width: 12,
      numberFormat: undefined,
    }),
    noteColumn('出典・日付など (計算には使いません)', 30),
  ],
};

// ---------------------------------------------------------------------------------------------

export const INPUT_SHEETS: readonly SheetDef[] = [
  {
    name: '借入一覧',
    titleJa: '借入一覧 / Debt stack',
    note: '1 行 = 1 本の借入。残高は基準日時点 (金額単位は「設定」)。金利は 2.3% のように入力。',
    tables: [LOANS],
  },
  {
    name: '財務',
    titleJa: '財務 (直近決算) / Last closed year',
    note: '「値」の列だけを入力してください (金額単位は「設定」)。キーの列は変更しないでください。',
    tables: [FINANCIALS],
  },
  {
    name: '計画',
    titleJa: '事業計画 / Plan',
    note: '1 行 = 1 期 (1 行目は基準日の翌期、最長 20 期)。営業利益か営業利益率のどちらかを入力。',
    tables: [PLAN],
  },
  {
    name: 'シナリオ',
    titleJa: 'シナリオ (金利ショックと戦略) / Shocks and strategies',
    note: 'ショックは 1 行に 1 つ (任意の金利パスは JSON ケースファイルで)。戦略は 1 行に 1 つの施策、同じ戦略IDの行を組み合わせます。',
    tables: [SHOCKS, STRATEGIES],
  },
  {
    name: '設定',
    titleJa: '設定 / Settings',
    note: '基準日・金額単位・基準金利の水準・判定基準。「値」の列を入力。右の表で制度条件を上書きできます。',
    tables: [SETTINGS, PROGRAM_TERMS],
  },
  PLAN_INPUT_SHEET,
];

export const INPUT_TABLES: readonly TableDef[] = INPUT_SHEETS.flatMap((s) => s.tables);

/**
 * The Excel validation list of a column: the choices' labels, the catalog's program ids; none
 * for free entries.
 */
export function validationList(f: FieldDef): readonly string[] | undefined {
  if (f.kind === 'program') return PROGRAM_IDS;
  return f.choices?.map((c) => c.label);
}

export function tableDef(name: TableName): TableDef {
  return INPUT_TABLES.find((t) => t.name === name)!;
}

/** The headers of a table as written in the template. */
export function tableHeaders(def: TableDef): string[] {
  return def.kind === 'rows'
    ? def.columns.map(headerText)
    : KEY_VALUE_ORDER.map((k) => headerText(KEY_VALUE_COLUMNS[k]));
}

/** The sheet names of the input, in order. */
export const INPUT_SHEET_NAMES: readonly string[] = INPUT_SHEETS.map((s) => s.name);
