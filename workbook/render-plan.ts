import { Case, GridCell, Results, liquidationValue } from '../engine';
import { PatchColumn, PatchSheet, PatchValue } from './patch';
import { FORMATS, PLAN_OUTPUT_SHEETS } from './output-sheets';
import { columnLetters } from './snapshot';
import { cashSheet } from './render-cash';
import { caseFormats, casePrintContext } from './layout/case-layout';
import { fitToWidth } from './layout/page-setup';

const BASIS_JA = { balance: '残高プロラタ', unsecured: '非保全残高プロラタ' } as const;

const planCells = (results: Results) =>
  results.cells.filter((cell) => cell.plan && cell.mode === 'realistic');

/**
 * The council plan's sheets, when a strategy has a `pro-rata-plan`: 金融機関別返済計画 (one block
 * chosen by strategy × shock dropdowns, over a data table of every plan cell), 資金繰り表 and
 * 実態BS・清算BS.
 */
export function planSheets(c: Case, results: Results): PatchSheet[] {
  const cells = planCells(results);
  if (cells.length === 0) return [];
  return [
    repaymentPlanSheet(c, results, cells),
    cashSheet(c, results, cells, c.cashTableMonths ?? 12),
    substantiveSheet(c, cells),
  ].map((sheet) => withPrintedBlock(c, sheet));
}

/**
 * Prints what a reader looks at — everything above the data table of every strategy × shock
 * (the whole sheet when it has none) — landscape, one page wide.
 */
function withPrintedBlock(c: Case, sheet: PatchSheet): PatchSheet {
  if (sheet.pageSetup) return sheet;
  const data = sheet.tables.find((t) => t.name.endsWith('Data'));
  const lastRow = data
    ? data.row - 2
    : Math.max(...sheet.tables.map((t) => t.row + t.rows.length), ...sheet.cells.map((x) => x.row));
  const lastColumn = Math.max(
    ...sheet.tables.map((t) => t.column + t.columns.length - 1),
    ...sheet.cells.map((x) => x.column),
  );
  const area = { fromRow: 1, fromColumn: 1, toRow: lastRow, toColumn: lastColumn };
  return { ...sheet, pageSetup: fitToWidth(casePrintContext(c), area) };
}

// ── 金融機関別返済計画 ──────────────────────────────────────────────────────────────────
const CHOICE_ROW = 4;
const BLOCK_ROW = 8;
/** The data rows carrying each cell's yearly budget (in the 返済額 columns). */
const BUDGET_KEY = '(返済原資)';

/**
 * Rows of the data table (lender, loan, strategy, shock, then figures): per plan cell its
 * budget row, each lender and beneath it each of its loans, with the base-date figures and
 * each plan year's repayment and closing balance.
 */
function dataRows(cells: GridCell[]): PatchValue[][] {
  const rows: PatchValue[][] = [];
  for (const cell of cells) {
    const plan = cell.plan!;
    const id = [cell.strategyId, cell.shockLabel];
    rows.push([
      BUDGET_KEY,
      '',
      ...id,
      null,
      null,
      null,
      null,
      // Years before the plan's firstYear have no budget (the pool is on contract).
      ...cell.years.flatMap((y) => [
        plan.budget.find((b) => b.year === y.fiscalYear)?.budget ?? null,
        null,
      ]),
    ]);
    plan.lenders.forEach((l, i) => {
      rows.push([
        l.lender,
        '',
        ...id,
        l.baseBalance,
        l.secured,
        l.unsecured,
        l.share,
        ...l.years.flatMap((y) => [y.repayment, y.closing]),
      ]);
      for (const loan of cell.pool!.lenders[i].loans)
        rows.push([
          l.lender,
          loan.id,
          ...id,
          loan.baseBalance,
          null,
          null,
          null,
          ...loan.years.flatMap((y) => [y.repayment, y.closing]),
        ]);
    });
  }
  return rows;
}

/**
 * One block (lenders down, loans beneath each, budget above, totals below) chosen by the
 * strategy and shock dropdowns: every figure is a SUMIFS over the data table below it, with
 * the engine's value for the first plan cell. Block and data share their columns.
 */
function repaymentPlanSheet(c: Case, results: Results, cells: GridCell[]): PatchSheet {
  // Whole yen, negatives as the case's statements show them (△ unless it asks for -).
  const yen = caseFormats(c).yen;
  const first = cells[0];
  const years = first.years.map((y) => y.fiscalYear);
  const strategies = results.strategies.filter((s) => cells.some((x) => x.strategyId === s.id));
  const shocks = [...new Set(cells.map((x) => x.shockLabel))];
  const fy = (y: number) => `${y}年${c.profile.fiscalYearEndMonth}月期`;
  const yearHeaders = years.flatMap((y) => [
    `返済額 ${fy(y)} / repaid`,
    `期末残高 ${fy(y)} / closing`,
  ]);
  const columns: PatchColumn[] = [
    { header: '金融機関 / lender' },
    { header: '借入 / loan' },
    { header: '戦略ID / strategy' },
    { header: '金利 / shock' },
    { header: '基準日残高 / base balance', numberFormat: yen },
    { header: '保全 / secured', numberFormat: yen },
    { header: '非保全残高 / unsecured', numberFormat: yen },
    { header: 'シェア / share', numberFormat: FORMATS.percent },
    ...yearHeaders.map((header) => ({ header, numberFormat: yen })),
  ];
  const data = dataRows(cells);
  const keys = [
    { lender: BUDGET_KEY, loan: '' },
    ...first.plan!.lenders.flatMap((l, i) => [
      { lender: l.lender, loan: '' },
      ...first.pool!.lenders[i].loans.map((loan) => ({ lender: l.lender, loan: loan.id })),
    ]),
  ];
  const dataRow = BLOCK_ROW + keys.length + 5;
  const dataEnd = dataRow + data.length;
  const range = (k: number) =>
    `$${columnLetters(k)}$${dataRow + 1}:$${columnLetters(k)}$${dataEnd}`;
  const strategyCell = `$A$${CHOICE_ROW + 1}`;
  const shockCell = `$B$${CHOICE_ROW + 1}`;
  const text = (x: string) => `"${x.replace(/"/g, '""')}"`;
  const blockRows = keys.map(({ lender, loan }) => {
    const match = data.find(
      (d) =>
        d[0] === lender && d[1] === loan && d[2] === first.strategyId && d[3] === first.shockLabel,
    );
    const figures = columns.slice(4).map((_, j): PatchValue => {
      const k = j + 5;
      const value = match?.[k - 1];
      if (value === null || value === undefined) return null;
      return {
        formula: `SUMIFS(${range(k)},${range(1)},${text(lender)},${range(2)},${text(loan)},${range(3)},${strategyCell},${range(4)},${shockCell})`,
        result: value as number,
      };
    });
    return [
      lender === BUDGET_KEY ? '返済原資 / budget' : loan === '' ? lender : '',
      loan,
      { formula: strategyCell, result: first.strategyId },
      { formula: shockCell, result: first.shockLabel },
      ...figures,
    ] as PatchValue[];
  });
  const lenderRows = keys
    .map((k, i) => (k.loan === '' && k.lender !== BUDGET_KEY ? BLOCK_ROW + 1 + i : -1))
    .filter((r) => r > 0);
  const totals: PatchValue[] = [
    '合計 / total',
    '',
    '',
    '',
    ...columns.slice(4).map((_, j): PatchValue => {
      const letter = columnLetters(j + 5);
      const result = blockRows.reduce(
        (s, row, i) =>
          lenderRows.includes(BLOCK_ROW + 1 + i)
            ? s + Number((row[j + 4] as { result?: number } | null)?.result ?? 0)
            : s,
        0,
      );
      return { formula: `SUM(${lenderRows.map((r) => `${letter}${r}`).join(',')})`, result };
    }),
  ];
  const plan = first.plan!;
  // Each lender's loan rows collapse under the lender's row.
  const groupedRows = keys.flatMap((k, i) => (k.loan !== '' ? [BLOCK_ROW + 1 + i] : []));
  return {
    name: PLAN_OUTPUT_SHEETS.repayment,
    groupedRows,
    tables: [
      {
        name: 'RateShockPlanChoice',
        row: CHOICE_ROW,
        column: 1,
        columns: [
          {
            header: '戦略 / strategy',
            validationList: strategies.map((s) => s.id),
            description: '表示する戦略ID',
          },
          { header: '金利 / shock', validationList: shocks, description: '表示する金利ショック' },
        ],
        rows: [[first.strategyId, first.shockLabel]],
      },
      {
        name: 'RateShockPlanBlock',
        row: BLOCK_ROW,
        column: 1,
        columns,
        rows: [...blockRows, totals],
      },
      { name: 'RateShockPlanData', row: dataRow, column: 1, columns, rows: data },
    ],
    cells: [
      {
        row: 1,
        column: 1,
        value: `金融機関別返済計画 / repayment plan by lender — ${c.profile.name} (${BASIS_JA[plan.basis]}, FCF × ${(plan.fcfShare * 100).toFixed(0)}%)`,
        bold: true,
      },
      {
        row: 2,
        column: 1,
        value: `戦略と金利を選ぶと表が切り替わります / choose a strategy and a shock. ${strategies
          .map((s) => {
            const p = cells.find((x) => x.strategyId === s.id)!.plan!;
            return `${s.id}: ${BASIS_JA[p.basis]}, FCF × ${(p.fcfShare * 100).toFixed(0)}%`;
          })
          .join('; ')}`,
      },
      { row: dataRow - 1, column: 1, value: 'データ / data (全戦略 × 金利)', bold: true },
    ],
    freeze: { rows: BLOCK_ROW, columns: 2 },
    highlights: [],
    charts: [],
  };
}

// ── 実態BS・清算BS ─────────────────────────────────────────────────────────────────────
function substantiveSheet(c: Case, cells: GridCell[]): PatchSheet {
  // Whole yen, negatives as the case's statements show them (△ unless it asks for -).
  const yen = caseFormats(c).yen;
  const adjustments = c.adjustments ?? [];
  const book = c.base.bookNetAssets;
  const adjRows: PatchValue[][] = adjustments.map((a) => [a.item, a.amount, a.note ?? '']);
  const adjStart = 5;
  const adjEnd = adjStart + adjRows.length;
  const adjSum = adjustments.reduce(
    (s, a) => s + a.amount,
    c.adjustments ? 0 : c.base.netAssetAdjustments,
  );
  const summary: PatchValue[][] = [
    ['簿価純資産 / book net assets', book, ''],
    [
      '実態修正計 / adjustments',
      adjRows.length
        ? { formula: `SUM(B${adjStart + 1}:B${adjEnd})`, result: adjSum }
        : c.base.netAssetAdjustments,
      '',
    ],
    [
      '実態純資産 (基準年) / substantive net worth',
      book + adjSum,
      book + adjSum < 0 ? '実質債務超過' : '',
    ],
  ];
  const liq = c.liquidation;
  const liqStart = adjEnd + summary.length + 4;
  const liqRows: PatchValue[][] = (liq?.assets ?? []).map((a) => [
    a.item,
    a.bookValue,
    a.value === undefined ? (a.haircut ?? 0) : null,
    liquidationValue(a),
    a.collateralId ?? '',
  ]);
  const first = cells[0].plan!;
  const rationalRows: PatchValue[][] = cells.flatMap((cell) =>
    cell.plan!.lenders.map((l) => [
      cell.strategyId,
      cell.shockLabel,
      l.lender,
      l.baseBalance,
      l.planRecovery,
      l.liquidationRecovery,
      l.planRecoveryShare,
      l.liquidationRecoveryShare,
      l.rational === null ? '—' : l.rational ? '✓' : '✗',
    ]),
  );
  const ratRow = liqStart + liqRows.length + 6;
  const yearsRow = ratRow + rationalRows.length + 3;
  const yearRows: PatchValue[][] = cells.map((cell) => [
    cell.strategyId,
    cell.shockLabel,
    ...cell.years.map((y) => y.substantiveNetWorth),
    cell.plan!.criteria.yearsToDebtYears.years,
    cell.plan!.criteria.indication.kind ?? '—',
  ]);
  return {
    name: PLAN_OUTPUT_SHEETS.substantive,
    tables: [
      {
        name: 'RateShockAdjustments',
        row: adjStart,
        column: 1,
        columns: [
          { header: '項目 / item' },
          { header: '金額 / amount', numberFormat: yen },
          { header: '備考 / note' },
        ],
        rows: [...adjRows, ...summary],
      },
      ...(liq
        ? [
            {
              name: 'RateShockLiquidation',
              row: liqStart,
              column: 1,
              columns: [
                { header: '項目 / item' },
                { header: '簿価 / book', numberFormat: yen },
                { header: '掛目 / haircut', numberFormat: FORMATS.percent },
                { header: '清算価値 / liquidation value', numberFormat: yen },
                { header: '担保 / pledged' },
              ],
              rows: liqRows,
            },
          ]
        : []),
      {
        name: 'RateShockRationality',
        row: ratRow,
        column: 1,
        columns: [
          { header: '戦略ID / strategy' },
          { header: '金利 / shock' },
          { header: '金融機関 / lender' },
          { header: '基準日残高 / claim', numberFormat: yen },
          { header: '計画回収 / plan recovery', numberFormat: yen },
          { header: '清算回収 / liquidation', numberFormat: yen },
          { header: '計画回収率 / plan %', numberFormat: FORMATS.percent },
          { header: '清算回収率 / liquidation %', numberFormat: FORMATS.percent },
          { header: '経済合理性 / rational' },
        ],
        rows: rationalRows,
      },
      {
        name: 'RateShockPlanCriteria',
        row: yearsRow,
        column: 1,
        columns: [
          { header: '戦略ID / strategy' },
          { header: '金利 / shock' },
          ...cells[0].years.map((y) => ({
            header: `実態純資産 ${y.fiscalYear}年${c.profile.fiscalYearEndMonth}月期 / substantive`,
            numberFormat: yen,
          })),
          {
            header: `債務償還年数≤${c.thresholds.maxDebtYearsAtPlanEnd} (年目) / years`,
          },
          { header: '計画の目安 / indication' },
        ],
        rows: yearRows,
      },
    ],
    cells: [
      {
        row: 1,
        column: 1,
        value: `実態BS・清算BS / substantive and liquidation balance sheets — ${c.profile.name}`,
        bold: true,
      },
      { row: adjStart - 1, column: 1, value: '実態修正 (基準年) / adjustments', bold: true },
      ...(liq
        ? [
            {
              row: liqStart - 1,
              column: 1,
              value: '清算貸借対照表 / liquidation values',
              bold: true,
            },
            {
              row: liqStart + liqRows.length + 2,
              column: 1,
              value: '優先債権 (租税・労働債権・清算費用) / priority claims',
            },
            {
              row: liqStart + liqRows.length + 2,
              column: 4,
              value: liq.priorityClaims,
              numberFormat: yen,
            },
            {
              row: liqStart + liqRows.length + 3,
              column: 1,
              value: '清算配当率 / liquidation dividend rate',
            },
            {
              row: liqStart + liqRows.length + 3,
              column: 4,
              value: first.liquidationRate ?? 0,
              numberFormat: FORMATS.percent,
            },
          ]
        : []),
      {
        row: ratRow - 1,
        column: 1,
        value: '経済合理性 (計画回収 ≥ 清算回収) / economic rationality',
        bold: true,
      },
      {
        row: yearsRow - 1,
        column: 1,
        value: '実態純資産と計画の基準 / substantive net worth and plan criteria',
        bold: true,
      },
    ],
    highlights: [
      {
        fromRow: ratRow + 1,
        fromColumn: 9,
        toRow: ratRow + rationalRows.length,
        toColumn: 9,
        when: { textContains: '✗' },
        style: 'fail',
      },
      {
        fromRow: ratRow + 1,
        fromColumn: 9,
        toRow: ratRow + rationalRows.length,
        toColumn: 9,
        when: { textContains: '✓' },
        style: 'pass',
      },
    ],
    charts: [],
  };
}
