/**
 * Print setup of an output sheet, in the WorkbookPatch so both appliers (the CLI's .xlsx writer
 * and the add-in's Office.js applier) print the same pages: A4 landscape, fit to one page wide
 * (or a scale with page breaks between blocks), title rows repeated, a header and footer with
 * the borrower, the as-of date, the sheet and page x / y, and a print area.
 */
export interface PrintArea {
  fromRow: number;
  fromColumn: number;
  toRow: number;
  toColumn: number;
}

export interface HeaderFooterText {
  left: string;
  center: string;
  right: string;
}

export interface PageSetup {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  /**
   * Fit into this many pages wide and tall (0 = as many as needed); without it the sheet prints
   * at `scale` % with its `columnBreaks` (spreadsheets ignore manual breaks when fitting).
   */
  fitTo?: { width: number; height: number };
  scale?: number;
  /** Rows printed at the top of every page (1-based, inclusive). */
  titleRows?: { from: number; to: number };
  /**
   * Columns printed at the left of every page (1-based, inclusive): the row labels of a sheet
   * with months or years across that prints on more than one page wide.
   */
  titleColumns?: { from: number; to: number };
  printArea: PrintArea;
  /** Page breaks before these 1-based columns. */
  columnBreaks?: number[];
  /** Page breaks before these 1-based rows (with `scale`: a fit ignores them). */
  rowBreaks?: number[];
  /** Excel header/footer codes: &P page, &N pages, &A sheet name; a literal & is &&. */
  header: HeaderFooterText;
  footer: HeaderFooterText;
}

/** Who and when a printed page is about. */
export interface PrintContext {
  borrower: string;
  /** YYYY-MM-DD. */
  asOf: string;
}

/** Text as a header/footer section: `&` is a code character there. */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Borrower left, sheet name in the centre, as-of date right; page x / y in the footer. */
export function headerFooter(context: PrintContext): Pick<PageSetup, 'header' | 'footer'> {
  return {
    header: {
      left: literal(context.borrower),
      center: '&A',
      right: literal(`基準日 / as of ${context.asOf}`),
    },
    footer: { left: '', center: '&P / &N', right: 'RateShock' },
  };
}

/** A4 landscape, one page wide (and `pagesTall` tall; 0 = as many as needed). */
export function fitToWidth(
  context: PrintContext,
  printArea: PrintArea,
  options: { pagesTall?: number; titleRows?: { from: number; to: number } } = {},
): PageSetup {
  return {
    orientation: 'landscape',
    paper: 'A4',
    fitTo: { width: 1, height: options.pagesTall ?? 0 },
    titleRows: options.titleRows,
    printArea,
    ...headerFooter(context),
  };
}

/**
 * Printable width of A4 landscape in column-width units: 297 mm less the 0.5" side margins
 * ≈ 272 mm ≈ 770 pt. A unit is the default font's digit width plus padding: 7 px (5.25 pt)
 * for Calibri, about 10 px once Yu Gothic falls back to Noto Sans CJK (LibreOffice measured
 * 101 units a page), so the smaller page is assumed.
 */
export const A4_LANDSCAPE_WIDTH_UNITS = 95;
/** Printable height in points: 210 mm less 0.75" top and bottom margins and header room. */
export const A4_LANDSCAPE_HEIGHT_POINTS = 440;

/**
 * A4 landscape with a page break before each block's first column, at the largest scale
 * (≤ 100 %) at which the widest block fits one page wide and the rows one page tall. A block's
 * width includes the title columns printed beside it (`titles`).
 */
export function blocksSideBySide(
  context: PrintContext,
  printArea: PrintArea,
  blocks: { fromColumn: number; widthUnits: number }[],
  heightPoints: number,
  titles: Pick<PageSetup, 'titleRows' | 'titleColumns'> = {},
): PageSetup {
  const widest = Math.max(...blocks.map((b) => b.widthUnits));
  const scale = Math.min(
    100,
    Math.floor((100 * A4_LANDSCAPE_WIDTH_UNITS) / widest),
    Math.floor((100 * A4_LANDSCAPE_HEIGHT_POINTS) / heightPoints),
  );
  return {
    orientation: 'landscape',
    paper: 'A4',
    scale: Math.max(10, scale),
    printArea,
    columnBreaks: blocks.slice(1).map((b) => b.fromColumn),
    ...titles,
    ...headerFooter(context),
  };
}
