import { serialOfEpochDay } from './excel-serial';
import { PROGRAMS, parseIsoDate } from '../engine';
import {
  FieldDef,
  INPUT_SHEETS,
  KEY_VALUE_COLUMNS,
  KEY_VALUE_ORDER,
  KeyValueTableDef,
  RowTableDef,
  SheetDef,
  TableDef,
  headerText,
  validationList,
} from './input-layout';
import {
  PatchCell,
  PatchColumn,
  PatchSheet,
  PatchTable,
  PatchValue,
  RangeFormat,
  WorkbookPatch,
} from './patch';
import { fitColumns } from './layout/fit-columns';
import { withInputPageSetup } from './layout/input-page-setup';

/**
 * The input template: the five input sheets with their tables, filled with one small fictitious
 * borrower (one loan, three plan years, one shock, one strategy) that runs as it stands.
 */

/** The Excel serial number of a date (1900 date system), for date cells. */
export function excelSerial(iso: string): number {
  const day = parseIsoDate(iso);
  if (day === null) throw new Error(`not a date: ${iso}`);
  return serialOfEpochDay(day);
}

/** Example rows of the row tables, by column key (missing keys are blank cells). */
export const TEMPLATE_ROWS: Record<string, Record<string, PatchValue>[]> = {
  Loans: [
    {
      id: 'B1',
      name: '運転資金 (短プラ連動)',
      lender: 'みどり銀行',
      principal: 100000,
      termMonths: 120,
      graceMonths: 0,
      method: '元金均等',
      rateType: '変動',
      rate: 0.02625,
      index: '短プラ',
      spread: 0.005,
      resetEveryMonths: 6,
      nextResetDate: excelSerial('2026-04-01'),
      guaranteeFeeRate: 0.0085,
      dayCount: 'ACT/365F',
      rounding: '切捨て',
      businessDay: '翌営業日',
      note: '例の行です。書き換えてください',
    },
  ],
  Plan: [
    {
      year: 1,
      revenue: 250000,
      operatingProfit: 12000,
      depreciation: 6000,
      capex: 3000,
      workingCapitalChange: 500,
    },
    {
      year: 2,
      revenue: 255000,
      operatingProfit: 12500,
      depreciation: 6000,
      capex: 3000,
      workingCapitalChange: 500,
    },
    {
      year: 3,
      revenue: 260000,
      operatingMargin: 0.05,
      depreciation: 6000,
      capex: 3000,
      workingCapitalChange: 500,
      note: '営業利益率で入力した例',
    },
  ],
  Shocks: [{ kind: '平行', size: 0.01 }],
  Strategies: [
    {
      strategyId: 'R1',
      strategyName: '15年固定に借換 / refinance over 15 years, fixed',
      kind: '借換',
      select: 'B1',
      programId: 'bank-loan',
      termMonths: 180,
      graceMonths: 0,
    },
  ],
  ProgramTerms: [
    {
      programId: 'bank-loan',
      term: 'rate.annualRate',
      value: '2.20%',
      note: '例: メインバンク提示の借換金利',
    },
  ],
};

/** Example values of the key/value tables, by item key. */
export const TEMPLATE_VALUES: Record<string, Record<string, PatchValue>> = {
  Financials: {
    revenue: 250000,
    operatingProfit: 12000,
    depreciation: 6000,
    nonOperatingIncome: 500,
    nonOperatingExpense: 300,
    interestIncome: 50,
    ordinaryProfit: 9000,
    effectiveTaxRate: '30%',
    cash: 20000,
    receivables: 30000,
    inventory: 15000,
    payables: 20000,
    totalAssets: 200000,
    bookNetAssets: 30000,
    netAssetAdjustments: -5000,
    lossCarryForward: 0,
  },
  Settings: {
    name: 'テンプレートの例 / template example',
    'profile.name': 'さくら製麺 (架空)',
    'profile.sector': '食料品製造業',
    'profile.jfcUnit': '中小事業',
    'profile.fiscalYearEndMonth': 3,
    'profile.employees': 18,
    'profile.units': '千円',
    asOf: '2026-03-31',
    'indexes.short-prime': '2.125%',
    'indexes.jfc-base': '2.30%',
    modes: '個別改定',
    'defaults.dayCount': 'ACT/365F',
    'defaults.rounding': '切捨て',
    'defaults.businessDay': '翌営業日',
    'defaults.guaranteeFeeExpense': '支払時',
    'thresholds.minDscr': 1,
    'thresholds.maxDebtYearsAtPlanEnd': 10,
    'thresholds.debtYearsForm': 'ネット',
    'thresholds.profitWithinYears': 3,
    'thresholds.solvencyWithinYears': 5,
    'thresholds.minCash': 0,
    'thresholds.covenants.noConsecutiveOrdinaryLoss': 'いいえ',
    'thresholds.covenants.noInsolvency': 'いいえ',
    'facts.hasCrisisEraDebt': 'いいえ',
    'facts.hasImprovementPlan': 'いいえ',
  },
};

function patchColumn(f: FieldDef): PatchColumn {
  const list = validationList(f);
  return {
    header: headerText(f),
    ...(f.numberFormat ? { numberFormat: f.numberFormat } : {}),
    ...(f.width ? { width: f.width } : {}),
    ...(list ? { validationList: list } : {}),
    description: f.description,
  };
}

function rowTable(def: RowTableDef): PatchTable {
  return {
    name: def.name,
    row: def.row,
    column: def.column,
    columns: def.columns.map(patchColumn),
    // A table without an example keeps one blank row, as Excel does (a table has at least one).
    rows: (TEMPLATE_ROWS[def.name] ?? [{}]).map((example) =>
      def.columns.map((c) => example[c.key] ?? null),
    ),
  };
}

const KEY_VALUE_DESCRIPTIONS = {
  item: '項目名 (表示用)',
  key: '読み取りに使うキー。変更しないでください',
  value: 'ここに入力します',
  description: '入力のしかた',
};

function keyValueTable(def: KeyValueTableDef): PatchTable {
  const values = TEMPLATE_VALUES[def.name] ?? {};
  return {
    name: def.name,
    row: def.row,
    column: def.column,
    columns: KEY_VALUE_ORDER.map((k) => ({
      header: headerText(KEY_VALUE_COLUMNS[k]),
      width: KEY_VALUE_COLUMNS[k].width,
      numberFormat: k === 'value' ? 'General' : '@',
      description: KEY_VALUE_DESCRIPTIONS[k],
      // Each setting with a fixed list of choices gets its own dropdown.
      ...(k === 'value' && def.items.some((it) => it.choices)
        ? {
            rowValidationLists: def.items.map((it) =>
              it.choices ? validationList(it) : undefined,
            ),
          }
        : {}),
    })),
    rows: def.items.map((it) => [headerText(it), it.key, values[it.key] ?? null, it.description]),
  };
}

function table(def: TableDef): PatchTable {
  return def.kind === 'rows' ? rowTable(def) : keyValueTable(def);
}

/** The catalog's programs as a reference list (plain cells, not an input table). */
function programList(row: number, column: number): PatchCell[] {
  return [
    { row: row - 1, column, value: '制度一覧 (参照用) / Programs', bold: true },
    { row, column, value: headerText({ ja: '制度ID', en: 'Program ID' }), bold: true },
    { row, column: column + 1, value: headerText({ ja: '制度名', en: 'Name' }), bold: true },
    ...PROGRAMS.flatMap((p, i) => [
      { row: row + 1 + i, column, value: p.id },
      { row: row + 1 + i, column: column + 1, value: p.name.ja },
    ]),
  ];
}

function sheet(def: SheetDef): PatchSheet {
  const cells: PatchCell[] = [
    { row: 1, column: 1, value: def.titleJa, bold: true },
    { row: 2, column: 1, value: def.note },
    ...def.tables.map((t) => ({
      row: t.row - 1,
      column: t.column,
      value: `${t.captionJa} / ${t.captionEn} (${t.name})`,
      bold: true,
    })),
  ];
  const columnWidths: Record<number, number> = {};
  if (def.name === '設定') {
    const last = def.tables[def.tables.length - 1];
    const column = last.column + (last.kind === 'rows' ? last.columns.length : 4) + 1;
    cells.push(...programList(last.row, column));
    columnWidths[column] = 40;
    columnWidths[column + 1] = 60;
  }
  // A key-value table's value column holds amounts, rates and text: each row its own format.
  const rangeFormats: RangeFormat[] = def.tables.flatMap((t) =>
    t.kind === 'key-value'
      ? t.items.flatMap((it, i) =>
          it.numberFormat && it.numberFormat !== '@'
            ? [
                {
                  fromRow: t.row + 1 + i,
                  fromColumn: t.column + KEY_VALUE_ORDER.indexOf('value'),
                  toRow: t.row + 1 + i,
                  toColumn: t.column + KEY_VALUE_ORDER.indexOf('value'),
                  numberFormat: it.numberFormat,
                },
              ]
            : [],
        )
      : [],
  );
  // Widths from the text (two-line headers, long descriptions wrapped); captions spill over.
  return fitColumns({
    name: def.name,
    tables: def.tables.map(table),
    cells: cells.map((c) => (c.row < def.tables[0].row ? { ...c, overflow: true } : c)),
    freeze: { rows: def.tables[0].row, columns: 0 },
    highlights: [],
    charts: [],
    columnWidths,
    rangeFormats,
  });
}

/** The input template, Japanese first: 借入一覧, 財務, 計画, シナリオ, 設定. */
export function inputTemplate(): WorkbookPatch {
  return { replaces: [], sheets: INPUT_SHEETS.map((def) => withInputPageSetup(sheet(def))) };
}
