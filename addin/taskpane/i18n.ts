/** The task pane's words, Japanese first. Keys name the place in the pane, not the text. */
const JA = {
  title: 'RateShock 金利ショック',
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
  monteCarloHeading: 'モンテカルロ',
  monteCarloEnabled: '実行する',
  paths: 'パス数',
  seed: 'シード',
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
  failed: 'エラー',
  badShock: 'ショックは -5〜+10 の % で入力してください',
  badPaths: 'パス数は 100〜100,000 の整数で入力してください',
  badSeed: 'シードは 0 以上の整数で入力してください',
  summaryHeading: '結果サマリー（✓ 全チェック合格 / ✗ 不合格、数値は最低 DSCR）',
  shockColumn: 'ショック',
  monteCarloRow: 'MC 不合格確率',
  eligibility: '適格',
} as const;

export type MessageKey = keyof typeof JA;
export type Messages = Record<MessageKey, string>;
export type Language = 'ja' | 'en';

const EN: Messages = {
  title: 'RateShock',
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
  monteCarloHeading: 'Monte Carlo',
  monteCarloEnabled: 'Run',
  paths: 'Paths',
  seed: 'Seed',
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
  failed: 'Error',
  badShock: 'Shocks are percentages from -5 to +10',
  badPaths: 'Paths must be a whole number from 100 to 100,000',
  badSeed: 'The seed must be a whole number, 0 or more',
  summaryHeading: 'Summary (✓ every check passed / ✗ failed; the number is the lowest DSCR)',
  shockColumn: 'Shock',
  monteCarloRow: 'MC failure probability',
  eligibility: 'Eligible',
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
