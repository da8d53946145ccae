import { runWorkbook } from '../../../addin/compute/run-workbook';
import { applyPatch } from '../../../addin/office/apply-patch';
import { ExcelWorkbook } from '../../../addin/office/excel-workbook';
import { NameClashError } from '../../../addin/host/name-clash-error';
import { MESSAGES } from '../../../addin/taskpane/i18n';
import { PaneActions, outcomeMessage } from '../../../addin/taskpane/pane-actions';
import { WORKSHOP_SCENARIOS } from '../../../addin/taskpane/workshop-scenarios';
import {
  OUTPUT_SHEETS,
  RESULT_SHEET_NAMES,
  WorkbookPatch,
  inputTemplate,
  scenarioTemplate,
  writtenSnapshot,
} from '../../../workbook';
import { FakeContext, MockWorkbook } from '../support/mock-excel';
import { DEFAULT_CHOICES, inlineCompute } from '../support/pane-fixtures';
import { lodgingResults } from '../support/results-patch';

/**
 * Tables and workbook-scoped defined names share one namespace in Excel (compared without case):
 * the fake refuses a table named like a defined name, a name like a table, and a name twice. The
 * add-in adds no defined name of its own (print areas and titles are sheet-scoped _xlnm names),
 * but a user's name equal to one of our table names would make Excel refuse the table's name —
 * in the last batch, after the previous results were deleted. The applier reads the names in its
 * first sync and stops before writing anything; the pane names the clash in Japanese.
 */
const asExcel = (context: FakeContext) => context as unknown as Excel.RequestContext;

const WITH_MONTE_CARLO = {
  ...DEFAULT_CHOICES,
  monteCarlo: { enabled: true, paths: '200', seed: '1' },
};

/** The lodging case's run with Monte Carlo, as the pane computes it. */
function lodgingWithMonteCarlo(): WorkbookPatch {
  const filled = scenarioTemplate(WORKSHOP_SCENARIOS.lodging);
  if (!filled.ok) throw new Error(filled.errors.join('\n'));
  const run = runWorkbook({
    snapshot: writtenSnapshot(filled.patch.sheets),
    shockSizes: null,
    strategyIds: null,
    monteCarlo: { paths: 200, seed: 1 },
  });
  if (!run.ok) throw new Error('the lodging case runs');
  return run.patch;
}

describe('defined names in the fake Excel', () => {
  const setup = async () => {
    const model = new MockWorkbook(['Sheet1']);
    const context = model.context();
    const sheet = context.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1:B1').values = [['a', 'b']];
    sheet.tables.add(sheet.getRange('A1:B3'), true).name = 'Loans';
    await context.sync();
    return { model, context, sheet };
  };

  test('a name is added, read back, and refused twice or when a table holds it', async () => {
    const { model, context } = await setup();
    context.workbook.names.add('Rate', '=Sheet1!$B$2');
    await context.sync();
    expect(model.names).toEqual([{ name: 'Rate', formula: '=Sheet1!$B$2' }]);
    const names = context.workbook.names.load('items/name');
    await context.sync();
    expect(names.items.map((n) => n.name)).toEqual(['Rate']);

    context.workbook.names.add('RATE', '=Sheet1!$B$3');
    await expect(context.sync()).rejects.toThrow(
      /InvalidArgument: RATE is taken by the defined name Rate/,
    );
    context.workbook.names.add('loans', '=Sheet1!$B$3');
    await expect(context.sync()).rejects.toThrow(
      /InvalidArgument: loans is taken by the table Loans/,
    );
    context.workbook.names.add('A1', '=Sheet1!$B$3');
    await expect(context.sync()).rejects.toThrow(/InvalidArgument: invalid defined name "A1"/);
    context.workbook.names.add('Broken', '=SUM(Sheet1!$B$3');
    await expect(context.sync()).rejects.toThrow(/InvalidArgument: bad formula/);
    expect(model.names.map((n) => n.name)).toEqual(['Rate']);
  });

  test('a table may not take a defined name, in any case; new tables skip taken TableN names', async () => {
    const { model, context, sheet } = await setup();
    context.workbook.names.add('Table2', '=Sheet1!$A$1');
    context.workbook.names.add('Summary', '=Sheet1!$A$1');
    await context.sync();
    sheet.getRange('D1:E1').values = [['c', 'd']];
    sheet.tables.add(sheet.getRange('D1:E3'), true);
    await context.sync();
    // Table2 is a defined name: Excel numbers the new table past it.
    expect(model.tables.map((t) => t.name)).toEqual(['Loans', 'Table3']);
    context.workbook.tables.getItem('Table3').name = 'SUMMARY';
    await expect(context.sync()).rejects.toThrow(
      /InvalidArgument: SUMMARY is taken by the defined name Summary/,
    );
    expect(model.tables.map((t) => t.name)).toEqual(['Loans', 'Table3']);
  });
});

describe('a defined name equal to one of our table names', () => {
  /**
   * The template, a previous run's results (without Monte Carlo) and the user's defined name,
   * e.g. "RateShockMonteCarloChecks": the table a run with Monte Carlo adds.
   */
  async function workbookWithName(name: string) {
    const model = new MockWorkbook(['Sheet1']);
    model.install();
    await applyPatch(asExcel(model.context()), inputTemplate());
    await applyPatch(asExcel(model.context()), lodgingResults().patch);
    const context = model.context();
    context.workbook.names.add(name, '=Sheet1!$A$1');
    await context.sync();
    return model;
  }

  const state = (model: MockWorkbook) => ({
    sheets: model.sheets.map((s) => [s.name, s.visibility, s.digest()]),
    tables: model.tables.map((t) => [t.name, t.sheet.name, t.rect]),
    names: model.names.map((n) => ({ ...n })),
  });

  test('the run stops before writing: previous results intact, no staging sheet, the name given', async () => {
    // Tables get their names in the last batch: without the check the old results would be
    // deleted first and the rename refused. Case differs: Excel compares without case.
    const model = await workbookWithName('rateshockmontecarlochecks');
    const before = state(model);
    const requests = model.requests.length;
    const run = applyPatch(asExcel(model.context()), lodgingWithMonteCarlo());
    await expect(run).rejects.toThrow(NameClashError);
    await expect(run).rejects.toThrow(
      'ブックに名前「rateshockmontecarlochecks」が既に定義されているため、同じ名前の表を作れません',
    );
    expect(state(model)).toEqual(before);
    // One sync (the names read), no write at all.
    expect(model.requests.slice(requests)).toHaveLength(1);
    expect(model.requests.slice(requests).every((r) => r.writes === 0)).toBe(true);
    expect(model.sheets.filter((s) => /staging/i.test(s.name))).toEqual([]);
    for (const name of RESULT_SHEET_NAMES) expect(model.findSheet(name)).toBeDefined();
  });

  test('the pane shows the clash in Japanese (and English), naming the name', async () => {
    const model = await workbookWithName('RateShockMonteCarloChecks');
    // The input sheets hold the lodging case, as 「事例を読み込む」 writes them.
    const actions = new PaneActions(
      new ExcelWorkbook({ platform: 'PC' }),
      inlineCompute,
      WORKSHOP_SCENARIOS,
    );
    expect(await actions.loadScenario('lodging')).toMatchObject({ ok: true });
    const before = state(model);
    const outcome = await actions.run(WITH_MONTE_CARLO);
    expect(outcome).toMatchObject({
      ok: false,
      message: 'nameClash',
      clash: 'RateShockMonteCarloChecks',
    });
    expect(outcomeMessage(outcome, MESSAGES.ja)).toBe(
      'ブックに名前「RateShockMonteCarloChecks」が定義されているため、結果の表を作れませんでした。' +
        '「数式」タブの「名前の管理」でこの名前を変更または削除してから、もう一度実行してください' +
        '（前回の結果はそのまま残っています）',
    );
    expect(outcomeMessage(outcome, MESSAGES.en)).toMatch(
      /^The workbook defines the name "RateShockMonteCarloChecks", which a RateShock table needs/,
    );
    expect(state(model)).toEqual(before);

    // Once the user renames it, the run goes through and the table takes its name.
    model.names[0].name = 'MySummary';
    expect(await actions.run(WITH_MONTE_CARLO)).toMatchObject({ ok: true, message: 'done' });
    expect(model.table('RateShockMonteCarloChecks').sheet.name).toBe(OUTPUT_SHEETS.monteCarlo);
  });

  test('a defined name equal to a staging table name only moves the staging name on', async () => {
    const model = await workbookWithName('RateShockSummary_staging');
    await applyPatch(asExcel(model.context()), lodgingResults().patch);
    expect(model.tables.filter((t) => /staging/i.test(t.name))).toEqual([]);
    expect(model.table('RateShockSummary')).toBeDefined();
  });
});
