import { createHash } from 'node:crypto';
import { OfficeMockObject } from 'office-addin-mock';
import { columnLetters } from '../../../workbook';
import { formulaProblem } from './formula-syntax';
import { numberFormatProblem } from './number-format-syntax';

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose main module
// pulls @microsoft/app-manifest and an ESM-only dependency (strip-bom 5) that jest cannot
// load as CommonJS. The enum's own module has no dependencies. (Hoisted above the imports.)
jest.mock('office-addin-manifest', () => ({
  OfficeApp: jest.requireActual('office-addin-manifest/lib/officeApp').OfficeApp,
}));

/**
 * A fake Excel for the Office.js reader and applier: a cell model per sheet behind proxy
 * objects that behave like Office.js's. Writes (values, formulas, formats, tables, charts,
 * conditional formats, validations, panes) are queued and reach the model only when
 * `context.sync()` runs; each sync's request is measured as the UTF-8 bytes of the JSON of
 * what was queued. Properties are read through office-addin-mock's OfficeMockObject, so a
 * property read before `load()` and `sync()` throws, as in Office.js.
 *
 * Writing emulates Excel's parsing of typed input: a string written into `values` or
 * `formulas` of a cell whose number format is not text ("@") becomes a formula when it starts
 * with "=", "+" or "-", a number when it looks like one ("001", "1,000", "30%", "1/2"), a
 * boolean for TRUE/FALSE. So unescaped text shows up in the tests.
 */

export type MockValue = string | number | boolean | null;

export interface MockCell {
  value: MockValue;
  /** "=…" for a formula cell. */
  formula: string | null;
  numberFormat: string;
  bold: boolean;
  fill: string | null;
}

export interface MockTable {
  name: string;
  sheet: MockSheet;
  /** 1-based, inclusive: header row to last row. */
  rect: Rect;
  style: string;
}

export interface MockConditionalFormat {
  type: string;
  address: string;
  rule: unknown;
  fill: string | null;
  font: string | null;
}

export interface MockValidation {
  rule?: unknown;
  prompt?: { showPrompt: boolean; title: string; message: string };
}

export interface MockSeries {
  name: MockValue;
  line: { color?: string; lineStyle?: string };
}

export interface MockChart {
  type: string;
  /** `Sheet!A1:D6` of the source data. */
  source: string;
  seriesBy: string;
  title: string | null;
  legend: { position?: string; visible?: boolean };
  position: { from: string; to?: string } | null;
  series: MockSeries[];
}

/** A workbook-scoped defined name (Formulas › Name Manager): what `workbook.names` holds. */
export interface MockName {
  name: string;
  /** "=Sheet1!$A$1" */
  formula: string;
}

/** One sync's request as sent. */
export interface MockRequest {
  bytes: number;
  /** Actions that change the workbook. */
  writes: number;
  suspendedCalculation: boolean;
  suspendedScreenUpdating: boolean;
}

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

const LETTERS: string[] = [];
const letters = (c: number) => (LETTERS[c] ??= columnLetters(c));
const key = (r: number, c: number) => letters(c) + r;

function columnNumber(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `A1`, `A1:B2`, `B:B`, `3:3`, with `$` and an optional `Sheet!` or `'Sheet'!` prefix. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  const bang = address.lastIndexOf('!');
  const sheet =
    bang < 0
      ? undefined
      : address
          .slice(0, bang)
          .replace(/^'(.*)'$/, '$1')
          .replace(/''/g, "'");
  const ref = address.slice(bang + 1).replace(/\$/g, '');
  const [a, b = a] = ref.split(':');
  const cell = /^([A-Z]+)(\d+)$/i;
  const col = /^([A-Z]+)$/i;
  const row = /^(\d+)$/;
  let rect: Rect;
  if (cell.test(a) && cell.test(b)) {
    const [, ca, ra] = cell.exec(a)!;
    const [, cb, rb] = cell.exec(b)!;
    rect = { r0: Number(ra), c0: columnNumber(ca), r1: Number(rb), c1: columnNumber(cb) };
  } else if (col.test(a) && col.test(b)) {
    rect = { r0: 1, c0: columnNumber(a), r1: MAX_ROWS, c1: columnNumber(b) };
  } else if (row.test(a) && row.test(b)) {
    rect = { r0: Number(a), c0: 1, r1: Number(b), c1: MAX_COLUMNS };
  } else {
    throw new MockExcelError('InvalidArgument', `unreadable address "${address}"`);
  }
  return {
    sheet,
    rect: {
      r0: Math.min(rect.r0, rect.r1),
      r1: Math.max(rect.r0, rect.r1),
      c0: Math.min(rect.c0, rect.c1),
      c1: Math.max(rect.c0, rect.c1),
    },
  };
}

export function rectAddress(r: Rect): string {
  const from = key(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? from : `${from}:${key(r.r1, r.c1)}`;
}

export class MockExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export class MockSheet {
  /** Cells by row, then by column: a 100,000-row sheet stays quick to write and read. */
  private readonly grid = new Map<number, MockCell[]>();
  visibility = 'Visible';
  freeze: { rows: number; columns: number } | null = null;
  /** Widths in points by 1-based column. */
  readonly columnWidths = new Map<number, number>();
  readonly conditionalFormats: MockConditionalFormat[] = [];
  /** By the address the validation was set on. */
  readonly validations = new Map<string, MockValidation>();
  readonly charts: MockChart[] = [];
  /** Heights in points by 1-based row. */
  readonly rowHeights = new Map<number, number>();
  /** Row ranges grouped by Range.group (ExcelApi 1.10), as "first:last". */
  readonly rowGroups: string[] = [];
  /** Alignment set on ranges, by address, in the order written. */
  readonly alignments: { address: string; wrapText?: boolean; verticalAlignment?: string }[] = [];
  /** What Worksheet.pageLayout received (ExcelApi 1.9). */
  readonly pageLayout: Record<string, unknown> = {};
  /** Vertical page breaks, by the address given. */
  readonly verticalPageBreaks: string[] = [];
  /** Horizontal page breaks, by the address given. */
  readonly horizontalPageBreaks: string[] = [];
  deleted = false;

  constructor(public name: string) {}

  /** The cell at `A1` (a blank General cell when never written). */
  cell(address: string): MockCell {
    const { rect } = parseAddress(address);
    return this.at(rect.r0, rect.c0);
  }

  /** Writes a cell directly (a workbook the user typed): value, formula and its result, format. */
  put(address: string, cell: Partial<MockCell>): void {
    const { rect } = parseAddress(address);
    Object.assign(this.touch(rect.r0, rect.c0), cell);
  }

  touch(r: number, c: number): MockCell {
    return (this.row(r)[c] ??= blankCell());
  }

  /** The cells of a row, by column (created empty on first use). */
  row(r: number): MockCell[] {
    let row = this.grid.get(r);
    if (!row) {
      row = [];
      this.grid.set(r, row);
    }
    return row;
  }

  at(r: number, c: number): MockCell {
    return this.grid.get(r)?.[c] ?? blankCell();
  }

  /** Every cell ever written, with its address, in row then column order. */
  cells(): [string, MockCell][] {
    const out: [string, MockCell][] = [];
    for (const r of [...this.grid.keys()].sort((a, b) => a - b)) {
      this.grid.get(r)!.forEach((cell, c) => out.push([key(r, c), cell]));
    }
    return out;
  }

  /** A deep copy of everything on the sheet, to compare before and after. */
  copy(withCells = true): unknown {
    return JSON.parse(
      JSON.stringify({
        name: this.name,
        visibility: this.visibility,
        freeze: this.freeze,
        cells: withCells ? this.cells() : [],
        columnWidths: [...this.columnWidths],
        conditionalFormats: this.conditionalFormats,
        validations: [...this.validations],
        charts: this.charts,
        rowHeights: [...this.rowHeights],
        alignments: this.alignments,
        pageLayout: this.pageLayout,
        verticalPageBreaks: this.verticalPageBreaks,
        horizontalPageBreaks: this.horizontalPageBreaks,
      }),
    );
  }

  /** A hash of every cell and what is on the sheet: equal digests, equal sheets. */
  digest(): string {
    const hash = createHash('sha256');
    for (const r of [...this.grid.keys()].sort((a, b) => a - b)) {
      hash.update(`${r}:${JSON.stringify(this.grid.get(r))}\n`);
    }
    const { cells: _cells, ...rest } = this.copy(false) as { cells: unknown };
    void _cells;
    hash.update(JSON.stringify(rest));
    return hash.digest('hex');
  }

  /** Bounding box of the cells holding something (values only, or formats too). */
  usedRect(valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    for (const [r, c, cell] of this.eachCell()) {
      const used = cell.value !== null || cell.formula !== null;
      if (valuesOnly ? !used : !used && cell.numberFormat === 'General' && !cell.bold) continue;
      rect = rect
        ? {
            r0: Math.min(rect.r0, r),
            c0: Math.min(rect.c0, c),
            r1: Math.max(rect.r1, r),
            c1: Math.max(rect.c1, c),
          }
        : { r0: r, c0: c, r1: r, c1: c };
    }
    return rect;
  }

  private *eachCell(): Generator<[number, number, MockCell]> {
    for (const [r, row] of this.grid) {
      for (let c = 0; c < row.length; c++) if (row[c]) yield [r, c, row[c]];
    }
  }
}

function blankCell(): MockCell {
  return { value: null, formula: null, numberFormat: 'General', bold: false, fill: null };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
const DATE = /^(\d{4}[-/]\d{1,2}([-/]\d{1,2})?|\d{1,2}\/\d{1,2}(\/\d{2,4})?)$/;

/**
 * A write into a cell, as Excel takes typed input: null leaves the cell alone, "" clears it,
 * text stays text in a cell formatted "@", other strings are parsed.
 */
function enter(cell: MockCell, v: unknown, result: (formula: string) => MockValue): void {
  if (v === null || v === undefined) return;
  cell.formula = null;
  if (typeof v === 'number' || typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  if (typeof v !== 'string')
    throw new MockExcelError('InvalidArgument', `cannot write ${typeof v}`);
  if (v === '') {
    cell.value = null;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = v;
    return;
  }
  if (/^[=+-]/.test(v) && v.length > 1 && !NUMBER.test(v)) {
    cell.formula = checkedFormula(v.startsWith('=') ? v : `=${v}`);
    cell.value = result(cell.formula);
    return;
  }
  if (NUMBER.test(v) || GROUPED.test(v)) cell.value = Number(v.replace(/,/g, ''));
  else if (PERCENT.test(v)) cell.value = Number(v.slice(0, -1)) / 100;
  else if (DATE.test(v))
    cell.value = 40_000 + v.length; // a date serial: a number, not text
  else if (/^(true|false)$/i.test(v)) cell.value = v.toLowerCase() === 'true';
  else cell.value = v;
}

// Checked once per distinct text: a 100,000-row column writes one format 100,000 times.
const formulaProblems = new Map<string, string | null>();
const formatProblems = new Map<string, string | null>();
function remembered(
  seen: Map<string, string | null>,
  text: string,
  check: (text: string) => string | null,
): string | null {
  let problem = seen.get(text);
  if (problem === undefined) {
    problem = check(text);
    if (seen.size < 100_000) seen.set(text, problem);
  }
  return problem;
}

/** The formula when it parses; otherwise Excel's refusal of the whole write (InvalidArgument). */
export function checkedFormula(formula: string): string {
  const problem = remembered(formulaProblems, formula, formulaProblem);
  if (problem) throw new MockExcelError('InvalidArgument', `bad formula ${formula}: ${problem}`);
  return formula;
}

/** The code when Excel accepts it as a number format; otherwise InvalidArgument. */
export function checkedNumberFormat(code: unknown): string {
  if (typeof code !== 'string') throw new MockExcelError('InvalidArgument', 'bad number format');
  const problem = remembered(formatProblems, code, numberFormatProblem);
  if (problem) throw new MockExcelError('InvalidArgument', `bad number format: ${problem}`);
  return code;
}

type Op = {
  bytes: number;
  write: boolean;
  kind?: 'suspendCalculation' | 'suspendScreenUpdating' | 'calculate';
  run: () => void | Promise<void>;
};

/** JSON of an action's arguments, proxies shown by their kind only. */
function jsonBytes(value: unknown): number {
  return Buffer.byteLength(
    JSON.stringify(value, (_, v: unknown) => (v instanceof FakeObject ? `[${v.kind}]` : v)),
  );
}

/** The workbook behind the fake: sheets, tables, requests; `install()` puts `Excel` in globalThis. */
export class MockWorkbook {
  readonly sheets: MockSheet[] = [];
  readonly tables: MockTable[] = [];
  /** Workbook-scoped defined names (the add-in adds none: print areas are sheet-scoped). */
  readonly names: MockName[] = [];
  readonly requests: MockRequest[] = [];
  runs = 0;
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** What a formula evaluates to (the fake does not calculate): null unless told. */
  formulaResult: (sheet: string, formula: string) => MockValue = () => null;
  /** Syncs attempted, the failed one included. */
  syncAttempts = 0;
  /**
   * Fault injection: the sync with this number (1-based, over the workbook's life) is refused
   * as a whole, nothing of it applied (Excel on the web refusing a request, the user typing in
   * a cell, a lost connection).
   */
  failAtSync: number | null = null;
  /** `application.calculate` calls, in the order they reached the model. */
  readonly calculations: string[] = [];

  constructor(sheetNames: readonly string[] = ['Sheet1']) {
    for (const name of sheetNames) this.sheets.push(new MockSheet(name));
    this.activeSheet = sheetNames[0] ?? null;
  }

  get syncs(): number {
    return this.requests.length;
  }

  sheet(name: string): MockSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name} in the mock workbook`);
    return s;
  }

  findSheet(name: string): MockSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): MockTable {
    const t = this.tables.find((x) => x.name === name);
    if (!t) throw new Error(`no table ${name} in the mock workbook`);
    return t;
  }

  /** `A1:Q11` of a table. */
  tableAddress(name: string): string {
    return rectAddress(this.table(name).rect);
  }

  /** A new request context (what Excel.run hands to its batch). */
  context(): FakeContext {
    return new FakeContext(this);
  }

  /**
   * Sets `globalThis.Excel` to an office-addin-mock object whose `run` gives each batch a
   * fresh context and sends what is left queued when the batch ends (as Excel.run does).
   */
  install(): OfficeMockObject {
    const excel = new OfficeMockObject({
      run: async (batch: (context: FakeContext) => Promise<unknown>) => {
        this.runs++;
        const context = this.context();
        const result = await batch(context);
        if (context.pending > 0) await context.sync();
        return result;
      },
    });
    // The enums the code reads (string-valued in Office.js too).
    Object.assign(excel, {
      ChartType: { columnClustered: 'ColumnClustered', line: 'Line' },
      ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
      CalculationType: { recalculate: 'Recalculate', full: 'Full' },
      ConditionalFormatType: {
        containsText: 'ContainsText',
        cellValue: 'CellValue',
        custom: 'Custom',
      },
      PageOrientation: { landscape: 'Landscape', portrait: 'Portrait' },
      PaperType: { a4: 'A4' },
    });
    (globalThis as { Excel?: unknown }).Excel = excel;
    return excel;
  }

  /**
   * What already holds `name` among tables and workbook-scoped names (compared without case,
   * as Excel does: a table and a defined name share one namespace), or undefined.
   */
  nameHolder(name: string, except?: MockTable | MockName): string | undefined {
    const lower = name.toLowerCase();
    const table = this.tables.find((t) => t !== except && t.name.toLowerCase() === lower);
    if (table) return `the table ${table.name}`;
    const defined = this.names.find((n) => n !== except && n.name.toLowerCase() === lower);
    return defined && `the defined name ${defined.name}`;
  }

  /** Adds a workbook-scoped name as Excel does: a valid name, taken by no table nor name. */
  addName(name: string, formula: string): MockName {
    // A defined name follows a table name's rules (a letter, _ or \ first; not a cell).
    checkTableName(name, 'defined name');
    const holder = this.nameHolder(name);
    if (holder) throw new MockExcelError('InvalidArgument', `${name} is taken by ${holder}`);
    const added = { name, formula: checkedFormula(formula) };
    this.names.push(added);
    return added;
  }

  addSheet(name: string): MockSheet {
    checkSheetName(name);
    if (this.findSheet(name)) {
      throw new MockExcelError('ItemAlreadyExists', `a sheet named ${name} exists`);
    }
    const sheet = new MockSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: MockSheet): void {
    const visibleOthers = this.sheets.filter((s) => s !== sheet && s.visibility === 'Visible');
    if (visibleOthers.length === 0) {
      throw new MockExcelError('InvalidOperation', 'cannot delete the last visible sheet');
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) {
      if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    }
    sheet.deleted = true;
    if (this.activeSheet === sheet.name) this.activeSheet = visibleOthers[0].name;
    // As Excel: references to the deleted sheet in formulas elsewhere become #REF!.
    this.rewriteReferences(sheet.name, null);
  }

  /** Renames a sheet as Excel does: the formulas that refer to it follow the new name. */
  renameSheet(sheet: MockSheet, name: string): void {
    checkSheetName(name);
    const other = this.findSheet(name);
    if (other && other !== sheet) {
      throw new MockExcelError('ItemAlreadyExists', `a sheet named ${name} exists`);
    }
    const old = sheet.name;
    sheet.name = name;
    this.rewriteReferences(old, name);
  }

  /**
   * What refers to sheet `from` follows it to `to` (or becomes #REF! when null): formulas (the
   * patch quotes every sheet name), chart sources and list-validation sources (written by
   * placeAddress, quoted only when needed).
   */
  private rewriteReferences(from: string, to: string | null): void {
    const q = (n: string) => `'${n.replace(/'/g, "''")}'`;
    const bare = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(from) ? [`${from}!`] : [];
    const swap = (text: string, as: (n: string) => string) => {
      for (const ref of [`${q(from)}!`, ...bare]) {
        text = text.split(ref).join(to === null ? '#REF!' : `${as(to)}!`);
      }
      return text;
    };
    const placeName = (n: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(n) ? n : q(n));
    for (const sheet of this.sheets) {
      for (const [, cell] of sheet.cells()) {
        if (cell.formula) cell.formula = swap(cell.formula, q);
      }
      for (const chart of sheet.charts) chart.source = swap(chart.source, placeName);
      for (const v of sheet.validations.values()) {
        const list = (v.rule as { list?: { source?: unknown } } | undefined)?.list;
        if (list && typeof list.source === 'string') list.source = swap(list.source, placeName);
      }
    }
  }
}

/** Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], no ' at either end. */
export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
    throw new MockExcelError('InvalidArgument', `invalid sheet name ${JSON.stringify(name)}`);
  }
}

/**
 * Excel's rules for a table name: starts with a letter, _ or \, then letters, digits, _ and .;
 * at most 255 characters; not a cell reference (A1, XFD1048576, R1C1, R, C).
 */
export function checkTableName(name: string, what = 'table name'): void {
  const cellLike =
    /^[A-Za-z]{1,3}[0-9]+$/.test(name) ||
    /^[RrCc]$/.test(name) ||
    /^[Rr][0-9]*[Cc][0-9]*$/.test(name);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255 || cellLike) {
    throw new MockExcelError('InvalidArgument', `invalid ${what} ${JSON.stringify(name)}`);
  }
}

/** What `Excel.run` hands to the batch: a queue of actions sent by `sync()`. */
export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: { worksheets: FakeWorksheets; tables: FakeTables; names: FakeNames };
  readonly application = {
    suspendApiCalculationUntilNextSync: () =>
      this.push({ bytes: 60, write: false, kind: 'suspendCalculation', run: () => undefined }),
    suspendScreenUpdatingUntilNextSync: () =>
      this.push({ bytes: 60, write: false, kind: 'suspendScreenUpdating', run: () => undefined }),
    calculate: (type: string) =>
      this.push({
        bytes: 60,
        write: false,
        kind: 'calculate',
        run: () => void this.model.calculations.push(type),
      }),
  };

  constructor(readonly model: MockWorkbook) {
    this.workbook = {
      worksheets: new FakeWorksheets(this),
      tables: new FakeTables(this),
      names: new FakeNames(this),
    };
  }

  get pending(): number {
    return this.queue.length;
  }

  push(op: Op): void {
    this.queue.push(op);
  }

  /** Sends the queued actions: measured, then applied in order (the first failure stops it). */
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    if (++this.model.syncAttempts === this.model.failAtSync) {
      throw new MockExcelError(
        'GeneralException',
        `sync ${this.model.failAtSync} refused (injected)`,
      );
    }
    this.model.requests.push({
      bytes: ops.reduce((n, op) => n + op.bytes, 0),
      writes: ops.filter((op) => op.write).length,
      suspendedCalculation: ops.some((op) => op.kind === 'suspendCalculation'),
      suspendedScreenUpdating: ops.some((op) => op.kind === 'suspendScreenUpdating'),
    });
    for (const op of ops) await op.run();
  }

  /** Queues a change of the workbook. */
  write(what: unknown, run: () => void): void {
    this.push({ bytes: jsonBytes(what), write: true, run });
  }
}

const isMockError = (v: unknown) =>
  v === 'Error, property was not loaded' || v === 'Error, context.sync() was not called';

/**
 * A proxy object: its scalar properties are read through an OfficeMockObject that is loaded and
 * synced when the context syncs, so reading before load() and sync() throws.
 */
abstract class FakeObject {
  private synced = new OfficeMockObject({});
  private pendingMock: OfficeMockObject | null = null;
  private readonly pendingProps = new Set<string>();
  private readonly loaded: Record<string, unknown> = {};

  constructor(
    readonly ctx: FakeContext,
    readonly kind: string,
  ) {}

  /** A scalar property's current value in the model (at sync time). */
  protected abstract read(prop: string): unknown;

  /** A navigation property (`worksheet` of a table). */
  protected nav(prop: string): FakeObject | undefined {
    void prop;
    return undefined;
  }

  load(spec?: string | string[]): this {
    const props = (Array.isArray(spec) ? spec : (spec ?? '').split(','))
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of props) this.markPending(p);
    this.ctx.push({ bytes: jsonBytes({ load: props }), write: false, run: () => this.fill(props) });
    return this;
  }

  markPending(path: string): void {
    const slash = path.indexOf('/');
    if (slash < 0 || path.startsWith('items/')) {
      this.pendingProps.add(slash < 0 ? path : 'items');
      const mock = new OfficeMockObject(
        Object.fromEntries([...this.pendingProps].map((p) => [p, 0])),
      );
      mock.load([...this.pendingProps]);
      this.pendingMock = mock;
    }
    if (slash >= 0 && !path.startsWith('items/')) {
      const child = this.nav(path.slice(0, slash));
      if (!child) throw new Error(`${this.kind} has no navigation property ${path}`);
      child.markPending(path.slice(slash + 1));
    }
  }

  /** Loads the paths' current values (at sync). */
  async fill(paths: readonly string[], extra: Record<string, unknown> = {}): Promise<void> {
    const scalars: string[] = [];
    for (const p of paths) {
      const slash = p.indexOf('/');
      if (slash < 0) {
        scalars.push(p);
        this.loaded[p] = this.read(p);
      } else if (!p.startsWith('items/')) {
        await this.nav(p.slice(0, slash))!.fill([p.slice(slash + 1)]);
      }
    }
    Object.assign(this.loaded, extra);
    scalars.push(...Object.keys(extra));
    const mock = new OfficeMockObject(this.loaded);
    mock.load(Object.keys(this.loaded));
    await mock.sync();
    this.synced = mock;
    for (const p of scalars) this.pendingProps.delete(p);
    if (this.pendingProps.size === 0) this.pendingMock = null;
  }

  protected get<T>(prop: string): T {
    const source = this.pendingProps.has(prop) ? this.pendingMock! : this.synced;
    const v: unknown = source[prop];
    if (v === undefined || isMockError(v)) {
      throw new MockExcelError(
        'PropertyNotLoaded',
        `${this.kind}.${prop}: ${typeof v === 'string' ? v : 'property was not loaded'}`,
      );
    }
    return v as T;
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
}

abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  protected abstract current(): T[];

  get items(): T[] {
    return this.get('items');
  }

  override async fill(paths: readonly string[]): Promise<void> {
    const items = this.current();
    const rest = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    if (rest.length) for (const item of items) await item.fill(rest);
    await super.fill(
      paths.filter((p) => !p.startsWith('items') && p !== 'items'),
      { items },
    );
  }

  protected read(prop: string): unknown {
    throw new MockExcelError('InvalidArgument', `${this.kind} has no property ${prop}`);
  }
}

/** Workbook.names (ExcelApi 1.1; `add` 1.4): the workbook-scoped defined names. */
class FakeNames extends FakeCollection<FakeNamedItem> {
  constructor(ctx: FakeContext) {
    super(ctx, 'NamedItemCollection');
  }

  protected current(): FakeNamedItem[] {
    return this.ctx.model.names.map((n) => new FakeNamedItem(this.ctx, () => n));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.ctx,
      () => this.ctx.model.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }

  /** `reference`: a formula ("=Sheet1!$A$1") or a range. */
  add(name: string, reference: string | FakeRange): FakeNamedItem {
    let added: MockName | undefined;
    this.ctx.write({ addName: name, reference }, () => {
      const formula =
        reference instanceof FakeRange ? `=${placeAddress(reference.at())}` : reference;
      added = this.ctx.model.addName(name, formula.startsWith('=') ? formula : `=${formula}`);
    });
    return new FakeNamedItem(this.ctx, () => added ?? null);
  }
}

class FakeNamedItem extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => MockName | null,
  ) {
    super(ctx, 'NamedItem');
  }

  protected read(prop: string): unknown {
    const n = this.resolve();
    if (prop === 'isNullObject') return n === null;
    if (!n) throw new MockExcelError('InvalidState', 'the name is a null object');
    if (prop === 'name') return n.name;
    if (prop === 'formula' || prop === 'value') return n.formula;
    throw new MockExcelError('InvalidArgument', `NamedItem has no property ${prop}`);
  }

  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
}

class FakeWorksheets extends FakeCollection<FakeWorksheet> {
  constructor(ctx: FakeContext) {
    super(ctx, 'WorksheetCollection');
  }

  protected current(): FakeWorksheet[] {
    return this.ctx.model.sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.model.findSheet(name);
      if (!s) throw new MockExcelError('ItemNotFound', `no sheet named ${name}`);
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.findSheet(name) ?? null);
  }

  add(name: string): FakeWorksheet {
    let created: MockSheet | undefined;
    this.ctx.write({ add: name }, () => {
      created = this.ctx.model.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new MockExcelError('InvalidState', `sheet ${name} used before added`);
      return created;
    });
  }
}

class FakeWorksheet extends FakeObject {
  readonly tables: FakeTables;
  readonly charts: FakeCharts;
  readonly pageLayout: ReturnType<typeof pageLayout>;
  readonly verticalPageBreaks: { add: (address: string) => void };
  readonly horizontalPageBreaks: { add: (address: string) => void };
  readonly freezePanes: {
    freezeAt: (range: FakeRange | string) => void;
    freezeRows: (count: number) => void;
    freezeColumns: (count: number) => void;
  };

  constructor(
    ctx: FakeContext,
    readonly resolveOrNull: () => MockSheet | null,
  ) {
    super(ctx, 'Worksheet');
    this.tables = new FakeTables(ctx, () => this.resolve());
    this.charts = new FakeCharts(ctx, () => this.resolve());
    this.pageLayout = pageLayout(ctx, () => this.resolve());
    this.verticalPageBreaks = {
      add: (address: string) =>
        this.ctx.write({ pageBreak: address }, () => {
          this.resolve().verticalPageBreaks.push(address);
        }),
    };
    this.horizontalPageBreaks = {
      add: (address: string) =>
        this.ctx.write({ pageBreak: address }, () => {
          this.resolve().horizontalPageBreaks.push(address);
        }),
    };
    const freeze = (what: unknown, rows: () => number, columns: () => number) =>
      this.ctx.write({ freeze: what }, () => {
        this.resolve().freeze = { rows: rows(), columns: columns() };
      });
    this.freezePanes = {
      freezeAt: (range) => {
        const r = () =>
          typeof range === 'string' ? parseAddress(range).rect : range.resolve()!.rect;
        freeze(
          range,
          () => r().r1,
          () => r().c1,
        );
      },
      freezeRows: (count) =>
        freeze(
          count,
          () => count,
          () => 0,
        ),
      freezeColumns: (count) =>
        freeze(
          count,
          () => 0,
          () => count,
        ),
    };
  }

  resolve(): MockSheet {
    const s = this.resolveOrNull();
    if (!s || s.deleted) throw new MockExcelError('ItemNotFound', 'the sheet does not exist');
    return s;
  }

  protected read(prop: string): unknown {
    if (prop === 'isNullObject') return this.resolveOrNull() === null;
    const s = this.resolve();
    if (prop === 'name') return s.name;
    if (prop === 'visibility') return s.visibility;
    throw new MockExcelError('InvalidArgument', `Worksheet has no property ${prop}`);
  }

  get name(): string {
    return this.get('name');
  }
  set name(name: string) {
    this.ctx.write({ name }, () => this.ctx.model.renameSheet(this.resolve(), name));
  }

  set visibility(v: string) {
    this.ctx.write({ visibility: v }, () => {
      this.resolve().visibility = v;
    });
  }

  getRange(address: string): FakeRange {
    const { rect } = parseAddress(address);
    return new FakeRange(this.ctx, () => ({ sheet: this.resolve(), rect }));
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolve();
      const rect = sheet.usedRect(valuesOnly);
      if (!rect) throw new MockExcelError('ItemNotFound', `sheet ${sheet.name} is empty`);
      return { sheet, rect };
    });
  }

  delete(): void {
    this.ctx.write({ delete: true }, () => this.ctx.model.deleteSheet(this.resolve()));
  }

  activate(): void {
    this.ctx.write({ activate: true }, () => {
      this.ctx.model.activeSheet = this.resolve().name;
    });
  }
}

interface Place {
  sheet: MockSheet;
  rect: Rect;
}

/** `Sheet!A1:B2` (quoted when needed, as Excel gives addresses). */
function placeAddress(p: Place): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(p.sheet.name)
    ? p.sheet.name
    : `'${p.sheet.name.replace(/'/g, "''")}'`;
  return `${name}!${rectAddress(p.rect)}`;
}

class FakeRange extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly place: () => Place | null,
  ) {
    super(ctx, 'Range');
  }

  resolve(): Place | null {
    return this.place();
  }

  at(): Place {
    const p = this.place();
    if (!p) throw new MockExcelError('InvalidOperation', 'the range is a null object');
    if (p.sheet.deleted) throw new MockExcelError('ItemNotFound', 'the sheet was deleted');
    return p;
  }

  protected read(prop: string): unknown {
    if (prop === 'isNullObject') return this.place() === null;
    const p = this.place();
    if (!p) return prop === 'address' ? '' : -1;
    const { sheet, rect } = p;
    const grid = (f: (cell: MockCell) => unknown) => {
      const out: unknown[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: unknown[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) row.push(f(sheet.at(r, c)));
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case 'address':
        return placeAddress(p);
      case 'rowIndex':
        return rect.r0 - 1;
      case 'columnIndex':
        return rect.c0 - 1;
      case 'rowCount':
        return rect.r1 - rect.r0 + 1;
      case 'columnCount':
        return rect.c1 - rect.c0 + 1;
      case 'values':
        return grid((c) => c.value ?? '');
      case 'formulas':
        return grid((c) => c.formula ?? c.value ?? '');
      case 'numberFormat':
        return grid((c) => c.numberFormat);
      default:
        throw new MockExcelError('InvalidArgument', `Range has no property ${prop}`);
    }
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }

  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown) {
    this.writeCells('values', v);
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown) {
    this.writeCells('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown) {
    this.eachCell('numberFormat', v, (cell, f) => {
      cell.numberFormat = checkedNumberFormat(f);
    });
  }

  /** A single value goes to every cell; a 2D array must have the range's shape. */
  eachCell(what: string, v: unknown, set: (cell: MockCell, x: unknown) => void): void {
    this.ctx.write({ [what]: v }, () => {
      const { sheet, rect } = this.at();
      const rows = rect.r1 - rect.r0 + 1;
      const columns = rect.c1 - rect.c0 + 1;
      if (Array.isArray(v)) {
        if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== columns)) {
          throw new MockExcelError(
            'InvalidArgument',
            `${what}: a ${v.length}-row array for ${rows}×${columns} cells at ${rectAddress(rect)}`,
          );
        }
      }
      const grid = Array.isArray(v) ? (v as unknown[][]) : null;
      for (let r = 0; r < rows; r++) {
        const line = sheet.row(rect.r0 + r);
        const given = grid?.[r];
        for (let c = 0; c < columns; c++) {
          set((line[rect.c0 + c] ??= blankCell()), given ? given[c] : v);
        }
      }
    });
  }

  private writeCells(what: 'values' | 'formulas', v: unknown): void {
    const model = this.ctx.model;
    const result = (f: string) => model.formulaResult(this.at().sheet.name, f);
    this.eachCell(what, v, (cell, x) => enter(cell, x, result));
  }

  readonly format = rangeFormat(this);
  readonly dataValidation = dataValidation(this);
  readonly conditionalFormats = {
    add: (type: string) => conditionalFormat(this.ctx, this, type),
  };

  /** The validation record of this range's address (created on first use). */
  validation(): MockValidation {
    const { sheet, rect } = this.at();
    const address = rectAddress(rect);
    let v = sheet.validations.get(address);
    if (!v) {
      v = {};
      sheet.validations.set(address, v);
    }
    return v;
  }

  /** Range.group (ExcelApi 1.10): only whole rows by rows, as the add-in groups. */
  group(option: string): void {
    this.ctx.write({ group: option }, () => {
      const { sheet, rect } = this.at();
      if (option !== 'ByRows' || rect.c0 !== 1 || rect.c1 !== MAX_COLUMNS)
        throw new MockExcelError('InvalidArgument', 'group expects whole rows by rows');
      sheet.rowGroups.push(`${rect.r0}:${rect.r1}`);
    });
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const p = this.place();
      return p && { sheet: p.sheet, rect: { ...p.rect, r0: 1, r1: MAX_ROWS } };
    });
  }

  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, () => {
      const a = this.place();
      const b = other.place();
      if (!a || !b || a.sheet !== b.sheet) return null;
      const rect = {
        r0: Math.max(a.rect.r0, b.rect.r0),
        c0: Math.max(a.rect.c0, b.rect.c0),
        r1: Math.min(a.rect.r1, b.rect.r1),
        c1: Math.min(a.rect.c1, b.rect.c1),
      };
      return rect.r0 > rect.r1 || rect.c0 > rect.c1 ? null : { sheet: a.sheet, rect };
    });
  }

  select(): void {
    this.ctx.write({ select: true }, () => {
      const p = this.at();
      this.ctx.model.selection = { sheet: p.sheet.name, address: rectAddress(p.rect) };
    });
  }
}

/** Range.format: bold, fill and font colours per cell, widths per column. */
function rangeFormat(range: FakeRange) {
  return {
    font: {
      set bold(b: boolean) {
        range.eachCell('bold', b, (cell) => {
          cell.bold = b;
        });
      },
    },
    fill: {
      set color(c: string) {
        range.eachCell('fill', c, (cell) => {
          cell.fill = c;
        });
      },
    },
    set columnWidth(w: number) {
      range.ctx.write({ columnWidth: w }, () => {
        const { sheet, rect } = range.at();
        for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths.set(c, w);
      });
    },
    set rowHeight(h: number) {
      range.ctx.write({ rowHeight: h }, () => {
        const { sheet, rect } = range.at();
        for (let r = rect.r0; r <= rect.r1; r++) sheet.rowHeights.set(r, h);
      });
    },
    set wrapText(wrap: boolean) {
      range.ctx.write({ wrapText: wrap }, () => {
        const { sheet, rect } = range.at();
        sheet.alignments.push({ address: rectAddress(rect), wrapText: wrap });
      });
    },
    set verticalAlignment(v: string) {
      range.ctx.write({ verticalAlignment: v }, () => {
        const { sheet, rect } = range.at();
        sheet.alignments.push({ address: rectAddress(rect), verticalAlignment: v });
      });
    },
  };
}

/** Worksheet.pageLayout: every property and call recorded on the sheet's model. */
function pageLayout(ctx: FakeContext, sheet: () => MockSheet) {
  const record = (key: string, value: unknown) =>
    ctx.write({ [key]: value }, () => {
      sheet().pageLayout[key] = value;
    });
  const headerFooter: Record<string, string> = {};
  const target = {
    setPrintArea: (address: string) => record('printArea', address),
    setPrintTitleRows: (address: string) => record('printTitleRows', address),
    setPrintTitleColumns: (address: string) => record('printTitleColumns', address),
    headersFooters: {
      defaultForAllPages: new Proxy(headerFooter, {
        set: (_, key: string, value: string) => {
          record(key, value);
          return true;
        },
      }),
    },
  };
  return new Proxy(target, {
    set: (_, key: string, value: unknown) => {
      record(key, value);
      return true;
    },
  });
}

/** Range.dataValidation: the rule (a list's range source recorded as its address) and prompt. */
function dataValidation(range: FakeRange) {
  return {
    set rule(rule: { list?: { inCellDropDown: boolean; source: string | FakeRange } }) {
      range.ctx.write({ rule }, () => {
        const source = rule.list?.source;
        // A list from a range ("=$T$6:$T$7") is a formula to Excel: it must parse.
        if (typeof source === 'string' && source.startsWith('=')) checkedFormula(source);
        range.validation().rule =
          source instanceof FakeRange
            ? { list: { ...rule.list, source: `=${placeAddress(source.at())}` } }
            : JSON.parse(JSON.stringify(rule));
      });
    },
    set prompt(prompt: { showPrompt: boolean; title: string; message: string }) {
      range.ctx.write({ prompt }, () => {
        range.validation().prompt = { ...prompt };
      });
    },
  };
}

/** A conditional format: its rule and colours are recorded on the sheet at sync. */
function conditionalFormat(ctx: FakeContext, range: FakeRange, type: string) {
  let record: MockConditionalFormat | undefined;
  ctx.write({ conditionalFormat: type }, () => {
    const { sheet, rect } = range.at();
    record = { type, address: rectAddress(rect), rule: null, fill: null, font: null };
    sheet.conditionalFormats.push(record);
  });
  const update = (what: unknown, change: (r: MockConditionalFormat) => void) =>
    ctx.write(what, () => change(record!));
  const colours = () => ({
    fill: {
      set color(c: string) {
        update({ fill: c }, (r) => {
          r.fill = c;
        });
      },
    },
    font: {
      set color(c: string) {
        update({ font: c }, (r) => {
          r.font = c;
        });
      },
    },
  });
  const part = () => ({
    set rule(rule: unknown) {
      update({ rule }, (r) => {
        // A cell-value rule's bounds ("=0.5") are formulas to Excel.
        for (const key of ['formula1', 'formula2'] as const) {
          const f = (rule as Record<string, unknown> | null)?.[key];
          if (typeof f === 'string' && f.startsWith('=')) checkedFormula(f);
        }
        r.rule = JSON.parse(JSON.stringify(rule));
      });
    },
    format: colours(),
  });
  return {
    textComparison: part(),
    cellValue: part(),
    custom: {
      rule: {
        set formula(f: string) {
          update({ formula: f }, (r) => {
            r.rule = { formula: checkedFormula(f) };
          });
        },
      },
      format: colours(),
    },
  };
}

class FakeTables extends FakeCollection<FakeTable> {
  /** `sheet` for a worksheet's tables; none for the workbook's. */
  constructor(
    ctx: FakeContext,
    private readonly sheet?: () => MockSheet,
  ) {
    super(ctx, 'TableCollection');
  }

  protected current(): FakeTable[] {
    const scope = this.sheet?.();
    return this.ctx.model.tables
      .filter((t) => !scope || t.sheet === scope)
      .map((t) => new FakeTable(this.ctx, () => t));
  }

  getItem(name: string): FakeTable {
    return new FakeTable(this.ctx, () => {
      const t = this.ctx.model.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new MockExcelError('ItemNotFound', `no table named ${name}`);
      return t;
    });
  }

  /** Excel's rules: no overlap with another table; header cells become unique text. */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: MockTable | undefined;
    this.ctx.write({ addTable: address, hasHeaders }, () => {
      const model = this.ctx.model;
      let place: Place;
      if (address instanceof FakeRange) place = address.at();
      else {
        const { sheet, rect } = parseAddress(address);
        const owner = sheet
          ? model.sheet(sheet)
          : (this.sheet?.() ?? model.sheet(model.activeSheet!));
        place = { sheet: owner, rect };
      }
      const { sheet, rect } = place;
      for (const t of model.tables) {
        const apart =
          t.sheet !== sheet ||
          t.rect.r1 < rect.r0 ||
          rect.r1 < t.rect.r0 ||
          t.rect.c1 < rect.c0 ||
          rect.c1 < t.rect.c0;
        if (!apart) throw new MockExcelError('InvalidOperation', `overlaps table ${t.name}`);
      }
      if (hasHeaders) {
        const seen = new Set<string>();
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = sheet.touch(rect.r0, c);
          let header = cell.value === null ? `Column${c - rect.c0 + 1}` : String(cell.value);
          for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${cell.value}${n}`;
          seen.add(header.toLowerCase());
          cell.value = header;
          cell.formula = null;
        }
      }
      let n = model.tables.length + 1;
      while (model.nameHolder(`Table${n}`)) n++;
      created = { name: `Table${n}`, sheet, rect, style: 'TableStyleMedium2' };
      model.tables.push(created);
    });
    return new FakeTable(this.ctx, () => {
      if (!created) throw new MockExcelError('InvalidState', 'table used before added');
      return created;
    });
  }
}

class FakeTable extends FakeObject {
  readonly worksheet: FakeWorksheet;

  constructor(
    ctx: FakeContext,
    private readonly resolve: () => MockTable,
  ) {
    super(ctx, 'Table');
    this.worksheet = new FakeWorksheet(ctx, () => this.resolve().sheet);
  }

  protected override nav(prop: string): FakeObject | undefined {
    return prop === 'worksheet' ? this.worksheet : undefined;
  }

  protected read(prop: string): unknown {
    const t = this.resolve();
    if (prop === 'name') return t.name;
    if (prop === 'style') return t.style;
    throw new MockExcelError('InvalidArgument', `Table has no property ${prop}`);
  }

  get name(): string {
    return this.get('name');
  }
  set name(name: string) {
    this.ctx.write({ name }, () => {
      checkTableName(name);
      const t = this.resolve();
      const holder = this.ctx.model.nameHolder(name, t);
      if (holder) throw new MockExcelError('InvalidArgument', `${name} is taken by ${holder}`);
      t.name = name;
    });
  }
  set style(style: string) {
    this.ctx.write({ style }, () => {
      this.resolve().style = style;
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, rect: t.rect };
    });
  }
}

class FakeCharts {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => MockSheet,
  ) {}

  /**
   * Excel's reading of the source by columns: the first column gives the categories when its
   * data cells are text, each other column a series named by its header.
   */
  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    let created: MockChart | undefined;
    this.ctx.write({ addChart: type, source, seriesBy }, () => {
      const place = source.at();
      const { sheet, rect } = place;
      let textFirst = rect.r1 > rect.r0;
      for (let r = rect.r0 + 1; r <= rect.r1; r++) {
        if (typeof sheet.at(r, rect.c0).value !== 'string') textFirst = false;
      }
      const series: MockSeries[] = [];
      for (let c = textFirst ? rect.c0 + 1 : rect.c0; c <= rect.c1; c++) {
        series.push({ name: sheet.at(rect.r0, c).value, line: {} });
      }
      created = {
        type,
        source: placeAddress(place),
        seriesBy,
        title: null,
        legend: {},
        position: null,
        series,
      };
      this.sheet().charts.push(created);
    });
    return new FakeChart(this.ctx, () => {
      if (!created) throw new MockExcelError('InvalidState', 'chart used before added');
      return created;
    });
  }
}

class FakeChart {
  readonly title: { text: string };
  readonly legend: { position: string; visible: boolean };
  readonly series: { getItemAt: (index: number) => FakeSeries };

  constructor(ctx: FakeContext, resolve: () => MockChart) {
    const change = (what: unknown, f: (c: MockChart) => void) =>
      ctx.write(what, () => f(resolve()));
    this.title = {
      set text(t: string) {
        change({ title: t }, (c) => {
          c.title = t;
        });
      },
    } as { text: string };
    this.legend = {
      set position(p: string) {
        change({ legend: p }, (c) => {
          c.legend.position = p;
        });
      },
      set visible(v: boolean) {
        change({ legend: v }, (c) => {
          c.legend.visible = v;
        });
      },
    } as { position: string; visible: boolean };
    this.series = { getItemAt: (index) => new FakeSeries(ctx, resolve, index) };
    this.setPosition = (from, to) =>
      change({ from, to }, (c) => {
        c.position = { from, to };
      });
  }

  readonly setPosition: (from: string, to?: string) => void;
}

class FakeSeries {
  readonly format: { line: { color: string; lineStyle: string } };

  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: () => MockChart,
    private readonly index: number,
  ) {
    const change = (what: unknown, f: (s: MockSeries) => void) =>
      ctx.write(what, () => f(this.at()));
    this.format = {
      line: {
        set color(color: string) {
          change({ color }, (s) => {
            s.line.color = color;
          });
        },
        set lineStyle(lineStyle: string) {
          change({ lineStyle }, (s) => {
            s.line.lineStyle = lineStyle;
          });
        },
      } as { color: string; lineStyle: string },
    };
  }

  private at(): MockSeries {
    const s = this.chart().series[this.index];
    if (!s) throw new MockExcelError('ItemNotFound', `no series at ${this.index}`);
    return s;
  }

  delete(): void {
    this.ctx.write({ deleteSeries: this.index }, () => {
      this.at();
      this.chart().series.splice(this.index, 1);
    });
  }
}
