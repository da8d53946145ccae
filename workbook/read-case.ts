import {
  Case,
  FieldError,
  applyStrategy,
  catalogPrograms,
  loanConventions,
  parseCaseFile,
} from '../engine';
import { CaseJson, snapshotToCaseJson } from './case-json';
import { CellError, CellLocation, cellError, locationAddress, sortCellErrors } from './cell-error';
import { japanesePredicate } from './messages';
import { WorkbookSnapshot } from './snapshot';

export type ReadCaseResult = { ok: true; case: Case } | { ok: false; errors: CellError[] };

/** `loans[2].rate.spread` → `loans[2].rate` → `loans[2]` → `loans`. */
function parentPath(path: string): string {
  const m = /^(.*)(\[\d+\]|\.[^.[\]]+)$/.exec(path);
  return m ? m[1] : '';
}

function locate(cj: CaseJson, field: string): CellLocation {
  for (let p = field; p !== ''; p = parentPath(p)) {
    const loc = cj.locations.get(p);
    if (loc) return loc;
  }
  return { sheet: '設定', label: field, labelEn: field };
}

function isEcho(cj: CaseJson, field: string): boolean {
  return cj.unread.some(
    (p) => field === p || field.startsWith(`${p}.`) || field.startsWith(`${p}[`),
  );
}

/** An engine error at its cell, in both languages; `loans[i]` in a message becomes its cell. */
function toCellError(cj: CaseJson, e: FieldError): CellError {
  const loc = locate(cj, e.field);
  const en = e.message.replace(
    /\bloans\[(\d+)\]/g,
    (_, i: string) => `the loan in ${locationAddress(locate(cj, `loans[${i}]`))}`,
  );
  // "Principal must be …", "Program is not …"; other messages after a colon ("Loans: no loan …").
  const verb = /^(is|must|has|repeats|exceeds|leaves|cannot|ends)\b/.test(en);
  return cellError(
    loc,
    { ja: japanesePredicate(en), en: verb ? en : `: ${en}` },
    loc.row !== undefined ? loc.value : e.value,
  );
}

/**
 * The strategies' own checks (loans and lenders that exist, programs of the catalog, a DDS no
 * larger than its loans), which the engine otherwise makes only when it simulates. Paths are the
 * case file's: `strategies[i]` counts the sheet's strategies, not the status quo added before them.
 */
function strategyErrors(c: Case, json: Json): FieldError[] {
  const given = Array.isArray(json.strategies) ? json.strategies.length : 0;
  const offset = c.strategies.length - given;
  const programs = catalogPrograms(c.programOverrides);
  return c.strategies
    .slice(offset)
    .flatMap(
      (s, i) =>
        applyStrategy(
          c.stack.loans,
          s,
          c.asOf,
          (id) => programs.pricing(id, c.profile.jfcUnit, c),
          `strategies[${i}]`,
          loanConventions(c),
          c.stack.indexes,
        ).errors,
    );
}

const PROBE_BASE = {
  revenue: 1,
  operatingProfit: 0,
  depreciation: 0,
  ordinaryProfit: 0,
  cash: 0,
  totalAssets: 1,
  bookNetAssets: 0,
};

type Json = Record<string, unknown>;

/** A loan that only carries its id and lender (a stand-in for one with errors). */
function standInLoan(loan: Json): Json {
  return {
    id: loan.id,
    lender: loan.lender,
    principal: 1e6, // within the limit in any unit (1e6 百万円 = 1兆円)
    termMonths: 600,
    method: 'bullet',
    rate: { type: 'fixed', annualRate: 0 },
  };
}

/** An action that keeps what it selects and its program (a stand-in for one with errors). */
function standInAction(action: Json): Json {
  const { select, programId } = action;
  if (action.kind === 'refinance') return { kind: 'refinance', select, programId, termMonths: 12 };
  if (action.kind === 'reschedule') return { kind: 'reschedule', select, holidayMonths: 1 };
  return action.kind === 'capital-loan' && action.mode === 'dds'
    ? { kind: 'capital-loan', mode: 'dds', select, programId, amount: 1, termMonths: 61 }
    : {
        kind: 'capital-loan',
        mode: 'new-money',
        programId: programId ?? 'capital-subordinated',
        amount: 1,
        termMonths: 61,
      };
}

/**
 * When the case has errors, the strategies are still checked against the loans, so that every
 * error comes at once: the debt stack and strategies are read with stand-in financials, and
 * loans or actions with errors of their own are replaced by stand-ins that keep their ids,
 * lenders, selections and programs. With stand-ins, only what they keep is checked.
 */
function probeStrategies(json: Json, errors: FieldError[]): FieldError[] {
  const top = (e: FieldError) => e.field.split(/[.[]/)[0];
  const broken = (prefix: string) =>
    errors.some(
      (e) =>
        e.field === prefix || e.field.startsWith(`${prefix}.`) || e.field.startsWith(`${prefix}[`),
    );
  const stackBroken = errors.some((e) => ['loans', 'indexes', 'asOf'].includes(top(e)));
  const loans = Array.isArray(json.loans) ? (json.loans as Json[]) : [];
  const strategies = Array.isArray(json.strategies) ? (json.strategies as Json[]) : [];
  let standIns = stackBroken;
  const probeStrategies = strategies.map((s, i) => ({
    ...s,
    actions: ((s.actions ?? []) as Json[]).map((a, j) => {
      if (!broken(`strategies[${i}].actions[${j}]`)) return a;
      standIns = true;
      return standInAction(a);
    }),
  }));
  const profile = (json.profile ?? {}) as Json;
  const probe = {
    profile: { units: profile.units, jfcUnit: profile.jfcUnit },
    asOf: broken('asOf') ? '2000-01-01' : json.asOf,
    base: PROBE_BASE,
    plan: [{ revenue: 1, operatingProfit: 0 }],
    loans: stackBroken ? loans.map(standInLoan) : loans,
    strategies: probeStrategies,
    programs: broken('programs') ? undefined : json.programs,
    ...(stackBroken ? {} : { indexes: json.indexes }),
  };
  const parsed = parseCaseFile(probe);
  if (!parsed.ok) return [];
  const found = strategyErrors(parsed.value, json);
  // Balances and terms of stand-ins are made up: keep only what does not depend on them.
  return standIns
    ? found.filter((e) => /no loan of the stack|not a program of the catalog/.test(e.message))
    : found;
}

/**
 * Reads a case from the input sheets (see input-layout.ts). Every error names its cell
 * (`借入一覧!D7`) or its sheet, in Japanese and English, all at once and in sheet order; with
 * any error there is no case.
 */
export function readCase(snapshot: WorkbookSnapshot): ReadCaseResult {
  const cj = snapshotToCaseJson(snapshot);
  const errors: CellError[] = [...cj.structural, ...cj.errors];
  // The engine reads values only once every table and column is where the layout says.
  if (cj.structural.length > 0) return { ok: false, errors: sortCellErrors(errors) };
  const parsed = parseCaseFile(cj.json);
  const fieldErrors = parsed.ok
    ? strategyErrors(parsed.value, cj.json)
    : [...parsed.errors, ...probeStrategies(cj.json, parsed.errors)];
  const fresh = fieldErrors.filter((e) => !isEcho(cj, e.field));
  // (Were every engine error an echo of a cell already reported, there would be cell errors.)
  errors.push(...(errors.length === 0 ? fieldErrors : fresh).map((e) => toCellError(cj, e)));
  if (errors.length > 0 || !parsed.ok) return { ok: false, errors: sortCellErrors(errors) };
  return { ok: true, case: parsed.value };
}
