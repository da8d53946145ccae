import {
  Case,
  GridCell,
  ProgramSource,
  Results,
  formatIsoDate,
  loanFiscalYears,
  simulate,
  swapBreaks,
} from '../../engine';
import { eligibilityMark, renderResults } from '../../workbook';
import { formatDscr } from '../../workbook/layout';
import { orInputError } from '../read-input';
import { readCaseInput } from '../read-case-input';
import { formatYen } from '../terminal-table';
import { FitColumn, droppedNote, fitTable, wrapLines } from '../fit-table';
import { checkCode, checkLabel, checkLegend } from '../check-labels';
import { Output, writeOutputs } from '../write-output';
import { checkOutputs } from '../safe-output';
import { writeWorkbookOrRefuse } from '../xlsx/workbook-output';
import { planText } from './plan-text';

export interface RunOptions {
  /** Writes the full results as JSON to this file. */
  jsonPath?: string;
  /** Writes the results as a workbook (the input workbook plus the result sheets). */
  outPath?: string;
  /** Prints each cell's figures year by year under the summary. */
  detail?: boolean;
  /** The terminal's width: the summary fits it (undefined: every column, as for a pipe). */
  width?: number;
}

/** `rateshock run <case.json | input.xlsx>`: every strategy under every shock, as tables. */
export function runCommand(
  path: string,
  programsFor: (c: Case) => ProgramSource,
  options: RunOptions,
): string {
  const { c, workbook, lesson } = readCaseInput(path);
  // No output may overwrite the input, except the input workbook written back with -o.
  const sameWorkbook =
    workbook && options.outPath ? { input: path, output: options.outPath } : undefined;
  checkOutputs([path], [options.outPath, options.jsonPath], sameWorkbook);
  const outcome = simulate(c, programsFor(c));
  const results = orInputError(path, outcome.ok ? { ok: true, value: outcome.results } : outcome);
  // Everything is computed before anything is written: an error leaves no file behind.
  const outputs: Output[] = [];
  if (options.outPath) {
    outputs.push([
      options.outPath,
      writeWorkbookOrRefuse(
        options.outPath,
        renderResults(c, results, { lesson }),
        workbook && { path, bytes: workbook },
      ),
    ]);
  }
  if (options.jsonPath) {
    outputs.push([options.jsonPath, Buffer.from(JSON.stringify(resultsJson(c, results), null, 2))]);
  }
  const written = writeOutputs(outputs);
  const text =
    [resultsText(c, results, options.width), ...planText(c, results)].join('\n\n') +
    (written ? `\n\n${written}` : '');
  return options.detail
    ? [
        text,
        localBenchmarkTable(c, results.cells[0], options.width),
        ...results.cells.map((cell) => yearTable(c, cell, options.width)),
      ].join('\n\n')
    : text;
}

/** The six ローカルベンチマーク indicators by year for one cell (the first: status quo, ±0). */
function localBenchmarkTable(c: Case, cell: GridCell, width?: number): string {
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const rows = cell.years.map((y, t) => {
    const b = cell.measures[t].localBenchmark;
    return [
      `${y.fiscalYear}年${c.profile.fiscalYearEndMonth}月期`,
      pct(b.salesGrowth.value),
      pct(b.operatingMargin.value),
      b.laborProductivity.value === null
        ? '—'
        : `${formatYen(Math.round(b.laborProductivity.value / 1000))}千円`,
      fmtRatio(b.ebitdaDebtMultiple.value, 1),
      fmtRatio(b.workingCapitalMonths.value, 1),
      pct(b.equityRatio.value),
    ];
  });
  const strategy = c.strategies.find((x) => x.id === cell.strategyId)!;
  const table = fitTable(
    [
      { header: '決算期 / FY', short: '決算期' },
      { header: '売上高増加率', short: '増収率' },
      { header: '営業利益率' },
      { header: '労働生産性', drop: 1 },
      { header: 'EBITDA有利子負債倍率', short: 'EBITDA倍率' },
      { header: '営業運転資本回転期間(月)', short: '運転資本(月)' },
      { header: '自己資本比率' },
    ],
    rows,
    width,
  );
  const title = `ローカルベンチマーク / local benchmark — ${strategy.name} ${cell.shockLabel}`;
  return [wrapLines(title, width), table.text, droppedNote(table.dropped)]
    .filter((x) => x !== '')
    .join('\n');
}

/** One cell year by year: the values behind each check. */
function yearTable(c: Case, cell: GridCell, width?: number): string {
  const strategy = c.strategies.find((x) => x.id === cell.strategyId)!;
  const title = `${strategy.name} — ${cell.shockLabel}${cell.mode === 'full-reprice' ? ' (一斉改定 / full reprice)' : ''}`;
  const rows = cell.years.map((y, t) => {
    const m = cell.measures[t];
    return [
      `${y.fiscalYear}年${c.profile.fiscalYearEndMonth}月期`,
      formatYen(y.ordinaryProfit),
      formatYen(y.interest),
      formatYen(y.debtService),
      formatDscr(m.dscr.value),
      m.debtRepaymentYears.value === null ? '返済不能' : m.debtRepaymentYears.value.toFixed(1),
      formatYen(y.substantiveNetWorth),
      `${formatYen(y.lowestCash)} (${y.lowestCashMonth})`,
    ];
  });
  const table = fitTable(
    [
      { header: '決算期 / FY', short: '決算期' },
      { header: '経常利益' },
      { header: '支払利息', drop: 2 },
      { header: '返済計' },
      { header: 'DSCR' },
      { header: '債務償還年数', short: '償還年数' },
      { header: '実質純資産', drop: 1 },
      { header: '最低現預金 (月)' },
    ],
    rows,
    width,
  );
  return [wrapLines(title, width), table.text, droppedNote(table.dropped)]
    .filter((x) => x !== '')
    .join('\n');
}

const fmtRatio = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));

/** A cell's row: full, or compact (strategy id, check codes) for a narrow terminal. */
function cellRow(c: Case, cell: GridCell, compact = false): string[] {
  const s = cell.summary;
  const strategy = c.strategies.find((x) => x.id === cell.strategyId)!;
  const failed = s.failedChecks.map((id) => {
    const check = cell.checks.find((ch) => ch.id === id) ?? { id, nameJa: id };
    return compact ? checkCode(check) : checkLabel(check);
  });
  return [
    compact ? strategy.id : strategy.name,
    cell.shockLabel + (cell.mode === 'full-reprice' ? ' 一斉' : ''),
    formatYen(s.totalInterest),
    s.ordinaryProfitChange === null ? '—' : `${(s.ordinaryProfitChange * 100).toFixed(1)}%`,
    formatYen(s.totalDebtService),
    formatDscr(s.lowestDscr),
    s.debtYearsAtEnd === null ? '返済不能' : `${s.debtYearsAtEnd.toFixed(1)}年`,
    failed.length === 0 ? '✓' : `✗ ${s.firstBreachYear ?? ''} ${failed.join(compact ? ',' : '、')}`,
    eligibilityMark(c, cell),
  ];
}

/** The summary's columns: short headers and the order they give way on a narrow terminal. */
const SUMMARY_COLUMNS: FitColumn[] = [
  { header: '戦略 / strategy', short: '戦略' },
  { header: '金利 / shock', short: '金利' },
  { header: '利息計 / interest', short: '利息計', drop: 2 },
  { header: '経常利益 (1年目) 増減', short: '経常増減', drop: 1 },
  { header: '返済計 / debt service', short: '返済計', drop: 3 },
  { header: '最低DSCR' },
  { header: '債務償還年数(最終)', short: '償還年数' },
  { header: '判定 / checks', short: '判定' },
  { header: '制度要件 / eligible', short: '制度', drop: 4 },
];

/** `width`: the terminal's columns (undefined for a pipe or a file: every column). */
function resultsText(c: Case, results: Results, width?: number): string {
  const debt = c.stack.loans.reduce((sum, l) => sum + l.terms.principal, 0);
  const first = results.cells[0].years[0].fiscalYear;
  const last = results.cells[0].years[results.cells[0].years.length - 1].fiscalYear;
  const out = [
    `${c.profile.name} — 基準日 / as of ${formatIsoDate(c.asOf)}; 借入 ${c.stack.loans.length} 本 ${formatYen(debt)} 円; 計画 ${first}〜${last}年${c.profile.fiscalYearEndMonth}月期`,
    '',
  ];
  const table = fitTable(
    SUMMARY_COLUMNS,
    results.cells.map((cell) => cellRow(c, cell)),
    width,
    results.cells.map((cell) => cellRow(c, cell, true)),
  );
  // Lines other than the table wrap at the width; the table already fits.
  const notes: string[] = [];
  if (table.dropped.length) notes.push(droppedNote(table.dropped));
  if (table.compact) {
    notes.push('戦略 / strategies:', ...results.strategies.map((x) => `  ${x.id} = ${x.name}`));
  }
  const eligibility = results.cells
    .filter((cell, i, all) => all.findIndex((x) => x.strategyId === cell.strategyId) === i)
    .flatMap((cell) =>
      cell.eligibility.map(
        (e) => `  - ${cell.strategyId} / ${e.loanId}: ${e.messageJa} / ${e.messageEn}`,
      ),
    );
  if (eligibility.length) notes.push('', '制度要件 / program eligibility:', ...eligibility);
  notes.push('', checkLegend(results.cells[0].checks, table.compact));
  return [wrapLines(out.join('\n'), width), table.text, wrapLines(notes.join('\n'), width)].join(
    '\n',
  );
}

/** The full results for machines: every cell's years, measures and checks. */
function resultsJson(c: Case, results: Results) {
  return {
    case: {
      name: c.profile.name,
      asOf: formatIsoDate(c.asOf),
      fiscalYearEndMonth: c.profile.fiscalYearEndMonth,
    },
    strategies: results.strategies,
    shocks: results.shockLabels,
    programTerms: results.programTerms ?? [],
    cells: results.cells.map((cell) => ({
      strategy: cell.strategyId,
      shock: cell.shockLabel,
      mode: cell.mode,
      summary: cell.summary,
      years: cell.years,
      measures: cell.measures,
      checks: cell.checks,
      eligibility: cell.eligibility,
      // The council plan (金融機関別返済計画, 経済合理性), for strategies with a pro-rata-plan.
      ...(cell.plan ? { plan: cell.plan } : {}),
      // 解約清算金 of swaps a refinancing ends early, on this cell's curve (in years' swapBreakCost).
      swapBreaks: swapBreaks(cell.book, {
        indexes: c.stack.indexes,
        shock: cell.shock,
        mode: cell.mode,
        asOf: c.asOf,
      }),
      // Each loan's interest, fees, principal, closing balance and rate per fiscal year.
      loans: loanFiscalYears(
        cell.book,
        cell.schedules,
        cell.years[0].fiscalYear,
        cell.years.length,
        c.profile.fiscalYearEndMonth,
      ),
    })),
  };
}
