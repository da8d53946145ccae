import {
  Case,
  GridCell,
  Results,
  fiscalYearOf,
  formatIsoDate,
  scheduledFiscalYear,
} from '../engine';
import { Formula, PatchColumn, PatchSheet, PatchValue, WorkbookPatch } from './patch';
import { columnLetters } from './snapshot';
import { FORMATS, OUTPUT_SHEETS, RUN_OUTPUT_SHEET_NAMES, sheetRef } from './output-sheets';
import { serialOfEpochDay } from './excel-serial';

const MODE_LABEL = { realistic: '通常 / realistic', 'full-reprice': '一斉改定 / full reprice' };

/** Column layout of a table: header and format, plus the 1-based column each lands in. */
function columns(defs: [string, string?, number?][]): PatchColumn[] {
  return defs.map(([header, numberFormat, width]) => ({ header, numberFormat, width }));
}

/**
 * Renders a run's results as the product's output sheets: summary matrix, fiscal years,
 * checks, the monthly schedules and chart data. Totals and ratios that users audit are
 * formulas over the written schedule (each with the engine's value), so a recalculating
 * spreadsheet reproduces the engine's numbers.
 */
export function renderResults(c: Case, results: Results): WorkbookPatch {
  const schedule = scheduleSheet(c, results);
  const fiscal = fiscalYearSheet(c, results, schedule.rows);
  return {
    // A Monte Carlo sheet of an earlier run would describe another case: it goes too.
    replaces: RUN_OUTPUT_SHEET_NAMES,
    sheets: [
      summarySheet(c, results, fiscal.lastRowOf),
      fiscal.sheet,
      checksSheet(c, results),
      schedule.sheet,
      chartSheet(c, results),
    ],
  };
}

const modeLabel = (cell: GridCell) => MODE_LABEL[cell.mode];

// ── 返済予定表: one long filterable table ────────────────────────────────────────────────
const SCHEDULE_COLUMNS = columns([
  ['戦略ID / strategy', undefined, 16],
  ['金利 / shock', undefined, 10],
  ['方式 / mode', undefined, 14],
  ['借入 / loan', undefined, 12],
  ['名称 / name', undefined, 20],
  ['金融機関 / lender', undefined, 16],
  ['区分 / kind', undefined, 10],
  ['回 / period', FORMATS.integer, 8],
  ['返済日 / date', FORMATS.date, 12],
  ['決算期 / FY', FORMATS.integer, 9],
  ['期首残高 / opening', FORMATS.yen, 15],
  ['利率 / rate', FORMATS.rate, 9],
  ['利息 / interest', FORMATS.yen, 12],
  ['元金 / principal', FORMATS.yen, 13],
  ['保証料 / fee', FORMATS.yen, 10],
  ['返済額 / payment', FORMATS.yen, 13],
  ['期末残高 / closing', FORMATS.yen, 15],
]);
// Columns the fiscal-year formulas sum over (1-based).
const S = { strategy: 1, shock: 2, mode: 3, fy: 10, interest: 13, principal: 14, fee: 15 };

function scheduleSheet(c: Case, results: Results): { sheet: PatchSheet; rows: number } {
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
    for (const f of cell.schedules.capitalFlows) {
      for (let k = 0; k < f.periods; k++) {
        const owed = f.loan.amount;
        rows.push([
          ...head,
          f.loan.id,
          f.loan.name,
          '',
          '資本性 / capital',
          k + 1,
          serialOfEpochDay(f.dates[k + 1]),
          scheduledFiscalYear(f.dates, k + 1, end),
          owed,
          f.rates[k] / 1e7,
          f.interest[k],
          f.principal[k],
          0,
          f.interest[k] + f.principal[k],
          owed - f.principal[k],
        ]);
      }
    }
  }
  return {
    rows: rows.length,
    sheet: {
      name: OUTPUT_SHEETS.schedule,
      tables: [{ name: 'RateShockSchedule', row: 1, column: 1, columns: SCHEDULE_COLUMNS, rows }],
      cells: [],
      freeze: { rows: 1, columns: 0 },
      highlights: [],
      charts: [],
    },
  };
}

// ── 年度別: fiscal-year figures, sums and ratios as formulas ───────────────────────────────
const FY_COLUMNS = columns([
  ['戦略ID / strategy', undefined, 16],
  ['金利 / shock', undefined, 10],
  ['方式 / mode', undefined, 14],
  ['決算期 / FY', FORMATS.integer, 9],
  ['売上高 / revenue', FORMATS.yen, 15],
  ['営業利益 / operating profit', FORMATS.yen, 14],
  ['減価償却費 / depreciation', FORMATS.yen, 13],
  ['営業外損益 / non-operating', FORMATS.yen, 13],
  ['支払利息 / interest', FORMATS.yen, 13],
  ['保証料 / guarantee fees', FORMATS.yen, 12],
  ['経常利益 / ordinary profit', FORMATS.yen, 14],
  ['法人税等 / taxes', FORMATS.yen, 12],
  ['当期純利益 / net income', FORMATS.yen, 14],
  ['元金返済 / principal', FORMATS.yen, 14],
  ['返済計 / debt service', FORMATS.yen, 14],
  ['有利子負債 / debt', FORMATS.yen, 15],
  ['現預金 / cash', FORMATS.yen, 14],
  ['運転資本 / working capital', FORMATS.yen, 14],
  ['債務償還年数 / debt years', FORMATS.years, 11],
  ['DSCR', FORMATS.ratio, 8],
  ['実質純資産 / substantive net worth', FORMATS.yen, 15],
  ['最低現預金 / lowest cash', FORMATS.yen, 14],
  ['最低月 / month', undefined, 9],
]);

function fiscalYearSheet(
  c: Case,
  results: Results,
  scheduleRows: number,
): { sheet: PatchSheet; lastRowOf: Map<GridCell, number> } {
  const sched = sheetRef(OUTPUT_SHEETS.schedule);
  const last = Math.max(scheduleRows + 1, 2);
  const col = (n: number) => `${sched}!$${columnLetters(n)}$2:$${columnLetters(n)}$${last}`;
  const sumifs = (sumColumn: number, r: number) =>
    `SUMIFS(${col(sumColumn)},${col(S.strategy)},$A${r},${col(S.shock)},$B${r},${col(S.mode)},$C${r},${col(S.fy)},$D${r})`;
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
        f(`IF(O${r}<=0,"—",(K${r}+I${r}+J${r}+G${r}-L${r})/O${r})`, m.dscr.value ?? '—'),
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
      tables: [{ name: 'RateShockFiscalYears', row: 1, column: 1, columns: FY_COLUMNS, rows }],
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

// ── 結果サマリー: the shock × strategy matrix and a row per cell ─────────────────────────────
function cellMark(cell: GridCell): string {
  const s = cell.summary;
  const dscr = s.lowestDscr === null ? '—' : s.lowestDscr.toFixed(2);
  return s.failedChecks.length === 0
    ? `✓ DSCR ${dscr}`
    : `✗ DSCR ${dscr} (${s.firstBreachYear ?? '—'}: ${s.failedChecks.join(', ')})`;
}

/** ✗ 要件外 when a program rule is broken, △ 要確認 for a warning, ✓ when met, — without a program loan. */
export function eligibilityMark(c: Case, cell: GridCell): string {
  const strategy = c.strategies.find((s) => s.id === cell.strategyId)!;
  if (strategy.actions.length === 0) return '—';
  if (!cell.summary.eligible) return '✗ 要件外';
  return cell.eligibility.length > 0 ? '△ 要確認' : '✓';
}

function summarySheet(c: Case, results: Results, lastRowOf: Map<GridCell, number>): PatchSheet {
  const fy = sheetRef(OUTPUT_SHEETS.fiscalYears);
  const debt = c.stack.loans.reduce((sum, l) => sum + l.terms.principal, 0);
  const years = results.cells[0].years;
  const title = [
    { row: 1, column: 1, value: `RateShock — ${c.profile.name}`, bold: true },
    {
      row: 2,
      column: 1,
      value: `基準日 / as of ${formatIsoDate(c.asOf)}  借入 ${c.stack.loans.length} 本 / loans  計画 / plan ${years[0].fiscalYear}〜${years[years.length - 1].fiscalYear}年${c.profile.fiscalYearEndMonth}月期`,
    },
    { row: 3, column: 1, value: '借入残高 / debt' },
    { row: 3, column: 2, value: debt, numberFormat: FORMATS.yen },
    {
      row: 4,
      column: 1,
      value:
        '✓ = 全チェック合格 / all checks pass, ✗ = 抵触 (初回年: 項目) / breach (first year: checks)',
    },
  ];

  // Matrix: a row per strategy, a column per shock (and mode).
  const columnsOf = results.cells
    .filter((cell) => cell.strategyId === results.strategies[0].id)
    .map((cell) => ({ shock: cell.shockLabel, mode: cell.mode }));
  const matrixRow = 6;
  const matrix = {
    name: 'RateShockMatrix',
    row: matrixRow,
    column: 1,
    columns: [
      { header: '戦略 / strategy', width: 36 },
      ...columnsOf.map((k) => ({
        header: k.mode === 'full-reprice' ? `${k.shock} 一斉 / full` : k.shock,
        width: 26,
      })),
    ],
    rows: results.strategies.map((s) => [
      s.name,
      ...columnsOf.map((k) =>
        cellMark(
          results.cells.find(
            (x) => x.strategyId === s.id && x.shockLabel === k.shock && x.mode === k.mode,
          )!,
        ),
      ),
    ]),
  };
  const matrixLast = matrixRow + results.strategies.length;

  const fyLast = Math.max(...lastRowOf.values());
  const fyCol = (letter: string) => `${fy}!$${letter}$2:$${letter}$${fyLast}`;
  const detailRow = matrixLast + 3;
  const detailRows = results.cells.map((cell, i) => {
    const r = detailRow + 1 + i;
    const s = cell.summary;
    const sumFy = (letter: string) =>
      `SUMIFS(${fyCol(letter)},${fyCol('A')},$A${r},${fyCol('B')},$C${r},${fyCol('C')},$D${r})`;
    const strategy = results.strategies.find((x) => x.id === cell.strategyId)!;
    return [
      cell.strategyId,
      strategy.name,
      cell.shockLabel,
      modeLabel(cell),
      { formula: sumFy('I'), result: s.totalInterest },
      { formula: sumFy('O'), result: s.totalDebtService },
      s.ordinaryProfitChange,
      s.lowestDscr ?? '—',
      {
        formula: `${fy}!S${lastRowOf.get(cell)}`,
        result: s.debtYearsAtEnd ?? '返済不能',
      },
      s.failedChecks.length === 0 ? '✓' : '✗',
      s.firstBreachYear,
      s.failedChecks.map((id) => cell.checks.find((ch) => ch.id === id)?.nameJa ?? id).join('、'),
      eligibilityMark(c, cell),
    ] as PatchValue[];
  });
  const detail = {
    name: 'RateShockSummary',
    row: detailRow,
    column: 1,
    columns: columns([
      ['戦略ID / strategy', undefined, 16],
      ['戦略名 / name', undefined, 36],
      ['金利 / shock', undefined, 10],
      ['方式 / mode', undefined, 14],
      ['利息計 / total interest', FORMATS.yen, 15],
      ['返済計 / total debt service', FORMATS.yen, 16],
      ['経常利益増減(1年目) / change in ordinary profit', FORMATS.percent, 14],
      ['最低DSCR / lowest DSCR', FORMATS.ratio, 10],
      ['債務償還年数(最終) / debt years at end', FORMATS.years, 12],
      ['判定 / checks', undefined, 8],
      ['初回抵触年 / first breach', FORMATS.integer, 10],
      ['抵触項目 / failed checks', undefined, 30],
      ['制度要件 / eligibility', undefined, 12],
    ]),
    rows: detailRows,
  };
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
  const reasonRow = detailLast + 3;
  const tables = [matrix, detail];
  if (reasons.length) {
    tables.push({
      name: 'RateShockEligibility',
      row: reasonRow,
      column: 1,
      columns: columns([
        ['戦略ID / strategy', undefined, 16],
        ['借入 / loan', undefined, 24],
        ['制度 / program', undefined, 24],
        ['判定 / result', undefined, 18],
        ['理由 / reason (日本語)', undefined, 60],
        ['reason (English)', undefined, 60],
      ]),
      rows: reasons,
    });
  }
  const section = (row: number, value: string) => ({ row, column: 1, value, bold: true });
  return {
    name: OUTPUT_SHEETS.summary,
    tables,
    cells: [
      ...title,
      section(matrixRow - 1, '金利 × 戦略 / shock × strategy'),
      section(detailRow - 1, '明細 / by cell'),
      ...(reasons.length ? [section(reasonRow - 1, '制度要件 / program eligibility')] : []),
    ],
    freeze: { rows: 0, columns: 1 },
    highlights: [
      {
        fromRow: matrixRow + 1,
        fromColumn: 2,
        toRow: matrixLast,
        toColumn: columnsOf.length + 1,
        when: { textContains: '✗' },
        style: 'fail',
      },
      {
        fromRow: matrixRow + 1,
        fromColumn: 2,
        toRow: matrixLast,
        toColumn: columnsOf.length + 1,
        when: { textContains: '✓' },
        style: 'pass',
      },
      {
        fromRow: detailRow + 1,
        fromColumn: 10,
        toRow: detailLast,
        toColumn: 10,
        when: { textContains: '✗' },
        style: 'fail',
      },
      {
        fromRow: detailRow + 1,
        fromColumn: 10,
        toRow: detailLast,
        toColumn: 10,
        when: { textContains: '✓' },
        style: 'pass',
      },
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
    ],
    charts: [],
  };
}

// ── チェック: each check, its threshold and its value year by year ───────────────────────────
function checksSheet(c: Case, results: Results): PatchSheet {
  const years = results.cells[0].years.map((y) => y.fiscalYear);
  const end = c.profile.fiscalYearEndMonth;
  const rows: PatchValue[][] = [];
  const highlights: PatchSheet['highlights'] = [];
  const firstYearColumn = 6;
  for (const cell of results.cells) {
    for (const check of cell.checks) {
      const r = rows.length + 2;
      rows.push([
        cell.strategyId,
        cell.shockLabel,
        modeLabel(cell),
        `${check.nameJa} / ${check.nameEn}${check.covenant ? ' (コベナンツ / covenant)' : ''}`,
        check.threshold,
        ...years.map((fy) => check.values.find((v) => v.fiscalYear === fy)?.value ?? null),
        check.pass ? '✓' : '✗',
        check.firstBreachYear,
      ]);
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
            ['戦略ID / strategy', undefined, 16],
            ['金利 / shock', undefined, 10],
            ['方式 / mode', undefined, 14],
            ['項目 / check', undefined, 40],
            ['基準 / threshold', undefined, 22],
          ]),
          ...years.map((fy) => ({
            header: `${fy}年${end}月期`,
            numberFormat: '#,##0.00',
            width: 14,
          })),
          { header: '判定 / result', width: 8 },
          { header: '初回抵触年 / first breach', numberFormat: FORMATS.integer, width: 10 },
        ],
        rows,
      },
    ],
    cells: [],
    freeze: { rows: 1, columns: 5 },
    highlights,
    charts: [],
  };
}

// ── グラフ: chart data the add-in plots (debt service by shock, DSCR and balance by strategy) ───
function chartSheet(c: Case, results: Results): PatchSheet {
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
    columns: [
      { header, width: 14 },
      ...series.map((s) => ({ header: s, numberFormat: format, width: 16 })),
    ],
    rows: years.map((fy, t) => [label(fy), ...series.map((_, k) => value(t, k))]),
  });
  const gap = years.length + 4;
  const debtService = table(
    'RateShockChartDebtService',
    2,
    '決算期 / FY',
    byShock.map((x) => x.shockLabel),
    (t, k) => byShock[k].years[t].debtService,
    FORMATS.yen,
  );
  const dscr = table(
    'RateShockChartDscr',
    2 + gap,
    '決算期 / FY',
    [...unshocked.map((x) => x.strategyId), '基準 / threshold'],
    (t, k) => (k < unshocked.length ? unshocked[k].measures[t].dscr.value : c.thresholds.minDscr),
    FORMATS.ratio,
  );
  const balance = table(
    'RateShockChartBalance',
    2 + 2 * gap,
    '決算期 / FY',
    unshocked.map((x) => x.strategyId),
    (t, k) => unshocked[k].years[t].seniorDebt + unshocked[k].years[t].capitalDebt,
    FORMATS.yen,
  );
  const seriesOf = (t: { columns: PatchColumn[] }) => t.columns.slice(1).map((col) => col.header);
  return {
    name: OUTPUT_SHEETS.charts,
    tables: [debtService, dscr, balance],
    cells: [
      { row: 1, column: 1, value: `返済計 / debt service — ${chosen.name}`, bold: true },
      { row: 1 + gap, column: 1, value: 'DSCR (±0)', bold: true },
      { row: 1 + 2 * gap, column: 1, value: '借入残高 / balance (±0)', bold: true },
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
    ],
  };
}
