import { formatDscr } from '../../workbook/layout/dscr-display';
import type { RunSummary } from '../compute/run-workbook';
import { el } from './dom';
import type { Messages } from './i18n';

/**
 * A summary cell's text: ✓ or ✗ and the lowest DSCR by the one display rule the workbook and the
 * terminal use (cut to two decimals: a failing 0.998 shows as 0.99, never as a passing "1.00").
 * @example cellText({ pass: false, lowestDscr: 0.998 }) // '✗ 0.99'
 */
export function cellText(c: { pass: boolean; lowestDscr: number | null }): string {
  return `${c.pass ? '✓' : '✗'} ${formatDscr(c.lowestDscr)}`;
}

/**
 * The workbook's eligibility mark (✗ 要件外, △ 要確認, ✓, —) in the pane's language.
 * @example eligibilityText('△ 要確認', { eligibleCheck: '△ check' } as Messages) // '△ check'
 */
export function eligibilityText(mark: string, m: Messages): string {
  if (mark === '✗ 要件外') return m.eligibleNo;
  if (mark === '△ 要確認') return m.eligibleCheck;
  return mark;
}

/** The shock × strategy matrix: ✓/✗ and the lowest DSCR, eligibility under each strategy. */
export function summaryTable(summary: RunSummary, m: Messages): HTMLTableElement {
  const head = el('tr', {}, [
    el('th', {}, [m.shockColumn]),
    ...summary.strategies.map((s) => el('th', { title: s.id }, [s.name])),
  ]);
  const rows = summary.rows.map((row) =>
    el('tr', {}, [
      el('th', {}, [row.shockLabel]),
      ...row.cells.map((c) =>
        el(
          'td',
          {
            class: c.pass ? 'pass' : 'fail',
            title: c.failedChecks.length > 0 ? c.failedChecks.join(', ') : '',
          },
          [cellText(c)],
        ),
      ),
    ]),
  );
  const eligibility = el('tr', {}, [
    el('th', {}, [m.eligibility]),
    ...summary.strategies.map((_, k) =>
      el('td', {}, [eligibilityText(summary.rows[0].cells[k].eligible, m)]),
    ),
  ]);
  const monteCarlo = summary.monteCarloFailure
    ? [
        el('tr', {}, [
          el('th', {}, [m.monteCarloRow]),
          ...summary.monteCarloFailure.map((p) => el('td', {}, [`${(p * 100).toFixed(1)}%`])),
        ]),
      ]
    : [];
  return el('table', { class: 'summary', 'data-testid': 'summary' }, [
    el('caption', {}, [`${summary.borrower} — ${m.summaryHeading}`]),
    el('thead', {}, [head]),
    el('tbody', {}, [...rows, eligibility, ...monteCarlo]),
  ]);
}
