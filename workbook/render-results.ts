import {
  Case,
  GridCell,
  Results,
  fiscalYearOf,
  formatIsoDate,
  scheduledFiscalYear,
} from '../engine';
import {
  CHART_SPAN,
  Formula,
  Highlight,
  PatchColumn,
  PatchSheet,
  PatchTable,
  PatchValue,
  RangeFormat,
  WorkbookPatch,
} from './patch';
import { columnLetters } from './snapshot';
import { OUTPUT_SHEETS, RUN_OUTPUT_SHEET_NAMES, sheetRef } from './output-sheets';
import { exactCriterion } from './exact-criteria';
import { serialOfEpochDay } from './excel-serial';
import {
  NumberFormats,
  caseFormats,
  casePrintContext,
  finishSheet,
  floorDscr,
  formatDscr,
  textLines,
  withUnit,
} from './layout';
import { caseLesson, strategyHeadline } from './headline';
import { numericPlanSheet } from './render-numeric-plan';
import { programTermsBlock } from './render-program-terms';
import { planSheets } from './render-plan';
import {
  CELL_DETAIL_WIDTHS,
  DetailBlock,
  ELIGIBILITY_WIDTHS,
  PROGRAM_TERMS_WIDTHS,
  detailPages,
  summaryPages,
} from './summary-pages';

const MODE_LABEL = { realistic: '通常 / realistic', 'full-reprice': '一斉改定 / full reprice' };

/** Column layout of a table: header and format (widths come from layout/fit-columns). */
function columns(defs: [string, string?][]): PatchColumn[] {
  return defs.map(([header, numberFormat]) => ({ header, numberFormat }));
}

/** An amount column: the unit in its header, the case's amount format. */
const amount = (f: NumberFormats, header: string): [string, string] => [
  withUnit(header, f),
  f.amount,
];

export interface RenderResultsOptions {
  /** The case file's `lesson` (workshop cases), shown under the headline; else one is drawn from the grid. */
  lesson?: string;
}

/**
 * Renders a run's results as the product's output sheets: summary matrix, fiscal years,
 * checks, the monthly schedules and chart data. Totals and ratios that users audit are
 * formulas over the written schedule (each with the engine's value), so a recalculating
 * spreadsheet reproduces the engine's numbers.
 */
export function renderResults(
  c: Case,
  results: Results,
  options: RenderResultsOptions = {},
): WorkbookPatch {
  const f = caseFormats(c);
  const print = casePrintContext(c);
  const schedule = scheduleSheet(c, results, f);
  const fiscal = fiscalYearSheet(c, results, schedule.rows, f);
  return {
    // A Monte Carlo sheet of an earlier run would describe another case: it goes too.
    replaces: RUN_OUTPUT_SHEET_NAMES,
    sheets: [
      // Narrower columns on the summary: long names wrap; one page, the headline and matrix.
      summaryPages(finishSheet(summarySheet(c, results, f, options), print, 'one-page', 26), print),
      // The wide tables on their own sheet, narrow enough to print at 60 % (long paths wrap).
      detailPages(detailsSheet(c, results, fiscal.lastRowOf, f), print),
      numericPlanSheet(c, results, f, print),
      finishSheet(fiscal.sheet, print, 'width'),
      finishSheet(checksSheet(c, results, f), print, 'width'),
      finishSheet(schedule.sheet, print, 'width'),
      finishSheet(chartSheet(c, results, f), print, 'width'),
      // The council plan's sheets, when a strategy has a pro-rata-plan.
      // Widths fitted like every sheet; the print keeps the plan's own (its block, not its data).
      ...planSheets(c, results).map((sheet) => ({
        ...finishSheet(sheet, print, 'width'),
        pageSetup: sheet.pageSetup,
      })),
    ],
  };
}

const modeLabel = (cell: GridCell) => MODE_LABEL[cell.mode];

// ── 返済予定表: one long filterable table ────────────────────────────────────────────────
const scheduleColumns = (f: NumberFormats) =>
  columns([
    ['戦略ID / strategy'],
    ['金利 / shock'],
    ['方式 / mode'],
    ['借入 / loan'],
    ['名称 / name'],
    ['金融機関 / lender'],
    ['区分 / kind'],
    ['回 / period', f.integer],
    ['返済日 / date', f.date],
    ['決算期 / FY', f.integer],
    amount(f, '期首残高 / opening'),
    ['利率 / rate', f.rate],
    amount(f, '利息 / interest'),
    amount(f, '元金 / principal'),
    amount(f, '保証料 / fee'),
    amount(f, '返済額 / payment'),
    amount(f, '期末残高 / closing'),
  ]);
// Columns the fiscal-year formulas sum over (1-based).
const S = { strategy: 1, shock: 2, mode: 3, fy: 10, interest: 13, principal: 14, fee: 15 };

function scheduleSheet(
  c: Case,
  results: Results,
  f: NumberFormats,
): { sheet: PatchSheet; rows: number } {
  const end = c.profile.fiscalYearEndMonth;
  const rows: PatchValue[][] = [];
  for (const cell of results.cells) {
    const head = [cell.strategyId, cell.shockLabel, modeLabel(cell)];
    cell.schedules.seniorSchedules.forEach((s, i) => {
      const loan = cell.book.senior[i];
      const { opening, interest, principal, fee } = s.flows;
      // A lump-sum 保証料: row 0 on the drawdown date, in the year the projection counts it.
      if (s.upfrontFee)
        rows.push([
          ...head,
          loan.id,
          loan.name,
          loan.lender,
          '通常 / senior',
          0,
          serialOfEpochDay(s.dates[0]),
          Math.max(fiscalYearOf(s.dates[0], end), cell.years[0].fiscalYear),
          s.terms.principal,
          s.rates[0] / 1e7,
          0,
          0,
          s.upfrontFee,
          0,
          s.terms.principal,
        ]);
      for (let k = 0; k < interest.length; k++) {
        rows.push([
          ...head,
          loan.id,
          loan.name,
          loan.lender,
          '通常 / senior',
          k + 1,
          serialOfEpochDay(s.dates[k + 1]),
          scheduledFiscalYear(s.dates, k + 1, end),
          opening[k],
          s.rates[k] / 1e7,
          interest[k],
          principal[k],
          fee[k],
          interest[k] + principal[k],
          opening[k] - principal[k],
        ]);
      }
    });
    for (const flow of cell.schedules.capitalFlows) {
      for (let k = 0; k < flow.periods; k++) {
        const owed = flow.loan.amount;
        rows.push([
          ...head,
          flow.loan.id,
          flow.loan.name,
          null,
          '資本性 / capital',
          k + 1,
          serialOfEpochDay(flow.dates[k + 1]),
          scheduledFiscalYear(flow.dates, k + 1, end),
          owed,
          flow.rates[k] / 1e7,
          flow.interest[k],
          flow.principal[k],
          0,
          flow.interest[k] + flow.principal[k],
          owed - flow.principal[k],
        ]);
      }
    }
  }
  return {
    rows: rows.length,
    sheet: {
      name: OUTPUT_SHEETS.schedule,
      tables: [{ name: 'RateShockSchedule', row: 1, column: 1, columns: scheduleColumns(f), rows }],
      cells: [],
      freeze: { rows: 1, columns: 0 },
      highlights: [],
      charts: [],
    },
  };
}

// ── 年度別: fiscal-year figures, sums and ratios as formulas ───────────────────────────────
/** The 年度別 columns; the formulas below and the 計数計画 view address them by letter. */
export const fiscalYearColumns = (f: NumberFormats) =>
  columns([
    ['戦略ID / strategy'],
    ['金利 / shock'],
    ['方式 / mode'],
    ['決算期 / FY', f.integer],
    amount(f, '売上高 / revenue'),
    amount(f, '営業利益 / operating profit'),
    amount(f, '減価償却費 / depreciation'),
    amount(f, '営業外損益 / non-operating'),
    amount(f, '支払利息 / interest'),
    amount(f, '保証料 / guarantee fees'),
    amount(f, '経常利益 / ordinary profit'),
    amount(f, '法人税等 / taxes'),
    amount(f, '当期純利益 / net income'),
    amount(f, '元金返済 / principal'),
    amount(f, '返済計 / debt service'),
    amount(f, '有利子負債 / debt'),
    amount(f, '現預金 / cash'),
    amount(f, '運転資本 / working capital'),
    ['債務償還年数 / debt years', f.years],
    ['DSCR', f.ratio],
    amount(f, '実質純資産 / substantive net worth'),
    amount(f, '最低現預金 / lowest cash'),
    ['最低月 / month'],
  ]);

function fiscalYearSheet(
  c: Case,
  results: Results,
  scheduleRows: number,
  fmt: NumberFormats,
): { sheet: PatchSheet; lastRowOf: Map<GridCell, number> } {
  const sched = sheetRef(OUTPUT_SHEETS.schedule);
  const last = Math.max(scheduleRows + 1, 2);
  const col = (n: number) => `${sched}!$${columnLetters(n)}$2:$${columnLetters(n)}$${last}`;
  const sumifs = (sumColumn: number, r: number) =>
    `SUMIFS(${col(sumColumn)},${col(S.strategy)},${exactCriterion(`$A${r}`)},${col(S.shock)},${exactCriterion(`$B${r}`)},${col(S.mode)},${exactCriterion(`$C${r}`)},${col(S.fy)},$D${r})`;
  const nonOperating =
    c.base.nonOperatingIncome + c.base.interestIncome - c.base.nonOperatingExpense;
  const rows: PatchValue[][] = [];
  const lastRowOf = new Map<GridCell, number>();
  for (const cell of results.cells) {
    cell.years.forEach((y, t) => {
      const r = rows.length + 2; // sheet row: header in row 1
      const m = cell.measures[t];
      const debt = y.seniorDebt + y.capitalDebt - y.capitalDebt * y.capitalRecognition;
      const workingCapital = y.receivables + y.inventory - y.payables;
      const debtCell = c.thresholds.debtYearsForm === 'simple' ? `P${r}` : `(P${r}-Q${r}-R${r})`;
      const f = (formula: string, result: number | string | null): Formula => ({ formula, result });
      rows.push([
        cell.strategyId,
        cell.shockLabel,
        modeLabel(cell),
        y.fiscalYear,
        y.revenue,
        y.operatingProfit,
        y.depreciation,
        nonOperating,
        f(sumifs(S.interest, r), y.interest),
        f(sumifs(S.fee, r), y.guaranteeFees),
        f(`F${r}+H${r}-I${r}-J${r}`, y.ordinaryProfit),
        y.taxes,
        f(`K${r}-L${r}`, y.netIncome),
        f(sumifs(S.principal, r), y.principal),
        f(`I${r}+J${r}+N${r}`, y.debtService),
        debt,
        y.cash,
        workingCapital,
        f(
          `IF(${debtCell}<=0,0,IF(K${r}+G${r}-L${r}<=0,"返済不能",${debtCell}/(K${r}+G${r}-L${r})))`,
          m.debtRepaymentYears.value ?? '返済不能',
        ),
        // Cut to two decimals toward failing (layout/dscr-display): shown as it is judged.
        f(
          `IF(O${r}<=0,"—",ROUNDDOWN((K${r}+I${r}+J${r}+G${r}-L${r})/O${r},2))`,
          m.dscr.value === null ? '—' : floorDscr(m.dscr.value),
        ),
        y.substantiveNetWorth,
        y.lowestCash,
        y.lowestCashMonth,
      ]);
      lastRowOf.set(cell, r);
    });
  }
  const lastRow = rows.length + 1;
  return {
    lastRowOf,
    sheet: {
      name: OUTPUT_SHEETS.fiscalYears,
      tables: [
        {
          name: 'RateShockFiscalYears',
          row: 1,
          column: 1,
          columns: fiscalYearColumns(fmt),
          rows,
        },
      ],
      cells: [],
      freeze: { rows: 1, columns: 4 },
      highlights: [
        // DSCR under the threshold, negative 経常利益 and cash.
        {
          fromRow: 2,
          fromColumn: 20,
          toRow: lastRow,
          toColumn: 20,
          when: { below: c.thresholds.minDscr },
          style: 'fail',
        },
        {
          fromRow: 2,
          fromColumn: 11,
          toRow: lastRow,
          toColumn: 11,
          when: { below: 0 },
          style: 'fail',
        },
        {
          fromRow: 2,
          fromColumn: 22,
          toRow: lastRow,
          toColumn: 22,
          when: { below: c.thresholds.minCash },
          style: 'fail',
        },
      ],
      charts: [],
    },
  };
}

// ── 結果サマリー: headline, the shock × strategy matrix, failed checks and a row per cell ────
/** A matrix cell: ✓ or ✗ and the lowest DSCR by the one display rule (the task pane's too). */
function cellMark(cell: GridCell): string {
  return `${cell.summary.failedChecks.length === 0 ? '✓' : '✗'} ${formatDscr(cell.summary.lowestDscr)}`;
}

/** ✗ 要件外 when a program rule is broken, △ 要確認 for a warning, ✓ when met, — without a program loan. */
export function eligibilityMark(c: Case, cell: GridCell): string {
  const strategy = c.strategies.find((s) => s.id === cell.strategyId)!;
  if (strategy.actions.length === 0) return '—';
  if (!cell.summary.eligible) return '✗ 要件外';
  return cell.eligibility.length > 0 ? '△ 要確認' : '✓';
}

const shockHeader = (cell: Pick<GridCell, 'shockLabel' | 'mode'>) =>
  cell.mode === 'full-reprice' ? `${cell.shockLabel} 一斉 / full` : cell.shockLabel;

/** The widest a sentence on the summary runs before it goes on the next row (display units). */
const SUMMARY_TEXT_WIDTH = 140;

function summarySheet(
  c: Case,
  results: Results,
  fmt: NumberFormats,
  options: RenderResultsOptions,
): PatchSheet {
  const debt = c.stack.loans.reduce((sum, l) => sum + l.terms.principal, 0);
  const years = results.cells[0].years;
  const cells: PatchSheet['cells'] = [];
  const text = (row: number, value: string, bold = false) =>
    cells.push({ row, column: 1, value, bold, overflow: true });
  text(1, `RateShock — ${c.profile.name}`, true);
  text(
    2,
    `基準日 / as of ${formatIsoDate(c.asOf)}  借入 ${c.stack.loans.length} 本 / loans  計画 / plan ${years[0].fiscalYear}〜${years[years.length - 1].fiscalYear}年${c.profile.fiscalYearEndMonth}月期`,
  );
  cells.push(
    { row: 3, column: 1, value: withUnit('借入残高 / debt', fmt) },
    { row: 3, column: 2, value: debt, numberFormat: fmt.amount },
  );

  // The headline: one sentence per strategy, then the case's lesson.
  text(5, '要点 / headline', true);
  let row = 6;
  const paragraph = (sentence: string) => {
    for (const line of textLines(sentence, SUMMARY_TEXT_WIDTH)) text(row++, line);
  };
  for (const s of results.strategies) paragraph(strategyHeadline(c, results, s.id));
  paragraph(`教訓 / lesson: ${caseLesson(results, options.lesson)}`);

  // Matrix: a row per strategy, a column per shock (and mode).
  const columnsOf = results.cells.filter((cell) => cell.strategyId === results.strategies[0].id);
  const matrixRow = row + 2;
  text(
    matrixRow - 1,
    '金利 × 戦略 (✓ 全チェック合格 / ✗ 抵触、数値は最低DSCR) / shock × strategy (lowest DSCR)',
    true,
  );
  const matrix = {
    name: 'RateShockMatrix',
    row: matrixRow,
    column: 1,
    columns: [{ header: '戦略 / strategy' }, ...columnsOf.map((k) => ({ header: shockHeader(k) }))],
    rows: results.strategies.map((s) => [
      s.name,
      ...columnsOf.map((k) =>
        cellMark(
          results.cells.find(
            (x) => x.strategyId === s.id && x.shockLabel === k.shockLabel && x.mode === k.mode,
          )!,
        ),
      ),
    ]),
  };
  const matrixLast = matrixRow + results.strategies.length;
  text(
    matrixLast + 2,
    `明細は「${OUTPUT_SHEETS.details}」シート / details: sheet ${OUTPUT_SHEETS.details}`,
  );
  return {
    name: OUTPUT_SHEETS.summary,
    tables: [matrix],
    cells,
    freeze: { rows: 0, columns: 1 },
    highlights: marks(matrixRow + 1, matrixLast, 2, columnsOf.length + 1),
    charts: [],
  };
}

/** ✓ green and ✗ red in a block of cells. */
function marks(fromRow: number, toRow: number, column: number, toColumn = column): Highlight[] {
  return [
    { text: '✗', style: 'fail' as const },
    { text: '✓', style: 'pass' as const },
  ].map((m) => ({
    fromRow,
    fromColumn: column,
    toRow,
    toColumn,
    when: { textContains: m.text },
    style: m.style,
  }));
}

// ── 制度・チェック明細: failed checks, a row per cell, eligibility, program terms ───────────
function detailsSheet(
  c: Case,
  results: Results,
  lastRowOf: Map<GridCell, number>,
  fmt: NumberFormats,
): { sheet: PatchSheet; blocks: DetailBlock[] } {
  const fy = sheetRef(OUTPUT_SHEETS.fiscalYears);
  const cells: PatchSheet['cells'] = [];
  const text = (row: number, value: string, bold = false, column = 1) =>
    cells.push({ row, column, value, bold, overflow: true });
  text(1, `RateShock — ${c.profile.name}: 制度・チェック明細 / checks and program details`, true);

  // The failed checks, in Japanese: each with the year it first fails.
  const failures = results.cells.flatMap((cell) =>
    cell.checks
      .filter((ch) => !ch.pass)
      .map((ch) => [
        results.strategies.find((x) => x.id === cell.strategyId)!.name,
        shockHeader(cell),
        `${ch.nameJa}${ch.covenant ? ' (コベナンツ)' : ''}`,
        ch.threshold,
        ch.firstBreachYear === null
          ? null
          : `${ch.firstBreachYear}年${c.profile.fiscalYearEndMonth}月期`,
      ]),
  );
  const failureRow = 4;
  const tables: PatchSheet['tables'] = [];
  text(
    failureRow - 1,
    failures.length
      ? '抵触したチェック / failed checks'
      : '抵触したチェックはありません / no check fails',
    true,
  );
  if (failures.length) {
    tables.push({
      name: 'RateShockFailures',
      row: failureRow,
      column: 1,
      columns: columns([
        ['戦略 / strategy'],
        ['金利 / shock'],
        ['項目 / check'],
        ['基準 / threshold'],
        ['初回抵触 / first breach'],
      ]),
      rows: failures,
    });
  }
  const failureLast = failures.length ? failureRow + failures.length : failureRow - 1;

  const fyLast = Math.max(...lastRowOf.values());
  const fyCol = (letter: string) => `${fy}!$${letter}$2:$${letter}$${fyLast}`;
  const detailRow = failureLast + 3;
  const detailRows = results.cells.map((cell, i) => {
    const r = detailRow + 1 + i;
    const s = cell.summary;
    const sumFy = (letter: string) =>
      `SUMIFS(${fyCol(letter)},${fyCol('A')},${exactCriterion(`$A${r}`)},${fyCol('B')},${exactCriterion(`$C${r}`)},${fyCol('C')},${exactCriterion(`$D${r}`)})`;
    const strategy = results.strategies.find((x) => x.id === cell.strategyId)!;
    return [
      cell.strategyId,
      strategy.name,
      cell.shockLabel,
      modeLabel(cell),
      { formula: sumFy('I'), result: s.totalInterest },
      { formula: sumFy('O'), result: s.totalDebtService },
      s.ordinaryProfitChange,
      s.lowestDscr === null ? '—' : floorDscr(s.lowestDscr),
      {
        formula: `${fy}!S${lastRowOf.get(cell)}`,
        result: s.debtYearsAtEnd ?? '返済不能',
      },
      s.failedChecks.length === 0 ? '✓' : '✗',
      s.firstBreachYear,
      s.failedChecks.map((id) => cell.checks.find((ch) => ch.id === id)?.nameJa ?? id).join('、') ||
        null,
      eligibilityMark(c, cell),
    ] as PatchValue[];
  });
  text(detailRow - 1, '明細 / by cell', true);
  tables.push({
    name: 'RateShockSummary',
    row: detailRow,
    column: 1,
    columns: columns([
      ['戦略ID / strategy'],
      ['戦略名 / name'],
      ['金利 / shock'],
      ['方式 / mode'],
      amount(fmt, '利息計 / total interest'),
      amount(fmt, '返済計 / total debt service'),
      ['経常利益増減(1年目) / ordinary profit change', fmt.percent],
      ['最低DSCR / lowest DSCR', fmt.ratio],
      ['債務償還年数(最終) / debt years at end', fmt.years],
      ['判定 / checks'],
      ['初回抵触年 / first breach', fmt.integer],
      ['抵触項目 / failed checks'],
      ['制度要件 / eligibility'],
    ]),
    rows: detailRows,
  });
  const detailLast = detailRow + detailRows.length;

  const reasons = results.cells
    .filter((cell, i, all) => all.findIndex((x) => x.strategyId === cell.strategyId) === i)
    .flatMap((cell) =>
      cell.eligibility.map((e) => [
        cell.strategyId,
        e.loanId,
        e.programId,
        e.severity === 'error' ? '✗ 要件外 / not eligible' : '△ 要確認 / check',
        e.messageJa,
        e.messageEn,
      ]),
    );
  // Eligibility and program terms each a block of columns to the right, below the rows before
  // (a row's height is then its own table's): each block prints on its own pages.
  const blocks: DetailBlock[] = [{ fromRow: 1, fromColumn: 1, maxWidths: CELL_DETAIL_WIDTHS }];
  // A narrow empty column between blocks.
  const columnWidths: Record<number, number> = {};
  let nextColumn = CELL_DETAIL_WIDTHS.length + 2;
  columnWidths[nextColumn - 1] = 2;
  const reasonRow = detailLast + 3;
  if (reasons.length) {
    text(reasonRow - 1, '制度要件 / program eligibility', true, nextColumn);
    blocks.push({ fromRow: reasonRow - 1, fromColumn: nextColumn, maxWidths: ELIGIBILITY_WIDTHS });
    tables.push({
      name: 'RateShockEligibility',
      row: reasonRow,
      column: nextColumn,
      columns: columns([
        ['戦略ID / strategy'],
        ['借入 / loan'],
        ['制度 / program'],
        ['判定 / result'],
        ['理由 / reason (日本語)'],
        ['reason (English)'],
      ]),
      rows: reasons,
    });
    nextColumn += ELIGIBILITY_WIDTHS.length + 1;
    columnWidths[nextColumn - 1] = 2;
  }
  // The program terms the new loans were priced on, each with its source or "assumed".
  const termsRow = (reasons.length ? reasonRow + reasons.length : detailLast) + 3;
  const terms = programTermsBlock(results, termsRow, nextColumn);
  if (terms) {
    blocks.push({ fromRow: termsRow - 1, fromColumn: nextColumn, maxWidths: PROGRAM_TERMS_WIDTHS });
    tables.push(terms.table);
    cells.push(...terms.cells);
  }
  const sheet: PatchSheet = {
    name: OUTPUT_SHEETS.details,
    tables,
    cells,
    columnWidths,
    freeze: { rows: 0, columns: 0 },
    highlights: [
      ...marks(detailRow + 1, detailLast, 10),
      {
        fromRow: detailRow + 1,
        fromColumn: 13,
        toRow: detailLast,
        toColumn: 13,
        when: { textContains: '✗' },
        style: 'fail',
      },
      {
        fromRow: detailRow + 1,
        fromColumn: 13,
        toRow: detailLast,
        toColumn: 13,
        when: { textContains: '△' },
        style: 'warn',
      },
      ...(terms?.highlights ?? []),
    ],
    charts: [],
  };
  return { sheet, blocks };
}

// ── チェック: each check, its threshold and its value year by year ───────────────────────────
/** How a check's yearly values read: amounts in the case's unit, DSCR by its rule, ratios. */
const AMOUNT_CHECKS = new Set([
  'profit-within',
  'solvency-within',
  'cash-floor',
  'no-consecutive-loss',
  'no-insolvency',
]);

function checkValueFormat(id: string, fmt: NumberFormats): string {
  if (AMOUNT_CHECKS.has(id)) return fmt.amount;
  if (id === 'debt-years-at-end') return fmt.years;
  if (id === 'net-assets-floor') return fmt.percent;
  return fmt.ratio;
}

function checksSheet(c: Case, results: Results, fmt: NumberFormats): PatchSheet {
  const years = results.cells[0].years.map((y) => y.fiscalYear);
  const end = c.profile.fiscalYearEndMonth;
  const rows: PatchValue[][] = [];
  const highlights: PatchSheet['highlights'] = [];
  const rangeFormats: RangeFormat[] = [];
  const firstYearColumn = 6;
  for (const cell of results.cells) {
    for (const check of cell.checks) {
      const r = rows.length + 2;
      const shown = (v: number | null) => (v !== null && check.id === 'dscr' ? floorDscr(v) : v);
      const unit = AMOUNT_CHECKS.has(check.id) ? fmt.unitSuffix : '';
      rows.push([
        cell.strategyId,
        cell.shockLabel,
        modeLabel(cell),
        `${check.nameJa}${unit} / ${check.nameEn}${check.covenant ? ' (コベナンツ / covenant)' : ''}`,
        check.threshold,
        ...years.map((fy) => shown(check.values.find((v) => v.fiscalYear === fy)?.value ?? null)),
        check.pass ? '✓' : '✗',
        check.firstBreachYear,
      ]);
      rangeFormats.push({
        fromRow: r,
        fromColumn: firstYearColumn,
        toRow: r,
        toColumn: firstYearColumn + years.length - 1,
        numberFormat: checkValueFormat(check.id, fmt),
      });
      years.forEach((fy, t) => {
        const v = check.values.find((x) => x.fiscalYear === fy);
        if (v && !v.pass) {
          const column = firstYearColumn + t;
          highlights.push({
            fromRow: r,
            fromColumn: column,
            toRow: r,
            toColumn: column,
            when: { always: true },
            style: 'fail',
          });
        }
      });
    }
  }
  const passColumn = firstYearColumn + years.length;
  highlights.push(
    {
      fromRow: 2,
      fromColumn: passColumn,
      toRow: rows.length + 1,
      toColumn: passColumn,
      when: { textContains: '✗' },
      style: 'fail',
    },
    {
      fromRow: 2,
      fromColumn: passColumn,
      toRow: rows.length + 1,
      toColumn: passColumn,
      when: { textContains: '✓' },
      style: 'pass',
    },
  );
  return {
    name: OUTPUT_SHEETS.checks,
    tables: [
      {
        name: 'RateShockChecks',
        row: 1,
        column: 1,
        columns: [
          ...columns([
            ['戦略ID / strategy'],
            ['金利 / shock'],
            ['方式 / mode'],
            ['項目 / check'],
            ['基準 / threshold'],
          ]),
          ...years.map((fy) => ({ header: `${fy}年${end}月期`, numberFormat: fmt.ratio })),
          { header: '判定 / result' },
          { header: '初回抵触年 / first breach', numberFormat: fmt.integer },
        ],
        rows,
      },
    ],
    cells: [],
    freeze: { rows: 1, columns: 5 },
    highlights,
    rangeFormats,
    charts: [],
  };
}

// ── グラフ: chart data the add-in plots (debt service by shock, DSCR and balance by strategy) ───
function chartSheet(c: Case, results: Results, fmt: NumberFormats): PatchSheet {
  const end = c.profile.fiscalYearEndMonth;
  const years = results.cells[0].years.map((y) => y.fiscalYear);
  const label = (fy: number) => `${fy}年${end}月期`;
  const chosen = results.strategies[results.strategies.length > 1 ? 1 : 0];
  const realistic = results.cells.filter((x) => x.mode === 'realistic');
  const byShock = realistic.filter((x) => x.strategyId === chosen.id);
  const unshocked = realistic.filter((x) => x.shock === null);
  const table = (
    name: string,
    row: number,
    header: string,
    series: string[],
    value: (t: number, k: number) => number | null,
    format: string,
  ) => ({
    name,
    row,
    column: 1,
    columns: [{ header }, ...series.map((s) => ({ header: s, numberFormat: format }))],
    rows: years.map((fy, t) => [label(fy), ...series.map((_, k) => value(t, k))]),
  });
  // Tables far enough apart that the charts beside them (CHART_SPAN rows high) do not overlap.
  const gap = Math.max(years.length, CHART_SPAN.rows) + 4;
  const debtService = table(
    'RateShockChartDebtService',
    2,
    '決算期 / FY',
    byShock.map((x) => x.shockLabel),
    (t, k) => byShock[k].years[t].debtService,
    fmt.amount,
  );
  const dscr = table(
    'RateShockChartDscr',
    2 + gap,
    '決算期 / FY',
    [...unshocked.map((x) => x.strategyId), '基準 / threshold'],
    (t, k) => {
      if (k === unshocked.length) return c.thresholds.minDscr;
      const v = unshocked[k].measures[t].dscr.value;
      return v === null ? null : floorDscr(v);
    },
    fmt.ratio,
  );
  const balance = table(
    'RateShockChartBalance',
    2 + 2 * gap,
    '決算期 / FY',
    unshocked.map((x) => x.strategyId),
    (t, k) => unshocked[k].years[t].seniorDebt + unshocked[k].years[t].capitalDebt,
    fmt.amount,
  );
  const debtYears = debtYearsTable(results, 2 + 3 * gap, fmt);
  const seriesOf = (t: { columns: PatchColumn[] }) => t.columns.slice(1).map((col) => col.header);
  return {
    name: OUTPUT_SHEETS.charts,
    tables: [debtService, dscr, balance, debtYears],
    cells: [
      {
        row: 1,
        column: 1,
        value: `${withUnit('返済計 / debt service', fmt)} — ${chosen.name}`,
        bold: true,
        overflow: true,
      },
      { row: 1 + gap, column: 1, value: 'DSCR (±0)', bold: true, overflow: true },
      {
        row: 1 + 2 * gap,
        column: 1,
        value: withUnit('借入残高 / balance (±0)', fmt),
        bold: true,
        overflow: true,
      },
      { row: 1 + 3 * gap, column: 1, value: DEBT_YEARS_TITLE, bold: true, overflow: true },
    ],
    highlights: [],
    charts: [
      {
        title: `返済計 / debt service — ${chosen.name}`,
        kind: 'column',
        table: debtService.name,
        categories: '決算期 / FY',
        series: seriesOf(debtService),
        row: 2,
        column: debtService.columns.length + 2,
      },
      {
        title: 'DSCR',
        kind: 'line',
        table: dscr.name,
        categories: '決算期 / FY',
        series: seriesOf(dscr),
        row: 2 + gap,
        column: dscr.columns.length + 2,
      },
      {
        title: '借入残高 / balance',
        kind: 'line',
        table: balance.name,
        categories: '決算期 / FY',
        series: seriesOf(balance),
        row: 2 + 2 * gap,
        column: balance.columns.length + 2,
      },
      {
        title: DEBT_YEARS_TITLE,
        kind: 'column',
        table: debtYears.name,
        categories: '金利 / shock',
        series: seriesOf(debtYears),
        row: 2 + 3 * gap,
        column: debtYears.columns.length + 2,
      },
    ],
  };
}

const DEBT_YEARS_TITLE = '債務償還年数 (計画最終年度) / debt repayment years at plan end';

/**
 * 債務償還年数 at plan end, a row per shock and a column per strategy (realistic mode). A cash
 * flow ≤ 0 (返済不能) has no number of years: the cell is left empty and the chart shows a gap.
 */
function debtYearsTable(results: Results, row: number, fmt: NumberFormats): PatchTable {
  const realistic = results.cells.filter((x) => x.mode === 'realistic');
  const shocks = [...new Set(realistic.map((x) => x.shockLabel))];
  const value = (shock: string, strategyId: string) => {
    const cell = realistic.find((x) => x.shockLabel === shock && x.strategyId === strategyId);
    return cell?.measures[cell.measures.length - 1]?.debtRepaymentYears.value ?? null;
  };
  return {
    name: 'RateShockChartDebtYears',
    row,
    column: 1,
    columns: [
      { header: '金利 / shock' },
      ...results.strategies.map((s) => ({ header: s.id, numberFormat: fmt.years })),
    ],
    rows: shocks.map((shock) => [shock, ...results.strategies.map((s) => value(shock, s.id))]),
  };
}
