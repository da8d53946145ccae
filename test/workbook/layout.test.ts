import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_PROGRAMS, parseCaseFile, simulate } from '../../engine';
import { OUTPUT_SHEETS, isFormula, renderResults } from '../../workbook';
import {
  displayWidth,
  fitColumns,
  floorDscr,
  formatDscr,
  formattedText,
  headerLines,
  numberFormats,
  textLines,
  withUnit,
} from '../../workbook/layout';
import { caseLesson, strategyHeadline } from '../../workbook/headline';
import { cellText } from '../../addin/taskpane/summary-table';

describe('display width: full-width characters count double', () => {
  test.each([
    ['DSCR', 4],
    ['利息計', 6],
    ['利息計 / total interest', 6 + 3 + 14],
    ['＋１．００％', 12], // full-width forms
    ['✓ 1.02', 2 + 5],
    ['△12.3%', 2 + 5],
  ])('%s is %i wide', (text, width) => expect(displayWidth(text)).toBe(width));
});

describe('the one DSCR rule (pane, terminal and workbook): two decimals cut toward failing', () => {
  test.each([
    [0.998, 0.99, '0.99'], // rounding would show a failing value as the passing 1.00
    [0.97999, 0.97, '0.97'],
    [1.0, 1.0, '1.00'],
    [1.004, 1.0, '1.00'],
    [1.15, 1.15, '1.15'], // 1.15 × 100 = 114.99999999999999 in floating point
    [2.675, 2.67, '2.67'],
    [0.99999999999, 0.99, '0.99'],
    [-0.123, -0.13, '-0.13'], // toward failing is down for negatives too
  ])('%d → %d (%s)', (value, cut, text) => {
    expect(floorDscr(value)).toBe(cut);
    expect(formatDscr(value)).toBe(text);
  });

  test('no debt service: — (∞ where the Monte Carlo table says so)', () => {
    expect(formatDscr(null)).toBe('—');
    expect(formatDscr(null, '∞')).toBe('∞');
  });

  test("the task pane's cell text uses it: the issue's 0.97 / 0.98 cannot differ", () => {
    expect(cellText({ pass: false, lowestDscr: 0.9799 })).toBe('✗ 0.97');
    expect(cellText({ pass: false, lowestDscr: 0.998 })).toBe('✗ 0.99');
  });
});

describe('one set of number formats', () => {
  test('amounts in the unit by scaling commas, △ for negatives, or - when the case asks', () => {
    expect(numberFormats('yen').amount).toBe('#,##0;"△"#,##0;0');
    expect(numberFormats('thousand').amount).toBe('#,##0,;"△"#,##0,;0');
    expect(numberFormats('million').amount).toBe('#,##0,,;"△"#,##0,,;0');
    expect(numberFormats('thousand', 'minus').amount).toBe('#,##0,;-#,##0,;0');
    expect(numberFormats('thousand').ratio).toBe('0.00;"△"0.00;0');
  });

  test('what the formats show (for widths): 10,773,958 yen in 千円 is 10,774', () => {
    const f = numberFormats('thousand');
    expect(formattedText(10_773_958, f.amount)).toBe('10,774');
    expect(formattedText(-10_773_958, f.amount)).toBe('△10,774');
    expect(formattedText(-10_773_958, numberFormats('yen', 'minus').amount)).toBe('-10,773,958');
    expect(formattedText(-0.1234, f.percent)).toBe('△12.3%');
    expect(formattedText(0.0123, f.rate)).toBe('1.230%');
    expect(formattedText(2027, '0"年3月期"')).toBe('2027年3月期');
  });

  test('the unit goes into the Japanese part of a bilingual header', () => {
    expect(withUnit('利息計 / total interest', numberFormats('thousand'))).toBe(
      '利息計（千円） / total interest',
    );
  });
});

describe('widths and two-line headers', () => {
  test('a header wraps after its Japanese part; the column is as wide as the longer line', () => {
    expect(headerLines('利息計 / total interest')).toEqual(['利息計 /', 'total interest']);
    const fitted = fitColumns({
      name: 's',
      cells: [],
      highlights: [],
      charts: [],
      tables: [
        {
          name: 'T',
          row: 1,
          column: 1,
          columns: [
            { header: '利息計 / total interest', numberFormat: '#,##0' },
            { header: '理由 / reason' },
          ],
          rows: [[12_345_678, 'あ'.repeat(40)]],
        },
      ],
    });
    const [interest, reason] = fitted.tables[0].columns;
    // "total interest" (14) is longer than "利息計 /" (8) and "12,345,678" (10); + 3 padding.
    expect(interest).toMatchObject({ width: 17, wrap: false });
    // 40 full-width characters are 80 wide: capped at 50, wrapped on two lines.
    expect(reason).toMatchObject({ width: 50, wrap: true });
    expect(fitted.rowHeights).toEqual({ 1: 34, 2: 34 });
  });

  test('a long sentence is cut into lines that fit, at punctuation where it can be', () => {
    const lines = textLines('あいうえお、かきくけこ、さしすせそ。/ The English part follows.', 16);
    expect(lines).toEqual([
      'あいうえお、',
      'かきくけこ、',
      'さしすせそ。',
      'The English',
      'part follows.',
    ]);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(16);
  });
});

describe('the summary of the lodging case', () => {
  const file = join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json');
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = parseCaseFile(raw);
  if (!parsed.ok) throw new Error('case');
  const c = parsed.value;
  const outcome = simulate(c, CATALOG_PROGRAMS);
  if (!outcome.ok) throw new Error('simulate');
  const results = outcome.results;

  test('one sentence per strategy: the shock at which each check first fails and its year', () => {
    // From the grid (the terminal's table): status quo fails cash at +0.50 % (2031), DSCR at
    // +1.00 % (2027), 債務償還年数 at +2.00 % (plan end 2031); the refinancing only the last.
    expect(strategyHeadline(c, results, 'status-quo')).toBe(
      '現状維持: +0.50% で資金繰り不足 (2031年3月期)、+1.00% でDSCR 1.0 割れ (2027年3月期)、+2.00% で債務償還年数 10年超 (2031年3月期)。',
    );
    expect(strategyHeadline(c, results, 'crisis-20y')).toBe(
      '危機対応後経営安定貸付 20年に一本化: +1.00% で債務償還年数 10年超 (2031年3月期)。',
    );
    expect(caseLesson(results, raw.lesson)).toBe(raw.lesson);
    // Without a file's lesson: what the largest shock says.
    expect(caseLesson(results)).toBe(
      '+2.00% ではどの戦略も抵触する。最低DSCRが最も高いのは 危機対応後経営安定貸付 20年に一本化 (1.03)。',
    );
  });

  test('matrix cells are short (✓/✗ and the lowest DSCR); checks are named in Japanese only', () => {
    const patch = renderResults(c, results, { lesson: raw.lesson });
    const summary = patch.sheets.find((s) => s.name === OUTPUT_SHEETS.summary)!;
    const matrix = summary.tables.find((t) => t.name === 'RateShockMatrix')!;
    expect(matrix.rows[0]).toEqual([
      '現状維持 / status quo',
      '✓ 1.02',
      '✓ 1.01',
      '✗ 1.00',
      '✗ 0.97',
      '✗ 0.93',
    ]);
    const details = patch.sheets.find((s) => s.name === OUTPUT_SHEETS.details)!;
    const failures = details.tables.find((t) => t.name === 'RateShockFailures')!;
    expect(failures.rows[0]).toEqual([
      '現状維持 / status quo',
      '+0.50%',
      '資金繰り (月末現預金)',
      '≥ 0',
      '2031年3月期',
    ]);
    const ids = /dscr|debt-years-at-end|cash-floor|profit-within|solvency-within|rebirth-phase/;
    for (const sheet of patch.sheets) {
      for (const cell of sheet.cells) expect(String(cell.value)).not.toMatch(ids);
      for (const t of sheet.tables.filter((x) => x.name !== 'RateShockChecks')) {
        for (const row of t.rows)
          for (const v of row) if (!isFormula(v)) expect(String(v)).not.toMatch(ids);
      }
    }
  });

  test("a case asking for `-` gets it: the case file's profile.negatives", () => {
    const minus = parseCaseFile({ ...raw, profile: { ...raw.profile, negatives: 'minus' } });
    if (!minus.ok) throw new Error('case');
    const patch = renderResults(minus.value, results);
    const fy = patch.sheets.find((s) => s.name === OUTPUT_SHEETS.fiscalYears)!.tables[0];
    expect(fy.columns[4]).toMatchObject({
      header: '売上高（千円） / revenue',
      numberFormat: '#,##0,;-#,##0,;0',
    });
    const plan = patch.sheets.find((s) => s.name === OUTPUT_SHEETS.numericPlan)!;
    // 計数計画's 現預金 (row 8 + 12), the status quo block (columns 9…; 2029 is column 13) at
    // +2.00 %: year-end cash is negative there.
    const cash = results.cells.find(
      (x) => x.strategyId === 'status-quo' && x.shockLabel === '+2.00%',
    )!.years[2].cash;
    expect(cash).toBeLessThan(0);
    expect(plan.cells.find((x) => x.row === 20 && x.column === 13)).toMatchObject({
      numberFormat: '#,##0,;-#,##0,;0',
      value: { result: cash },
    });
  });

  test('cells with no value are left empty, never empty strings', () => {
    for (const sheet of renderResults(c, results).sheets) {
      for (const t of sheet.tables) for (const row of t.rows) expect(row).not.toContain('');
      for (const cell of sheet.cells) expect(cell.value).not.toBe('');
    }
  });
});
