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
import { orInputError } from '../read-input';
import { readCaseInput } from '../read-case-input';
import { formatYen, renderTable } from '../terminal-table';
import { Output, writeOutputs } from '../write-output';
import { writeXlsx } from '../xlsx/write-xlsx';

export interface RunOptions {
  /** Writes the full results as JSON to this file. */
  jsonPath?: string;
  /** Writes the results as a workbook (the input workbook plus the result sheets). */
  outPath?: string;
  /** Prints each cell's figures year by year under the summary. */
  detail?: boolean;
}

/** `rateshock run <case.json | input.xlsx>`: every strategy under every shock, as tables. */
export function runCommand(
  path: string,
  programsFor: (c: Case) => ProgramSource,
  options: RunOptions,
): string {
  const { c, workbook } = readCaseInput(path);
  const outcome = simulate(c, programsFor(c));
  const results = orInputError(path, outcome.ok ? { ok: true, value: outcome.results } : outcome);
  // Everything is computed before anything is written: an error leaves no file behind.
  const outputs: Output[] = [];
  if (options.outPath) {
    outputs.push([options.outPath, writeXlsx(renderResults(c, results), workbook)]);
  }
  if (options.jsonPath) {
    outputs.push([options.jsonPath, Buffer.from(JSON.stringify(resultsJson(c, results), null, 2))]);
  }
  const written = writeOutputs(outputs);
  const text = resultsText(c, results) + (written ? `\n\n${written}` : '');
  return options.detail
    ? [
        text,
        localBenchmarkTable(c, results.cells[0]),
        ...results.cells.map((cell) => yearTable(c, cell)),
      ].join('\n\n')
    : text;
}

/** The six ローカルベンチマーク indicators by year for one cell (the first: status quo, ±0). */
function localBenchmarkTable(c: Case, cell: GridCell): string {
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
  return `ローカルベンチマーク / local benchmark — ${strategy.name} ${cell.shockLabel}\n${renderTable(
    [
      '決算期 / FY',
      '売上高増加率',
      '営業利益率',
      '労働生産性',
      'EBITDA有利子負債倍率',
      '営業運転資本回転期間(月)',
      '自己資本比率',
    ],
    rows,
  )}`;
}

/** One cell year by year: the values behind each check. */
function yearTable(c: Case, cell: GridCell): string {
  const strategy = c.strategies.find((x) => x.id === cell.strategyId)!;
  const title = `${strategy.name} — ${cell.shockLabel}${cell.mode === 'full-reprice' ? ' (一斉改定 / full reprice)' : ''}`;
  const rows = cell.years.map((y, t) => {
    const m = cell.measures[t];
    return [
      `${y.fiscalYear}年${c.profile.fiscalYearEndMonth}月期`,
      formatYen(y.ordinaryProfit),
      formatYen(y.interest),
      formatYen(y.debtService),
      fmtRatio(m.dscr.value),
      m.debtRepaymentYears.value === null ? '返済不能' : m.debtRepaymentYears.value.toFixed(1),
      formatYen(y.substantiveNetWorth),
      `${formatYen(y.lowestCash)} (${y.lowestCashMonth})`,
    ];
  });
  const header = [
    '決算期 / FY',
    '経常利益',
    '支払利息',
    '返済計',
    'DSCR',
    '債務償還年数',
    '実質純資産',
    '最低現預金 (月)',
  ];
  return `${title}\n${renderTable(header, rows)}`;
}

const fmtRatio = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));

function cellRow(c: Case, cell: GridCell): string[] {
  const s = cell.summary;
  const strategy = c.strategies.find((x) => x.id === cell.strategyId)!;
  return [
    strategy.name,
    cell.shockLabel + (cell.mode === 'full-reprice' ? ' 一斉' : ''),
    formatYen(s.totalInterest),
    s.ordinaryProfitChange === null ? '—' : `${(s.ordinaryProfitChange * 100).toFixed(1)}%`,
    formatYen(s.totalDebtService),
    fmtRatio(s.lowestDscr),
    s.debtYearsAtEnd === null ? '返済不能' : `${s.debtYearsAtEnd.toFixed(1)}年`,
    s.failedChecks.length === 0 ? '✓' : `✗ ${s.firstBreachYear ?? ''} ${s.failedChecks.join(',')}`,
    eligibilityMark(c, cell),
  ];
}

function resultsText(c: Case, results: Results): string {
  const debt = c.stack.loans.reduce((sum, l) => sum + l.terms.principal, 0);
  const first = results.cells[0].years[0].fiscalYear;
  const last = results.cells[0].years[results.cells[0].years.length - 1].fiscalYear;
  const out = [
    `${c.profile.name} — 基準日 / as of ${formatIsoDate(c.asOf)}; 借入 ${c.stack.loans.length} 本 ${formatYen(debt)} 円; 計画 ${first}〜${last}年${c.profile.fiscalYearEndMonth}月期`,
    '',
    renderTable(
      [
        '戦略 / strategy',
        '金利 / shock',
        '利息計 / interest',
        '経常利益 (1年目) 増減',
        '返済計 / debt service',
        '最低DSCR',
        '債務償還年数(最終)',
        '判定 / checks',
        '制度要件 / eligible',
      ],
      results.cells.map((cell) => cellRow(c, cell)),
    ),
  ];
  const eligibility = results.cells
    .filter((cell, i, all) => all.findIndex((x) => x.strategyId === cell.strategyId) === i)
    .flatMap((cell) =>
      cell.eligibility.map(
        (e) => `  - ${cell.strategyId} / ${e.loanId}: ${e.messageJa} / ${e.messageEn}`,
      ),
    );
  if (eligibility.length) out.push('', '制度要件 / program eligibility:', ...eligibility);
  out.push(
    '',
    '判定 / checks: dscr = DSCR, debt-years-at-end = 債務償還年数, profit-within = 経常黒字化, solvency-within = 実質債務超過解消, cash-floor = 資金繰り, rebirth-phase = 再生フェーズ',
  );
  return out.join('\n');
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
    cells: results.cells.map((cell) => ({
      strategy: cell.strategyId,
      shock: cell.shockLabel,
      mode: cell.mode,
      summary: cell.summary,
      years: cell.years,
      measures: cell.measures,
      checks: cell.checks,
      eligibility: cell.eligibility,
      // 解約清算金 of swaps a refinancing ends early, on this cell's curve (not in the P/L).
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
