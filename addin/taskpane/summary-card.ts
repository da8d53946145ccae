import type { RunSummary } from '../compute/run-workbook';
import { el } from './dom';
import { Language, Messages, inLanguage } from './i18n';
import { loanTable } from './loan-table';
import { summaryTable } from './summary-table';

/**
 * A shock as the pane writes it: percentage points, "+0.25%pt" (the engine's labels say "+0.25%").
 * @example shockText('+0.25%') // '+0.25%pt'
 * @example shockText('ramp +0.25%/6m→+2.00%') // 'ramp +0.25%pt/6m→+2.00%pt'
 */
export function shockText(label: string): string {
  return label.replace(/%(?!pt)/g, '%pt');
}

/** The lowest DSCR a value can show: cut to two decimals, as the matrix shows it. */
const dscrText = (x: number | null) =>
  x === null ? '—' : (Math.floor(x * 100 + 1e-9) / 100).toFixed(2);

/**
 * The headline of a run: where the status quo (the first strategy) first fails, and which
 * strategies pass under every shock.
 */
export function headline(summary: RunSummary, m: Messages): string {
  const base = summary.strategies[0]?.name ?? '';
  const firstBreak = summary.rows.find((r) => !r.cells[0]?.pass);
  const first = firstBreak
    ? m.headlineBreaks.replace('{base}', base).replace('{shock}', shockText(firstBreak.shockLabel))
    : m.headlineAllPass.replace('{base}', base);
  const holding = summary.strategies
    .slice(1)
    .filter((_, k) => summary.rows.every((r) => r.cells[k + 1].pass))
    .map((s) => s.name);
  if (summary.strategies.length < 2) return first;
  const rest = holding.length
    ? m.headlineHolds.replace('{names}', holding.join('、'))
    : m.headlineNoneHolds;
  return `${first}${rest}`;
}

/** The status quo's lowest DSCR over every shock. */
export function lowestStatusQuoDscr(summary: RunSummary): number | null {
  const values = summary.rows
    .map((r) => r.cells[0]?.lowestDscr)
    .filter((x): x is number => typeof x === 'number');
  return values.length ? Math.min(...values) : null;
}

/**
 * After a run: a compact card (the ✓/✗ matrix, the headline, the lowest DSCR) with the detailed
 * table folded behind it.
 */
export function resultCard(bilingual: RunSummary, m: Messages, language: Language): HTMLElement {
  // Strategy names from the workbook, in the pane's language only.
  const summary: RunSummary = {
    ...bilingual,
    strategies: bilingual.strategies.map((s) => ({ ...s, name: inLanguage(s.name, language) })),
  };
  const matrix = el('table', { class: 'matrix', 'data-testid': 'matrix' }, [
    el('thead', {}, [
      el('tr', {}, [
        el('th', {}, [m.shockColumn]),
        ...summary.strategies.map((s) => el('th', { title: s.name }, [s.name])),
      ]),
    ]),
    el(
      'tbody',
      {},
      summary.rows.map((r) =>
        el('tr', {}, [
          el('th', {}, [shockText(r.shockLabel)]),
          ...r.cells.map((c) =>
            el('td', { class: c.pass ? 'pass' : 'fail' }, [c.pass ? '✓' : '✗']),
          ),
        ]),
      ),
    ),
  ]);
  const detail = summaryTable(summary, m);
  for (const th of detail.querySelectorAll('tbody th'))
    th.textContent = shockText(th.textContent ?? '');
  return el('section', { class: 'card', 'data-testid': 'result-card' }, [
    el('h2', {}, [`${m.resultHeading}: ${summary.borrower}`]),
    el('p', { class: 'headline', 'data-testid': 'headline' }, [headline(summary, m)]),
    el('p', { class: 'metric' }, [
      el('span', { class: 'metric-label' }, [m.lowestDscr]),
      el('span', { class: 'metric-value', 'data-testid': 'lowest-dscr' }, [
        dscrText(lowestStatusQuoDscr(summary)),
      ]),
    ]),
    matrix,
    el('details', { class: 'detail' }, [
      el('summary', {}, [m.detailTable]),
      detail,
      ...(summary.loans?.length ? [loanTable(summary.loans, m, language)] : []),
    ]),
  ]);
}
