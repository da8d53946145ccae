import { PatchSheet } from '../patch';
import { columnWidthOf } from './fit-columns';
import { sheetExtent } from './finish-sheet';
import { A4_LANDSCAPE_WIDTH_UNITS, PageSetup, PrintContext, headerFooter } from './page-setup';

/**
 * A4 landscape at the scale that fits the sheet one page wide, with page breaks before
 * `rowBreaks`: a fit to one page wide would ignore the breaks (spreadsheets do), and a fit to one
 * page tall shrinks a long sheet to a scale nobody can read.
 */
export function widthScaleWithRowBreaks(
  sheet: PatchSheet,
  context: PrintContext,
  rowBreaks: number[],
): PageSetup {
  const area = sheetExtent(sheet);
  let width = 0;
  for (let k = area.fromColumn; k <= area.toColumn; k++) width += columnWidthOf(sheet, k);
  return {
    orientation: 'landscape',
    paper: 'A4',
    scale: Math.max(10, Math.min(100, Math.floor((100 * A4_LANDSCAPE_WIDTH_UNITS) / width))),
    printArea: area,
    rowBreaks,
    ...headerFooter(context),
  };
}
