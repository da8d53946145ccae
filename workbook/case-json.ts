import { PROGRAMS } from '../engine';
import { BoundCell, BoundKeyValueTable, BoundRowTable, bindTables } from './bind-tables';
import { CellError, CellLocation, cellError } from './cell-error';
import {
  CellRead,
  foldLabel,
  isBlank,
  readBool,
  readChoice,
  readDate,
  readNumber,
  readRate,
  readText,
} from './cell-values';
import {
  FINANCIALS,
  FieldDef,
  LOANS,
  PLAN,
  PROGRAM_TERMS,
  SETTINGS,
  SHOCKS,
  STRATEGIES,
  TableDef,
} from './input-layout';
import { SnapshotValue, WorkbookSnapshot } from './snapshot';
import { readPlanInputs } from './plan-case-json';

/**
 * The input sheets as a case file's JSON object (engine/input/case-spec.ts reads it), with the
 * cell every JSON path came from. Cells are read here (typed forms, choices, dates); ranges and
 * the rules between fields are left to the engine, whose errors readCase maps back to cells.
 * Amounts stay in the workbook's unit: the case file's `profile.units` scales them.
 */
export interface CaseJson {
  json: Record<string, unknown>;
  /** JSON path → the cell (or the sheet) it came from. */
  locations: Map<string, CellLocation>;
  /** Cells that could not be read, unknown keys of key/value tables. */
  errors: CellError[];
  /** Missing sheets, tables or columns: the engine is not asked until the layout is whole. */
  structural: CellError[];
  /** JSON paths left out because their cell could not be read (engine errors there are echoes). */
  unread: string[];
}

type Json = Record<string, unknown>;

/** A program by catalog id or Japanese name; unknown text is passed on for the engine to refuse. */
function readProgram(v: SnapshotValue): CellRead<string> | undefined {
  const text = readText(v);
  if (!text || !text.ok) return text;
  const f = foldLabel(text.value);
  const program = PROGRAMS.find((p) => foldLabel(p.id) === f || foldLabel(p.name.ja) === f);
  return { ok: true, value: program ? program.id : text.value };
}

/** Reads a cell by its column's kind. */
function readAs(def: FieldDef, v: SnapshotValue): CellRead<unknown> | undefined {
  switch (def.kind) {
    case 'number':
      return readNumber(v);
    case 'rate':
      return readRate(v);
    case 'date':
      return readDate(v);
    case 'bool':
      return readBool(v);
    case 'choice':
      return readChoice(v, def.choices ?? []);
    case 'program':
      return readProgram(v);
    case 'info':
      return undefined;
    default:
      return readText(v);
  }
}

/** A program term's value, read by the term's key (rates, months, amounts, flags). */
function readTermValue(term: string, v: SnapshotValue): CellRead<unknown> | undefined {
  const last = term.split('.').pop() ?? '';
  if (/rate$/i.test(last)) return readRate(v);
  if (/(months|years|yen)$/i.test(last)) return readNumber(v);
  if (/^(available|separateLimit|fixedAtDrawdown)$/.test(last)) return readBool(v);
  if (isBlank(v)) return undefined;
  return { ok: true, value: typeof v === 'string' ? v.trim() : v };
}

function setPath(obj: Json, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let at = obj;
  for (const part of parts.slice(0, -1)) {
    if (typeof at[part] !== 'object' || at[part] === null) at[part] = {};
    at = at[part] as Json;
  }
  at[parts[parts.length - 1]] = value;
}

export class Builder {
  readonly locations = new Map<string, CellLocation>();
  readonly errors: CellError[] = [];
  readonly unread: string[] = [];

  locate(path: string, loc: CellLocation): void {
    this.locations.set(path, loc);
  }

  /** The cell's value read by `def` (recording where `path` comes from), or undefined. */
  read(cell: BoundCell, def: FieldDef, path: string): unknown {
    return this.take(cell, path, readAs(def, cell.value));
  }

  take(cell: BoundCell, path: string, read: CellRead<unknown> | undefined): unknown {
    this.locate(path, cell.loc);
    if (!read) return undefined;
    if (read.ok) return read.value;
    this.errors.push(cellError(cell.loc, read.problem));
    this.unread.push(path);
    return undefined;
  }

  /** A required cell left blank (a rule of the sheet, not of the case file). */
  required(cell: BoundCell, path?: string): void {
    this.errors.push(cellError(cell.loc, { ja: 'を入力してください', en: 'is required' }));
    if (path) this.unread.push(path);
  }
}

export const columnDef = (def: { columns: readonly FieldDef[] }, key: string) =>
  def.columns.find((c) => c.key === key)!;

/** Where a list path (`loans`, `plan`) points: the row at `index` (the first data row if none). */
export function tableLocation(t: BoundRowTable, index: number): CellLocation {
  const row = t.rows[index]?.row ?? t.headerRow + 1;
  return {
    sheet: t.sheet,
    table: t.def.name,
    row,
    column: t.firstColumn,
    label: t.def.labelJa,
    labelEn: t.def.captionEn,
  };
}

export function sheetLocation(def: TableDef, sheet: string): CellLocation {
  return { sheet, table: def.name, label: def.labelJa, labelEn: def.captionEn };
}

/** Reads the row cells named in `keys` into `obj` (by each column's key). */
export function readRow(
  b: Builder,
  def: { columns: readonly FieldDef[] },
  cell: (key: string) => BoundCell,
  at: string,
  keys: readonly string[],
): Json {
  const out: Json = {};
  for (const key of keys) {
    const value = b.read(cell(key), columnDef(def, key), `${at}.${key}`);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function readSettings(b: Builder, t: BoundKeyValueTable): { json: Json; defaults: Json } {
  const json: Json = { profile: {} };
  const defaults: Json = {};
  for (const it of SETTINGS.items) {
    const cell = t.cell(it.key);
    const value = b.read(cell, it, it.key);
    if (value === undefined) continue;
    if (it.key.startsWith('defaults.')) defaults[it.key.slice('defaults.'.length)] = value;
    else if (!it.key.includes('.'))
      json[it.key] = value; // name, asOf, modes
    else if (it.key.startsWith('indexes.')) {
      // Index names hold a dash: `indexes.short-prime` is one level down, not two.
      const indexes = (json.indexes ??= {}) as Json;
      indexes[it.key.slice('indexes.'.length)] = value;
    } else setPath(json, it.key, value);
  }
  for (const top of ['profile', 'indexes', 'thresholds', 'facts'])
    b.locate(top, sheetLocation(SETTINGS, t.sheet));
  b.locate('thresholds.covenants', sheetLocation(SETTINGS, t.sheet));
  // The defaults also price a strategy's new loans (the case's `defaults`).
  if (Object.keys(defaults).length > 0) json.defaults = { ...defaults };
  for (const key of Object.keys(defaults))
    b.locate(`defaults.${key}`, t.cell(`defaults.${key}`).loc);
  return { json, defaults };
}

function readFinancials(b: Builder, t: BoundKeyValueTable): Json {
  b.locate('base', sheetLocation(FINANCIALS, t.sheet));
  const base: Json = {};
  for (const it of FINANCIALS.items) {
    const value = b.read(t.cell(it.key), it, `base.${it.key}`);
    if (value !== undefined) base[it.key] = value;
  }
  return base;
}

function readLoans(
  b: Builder,
  t: BoundRowTable,
  defaults: Json,
  settings?: BoundKeyValueTable,
): Json[] {
  b.locate('loans', tableLocation(t, 0));
  return t.rows.map((r, i) => {
    const at = `loans[${i}]`;
    b.locate(at, r.cell('id').loc);
    const loan = readRow(b, LOANS, r.cell, at, [
      'id',
      'name',
      'lender',
      'principal',
      'termMonths',
      'graceMonths',
      'method',
      'guaranteeFeeRate',
      'startDate',
      'dayCount',
      'rounding',
      'businessDay',
      'drawdownDate',
      'originalPrincipal',
      'guaranteeFeePayment',
    ]);
    readNestedLoanFields(b, r.cell, at, loan);
    // Day count and rounding left blank take the 設定 sheet's defaults.
    for (const key of ['dayCount', 'rounding', 'businessDay'])
      if (loan[key] === undefined && defaults[key] !== undefined && settings) {
        loan[key] = defaults[key];
        b.locate(`${at}.${key}`, settings.cell(`defaults.${key}`).loc);
      }
    const rate: Json = {};
    b.locate(`${at}.rate`, r.cell('rateType').loc);
    const type = b.read(r.cell('rateType'), columnDef(LOANS, 'rateType'), `${at}.rate.type`);
    const level = r.cell('rate');
    const levelValue = readRate(level.value);
    b.locate(`${at}.rate.annualRate`, level.loc);
    b.locate(`${at}.rate.currentRate`, level.loc);
    if (levelValue && !levelValue.ok) {
      b.errors.push(cellError(level.loc, levelValue.problem));
      b.unread.push(`${at}.rate.annualRate`, `${at}.rate.currentRate`);
    }
    const rule = readRow(b, LOANS, r.cell, `${at}.rate`, [
      'index',
      'spread',
      'resetEveryMonths',
      'nextResetDate',
    ]);
    // A capital-type loan without a rate: the engine fixes it at the initial (or profit-year) rate.
    if (type === undefined && levelValue === undefined && loan.capitalType) return loan;
    if (type !== undefined) rate.type = type;
    const given = levelValue?.ok ? levelValue.value : undefined;
    if (type === 'fixed') {
      if (given !== undefined) rate.annualRate = given;
    } else if (type === 'floating') {
      Object.assign(rate, rule);
      if (given !== undefined) rate.currentRate = given;
    } else if (type === 'fixed-at-drawdown') {
      if (rule.index !== undefined) rate.index = rule.index;
      if (rule.spread !== undefined) rate.spread = rule.spread;
    }
    loan.rate = rate;
    return loan;
  });
}

/** The capitalType and swap columns (`swap.fixedRate`, …) as the loan's nested objects. */
function readNestedLoanFields(
  b: Builder,
  cell: (key: string) => BoundCell,
  at: string,
  loan: Json,
): void {
  for (const group of ['capitalType', 'swap']) {
    const keys = LOANS.columns.map((c) => c.key).filter((k) => k.startsWith(`${group}.`));
    // The group's errors as a whole (a swap on a fixed loan) point at its first cell.
    b.locate(`${at}.${group}`, cell(keys[0]).loc);
    const values = readRow(b, LOANS, cell, at, keys);
    for (const [key, value] of Object.entries(values)) setPath(loan, key, value);
  }
}

function readPlan(b: Builder, t: BoundRowTable): Json[] {
  // More than 20 years: the error points at the first year too many.
  b.locate('plan', tableLocation(t, t.rows.length > 20 ? 20 : 0));
  return t.rows.map((r, i) => {
    const at = `plan[${i}]`;
    b.locate(at, r.cell('revenue').loc);
    return readRow(b, PLAN, r.cell, at, [
      'revenue',
      'operatingProfit',
      'operatingMargin',
      'depreciation',
      'capex',
      'workingCapitalChange',
    ]);
  });
}

function readShocks(b: Builder, t: BoundRowTable): Json[] | undefined {
  b.locate('shocks', tableLocation(t, 0));
  if (t.rows.length === 0) return undefined; // the standard set
  return t.rows.map((r, i) => {
    const at = `shocks[${i}]`;
    b.locate(at, r.cell('kind').loc);
    const kindCell = r.cell('kind');
    const kind = b.read(kindCell, columnDef(SHOCKS, 'kind'), `${at}.kind`);
    const v = readRow(b, SHOCKS, r.cell, at, ['size', 'everyMonths', 'cap', 'shape', 'from']);
    // A ramp's size column is its step.
    b.locate(`${at}.step`, r.cell('size').loc);
    if (kind === undefined && !isBlank(kindCell.value)) {
      b.unread.push(at);
      return {};
    }
    const shock: Json = kind === undefined ? {} : { kind };
    const keys =
      kind === 'ramp' ? ['everyMonths', 'cap'] : kind === 'irrbb' ? ['shape', 'size'] : ['size'];
    if (kind === 'ramp' && v.size !== undefined) shock.step = v.size;
    for (const key of [...keys, 'from']) if (v[key] !== undefined) shock[key] = v[key];
    return shock;
  });
}

/** `対象`: loan IDs separated by commas, or one lender's name (`金融機関:` forces a lender). */
function readSelector(text: string, loanIds: Set<string>, lenders: Set<string>): Json {
  const forced = /^(金融機関|lender)\s*[:：]\s*(.+)$/i.exec(text);
  if (forced) return { lender: forced[2].trim() };
  if (lenders.has(text) && !loanIds.has(text)) return { lender: text };
  const ids = text.split(/[,，、;；\s]+/).filter((s) => s !== '');
  return { loanIds: ids };
}

const ACTION_KEYS: Record<string, readonly string[]> = {
  refinance: ['select', 'programId', 'termMonths', 'graceMonths', 'baseRate', 'rateOptions'],
  'capital-loan': ['mode', 'select', 'programId', 'amount', 'termMonths', 'privateBankSupport'],
  reschedule: ['select', 'holidayMonths', 'extendTerm'],
  prepay: ['select', 'amount', 'date', 'effect'],
};
const ACTION_COLUMNS = [
  'select',
  'programId',
  'baseRate',
  'amount',
  'termMonths',
  'graceMonths',
  'mode',
  'privateBankSupport',
  'holidayMonths',
  'extendTerm',
  'rateOptions',
  'date',
  'effect',
];

function readStrategies(b: Builder, t: BoundRowTable, loans: Json[]): Json[] {
  b.locate('strategies', tableLocation(t, 0));
  const loanIds = new Set(loans.map((l) => String(l.id ?? '')));
  const lenders = new Set(loans.map((l) => String(l.lender ?? '')));
  const strategies: { id: string; json: Json; actions: Json[] }[] = [];
  for (const r of t.rows) {
    const idCell = r.cell('strategyId');
    const id = readText(idCell.value);
    if (!id || !id.ok) {
      b.required(idCell);
      continue;
    }
    let s = strategies.find((x) => x.id === id.value);
    const n = s ? strategies.indexOf(s) : strategies.length;
    const at = `strategies[${n}]`;
    if (!s) {
      s = { id: id.value, json: { id: id.value }, actions: [] };
      strategies.push(s);
      b.locate(at, idCell.loc);
      b.locate(`${at}.id`, idCell.loc);
    }
    // The strategy's name: the first one given among its rows.
    const nameCell = r.cell('strategyName');
    const name = readText(nameCell.value);
    if (name?.ok && s.json.name === undefined) {
      s.json.name = name.value;
      b.locate(`${at}.name`, nameCell.loc);
    } else if (name?.ok && name.value !== s.json.name) {
      // Rows of one strategy share its ID; another name under the same ID is a second
      // strategy given the first one's ID, whose totals would be summed with it.
      b.errors.push(
        cellError(nameCell.loc, {
          ja: `が違うのに ID「${id.value}」が「${String(s.json.name)}」と同じです。戦略ごとに別の ID にしてください`,
          en: `differs but the ID "${id.value}" is that of "${String(s.json.name)}": give each strategy its own ID`,
        }),
      );
    }
    const kindCell = r.cell('kind');
    const actionAt = `${at}.actions[${s.actions.length}]`;
    const kind = b.read(kindCell, columnDef(STRATEGIES, 'kind'), `${actionAt}.kind`) as
      string | undefined;
    const v = readRow(b, STRATEGIES, r.cell, actionAt, ACTION_COLUMNS);
    if (kind === undefined) {
      // A row with an ID (and a name) only: a strategy without actions, e.g. a named status quo.
      if (isBlank(kindCell.value) && ACTION_COLUMNS.some((k) => !isBlank(r.cell(k).value)))
        b.required(kindCell, `${actionAt}.kind`);
      continue;
    }
    b.locate(actionAt, kindCell.loc);
    const action: Json = { kind };
    for (const key of ACTION_KEYS[kind]) {
      if (v[key] === undefined) continue;
      action[key] = key === 'select' ? readSelector(String(v[key]), loanIds, lenders) : v[key];
    }
    s.actions.push(action);
  }
  return strategies.map((s) => ({ ...s.json, actions: s.actions }));
}

function readProgramTerms(b: Builder, t: BoundRowTable): Json | undefined {
  b.locate('programs', tableLocation(t, 0));
  if (t.rows.length === 0) return undefined;
  const programs: Json = {};
  for (const r of t.rows) {
    const programCell = r.cell('programId');
    const termCell = r.cell('term');
    const valueCell = r.cell('value');
    const program = readProgram(programCell.value);
    const term = readText(termCell.value);
    if (!program?.ok) {
      b.required(programCell);
      continue;
    }
    const at = `programs.${program.value}`;
    if (!b.locations.has(at)) b.locate(at, programCell.loc);
    if (!term?.ok) {
      b.required(termCell);
      continue;
    }
    const path = `${at}.${term.value}`;
    const value = b.take(valueCell, path, readTermValue(term.value, valueCell.value));
    const overrides = (programs[program.value] ??= {}) as Json;
    if (value === undefined) {
      if (isBlank(valueCell.value)) b.required(valueCell, path);
      continue;
    }
    setPath(overrides, term.value, value);
  }
  return programs;
}

/** The input sheets of a snapshot as a case file's JSON object, with every value's cell. */
export function snapshotToCaseJson(snapshot: WorkbookSnapshot): CaseJson {
  const bound = bindTables(snapshot);
  const b = new Builder();
  b.errors.push(...bound.errors);
  const get = <T>(def: TableDef) => bound.tables.get(def.name) as T | undefined;
  const settings = get<BoundKeyValueTable>(SETTINGS);
  const financials = get<BoundKeyValueTable>(FINANCIALS);
  const loansTable = get<BoundRowTable>(LOANS);
  const planTable = get<BoundRowTable>(PLAN);
  const shocksTable = get<BoundRowTable>(SHOCKS);
  const strategiesTable = get<BoundRowTable>(STRATEGIES);
  const termsTable = get<BoundRowTable>(PROGRAM_TERMS);

  const { json, defaults } = settings ? readSettings(b, settings) : { json: {}, defaults: {} };
  if (financials) json.base = readFinancials(b, financials);
  if (planTable) json.plan = readPlan(b, planTable);
  const loans = loansTable ? readLoans(b, loansTable, defaults, settings) : [];
  if (loansTable) json.loans = loans;
  if (shocksTable) {
    const shocks = readShocks(b, shocksTable);
    if (shocks) json.shocks = shocks;
  }
  if (strategiesTable) json.strategies = readStrategies(b, strategiesTable, loans);
  // The 再生計画 sheet: plan actions appended to the strategies, guarantees onto the loans.
  readPlanInputs(b, bound.tables, json, loans);
  if (termsTable) {
    const programs = readProgramTerms(b, termsTable);
    if (programs) json.programs = programs;
  }
  return {
    json,
    locations: b.locations,
    errors: b.errors,
    structural: bound.structural,
    unread: b.unread,
  };
}
