import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Case, catalogPrograms, parseCaseFile, simulate } from '../../../engine';
import { WorkbookPatch, renderResults } from '../../../workbook';

const SCENARIO = join(__dirname, '../../../scenarios/lodging-crisis-refinance.case.json');

/** Lender names that Excel would take as a formula if written as typed input. */
export const TRICKY_LENDERS = ['=HYPERLINK("http://x")', '+81-3-1234'];

/**
 * The results patch of the lodging workshop scenario, as `rateshock run` renders it, with the
 * two bank loans' lenders renamed to strings Excel would otherwise parse.
 */
export function lodgingResults(): { c: Case; patch: WorkbookPatch } {
  const json = JSON.parse(readFileSync(SCENARIO, 'utf8')) as {
    loans: { id: string; lender: string }[];
  };
  json.loans.find((l) => l.id === 'Z1')!.lender = TRICKY_LENDERS[0];
  json.loans.find((l) => l.id === 'B1')!.lender = TRICKY_LENDERS[1];
  const parsed = parseCaseFile(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const outcome = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return { c: parsed.value, patch: renderResults(parsed.value, outcome.results) };
}

/** The patch with the schedule table's rows repeated or cut to exactly `rows` rows. */
export function withScheduleRows(patch: WorkbookPatch, rows: number): WorkbookPatch {
  return {
    ...patch,
    sheets: patch.sheets.map((s) => ({
      ...s,
      tables: s.tables.map((t) =>
        t.name === 'RateShockSchedule'
          ? { ...t, rows: Array.from({ length: rows }, (_, i) => t.rows[i % t.rows.length]) }
          : t,
      ),
    })),
  };
}
