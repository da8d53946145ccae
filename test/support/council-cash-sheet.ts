import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogPrograms, parseCaseFile, simulate } from '../../engine';
import { PLAN_OUTPUT_SHEETS, PatchSheet, planSheets } from '../../workbook';

/** The council scenario's 24-month 資金繰り表 as rendered (before the workbook's refit). */
export function councilCashSheet(): PatchSheet {
  const file = join(__dirname, '../../scenarios/council-pro-rata.case.json');
  const parsed = parseCaseFile(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error('case');
  const outcome = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
  if (!outcome.ok) throw new Error('simulate');
  return planSheets(parsed.value, outcome.results).find((s) => s.name === PLAN_OUTPUT_SHEETS.cash)!;
}
