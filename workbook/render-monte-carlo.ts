import { Case, MonteCarloResults, PATH_METRICS, PathMetric } from '../engine';
import { PatchSheet, PatchValue, RangeFormat, WorkbookPatch } from './patch';
import { OUTPUT_SHEETS } from './output-sheets';
import { caseFormats, casePrintContext, finishSheet, floorDscr } from './layout';

const METRIC_LABEL: Record<PathMetric, string> = {
  interest: '支払利息 / interest',
  debtService: '返済計 / debt service',
  dscr: 'DSCR (倍 / times)',
  cash: '期末現預金 / year-end cash',
  lowestCash: '最低現預金 / lowest cash',
  ordinaryProfit: '経常利益 / ordinary profit',
};

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * Renders a Monte Carlo run as the モンテカルロ sheet: the seed and model (to replay it), the
 * probability of each check failing per strategy, and percentile bands per fiscal year. Only
 * that sheet is replaced, so it sits beside the results of `run`.
 */
export function renderMonteCarlo(c: Case, mc: MonteCarloResults): WorkbookPatch {
  const FORMATS = caseFormats(c);
  const m = mc.model;
  const drift = m.drift
    ? `、上昇ドリフト / drift ${pct(m.drift.perYear)}/年 (上限 / cap ${pct(m.drift.cap)})`
    : '';
  const cells = [
    {
      row: 1,
      column: 1,
      value: `RateShock モンテカルロ / Monte Carlo — ${c.profile.name}`,
      bold: true,
    },
    {
      row: 2,
      column: 1,
      value: `シード / seed ${mc.seed}、パス数 / paths ${mc.paths}（同じシードで同じ結果 / same seed, same numbers）`,
    },
    {
      row: 3,
      column: 1,
      value: `短期金利モデル / short-rate model (Vasicek): r₀ ${pct(m.initialRate)}、θ ${pct(m.longRunMean)}、a ${m.meanReversion}、σ ${pct(m.volatility)}${drift}; 売上 / revenue σ ${mc.revenue.volatility}、ρ ${mc.revenue.correlation}; ${mc.quantileMethod}`,
    },
  ];
  const checkRows: PatchValue[][] = mc.strategies.flatMap((s) => [
    ...s.checks.map((ch) => [
      s.id,
      s.name,
      `${ch.nameJa} / ${ch.nameEn}`,
      ch.threshold,
      ch.probability,
      ch.standardError,
      ch.failures,
      ch.deterministicPass ? '✓' : '✗',
    ]),
    [
      s.id,
      s.name,
      'いずれか / any check',
      null,
      s.anyFailure.probability,
      s.anyFailure.standardError,
      s.anyFailure.failures,
      null,
    ],
  ]);
  const checksRow = 5;
  const bandsRow = checksRow + checkRows.length + 3;
  const bandRows: PatchValue[][] = mc.strategies.flatMap((s) =>
    s.years.flatMap((y) =>
      PATH_METRICS.map((metric) => {
        const b = y[metric];
        // DSCR by its display rule (cut toward failing); the others are amounts.
        const v = (x: number | null) => (x !== null && metric === 'dscr' ? floorDscr(x) : x);
        return [
          s.id,
          y.fiscalYear,
          METRIC_LABEL[metric],
          v(b.p5),
          v(b.p25),
          v(b.p50),
          v(b.p75),
          v(b.p95),
          v(b.mean),
          v(y.deterministic[metric]),
        ];
      }),
    ),
  );
  const rangeFormats: RangeFormat[] = [];
  bandRows.forEach((row, i) => {
    const amount = row[2] !== METRIC_LABEL.dscr;
    rangeFormats.push({
      fromRow: bandsRow + 1 + i,
      fromColumn: 4,
      toRow: bandsRow + 1 + i,
      toColumn: 10,
      numberFormat: amount ? FORMATS.amount : FORMATS.ratio,
    });
  });
  const sheet: PatchSheet = {
    name: OUTPUT_SHEETS.monteCarlo,
    rangeFormats,
    cells: [
      ...cells.map((cell) => ({ ...cell, overflow: true })),
      {
        row: checksRow - 1,
        column: 1,
        value: 'チェックの失敗確率 / probability of failing each check',
        bold: true,
      },
      {
        row: bandsRow - 1,
        column: 1,
        value: `パーセンタイル / percentile bands — 金額 / amounts: ${FORMATS.unitSuffix.slice(1, -1)}`,
        bold: true,
      },
    ],
    tables: [
      {
        name: 'RateShockMonteCarloChecks',
        row: checksRow,
        column: 1,
        columns: [
          { header: '戦略ID / strategy' },
          { header: '戦略名 / name' },
          { header: '項目 / check' },
          { header: '基準 / threshold' },
          { header: '失敗確率 / probability', numberFormat: FORMATS.percent },
          { header: '標準誤差 / standard error', numberFormat: '0.00%' },
          { header: '失敗パス / failing paths', numberFormat: FORMATS.count },
          { header: '計画どおり / unshocked' },
        ],
        rows: checkRows,
      },
      {
        name: 'RateShockMonteCarloBands',
        row: bandsRow,
        column: 1,
        columns: [
          { header: '戦略ID / strategy' },
          { header: '決算期 / FY', numberFormat: FORMATS.integer },
          { header: '指標 / measure' },
          ...['P5', 'P25', 'P50', 'P75', 'P95', '平均 / mean', '計画 / plan'].map((header) => ({
            header,
            numberFormat: FORMATS.amount,
          })),
        ],
        rows: bandRows,
      },
    ],
    freeze: { rows: 0, columns: 1 },
    highlights: [
      {
        fromRow: checksRow + 1,
        fromColumn: 8,
        toRow: checksRow + checkRows.length,
        toColumn: 8,
        when: { textContains: '✗' },
        style: 'fail',
      },
    ],
    charts: [],
  };
  return {
    replaces: [OUTPUT_SHEETS.monteCarlo],
    sheets: [finishSheet(sheet, casePrintContext(c), 'width')],
  };
}
