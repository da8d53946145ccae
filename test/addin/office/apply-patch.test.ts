import { applyPatch } from '../../../addin/office/apply-patch';
import { columnWidthPoints } from '../../../addin/office/write-formats';
import {
  PatchSheet,
  PatchTable,
  PatchValue,
  WorkbookPatch,
  columnLetters,
  inputTemplate,
  isFormula,
} from '../../../workbook';
import { FakeContext, MockWorkbook } from '../support/mock-excel';
import { TRICKY_LENDERS, lodgingResults } from '../support/results-patch';

const asExcel = (context: FakeContext) => context as unknown as Excel.RequestContext;

async function applied(patch: WorkbookPatch, sheets = ['Sheet1']) {
  const model = new MockWorkbook(sheets);
  model.install();
  const result = await applyPatch(asExcel(model.context()), patch);
  return { model, result };
}

const tableAddress = (t: PatchTable) =>
  `${columnLetters(t.column)}${t.row}:${columnLetters(t.column + t.columns.length - 1)}${t.row + Math.max(t.rows.length, 1)}`;

/** What a cell holds once written: a formula's text, a value, or nothing. */
function expected(v: PatchValue | undefined): { value: unknown; formula: string | null } {
  if (v === null || v === undefined || v === '') return { value: null, formula: null };
  if (isFormula(v)) return { value: expect.anything(), formula: `=${v.formula}` };
  return { value: v, formula: null };
}

/** Every table cell and free cell of a patch sheet, as the model holds it. */
function expectSheetWritten(model: MockWorkbook, sheet: PatchSheet): void {
  const s = model.sheet(sheet.name);
  for (const t of sheet.tables) {
    expect(model.tableAddress(t.name)).toBe(tableAddress(t));
    expect(model.table(t.name).sheet.name).toBe(sheet.name);
    expect(model.table(t.name).style).toBe('TableStyleMedium2');
    t.columns.forEach((c, j) => {
      const header = s.at(t.row, t.column + j);
      expect([header.value, header.bold, header.numberFormat]).toEqual([c.header, true, 'General']);
    });
    t.rows.forEach((row, i) => {
      t.columns.forEach((c, j) => {
        const cell = s.at(t.row + 1 + i, t.column + j);
        const want = expected(row[j]);
        if (cell.formula !== want.formula || (want.formula === null && cell.value !== want.value)) {
          throw new Error(
            `${sheet.name}!${columnLetters(t.column + j)}${t.row + 1 + i}: ${JSON.stringify(cell)} ≠ ${JSON.stringify(row[j])}`,
          );
        }
        const r = t.row + 1 + i;
        const column = t.column + j;
        // Rows of mixed kinds (チェック's values) carry their own format over the column's.
        const own = sheet.rangeFormats?.find(
          (f) => f.fromRow <= r && r <= f.toRow && f.fromColumn <= column && column <= f.toColumn,
        );
        if (cell.numberFormat !== (own?.numberFormat ?? c.numberFormat ?? 'General')) {
          throw new Error(`${sheet.name} ${t.name} ${c.header}: format ${cell.numberFormat}`);
        }
      });
    });
  }
  for (const cell of sheet.cells) {
    const got = s.at(cell.row, cell.column);
    expect({ ...got, value: got.formula === null ? got.value : expect.anything() }).toMatchObject({
      ...expected(cell.value),
      bold: cell.bold ?? false,
      numberFormat:
        cell.numberFormat ?? (typeof cell.value === 'string' ? 'General' : got.numberFormat),
    });
  }
}

describe('applyPatch (Office.js): the results of the lodging scenario', () => {
  const { c, patch } = lodgingResults();
  let model: MockWorkbook;
  let syncs: number;
  beforeAll(async () => {
    ({
      model,
      result: { syncs },
    } = await applied(patch));
  });

  test('four syncs (read, values, formats, commit), every write batch with calculation and screen updating suspended', () => {
    expect(syncs).toBe(4);
    expect(model.syncs).toBe(4);
    expect(model.runs).toBe(0); // applyPatch is called inside a run; the test made none
    // The commit (last) suspends screen updating only: it ends with the recalculation.
    const writes = model.requests.filter((r) => r.writes > 0);
    for (const request of writes.slice(0, -1)) {
      expect(request.suspendedCalculation).toBe(true);
      expect(request.suspendedScreenUpdating).toBe(true);
    }
    expect(writes[writes.length - 1].suspendedScreenUpdating).toBe(true);
    expect(model.calculations).toEqual(['Recalculate']);
  });

  test("the sheets, in order, after the workbook's own", () => {
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', ...patch.sheets.map((s) => s.name)]);
  });

  test('values, formulas and number formats land at their addresses, cell for cell', () => {
    for (const sheet of patch.sheets) expectSheetWritten(model, sheet);
  });

  test('spot checks: a 年度別 formula, schedule numbers, yen and ratio formats', () => {
    const fy = patch.sheets.find((s) => s.name === '年度別')!.tables[0];
    const interest = fy.rows[0][8];
    if (!isFormula(interest)) throw new Error('年度別!I2 is not a formula in the patch');
    expect(model.sheet('年度別').cell('I2').formula).toBe(`=${interest.formula}`);
    expect(interest.formula).toMatch(/^SUMIFS\('返済予定表'!\$M\$2:\$M\$\d+,/);
    // One set of formats: ratios to two decimals, amounts in the case's 千円 (a scaling comma),
    // negatives as △.
    expect(model.sheet('年度別').cell('T2').numberFormat).toBe('0.00;"△"0.00;0');
    expect(model.sheet('年度別').cell('E2').numberFormat).toBe('#,##0,;"△"#,##0,;0');

    const schedule = patch.sheets.find((s) => s.name === '返済予定表')!.tables[0];
    const last = schedule.rows.length + 1;
    expect(model.sheet('返済予定表').cell(`K${last}`).value).toBe(schedule.rows[last - 2][10]);
    expect(model.sheet('返済予定表').cell('M2').value).toBe(schedule.rows[0][12]);
    expect(model.sheet('返済予定表').cell('M2').numberFormat).toBe('#,##0,;"△"#,##0,;0');
    expect(model.sheet('返済予定表').cell('L2').numberFormat).toBe('0.000%');
    expect(model.sheet('返済予定表').cell('I2').numberFormat).toBe('yyyy-mm-dd');
    expect(model.sheet('返済予定表').freeze).toEqual({ rows: 1, columns: 0 });
    expect(model.sheet('年度別').freeze).toEqual({ rows: 1, columns: 4 });
    // 戦略ID: "status-quo" is 10 wide, the header's longer line "strategy" 8; 3 of padding.
    expect(schedule.columns[0].width).toBe(13);
    expect(model.sheet('返済予定表').columnWidths.get(1)).toBe(columnWidthPoints(13));
  });

  test('page setup through pageLayout: A4 landscape, fitted, header/footer, print area and titles', () => {
    const summary = model.sheet('結果サマリー').pageLayout;
    const setup = patch.sheets.find((s) => s.name === '結果サマリー')!.pageSetup!;
    expect(summary).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      // A scale: one page, the headline and matrix (the tables are on 制度・チェック明細).
      zoom: { scale: setup.scale },
      printArea: `A1:${columnLetters(setup.printArea.toColumn)}${setup.printArea.toRow}`,
      leftHeader: '湯けむり旅館 (架空)',
      centerHeader: '&A',
      rightHeader: '基準日 / as of 2026-03-31',
      centerFooter: '&P / &N',
    });
    expect(setup.scale).toBeGreaterThanOrEqual(60);
    expect(model.sheet('結果サマリー').horizontalPageBreaks).toEqual([]);
    // 制度・チェック明細: a page break before each block of columns and the row each starts.
    const details = patch.sheets.find((s) => s.name === '制度・チェック明細')!.pageSetup!;
    expect(model.sheet('制度・チェック明細').pageLayout.zoom).toEqual({ scale: details.scale });
    expect(model.sheet('制度・チェック明細').verticalPageBreaks).toEqual(
      details.columnBreaks!.map((k) => `${columnLetters(k)}1`),
    );
    expect(model.sheet('制度・チェック明細').horizontalPageBreaks).toEqual(
      details.rowBreaks!.map((r) => `A${r}`),
    );
    expect(model.sheet('返済予定表').pageLayout).toMatchObject({
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$1',
    });
    // 計数計画: a scale and a page break before the status quo's block.
    const plan = patch.sheets.find((s) => s.name === '計数計画')!.pageSetup!;
    expect(model.sheet('計数計画').pageLayout.zoom).toEqual({ scale: plan.scale });
    expect(model.sheet('計数計画').verticalPageBreaks).toEqual([
      `${columnLetters(plan.columnBreaks![0])}1`,
    ]);
    // The view's two dropdowns list the choices written beside it (strategies, shocks).
    const view = patch.sheets.find((s) => s.name === '計数計画')!;
    const b2 = view.cells.find((x) => x.row === 2 && x.column === 2)!;
    expect(b2.validationRange).toMatch(/^\$[A-Z]+\$6:\$[A-Z]+\$7$/); // two strategies
    expect(model.sheet('計数計画').validations.get('B2')).toEqual({
      rule: { list: { inCellDropDown: true, source: `=${b2.validationRange}` } },
    });
    expect(model.sheet('計数計画').cell('B2').value).toBe(
      '危機対応後経営安定貸付 20年に一本化 / all into the 20-year crisis-recovery loan',
    );
    // Two-line headers: the header row's height and wrapping.
    expect(model.sheet('年度別').rowHeights.get(1)).toBe(34);
    expect(model.sheet('年度別').alignments).toContainEqual({ address: 'A1:W1', wrapText: true });
  });

  test('lenders that look like a formula or a phone number stay text', () => {
    const s = model.sheet('返済予定表');
    const lenders = new Set<unknown>();
    for (let r = 2; r <= 1 + 3840; r++) {
      const cell = s.at(r, 6);
      expect(cell.formula).toBeNull();
      lenders.add(cell.value);
    }
    for (const lender of TRICKY_LENDERS) expect(lenders).toContain(lender);
    expect(c.stack.loans.map((l) => l.lender)).toEqual(expect.arrayContaining(TRICKY_LENDERS));
  });

  test('highlights become conditional formats over their ranges', () => {
    const fy = model.sheet('年度別').conditionalFormats;
    expect(fy).toHaveLength(3);
    expect(fy[0]).toMatchObject({
      type: 'CellValue',
      address: 'T2:T51',
      rule: { formula1: `=${c.thresholds.minDscr}`, operator: 'LessThan' },
      fill: '#FFC7CE',
    });
    const summary = model.sheet('結果サマリー').conditionalFormats;
    expect(summary[0]).toMatchObject({
      type: 'ContainsText',
      rule: { operator: 'Contains', text: '✗' },
    });
    const checks = model.sheet('チェック').conditionalFormats;
    const patchChecks = patch.sheets.find((s) => s.name === 'チェック')!.highlights;
    expect(checks).toHaveLength(patchChecks.length);
    expect(checks.filter((x) => x.type === 'Custom').length).toBe(
      patchChecks.filter((h) => 'always' in h.when).length,
    );
  });

  test('four charts on グラフ, over their tables, with the threshold dashed red', () => {
    const charts = model.sheet('グラフ').charts;
    const specs = patch.sheets.find((s) => s.name === 'グラフ')!.charts;
    expect(charts).toHaveLength(4);
    expect(charts.map((x) => x.type)).toEqual([
      'ColumnClustered',
      'Line',
      'Line',
      'ColumnClustered',
    ]);
    specs.forEach((spec, i) => {
      const table = patch.sheets.flatMap((s) => s.tables).find((t) => t.name === spec.table)!;
      expect(charts[i]).toMatchObject({
        source: `'グラフ'!${tableAddress(table)}`,
        seriesBy: 'Columns',
        title: spec.title,
        legend: { position: 'Bottom', visible: true },
        position: {
          from: `${columnLetters(spec.column)}${spec.row}`,
          to: `${columnLetters(spec.column + 7)}${spec.row + 14}`,
        },
      });
      expect(charts[i].series.map((x) => x.name)).toEqual(spec.series);
    });
    const dscr = charts[1].series;
    expect(dscr[dscr.length - 1]).toEqual({
      name: '基準 / threshold',
      line: { color: '#C00000', lineStyle: 'Dash' },
    });
    expect(dscr.slice(0, -1).every((x) => x.line.lineStyle === undefined)).toBe(true);
  });
});

describe('applyPatch (Office.js): the input template', () => {
  test('dropdown lists and input messages from the column descriptions, cell for cell', async () => {
    const patch = inputTemplate();
    const { model, result } = await applied(patch);
    expect(result.syncs).toBe(4);
    for (const sheet of patch.sheets) expectSheetWritten(model, sheet);
    const loans = patch.sheets[0].tables[0];
    const method = loans.columns.findIndex((x) => x.header.startsWith('返済方法'));
    const letter = columnLetters(loans.column + method);
    const validation = model
      .sheet('借入一覧')
      .validations.get(`${letter}${loans.row + 1}:${letter}${loans.row + 1 + 500}`);
    expect(validation).toEqual({
      rule: { list: { inCellDropDown: true, source: '元金均等,元利均等,期限一括' } },
      prompt: {
        showPrompt: true,
        title: loans.columns[method].header,
        message: loans.columns[method].description,
      },
    });
    expect(model.sheets.map((s) => s.name)).not.toContain('_lists');
  });

  test('a list too long to inline (or holding a comma) goes to a hidden _lists sheet', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `選択肢${i + 1}`);
    const patch: WorkbookPatch = {
      replaces: [],
      sheets: [
        {
          name: '入力',
          tables: [
            {
              name: 'Inputs',
              row: 1,
              column: 2,
              columns: [
                { header: 'a / a', validationList: long },
                { header: 'b / b', validationList: ['1,000', '2,000'] },
                { header: 'c / c', validationList: ['x', 'y'] },
              ],
              rows: [],
            },
          ],
          cells: [],
          highlights: [],
          charts: [],
        },
      ],
    };
    const { model } = await applied(patch, ['_lists']);
    const lists = model.sheet('_lists2');
    expect(lists.visibility).toBe('Hidden');
    expect(lists.cell('A60').value).toBe('選択肢60');
    expect(lists.cell('B1').value).toBe('1,000');
    const v = model.sheet('入力').validations;
    expect(v.get('B2:B502')?.rule).toEqual({
      list: { inCellDropDown: true, source: '=_lists2!A1:A60' },
    });
    expect(v.get('C2:C502')?.rule).toEqual({
      list: { inCellDropDown: true, source: '=_lists2!B1:B2' },
    });
    expect(v.get('D2:D502')?.rule).toEqual({ list: { inCellDropDown: true, source: 'x,y' } });
    // An empty table keeps one blank row, as the CLI writes it.
    expect(model.tableAddress('Inputs')).toBe('B1:D2');
  });

  test('a workbook holding only earlier results gets the new ones (Excel keeps one visible sheet)', async () => {
    const patch = lodgingResults().patch;
    const { model, result } = await applied(patch, ['結果サマリー', '年度別']);
    expect(result.syncs).toBe(4);
    expect(model.sheets.map((s) => s.name)).toEqual(patch.sheets.map((s) => s.name));
  });

  test("a sheet or table of the patch that is the user's is refused before anything is written", async () => {
    const model = new MockWorkbook(['年度別']);
    model.install();
    const patch = lodgingResults().patch;
    await expect(applyPatch(asExcel(model.context()), { ...patch, replaces: [] })).rejects.toThrow(
      /already has a sheet named "年度別"/,
    );
    expect(model.syncs).toBe(1);
    expect(model.sheets.map((s) => s.name)).toEqual(['年度別']);
  });
});
