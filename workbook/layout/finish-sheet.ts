import { PatchSheet } from '../patch';
import { displayWidth } from './display-width';
import { columnWidthOf, fitColumns, shownText } from './fit-columns';
import { PageSetup, PrintArea, PrintContext, fitToWidth } from './page-setup';

/**
 * The rectangle a sheet fills: its tables and cells, and the columns a spilling title or
 * sentence runs over (so the print area never cuts it).
 */
export function sheetExtent(sheet: PatchSheet): PrintArea {
  let toRow = 1;
  let toColumn = 1;
  for (const t of sheet.tables) {
    toRow = Math.max(toRow, t.row + Math.max(t.rows.length, 1));
    toColumn = Math.max(toColumn, t.column + t.columns.length - 1);
  }
  for (const cell of sheet.cells) {
    toRow = Math.max(toRow, cell.row);
    let last = cell.column;
    if (cell.overflow) {
      let room = columnWidthOf(sheet, last);
      const needed = displayWidth(shownText(cell.value, cell.numberFormat)) + 1;
      while (room < needed) room += columnWidthOf(sheet, ++last);
    }
    toColumn = Math.max(toColumn, last);
  }
  return { fromRow: 1, fromColumn: 1, toRow, toColumn };
}

export type PrintFit =
  /** One page wide and one tall (結果サマリー). */
  | 'one-page'
  /** One page wide, as many tall as needed, the rows above the first table's body repeated. */
  | 'width';

/**
 * A rendered sheet made ready to read and print: widths fitted to its text and two-line
 * headers (fitColumns), then A4 landscape fitted as asked, with a header and footer.
 */
export function finishSheet(
  sheet: PatchSheet,
  context: PrintContext,
  fit: PrintFit,
  maxColumnWidth?: number,
): PatchSheet {
  const fitted = fitColumns(sheet, maxColumnWidth);
  return { ...fitted, pageSetup: printSetup(fitted, context, fit) };
}

function printSetup(sheet: PatchSheet, context: PrintContext, fit: PrintFit): PageSetup {
  const area = sheetExtent(sheet);
  if (fit === 'one-page') return fitToWidth(context, area, { pagesTall: 1 });
  const first = [...sheet.tables].sort((a, b) => a.row - b.row)[0];
  // A table at the top repeats its header; otherwise the title lines above the first section.
  const titleRows = first
    ? { from: 1, to: first.row === 1 ? 1 : Math.max(1, first.row - 2) }
    : undefined;
  return fitToWidth(context, area, { titleRows });
}
