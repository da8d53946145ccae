import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { INPUT_SHEET_NAMES, RESULT_SHEET_NAMES } from '../../workbook';
import { readXlsxSnapshot } from '../../cli/xlsx/read-xlsx';
import { runCli } from './run-cli';

const workdir = () => mkdtempSync(join(tmpdir(), 'rateshock-wb-'));

/** Sheet name → its part's bytes (and its tables' bytes), from an .xlsx. */
function sheetParts(path: string): Map<string, Uint8Array[]> {
  const files = unzipSync(readFileSync(path));
  const workbook = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const out = new Map<string, Uint8Array[]>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    const part = `xl/${target}`;
    const sheetRels = files[part.replace(/([^/]+)$/, '_rels/$1.rels')];
    const tables = sheetRels
      ? [...strFromU8(sheetRels).matchAll(/Target="\.\.\/tables\/([^"]+)"/g)].map(
          (t) => files[`xl/tables/${t[1]}`],
        )
      : [];
    out.set(m[1], [files[part], ...tables]);
  }
  return out;
}

/** The template filled the way a user would: in a spreadsheet program (exceljs here). */
async function filledTemplate(dir: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const template = join(dir, 'template.xlsx');
  expect(runCli('template', '-o', template).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  edit(wb);
  const input = join(dir, 'input.xlsx');
  await wb.xlsx.writeFile(input);
  return input;
}

describe('rateshock template / run with workbooks', () => {
  test('template → filled → run → out.xlsx: input sheets byte for byte, results added, JSON agrees', async () => {
    const dir = workdir();
    const input = await filledTemplate(dir, (wb) => {
      const loans = wb.getWorksheet('借入一覧')!;
      loans.getCell('D5').value = 150000; // 残高 (千円)
      // A lender whose name looks like a formula or a phone number stays text.
      loans.getCell('C5').value = '=HYPERLINK("http://example.invalid")';
    });
    const out = join(dir, 'out.xlsx');
    const json = join(dir, 'out.json');
    const r = runCli('run', input, '-o', out, '--json', json);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`書き出し / written: ${out}`);

    const before = sheetParts(input);
    const after = sheetParts(out);
    expect([...after.keys()]).toEqual([...INPUT_SHEET_NAMES, ...RESULT_SHEET_NAMES]);
    for (const name of INPUT_SHEET_NAMES) {
      expect(Buffer.from(after.get(name)![0]).equals(Buffer.from(before.get(name)![0]))).toBe(true);
      expect(after.get(name)!.length).toBe(before.get(name)!.length);
    }
    // …and the same values read back.
    const inTables = readXlsxSnapshot(readFileSync(input)).tables;
    const outTables = readXlsxSnapshot(readFileSync(out)).tables;
    for (const t of inTables) expect(outTables.find((x) => x.name === t.name)).toEqual(t);

    // The results: the schedule's first loan is the 150,000 千円 loan, its lender text.
    const results = JSON.parse(readFileSync(json, 'utf8'));
    const schedule = outTables.find((t) => t.name === 'RateShockSchedule')!;
    expect(schedule.rows[0][5]).toBe('=HYPERLINK("http://example.invalid")');
    expect(schedule.rows[0][10]).toBe(150_000_000);
    const fy = outTables.find((t) => t.name === 'RateShockFiscalYears')!;
    expect(fy.rows).toHaveLength(results.cells.length * results.cells[0].years.length);
    expect(fy.rows[0][8]).toBe(results.cells[0].years[0].interest);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const lenderCell = wb.getWorksheet('返済予定表')!.getCell('F2');
    expect(lenderCell.type).toBe(ExcelJS.ValueType.String);
  });

  test('running the output again replaces the result sheets and keeps the input', async () => {
    const dir = workdir();
    const input = await filledTemplate(dir, () => {});
    const first = join(dir, 'first.xlsx');
    const second = join(dir, 'second.xlsx');
    expect(runCli('run', input, '-o', first).code).toBe(0);
    expect(runCli('run', first, '-o', second).code).toBe(0);
    const a = sheetParts(first);
    const b = sheetParts(second);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const name of INPUT_SHEET_NAMES) {
      expect(Buffer.from(b.get(name)![0]).equals(Buffer.from(a.get(name)![0]))).toBe(true);
    }
    const tables = readXlsxSnapshot(readFileSync(second)).tables.map((t) => t.name);
    expect(new Set(tables).size).toBe(tables.length);
  });

  test('input errors: every error by cell, exit 1, and no output file', async () => {
    const dir = workdir();
    const input = await filledTemplate(dir, (wb) => {
      wb.getWorksheet('借入一覧')!.getCell('D5').value = 'abc';
      wb.getWorksheet('借入一覧')!.getCell('E5').value = 0;
    });
    const out = join(dir, 'out.xlsx');
    const r = runCli('run', input, '-o', out, '--json', join(dir, 'out.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/借入一覧!D5: 残高 は数値で入力してください/);
    expect(r.err).toMatch(/借入一覧!E5: /);
    expect(r.err).toMatch(/入力エラー 2 件/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  test('a file that is not a workbook is an input error naming it', () => {
    const dir = workdir();
    const bogus = join(dir, 'bogus.xlsx');
    writeFileSync(bogus, 'not a zip');
    const r = runCli('run', bogus, '-o', join(dir, 'out.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bogus\.xlsx: not an \.xlsx workbook/);
  });

  test('a case file writes a workbook of the result sheets only', () => {
    const dir = workdir();
    const out = join(dir, 'lodging.xlsx');
    const r = runCli(
      'run',
      join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json'),
      '-o',
      out,
    );
    expect(r.code).toBe(0);
    expect([...sheetParts(out).keys()]).toEqual(RESULT_SHEET_NAMES);
  });
});
