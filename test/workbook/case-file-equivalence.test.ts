import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCaseFile } from '../../engine';
import {
  AFTER_HOLIDAY_CHOICES,
  CAPITAL_MODE_CHOICES,
  Choice,
  FINANCIALS,
  INDEX_CHOICES,
  JFC_UNIT_CHOICES,
  METHOD_CHOICES,
  RATE_TYPE_CHOICES,
  SETTINGS,
  STRATEGY_KIND_CHOICES,
  SnapshotValue,
  TableName,
  UNIT_CHOICES,
  WorkbookSnapshot,
  describeCellError,
  inputTemplate,
  readCase,
} from '../../workbook';
import { CellEdit, Edit, applyEdits, snapshotOfPatch } from '../support/patch-snapshot';

/**
 * The strong cross-check: a workshop case file typed into the input sheets the way a person
 * would (Japanese choices, "2.625%" rates, dates as text) reads into the very Case that
 * parseCaseFile makes of the JSON file.
 */

type Json = Record<string, unknown>;

const label = <T>(choices: readonly Choice<T>[], value: unknown) => {
  const c = choices.find((x) => JSON.stringify(x.value) === JSON.stringify(value));
  if (!c) throw new Error(`no choice for ${JSON.stringify(value)}`);
  return c.label;
};
const yesNo = (b: unknown) => (b === true ? 'はい' : 'いいえ');
const cellValue = (v: unknown) => (v === undefined ? null : (v as SnapshotValue));

function rowEdits(table: TableName, rows: Record<string, unknown>[]): CellEdit[] {
  return rows.flatMap((values, row) =>
    Object.entries(values)
      .filter(([, v]) => v !== undefined)
      .map(([header, v]) => ({ table, header, row, value: cellValue(v) })),
  );
}

/** The case file typed into a blank template. */
function snapshotOfCaseFile(raw: Json): WorkbookSnapshot {
  const edits: Edit[] = [];
  for (const table of ['Loans', 'Plan', 'Shocks', 'Strategies', 'ProgramTerms'] as const)
    edits.push({ clearRows: table });
  // Blank every value of the key/value tables, then type the file's.
  for (const it of FINANCIALS.items) edits.push({ table: 'Financials', key: it.key, value: null });
  for (const it of SETTINGS.items) edits.push({ table: 'Settings', key: it.key, value: null });
  const base = raw.base as Json;
  for (const [key, value] of Object.entries(base))
    edits.push({ table: 'Financials', key, value: cellValue(value) });

  const profile = raw.profile as Json;
  const settings: Json = {
    name: raw.name,
    'profile.name': profile.name,
    'profile.sector': profile.sector,
    'profile.jfcUnit': profile.jfcUnit && label(JFC_UNIT_CHOICES, profile.jfcUnit),
    'profile.fiscalYearEndMonth': profile.fiscalYearEndMonth,
    'profile.employees': profile.employees,
    'profile.units': profile.units && label(UNIT_CHOICES, profile.units),
    asOf: raw.asOf,
  };
  for (const [index, path] of Object.entries((raw.indexes ?? {}) as Json)) {
    const p = path as Json | string;
    if (typeof p === 'object' && p.steps) throw new Error('index steps are for case files');
    settings[`indexes.${index}`] = typeof p === 'object' ? p.rate : p;
  }
  const facts = (raw.facts ?? {}) as Json;
  for (const key of Object.keys(facts)) settings[`facts.${key}`] = yesNo(facts[key]);
  for (const [key, value] of Object.entries(settings))
    if (value !== undefined) edits.push({ table: 'Settings', key, value: cellValue(value) });

  edits.push(...rowEdits('Plan', raw.plan as Json[]));
  edits.push(
    ...rowEdits(
      'Loans',
      (raw.loans as Json[]).map((loan) => {
        const rate = (loan.rate ?? { type: 'fixed', annualRate: loan.annualRate }) as Json;
        return {
          ...loan,
          method: label(METHOD_CHOICES, loan.method),
          rateType: label(RATE_TYPE_CHOICES, rate.type),
          rate: rate.type === 'fixed' ? rate.annualRate : rate.currentRate,
          index: rate.index && label(INDEX_CHOICES, rate.index),
          spread: rate.spread,
          resetEveryMonths: rate.resetEveryMonths,
          nextResetDate: rate.nextResetDate,
          annualRate: undefined,
        };
      }),
    ),
  );
  edits.push(
    ...rowEdits(
      'Shocks',
      ((raw.shocks ?? []) as string[]).map((size) => ({ kind: '平行', size })),
    ),
  );
  const strategyRows = (raw.strategies as Json[]).flatMap((s): Json[] => {
    const actions = s.actions as Json[];
    const head = { strategyId: s.id, strategyName: s.name };
    if (actions.length === 0) return [head];
    return actions.map((a, k) => {
      const select = a.select as Json | undefined;
      return {
        ...(k === 0 ? head : { strategyId: s.id }),
        kind: label(STRATEGY_KIND_CHOICES, a.kind),
        select: select && (select.lender ?? (select.loanIds as string[]).join(', ')),
        programId: a.programId,
        baseRate: a.baseRate,
        amount: a.amount,
        termMonths: a.termMonths,
        graceMonths: a.graceMonths,
        mode: a.mode && label(CAPITAL_MODE_CHOICES, a.mode),
        privateBankSupport:
          a.privateBankSupport === undefined ? undefined : yesNo(a.privateBankSupport),
        holidayMonths: a.holidayMonths,
        extendTerm:
          a.extendTerm === undefined ? undefined : label(AFTER_HOLIDAY_CHOICES, a.extendTerm),
      };
    });
  });
  edits.push(...rowEdits('Strategies', strategyRows));
  return applyEdits(snapshotOfPatch(inputTemplate()), edits);
}

const DIR = join(__dirname, '../../scenarios');
const FILES = [
  'lodging-crisis-refinance.case.json',
  'manufacturer-dds.case.json',
  'apparel-consolidation.case.json',
];

describe('a workshop case typed into the sheets reads into the same Case as its JSON file', () => {
  test.each(FILES)('%s', (file) => {
    const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Json;
    const fromJson = parseCaseFile(raw);
    if (!fromJson.ok) throw new Error(JSON.stringify(fromJson.errors));
    const fromSheets = readCase(snapshotOfCaseFile(raw));
    if (!fromSheets.ok) throw new Error(fromSheets.errors.map(describeCellError).join('\n'));
    // toEqual: a bare "1.00%" in a file gives a shock without `from`, a row { from: undefined }.
    expect(fromSheets.case).toEqual(fromJson.value);
  });

  test('the lodging case: three loans in 千円, the crisis-recovery refinancing of all three', () => {
    const raw = JSON.parse(readFileSync(join(DIR, FILES[0]), 'utf8')) as Json;
    const read = readCase(snapshotOfCaseFile(raw));
    if (!read.ok) throw new Error(read.errors.map(describeCellError).join('\n'));
    const c = read.case;
    expect(c.stack.loans.map((l) => [l.id, l.terms.principal])).toEqual([
      ['Z1', 60_000_000],
      ['C1', 70_000_000],
      ['B1', 120_000_000],
    ]);
    expect(c.strategies[1].actions[0]).toMatchObject({
      kind: 'refinance',
      select: { loanIds: ['Z1', 'C1', 'B1'] },
      programId: 'crisis-recovery-stabilization',
      termMonths: 240,
    });
  });
});
