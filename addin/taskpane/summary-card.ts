import type { RunSummary } from '../compute/run-workbook';
import { el } from './dom';
import { Language, Messages, inLanguage } from './i18n';
import { loanTable } from './loan-table';
import { planTable } from './plan-table';
import { shockText } from './shock-text';
import { summaryTable } from './summary-table';

export { shockText };

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
  // The engine labels the unshocked row '±0': failing there is failing at today's rates.
  const first = !firstBreak
    ? m.headlineAllPass.replace('{base}', base)
    : firstBreak.shockLabel === '±0'
      ? m.headlineFailsNow.replace('{base}', base)
      : m.headlineBreaks
          .replace('{base}', base)
          .replace('{shock}', shockText(firstBreak.shockLabel));
  const holding = summary.strategies
    .slice(1)
    .filter((_, k) => summary.rows.every((r) => r.cells[k + 1].pass))
    .map((s) => s.name);
  if (summary.strategies.length < 2) return sentenceCase(first);
  const rest = holding.length
    ? m.headlineHolds.replace('{names}', holding.join(m.listSeparator))
    : m.headlineNoneHolds;
  // Japanese sentences follow each other after 。; English ones need a space.
  return sentenceCase(`${first}${m.sentenceSeparator}${rest}`);
}

/** A sentence opens with a capital: "status quo fails…" (a name from the workbook) → "Status quo fails…". */
const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A wide table scrolls sideways inside the pane instead of widening it; its caption stays above,
 * in the pane's width (inside the table it would be as wide as the table and scroll away).
 */
function scrolling(table: HTMLTableElement): HTMLElement {
  const caption = table.caption;
  const scroller = el('div', { class: 'table-scroll' }, [table]);
  if (!caption) return scroller;
  const id = `${table.dataset.testid ?? 'table'}-caption`;
  table.deleteCaption();
  table.setAttribute('aria-labelledby', id);
  const heading = el('p', { class: 'table-caption', id, 'data-testid': id }, [
    caption.textContent ?? '',
  ]);
  return el('div', { class: 'table-block' }, [heading, scroller]);
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
    borrower: inLanguage(bilingual.borrower, language),
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
    scrolling(matrix),
    el('details', { class: 'detail' }, [
      el('summary', {}, [m.detailTable]),
      scrolling(detail),
      ...(summary.loans?.length ? [scrolling(loanTable(summary.loans, m, language))] : []),
      ...(summary.plans ?? []).map((plan) => scrolling(planTable(plan, m, language))),
    ]),
  ]);
}
