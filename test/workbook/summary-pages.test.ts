import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { catalogPrograms, parseCaseFile, simulate } from '../../engine';
import { OUTPUT_SHEETS, WorkbookPatch, renderResults } from '../../workbook';
import { columnWidthOf } from '../../workbook/layout/fit-columns';
import { MIN_PRINT_SCALE } from '../../workbook/layout/column-pages';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { applyPatch } from '../../addin/office/apply-patch';
import { MockWorkbook } from '../addin/support/mock-excel';

/**
 * 結果サマリー prints on one page at 60 % or more (headline, lesson, matrix, a pointer); the wide
 * tables are on 制度・チェック明細, in blocks of columns each narrow enough for 60 %, a page
 * break before each; in the .xlsx and through Office.js alike.
 */

function patchOf(name: string): WorkbookPatch {
  const raw = JSON.parse(
    readFileSync(join(__dirname, `../../scenarios/${name}.case.json`), 'utf8'),
  ) as { lesson?: string };
  const parsed = parseCaseFile(raw);
  if (!parsed.ok) throw new Error('case');
  const outcome = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
  if (!outcome.ok) throw new Error('simulate');
  return renderResults(parsed.value, outcome.results, { lesson: raw.lesson });
}

const sheetOf = (patch: WorkbookPatch, name: string) => patch.sheets.find((s) => s.name === name)!;
const widthOf = (sheet: ReturnType<typeof sheetOf>, from: number, to: number) => {
  let w = 0;
  for (let k = from; k <= to; k++) w += columnWidthOf(sheet, k);
  return w;
};

const lodging = patchOf('lodging-crisis-refinance');

test.each(['lodging-crisis-refinance', 'council-pro-rata', 'manufacturer-dds'])(
  '%s: 結果サマリー is the headline and matrix only, one page at ≥ 60 %%',
  (name) => {
    const summary = sheetOf(
      name === 'lodging-crisis-refinance' ? lodging : patchOf(name),
      OUTPUT_SHEETS.summary,
    );
    expect(summary.tables.map((t) => t.name)).toEqual(['RateShockMatrix']);
    const setup = summary.pageSetup!;
    expect(setup.fitTo).toBeUndefined();
    expect(setup.rowBreaks).toBeUndefined();
    // Width and height both fit one A4 landscape page (95 units, 440 pt at 100 %).
    const width = widthOf(summary, 1, setup.printArea.toColumn);
    let height = 0;
    for (let r = 1; r <= setup.printArea.toRow; r++) height += summary.rowHeights?.[r] ?? 18;
    expect(setup.scale).toBe(Math.min(100, Math.floor(9500 / width), Math.floor(44000 / height)));
    expect(setup.scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    const pointer = summary.cells.find((x) => x.row === setup.printArea.toRow)!;
    expect(pointer.value).toBe(
      '明細は「制度・チェック明細」シート / details: sheet 制度・チェック明細',
    );
  },
);

test('lodging: 結果サマリー at 66 % (143.44 units wide: sentences of 140 run into column N)', () => {
  const setup = sheetOf(lodging, OUTPUT_SHEETS.summary).pageSetup!;
  expect(setup.printArea).toEqual({ fromRow: 1, fromColumn: 1, toRow: 29, toColumn: 14 });
  expect(setup.scale).toBe(66); // ⌊9500 / 143.44⌋
});

test('lodging: 制度・チェック明細 in three column blocks, each ≤ 158 units, at 60 %', () => {
  const details = sheetOf(lodging, OUTPUT_SHEETS.details);
  const at = (name: string) => details.tables.find((t) => t.name === name)!;
  // Failed checks and by cell in A–M; eligibility in O–T below them; program terms from V below.
  expect(
    ['RateShockFailures', 'RateShockSummary', 'RateShockEligibility', 'RateShockProgramTerms'].map(
      (n) => [at(n).row, at(n).column],
    ),
  ).toEqual([
    [4, 1],
    [15, 1],
    [28, 15],
    [33, 22],
  ]);
  const setup = details.pageSetup!;
  expect(setup.columnBreaks).toEqual([15, 22]);
  // Each block starts a page: its title row, above its header.
  expect(setup.rowBreaks).toEqual([27, 32]);
  // Widest allowed: 145, 158 and 158 units; the eligibility block takes 157 (its id column 13).
  expect(widthOf(details, 1, 13)).toBe(145);
  expect(widthOf(details, 15, 20)).toBe(157);
  expect(widthOf(details, 22, 28)).toBe(155);
  expect(setup.scale).toBe(60); // ⌊9500 / 157⌋
  // A settings path wraps in its 48-unit column (broken at the cell's edge), not widening it.
  const reasons = at('RateShockEligibility');
  expect(String(reasons.rows[0][4])).toContain(
    'programs.crisis-recovery-stabilization.rate.termRates.240.rate',
  );
  expect(reasons.columns[4]).toMatchObject({ width: 48, wrap: true });
});

test('the .xlsx and Office.js carry 制度・チェック明細 page breaks and scale', async () => {
  const details = sheetOf(lodging, OUTPUT_SHEETS.details);
  const xlsx = writeXlsx({ replaces: [], sheets: [details] });
  const sheet = strFromU8(unzipSync(Buffer.concat(xlsx))['xl/worksheets/sheet1.xml']);
  expect(sheet).toContain(`scale="60"`);
  expect(sheet).toContain(
    `<rowBreaks count="2" manualBreakCount="2"><brk id="26" max="16383" man="1"/><brk id="31" max="16383" man="1"/></rowBreaks>`,
  );
  const model = new MockWorkbook(['Sheet1']);
  model.install();
  await applyPatch(model.context() as unknown as Excel.RequestContext, {
    replaces: [],
    sheets: [details, sheetOf(lodging, OUTPUT_SHEETS.summary)],
  });
  expect(model.sheet(OUTPUT_SHEETS.details).horizontalPageBreaks).toEqual(['A27', 'A32']);
  expect(model.sheet(OUTPUT_SHEETS.details).verticalPageBreaks).toEqual(['O1', 'V1']);
  expect(model.sheet(OUTPUT_SHEETS.details).pageLayout).toMatchObject({ zoom: { scale: 60 } });
  expect(model.sheet(OUTPUT_SHEETS.summary).pageLayout).toMatchObject({ zoom: { scale: 66 } });
  expect(model.sheet(OUTPUT_SHEETS.summary).horizontalPageBreaks).toEqual([]);
});
