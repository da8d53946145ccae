import { Case, GridCell, Results } from '../engine';
import { formatDscr } from './layout/dscr-display';

/** Short Japanese phrases for a failed check, as a credit officer says them. */
function breachPhrase(c: Case, id: string, nameJa: string): string {
  const t = c.thresholds;
  switch (id) {
    case 'dscr':
      return `DSCR ${t.minDscr.toFixed(1)} 割れ`;
    case 'debt-years-at-end':
      return `債務償還年数 ${t.maxDebtYearsAtPlanEnd}年超`;
    case 'profit-within':
      return '経常黒字化せず';
    case 'solvency-within':
      return '実質債務超過が解消せず';
    case 'cash-floor':
      return '資金繰り不足';
    case 'rebirth-phase':
      return '再生フェーズ';
    default:
      return `${nameJa} 抵触`;
  }
}

const fiscalLabel = (c: Case, year: number) => `${year}年${c.profile.fiscalYearEndMonth}月期`;
const shortName = (name: string) => name.split(' / ')[0];

/** The cells a headline reads: realistic mode when the case has it, in the order of shocks. */
function headlineCells(results: Results, strategyId: string): GridCell[] {
  const cells = results.cells.filter((x) => x.strategyId === strategyId);
  const realistic = cells.filter((x) => x.mode === 'realistic');
  return realistic.length ? realistic : cells;
}

/**
 * One sentence per strategy: under which shock each check first fails, and from which year —
 * 「現状維持: +0.50% で資金繰り不足 (2031年3月期)、+1.00% で DSCR 1.0 割れ (2027年3月期)。」
 * A check already failing without a shock is said as such; a strategy that passes everything
 * says up to which shock, with its lowest DSCR there.
 */
export function strategyHeadline(c: Case, results: Results, strategyId: string): string {
  const strategy = results.strategies.find((s) => s.id === strategyId)!;
  const cells = headlineCells(results, strategyId);
  const phrases: string[] = [];
  const said = new Set<string>();
  for (const cell of cells) {
    const breaches = cell.checks
      .filter((ch) => !ch.pass && !said.has(ch.id))
      .sort((a, b) => (a.firstBreachYear ?? 0) - (b.firstBreachYear ?? 0));
    if (breaches.length === 0) continue;
    const what = breaches
      .map((ch) => {
        said.add(ch.id);
        const year = ch.firstBreachYear === null ? '' : ` (${fiscalLabel(c, ch.firstBreachYear)})`;
        return `${breachPhrase(c, ch.id, ch.nameJa)}${year}`;
      })
      .join('・');
    phrases.push(cell.shock === null ? `金利上昇なしでも${what}` : `${cell.shockLabel} で${what}`);
  }
  const name = shortName(strategy.name);
  if (phrases.length) return `${name}: ${phrases.join('、')}。`;
  const last = cells[cells.length - 1];
  return `${name}: ${last.shockLabel} まで全チェック合格 (最低DSCR ${formatDscr(last.summary.lowestDscr)})。`;
}

/**
 * The case's lesson: the case file's `lesson` when it has one, else what the grid says at the
 * largest shock — which strategies still pass every check, or which one holds DSCR best.
 */
export function caseLesson(results: Results, lesson?: string): string {
  if (lesson) return lesson;
  const worst = results.strategies.map((s) => {
    const cells = headlineCells(results, s.id);
    return { s, cell: cells[cells.length - 1] };
  });
  const label = worst[0].cell.shockLabel;
  const passing = worst.filter((w) => w.cell.summary.failedChecks.length === 0);
  if (passing.length) {
    return `${label} でも全チェックに合格するのは ${passing.map((w) => shortName(w.s.name)).join('・')}。`;
  }
  const best = [...worst].sort(
    (a, b) => (b.cell.summary.lowestDscr ?? -Infinity) - (a.cell.summary.lowestDscr ?? -Infinity),
  )[0];
  return `${label} ではどの戦略も抵触する。最低DSCRが最も高いのは ${shortName(best.s.name)} (${formatDscr(best.cell.summary.lowestDscr)})。`;
}
