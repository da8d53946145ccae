import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogPrograms, parseCaseFile, simulate } from '../../engine';
import { panePlans, planRows } from '../../addin/taskpane/plan-table';

describe('the pane’s council plan table', () => {
  const raw = JSON.parse(
    readFileSync(join(__dirname, '../../scenarios/council-pro-rata.case.json'), 'utf8'),
  );
  const parsed = parseCaseFile(raw);
  if (!parsed.ok) throw new Error('case');
  const out = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
  if (!out.ok) throw new Error('simulate');
  const plans = panePlans(out.results);

  test('one table per plan strategy, every shock, the lenders in pool order', () => {
    expect(plans.map((p) => [p.strategyId, p.basis])).toEqual([
      ['plan-balance', 'balance'],
      ['plan-unsecured', 'unsecured'],
      ['plan-unsecured-dds', 'unsecured'],
    ]);
    expect(plans[0].shockLabels).toEqual(['±0', '+0.25%', '+0.50%', '+1.00%', '+2.00%']);
  });

  test('per lender: share, balances, repaid unshocked and ✓/✗ per shock', () => {
    const unshocked = out.results.cells.find(
      (x) => x.strategyId === 'plan-unsecured' && x.shockLabel === '±0',
    )!.plan!;
    const repaid = unshocked.lenders[0].years.reduce((s, y) => s + y.repayment, 0);
    expect(planRows(plans[1])[0]).toEqual([
      'みどり銀行',
      '39.1%', // 5,400万 ÷ 13,800万
      '110,000,000',
      '54,000,000',
      repaid.toLocaleString('en-US'),
      '✓',
      '✓',
      '✓',
      '✓',
      '✓',
    ]);
  });
});
