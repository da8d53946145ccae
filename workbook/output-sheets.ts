/** The product's own output sheets: replaced on each run, never the user's input sheets. */
export const OUTPUT_SHEETS = {
  summary: '結果サマリー',
  details: '制度・チェック明細',
  numericPlan: '計数計画',
  fiscalYears: '年度別',
  checks: 'チェック',
  schedule: '返済予定表',
  charts: 'グラフ',
  monteCarlo: 'モンテカルロ',
  portfolio: 'ポートフォリオ',
} as const;

/**
 * The hidden sheet holding dropdown lists too long for a validation's inline list (255
 * characters); both appliers write it, and replacing the input sheets replaces it too.
 */
export const LISTS_SHEET = '_lists';

export const OUTPUT_SHEET_NAMES: readonly string[] = Object.values(OUTPUT_SHEETS);

/** The sheets `run` writes, in order. */
export const RESULT_SHEET_NAMES: readonly string[] = [
  OUTPUT_SHEETS.summary,
  OUTPUT_SHEETS.details,
  OUTPUT_SHEETS.numericPlan,
  OUTPUT_SHEETS.fiscalYears,
  OUTPUT_SHEETS.checks,
  OUTPUT_SHEETS.schedule,
  OUTPUT_SHEETS.charts,
];

/** The council plan's sheets (workbook/render-plan.ts), written when a strategy has a plan. */
export const PLAN_OUTPUT_SHEETS = {
  repayment: '金融機関別返済計画',
  cash: '資金繰り表',
  substantive: '実態BS・清算BS',
} as const;

/** Every sheet a run may write (Monte Carlo only when asked): a new run replaces them all. */
export const RUN_OUTPUT_SHEET_NAMES: readonly string[] = [
  ...RESULT_SHEET_NAMES,
  OUTPUT_SHEETS.monteCarlo,
  ...Object.values(PLAN_OUTPUT_SHEETS),
];

/** A sheet name quoted for a formula reference: '年度別'!A1. */
export function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

export const FORMATS = {
  yen: '#,##0',
  ratio: '0.00',
  years: '0.0',
  percent: '0.0%',
  rate: '0.000%',
  date: 'yyyy-mm-dd',
  integer: '0',
} as const;
