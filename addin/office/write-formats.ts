import { Highlight, HighlightStyle, PatchColumn, PatchSheet, columnLetters } from '../../workbook';
import { RequestBatch, jsonStringBytes } from './request-budget';
import { SCALAR_WRITE_BYTES, fillNumberFormat, rangeAddress } from './write-cells';
import { writePageSetup } from './write-page-setup';

/** Rows of empty cells kept under an input table, so a user's new rows get its dropdowns. */
export const VALIDATION_ROWS_BELOW = 500;

/** The table style the CLI writes. */
export const TABLE_STYLE = 'TableStyleMedium2';

/** Header cells: bold on a light blue fill, as the CLI's header style. */
const HEADER_FILL = '#DDEBF7';

/** Excel's "Good", "Bad" and "Neutral" colours, as the CLI's highlight styles. */
const HIGHLIGHT_COLOURS: Record<HighlightStyle, { fill: string; font: string }> = {
  pass: { fill: '#C6EFCE', font: '#006100' },
  fail: { fill: '#FFC7CE', font: '#9C0006' },
  warn: { fill: '#FFEB9C', font: '#9C5700' },
};

/**
 * A column width in characters as points. The width the CLI writes (`<col width>`) is Excel's
 * stored width, which already holds the 5-pixel cell padding: pixels = width × the maximum
 * digit width, 7 px for an 11-pt Calibri/Aptos-sized default font, and a point is 0.75 px at
 * 96 dpi. So a width of 16 is 112 px = 84 pt in both the .xlsx and the add-in's workbook.
 */
export function columnWidthPoints(characters: number): number {
  return characters * 7 * 0.75;
}

/** Where a long validation list was written (the hidden lists sheet). */
export type ListSource = (column: PatchColumn) => Excel.Range | undefined;

/**
 * The second pass over a written sheet: number formats (one write per column range), the
 * header style, the Excel tables over the written ranges, data validations with their input
 * messages, highlights as conditional formats, bold cells, column widths and frozen panes.
 */
export async function writeSheetFormats(
  sheet: Excel.Worksheet,
  patch: PatchSheet,
  batch: RequestBatch,
  listSource: ListSource,
): Promise<void> {
  for (const t of patch.tables) {
    const last = t.column + t.columns.length - 1;
    const lastRow = t.row + Math.max(t.rows.length, 1);
    const header = sheet.getRange(rangeAddress(t.row, t.column, t.row, last));
    await batch.reserve(5 * SCALAR_WRITE_BYTES);
    fillNumberFormat(header, 'General');
    header.format.font.bold = true;
    header.format.fill.color = HEADER_FILL;
    // Headers wrap on two lines (日本語 above, English below), as the CLI's header style.
    header.format.wrapText = true;
    header.format.verticalAlignment = 'Top';
    // Every column gets its format (General when none): this also replaces the "@" the text
    // cells got before their values, and any format Excel guessed for a formula.
    const anyWrap = t.columns.some((c) => c.wrap);
    for (const [j, c] of t.columns.entries()) {
      await batch.reserve(3 * SCALAR_WRITE_BYTES);
      const body = sheet.getRange(rangeAddress(t.row + 1, t.column + j, lastRow, t.column + j));
      fillNumberFormat(body, c.numberFormat ?? 'General');
      // Long text wraps; a table with wrapped text aligns every cell to the top.
      if (c.wrap) body.format.wrapText = true;
      if (anyWrap) body.format.verticalAlignment = 'Top';
    }
    await batch.reserve(SCALAR_WRITE_BYTES + jsonStringBytes(t.name));
    const table = sheet.tables.add(
      sheet.getRange(rangeAddress(t.row, t.column, lastRow, last)),
      true,
    );
    table.name = t.name;
    table.style = TABLE_STYLE;
    for (const [j, c] of t.columns.entries()) {
      const column = columnLetters(t.column + j);
      const range = sheet.getRange(
        `${column}${t.row + 1}:${column}${t.row + Math.max(t.rows.length, 1) + VALIDATION_ROWS_BELOW}`,
      );
      await writeValidation(range, c, batch, listSource);
      // A key/value table's settings with choices: a dropdown on the row's cell alone.
      for (const [i, list] of (c.rowValidationLists ?? []).entries()) {
        if (!list || needsListRange(list)) continue;
        const inline = list.join(',');
        await batch.reserve(SCALAR_WRITE_BYTES + jsonStringBytes(inline));
        sheet.getRange(`${column}${t.row + 1 + i}`).dataValidation.rule = {
          list: { inCellDropDown: true, source: inline },
        };
      }
    }
  }

  for (const cell of patch.cells) {
    const format = cell.numberFormat ?? (typeof cell.value === 'string' ? 'General' : undefined);
    if (format === undefined && !cell.bold) continue;
    const range = sheet.getRange(`${columnLetters(cell.column)}${cell.row}`);
    await batch.reserve(2 * SCALAR_WRITE_BYTES);
    if (format !== undefined) fillNumberFormat(range, format);
    if (cell.bold) range.format.font.bold = true;
  }

  for (const f of patch.rangeFormats ?? []) {
    await batch.reserve(SCALAR_WRITE_BYTES);
    fillNumberFormat(
      sheet.getRange(rangeAddress(f.fromRow, f.fromColumn, f.toRow, f.toColumn)),
      f.numberFormat,
    );
  }
  for (const cell of patch.cells) {
    if (!cell.validationRange) continue;
    await batch.reserve(SCALAR_WRITE_BYTES);
    sheet.getRange(`${columnLetters(cell.column)}${cell.row}`).dataValidation.rule = {
      list: { inCellDropDown: true, source: `=${cell.validationRange}` },
    };
  }

  for (const h of patch.highlights) await addHighlight(sheet, h, batch);

  // Widths of columns outside tables, then of table columns (those win, as in the CLI).
  const widths = new Map<number, number>();
  for (const [c, w] of Object.entries(patch.columnWidths ?? {})) widths.set(Number(c), w);
  for (const t of patch.tables) {
    t.columns.forEach((c, j) => {
      if (c.width !== undefined) widths.set(t.column + j, c.width);
    });
  }
  for (const [c, w] of widths) {
    await batch.reserve(SCALAR_WRITE_BYTES);
    // Range.format.columnWidth in points: ExcelApi 1.2.
    sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth =
      columnWidthPoints(w);
  }

  for (const [r, h] of Object.entries(patch.rowHeights ?? {})) {
    await batch.reserve(SCALAR_WRITE_BYTES);
    sheet.getRange(`${r}:${r}`).format.rowHeight = h;
  }
  if (patch.pageSetup) await writePageSetup(sheet, patch.pageSetup, batch);
  // Range.group needs ExcelApi 1.10: an older Excel shows the rows ungrouped.
  if (patch.groupedRows?.length && excelApiSupports('1.10')) {
    for (const [first, last] of rowRuns(patch.groupedRows)) {
      await batch.reserve(SCALAR_WRITE_BYTES);
      sheet.getRange(`${first}:${last}`).group('ByRows');
    }
  }

  const f = patch.freeze;
  if (f && (f.rows > 0 || f.columns > 0)) {
    await batch.reserve(SCALAR_WRITE_BYTES);
    // FreezePanes: ExcelApi 1.7.
    if (f.rows > 0 && f.columns > 0) {
      sheet.freezePanes.freezeAt(sheet.getRange(rangeAddress(1, 1, f.rows, f.columns)));
    } else if (f.rows > 0) sheet.freezePanes.freezeRows(f.rows);
    else sheet.freezePanes.freezeColumns(f.columns);
  }
}

/**
 * A column's dropdown list and input message (ExcelApi 1.8). A list is inlined when its
 * quoted form fits Excel's 255 characters and no value holds a comma; otherwise it points at
 * the hidden lists sheet, the CLI's rule.
 */
async function writeValidation(
  range: Excel.Range,
  c: PatchColumn,
  batch: RequestBatch,
  listSource: ListSource,
): Promise<void> {
  if (!c.validationList && !c.description) return;
  if (c.validationList) {
    const inline = c.validationList.join(',');
    await batch.reserve(SCALAR_WRITE_BYTES + jsonStringBytes(inline));
    range.dataValidation.rule = {
      list: { inCellDropDown: true, source: listSource(c) ?? inline },
    };
  }
  if (c.description) {
    await batch.reserve(
      SCALAR_WRITE_BYTES + jsonStringBytes(c.header) + jsonStringBytes(c.description),
    );
    range.dataValidation.prompt = {
      showPrompt: true,
      title: truncate(c.header, 32),
      message: truncate(c.description, 255),
    };
  }
}

/** Whether a validation list has to live on the lists sheet (the CLI's rule). */
export function needsListRange(values: readonly string[]): boolean {
  const quoted = `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
  return quoted.length > 255 || values.some((v) => v.includes(','));
}

/** A highlight as a conditional format (ExcelApi 1.6), coloured as the CLI's. */
async function addHighlight(sheet: Excel.Worksheet, h: Highlight, batch: RequestBatch) {
  if (h.toRow < h.fromRow || h.toColumn < h.fromColumn) return;
  const range = sheet.getRange(rangeAddress(h.fromRow, h.fromColumn, h.toRow, h.toColumn));
  const colours = HIGHLIGHT_COLOURS[h.style];
  await batch.reserve(4 * SCALAR_WRITE_BYTES);
  let format: Excel.ConditionalRangeFormat;
  if ('textContains' in h.when) {
    const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
    cf.textComparison.rule = { operator: 'Contains', text: h.when.textContains };
    format = cf.textComparison.format;
  } else if ('below' in h.when) {
    const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
    cf.cellValue.rule = { formula1: `=${h.when.below}`, operator: 'LessThan' };
    format = cf.cellValue.format;
  } else {
    // A fill the engine decided: a rule that is always true, as the CLI's expression TRUE.
    const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = '=TRUE';
    format = cf.custom.format;
  }
  format.fill.color = colours.fill;
  format.font.color = colours.font;
}

function truncate(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';
}

/** Whether this Excel has ExcelApi `version` (false outside Office). */
function excelApiSupports(version: string): boolean {
  try {
    return (
      typeof Office !== 'undefined' &&
      Office.context.requirements.isSetSupported('ExcelApi', version)
    );
  } catch {
    return false;
  }
}

/** Sorted rows as runs of consecutive rows: [5, 6, 8] → [[5, 6], [8, 8]]. */
export function rowRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}
