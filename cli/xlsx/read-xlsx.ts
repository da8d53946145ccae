import { strFromU8 } from 'fflate';
import { SnapshotTable, SnapshotValue, WorkbookSnapshot } from '../../workbook/snapshot';
import { relationships, resolvePart } from './write-xlsx';
import { attribute, stringItemText, unescapeXml } from './xml';
import { unzipWithinLimits } from './zip-limits';
import { withoutNamespacePrefix } from './ooxml-prefix';
import { MAX_TABLE_COLUMNS, tableRange } from './table-range';

export class XlsxReadError extends Error {}

/** A sheet's cells by row and column (1-based). */
type SheetCells = Map<number, Map<number, SnapshotValue>>;

/**
 * Reads an .xlsx's Excel tables into a WorkbookSnapshot: each table's header row and data rows
 * as plain values (dates stay Excel serial numbers; formulas give their cached results). Rows
 * typed just under a table without extending it are read too, up to the first blank row.
 */
export function readXlsxSnapshot(bytes: Uint8Array): WorkbookSnapshot {
  let files: Record<string, Uint8Array>;
  try {
    // Only the XML parts: pictures and other media are never inflated to be read.
    files = unzipWithinLimits(bytes, (name) => /\.(xml|rels)$/i.test(name));
  } catch (e) {
    throw new XlsxReadError((e as Error).message);
  }
  const text = (name: string) =>
    files[name] ? withoutNamespacePrefix(strFromU8(files[name])) : undefined;
  if (!files['[Content_Types].xml'])
    throw new XlsxReadError('not an .xlsx workbook (no [Content_Types].xml)');
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new XlsxReadError('not an .xlsx workbook (no xl/workbook.xml)');
  const shared = sharedStrings(text('xl/sharedStrings.xml'));
  const targets = relationships(rels);

  const sheetNames: string[] = [];
  const tables: SnapshotTable[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*\/>/g)) {
    const name = attribute(m[0], 'name')!;
    sheetNames.push(name);
    const part = resolvePart('xl/', targets.get(attribute(m[0], 'r:id') ?? '') ?? '');
    const xml = text(part);
    if (!xml) continue;
    const sheetRels = text(part.replace(/([^/]+)$/, '_rels/$1.rels'));
    if (!sheetRels) continue;
    const tableParts = [...relationships(sheetRels).values()]
      .map((t) => resolvePart(part.replace(/[^/]+$/, ''), t))
      .filter((p) => p.startsWith('xl/tables/'));
    if (tableParts.length === 0) continue;
    const cells = sheetCells(xml, shared);
    for (const tp of tableParts) {
      const tag = /<table\b[^>]*>/.exec(text(tp) ?? '')?.[0];
      if (!tag) continue;
      const tableName = attribute(tag, 'name') ?? name;
      const range = tableRange(attribute(tag, 'ref') ?? '');
      if (
        typeof range === 'string' ||
        range.to.column - range.from.column + 1 > MAX_TABLE_COLUMNS
      ) {
        throw new XlsxReadError(
          `${name}: 表 ${tableName} の範囲 "${attribute(tag, 'ref') ?? ''}" が読めません / table ${tableName} has an unusable range "${attribute(tag, 'ref') ?? ''}" (${typeof range === 'string' ? range : `over ${MAX_TABLE_COLUMNS} columns`})`,
        );
      }
      tables.push(tableOf(name, tableName, range, cells));
    }
  }
  return { sheetNames, tables };
}

function tableOf(
  sheet: string,
  name: string,
  range: { from: { row: number; column: number }; to: { row: number; column: number } },
  cells: SheetCells,
): SnapshotTable {
  const { from } = range;
  // A table may claim a million rows; only rows the sheet holds are read (blank ones as null).
  let lastRow = from.row;
  for (const r of cells.keys()) if (r > lastRow && r <= range.to.row) lastRow = r;
  const to = { row: lastRow, column: range.to.column };
  const width = to.column - from.column + 1;
  const rowValues = (r: number) =>
    Array.from({ length: width }, (_, j) => cells.get(r)?.get(from.column + j) ?? null);
  const headers = rowValues(from.row).map((v) => (v === null ? '' : String(v)));
  const rows: SnapshotValue[][] = [];
  for (let r = from.row + 1; r <= to.row; r++) rows.push(rowValues(r));
  // Rows typed right under the table that Excel did not take into it.
  for (let r = range.to.row + 1; ; r++) {
    const values = rowValues(r);
    if (values.every((v) => v === null || v === '')) break;
    rows.push(values);
  }
  return { sheet, name, headerRow: from.row, firstColumn: from.column, headers, rows };
}

function parseRef(ref: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new XlsxReadError(`unreadable cell reference "${ref}"`);
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) =>
    m[1] ? stringItemText(m[1]) : '',
  );
}

function sheetCells(xml: string, shared: string[]): SheetCells {
  const cells: SheetCells = new Map();
  let row = 0;
  for (const rm of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = attribute(`<row${rm[1]}>`, 'r');
    row = r ? Number(r) : row + 1;
    if (!rm[2]) continue;
    const values = new Map<number, SnapshotValue>();
    let column = 0;
    for (const cm of rm[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = `<c${cm[1]}>`;
      const ref = attribute(tag, 'r');
      column = ref ? parseRef(ref).column : column + 1;
      const value = cellValue(attribute(tag, 't'), cm[2] ?? '', shared);
      if (value !== null) values.set(column, value);
    }
    cells.set(row, values);
  }
  return cells;
}

function cellValue(type: string | undefined, body: string, shared: string[]): SnapshotValue {
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(body);
    return is ? stringItemText(is[1]) : '';
  }
  const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case 's':
      return shared[Number(v)] ?? '';
    case 'b':
      return v === '1';
    case 'str':
    case 'e':
    case 'd':
      return unescapeXml(v);
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : unescapeXml(v);
    }
  }
}
