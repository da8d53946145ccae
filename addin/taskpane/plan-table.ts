import type { Results } from '../../engine';
import { el } from './dom';
import { Language, Messages, inLanguage } from './i18n';
import { shockText } from './shock-text';

/** What the pane shows of a council plan: per lender its share and recoveries, per shock ✓/✗. */
export interface PanePlan {
  strategyId: string;
  name: string;
  basis: 'balance' | 'unsecured';
  liquidationRate: number | null;
  shockLabels: string[];
  lenders: {
    lender: string;
    share: number;
    baseBalance: number;
    unsecured: number;
    /** Σ repayments over the plan, unshocked. */
    repaid: number;
    /** 経済合理性 under each shock (null without liquidation values). */
    rational: (boolean | null)[];
  }[];
}

/** The council plans of a run (strategies with a pro-rata-plan), realistic mode. */
export function panePlans(results: Results): PanePlan[] {
  return results.strategies.flatMap((s) => {
    const cells = results.cells.filter(
      (x) => x.strategyId === s.id && x.mode === 'realistic' && x.plan,
    );
    if (cells.length === 0) return [];
    const first = cells[0].plan!;
    return [
      {
        strategyId: s.id,
        name: s.name,
        basis: first.basis,
        liquidationRate: first.liquidationRate,
        shockLabels: cells.map((x) => x.shockLabel),
        lenders: first.lenders.map((l, i) => ({
          lender: l.lender,
          share: l.share,
          baseBalance: l.baseBalance,
          unsecured: l.unsecured,
          repaid: l.years.reduce((sum, y) => sum + y.repayment, 0),
          rational: cells.map((x) => x.plan!.lenders[i].rational),
        })),
      },
    ];
  });
}

const yen = (x: number) => Math.round(x).toLocaleString('en-US');
const mark = (r: boolean | null) => (r === null ? '—' : r ? '✓' : '✗');

/** The rows of a plan's table as text: lender, share, base balance, unsecured, repaid, ✓/✗ per shock. */
export function planRows(plan: PanePlan): string[][] {
  return plan.lenders.map((l) => [
    l.lender,
    `${(l.share * 100).toFixed(1)}%`,
    yen(l.baseBalance),
    yen(l.unsecured),
    yen(l.repaid),
    ...l.rational.map(mark),
  ]);
}

/**
 * 金融機関別返済計画 and 経済合理性 of one plan, in the pane's language only: lender, share,
 * balances, repaid, then one ✓/✗ column per shock (written in %pt, as everywhere in the pane).
 */
export function planTable(plan: PanePlan, m: Messages, language: Language): HTMLTableElement {
  const basis = plan.basis === 'balance' ? m.planBasisBalance : m.planBasisUnsecured;
  const rate =
    plan.liquidationRate === null
      ? ''
      : ` — ${m.planLiquidationRate.replace('{rate}', `${(plan.liquidationRate * 100).toFixed(1)}%`)}`;
  const name = inLanguage(plan.name, language);
  // A name that already says its basis ("再生計画: 残高プロラタ") is not followed by it again.
  const caption = `${name}${name.includes(basis) ? '' : `: ${basis}`}${rate}`;
  const number = { class: 'number' };
  const head = el('tr', {}, [
    el('th', {}, [m.planColumnLender]),
    el('th', number, [m.planColumnShare]),
    el('th', number, [m.planColumnBalance]),
    el('th', number, [m.planColumnUnsecured]),
    el('th', number, [m.planColumnRepaid]),
    ...plan.shockLabels.map((s) => el('th', { title: m.planRationalTitle }, [shockText(s)])),
  ]);
  const rows = planRows(plan).map((cells) =>
    el(
      'tr',
      {},
      cells.map((text, k) =>
        k === 0
          ? el('th', {}, [inLanguage(text, language)])
          : el('td', k >= 5 ? { class: text === '✗' ? 'fail' : 'pass' } : number, [text]),
      ),
    ),
  );
  return el('table', { class: 'summary plan', 'data-testid': `plan-${plan.strategyId}` }, [
    el('caption', {}, [caption]),
    el('thead', {}, [head]),
    el('tbody', {}, rows),
  ]);
}
