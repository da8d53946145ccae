import { applyPatch } from '../../../addin/office/apply-patch';
import { ExcelWorkbook } from '../../../addin/office/excel-workbook';
import {
  DESKTOP_REQUEST_BUDGET,
  WEB_REQUEST_BUDGET,
  jsonStringBytes,
} from '../../../addin/office/request-budget';
import { WorkbookPatch } from '../../../workbook';
import { FakeContext, MockRequest, MockWorkbook } from '../support/mock-excel';
import { lodgingResults, withScheduleRows } from '../support/results-patch';

const asExcel = (context: FakeContext) => context as unknown as Excel.RequestContext;

/** Excel on the web refuses a request over 5 MB. */
const WEB_LIMIT = 5_000_000;

async function apply(patch: WorkbookPatch, platform?: string) {
  const model = new MockWorkbook(['Sheet1']);
  model.install();
  const progress: number[] = [];
  const result = await applyPatch(asExcel(model.context()), patch, {
    platform,
    onProgress: (p) => progress.push(p),
  });
  return { model, result, progress, requests: model.requests };
}

const measured: Record<string, MockRequest[]> = {};
const longestMs: Record<string, number> = {};
afterAll(() => {
  // The figures behind the assertions, for the record.
  console.log(
    Object.entries(measured)
      .map(
        ([name, r]) =>
          `${name}: ${r.length} syncs, largest request ${Math.max(...r.map((x) => x.bytes)).toLocaleString()} bytes, ` +
          `longest batch ${Math.round(longestMs[name] ?? 0)} ms on the fake`,
      )
      .join('\n'),
  );
});

describe('syncs and request sizes', () => {
  const { patch } = lodgingResults();
  const small = withScheduleRows(patch, 10);
  const large = withScheduleRows(patch, 100_000);

  let desktop: Awaited<ReturnType<typeof apply>>;
  beforeAll(async () => {
    desktop = await apply(large, 'Mac');
  });

  test('on Windows and Mac each request stays within the desktop budget: 4 syncs for 10 rows, more for 100,000', async () => {
    const few = await apply(small, 'PC');
    const many = desktop;
    measured['desktop, 10 rows'] = few.requests;
    measured['desktop, 100,000 rows'] = many.requests;
    longestMs['desktop, 100,000 rows'] = Math.max(...many.result.syncMs);
    // Read, values, formats, commit.
    expect(few.result.syncs).toBe(4);
    expect(few.model.syncs).toBe(4);
    // 100,000 rows are about 20 MB of values: three value batches of at most 8 MB.
    expect(many.result.syncs).toBe(6);
    expect(many.model.syncs).toBe(6);
    for (const r of many.requests) expect(r.bytes).toBeLessThanOrEqual(DESKTOP_REQUEST_BUDGET);
    // All of it was written: the last schedule row is there.
    const last = large.sheets.find((s) => s.name === '返済予定表')!.tables[0].rows[99_999];
    expect(many.model.sheet('返済予定表').cell('Q100001').value).toBe(last[16]);
    expect(many.model.tableAddress('RateShockSchedule')).toBe('A1:Q100001');
    // One timing per sync that wrote (the read is not a write batch).
    expect(many.result.syncMs.length).toBe(many.result.syncs - 1);
  });

  test('on the web every request stays under 5 MB, and 100,000 rows take more syncs', async () => {
    const few = await apply(small, 'OfficeOnline');
    const many = await apply(large, 'OfficeOnline');
    measured['web, 10 rows'] = few.requests;
    measured['web, 100,000 rows'] = many.requests;
    longestMs['web, 100,000 rows'] = Math.max(...many.result.syncMs);
    for (const r of [...few.requests, ...many.requests]) expect(r.bytes).toBeLessThan(WEB_LIMIT);
    expect(few.result.syncs).toBe(4);
    expect(many.result.syncs).toBeGreaterThan(few.result.syncs);
    expect(many.model.syncs).toBe(many.result.syncs);
    // Every batch that writes suspends calculation and screen updating first, but the commit,
    // which suspends screen updating and ends with one explicit recalculation.
    const writes = many.requests.filter((x) => x.writes > 0);
    for (const r of writes.slice(0, -1)) {
      expect(r.suspendedCalculation && r.suspendedScreenUpdating).toBe(true);
    }
    expect(writes[writes.length - 1].suspendedScreenUpdating).toBe(true);
    expect(many.model.calculations).toEqual(['Recalculate']);
    // The same workbook as on the desktop.
    for (const name of large.sheets.map((s) => s.name)) {
      expect(many.model.sheet(name).digest()).toBe(desktop.model.sheet(name).digest());
    }
    expect(many.model.tables.map((t) => [t.name, t.rect])).toEqual(
      desktop.model.tables.map((t) => [t.name, t.rect]),
    );
    // Progress rises to 1 over the syncs.
    expect(many.progress.length).toBeGreaterThan(3);
    expect([...many.progress].sort((a, b) => a - b)).toEqual(many.progress);
    expect(many.progress[many.progress.length - 1]).toBe(1);
  });

  test('the budget counts a string as the bytes of its JSON', () => {
    for (const s of ['', 'abc', '"quoted"\\', '返済予定表', '😀', '\n\t\u0001']) {
      expect(jsonStringBytes(s)).toBe(Buffer.byteLength(JSON.stringify(s)));
    }
    expect(WEB_REQUEST_BUDGET).toBeLessThan(WEB_LIMIT);
  });

  test('ExcelWorkbook takes the platform from Office when not told', async () => {
    const model = new MockWorkbook(['Sheet1']);
    model.install();
    const office = globalThis as { Office?: unknown };
    office.Office = { context: { platform: 'OfficeOnline' } };
    try {
      await new ExcelWorkbook().applyPatch(large);
    } finally {
      delete office.Office;
    }
    expect(model.runs).toBe(1);
    expect(model.syncs).toBeGreaterThan(3);
    for (const r of model.requests) expect(r.bytes).toBeLessThan(WEB_LIMIT);
  });
});
