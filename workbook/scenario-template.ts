import {
  Case,
  INDEX_NAMES,
  describeError,
  findProgram,
  formatIsoDate,
  normalizeNumberText,
  parseCaseFile,
  parseIsoDate,
  withOverrides,
} from '../engine';
import { snapshotToCaseJson } from './case-json';
import { planSources, withoutPlanActions } from './plan-template-sources';
import { describeCellError } from './cell-error';
import { Choice } from './cell-values';
import { serialOfEpochDay } from './excel-serial';
import {
  FieldDef,
  KEY_VALUE_ORDER,
  MODE_CHOICES,
  SHOCK_KIND_CHOICES,
  TableName,
  YES_NO,
  tableDef,
} from './input-layout';
import { PatchValue, WorkbookPatch } from './patch';
import { inputTemplate } from './template';
import { withInputPageSetup } from './layout/input-page-setup';
import { writtenSnapshot } from './written-snapshot';

/**
 * A case file (scenarios/*.case.json) typed into the input template, as a person would type it:
 * choices by their Japanese labels, rates as the file writes them ("2.625%" or 0.02625), amounts
 * in the file's unit, dates as Excel serials in the row tables' date columns and as YYYY-MM-DD
 * text on the 設定 sheet (as the template has them). The template's example rows give way to the
 * case's rows; the key/value tables hold the case's values and blanks where the file has none.
 *
 * What the sheets cannot hold (index steps, rate paths, …) is refused with bilingual messages
 * naming the file's field, and the patch is read back before it is handed out: the sheets read
 * into the very Case parseCaseFile makes of the file (program overrides compared as priced).
 */
export type ScenarioTemplateResult =
  { ok: true; patch: WorkbookPatch } | { ok: false; errors: string[] };

type Json = Record<string, unknown>;
/** A row (or the values of a key/value table) by column key (item key), as in the file. */
type Source = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
/** What the engine counts as given (FieldReader.has): neither missing nor null. */
const given = (v: unknown) => v !== undefined && v !== null;
const problem = (path: string, ja: string, en: string) => `${path}: ${ja} / ${en}`;

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function scalar(v: unknown): PatchValue {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

/** An amount or a count: "12,000" in a file is the number a person types as 12000. */
function numberCell(v: unknown): PatchValue {
  if (typeof v === 'string') {
    const text = normalizeNumberText(v);
    if (NUMBER_TEXT.test(text)) return Number(text);
  }
  return scalar(v);
}

/** The epoch day of a date as the engine reads it (YYYY-MM-DD or YYYY/MM/DD), or null. */
function dayOf(v: unknown): number | null {
  return typeof v === 'string' ? parseIsoDate(normalizeNumberText(v).replace(/\//g, '-')) : null;
}

function choiceLabel(choices: readonly Choice<unknown>[], v: unknown): PatchValue {
  const json = JSON.stringify(v);
  return choices.find((c) => JSON.stringify(c.value) === json)?.label ?? scalar(v);
}

/** A file's value typed into a cell of `def`'s kind. */
function typed(def: FieldDef, v: unknown, dates: 'serial' | 'text'): PatchValue {
  if (!given(v)) return null;
  switch (def.kind) {
    case 'number':
      return numberCell(v);
    case 'date': {
      const day = dayOf(v);
      if (day === null) return scalar(v);
      return dates === 'serial' ? serialOfEpochDay(day) : formatIsoDate(day);
    }
    // The engine takes only `true` as yes (FieldReader.raw(…) === true).
    case 'bool':
      return choiceLabel(YES_NO, v === true);
    case 'choice':
      return choiceLabel(def.choices ?? [], v);
    default:
      return scalar(v); // text, rates as written, programs, selectors, program-term values
  }
}

// ---------------------------------------------------------------------------------------------
// The file's values by table

/** A loan's nested object as its columns (`swap.fixedRate`, …). */
function nested(group: string, v: unknown): Source {
  if (!isObject(v)) return {};
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [`${group}.${k}`, x]));
}

function loanSource(loan: Json, i: number): Source {
  // A capital-type loan may leave its rate out (the engine fixes it from capitalType).
  const rule = isObject(loan.rate)
    ? loan.rate
    : !given(loan.annualRate) && isObject(loan.capitalType)
      ? {}
      : { type: 'fixed', annualRate: loan.annualRate };
  const floating = rule.type === 'floating';
  return {
    // The engine's default id, typed so that strategies can name the loan.
    id: given(loan.id) ? loan.id : `L${i + 1}`,
    name: loan.name,
    lender: loan.lender,
    principal: loan.principal,
    termMonths: loan.termMonths,
    graceMonths: loan.graceMonths,
    method: loan.method,
    rateType: rule.type,
    rate: rule.type === 'fixed' ? rule.annualRate : floating ? rule.currentRate : undefined,
    index: rule.type === 'fixed' ? undefined : rule.index,
    spread: rule.type === 'fixed' ? undefined : rule.spread,
    resetEveryMonths: floating ? rule.resetEveryMonths : undefined,
    nextResetDate: floating ? rule.nextResetDate : undefined,
    guaranteeFeeRate: loan.guaranteeFeeRate,
    startDate: loan.startDate,
    dayCount: loan.dayCount,
    rounding: loan.rounding,
    businessDay: loan.businessDay,
    drawdownDate: loan.drawdownDate,
    originalPrincipal: loan.originalPrincipal,
    guaranteeFeePayment: loan.guaranteeFeePayment,
    ...nested('capitalType', loan.capitalType),
    // A notional following the loan is the blank cell.
    ...nested(
      'swap',
      isObject(loan.swap)
        ? { ...loan.swap, notional: loan.swap.notional === 'loan' ? undefined : loan.swap.notional }
        : loan.swap,
    ),
  };
}

function shockSource(raw: unknown, at: string, errors: string[]): Source | undefined {
  if (!isObject(raw)) return { kind: 'parallel', size: raw }; // a bare rate
  const kind = given(raw.kind) ? raw.kind : 'parallel';
  if (kind === 'parallel') return { kind, size: raw.size, from: raw.from };
  // The 幅 column is a ramp's step.
  if (kind === 'ramp')
    return { kind, size: raw.step, everyMonths: raw.everyMonths, cap: raw.cap, from: raw.from };
  if (kind === 'irrbb') return { kind, shape: raw.shape, size: raw.size, from: raw.from };
  const labels = SHOCK_KIND_CHOICES.map((c) => c.label).join(' / ');
  errors.push(
    problem(
      `${at}.kind`,
      `金利パス (${String(kind)}) のショックはケースファイルでのみ指定できます (シートは ${labels})`,
      `rate-path shocks can only be given in a case file (the sheets take ${labels})`,
    ),
  );
  return undefined;
}

/** `対象`: the loan ids separated by commas, or the lender (named as such if it could be read as an id). */
function selectorText(select: unknown, loans: Source[], at: string, errors: string[]): unknown {
  if (!isObject(select)) return undefined;
  if (given(select.lender)) {
    const lender = String(select.lender);
    const isLender = loans.some((l) => String(l.lender ?? '') === lender);
    const isId = loans.some((l) => String(l.id) === lender);
    return isLender && !isId ? lender : `金融機関: ${lender}`;
  }
  const ids = Array.isArray(select.loanIds) ? select.loanIds.map((id) => String(id)) : [];
  ids.forEach((id, k) => {
    if (id.trim() === '' || /[,，、;；\s]/.test(id))
      errors.push(
        problem(
          `${at}.select.loanIds[${k}]`,
          '空白・カンマを含む借入IDはシートの「対象」では指定できません',
          'a loan id that is empty or holds spaces or commas cannot be named in the sheets',
        ),
      );
  });
  return ids.join(', ');
}

/** The columns each kind of action fills (the sheet reads only these). */
const ACTION_COLUMNS: Record<string, readonly string[]> = {
  refinance: ['select', 'programId', 'termMonths', 'graceMonths', 'baseRate', 'rateOptions'],
  'capital-loan': ['mode', 'select', 'programId', 'amount', 'termMonths', 'privateBankSupport'],
  reschedule: ['select', 'holidayMonths', 'extendTerm'],
  prepay: ['select', 'amount', 'date', 'effect'],
};

/** One row per action; rows of one strategy share its id, the first carries its name. */
function strategySources(strategies: Json[], loans: Source[], errors: string[]): Source[] {
  const seen = new Set<string>();
  return strategies.flatMap((s, i) => {
    const at = `strategies[${i}]`;
    const id = given(s.id) ? String(s.id) : `S${i + 1}`; // the engine's default id
    if (seen.has(id))
      errors.push(
        problem(
          `${at}.id`,
          `戦略ID「${id}」が重複しています。シートでは同じIDの行は一つの戦略になります`,
          `repeats the strategy id "${id}": in the sheets, rows with one id are one strategy`,
        ),
      );
    seen.add(id);
    const head = { strategyId: id, strategyName: s.name };
    const actions = Array.isArray(s.actions) ? (s.actions as Json[]) : [];
    if (actions.length === 0) return [head];
    return actions.map((a, k) => {
      const row: Source = { ...(k === 0 ? head : { strategyId: id }), kind: a.kind };
      for (const key of ACTION_COLUMNS[String(a.kind)] ?? []) row[key] = a[key];
      if (Array.isArray(a.rateOptions)) row.rateOptions = a.rateOptions.join(', '); // one cell
      row.select = selectorText(a.select, loans, `${at}.actions[${k}]`, errors);
      // The engine takes only `true` as 延長 (extend) once extendTerm is given.
      if (given(a.extendTerm)) row.extendTerm = a.extendTerm === true;
      return row;
    });
  });
}

/** Term keys whose value the sheet reads as yes / no (workbook/case-json.ts readTermValue). */
const BOOL_TERMS = /^(available|separateLimit|fixedAtDrawdown)$/;
const NUMBER_TERMS = /(months|years|yen)$/i;

/** One ProgramTerms row per overridden leaf: `rate.baseRate` = "2.45%". */
function programTermSources(programs: unknown, errors: string[]): Source[] {
  if (!isObject(programs)) return [];
  const rows: Source[] = [];
  const leaves = (id: string, value: unknown, term: string) => {
    const at = `programs.${id}.${term}`;
    if (isObject(value)) {
      for (const [key, v] of Object.entries(value)) leaves(id, v, term ? `${term}.${key}` : key);
    } else if (Array.isArray(value) || value === null) {
      errors.push(
        Array.isArray(value)
          ? problem(
              at,
              'リストの値は「制度条件の上書き」の表に入力できません。ケースファイルで指定してください',
              'a list cannot be entered in the program-terms table; give it in a case file',
            )
          : problem(
              at,
              '空の値 (null) は「制度条件の上書き」の表に入力できません',
              'null cannot be entered in the program-terms table',
            ),
      );
    } else if (value !== undefined) {
      const last = term.split('.').pop() ?? '';
      const cell = BOOL_TERMS.test(last)
        ? choiceLabel(YES_NO, value === true)
        : NUMBER_TERMS.test(last)
          ? numberCell(value)
          : scalar(value);
      rows.push({ programId: id, term, value: cell });
    }
  };
  for (const [id, overrides] of Object.entries(programs)) leaves(id, overrides, '');
  return rows;
}

function settingsSource(raw: Json, errors: string[]): Source {
  const out: Source = {
    name: raw.name,
    asOf: raw.asOf,
  };
  for (const group of ['profile', 'defaults', 'thresholds', 'thresholds.covenants', 'facts']) {
    const obj = group.split('.').reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), raw);
    if (isObject(obj))
      for (const [key, v] of Object.entries(obj))
        out[`${group}.${key}`] = Array.isArray(v) ? v.join(', ') : v; // loan ids in one cell
  }
  const indexes = isObject(raw.indexes) ? raw.indexes : {};
  for (const name of INDEX_NAMES) {
    const path = indexes[name];
    if (!isObject(path)) {
      out[`indexes.${name}`] = path;
      continue;
    }
    out[`indexes.${name}`] = path.rate;
    if (Array.isArray(path.steps) && path.steps.length > 0)
      errors.push(
        problem(
          `indexes.${name}.steps`,
          '段階的な指標金利はケースファイルでのみ指定できます',
          'index steps can only be given in a case file',
        ),
      );
  }
  if (given(raw.modes)) {
    const json = JSON.stringify(raw.modes);
    const mode = MODE_CHOICES.find((c) => JSON.stringify(c.value) === json);
    const labels = MODE_CHOICES.map((c) => c.label).join(' / ');
    if (mode) out.modes = raw.modes;
    else
      errors.push(
        problem(
          'modes',
          `この組み合わせはシートでは選べません (${labels})`,
          `cannot be chosen in the sheets: they offer ["realistic"], ["full-reprice"] or ["realistic", "full-reprice"]`,
        ),
      );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Read back

/** Program overrides as priced: "2.45%" and 0.0245 override a rate alike. */
function pricedOverrides(c: Case, ids: readonly string[]): Json {
  const out: Json = {};
  for (const id of ids) {
    const program = findProgram(id);
    out[id] = program ? withOverrides(program, c.programOverrides[id] ?? {}) : undefined;
  }
  return out;
}

interface Difference {
  path: string;
  file: unknown;
  sheets: unknown;
}

/** The first field where two values differ (a field that is undefined counts as missing). */
function difference(a: unknown, b: unknown, path: string): Difference | undefined {
  if (a === b) return undefined;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = difference(a[key], b[key], path ? `${path}.${key}` : key);
      if (d) return d;
    }
    return undefined;
  }
  return { path, file: a, sheets: b };
}

const shown = (v: unknown) => JSON.stringify(v) ?? String(v);

/** Why the patch does not read back into `expected` (none when it does). */
function readBackErrors(patch: WorkbookPatch, expected: Case): string[] {
  const cj = snapshotToCaseJson(writtenSnapshot(patch.sheets));
  const cellErrors = [...cj.structural, ...cj.errors];
  if (cellErrors.length > 0) return cellErrors.map(describeCellError);
  const back = parseCaseFile(cj.json);
  if (!back.ok)
    return back.errors.map(
      (e) => `シートから読み直すと / read back from the sheets: ${describeError(e)}`,
    );
  const ids = [
    ...new Set([
      ...Object.keys(expected.programOverrides),
      ...Object.keys(back.value.programOverrides),
    ]),
  ];
  const d = difference(
    { ...expected, programOverrides: pricedOverrides(expected, ids) },
    { ...back.value, programOverrides: pricedOverrides(back.value, ids) },
    '',
  );
  if (!d) return [];
  const values = `file: ${shown(d.file)}, sheets: ${shown(d.sheets)}`;
  return [
    problem(
      `(Case) ${d.path}`,
      `シートに入力すると別の値として読まれます (${values})`,
      `the sheets would read this field differently (${values})`,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------

/** 項目 / キー / 値 / 説明: where a key/value table's value goes. */
const VALUE_COLUMN = KEY_VALUE_ORDER.indexOf('value');

/**
 * The input template with a case file typed in, or why it cannot be: the file's own errors (as
 * parseCaseFile reports them, `path: message`) or what the sheets cannot hold. The file's
 * `description` and `lesson` have no cell (they are not part of the Case).
 */
export function scenarioTemplate(raw: unknown): ScenarioTemplateResult {
  const parsed = parseCaseFile(raw);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(describeError) };
  const file = raw as Json;
  const errors: string[] = [];
  const list = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : []);

  const loans = list(file.loans).map(loanSource);
  const council = planSources(file);
  if (Array.isArray(file.shocks) && file.shocks.length === 0)
    errors.push(
      problem(
        'shocks',
        '空のショック一覧はシートでは表せません (空欄の表は標準の +0.25/+0.50/+1.00/+2.00%)',
        'an empty list of shocks cannot be given in the sheets (an empty table means the standard set)',
      ),
    );
  const rows: Partial<Record<TableName, Source[]>> = {
    Loans: loans,
    Plan: list(file.plan).map((year, i) => ({ ...year, year: i + 1 })),
    // Bare rates ("1.00%") or shock objects.
    Shocks: (Array.isArray(file.shocks) ? (file.shocks as unknown[]) : []).flatMap((s, i) => {
      const shock = shockSource(s, `shocks[${i}]`, errors);
      return shock ? [shock] : ([] as Source[]);
    }),
    Strategies: strategySources(withoutPlanActions(list(file.strategies)), loans, errors),
    ProgramTerms: programTermSources(file.programs, errors),
    ...(council.rows as Partial<Record<TableName, Source[]>>),
  };
  const values: Partial<Record<TableName, Source>> = {
    Financials: isObject(file.base) ? file.base : {},
    Settings: settingsSource(file, errors),
    ['PlanSettings' as TableName]: council.settings,
  };
  for (const at of council.unsupported)
    errors.push(problem(at, 'はシートでは表せません', 'cannot be given in the sheets'));
  if (errors.length > 0) return { ok: false, errors };

  const patch = inputTemplate();
  for (const sheet of patch.sheets) {
    for (const t of sheet.tables) {
      const def = tableDef(t.name as TableName);
      if (def.kind === 'rows') {
        t.rows = (rows[def.name] ?? []).map((src) =>
          def.columns.map((c) => typed(c, src[c.key], 'serial')),
        );
      } else {
        const src = values[def.name] ?? {};
        t.rows = def.items.map((it, k) => {
          const row = [...t.rows[k]];
          row[VALUE_COLUMN] = typed(it, src[it.key], 'text');
          return row;
        });
      }
    }
  }
  // The print areas cover the rows as filled.
  patch.sheets = patch.sheets.map(withInputPageSetup);
  const readBack = readBackErrors(patch, parsed.value);
  return readBack.length > 0 ? { ok: false, errors: readBack } : { ok: true, patch };
}
