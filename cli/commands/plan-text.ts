import { Case, GridCell, Results } from '../../engine';
import { formatYen, renderTable } from '../terminal-table';

const BASIS_JA = { balance: '残高プロラタ', unsecured: '非保全残高プロラタ' } as const;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * The council plan of each strategy with a `pro-rata-plan`, for the terminal: per lender its
 * base-date figures and share, then under each shock its repayments over the plan and whether
 * it recovers more than in liquidation (✓/✗); below, the yearly budget and the years until
 * 債務償還年数 ≤ the threshold.
 */
export function planText(c: Case, results: Results): string[] {
  const blocks: string[] = [];
  for (const strategy of results.strategies) {
    const cells = results.cells.filter(
      (cell) => cell.strategyId === strategy.id && cell.plan && cell.mode === 'realistic',
    );
    if (cells.length === 0) continue;
    const first = cells[0].plan!;
    const title = `金融機関別返済計画 / repayment plan by lender — ${strategy.name} (${BASIS_JA[first.basis]} / ${first.basis}, FCF × ${pct(first.fcfShare)}${first.liquidationRate === null ? '' : `, 清算配当率 ${pct(first.liquidationRate)}`})`;
    const header = [
      '金融機関 / lender',
      '基準日残高',
      '保全',
      '非保全残高',
      'シェア',
      ...cells.map((cell) => `返済計 ${cell.shockLabel}`),
      ...cells.map((cell) => `経済合理性 ${cell.shockLabel}`),
    ];
    const rows = first.lenders.map((l, i) => [
      l.lender,
      formatYen(l.baseBalance),
      formatYen(l.secured),
      formatYen(l.unsecured),
      pct(l.share),
      ...cells.map((cell) => formatYen(repaid(cell, i))),
      ...cells.map((cell) => mark(cell.plan!.lenders[i].rational)),
    ]);
    const budget = cells.map(
      (cell) =>
        `  返済原資 / budget ${cell.shockLabel}: ${cell.plan!.budget.map((b) => `${b.year} ${formatYen(b.budget)}`).join(', ')}; 債務償還年数 ≤ ${c.thresholds.maxDebtYearsAtPlanEnd}: ${yearsText(cell)}`,
    );
    const note = first.note ? [`  ${first.note}`] : [];
    blocks.push([title, renderTable(header, rows), ...budget, ...note].join('\n'));
  }
  return blocks;
}

function repaid(cell: GridCell, i: number): number {
  return cell.plan!.lenders[i].years.reduce((s, y) => s + y.repayment, 0);
}

function mark(rational: boolean | null): string {
  return rational === null ? '—' : rational ? '✓' : '✗';
}

function yearsText(cell: GridCell): string {
  const y = cell.plan!.criteria.yearsToDebtYears;
  if (y.years === null) return '見込めず / not in sight';
  return `${y.years}年目${y.extrapolated ? ' (計画後の見込み / beyond the plan)' : ''}`;
}
