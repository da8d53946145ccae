import type { Choice } from './cell-values';
import { HEADER_ROW, YES_NO, col, item } from './field-defs';
import type { FieldDef, KeyValueTableDef, RowTableDef, SheetDef } from './input-layout';

/**
 * The 再生計画 input sheet (council plans, engine/plan): the pro-rata plan actions, guarantee
 * coverage by loan, collateral with its liens, liquidation values, 実態修正 and a few amounts.
 * Every table is optional, and so is the sheet: a workbook without it reads as before.
 */

export const PLAN_SHEET = '再生計画';

export const BASIS_CHOICES: readonly Choice<string>[] = [
  { label: '残高プロラタ', value: 'balance', aliases: ['残高', 'balance'] },
  {
    label: '非保全残高プロラタ',
    value: 'unsecured',
    aliases: ['非保全残高', '信用残高プロラタ', 'unsecured'],
  },
];

export const COLLATERAL_KIND_CHOICES: readonly Choice<string>[] = [
  { label: '不動産', value: 'real-estate', aliases: ['土地', '建物', '土地建物'] },
  { label: '預金', value: 'deposit', aliases: ['定期預金', '預金担保'] },
  { label: 'その他', value: 'other' },
];

export const PLAN_ACTIONS: RowTableDef = {
  kind: 'rows',
  name: 'PlanActions',
  labelJa: 'プロラタ返済',
  sheet: PLAN_SHEET,
  captionJa: 'プロラタ返済 (戦略IDごとに1行。シナリオシートの施策の後に適用)',
  captionEn: 'Pro-rata plans',
  row: HEADER_ROW,
  column: 1,
  optional: true,
  columns: [
    col(
      'strategyId',
      '戦略ID',
      'Strategy ID',
      'text',
      'シナリオシートの戦略ID (なければ新しい戦略)',
    ),
    col('strategyName', '戦略名', 'Strategy name', 'text', '新しい戦略の名前', { width: 24 }),
    col(
      'select',
      '対象',
      'Pool',
      'text',
      '金融機関名をカンマ区切り (例: A銀行,B信金) または借入ID',
      { width: 26 },
    ),
    col('basis', '按分基準', 'Basis', 'choice', '残高プロラタ / 非保全残高プロラタ。空欄は残高', {
      choices: BASIS_CHOICES,
      width: 16,
    }),
    col(
      'fcfShare',
      '返済原資率',
      'FCF share',
      'rate',
      'フリーCFのうち返済に充てる割合。空欄は80%',
      {
        width: 10,
      },
    ),
    col(
      'minCashMonths',
      '最低現預金(月)',
      'Min cash (months)',
      'number',
      '手元に残す現預金 (月商の何か月分)。空欄は1',
      {
        numberFormat: '0.0',
        width: 12,
      },
    ),
    col(
      'guaranteeCountsAsSecured',
      '保証を保全に',
      'Guarantee secured',
      'bool',
      '保証協会の保証部分を保全に含める。空欄ははい',
      {
        choices: YES_NO,
        width: 10,
      },
    ),
    col(
      'terminalRecoveryRate',
      '期末残高回収率',
      'Terminal recovery',
      'rate',
      '計画終了時の残高を回収とみなす割合。空欄は100%',
      {
        width: 12,
      },
    ),
    col(
      'firstYear',
      '開始年度',
      'First year',
      'number',
      'プロラタ返済を始める年度 (西暦、例: 2029)。それまでは約定どおり。空欄は計画1年目',
      { numberFormat: '0', width: 10 },
    ),
  ],
};

export const GUARANTEES: RowTableDef = {
  kind: 'rows',
  name: 'Guarantees',
  labelJa: '保証協会付き借入',
  sheet: PLAN_SHEET,
  captionJa: '保証協会付き借入',
  captionEn: 'Guaranteed loans',
  row: HEADER_ROW,
  column: 11,
  optional: true,
  columns: [
    col('loanId', '借入ID', 'Loan ID', 'text', '借入一覧の借入ID', { width: 10 }),
    col('guaranteeCoverage', '保証割合', 'Coverage', 'rate', '80% または 100%', { width: 10 }),
  ],
};

export const COLLATERAL: RowTableDef = {
  kind: 'rows',
  name: 'Collateral',
  labelJa: '担保',
  sheet: PLAN_SHEET,
  captionJa: '担保 (1行 = 1つの担保権。同じ担保IDの行は順位順に)',
  captionEn: 'Collateral and liens',
  row: HEADER_ROW,
  column: 14,
  optional: true,
  columns: [
    col('id', '担保ID', 'Collateral ID', 'text', '同じ物件の担保権は同じID', { width: 10 }),
    col('kind', '種類', 'Kind', 'choice', '不動産 / 預金 / その他 (最初の行)', {
      choices: COLLATERAL_KIND_CHOICES,
      width: 10,
    }),
    col('value', '評価額', 'Value', 'number', '評価額 (最初の行。金額単位は設定シート)'),
    col('haircut', '掛目', 'Haircut', 'rate', '0%〜100% (最初の行)', { width: 8 }),
    col('lender', '担保権者', 'Lender', 'text', '金融機関名 (借入一覧と同じ表記)', { width: 16 }),
    col('rank', '順位', 'Rank', 'number', '1 = 第一順位', { numberFormat: '0', width: 6 }),
    col(
      'loanIds',
      '被担保借入',
      'Loans secured',
      'text',
      '借入IDをカンマ区切り。空欄はその金融機関の全借入',
      {
        width: 14,
      },
    ),
  ],
};

export const LIQUIDATION: RowTableDef = {
  kind: 'rows',
  name: 'Liquidation',
  labelJa: '清算価値',
  sheet: PLAN_SHEET,
  captionJa: '清算価値 (資産ごと: 簿価 × 掛目 または 清算価値)',
  captionEn: 'Liquidation values',
  row: HEADER_ROW,
  column: 22,
  optional: true,
  columns: [
    col('item', '項目', 'Item', 'text', '資産の科目', { width: 20 }),
    col('bookValue', '簿価', 'Book value', 'number', '帳簿価額'),
    col('haircut', '掛目', 'Haircut', 'rate', '清算時の掛目 (清算価値を入力しない場合)', {
      width: 8,
    }),
    col('value', '清算価値', 'Liquidation value', 'number', '清算価値 (掛目の代わりに金額で)'),
    col(
      'collateralId',
      '担保ID',
      'Collateral ID',
      'text',
      '担保に入っている資産は担保ID (一般債権者への配当から除く)',
      {
        width: 10,
      },
    ),
  ],
};

export const ADJUSTMENTS: RowTableDef = {
  kind: 'rows',
  name: 'Adjustments',
  labelJa: '実態修正',
  sheet: PLAN_SHEET,
  captionJa: '実態修正 (直近決算。減額はマイナス)',
  captionEn: 'Adjustments to real values',
  row: HEADER_ROW,
  column: 28,
  optional: true,
  columns: [
    col('item', '項目', 'Item', 'text', '例: 不良在庫、回収不能債権、土地含み損、代表者借入金', {
      width: 24,
    }),
    col('amount', '金額', 'Amount', 'number', '純資産への影響額 (減少はマイナス)'),
    col('note', '備考', 'Note', 'text', '根拠など', { width: 24 }),
  ],
};

/** 資金繰り表: its length, the sites and 12 seasonal weights (all blank: flat). */
const MONTHLY_PROFILE_ITEMS: FieldDef[] = [
  {
    ...item(
      'cashTableMonths',
      '資金繰り表の月数',
      'Cash table months',
      'number',
      '12 または 24。空欄は12',
    ),
    numberFormat: '0',
  },
  {
    ...item(
      'monthlyProfile.collectionMonths',
      '売掛サイト (月)',
      'Collection months',
      'number',
      '売上から回収までの月数 (0〜12)。空欄は0',
    ),
    numberFormat: '0',
  },
  {
    ...item(
      'monthlyProfile.paymentMonths',
      '買掛サイト (月)',
      'Payment months',
      'number',
      '仕入・経費から支払までの月数 (0〜12)。空欄は0',
    ),
    numberFormat: '0',
  },
  ...Array.from({ length: 12 }, (_, k) => ({
    ...item(
      `monthlyProfile.seasonality[${k}]`,
      `売上の季節ウェイト 期首${k + 1}か月目`,
      `Seasonality, month ${k + 1}`,
      'number',
      k === 0 ? '期首月からの売上の比 (0以上)。12か月すべて空欄は均等' : '0以上',
    ),
    numberFormat: '0.00',
  })),
];

export const PLAN_SETTINGS: KeyValueTableDef = {
  kind: 'key-value',
  name: 'PlanSettings',
  labelJa: '再生計画の設定',
  sheet: PLAN_SHEET,
  captionJa: '再生計画の金額',
  captionEn: 'Plan amounts',
  row: HEADER_ROW,
  column: 32,
  optional: true,
  items: [
    item(
      'base.netIncome',
      '当期純利益 (直近決算)',
      'Net income',
      'number',
      '1年目の返済原資の計算に使用。空欄は経常利益から概算',
    ),
    item('base.capex', '設備投資 (直近決算)', 'Capex', 'number', '空欄は 0'),
    item(
      'base.workingCapitalChange',
      '運転資本増加 (直近決算)',
      'Working capital change',
      'number',
      '空欄は 0',
    ),
    item(
      'liquidation.priorityClaims',
      '優先債権 (租税・労働債権・清算費用)',
      'Priority claims',
      'number',
      '清算時に一般債権より先に払う額',
    ),
    item(
      'liquidation.otherGeneralLiabilities',
      'その他の一般債務',
      'Other general liabilities',
      'number',
      '買掛金・未払金など金融機関以外の一般債権',
    ),
    ...MONTHLY_PROFILE_ITEMS,
  ],
};

export const PLAN_INPUT_SHEET: SheetDef = {
  name: PLAN_SHEET,
  titleJa: '再生計画 / Council plan',
  note: '協議会の再生計画: プロラタ返済、保全 (担保・保証)、清算価値、実態修正。使わない場合は空欄のままで構いません。',
  tables: [PLAN_ACTIONS, GUARANTEES, COLLATERAL, LIQUIDATION, ADJUSTMENTS, PLAN_SETTINGS],
};
