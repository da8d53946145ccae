import type { RunSummary } from '../../addin/compute/run-workbook';
import { MESSAGES } from '../../addin/taskpane/i18n';
import { headline, lowestStatusQuoDscr } from '../../addin/taskpane/summary-card';
import { eligibilityText } from '../../addin/taskpane/summary-table';

/** A run of two strategies over ±0 / +0.50% / +1.00%, each cell by its lowest DSCR (pass ≥ 1.0). */
function summary(statusQuo: number[], other: number[], names = ['現状維持', '借換え']): RunSummary {
  const cell = (x: number) => ({
    pass: x >= 1,
    lowestDscr: x,
    failedChecks: x >= 1 ? [] : ['DSCR'],
    eligible: '—',
  });
  return {
    borrower: '湯けむり旅館',
    strategies: names.map((name, i) => ({ id: `s${i}`, name })),
    rows: ['±0', '+0.50%', '+1.00%'].map((shockLabel, k) => ({
      shockLabel,
      cells: [cell(statusQuo[k]), cell(other[k])],
    })),
    monteCarloFailure: null,
  } as unknown as RunSummary;
}

describe('the result card headline', () => {
  test('where the status quo first fails, in %pt, and who passes everywhere (Japanese, no space after 。)', () => {
    const s = summary([1.2, 0.95, 0.9], [1.3, 1.2, 1.1]);
    expect(headline(s, MESSAGES.ja)).toBe(
      '現状維持は +0.50%pt で不合格になります。すべてのショックで合格する戦略: 借換え。',
    );
    expect(lowestStatusQuoDscr(s)).toBe(0.9);
  });

  test('English: two sentences with a space between, opening with a capital', () => {
    const s = summary([1.2, 0.95, 0.9], [1.3, 0.99, 1.1], ['status quo', 'refinance']);
    expect(headline(s, MESSAGES.en)).toBe(
      'Status quo fails from +0.50%pt. No strategy passes under every shock.',
    );
  });

  test('failing without any shock is said as such, not as "from ±0"', () => {
    const s = summary([0.36, 0.3, 0.2], [1.3, 1.2, 1.1], ['status quo', 'plan with a DDS']);
    expect(headline(s, MESSAGES.en)).toBe(
      'Status quo fails even if rates stay where they are. Passing under every shock: plan with a DDS.',
    );
    expect(headline(summary([0.36, 0.3, 0.2], [1.3, 1.2, 1.1]), MESSAGES.ja)).toBe(
      '現状維持は金利が今のままでも不合格です。すべてのショックで合格する戦略: 借換え。',
    );
  });

  test('all passing', () => {
    expect(headline(summary([1.2, 1.1, 1.0], [1.3, 1.2, 0.5]), MESSAGES.ja)).toBe(
      '現状維持はすべてのショックで全チェック合格です。すべてのショックで合格する戦略はありません。',
    );
  });
});

test('eligibility marks in the pane’s language: the workbook’s Japanese marks become English', () => {
  expect(['✗ 要件外', '△ 要確認', '✓', '—'].map((x) => eligibilityText(x, MESSAGES.en))).toEqual([
    '✗ not eligible',
    '△ check',
    '✓',
    '—',
  ]);
  expect(eligibilityText('△ 要確認', MESSAGES.ja)).toBe('△ 要確認');
});
