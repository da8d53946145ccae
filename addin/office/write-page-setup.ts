import { PageSetup, columnLetters } from '../../workbook';
import { RequestBatch } from './request-budget';
import { SCALAR_WRITE_BYTES, rangeAddress } from './write-cells';

/**
 * A sheet's print setup through Worksheet.pageLayout (ExcelApi 1.9), as the CLI's .xlsx
 * writer stores it: A4 landscape, fit to pages or a scale with column breaks, repeated title
 * rows and columns, the print area, and the header/footer codes (&A sheet, &P / &N pages) unchanged.
 */
export async function writePageSetup(
  sheet: Excel.Worksheet,
  setup: PageSetup,
  batch: RequestBatch,
): Promise<void> {
  await batch.reserve(13 * SCALAR_WRITE_BYTES);
  const layout = sheet.pageLayout;
  layout.orientation =
    setup.orientation === 'landscape'
      ? Excel.PageOrientation.landscape
      : Excel.PageOrientation.portrait;
  layout.paperSize = Excel.PaperType.a4;
  layout.leftMargin = 36;
  layout.rightMargin = 36;
  layout.topMargin = 54;
  layout.bottomMargin = 54;
  layout.headerMargin = 21.6;
  layout.footerMargin = 21.6;
  layout.zoom = setup.fitTo
    ? { horizontalFitToPages: setup.fitTo.width, verticalFitToPages: setup.fitTo.height }
    : { scale: setup.scale ?? 100 };
  const a = setup.printArea;
  layout.setPrintArea(rangeAddress(a.fromRow, a.fromColumn, a.toRow, a.toColumn));
  if (setup.titleRows) layout.setPrintTitleRows(`$${setup.titleRows.from}:$${setup.titleRows.to}`);
  if (setup.titleColumns) {
    const { from, to } = setup.titleColumns;
    layout.setPrintTitleColumns(`$${columnLetters(from)}:$${columnLetters(to)}`);
  }
  const page = layout.headersFooters.defaultForAllPages;
  page.leftHeader = setup.header.left;
  page.centerHeader = setup.header.center;
  page.rightHeader = setup.header.right;
  page.leftFooter = setup.footer.left;
  page.centerFooter = setup.footer.center;
  page.rightFooter = setup.footer.right;
  for (const column of setup.columnBreaks ?? []) {
    await batch.reserve(SCALAR_WRITE_BYTES);
    sheet.verticalPageBreaks.add(`${columnLetters(column)}1`);
  }
  for (const row of setup.rowBreaks ?? []) {
    await batch.reserve(SCALAR_WRITE_BYTES);
    sheet.horizontalPageBreaks.add(`A${row}`);
  }
}
