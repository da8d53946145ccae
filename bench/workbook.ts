import { CATALOG_PROGRAMS, simulate } from '../engine';
import { OUTPUT_SHEETS, renderResults } from '../workbook';
import { writeXlsx } from '../cli/xlsx/write-xlsx';
import { syntheticCase } from './grid-case';

/** Time to render and write the largest output: 30 loans × 240 months × 5 shocks × 4 strategies. */
export function workbookFigures() {
  const c = syntheticCase();
  const outcome = simulate(c, CATALOG_PROGRAMS);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  let t0 = process.hrtime.bigint();
  const patch = renderResults(c, outcome.results);
  const renderMs = Number(process.hrtime.bigint() - t0) / 1e6;
  t0 = process.hrtime.bigint();
  const chunks = writeXlsx(patch);
  const writeMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const schedule = patch.sheets.find((s) => s.name === OUTPUT_SHEETS.schedule)!;
  return {
    scheduleRows: schedule.tables[0].rows.length,
    renderMs,
    writeMs,
    bytes: chunks.reduce((n, c) => n + c.length, 0),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
