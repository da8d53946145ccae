import type { Results } from '../../engine';
import { el } from './dom';

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

const BASIS = {
  balance: '残高プロラタ / by balance',
  unsecured: '非保全残高プロラタ / by unsecured',
};

/** 金融機関別返済計画 and 経済合理性 of one plan, as a table under the summary. */
export function planTable(plan: PanePlan): HTMLTableElement {
  const rate =
    plan.liquidationRate === null
      ? ''
      : ` — 清算配当率 / liquidation rate ${(plan.liquidationRate * 100).toFixed(1)}%`;
  const head = el('tr', {}, [
    el('th', {}, ['金融機関 / lender']),
    el('th', {}, ['シェア / share']),
    el('th', {}, ['基準日残高 / balance']),
    el('th', {}, ['非保全 / unsecured']),
    el('th', {}, [`返済計 / repaid ${plan.shockLabels[0]}`]),
    ...plan.shockLabels.map((s) => el('th', { title: '経済合理性 / economic rationality' }, [s])),
  ]);
  const rows = planRows(plan).map((cells) =>
    el(
      'tr',
      {},
      cells.map((text, k) =>
        el(k === 0 ? 'th' : 'td', k >= 5 ? { class: text === '✗' ? 'fail' : 'pass' } : {}, [text]),
      ),
    ),
  );
  return el('table', { class: 'summary plan', 'data-testid': `plan-${plan.strategyId}` }, [
    el('caption', {}, [`${plan.name}: ${BASIS[plan.basis]}${rate}`]),
    el('thead', {}, [head]),
    el('tbody', {}, rows),
  ]);
}
