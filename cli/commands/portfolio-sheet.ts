import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotValue } from '../../workbook';
import { InputError, readInputFile } from '../read-input';
import { readXlsxSnapshot } from '../xlsx/read-xlsx';

/** A cell as CSV text: numbers as typed, text quoted when it must be. */
function csvCell(v: SnapshotValue): string {
  if (v === null) return '';
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Runs `use` on the firms table of an .xlsx (the first Excel table with an `id` column, e.g.
 * `ID / id`) as CSV, so a workbook goes through the same streaming stress as a CSV file. The
 * CSV starts with blank lines up to the table's header row, so every error names the sheet's
 * row. The temporary copy lives in a private directory and is removed afterwards.
 */
export async function withFirmsSheetAsCsv<T>(
  path: string,
  use: (csvPath: string, label: string) => Promise<T>,
): Promise<T> {
  let snapshot;
  try {
    snapshot = readXlsxSnapshot(readInputFile(path));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: ${(e as Error).message}`);
  }
  const table = snapshot.tables.find((t) =>
    t.headers.some((h) => /(^|\/)\s*id\s*$/i.test(h.trim())),
  );
  if (!table) {
    throw new InputError(
      `${path}: no table with an "id" column / "id" 列のある表がありません (add an Excel table of firms; see the CSV columns)`,
    );
  }
  const lines = [
    ...Array.from({ length: table.headerRow - 1 }, () => ''),
    table.headers.map(csvCell).join(','),
    ...table.rows.map((row) => (row.every((v) => v === null) ? '' : row.map(csvCell).join(','))),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'rateshock-firms-'));
  try {
    const csv = join(dir, 'firms.csv');
    writeFileSync(csv, lines.join('\n') + '\n', { mode: 0o600 });
    return await use(csv, `${path} (${table.sheet}!${table.name})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
