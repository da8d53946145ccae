import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogPrograms, parseCaseFile, simulate } from '../../engine';
import { PLAN_OUTPUT_SHEETS, planSheets } from '../../workbook';
import { formattedText } from '../../workbook/layout';

/**
 * The council plan's sheets show negatives as the case's statements do (△), like every other
 * sheet: printed, 実態BS's adjustments read "△6,000,000", not "-6,000,000".
 */
function councilSheets(negatives?: 'minus') {
  const file = join(__dirname, '../../scenarios/council-pro-rata.case.json');
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  if (negatives) raw.profile.negatives = negatives;
  const parsed = parseCaseFile(raw);
  if (!parsed.ok) throw new Error('case');
  const outcome = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
  if (!outcome.ok) throw new Error('simulate');
  return planSheets(parsed.value, outcome.results);
}

const shown = (negatives?: 'minus') => {
  const sheet = councilSheets(negatives).find((s) => s.name === PLAN_OUTPUT_SHEETS.substantive)!;
  const adjustments = sheet.tables.find((t) => t.name === 'RateShockAdjustments')!;
  const amount = adjustments.columns[1];
  // The first adjustment: 2年前の滞留在庫, −6,000,000 yen.
  expect(adjustments.rows[0][1]).toBe(-6_000_000);
  return formattedText(-6_000_000, amount.numberFormat);
};

test('実態BS adjustments: △6,000,000 by default, -6,000,000 when the case asks for minus', () => {
  expect(shown()).toBe('△6,000,000');
  expect(shown('minus')).toBe('-6,000,000');
});

test('金融機関別返済計画: every yen column shows △ for negatives', () => {
  const sheet = councilSheets().find((s) => s.name === PLAN_OUTPUT_SHEETS.repayment)!;
  const block = sheet.tables.find((t) => t.name === 'RateShockPlanBlock')!;
  const yenColumns = block.columns.filter((x) => x.numberFormat?.startsWith('#,##0'));
  expect(yenColumns.length).toBeGreaterThan(3);
  for (const column of yenColumns) expect(formattedText(-1234, column.numberFormat)).toBe('△1,234');
});
