import { PatchSheet } from './patch';
import { PrintContext, blocksSideBySide } from './layout/page-setup';
import { MAX_COLUMN_WIDTH, columnWidthOf, fitColumns } from './layout/fit-columns';
import { sheetExtent } from './layout/finish-sheet';
import { MIN_PRINT_SCALE } from './layout/column-pages';

/** Height assumed for a row without its own (11-pt text in Noto Sans CJK, as LibreOffice draws it). */
const ROW_POINTS = 18;

function widthOf(sheet: PatchSheet, from: number, to: number): number {
  let w = 0;
  for (let k = from; k <= to; k++) w += columnWidthOf(sheet, k);
  return w;
}

/**
 * 結果サマリー as a credit officer prints it for a 稟議書: the headline, lesson and shock ×
 * strategy matrix on one page, at the scale that fits it wide and tall (the wide tables are on
 * 制度・チェック明細, so that is well above MIN_PRINT_SCALE).
 */
export function summaryPages(sheet: PatchSheet, context: PrintContext): PatchSheet {
  const area = sheetExtent(sheet);
  let height = 0;
  for (let r = area.fromRow; r <= area.toRow; r++) height += sheet.rowHeights?.[r] ?? ROW_POINTS;
  const setup = blocksSideBySide(
    context,
    area,
    [{ fromColumn: 1, widthUnits: widthOf(sheet, area.fromColumn, area.toColumn) }],
    height,
  );
  return { ...sheet, pageSetup: setup };
}

/** A block of 制度・チェック明細's columns printed on its own pages, with each column's widest. */
export interface DetailBlock {
  /** Its title's row: a page starts there (the blocks' rows do not overlap). */
  fromRow: number;
  fromColumn: number;
  maxWidths: number[];
}

/**
 * The failed checks (strategy, shock, check, threshold, first breach) and a row per cell (id,
 * name, shock, mode, interest, debt service, profit change, DSCR, debt years, ✓, first breach,
 * failed checks, eligibility): 145 units.
 */
export const CELL_DETAIL_WIDTHS = [12, 16, 10, 12, 11, 11, 11, 9, 10, 7, 10, 14, 12];

/** 制度要件: id, loan, program, result, then the reasons in Japanese and English (158 units). */
export const ELIGIBILITY_WIDTHS = [14, 14, 20, 14, 48, 48];
/** 制度条件の根拠: id, loan, program, term, value, basis, source or reason (158 units). */
export const PROGRAM_TERMS_WIDTHS = [14, 16, 24, 26, 12, 14, 52];

/**
 * 制度・チェック明細 fitted and set up to print: each block of columns (the failed checks and
 * a row per cell; eligibility; program terms) at most 158 units wide, a page break before each,
 * so it prints at MIN_PRINT_SCALE or more, as many pages tall as its rows need. Long text
 * wraps in its column, a settings path too (broken at the cell's edge).
 */
export function detailPages(
  details: { sheet: PatchSheet; blocks: DetailBlock[] },
  context: PrintContext,
): PatchSheet {
  const capOf = (column: number) => {
    for (const b of details.blocks) {
      const cap = b.maxWidths[column - b.fromColumn];
      if (cap !== undefined) return cap;
    }
    return undefined;
  };
  const sheet = fitColumns(details.sheet, MAX_COLUMN_WIDTH, {
    breakWords: true,
    maxWidthOf: capOf,
  });
  const area = sheetExtent(sheet);
  const blocks = details.blocks.map((b) => ({
    fromColumn: b.fromColumn,
    widthUnits: widthOf(sheet, b.fromColumn, b.fromColumn + b.maxWidths.length - 1),
  }));
  // The widths decide the scale; the rows go on as many pages as they need.
  const setup = blocksSideBySide(context, area, blocks, 1);
  return {
    ...sheet,
    pageSetup: {
      ...setup,
      scale: Math.max(MIN_PRINT_SCALE, setup.scale!),
      rowBreaks: details.blocks.slice(1).map((b) => b.fromRow),
    },
  };
}
