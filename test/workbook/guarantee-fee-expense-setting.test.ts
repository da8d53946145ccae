import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogPrograms, parseCaseFile, simulate } from '../../engine';
import {
  HEADER_ROW,
  SETTINGS,
  describeCellError,
  inputTemplate,
  readCase,
  scenarioTemplate,
} from '../../workbook';
import { Edit, applyEdits, snapshotOfPatch } from '../support/patch-snapshot';

/**
 * 設定 保証料の費用計上 (the case file's `defaults.guaranteeFeeExpense`): 支払時 → "paid",
 * 期間按分 → "spread", read into the Case; a workbook saying 期間按分 projects as the JSON
 * case saying "spread"; anything else is an error at its 設定 cell.
 */
type Json = Record<string, unknown>;
const KEY = 'defaults.guaranteeFeeExpense';
const setting = (value: string | null): Edit => ({ table: 'Settings', key: KEY, value });
const template = snapshotOfPatch(inputTemplate());

describe('設定: 保証料の費用計上', () => {
  test('the template has the row: Japanese label first, the choices as a dropdown, 支払時 filled in', () => {
    const index = SETTINGS.items.findIndex((i) => i.key === KEY);
    expect(index).toBeGreaterThanOrEqual(0);
    const table = inputTemplate()
      .sheets.find((s) => s.name === '設定')!
      .tables.find((t) => t.name === 'Settings')!;
    const row = table.rows[index];
    expect(row.slice(0, 3)).toEqual(['保証料の費用計上 / Guarantee fee in P/L', KEY, '支払時']);
    expect(String(row[3])).toContain('支払時');
    expect(String(row[3])).toContain('期間按分');
    const value = table.columns[2];
    expect(value.rowValidationLists?.[index]).toEqual(['支払時', '期間按分']);
  });

  test.each([
    ['支払時', 'paid'],
    ['期間按分', 'spread'],
    ['按分', 'spread'],
    ['spread', 'spread'],
    [null, undefined],
  ])('%p → %p', (typed, expected) => {
    const read = readCase(applyEdits(template, [setting(typed)]));
    if (!read.ok) throw new Error(read.errors.map(describeCellError).join('\n'));
    expect(read.case.guaranteeFeeExpense).toBe(expected);
  });

  test('anything else: an error naming the 設定 cell, in Japanese and English', () => {
    const read = readCase(applyEdits(template, [setting('毎月')]));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const index = SETTINGS.items.findIndex((i) => i.key === KEY);
    const error = read.errors.find((e) => e.label === '保証料の費用計上')!;
    expect(error).toMatchObject({ sheet: '設定', row: HEADER_ROW + 1 + index, value: '毎月' });
    expect(error.address).toMatch(/^設定!\$?C\$?\d+$/);
    expect(error.messageJa).toContain('支払時, 期間按分');
    expect(error.messageEn).toContain('Guarantee fee in P/L');
  });

  test('a workbook saying 期間按分 projects as the JSON case saying "spread"', () => {
    // The lodging case with Z1's 0.85 % 保証料 paid in one sum when drawn on the as-of date
    // (60,000 千円 × 0.85 % × 120/12 × 0.55 = 2,805 千円): all in year 1, or over its 10 years.
    const raw = JSON.parse(
      readFileSync(join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json'), 'utf8'),
    ) as Json;
    const [z1, ...others] = raw.loans as Json[];
    raw.loans = [{ ...z1, guaranteeFeePayment: 'lump-sum' }, ...others];
    const typed = scenarioTemplate(raw);
    if (!typed.ok) throw new Error(typed.errors.join('\n'));
    const read = readCase(applyEdits(snapshotOfPatch(typed.patch), [setting('期間按分')]));
    if (!read.ok) throw new Error(read.errors.map(describeCellError).join('\n'));
    const spreadJson = parseCaseFile({
      ...raw,
      defaults: { ...(raw.defaults as Json | undefined), guaranteeFeeExpense: 'spread' },
    });
    const paidJson = parseCaseFile(raw);
    if (!spreadJson.ok || !paidJson.ok) throw new Error('the lodging case does not parse');
    expect(read.case).toEqual(spreadJson.value);
    // The case file saying "spread" typed into the sheets (scenarioTemplate) gives 期間按分.
    const withSpread = scenarioTemplate({ ...raw, defaults: { guaranteeFeeExpense: 'spread' } });
    if (!withSpread.ok) throw new Error(withSpread.errors.join('\n'));
    const settings = withSpread.patch.sheets
      .flatMap((sh) => sh.tables)
      .find((t) => t.name === 'Settings')!;
    expect(settings.rows.find((r) => r[1] === KEY)?.[2]).toBe('期間按分');
    const typedBack = readCase(snapshotOfPatch(withSpread.patch));
    if (!typedBack.ok) throw new Error(typedBack.errors.map(describeCellError).join('\n'));
    expect(typedBack.case).toEqual(spreadJson.value);

    const run = (c: typeof read.case) => {
      const out = simulate(c, catalogPrograms(c.programOverrides));
      if (!out.ok) throw new Error(JSON.stringify(out.errors));
      return out.results.cells.map((cell) => cell.years.map((y) => y.ordinaryProfit));
    };
    const fromSheets = run(read.case);
    expect(fromSheets).toEqual(run(spreadJson.value));
    // The setting matters: status quo (±0), year 1 bears 2,805,000 paid, or spread its 13 months
    // of the term (the drawdown month, March 2026, counts in year 1): ⌊2,805,000 × 13 ÷ 120⌋ =
    // 303,875, so 2,501,125 more 経常利益; year 2 bears 2,805,000 × 12 ÷ 120 = 280,500 more.
    const paid = run(paidJson.value);
    expect(fromSheets[0][0] - paid[0][0]).toBe(2_501_125);
    expect(fromSheets[0][1] - paid[0][1]).toBe(-280_500);
  });
});
