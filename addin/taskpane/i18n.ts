/** The task pane's words, Japanese first. Keys name the place in the pane, not the text. */
const JA = {
  title: 'RateShock 金利上昇ストレステスト',
  subtitle: '借入の金利上昇・借換えシミュレーション',
  toggleLanguage: 'English',
  previewMode: 'プレビュー: Excel の外で開いています（ブラウザ内のブックで動作）',
  inputHeading: '入力',
  createTemplate: '入力テンプレートを作成',
  scenarioLabel: 'ワークショップ事例',
  loadScenario: '事例を読み込む（入力シートを置き換え）',
  shocksHeading: '金利ショック',
  customShocks: '追加（%、カンマ区切り）',
  customShocksPlaceholder: '例: 0.75, 1.5',
  strategiesHeading: '戦略',
  reloadStrategies: 'ブックから再読込',
  noStrategies: '戦略シートを読み込むと表示されます',
  advancedHeading: '詳細設定',
  monteCarloHeading: '金利の経路を多数試す（モンテカルロ）',
  monteCarloEnabled: 'モンテカルロも実行する',
  paths: '試す経路の数',
  seed: '乱数の種（同じ数なら同じ結果）',
  run: '実行',
  clear: '結果をクリア',
  reading: 'ブックを読み込んでいます…',
  computing: '計算しています…',
  writing: '結果を書き込んでいます…',
  done: '完了: 結果シートを書き込みました',
  templateCreated: '入力テンプレートを作成しました',
  templateExists: '入力シートが既にあります（事例の読込は置き換えます）',
  scenarioLoaded: '事例を読み込みました',
  cleared: '結果シートを削除しました',
  nothingToClear: '削除する結果シートはありません',
  inputErrors: '入力エラー（クリックでセルを選択）',
  errorsHeading: '入力エラー {n} 件（結果シートは書き込んでいません）',
  failed: '処理できませんでした（前回の結果はそのまま残っています）',
  technicalDetail: '技術的な詳細（Excel からのメッセージ）',
  nameClash:
    'ブックに名前「{name}」が定義されているため、結果の表を作れませんでした。「数式」タブの「名前の管理」でこの名前を変更または削除してから、もう一度実行してください（前回の結果はそのまま残っています）',
  startWithTemplate:
    'まず「入力テンプレートを作成」を押すか、ワークショップ事例を読み込んでください',
  sheetMissing: 'シートがありません',
  badShock: 'ショックは -5〜+10 の % で入力してください',
  badPaths: '試す経路の数は 100〜100,000 の整数で入力してください',
  badSeed: '乱数の種は 0 以上の整数で入力してください',
  summaryHeading: '結果サマリー（✓ 全チェック合格 / ✗ 不合格、数値は最低 DSCR）',
  resultHeading: '結果',
  detailTable: '詳しい表（最低 DSCR・適格・借入一覧）',
  lowestDscr: '現状の最低 DSCR',
  headlineAllPass: '{base}はすべてのショックで全チェック合格です。',
  headlineBreaks: '{base}は {shock} で不合格になります。',
  headlineFailsNow: '{base}は金利が今のままでも不合格です。',
  headlineHolds: 'すべてのショックで合格する戦略: {names}。',
  headlineNoneHolds: 'すべてのショックで合格する戦略はありません。',
  shockColumn: 'ショック',
  monteCarloRow: '不合格の確率（モンテカルロ）',
  eligibility: '適格',
  loansHeading: '借入一覧（返済日が銀行休業日のときの扱い）',
  loanName: '借入',
  loanLender: '金融機関',
  loanBalance: '残高（円）',
  loanBusinessDay: '休日の扱い',
  lessonFold: 'この事例で学ぶこと',
  sentenceSeparator: '',
  listSeparator: '、',
  eligibleNo: '✗ 要件外',
  eligibleCheck: '△ 要確認',
  planColumnLender: '金融機関',
  planColumnShare: 'シェア',
  planColumnBalance: '基準日残高（円）',
  planColumnUnsecured: '非保全（円）',
  planColumnRepaid: '返済計（ショックなし、円）',
  planRationalTitle: '経済合理性（清算配当を上回るか）',
  planBasisBalance: '残高プロラタ',
  planBasisUnsecured: '非保全残高プロラタ',
  planLiquidationRate: '清算配当率 {rate}',
} as const;

export type MessageKey = keyof typeof JA;
export type Messages = Record<MessageKey, string>;
export type Language = 'ja' | 'en';

const EN: Messages = {
  title: 'RateShock interest-rate stress test',
  subtitle: 'Rate-rise and refinancing simulation for SME debt',
  toggleLanguage: '日本語',
  previewMode: 'Preview: opened outside Excel (runs on an in-browser workbook)',
  inputHeading: 'Input',
  createTemplate: 'Create input template',
  scenarioLabel: 'Workshop case',
  loadScenario: 'Load case (replaces the input sheets)',
  shocksHeading: 'Rate shocks',
  customShocks: 'More (%, comma-separated)',
  customShocksPlaceholder: 'e.g. 0.75, 1.5',
  strategiesHeading: 'Strategies',
  reloadStrategies: 'Reload from workbook',
  noStrategies: 'Shown once the strategies sheet is read',
  advancedHeading: 'Advanced',
  monteCarloHeading: 'Try many rate paths (Monte Carlo)',
  monteCarloEnabled: 'Also run Monte Carlo',
  paths: 'Number of paths',
  seed: 'Random seed (same seed, same result)',
  run: 'Run',
  clear: 'Clear results',
  reading: 'Reading the workbook…',
  computing: 'Computing…',
  writing: 'Writing results…',
  done: 'Done: result sheets written',
  templateCreated: 'Input template created',
  templateExists: 'The input sheets already exist (loading a case replaces them)',
  scenarioLoaded: 'Case loaded',
  cleared: 'Result sheets removed',
  nothingToClear: 'No result sheets to remove',
  inputErrors: 'Input errors (click to select the cell)',
  errorsHeading: 'Input errors: {n} (no result sheet was written)',
  failed: 'Could not finish (the previous results are unchanged)',
  technicalDetail: 'Technical detail (message from Excel)',
  nameClash:
    'The workbook defines the name "{name}", which a RateShock table needs: rename or delete it in Formulas › Name Manager, then run again (the previous results are unchanged)',
  startWithTemplate: 'First press “Create input template”, or load a workshop case',
  sheetMissing: 'sheet missing',
  badShock: 'Shocks are percentages from -5 to +10',
  badPaths: 'The number of paths must be a whole number from 100 to 100,000',
  badSeed: 'The random seed must be a whole number, 0 or more',
  summaryHeading: 'Summary (✓ every check passed / ✗ failed; the number is the lowest DSCR)',
  resultHeading: 'Results',
  detailTable: 'Detailed table (lowest DSCR, eligibility, loans)',
  lowestDscr: 'Lowest DSCR, status quo',
  headlineAllPass: '{base} passes every check under every shock.',
  headlineBreaks: '{base} fails from {shock}.',
  headlineFailsNow: '{base} fails even if rates stay where they are.',
  headlineHolds: 'Passing under every shock: {names}.',
  headlineNoneHolds: 'No strategy passes under every shock.',
  shockColumn: 'Shock',
  monteCarloRow: 'Probability of failing (Monte Carlo)',
  eligibility: 'Eligible',
  loansHeading: 'Loans (payment dates on a bank holiday)',
  loanName: 'Loan',
  loanLender: 'Lender',
  loanBalance: 'Balance (yen)',
  loanBusinessDay: 'Business day',
  lessonFold: 'What this case teaches',
  sentenceSeparator: ' ',
  listSeparator: ', ',
  eligibleNo: '✗ not eligible',
  eligibleCheck: '△ check',
  planColumnLender: 'Lender',
  planColumnShare: 'Share',
  planColumnBalance: 'Base-date balance (yen)',
  planColumnUnsecured: 'Unsecured (yen)',
  planColumnRepaid: 'Repaid, no shock (yen)',
  planRationalTitle: 'Economic rationality (more than liquidation would pay)',
  planBasisBalance: 'pro rata by balance',
  planBasisUnsecured: 'pro rata by unsecured balance',
  planLiquidationRate: 'liquidation rate {rate}',
};

export const MESSAGES: Record<Language, Messages> = { ja: JA, en: EN };

/**
 * Japanese unless Office's display language is known and is not Japanese (`en-US`, `fr-FR`…).
 * @example languageFor('ja-JP') // 'ja'
 * @example languageFor('en-US') // 'en'
 * @example languageFor(undefined) // 'ja'
 */
export function languageFor(displayLanguage: string | undefined): Language {
  if (!displayLanguage) return 'ja';
  return displayLanguage.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/**
 * A bilingual name from the workbook ("現状維持 / status quo") in one language: the part before
 * " / " in Japanese, after it in English; a name without exactly one " / " as it is.
 * @example inLanguage('現状維持 / status quo', 'en') // 'status quo'
 * @example inLanguage('湯けむり旅館', 'en') // '湯けむり旅館'
 */
export function inLanguage(name: string, language: Language): string {
  const parts = name.split(' / ');
  if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) return name;
  return (language === 'ja' ? parts[0] : parts[1]).trim();
}
