import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkbookPatch, WorkbookSnapshot, inputTemplate } from '../../workbook';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { applyEdits, snapshotOfPatch } from '../support/patch-snapshot';
import { BAD_INPUTS } from '../workbook/bad-input-catalogue';
import { runCli } from './run-cli';

/** The template patch with an edited snapshot's tables, headers and sheets put back. */
function patchOf(template: WorkbookPatch, edited: WorkbookSnapshot): WorkbookPatch {
  return {
    ...template,
    sheets: template.sheets
      .filter((s) => edited.sheetNames.includes(s.name))
      .map((s) => ({
        ...s,
        tables: s.tables.flatMap((t) => {
          const e = edited.tables.find((x) => x.name === t.name);
          if (!e) return [];
          return [
            {
              ...t,
              columns: t.columns.map((c, j) => ({ ...c, header: e.headers[j] })),
              rows: e.rows,
            },
          ];
        }),
      })),
  };
}

/**
 * The catalogue of bad input replayed on real .xlsx files through the command line: each is
 * reported at its cell in Japanese and English, the run exits 1 and writes nothing.
 */
describe('bad input workbooks through `rateshock run`', () => {
  const template = inputTemplate();
  const snapshot = snapshotOfPatch(template);
  const dir = mkdtempSync(join(tmpdir(), 'rateshock-bad-'));

  test('the catalogue holds at least 25 kinds', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(25);
  });

  test.each(BAD_INPUTS.map((b, i) => [i, b.title] as const))('%i %s', (i) => {
    const bad = BAD_INPUTS[i];
    const input = join(dir, `bad-${i}.xlsx`);
    const out = join(dir, `out-${i}.xlsx`);
    writeFileSync(
      input,
      Buffer.concat(writeXlsx(patchOf(template, applyEdits(snapshot, bad.edits)))),
    );
    const r = runCli('run', input, '-o', out);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n').map((l) => l.replace(/^\s+- /, ''));
    const line = lines.find((l) => l.startsWith(`${bad.expected.address}: `));
    expect(line).toBeDefined();
    // `address: 日本語 (value: …) / address: English (value: …)`
    const withoutValue = (s: string) => s.replace(/ \(value: .*\)$/, '');
    const [ja, en] = line!.split(` / ${bad.expected.address}: `).map(withoutValue);
    expect(ja.slice(bad.expected.address.length + 2)).toMatch(bad.expected.ja);
    expect(en).toMatch(bad.expected.en);
    expect(existsSync(out)).toBe(false);
  });
});
