import { Case, GridCell, Results, cashTable } from '../engine';
import { PatchSheet, PatchValue } from './patch';
import { PLAN_OUTPUT_SHEETS } from './output-sheets';
import { columnLetters } from './snapshot';
import { caseFormats, casePrintContext } from './layout/case-layout';
import { columnWidthOf, fitColumns } from './layout/fit-columns';
import { PageSetup, blocksSideBySide } from './layout/page-setup';
import { columnsAPage } from './layout/column-pages';

const CHOICE_ROW = 7;
const BLOCK_ROW = 11;
/** Columns before the first month: 項目, 戦略ID, 金利 (printed on every page). */
const LABEL_COLUMNS = 3;
/** The title, its notes and the chosen strategy × shock (printed on every page). */
const TITLE_ROWS = CHOICE_ROW + 1;
/** Months a page may hold: a year, a half, a quarter (the most that print at a readable scale). */
const MONTH_GROUPS = [12, 6, 4, 3];

/**
 * 資金繰り表 of the first 12 plan months (`months` 24 when asked) for a chosen strategy × shock:
 * a block of SUMIFS over the data table of every plan cell below it; the lowest month of the
 * first cell highlighted.
 */
export function cashSheet(c: Case, results: Results, cells: GridCell[], months = 12): PatchSheet {
  const tables = cells.map((cell) => ({ cell, table: cashTable(c, cell, months) }));
  const first = tables[0];
  const monthLabels = first.table.months;
  // Whole yen, negatives as the case's statements show them (△ unless it asks for -).
  const yen = caseFormats(c).yen;
  const columns = [
    { header: '項目 / item' },
    { header: '戦略ID / strategy' },
    { header: '金利 / shock' },
    ...monthLabels.map((m) => ({ header: m, numberFormat: yen })),
  ];
  const data: PatchValue[][] = tables.flatMap(({ cell, table }) =>
    table.rows.map((r) => [r.item, cell.strategyId, cell.shockLabel, ...r.values]),
  );
  const items = first.table.rows;
  const dataRow = BLOCK_ROW + items.length + 4;
  const dataEnd = dataRow + data.length;
  const range = (k: number) =>
    `$${columnLetters(k)}$${dataRow + 1}:$${columnLetters(k)}$${dataEnd}`;
  const text = (x: string) => `"${x.replace(/"/g, '""')}"`;
  const block: PatchValue[][] = items.map((r) => [
    r.item,
    { formula: `$A$${CHOICE_ROW + 1}`, result: first.cell.strategyId },
    { formula: `$B$${CHOICE_ROW + 1}`, result: first.cell.shockLabel },
    ...r.values.map((v, j) => ({
      formula: `SUMIFS(${range(j + 4)},${range(1)},${text(r.item)},${range(2)},$A$${CHOICE_ROW + 1},${range(3)},$B$${CHOICE_ROW + 1})`,
      result: v,
    })),
  ]);
  const closingRow = BLOCK_ROW + 1 + items.findIndex((r) => r.kind === 'closing');
  const lowest = first.table.lowestMonth;
  const strategies = results.strategies.filter((s) => cells.some((x) => x.strategyId === s.id));
  const sheet: PatchSheet = {
    name: PLAN_OUTPUT_SHEETS.cash,
    tables: [
      {
        name: 'RateShockCashChoice',
        row: CHOICE_ROW,
        column: 1,
        columns: [
          { header: '戦略 / strategy', validationList: strategies.map((s) => s.id) },
          {
            header: '金利 / shock',
            validationList: [...new Set(cells.map((x) => x.shockLabel))],
          },
        ],
        rows: [[first.cell.strategyId, first.cell.shockLabel]],
      },
      { name: 'RateShockCashBlock', row: BLOCK_ROW, column: 1, columns, rows: block },
      { name: 'RateShockCashData', row: dataRow, column: 1, columns, rows: data },
    ],
    cells: [
      {
        row: 1,
        column: 1,
        value: `資金繰り表 / cash-flow table — ${c.profile.name}`,
        bold: true,
        overflow: true,
      },
      // The notes are short lines: on pages after the first they are printed inside the
      // repeated title columns and would be cut at their edge.
      {
        row: 2,
        column: 1,
        value: `${monthLabels[0]}〜${monthLabels[monthLabels.length - 1]}、単位：円 / yen`,
        overflow: true,
      },
      {
        row: 3,
        column: 1,
        value: `最低残高月 / lowest month (${first.cell.strategyId} ${first.cell.shockLabel}): ${monthLabels[lowest]}`,
        overflow: true,
      },
      {
        row: 4,
        column: 1,
        value: '経常収支は月次プロファイル (季節性・サイト) で配分、年計は計画と同じ',
        overflow: true,
      },
      {
        row: 5,
        column: 1,
        value: 'operating cash timed by the monthly profile, yearly totals as the plan',
        overflow: true,
      },
      // Titles spill over the cells to their right rather than widen the 項目 column.
      {
        row: dataRow - 1,
        column: 1,
        value: 'データ / data (全戦略 × 金利)',
        bold: true,
        overflow: true,
      },
    ],
    freeze: { rows: BLOCK_ROW, columns: 1 },
    highlights: [
      {
        fromRow: closingRow,
        fromColumn: 4 + lowest,
        toRow: closingRow,
        toColumn: 4 + lowest,
        when: { always: true },
        style: 'warn',
      },
    ],
    charts: [],
  };
  // Pages are measured at the widths the sheet is printed with: fitted as every sheet is.
  const fitted = fitColumns(sheet);
  return { ...fitted, pageSetup: monthPagesSetup(c, fitted, monthLabels.length, dataRow - 2) };
}

/**
 * The months printed a year, a half or a quarter a page (column breaks between), at a scale
 * of at least MIN_PRINT_SCALE rather than shrunk onto one page wide, where the figures would
 * be unreadable. The row labels (項目, 戦略ID, 金利) and the title with the chosen strategy ×
 * shock are print titles, so every page reads on its own.
 */
function monthPagesSetup(c: Case, sheet: PatchSheet, months: number, lastRow: number): PageSetup {
  const widthOf = (from: number, to: number) => {
    let w = 0;
    for (let k = from; k <= to; k++) w += columnWidthOf(sheet, k);
    return w;
  };
  const titleUnits = widthOf(1, LABEL_COLUMNS);
  const monthUnits = Array.from({ length: months }, (_, j) =>
    columnWidthOf(sheet, LABEL_COLUMNS + 1 + j),
  );
  const perPage = columnsAPage(titleUnits, monthUnits, MONTH_GROUPS);
  const blocks = [];
  for (let j = 0; j < months; j += perPage) {
    const from = LABEL_COLUMNS + 1 + j;
    const to = Math.min(from + perPage - 1, LABEL_COLUMNS + months);
    blocks.push({ fromColumn: j === 0 ? 1 : from, widthUnits: titleUnits + widthOf(from, to) });
  }
  return blocksSideBySide(
    casePrintContext(c),
    { fromRow: 1, fromColumn: 1, toRow: lastRow, toColumn: LABEL_COLUMNS + months },
    blocks,
    lastRow * 18,
    {
      titleColumns: { from: 1, to: LABEL_COLUMNS },
      titleRows: { from: 1, to: TITLE_ROWS },
    },
  );
}
