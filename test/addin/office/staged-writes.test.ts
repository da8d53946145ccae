import { applyPatch } from '../../../addin/office/apply-patch';
import { renameSheetReferences, stagingNames } from '../../../addin/office/staging';
import { WorkbookPatch, inputTemplate, isFormula } from '../../../workbook';
import { FakeContext, MockWorkbook } from '../support/mock-excel';
import { lodgingResults, withScheduleRows } from '../support/results-patch';

/**
 * Writes that lose nothing (addin/office/staging.ts): a run is written onto staging sheets and
 * only its last batch replaces the previous results. Proved by failing the run at every sync in
 * turn on a workbook holding the input sheets and a previous run's results.
 */
const asExcel = (context: FakeContext) => context as unknown as Excel.RequestContext;
// A small budget on the web: many syncs (many boundaries to fail at) from a modest patch.
const OPTIONS = { platform: 'OfficeOnline', requestBudget: 300_000 };

const previous = lodgingResults().patch;
const next: WorkbookPatch = withScheduleRows(lodgingResults().patch, 3_000);

/** A workbook with the input sheets (the template) and the results of a previous run. */
async function workbookWithResults(): Promise<MockWorkbook> {
  const model = new MockWorkbook(['Sheet1']);
  model.install();
  await applyPatch(asExcel(model.context()), inputTemplate());
  await applyPatch(asExcel(model.context()), previous);
  return model;
}

/** Everything about the workbook a failed run must not change. */
function state(model: MockWorkbook) {
  return {
    sheets: model.sheets.map((s) => [s.name, s.visibility, s.digest()]),
    tables: model.tables.map((t) => [t.name, t.sheet.name, t.rect]),
  };
}

describe('staged writes on the fake Excel', () => {
  let syncsOfARun = 0;
  let done: MockWorkbook;

  beforeAll(async () => {
    done = await workbookWithResults();
    const before = done.syncAttempts;
    const result = await applyPatch(asExcel(done.context()), next, OPTIONS);
    syncsOfARun = done.syncAttempts - before;
    console.log(`a run of the 3,000-row patch at a 300 KB budget: ${syncsOfARun} syncs`);
    expect(result.syncs).toBe(syncsOfARun);
  });

  test('a run that succeeds: the new results under their own names, formulas pointing at them', () => {
    // Read + at least three value batches + formats + commit.
    expect(syncsOfARun).toBeGreaterThanOrEqual(6);
    const names = done.sheets.map((s) => s.name);
    for (const sheet of next.sheets) expect(names).toContain(sheet.name);
    expect(names.filter((n) => /staging/i.test(n))).toEqual([]);
    expect(done.tables.filter((t) => /staging/i.test(t.name))).toEqual([]);
    // The new schedule, not the previous one: 3,000 rows.
    expect(done.tableAddress('RateShockSchedule')).toBe('A1:Q3001');
    // Every formula names the final sheets: none points at a staging sheet or lost its sheet.
    const formulas = done.sheets.flatMap((s) =>
      s.cells().flatMap(([, c]) => (c.formula ? [c.formula] : [])),
    );
    const written = next.sheets.flatMap((s) => [
      ...s.cells.flatMap((c) => (isFormula(c.value) ? [`=${c.value.formula}`] : [])),
      ...s.tables.flatMap((t) =>
        t.rows.flat().flatMap((v) => (isFormula(v) ? [`=${v.formula}`] : [])),
      ),
    ]);
    expect(written.length).toBeGreaterThan(100);
    expect(formulas.filter((f) => /staging|#REF!/.test(f))).toEqual([]);
    expect(new Set(formulas)).toEqual(new Set([...written]));
    // One explicit recalculation, after the last write.
    expect(done.calculations.slice(-1)).toEqual(['Recalculate']);
  });

  test('failing at each sync in turn: previous results and input sheets intact, no staging left', async () => {
    expect(syncsOfARun).toBeGreaterThan(0);
    for (let k = 1; k <= syncsOfARun; k++) {
      const model = await workbookWithResults();
      const before = state(model);
      model.failAtSync = model.syncAttempts + k;
      await expect(applyPatch(asExcel(model.context()), next, OPTIONS)).rejects.toThrow(
        `sync ${model.failAtSync} refused`,
      );
      const after = state(model);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        throw new Error(`failing sync ${k} of ${syncsOfARun} changed the workbook`);
      }
      expect(model.sheets.filter((s) => /staging/i.test(s.name))).toEqual([]);
    }
  });
});

describe('renameSheetReferences', () => {
  const renames = new Map([
    ['年度別', 'RateShock_staging_2'],
    ['Sheet1', 'S'],
  ]);
  test('quoted and bare references follow; text in string literals does not', () => {
    expect(
      renameSheetReferences(`SUMIFS('年度別'!$I$2:$I$9,'年度別'!$A$2:$A$9,$A5)`, renames),
    ).toBe(`SUMIFS('RateShock_staging_2'!$I$2:$I$9,'RateShock_staging_2'!$A$2:$A$9,$A5)`);
    expect(renameSheetReferences(`Sheet1!A1+XSheet1!A1&"Sheet1!A1 '年度別'!B2"`, renames)).toBe(
      `'S'!A1+XSheet1!A1&"Sheet1!A1 '年度別'!B2"`,
    );
    expect(renameSheetReferences(`'年度別2'!A1`, renames)).toBe(`'年度別2'!A1`);
  });

  test('staging names are new: none collides with a sheet or table of the workbook', () => {
    const names = stagingNames(
      previous,
      ['RateShock_staging_1', 'Sheet1'],
      ['RateShockMatrix_staging'],
    );
    expect(names.sheets.get('結果サマリー')).toBe('RateShock_staging_12');
    expect(names.tables.get('RateShockMatrix')).toBe('RateShockMatrix_staging2');
  });
});
