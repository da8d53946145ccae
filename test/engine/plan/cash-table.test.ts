import { cashTable } from '../../../engine';
import { poolCaseJson, runCase } from './fixtures';

describe('資金繰り表 on the projection’s cash walk', () => {
  const { c, cells } = runCase(poolCaseJson());
  const cell = cells.find((x) => x.strategyId === 'plan' && x.shockLabel === '±0')!;
  const table = cashTable(c, cell, 24);
  const row = (kind: string, lender?: string) =>
    table.rows.find((r) => r.kind === kind && (lender === undefined || r.lender === lender))!;

  test('month 12 and 24 close on the year-end cash; each month closes = opens + flows', () => {
    expect(table.months[0]).toBe('2027-04');
    expect(row('closing').values[11]).toBe(cell.years[0].cash);
    expect(row('closing').values[23]).toBe(cell.years[1].cash);
    expect(row('opening').values[12]).toBe(cell.years[0].cash);
    expect(table.months[table.lowestMonth]).toBe(cell.years[0].lowestCashMonth);
  });

  test('財務収支 per lender: the plan’s monthly parts and the JFC’s contract principal', () => {
    // B信金's year-1 share 128万: 106,666 × 11, then 106,674 (plan-projection.test).
    expect(row('financing', 'B信金').values.slice(0, 12)).toEqual([
      ...Array(11).fill(-106_666),
      -106_674,
    ]);
    expect(row('financing', '日本政策金融公庫').values[0]).toBe(-200_000);
    expect(row('balance', 'A銀行').values[11]).toBe(34_080_000);
    expect(row('balance', '日本政策金融公庫').values[11]).toBe(12_000_000 - 2_400_000);
  });

  test('interest of every loan in the month it is paid', () => {
    const yearInterest = -row('interest')
      .values.slice(0, 12)
      .reduce((a, b) => a + b, 0);
    expect(yearInterest).toBe(cell.years[0].interest + cell.years[0].guaranteeFees);
  });
});
