import { constants, crc32, deflateRawSync } from 'node:zlib';
import { AsyncFlateStreamHandler, Zip, ZipInputFile, strFromU8, strToU8 } from 'fflate';
import { PatchSheet, WorkbookPatch } from '../../workbook/patch';
import { columnLetters } from '../../workbook/snapshot';
import { LISTS_SHEET } from '../../workbook/output-sheets';
import { StyleBook, baseStyleCounts } from './styles';
import { DRAWING_REL_ID, TablePart, writeSheetXml } from './sheet-xml';
import { chartXml, resolveChart } from './chart-xml';
import { chartRelId, drawingXml } from './drawing-xml';
import { attribute, escapeXml } from './xml';
import { unzipWithinLimits } from './zip-limits';
import { withoutNamespacePrefix } from './ooxml-prefix';
import { withoutMacros } from './macro-free';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_TYPE = `${REL_NS}/worksheet`;
const TABLE_TYPE = `${REL_NS}/table`;
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const DRAWING_TYPE = `${REL_NS}/drawing`;
const CHART_TYPE = `${REL_NS}/chart`;
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const RELS_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** Sheets the writer adds to hold dropdown lists too long to inline (hidden). */

/**
 * A zip entry deflated by Node's native zlib (several times faster than a JavaScript
 * deflate on a 100,000-row sheet). Each pushed piece is compressed on its own and ends with a
 * sync flush, so the pieces join into one valid deflate stream without holding the whole sheet.
 */
class DeflatedEntry implements ZipInputFile {
  readonly compression = 8;
  size = 0;
  crc = 0;
  ondata?: AsyncFlateStreamHandler;

  constructor(
    readonly filename: string,
    private readonly level: number,
  ) {}

  push(data: Uint8Array, final = false): void {
    this.size += data.length;
    this.crc = crc32(data, this.crc);
    const compressed = deflateRawSync(data, {
      level: this.level,
      finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    });
    this.ondata!(null, compressed, final);
  }

  terminate(): void {}
}

/** A workbook package being assembled: its unchanged parts and the edits to its XML. */
interface Package {
  /** Parts kept from the base workbook (path → bytes), unchanged. */
  kept: Map<string, Uint8Array>;
  workbook: string;
  workbookRels: string;
  contentTypes: string;
  styles: StyleBook;
  stylesXml: (book: StyleBook) => string;
  sheetIds: number[];
  partNames: Set<string>;
  tableIds: number[];
  tableNames: Set<string>;
  sheetNames: string[];
}

export class XlsxWriteError extends Error {}

/**
 * Writes a WorkbookPatch as an .xlsx. With a `base` workbook, the result is that workbook with
 * the patch's sheets added: the base's parts are carried over unchanged (its input sheets stay
 * byte for byte what they were), the sheets named in `patch.replaces` are removed first, and
 * styles are appended after the base's own. Returns the file's bytes in pieces.
 *
 * Formulas carry their computed values; the workbook asks for a full recalculation on load.
 */
export function writeXlsx(patch: WorkbookPatch, base?: Uint8Array, level = 6): Uint8Array[] {
  const pkg = base ? openBase(base, patch) : freshPackage();
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const addFile = (name: string, data: string | Uint8Array) => {
    const entry = new DeflatedEntry(name, level);
    zip.add(entry);
    entry.push(typeof data === 'string' ? strToU8(data) : data, true);
  };

  let nextTable = Math.max(0, ...pkg.tableIds) + 1;
  const longLists: (readonly string[])[] = [];
  const listsSheet = uniqueName(LISTS_SHEET, pkg.sheetNames);
  const ctx = {
    styles: pkg.styles,
    nextTableId: () => nextTable++,
    longList: (values: readonly string[]) => {
      longLists.push(values);
      const col = columnLetters(longLists.length);
      return `'${listsSheet}'!$${col}$1:$${col}$${values.length}`;
    },
  };

  for (const name of patch.sheets.map((s) => s.name)) {
    if (pkg.sheetNames.includes(name)) {
      throw new XlsxWriteError(
        `the workbook already has a sheet named "${name}" that is not ours to replace`,
      );
    }
  }
  for (const t of patch.sheets.flatMap((s) => s.tables)) {
    if (pkg.tableNames.has(t.name.toLowerCase())) {
      throw new XlsxWriteError(`the workbook already has a table named "${t.name}"`);
    }
    pkg.tableNames.add(t.name.toLowerCase());
  }

  const addSheet = (sheet: PatchSheet, hidden = false) => {
    const n = nextPartNumber(pkg.partNames, 'xl/worksheets/sheet');
    const part = `xl/worksheets/sheet${n}.xml`;
    pkg.partNames.add(part);
    const entry = new DeflatedEntry(part, level);
    zip.add(entry);
    let buffer = '';
    const tables = writeSheetXml(sheet, ctx, (xml) => {
      buffer += xml;
      if (buffer.length > 1 << 22) {
        entry.push(strToU8(buffer));
        buffer = '';
      }
    });
    entry.push(strToU8(buffer), true);
    addSheetRels(n, [...tableRels(tables), ...drawingRels(sheet)]);
    const rId = `rIdRs${n}`;
    const sheetId = Math.max(0, ...pkg.sheetIds) + 1;
    pkg.workbook = withPrintNames(pkg.workbook, sheet, pkg.sheetNames.length);
    pkg.sheetIds.push(sheetId);
    pkg.sheetNames.push(sheet.name);
    pkg.workbook = pkg.workbook.replace(
      /<\/sheets>/,
      `<sheet name="${escapeXml(sheet.name)}" sheetId="${sheetId}"${hidden ? ' state="hidden"' : ''} r:id="${rId}"/></sheets>`,
    );
    pkg.workbookRels = pkg.workbookRels.replace(
      '</Relationships>',
      `<Relationship Id="${rId}" Type="${SHEET_TYPE}" Target="worksheets/sheet${n}.xml"/></Relationships>`,
    );
    pkg.contentTypes = pkg.contentTypes.replace(
      '</Types>',
      `<Override PartName="/${part}" ContentType="${CT_SHEET}"/></Types>`,
    );
  };
  const addPart = (part: string, contentType: string, data: string) => {
    pkg.partNames.add(part);
    addFile(part, data);
    pkg.contentTypes = pkg.contentTypes.replace(
      '</Types>',
      `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`,
    );
  };
  const tableRels = (tables: TablePart[]) =>
    tables.map((t, i) => {
      addPart(`xl/tables/table${t.id}.xml`, CT_TABLE, t.xml);
      return `<Relationship Id="rIdTable${i + 1}" Type="${TABLE_TYPE}" Target="../tables/table${t.id}.xml"/>`;
    });
  // A sheet's charts: one drawing part anchoring them, a chart part each. Part numbers skip
  // the base workbook's own drawings and charts, which are carried over untouched.
  const drawingRels = (sheet: PatchSheet) => {
    if (sheet.charts.length === 0) return [];
    const charts = sheet.charts.map((spec) => {
      const n = nextPartNumber(pkg.partNames, 'xl/charts/chart');
      addPart(`xl/charts/chart${n}.xml`, CT_CHART, chartXml(resolveChart(spec, patch.sheets)));
      return n;
    });
    const d = nextPartNumber(pkg.partNames, 'xl/drawings/drawing');
    addPart(`xl/drawings/drawing${d}.xml`, CT_DRAWING, drawingXml(sheet.charts));
    addFile(
      `xl/drawings/_rels/drawing${d}.xml.rels`,
      RELS_HEAD +
        charts
          .map(
            (n, k) =>
              `<Relationship Id="${chartRelId(k)}" Type="${CHART_TYPE}" Target="../charts/chart${n}.xml"/>`,
          )
          .join('') +
        '</Relationships>',
    );
    return [
      `<Relationship Id="${DRAWING_REL_ID}" Type="${DRAWING_TYPE}" Target="../drawings/drawing${d}.xml"/>`,
    ];
  };
  const addSheetRels = (sheetNumber: number, rels: string[]) => {
    if (rels.length === 0) return;
    addFile(
      `xl/worksheets/_rels/sheet${sheetNumber}.xml.rels`,
      `${RELS_HEAD}${rels.join('')}</Relationships>`,
    );
  };

  for (const sheet of patch.sheets) addSheet(sheet);
  if (longLists.length) {
    addSheet(
      {
        name: listsSheet,
        tables: [],
        highlights: [],
        charts: [],
        cells: longLists.flatMap((values, c) =>
          values.map((value, r) => ({ row: r + 1, column: c + 1, value })),
        ),
      },
      true,
    );
  }

  for (const [name, bytes] of pkg.kept) addFile(name, bytes);
  addFile('xl/styles.xml', pkg.stylesXml(pkg.styles));
  addFile('xl/workbook.xml', withFullCalcOnLoad(pkg.workbook));
  addFile('xl/_rels/workbook.xml.rels', pkg.workbookRels);
  addFile('[Content_Types].xml', pkg.contentTypes);
  zip.end();
  return chunks;
}

function freshPackage(): Package {
  return {
    kept: new Map([
      [
        '_rels/.rels',
        strToU8(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
      ],
    ]),
    workbook:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}">` +
      '<bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>',
    workbookRels:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rIdStyles" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    contentTypes:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
    styles: new StyleBook(),
    stylesXml: (book) => book.freshXml(),
    sheetIds: [],
    partNames: new Set(),
    tableIds: [],
    tableNames: new Set(),
    sheetNames: [],
  };
}

/** Opens a base workbook and removes the sheets the patch replaces (and what hangs off them). */
function openBase(bytes: Uint8Array, patch: WorkbookPatch): Package {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipWithinLimits(bytes);
  } catch (e) {
    throw new XlsxWriteError((e as Error).message);
  }
  const text = (name: string) => {
    const f = files[name];
    if (!f) throw new XlsxWriteError(`not an .xlsx workbook (no ${name})`);
    return withoutNamespacePrefix(strFromU8(f));
  };
  let workbook = text('xl/workbook.xml');
  let workbookRels = text('xl/_rels/workbook.xml.rels');
  let contentTypes = text('[Content_Types].xml');
  const stylesBase = files['xl/styles.xml'] ? strFromU8(files['xl/styles.xml']) : undefined;
  const kept = new Map(Object.entries(files));
  ({ contentTypes, workbookRels } = withoutMacros(kept, contentTypes, workbookRels));
  const drop = (part: string) => {
    kept.delete(part);
    contentTypes = contentTypes.replace(
      new RegExp(`<Override PartName="/${escapeRegExp(part)}"[^>]*/>`),
      '',
    );
  };

  // A part and what hangs off it that belongs to it alone: tables, drawings, charts (and
  // their chart styles and colours), following each part's .rels.
  const dropWithChildren = (part: string) => {
    const partRels = part.replace(/([^/]+)$/, '_rels/$1.rels');
    if (files[partRels]) {
      for (const target of relationships(strFromU8(files[partRels])).values()) {
        const child = resolvePart(part.replace(/[^/]+$/, ''), target);
        if (/^xl\/(tables|drawings|charts)\//.test(child) && kept.has(child)) {
          dropWithChildren(child);
        }
      }
      drop(partRels);
    }
    drop(part);
  };
  const rels = relationships(workbookRels);
  const sheetTags = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
  const replaced = new Set(patch.replaces);
  const removedIndexes: number[] = [];
  sheetTags.forEach((tag, index) => {
    const name = attribute(tag, 'name')!;
    if (!replaced.has(name)) return;
    removedIndexes.push(index);
    const rId = attribute(tag, 'r:id')!;
    const part = resolvePart('xl/', rels.get(rId) ?? '');
    dropWithChildren(part);
    workbook = workbook.replace(tag, '');
    workbookRels = workbookRels.replace(
      new RegExp(`<Relationship\\b[^>]*Id="${escapeRegExp(rId)}"[^>]*/>`),
      '',
    );
  });
  workbook = renumberLocalNames(workbook, removedIndexes, sheetTags.length);
  // Excel rebuilds the calculation chain; a stale one pointing at removed sheets needs repair.
  if (kept.has('xl/calcChain.xml')) {
    drop('xl/calcChain.xml');
    workbookRels = workbookRels.replace(
      /<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/,
      '',
    );
  }
  for (const part of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']) {
    kept.delete(part);
  }
  kept.delete('xl/styles.xml');
  if (!stylesBase) {
    workbookRels = workbookRels.replace(
      '</Relationships>',
      `<Relationship Id="rIdStyles" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    );
    contentTypes = contentTypes.replace(
      '</Types>',
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    );
  }

  const remaining = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
  const tableParts = [...kept.keys()].filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p));
  const tableTags = tableParts.map(
    (p) => /<table\b[^>]*>/.exec(strFromU8(kept.get(p)!))?.[0] ?? '',
  );
  return {
    kept,
    workbook,
    workbookRels,
    contentTypes,
    styles: new StyleBook(stylesBase ? baseStyleCounts(stylesBase) : undefined),
    stylesXml: (book) => (stylesBase ? book.appendedXml(stylesBase) : book.freshXml()),
    sheetIds: remaining.map((t) => Number(attribute(t, 'sheetId'))),
    partNames: new Set(kept.keys()),
    tableIds: tableTags.map((t) => Number(attribute(t, 'id') ?? 0)),
    tableNames: new Set(
      tableTags
        .flatMap((t) => [attribute(t, 'name'), attribute(t, 'displayName')])
        .filter((n): n is string => !!n)
        .map((n) => n.toLowerCase()),
    ),
    sheetNames: remaining.map((t) => attribute(t, 'name')!),
  };
}

/** Relationship id → target of a .rels part. */
export function relationships(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b[^>]*\/?>/g)) {
    map.set(attribute(m[0], 'Id')!, attribute(m[0], 'Target')!);
  }
  return map;
}

/** A relationship target as a package path (targets are relative to the source's folder). */
export function resolvePart(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/**
 * Defined names scoped to a sheet (localSheetId, e.g. filter ranges and print areas) follow
 * their sheet's position: drop those of removed sheets and renumber the rest.
 */
function renumberLocalNames(workbook: string, removed: number[], sheetCount: number): string {
  if (removed.length === 0) return workbook;
  const newIndex = new Map<number, number>();
  let k = 0;
  for (let i = 0; i < sheetCount; i++) if (!removed.includes(i)) newIndex.set(i, k++);
  let xml = workbook.replace(
    /<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g,
    (whole, attrs: string) => {
      const local = attribute(`<x${attrs}>`, 'localSheetId');
      if (local === undefined) return whole;
      const to = newIndex.get(Number(local));
      return to === undefined ? '' : whole.replace(/localSheetId="\d+"/, `localSheetId="${to}"`);
    },
  );
  xml = xml.replace(/<definedNames>\s*<\/definedNames>/, '');
  // The active tab may have been one of the removed sheets.
  return xml.replace(
    /activeTab="(\d+)"/,
    (_, t: string) => `activeTab="${newIndex.get(Number(t)) ?? 0}"`,
  );
}

/**
 * A sheet's print area and repeated title rows, as the workbook's defined names scoped to the
 * sheet (`localSheetId` is its position among the sheets).
 */
function withPrintNames(workbook: string, sheet: PatchSheet, position: number): string {
  const setup = sheet.pageSetup;
  if (!setup) return workbook;
  const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
  const a = setup.printArea;
  const names = [
    `<definedName name="_xlnm.Print_Area" localSheetId="${position}">${escapeXml(
      `${quoted}!$${columnLetters(a.fromColumn)}$${a.fromRow}:$${columnLetters(a.toColumn)}$${a.toRow}`,
    )}</definedName>`,
  ];
  // Columns first, then rows, comma-separated, as Excel writes both: 'S'!$A:$C,'S'!$1:$5.
  const titles = [
    setup.titleColumns &&
      `${quoted}!$${columnLetters(setup.titleColumns.from)}:$${columnLetters(setup.titleColumns.to)}`,
    setup.titleRows && `${quoted}!$${setup.titleRows.from}:$${setup.titleRows.to}`,
  ].filter((x) => x);
  if (titles.length > 0) {
    names.push(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${position}">${escapeXml(
        titles.join(','),
      )}</definedName>`,
    );
  }
  if (workbook.includes('</definedNames>')) {
    return workbook.replace('</definedNames>', `${names.join('')}</definedNames>`);
  }
  return workbook.replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`);
}

/** Asks the spreadsheet to recalculate every formula when the file is opened. */
function withFullCalcOnLoad(workbook: string): string {
  if (/<calcPr\b/.test(workbook)) {
    return workbook.replace(
      /<calcPr\b([^>]*?)(\/?)>/,
      (_, attrs: string, close: string) =>
        `<calcPr${attrs.replace(/\sfullCalcOnLoad="[^"]*"/, '')} fullCalcOnLoad="1"${close}>`,
    );
  }
  const anchor = workbook.includes('</definedNames>') ? '</definedNames>' : '</sheets>';
  return workbook.replace(anchor, `${anchor}<calcPr calcId="191029" fullCalcOnLoad="1"/>`);
}

function nextPartNumber(parts: Set<string>, prefix: string): number {
  let n = 1;
  while (parts.has(`${prefix}${n}.xml`)) n++;
  return n;
}

function uniqueName(name: string, taken: readonly string[]): string {
  let candidate = name;
  for (let i = 2; taken.includes(candidate); i++) candidate = `${name}${i}`;
  return candidate;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
