import { Case, GridCell, Results } from '../engine';
import { Formula, PatchCell, PatchSheet } from './patch';
import { columnLetters } from './snapshot';
import { OUTPUT_SHEETS, sheetRef } from './output-sheets';
import {
  NumberFormats,
  PrintContext,
  blocksSideBySide,
  columnWidthOf,
  displayWidth,
  fitColumns,
  floorDscr,
} from './layout';

/**
 * 計数計画 (domain.md §9): items down the rows, the base year (実績) and the plan years across.
 * Two dropdown cells choose the strategy and the shock; every plan figure is a formula over the
 * long 年度別 table (SUMIFS by strategy, shock, mode and year, so sorting or filtering that
 * table changes nothing), with the engine's value cached for readers that do not recalculate.
 * A second block beside it shows the status quo under the same shock.
 */

/** Where the view's parts are (1-based), for the applier-independent tests. */
export const NUMERIC_PLAN = {
  strategyCell: { row: 2, column: 2 },
  shockCell: { row: 3, column: 2 },
  headerRow: 7,
  firstItemRow: 8,
} as const;

type Item = {
  label: string;
  /** The 年度別 column it reads, or a formula over the block's rows above. */
  column?: string;
  kind: 'amount' | 'years' | 'ratio';
  /** Base-year figure (実績), when the case has it. */
  base: (c: Case) => number | null;
  /** The engine's value for a plan year (the cached result). */
  value: (cell: GridCell, t: number) => number | string | null;
  /** Text the 年度別 column may hold instead of a number. */
  none?: string;
};

const ITEMS: Item[] = [
  {
    label: '売上高',
    column: 'E',
    kind: 'amount',
    base: (c) => c.base.revenue,
    value: (x, t) => x.years[t].revenue,
  },
  {
    label: '営業利益',
    column: 'F',
    kind: 'amount',
    base: (c) => c.base.operatingProfit,
    value: (x, t) => x.years[t].operatingProfit,
  },
  {
    label: '減価償却費',
    column: 'G',
    kind: 'amount',
    base: (c) => c.base.depreciation,
    value: (x, t) => x.years[t].depreciation,
  },
  {
    label: '支払利息',
    column: 'I',
    kind: 'amount',
    base: () => null,
    value: (x, t) => x.years[t].interest,
  },
  {
    label: '保証料',
    column: 'J',
    kind: 'amount',
    base: () => null,
    value: (x, t) => x.years[t].guaranteeFees,
  },
  {
    label: '経常利益',
    column: 'K',
    kind: 'amount',
    base: (c) => c.base.ordinaryProfit,
    value: (x, t) => x.years[t].ordinaryProfit,
  },
  {
    label: '法人税等',
    column: 'L',
    kind: 'amount',
    base: () => null,
    value: (x, t) => x.years[t].taxes,
  },
  {
    label: '当期純利益',
    column: 'M',
    kind: 'amount',
    base: () => null,
    value: (x, t) => x.years[t].netIncome,
  },
  {
    label: '簡易CF (経常利益+減価償却費−法人税等)',
    kind: 'amount',
    base: () => null,
    value: (x, t) => x.years[t].ordinaryProfit + x.years[t].depreciation - x.years[t].taxes,
  },
  {
    label: '元金返済',
    column: 'N',
    kind: 'amount',
    base: () => null,
    value: (x, t) => x.years[t].principal,
  },
  {
    label: '返済計 (元利・保証料)',
    column: 'O',
    kind: 'amount',
    base: () => null,
    value: (x, t) => x.years[t].debtService,
  },
  {
    label: '有利子負債',
    column: 'P',
    kind: 'amount',
    base: (c) => c.stack.loans.reduce((sum, l) => sum + l.terms.principal, 0),
    value: (x, t) =>
      x.years[t].seniorDebt +
      x.years[t].capitalDebt -
      x.years[t].capitalDebt * x.years[t].capitalRecognition,
  },
  {
    label: '現預金',
    column: 'Q',
    kind: 'amount',
    base: (c) => c.base.cash,
    value: (x, t) => x.years[t].cash,
  },
  {
    label: '債務償還年数 (年)',
    column: 'S',
    kind: 'years',
    base: () => null,
    value: (x, t) => x.measures[t].debtRepaymentYears.value ?? '返済不能',
    none: '返済不能',
  },
  {
    label: 'DSCR (倍)',
    column: 'T',
    kind: 'ratio',
    base: () => null,
    value: (x, t) => {
      const v = x.measures[t].dscr.value;
      return v === null ? '—' : floorDscr(v);
    },
    none: '—',
  },
  {
    label: '実質純資産',
    column: 'U',
    kind: 'amount',
    base: (c) => c.base.bookNetAssets + c.base.netAssetAdjustments,
    value: (x, t) => x.years[t].substantiveNetWorth,
  },
];
const CASH_FLOW_ROW = ITEMS.findIndex((i) => i.label.startsWith('簡易CF'));
const rowOf = (label: string) =>
  NUMERIC_PLAN.firstItemRow + ITEMS.findIndex((i) => i.label.startsWith(label));

/** The shock choices: one per shock and mode, as the summary's matrix heads them. */
function shockChoice(cell: GridCell): string {
  return cell.mode === 'full-reprice'
    ? `${cell.shockLabel} 一斉改定 / full reprice`
    : cell.shockLabel;
}

export interface NumericPlanSelection {
  strategyId: string;
  /** A shock choice as listed in the dropdown (`+1.00%`, `+1.00% 一斉改定 / full reprice`). */
  shock: string;
}

/** The choices of the two dropdowns, in the grid's order. */
export function numericPlanChoices(results: Results): {
  strategies: { id: string; name: string }[];
  shocks: string[];
} {
  const first = results.strategies[0].id;
  return {
    strategies: results.strategies,
    shocks: results.cells.filter((x) => x.strategyId === first).map(shockChoice),
  };
}

/** The grid cell a selection shows. */
export function selectedCell(results: Results, strategyId: string, shock: string): GridCell {
  return results.cells.find((x) => x.strategyId === strategyId && shockChoice(x) === shock)!;
}

export function numericPlanSheet(
  c: Case,
  results: Results,
  fmt: NumberFormats,
  print: PrintContext,
  selection?: NumericPlanSelection,
): PatchSheet {
  const choices = numericPlanChoices(results);
  const statusQuo =
    c.strategies.find((s) => s.actions.length === 0)?.id ?? results.strategies[0].id;
  const chosen = selection ?? {
    strategyId: (results.strategies.find((s) => s.id !== statusQuo) ?? results.strategies[0]).id,
    shock: choices.shocks[choices.shocks.length - 1],
  };
  const fy = sheetRef(OUTPUT_SHEETS.fiscalYears);
  const fyLast = 1 + results.cells.length * results.cells[0].years.length;
  const years = results.cells[0].years.map((y) => y.fiscalYear);
  const end = c.profile.fiscalYearEndMonth;
  const blockWidth = 2 + years.length;
  const secondBlock = 1 + blockWidth + 1;
  const helper = secondBlock + blockWidth + 2;
  const H = (row: number, column = helper + 1) => `$${columnLetters(column)}$${row}`;

  const cells: PatchCell[] = [];
  const put = (cell: PatchCell) => cells.push(cell);
  const name = (id: string) => results.strategies.find((s) => s.id === id)!.name;
  put({
    row: 1,
    column: 1,
    value: `計数計画 / numeric plan — ${c.profile.name}`,
    bold: true,
    overflow: true,
  });
  put({ row: 2, column: 1, value: '戦略 / strategy', bold: true });
  const strategyList = 6;
  const shockList = strategyList + choices.strategies.length + 1;
  const listRange = (from: number, count: number) =>
    `$${columnLetters(helper)}$${from}:$${columnLetters(helper)}$${from + count - 1}`;
  put({
    ...NUMERIC_PLAN.strategyCell,
    value: name(chosen.strategyId),
    overflow: true,
    validationRange: listRange(strategyList, choices.strategies.length),
  });
  put({ row: 3, column: 1, value: '金利 / shock', bold: true });
  put({
    ...NUMERIC_PLAN.shockCell,
    value: chosen.shock,
    overflow: true,
    validationRange: listRange(shockList, choices.shocks.length),
  });
  put({
    row: 4,
    column: 1,
    value: `金額 / amounts: ${fmt.unitSuffix.slice(1, -1)}。B2・B3 で戦略と金利を選ぶと、数値は 年度別 から引き直されます / choose a strategy and a shock in B2 and B3`,
    overflow: true,
  });

  // Choices and the chosen keys, right of the print area: what the formulas look up.
  put({
    row: 1,
    column: helper,
    value: '選択肢 (計算用) / choices (used by the formulas)',
    bold: true,
    overflow: true,
  });
  choices.strategies.forEach((s, i) => {
    put({ row: strategyList + i, column: helper, value: s.name });
    put({ row: strategyList + i, column: helper + 1, value: s.id });
  });
  const shockCells = results.cells.filter((x) => x.strategyId === results.strategies[0].id);
  shockCells.forEach((x, i) => {
    put({ row: shockList + i, column: helper, value: shockChoice(x) });
    put({ row: shockList + i, column: helper + 1, value: x.shockLabel });
    put({
      row: shockList + i,
      column: helper + 2,
      value: x.mode === 'full-reprice' ? '一斉改定 / full reprice' : '通常 / realistic',
    });
  });
  const range = (from: number, count: number, column: number) =>
    `$${columnLetters(column)}$${from}:$${columnLetters(column)}$${from + count - 1}`;
  const lookup = (key: string, from: number, count: number, column: number) =>
    `INDEX(${range(from, count, column)},MATCH(${key},${range(from, count, helper)},0))`;
  const chosenCell = selectedCell(results, chosen.strategyId, chosen.shock);
  const keys = { strategy: 2, shock: 3, mode: 4 };
  put({ row: keys.strategy, column: helper, value: '戦略ID / strategy' });
  put({
    row: keys.strategy,
    column: helper + 1,
    value: {
      formula: lookup('$B$2', strategyList, choices.strategies.length, helper + 1),
      result: chosen.strategyId,
    },
  });
  put({ row: keys.shock, column: helper, value: '金利 / shock' });
  put({
    row: keys.shock,
    column: helper + 1,
    value: {
      formula: lookup('$B$3', shockList, shockCells.length, helper + 1),
      result: chosenCell.shockLabel,
    },
  });
  put({ row: keys.mode, column: helper, value: '方式 / mode' });
  put({
    row: keys.mode,
    column: helper + 1,
    value: {
      formula: lookup('$B$3', shockList, shockCells.length, helper + 2),
      result: chosenCell.mode === 'full-reprice' ? '一斉改定 / full reprice' : '通常 / realistic',
    },
  });

  const statusQuoCell = results.cells.find(
    (x) =>
      x.strategyId === statusQuo &&
      x.shockLabel === chosenCell.shockLabel &&
      x.mode === chosenCell.mode,
  )!;
  const fyCol = (letter: string) => `${fy}!$${letter}$2:$${letter}$${fyLast}`;
  const block = (first: number, strategyKey: string, cell: GridCell, title: Formula) => {
    const L = (column: number) => columnLetters(column);
    put({ row: 6, column: first, value: title, bold: true, overflow: true });
    put({ row: NUMERIC_PLAN.headerRow, column: first, value: '項目 / item', bold: true });
    put({
      row: NUMERIC_PLAN.headerRow,
      column: first + 1,
      value: years[0] - 1,
      bold: true,
      numberFormat: `"実績 "0"年${end}月期"`,
    });
    years.forEach((year, t) =>
      put({
        row: NUMERIC_PLAN.headerRow,
        column: first + 2 + t,
        value: year,
        bold: true,
        numberFormat: `0"年${end}月期"`,
      }),
    );
    ITEMS.forEach((item, k) => {
      const row = NUMERIC_PLAN.firstItemRow + k;
      const format =
        item.kind === 'amount' ? fmt.amount : item.kind === 'years' ? fmt.years : fmt.ratio;
      put({ row, column: first, value: item.label });
      put({ row, column: first + 1, value: item.base(c), numberFormat: format });
      years.forEach((_, t) => {
        const column = first + 2 + t;
        const yearCell = `${L(column)}$${NUMERIC_PLAN.headerRow}`;
        let formula: string;
        if (k === CASH_FLOW_ROW) {
          formula = `${L(column)}${rowOf('経常利益')}+${L(column)}${rowOf('減価償却費')}-${L(column)}${rowOf('法人税等')}`;
        } else {
          const criteria = `${fyCol('A')},${strategyKey},${fyCol('B')},${H(keys.shock)},${fyCol('C')},${H(keys.mode)},${fyCol('D')},${yearCell}`;
          const sum = `SUMIFS(${fyCol(item.column!)},${criteria})`;
          formula = item.none
            ? `IF(COUNTIFS(${criteria},${fyCol(item.column!)},"${item.none}")>0,"${item.none}",${sum})`
            : sum;
        }
        put({ row, column, value: { formula, result: item.value(cell, t) }, numberFormat: format });
      });
    });
  };
  block(1, H(keys.strategy), chosenCell, {
    formula: '$B$2&" — "&$B$3',
    result: `${name(chosen.strategyId)} — ${chosen.shock}`,
  });
  put({ row: strategyList - 1, column: helper, value: '現状維持 / status quo', bold: true });
  put({ row: strategyList - 1, column: helper + 1, value: statusQuo });
  block(secondBlock, H(strategyList - 1), statusQuoCell, {
    formula: `"${name(statusQuo).replace(/"/g, '""')} (比較 / for comparison) — "&$B$3`,
    result: `${name(statusQuo)} (比較 / for comparison) — ${chosen.shock}`,
  });

  const lastRow = NUMERIC_PLAN.firstItemRow + ITEMS.length - 1;
  const dscrRow = rowOf('DSCR');
  const sheet = fitColumns({
    name: OUTPUT_SHEETS.numericPlan,
    tables: [],
    cells,
    freeze: { rows: NUMERIC_PLAN.headerRow, columns: 1 },
    highlights: [1, secondBlock].flatMap((first) => [
      {
        fromRow: dscrRow,
        fromColumn: first + 2,
        toRow: dscrRow,
        toColumn: first + 1 + years.length,
        when: { below: c.thresholds.minDscr },
        style: 'fail' as const,
      },
      {
        fromRow: rowOf('経常利益'),
        fromColumn: first + 1,
        toRow: rowOf('経常利益'),
        toColumn: first + 1 + years.length,
        when: { below: 0 },
        style: 'fail' as const,
      },
    ]),
    charts: [],
  });
  // Both blocks as wide as the wider label column, so the pages match.
  const widthOf = (first: number) => {
    let w = 0;
    for (let k = 0; k < blockWidth; k++) w += columnWidthOf(sheet, first + k);
    return w;
  };
  const titleWidth = displayWidth(String((cells[0].value as string) ?? ''));
  const setup = blocksSideBySide(
    print,
    { fromRow: 1, fromColumn: 1, toRow: lastRow, toColumn: secondBlock + blockWidth - 1 },
    [
      { fromColumn: 1, widthUnits: Math.max(widthOf(1), titleWidth) },
      { fromColumn: secondBlock, widthUnits: widthOf(secondBlock) },
    ],
    lastRow * 18,
  );
  return { ...sheet, pageSetup: setup };
}
