import { PatchSheet } from './patch';
import { PrintContext } from './layout/page-setup';
import { widthScaleWithRowBreaks } from './layout/paged-rows';

/**
 * 結果サマリー as a credit officer prints it: page 1 the headline and the shock × strategy
 * matrix, the tables (failed checks, by cell, eligibility, program terms) from page 2 on, one
 * page wide. Fitted to one page the tables made every line too small to read.
 */
export function summaryPages(sheet: PatchSheet, context: PrintContext): PatchSheet {
  const matrix = sheet.tables.find((t) => t.name === 'RateShockMatrix')!;
  // The section title two rows under the matrix's last row starts page 2.
  const tablesTitleRow = matrix.row + matrix.rows.length + 2;
  return { ...sheet, pageSetup: widthScaleWithRowBreaks(sheet, context, [tablesTitleRow]) };
}
