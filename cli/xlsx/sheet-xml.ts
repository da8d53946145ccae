import {
  Highlight,
  PageSetup,
  PatchColumn,
  PatchSheet,
  PatchTable,
  PatchValue,
  isFormula,
} from '../../workbook/patch';
import { columnLetters } from '../../workbook/snapshot';
import type { HeaderFooterText } from '../../workbook/layout/page-setup';
import { CellStyle, StyleBook } from './styles';
import { escapeXml } from './xml';

/** A table part to add next to its sheet. */
export interface TablePart {
  id: number;
  xml: string;
}

/** A list too long for an inline validation formula (Excel's limit is 255 characters). */
export interface LongList {
  values: readonly string[];
  /** Set by the caller: the range holding the values, e.g. `'_lists'!$A$1:$A$12`. */
  ref?: string;
}

export interface SheetContext {
  styles: StyleBook;
  /** Hands out workbook-wide unique table ids. */
  nextTableId: () => number;
  /** Returns a range reference for a list that is too long to inline. */
  longList: (values: readonly string[]) => string;
}

/** The relationship id, in the sheet's .rels, of its drawing (the part holding its charts). */
export const DRAWING_REL_ID = 'rIdDrawing1';

/** Rows of empty cells kept under an input table, so a user's new rows get its dropdowns. */
const VALIDATION_ROWS_BELOW = 500;

const COLUMN_LETTERS: string[] = [];
function letters(column: number): string {
  return (COLUMN_LETTERS[column] ??= columnLetters(column));
}

// Schedules repeat a few strings (strategy, shock, loan, lender) on every row: escape each once.
const INLINE_CACHE = new Map<string, string>();
const INLINE_CACHE_LIMIT = 10_000;

function inlineText(value: string): string {
  let xml = INLINE_CACHE.get(value);
  if (xml === undefined) {
    const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
    xml = `<is><t${space}>${escapeXml(value)}</t></is>`;
    if (INLINE_CACHE.size < INLINE_CACHE_LIMIT) INLINE_CACHE.set(value, xml);
  }
  return xml;
}

/** One `<c>` element; null values write nothing. */
function cellXml(ref: string, value: PatchValue, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === undefined) return style ? `<c r="${ref}"${s}/>` : '';
  if (typeof value === 'number') {
    return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  }
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === 'string') {
    // Inline text is never read as a formula or a number: "=HYPERLINK(…)" stays text.
    return `<c r="${ref}"${s} t="inlineStr">${inlineText(value)}</c>`;
  }
  if (isFormula(value)) {
    const f = `<f>${escapeXml(value.formula)}</f>`;
    if (value.result === null) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof value.result === 'number') {
      return `<c r="${ref}"${s}>${f}<v>${value.result}</v></c>`;
    }
    return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(value.result)}</v></c>`;
  }
  return '';
}

/** The cells of one row, gathered from the sheet's tables and free cells. */
type RowCells = { column: number; xml: string }[];

/**
 * Writes a sheet's XML through `write` (in pieces: a 100,000-row schedule never becomes one
 * string) and returns its table parts. Rows are produced in order from the tables and free
 * cells without a cell object per value.
 */
export function writeSheetXml(
  sheet: PatchSheet,
  ctx: SheetContext,
  write: (xml: string) => void,
): TablePart[] {
  const { styles } = ctx;
  const free = new Map<number, RowCells>();
  for (const cell of sheet.cells) {
    const style = styles.index({ numberFormat: cell.numberFormat, bold: cell.bold });
    const xml = cellXml(`${letters(cell.column)}${cell.row}`, cell.value, style);
    if (!xml) continue;
    const row = free.get(cell.row) ?? [];
    row.push({ column: cell.column, xml });
    free.set(cell.row, row);
  }
  const tableStyles = sheet.tables.map((t) => ({
    header: styles.index({ header: true, wrap: true }),
    // A table with wrapped text aligns every cell to the top, so each row reads level.
    columns: t.columns.map((c) =>
      styles.index({
        numberFormat: c.numberFormat,
        wrap: c.wrap,
        top: t.columns.some((x) => x.wrap),
      } as CellStyle),
    ),
  }));
  // Row → column → number format of the cells whose format differs from their column's.
  const rangeStyles = new Map<number, Map<number, string>>();
  for (const f of sheet.rangeFormats ?? []) {
    for (let r = f.fromRow; r <= f.toRow; r++) {
      const row = rangeStyles.get(r) ?? new Map<number, string>();
      for (let c = f.fromColumn; c <= f.toColumn; c++) row.set(c, f.numberFormat);
      rangeStyles.set(r, row);
    }
  }
  // Every row number that holds something, in order.
  const rowNumbers = new Set<number>(free.keys());
  sheet.tables.forEach((t) => {
    for (let r = 0; r <= Math.max(t.rows.length, 1); r++) rowNumbers.add(t.row + r);
  });
  const sortedRows = [...rowNumbers].sort((a, b) => a - b);

  const tables = sheet.tables.map((t) => tablePart(t, ctx.nextTableId()));
  write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      sheetProperties(sheet) +
      sheetViews(sheet) +
      // Required before cols when rows are grouped: Excel sizes the outline gutter by it.
      (sheet.groupedRows?.length
        ? '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="1"/>'
        : '') +
      columnsXml(sheet) +
      '<sheetData>',
  );
  const grouped = new Set(sheet.groupedRows ?? []);
  for (const r of sortedRows) {
    const cells: RowCells = [...(free.get(r) ?? [])];
    sheet.tables.forEach((t, ti) => {
      const offset = r - t.row;
      if (offset < 0 || offset > Math.max(t.rows.length, 1)) return;
      const st = tableStyles[ti];
      if (offset === 0) {
        t.columns.forEach((c, j) => {
          const ref = `${letters(t.column + j)}${r}`;
          cells.push({ column: t.column + j, xml: cellXml(ref, c.header, st.header) });
        });
        return;
      }
      const values = t.rows[offset - 1];
      const overrides = rangeStyles.get(r);
      t.columns.forEach((_, j) => {
        const ref = `${letters(t.column + j)}${r}`;
        const format = overrides?.get(t.column + j);
        const style =
          format === undefined
            ? st.columns[j]
            : styles.index({
                numberFormat: format,
                wrap: t.columns[j].wrap,
                top: t.columns.some((x) => x.wrap),
              });
        const xml = cellXml(ref, values ? (values[j] ?? null) : null, style);
        if (xml) cells.push({ column: t.column + j, xml });
      });
    });
    if (cells.length === 0) continue;
    cells.sort((a, b) => a.column - b.column);
    const height = sheet.rowHeights?.[r];
    const ht = height ? ` ht="${height}" customHeight="1"` : '';
    const outline = grouped.has(r) ? ' outlineLevel="1"' : '';
    write(`<row r="${r}"${ht}${outline}>${cells.map((c) => c.xml).join('')}</row>`);
  }
  write(
    '</sheetData>' +
      highlightsXml(sheet.highlights, styles) +
      validationsXml(sheet, ctx) +
      pageSetupXml(sheet.pageSetup) +
      (sheet.charts.length ? `<drawing r:id="${DRAWING_REL_ID}"/>` : '') +
      (tables.length
        ? `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rIdTable${i + 1}"/>`).join('')}</tableParts>`
        : '') +
      '</worksheet>',
  );
  return tables;
}

/**
 * `fitToPage` and the outline's summary rows (above their group) live in sheetPr, the first
 * element of a worksheet; outlinePr comes before pageSetUpPr.
 */
function sheetProperties(sheet: PatchSheet): string {
  const outline = sheet.groupedRows?.length ? '<outlinePr summaryBelow="0"/>' : '';
  const fit = sheet.pageSetup?.fitTo ? '<pageSetUpPr fitToPage="1"/>' : '';
  return outline || fit ? `<sheetPr>${outline}${fit}</sheetPr>` : '';
}

/** Margins, A4 landscape (paperSize 9), fit or scale, header/footer and column breaks. */
function pageSetupXml(setup: PageSetup | undefined): string {
  if (!setup) return '';
  const fit = setup.fitTo
    ? ` fitToWidth="${setup.fitTo.width}" fitToHeight="${setup.fitTo.height}"`
    : ` scale="${setup.scale ?? 100}"`;
  const section = (s: HeaderFooterText) =>
    escapeXml(
      `${s.left ? `&L${s.left}` : ''}${s.center ? `&C${s.center}` : ''}${s.right ? `&R${s.right}` : ''}`,
    );
  const breaks = setup.columnBreaks ?? [];
  const rowBreaks = setup.rowBreaks ?? [];
  return (
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${setup.orientation}"${fit}/>` +
    `<headerFooter><oddHeader>${section(setup.header)}</oddHeader><oddFooter>${section(setup.footer)}</oddFooter></headerFooter>` +
    // rowBreaks come before colBreaks in a worksheet.
    (rowBreaks.length
      ? `<rowBreaks count="${rowBreaks.length}" manualBreakCount="${rowBreaks.length}">${rowBreaks
          .map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`)
          .join('')}</rowBreaks>`
      : '') +
    (breaks.length
      ? `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks
          .map((c) => `<brk id="${c - 1}" max="1048575" man="1"/>`)
          .join('')}</colBreaks>`
      : '')
  );
}

function sheetViews(sheet: PatchSheet): string {
  const f = sheet.freeze;
  if (!f || (f.rows === 0 && f.columns === 0)) {
    return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  }
  const topLeft = `${letters(f.columns + 1)}${f.rows + 1}`;
  const pane = f.rows && f.columns ? 'bottomRight' : f.rows ? 'bottomLeft' : 'topRight';
  return (
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane${f.columns ? ` xSplit="${f.columns}"` : ''}${f.rows ? ` ySplit="${f.rows}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    '</sheetView></sheetViews>'
  );
}

function columnsXml(sheet: PatchSheet): string {
  const widths = new Map<number, number>();
  for (const [c, w] of Object.entries(sheet.columnWidths ?? {})) widths.set(Number(c), w);
  for (const t of sheet.tables) {
    t.columns.forEach((c, j) => {
      if (c.width !== undefined) widths.set(t.column + j, c.width);
    });
  }
  if (widths.size === 0) return '';
  const cols = [...widths]
    .sort((a, b) => a[0] - b[0])
    .map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`);
  return `<cols>${cols.join('')}</cols>`;
}

function rangeRef(h: Highlight): string {
  return `${letters(h.fromColumn)}${h.fromRow}:${letters(h.toColumn)}${h.toRow}`;
}

function highlightsXml(highlights: readonly Highlight[], styles: StyleBook): string {
  return highlights
    .map((h, i) => {
      const topLeft = `${letters(h.fromColumn)}${h.fromRow}`;
      const dxf = styles.dxf(h.style);
      const rule =
        'textContains' in h.when
          ? `<cfRule type="containsText" dxfId="${dxf}" priority="${i + 1}" operator="containsText" text="${escapeXml(h.when.textContains)}"><formula>NOT(ISERROR(SEARCH("${escapeXml(h.when.textContains.replace(/"/g, '""'))}",${topLeft})))</formula></cfRule>`
          : 'below' in h.when
            ? `<cfRule type="cellIs" dxfId="${dxf}" priority="${i + 1}" operator="lessThan"><formula>${h.when.below}</formula></cfRule>`
            : `<cfRule type="expression" dxfId="${dxf}" priority="${i + 1}"><formula>TRUE</formula></cfRule>`;
      return `<conditionalFormatting sqref="${rangeRef(h)}">${rule}</conditionalFormatting>`;
    })
    .join('');
}

function listValidationXml(
  values: readonly string[],
  sqref: string,
  ctx: SheetContext,
  prompt = '',
) {
  const inline = `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
  const needsRange = inline.length > 255 || values.some((v) => v.includes(','));
  const formula = needsRange ? ctx.longList(values) : inline;
  return `<dataValidation type="list" allowBlank="1" showErrorMessage="1"${prompt} sqref="${sqref}"><formula1>${escapeXml(formula)}</formula1></dataValidation>`;
}

function validationsXml(sheet: PatchSheet, ctx: SheetContext): string {
  const items: string[] = [];
  for (const cell of sheet.cells) {
    if (cell.validationRange) {
      items.push(
        `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${letters(cell.column)}${cell.row}"><formula1>${escapeXml(cell.validationRange)}</formula1></dataValidation>`,
      );
    }
  }
  for (const t of sheet.tables as readonly PatchTable[]) {
    t.columns.forEach((c: PatchColumn, j) => {
      if (!c.validationList && !c.description) return;
      const col = letters(t.column + j);
      const last = t.row + Math.max(t.rows.length, 1) + VALIDATION_ROWS_BELOW;
      const sqref = `${col}${t.row + 1}:${col}${last}`;
      const prompt = c.description
        ? ` showInputMessage="1" promptTitle="${escapeXml(truncate(c.header, 32))}" prompt="${escapeXml(truncate(c.description, 255))}"`
        : '';
      const rowLists = c.rowValidationLists ?? [];
      // Rows with a dropdown of their own; the column's validation covers the others.
      const own = rowLists.flatMap((list, i) => (list ? [t.row + 1 + i] : []));
      const rest = own.length ? sqrefWithout(col, t.row + 1, last, own) : sqref;
      for (const row of own)
        items.push(listValidationXml(rowLists[row - t.row - 1]!, `${col}${row}`, ctx, prompt));
      if (c.validationList) {
        items.push(listValidationXml(c.validationList, rest, ctx, prompt));
      } else {
        items.push(`<dataValidation allowBlank="1"${prompt} sqref="${rest}"/>`);
      }
    });
  }
  return items.length
    ? `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`
    : '';
}

/** Rows `from`…`to` of a column less some rows, as a space-separated sqref (`C5:C9 C11:C40`). */
function sqrefWithout(col: string, from: number, to: number, skip: readonly number[]): string {
  const parts: string[] = [];
  let start = from;
  for (const row of [...skip].sort((a, b) => a - b)) {
    if (row > start)
      parts.push(row - 1 === start ? `${col}${start}` : `${col}${start}:${col}${row - 1}`);
    start = row + 1;
  }
  if (start <= to) parts.push(start === to ? `${col}${start}` : `${col}${start}:${col}${to}`);
  return parts.join(' ');
}

function truncate(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';
}

function tablePart(t: PatchTable, id: number): TablePart {
  const lastRow = t.row + Math.max(t.rows.length, 1);
  const ref = `${letters(t.column)}${t.row}:${letters(t.column + t.columns.length - 1)}${lastRow}`;
  const columns = t.columns
    .map((c, j) => `<tableColumn id="${j + 1}" name="${escapeXml(tableColumnName(c.header))}"/>`)
    .join('');
  return {
    id,
    xml:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${ref}" totalsRowShown="0">` +
      `<autoFilter ref="${ref}"/>` +
      `<tableColumns count="${t.columns.length}">${columns}</tableColumns>` +
      '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
      '</table>',
  };
}

/** Table column names are the header text with line breaks flattened (Excel's rule). */
function tableColumnName(header: string): string {
  return header.replace(/[\r\n]+/g, ' ');
}
