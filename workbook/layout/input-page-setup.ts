import { PatchSheet } from '../patch';
import { sheetExtent } from './finish-sheet';
import { fitToWidth } from './page-setup';

/**
 * An input sheet's print setup: A4 landscape, one page wide, the rows down to the first
 * table's header (title, note, header) repeated on every page. The input names no borrower yet:
 * the header shows the sheet name only. The print area is the sheet as filled (call again after
 * filling the tables).
 */
export function withInputPageSetup(sheet: PatchSheet): PatchSheet {
  const first = [...sheet.tables].sort((a, b) => a.row - b.row)[0];
  const setup = fitToWidth({ borrower: '', asOf: '' }, sheetExtent(sheet), {
    titleRows: first ? { from: 1, to: first.row } : undefined,
  });
  return { ...sheet, pageSetup: { ...setup, header: { ...setup.header, right: '' } } };
}
