import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CATALOG_PROGRAMS, parseCaseFile, simulate } from '../../engine';
import { PatchValue, renderResults } from '../../workbook';
import {
  displayWidth,
  fitColumns,
  longestWord,
  measureColumn,
  numberFormats,
  shownText,
} from '../../workbook/layout';

/** The rule measureColumn must equal: every cell's shown text measured (fitColumns before). */
function everyCell(rows: readonly (readonly PatchValue[])[], j: number, format?: string) {
  let width = 0;
  let word = 0;
  for (const row of rows) {
    const text = shownText(row[j] ?? null, format);
    width = Math.max(width, displayWidth(text));
    word = Math.max(word, longestWord(text));
  }
  return { width, word };
}

const FORMATS = [
  undefined,
  'General',
  ...(['yen', 'thousand', 'million'] as const).flatMap((unit) =>
    (['triangle', 'minus'] as const).flatMap((neg) => Object.values(numberFormats(unit, neg))),
  ),
  '0.0 "年"',
  '#,##0 "円"',
];

describe('a column is measured from its extremes, as wide as measuring every cell', () => {
  test('hand-worked: the widest balance and the most negative one (△ counts double)', () => {
    // 10,000 rows: 0, 1,234,567, …, 9,999 × 1,234,567 = 12,344,435,433 ("12,344,435,433", 14)
    // and one -98,765,432,100 ("△98,765,432,100": △ 2 + 14 = 16) among them.
    const rows: PatchValue[][] = Array.from({ length: 10_000 }, (_, i) => [i * 1_234_567]);
    expect(measureColumn(rows, 0, numberFormats('yen').amount)).toEqual({ width: 14, word: 14 });
    rows[5_000] = [-98_765_432_100];
    expect(measureColumn(rows, 0, numberFormats('yen').amount)).toEqual({ width: 16, word: 16 });
    // In thousands (scaling comma): 12,344,435 (10) and △98,765,432 (2 + 10).
    expect(measureColumn(rows, 0, numberFormats('thousand').amount).width).toBe(12);
    // The fitted column: the data (16) and padding 3 beat the header "残高 /" (6).
    const sheet = fitColumns({
      name: 't',
      cells: [],
      highlights: [],
      charts: [],
      tables: [
        {
          name: 'T',
          row: 1,
          column: 1,
          columns: [{ header: '残高 / balance', numberFormat: numberFormats('yen').amount }],
          rows,
        },
      ],
    });
    expect(sheet.tables[0].columns[0].width).toBe(19);
  });

  test('any values under every format the sheets use', () => {
    const value = fc.oneof(
      fc.double({ noNaN: false }),
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.constantFrom(0, -0, 0.5, -0.5, 9.995, 0.99999, 999_999.5, Infinity, -Infinity, 1e21),
      fc.string(),
      fc.constantFrom('通常 / realistic', 'crisis-20y#1 借換', '✓ 1.02', ''),
      fc.boolean(),
      fc.constant(null),
      fc.integer().map((n) => ({ formula: 'A1', result: n })),
    ) as fc.Arbitrary<PatchValue>;
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 1, maxLength: 2 }), { maxLength: 40 }),
        fc.constantFrom(...FORMATS),
        (rows, format) => {
          expect(measureColumn(rows, 0, format)).toEqual(everyCell(rows, 0, format));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  test('every table column of the lodging workbook measures as every cell does', () => {
    const file = join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json');
    const parsed = parseCaseFile(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.ok) throw new Error('case');
    const outcome = simulate(parsed.value, CATALOG_PROGRAMS);
    if (!outcome.ok) throw new Error('simulate');
    let columns = 0;
    for (const sheet of renderResults(parsed.value, outcome.results).sheets) {
      for (const t of sheet.tables) {
        t.columns.forEach((c, j) => {
          expect([sheet.name, c.header, measureColumn(t.rows, j, c.numberFormat)]).toEqual([
            sheet.name,
            c.header,
            everyCell(t.rows, j, c.numberFormat),
          ]);
          columns++;
        });
      }
    }
    expect(columns).toBeGreaterThan(100);
  });
});
