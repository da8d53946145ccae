import { PatchSheet } from '../patch';
import { MIN_PRINT_SCALE, unitsAtScale } from './column-pages';
import { columnWidthOf } from './fit-columns';
import { sheetExtent } from './finish-sheet';
import { fitToWidth } from './page-setup';

/**
 * An input sheet's print setup: A4 landscape, one page wide, the rows down to the first
 * table's header (title, note, header) repeated on every page. A sheet too wide for one page
 * at MIN_PRINT_SCALE (借入一覧, a column per loan term) prints at that scale instead, its
 * columns running on to further pages with the first column (the id) repeated. The input
 * names no borrower yet: the header shows the sheet name only. The print area is the sheet as
 * filled (call again after filling the tables).
 */
export function withInputPageSetup(sheet: PatchSheet): PatchSheet {
  const first = [...sheet.tables].sort((a, b) => a.row - b.row)[0];
  const area = sheetExtent(sheet);
  const titleRows = first ? { from: 1, to: first.row } : undefined;
  const fitted = fitToWidth({ borrower: '', asOf: '' }, area, { titleRows });
  let width = 0;
  for (let k = area.fromColumn; k <= area.toColumn; k++) width += columnWidthOf(sheet, k);
  const setup =
    width <= unitsAtScale(MIN_PRINT_SCALE)
      ? fitted
      : {
          orientation: fitted.orientation,
          paper: fitted.paper,
          scale: MIN_PRINT_SCALE,
          titleRows,
          titleColumns: { from: 1, to: 1 },
          printArea: area,
          header: fitted.header,
          footer: fitted.footer,
        };
  return { ...sheet, pageSetup: { ...setup, header: { ...setup.header, right: '' } } };
}
