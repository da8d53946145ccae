import { PortfolioResults } from '../engine';
import { PatchSheet, PatchValue, WorkbookPatch } from './patch';
import { OUTPUT_SHEETS } from './output-sheets';
import { finishSheet, floorDscr, numberFormats } from './layout';

// Borrowers' figures come in yen: the portfolio sheet shows yen, with the shared formats.
const FORMATS = { ...numberFormats('yen'), yen: numberFormats('yen').amount };

const MODE = { realistic: '通常 / realistic', 'full-reprice': '一斉改定 / full reprice' };

/**
 * Renders a portfolio stress as the ポートフォリオ sheet: the 帝国データバンク table's shape per
 * shock and mode (extra interest per firm, fall in 経常利益, shares turning loss-making, under
 * DSCR 1.0, over 13 years of 債務償還年数) and the most affected borrowers.
 */
export function renderPortfolio(results: PortfolioResults): WorkbookPatch {
  const a = results.averages;
  const t = results.thresholds;
  const cellRows: PatchValue[][] = results.cells.map((cell) => [
    cell.label,
    MODE[cell.mode],
    cell.averageExtraInterest,
    cell.ordinaryProfitFall === null ? null : -cell.ordinaryProfitFall,
    cell.turnedLossMaking.share,
    cell.turnedLossMaking.count,
    cell.dscrBelow.share,
    cell.debtYearsOver.share,
  ]);
  const tableRow = 6;
  const topRow = tableRow + cellRows.length + 3;
  const top = results.mostAffected;
  const topRows: PatchValue[][] = (top?.firms ?? []).map((f) => [
    f.id,
    f.name,
    f.sector,
    f.debt,
    f.ordinaryProfit,
    f.extraInterest[top!.cell],
    f.ordinaryProfit - f.extraInterest[top!.cell],
    f.dscr[top!.cell] === null ? null : floorDscr(f.dscr[top!.cell]!),
    f.debtYears[top!.cell],
    f.row,
  ]);
  const topCell = top ? results.cells[top.cell] : null;
  const sheet: PatchSheet = {
    name: OUTPUT_SHEETS.portfolio,
    cells: [
      { row: 1, column: 1, value: 'RateShock ポートフォリオ / portfolio stress', bold: true },
      {
        row: 2,
        column: 1,
        value: `${results.firms.toLocaleString('en')} 社 / firms (基準日 / as of ${results.asOf}); 1社平均 / per firm: 借入 / debt ${Math.round(a.debt).toLocaleString('en')} 円, 金利 / rate ${(a.rate * 100).toFixed(2)}%, 経常利益 / ordinary profit ${Math.round(a.ordinaryProfit).toLocaleString('en')} 円`,
      },
      {
        row: 3,
        column: 1,
        value: `DSCR < ${t.dscr}、債務償還年数 > ${t.debtYears} 年; 除外行 / skipped rows ${results.skipped.rows}`,
      },
      { row: tableRow - 1, column: 1, value: '金利上昇の影響 / impact by shock', bold: true },
      ...(topCell
        ? [
            {
              row: topRow - 1,
              column: 1,
              value: `影響の大きい先 / most affected (${topCell.label} ${MODE[topCell.mode]})`,
              bold: true,
            },
          ]
        : []),
    ],
    tables: [
      {
        name: 'RateShockPortfolio',
        row: tableRow,
        column: 1,
        columns: [
          { header: '金利 / shock', width: 10 },
          { header: '方式 / mode', width: 22 },
          {
            header: '利息負担増 (1社平均)（円） / extra interest per firm',
            numberFormat: FORMATS.yen,
            width: 16,
          },
          {
            header: '経常利益 下押し / change in ordinary profit',
            numberFormat: FORMATS.percent,
            width: 14,
          },
          {
            header: '赤字転落 割合 / turning loss-making',
            numberFormat: FORMATS.percent,
            width: 14,
          },
          { header: '赤字転落 社数 / firms', numberFormat: FORMATS.count, width: 12 },
          { header: `DSCR ${t.dscr} 未満 / below`, numberFormat: FORMATS.percent, width: 12 },
          {
            header: `債務償還年数 ${t.debtYears}年超 / over`,
            numberFormat: FORMATS.percent,
            width: 14,
          },
        ],
        rows: cellRows,
      },
      ...(topRows.length
        ? [
            {
              name: 'RateShockMostAffected',
              row: topRow,
              column: 1,
              columns: [
                { header: 'ID', width: 12 },
                { header: '名称 / name', width: 24 },
                { header: '業種 / sector', width: 14 },
                { header: '借入（円） / debt', numberFormat: FORMATS.yen, width: 15 },
                {
                  header: '経常利益（円） / ordinary profit',
                  numberFormat: FORMATS.yen,
                  width: 15,
                },
                {
                  header: '利息負担増（円） / extra interest',
                  numberFormat: FORMATS.yen,
                  width: 14,
                },
                {
                  header: 'ショック後経常利益（円） / after the shock',
                  numberFormat: FORMATS.yen,
                  width: 16,
                },
                { header: 'DSCR', numberFormat: FORMATS.ratio, width: 8 },
                { header: '債務償還年数 / debt years', numberFormat: FORMATS.years, width: 10 },
                { header: '入力行 / input row', numberFormat: FORMATS.integer, width: 8 },
              ],
              rows: topRows,
            },
          ]
        : []),
    ],
    freeze: { rows: 0, columns: 1 },
    highlights:
      topRows.length === 0
        ? []
        : [
            {
              fromRow: topRow + 1,
              fromColumn: 7,
              toRow: topRow + topRows.length,
              toColumn: 7,
              when: { below: 0 },
              style: 'fail',
            },
          ],
    charts: [],
  };
  return {
    replaces: [OUTPUT_SHEETS.portfolio],
    sheets: [
      finishSheet(
        { ...sheet, cells: sheet.cells.map((c) => ({ ...c, overflow: true })) },
        { borrower: 'ポートフォリオ / portfolio', asOf: results.asOf },
        'width',
      ),
    ],
  };
}
