import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCaseFile } from '../../engine';
import {
  HEADER_ROW,
  LOANS,
  PatchTable,
  WorkbookPatch,
  describeCellError,
  excelSerial,
  inputTemplate,
  readCase,
  scenarioTemplate,
} from '../../workbook';
import { snapshotOfPatch } from '../support/patch-snapshot';

type Json = Record<string, unknown>;

const DIR = join(__dirname, '../../scenarios');
const lodging = () =>
  JSON.parse(readFileSync(join(DIR, 'lodging-crisis-refinance.case.json'), 'utf8')) as Json;

function patchOf(raw: unknown): WorkbookPatch {
  const typed = scenarioTemplate(raw);
  if (!typed.ok) throw new Error(typed.errors.join('\n'));
  return typed.patch;
}

function errorsOf(raw: unknown): string[] {
  const typed = scenarioTemplate(raw);
  if (typed.ok) throw new Error('expected the case file to be refused');
  return typed.errors;
}

const tableOf = (patch: WorkbookPatch, name: string): PatchTable =>
  patch.sheets.flatMap((s) => s.tables).find((t) => t.name === name)!;

/** A key/value table's value by key (項目 / キー / 値 / 説明). */
const valueOf = (patch: WorkbookPatch, table: string, key: string) =>
  tableOf(patch, table).rows.find((r) => r[1] === key)?.[2];

describe('scenarioTemplate: a case file typed into the input template', () => {
  test('the same sheets, tables, columns, formats, validations and cells as inputTemplate()', () => {
    const patch = patchOf(lodging());
    const template = inputTemplate();
    expect(patch.replaces).toEqual(template.replaces);
    expect(patch.sheets.map((s) => s.name)).toEqual(template.sheets.map((s) => s.name));
    patch.sheets.forEach((sheet, i) => {
      // The print area follows the rows filled (test/workbook/input-page-setup.test.ts).
      const { tables, pageSetup, ...rest } = sheet;
      const {
        tables: templateTables,
        pageSetup: templateSetup,
        ...templateRest
      } = template.sheets[i];
      expect(rest).toEqual(templateRest);
      expect({ ...pageSetup, printArea: undefined }).toEqual({
        ...templateSetup,
        printArea: undefined,
      });
      expect(
        tables.map(({ rows, ...t }) => ({ ...t, width: rows.every((r) => r.length) })),
      ).toEqual(
        templateTables.map(({ rows, ...t }) => ({ ...t, width: rows.every((r) => r.length) })),
      );
      for (const t of tables) for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
    });
  });

  test("the lodging case's loans replace the example row: Z1, C1, B1 at rows 5…7 of 借入一覧", () => {
    const loans = tableOf(patchOf(lodging()), 'Loans');
    expect(loans.row).toBe(HEADER_ROW);
    expect(loans.column).toBe(1);
    const at = (key: string) => LOANS.columns.findIndex((c) => c.key === key);
    // Data row i is sheet row HEADER_ROW + 1 + i: rows 5, 6, 7.
    expect(loans.rows.map((r) => [r[at('id')], r[at('principal')]])).toEqual([
      ['Z1', 60000],
      ['C1', 70000],
      ['B1', 120000],
    ]);
    const z1 = loans.rows[0];
    expect(z1[at('method')]).toBe('元金均等');
    expect(z1[at('rateType')]).toBe('変動');
    expect(z1[at('rate')]).toBe('2.625%'); // as the file writes it
    expect(z1[at('index')]).toBe('短プラ');
    expect(z1[at('nextResetDate')]).toBe(excelSerial('2026-04-01')); // a date cell, as in the template
    expect(loans.rows[1][at('rateType')]).toBe('固定');
    expect(loans.rows[1][at('index')]).toBeNull();
  });

  test('key/value tables hold the case, blanks where the file has none; no example rows left', () => {
    const patch = patchOf(lodging());
    expect(valueOf(patch, 'Settings', 'asOf')).toBe('2026-03-31');
    expect(valueOf(patch, 'Settings', 'profile.units')).toBe('千円');
    expect(valueOf(patch, 'Settings', 'profile.jfcUnit')).toBe('中小事業');
    expect(valueOf(patch, 'Settings', 'indexes.short-prime')).toBe('2.125%');
    expect(valueOf(patch, 'Settings', 'indexes.tibor')).toBeNull();
    expect(valueOf(patch, 'Settings', 'facts.hasCrisisEraDebt')).toBe('はい');
    expect(valueOf(patch, 'Settings', 'modes')).toBeNull(); // the template's 個別改定 is gone
    expect(valueOf(patch, 'Settings', 'defaults.dayCount')).toBeNull();
    expect(valueOf(patch, 'Financials', 'revenue')).toBe(180000);
    expect(valueOf(patch, 'Financials', 'nonOperatingIncome')).toBeNull();
    expect(tableOf(patch, 'Plan').rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5]);
    expect(tableOf(patch, 'Shocks').rows).toEqual([
      ['平行', '0.25%', null, null, null, null],
      ['平行', '0.50%', null, null, null, null],
      ['平行', '1.00%', null, null, null, null],
      ['平行', '2.00%', null, null, null, null],
    ]);
    expect(tableOf(patch, 'Strategies').rows.map((r) => r.slice(0, 4))).toEqual([
      ['status-quo', '現状維持 / status quo', null, null],
      [
        'crisis-20y',
        '危機対応後経営安定貸付 20年に一本化 / all into the 20-year crisis-recovery loan',
        '借換',
        'Z1, C1, B1',
      ],
    ]);
    expect(tableOf(patch, 'ProgramTerms').rows).toEqual([]);
  });

  test('what else a case file may hold reads back into the same Case', () => {
    const raw = lodging();
    raw.modes = ['realistic', 'full-reprice'];
    raw.indexes = {
      'short-prime': { rate: '2.125%', steps: [] },
      tibor: 0.01,
      'jfc-base': '2.30%',
    };
    raw.thresholds = {
      minDscr: 1.2,
      debtYearsForm: 'simple',
      minCash: '5,000',
      covenants: { noInsolvency: true, netAssetsFloorShare: '75%', minIcr: 1.5 },
    };
    raw.shocks = [
      '1.00%',
      { kind: 'ramp', step: '0.25%', everyMonths: 6, cap: '2.00%', from: '2026/10/01' },
      { kind: 'irrbb', shape: 'steepener' },
      { size: 0.005, from: '2027-04-01' },
    ];
    const loans = raw.loans as Json[];
    delete loans[1].rate;
    loans[1].annualRate = '0.90%'; // the shorthand of a fixed rate
    loans[2] = {
      ...loans[2],
      id: undefined,
      dayCount: '30/360',
      rounding: 'none',
      startDate: '2025-10-01',
      rate: { type: 'fixed-at-drawdown', spread: '0.40%' },
    };
    raw.strategies = [
      { name: '名前だけ', actions: [] },
      {
        actions: [
          {
            kind: 'reschedule',
            select: { lender: 'みどり銀行' },
            holidayMonths: 12,
            extendTerm: false,
          },
          {
            kind: 'capital-loan',
            mode: 'new-money',
            programId: 'capital-subordinated',
            amount: '10,000',
            termMonths: 180,
            privateBankSupport: true,
          },
        ],
      },
      {
        id: 'refi',
        actions: [
          {
            kind: 'refinance',
            select: { loanIds: ['Z1', 'L3'] },
            programId: 'bank-loan',
            termMonths: 180,
            baseRate: '2.10%',
          },
        ],
      },
    ];
    raw.programs = { 'bank-loan': { rate: { annualRate: '2.20%' } } };
    const patch = patchOf(raw);
    expect(valueOf(patch, 'Settings', 'modes')).toBe('両方');
    expect(tableOf(patch, 'ProgramTerms').rows).toEqual([
      ['bank-loan', 'rate.annualRate', '2.20%', null],
    ]);
    const fromJson = parseCaseFile(raw);
    if (!fromJson.ok) throw new Error(JSON.stringify(fromJson.errors));
    const read = readCase(snapshotOfPatch(patch));
    if (!read.ok) throw new Error(read.errors.map(describeCellError).join('\n'));
    // Overrides are kept as read: the file's "2.20%", the sheet's 2.2 / 100 (priced alike).
    expect({ ...read.case, programOverrides: {} }).toEqual({
      ...fromJson.value,
      programOverrides: {},
    });
    expect(read.case.programOverrides).toEqual({
      'bank-loan': { rate: { annualRate: 2.2 / 100 } },
    });
  });

  test('index steps are refused, naming the field, in both languages', () => {
    const raw = lodging();
    raw.indexes = {
      'short-prime': { rate: '2.125%', steps: [{ from: '2027-04-01', rate: '2.50%' }] },
      'jfc-base': '2.30%',
    };
    expect(errorsOf(raw)).toEqual([
      'indexes.short-prime.steps: 段階的な指標金利はケースファイルでのみ指定できます / index steps can only be given in a case file',
    ]);
  });

  test('rate paths, an empty list of shocks, other modes and duplicate strategy ids are refused', () => {
    const path = lodging();
    path.shocks = ['1.00%', { kind: 'path', steps: [{ from: '2027-04-01', size: '0.50%' }] }];
    expect(errorsOf(path)).toEqual([
      expect.stringMatching(/^shocks\[1\]\.kind: 金利パス.* \/ rate-path shocks/),
    ]);

    const empty = lodging();
    empty.shocks = [];
    expect(errorsOf(empty)).toEqual([expect.stringMatching(/^shocks: /)]);

    const modes = lodging();
    modes.modes = ['full-reprice', 'realistic'];
    expect(errorsOf(modes)).toEqual([expect.stringMatching(/^modes: /)]);

    const twice = lodging();
    const strategies = twice.strategies as Json[];
    strategies[1].id = 'status-quo';
    expect(errorsOf(twice)).toEqual([expect.stringMatching(/^strategies\[1\]\.id: /)]);

    const list = lodging();
    list.programs = { 'bank-loan': { allowedTerms: [60, 120] } };
    expect(errorsOf(list)).toEqual([expect.stringMatching(/^programs\.bank-loan\.allowedTerms: /)]);
  });

  test('a file the sheets would read differently is refused, naming the field of the Case', () => {
    const raw = lodging();
    (raw.strategies as Json[])[1].name = ''; // a blank cell: the name defaults to the id
    expect(errorsOf(raw)).toEqual([
      expect.stringMatching(/^\(Case\) strategies\[1\]\.name: .*file: "", sheets: "crisis-20y"/),
    ]);
  });

  test("an invalid file gives parseCaseFile's errors by JSON path", () => {
    const raw = lodging();
    const loans = raw.loans as Json[];
    loans[0].graceMonth = 6; // graceMonths
    expect(errorsOf(raw)).toEqual([
      expect.stringMatching(
        /^loans\[0\]\.graceMonth: is not a known field \(did you mean "graceMonths"\?\)/,
      ),
    ]);
    expect(errorsOf(null)).toEqual([expect.stringMatching(/^\(root\): must be an object/)]);
  });
});
