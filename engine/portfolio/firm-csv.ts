import { FieldError, FieldReader } from '../input/field-reader';
import { BUCKET_NAMES, Firm } from './firm';
import { AmountUnit } from '../input/case-spec';
import {
  FIRM_COLUMNS,
  FirmColumn,
  REQUIRED_FIRM_COLUMNS,
  RowError,
  readFirmRow,
  rowErrors,
} from './firm-row';

/**
 * The portfolio CSV: one header line naming the columns (see FIRM_COLUMNS; any order; a
 * bilingual heading `経常利益 / ordinaryProfit` is read by its part after the last `/`), then
 * one firm per line. Cells may be quoted (RFC 4180, `""` for a quote) but may not hold line
 * breaks, so a file can be cut at any line and its chunks read apart (by workers).
 */

const PLAIN_NUMBER = /^-?\d{1,15}(\.\d{1,15})?$/;

/** Errors kept per chunk and per run; the rest are counted (the list must stay readable). */
export const ROW_ERROR_LIST_CAP = 50;

/** One CSV line's cells, or why it cannot be split. */
export function splitCsvLine(line: string): { cells: string[] } | { error: string } {
  const cells: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (line[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0)
          return {
            error: 'a quoted cell is not closed (line breaks inside quotes are not supported)',
          };
        text += line.slice(i, close);
        i = close + 1;
        if (line[i] !== '"') break;
        text += '"';
        i++;
      }
      while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
      if (i < n && line[i] !== ',') return { error: 'text after a closing quote' };
      cells.push(text);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      cells.push(line.slice(i, end).trim());
      i = end;
    }
    if (i >= n) return { cells };
    i++; // the comma
  }
}

/** Column of each cell position (the header line, read). */
export interface FirmCsvHeader {
  columns: FirmColumn[];
}

/** The column a heading names: the key itself, or the part after the last `/` of a bilingual one. */
function headingKey(text: string): string {
  const slash = text.lastIndexOf('/');
  return (slash < 0 ? text : text.slice(slash + 1)).replace(/^\uFEFF/, '').trim();
}

/**
 * Reads the header line (`row`: its row number): unknown, duplicate and missing required
 * columns are errors, all reported at once.
 *
 * @example
 * readFirmCsvHeader(['id', '経常利益 / ordinaryProfit', 'depreciation', 'cash'], 1)
 * // { header: { columns: ['id', 'ordinaryProfit', 'depreciation', 'cash'] } }
 */
export function readFirmCsvHeader(
  cells: readonly string[],
  row: number,
): { header: FirmCsvHeader } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const keys = cells.map(headingKey);
  const known = FIRM_COLUMNS as readonly string[];
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (key === '') {
      errors.push({ row, column: null, message: `heading ${i + 1} is empty`, value: cells[i] });
    } else if (!known.includes(key)) {
      // FieldReader's did-you-mean, over the one unknown key.
      const found: FieldError[] = [];
      new FieldReader({ [key]: cells[i] }, '', found).rejectUnknown(known);
      const message = found[0].message.replace('known field', 'known column');
      errors.push({ row, column: key, message, value: cells[i] });
    } else if (seen.has(key)) {
      errors.push({ row, column: key, message: 'appears twice in the header', value: cells[i] });
    }
    seen.add(key);
  });
  for (const required of REQUIRED_FIRM_COLUMNS) {
    if (!seen.has(required))
      errors.push({
        row,
        column: required,
        message: 'is missing from the header (required)',
        value: undefined,
      });
  }
  return errors.length > 0 ? { errors } : { header: { columns: keys as FirmColumn[] } };
}

/** What a run of CSV lines gave: the firms read (with their row numbers) and the bad rows. */
export interface FirmLines {
  firms: Firm[];
  rows: number[];
  /** The first ROW_ERROR_LIST_CAP errors, in row order. */
  errors: RowError[];
  errorCount: number;
  badRows: number;
}

/**
 * Reads lines of firms (`firstRow`: the row number of `lines[0]`). Blank lines are skipped
 * (and still counted, so row numbers match the file). A bad row is left out and its errors
 * reported; the caller decides whether a bad row stops the run.
 */
export function readFirmCsvLines(
  header: FirmCsvHeader,
  lines: readonly string[],
  firstRow: number,
  unit: AmountUnit = 'yen',
): FirmLines {
  const out: FirmLines = { firms: [], rows: [], errors: [], errorCount: 0, badRows: 0 };
  const { columns } = header;
  const report = (errors: RowError[]) => {
    out.badRows++;
    out.errorCount += errors.length;
    for (const e of errors) if (out.errors.length < ROW_ERROR_LIST_CAP) out.errors.push(e);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const row = firstRow + i;
    if (line.trim() === '') continue;
    const split = splitCsvLine(line);
    if ('error' in split) {
      report([{ row, column: null, message: split.error, value: undefined }]);
      continue;
    }
    const { cells } = split;
    if (cells.length !== columns.length) {
      const message = `has ${cells.length} cells, the header has ${columns.length}`;
      report([{ row, column: null, message, value: undefined }]);
      continue;
    }
    const record: Record<string, string | number> = {};
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      // Plain decimals go in as numbers: the reader's full-width and comma handling is for the rest.
      if (cell !== '') record[columns[c]] = PLAIN_NUMBER.test(cell) ? Number(cell) : cell;
    }
    const errors: FieldError[] = [];
    const firm = readFirmRow(record, errors, unit);
    if (firm) {
      out.firms.push(firm);
      out.rows.push(row);
    } else {
      report(rowErrors(row, errors));
    }
  }
  return out;
}

/** The header line the writer uses: every column, by key. */
export function firmCsvHeaderLine(): string {
  return FIRM_COLUMNS.join(',');
}

function csvCell(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A rate as a percent string that reads back to the same 1e-7 unit: 0.01234 → "1.234%". */
function percentCell(rate: number): string {
  return `${Number((rate * 100).toFixed(5))}%`;
}

/** One firm as a CSV line in FIRM_COLUMNS order (no line break). Empty buckets leave rate and months blank. */
export function firmCsvLine(firm: Firm): string {
  const cells: string[] = [
    csvCell(firm.id),
    csvCell(firm.name),
    csvCell(firm.sector),
    String(firm.fiscalYearEndMonth),
    firm.revenue === null ? '' : String(firm.revenue),
    firm.operatingProfit === null ? '' : String(firm.operatingProfit),
    String(firm.ordinaryProfit),
    String(firm.depreciation),
    percentCell(firm.effectiveTaxRate),
    String(firm.cash),
    String(firm.workingCapital),
  ];
  for (const b of BUCKET_NAMES) {
    const bucket = firm.debt[b];
    const has = bucket.balance > 0;
    cells.push(String(bucket.balance));
    cells.push(has ? percentCell(bucket.rate) : '');
    cells.push(has ? String(bucket.months) : '');
    if (b === 'floating') cells.push(has ? String(bucket.resetMonths) : '');
  }
  return cells.join(',');
}
