import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GridCell } from '../../engine';
import { runCase } from '../engine/plan/fixtures';

const raw = JSON.parse(
  readFileSync(join(__dirname, '../../scenarios/council-pro-rata.case.json'), 'utf8'),
);

describe('workshop: the council plan of the garment maker (council-pro-rata.case.json)', () => {
  const { cells } = runCase(raw);
  const at = (strategy: string, shock: string): GridCell =>
    cells.find((c) => c.strategyId === strategy && c.shockLabel === shock)!;
  const repaid = (cell: GridCell) =>
    cell.plan!.lenders.reduce((s, l) => s + l.years.reduce((t, y) => t + y.repayment, 0), 0);

  test('残高プロラタ and 非保全残高プロラタ give visibly different shares', () => {
    const byBalance = at('plan-balance', '±0').plan!.lenders.map((l) => l.share);
    const byUnsecured = at('plan-unsecured', '±0').plan!.lenders.map((l) => l.share);
    // みどり銀行 (first lien on the factory): 11,000万 ÷ 21,000万 vs (11,000 − 5,600) ÷ 13,800.
    expect(byBalance[0]).toBeCloseTo(110 / 210, 12);
    expect(byUnsecured[0]).toBeCloseTo(54 / 138, 12);
    // さくら信金 (its second lien gets nothing: 5,600万 < みどり's claim): 55 / 210 vs 55 / 138.
    expect(byBalance[1]).toBeCloseTo(55 / 210, 12);
    expect(byUnsecured[1]).toBeCloseTo(55 / 138, 12);
    // あおば銀行: 保証協会 80 % of 2,000万 counts as 保全: (4,500 − 1,600) ÷ 13,800.
    expect(byUnsecured[2]).toBeCloseTo(29 / 138, 12);
  });

  test('at +1.00 % the pool repays less and 債務償還年数 at plan end crosses 10', () => {
    for (const s of ['plan-balance', 'plan-unsecured']) {
      const [calm, shocked] = [at(s, '±0'), at(s, '+1.00%')];
      expect(repaid(shocked)).toBeLessThan(repaid(calm));
      expect(calm.summary.debtYearsAtEnd!).toBeLessThanOrEqual(10);
      expect(shocked.summary.debtYearsAtEnd!).toBeGreaterThan(10);
      expect(calm.plan!.criteria.yearsToDebtYears).toEqual({ years: 5, extrapolated: false });
      expect(shocked.plan!.criteria.yearsToDebtYears.years).toBeGreaterThan(5);
    }
    // With the DDS the plan holds at +2.00 %.
    expect(at('plan-unsecured-dds', '+2.00%').summary.debtYearsAtEnd!).toBeLessThanOrEqual(10);
  });

  test('every bank recovers more than in liquidation, under every shock', () => {
    const planCells = cells.filter((c) => c.plan);
    expect(planCells).toHaveLength(15);
    for (const cell of planCells) {
      expect(cell.plan!.criteria.rationalForAll).toBe(true);
      for (const l of cell.plan!.lenders)
        expect(l.planRecovery).toBeGreaterThan(l.liquidationRecovery!);
    }
    // 清算配当率: (2,000 + 2,100 + 750 + 150 − 1,800) ÷ (13,800 + 公庫 3,000 + 2,000) = 3,200 ÷ 18,800.
    expect(at('plan-unsecured', '±0').plan!.liquidationRate).toBeCloseTo(3200 / 18800, 12);
  });
});
