import { Case, DEFAULT_THRESHOLDS, catalogPrograms, parseIsoDate, simulate } from '../../engine';
import { INPUT_SHEET_NAMES, describeCellError, inputTemplate, readCase } from '../../workbook';
import { snapshotOfPatch } from '../support/patch-snapshot';

function readTemplate(): Case {
  const read = readCase(snapshotOfPatch(inputTemplate()));
  if (!read.ok) throw new Error(read.errors.map(describeCellError).join('\n'));
  return read.case;
}

describe('the input template', () => {
  const patch = inputTemplate();

  test('six sheets, Japanese names, ASCII table names, in order', () => {
    expect(patch.sheets.map((s) => s.name)).toEqual([
      '借入一覧',
      '財務',
      '計画',
      'シナリオ',
      '設定',
      '再生計画',
    ]);
    expect(INPUT_SHEET_NAMES).toEqual(patch.sheets.map((s) => s.name));
    expect(patch.sheets.flatMap((s) => s.tables.map((t) => t.name))).toEqual([
      'Loans',
      'Financials',
      'Plan',
      'Shocks',
      'Strategies',
      'Settings',
      'ProgramTerms',
      'PlanActions',
      'Guarantees',
      'Collateral',
      'Liquidation',
      'Adjustments',
      'PlanSettings',
    ]);
    expect(patch.replaces).toEqual([]);
  });

  test('each sheet has a title and a one-line note above its tables', () => {
    for (const sheet of patch.sheets) {
      const title = sheet.cells.find((c) => c.row === 1 && c.column === 1);
      const note = sheet.cells.find((c) => c.row === 2 && c.column === 1);
      expect(title?.bold).toBe(true);
      expect(String(title?.value)).toMatch(/^[\u3040-\u30ff\u4e00-\u9fff]/); // Japanese first
      expect(String(note?.value)).not.toContain('\n');
      for (const t of sheet.tables) expect(t.row).toBeGreaterThan(2);
    }
  });

  test('bilingual headers, a Japanese description on every column, formats and validation lists', () => {
    const columns = patch.sheets.flatMap((s) => s.tables.flatMap((t) => t.columns));
    for (const c of columns) {
      expect(c.header).toMatch(/^[^/]+ \/ [A-Za-z][^/]*$/);
      expect(c.description).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      // Excel refuses inline validation lists longer than 255 characters.
      if (c.validationList) expect(c.validationList.join(',').length).toBeLessThanOrEqual(255);
    }
    const loans = patch.sheets[0].tables[0];
    const col = (header: string) => loans.columns.find((c) => c.header.startsWith(header))!;
    expect(col('残高').numberFormat).toBe('#,##0');
    expect(col('金利 /').numberFormat).toBe('0.000%');
    expect(col('次回改定日').numberFormat).toBe('yyyy-mm-dd');
    expect(col('返済方法').validationList).toEqual(['元金均等', '元利均等', '期限一括']);
    expect(col('金利種別').validationList).toEqual(['固定', '変動', '実行時確定(JFC)']);
    expect(col('基準金利').validationList).toEqual(['短プラ', 'TIBOR', 'JFC基準利率']);
    const strategies = patch.sheets[3].tables[1];
    const kind = strategies.columns.find((c) => c.header.startsWith('種類'))!;
    expect(kind.validationList).toEqual(['借換', '資本性劣後ローン', 'リスケ', '繰上返済']);
    const effect = strategies.columns.find((c) => c.header === '繰上後 / Effect')!;
    expect(effect.validationList).toEqual(['期間短縮', '返済額軽減']);
    // Issue 13's loan columns: an existing loan, its fee, a capital-type rate, a swap.
    const loanHeaders = patch.sheets[0].tables[0].columns.map((c) => c.header);
    expect(loanHeaders.slice(18, 28)).toEqual([
      '当初借入日 / Drawdown date',
      '当初借入額 / Original amount',
      '保証料の支払 / Guarantee fee payment',
      '資本性 赤字時金利 / Capital-type loss-year rate',
      '資本性 黒字時金利 / Capital-type profit-year rate',
      '資本性 当初金利 / Capital-type initial rate',
      '資本性 当初期限 / Capital-type initial until',
      'スワップ固定金利 / Swap fixed rate',
      'スワップ終了日 / Swap end date',
      'スワップ想定元本 / Swap notional',
    ]);
    const fee = patch.sheets[0].tables[0].columns[20];
    expect(fee.validationList).toEqual(['一括前払', '分割']);
    const program = strategies.columns.find((c) => c.header.startsWith('制度'))!;
    expect(program.validationList).toContain('crisis-recovery-stabilization');
  });

  test('tables on one sheet do not overlap (each can grow downwards)', () => {
    for (const sheet of patch.sheets) {
      const spans = sheet.tables.map((t) => [t.column, t.column + t.columns.length - 1]);
      spans.forEach(([a0, a1], i) =>
        spans.slice(i + 1).forEach(([b0, b1]) => expect(a1 < b0 - 1 || b1 < a0 - 1).toBe(true)),
      );
    }
  });

  test('the filled template reads into a Case with every example value in its field', () => {
    const c = readTemplate();
    expect(c.profile).toEqual({
      name: 'さくら製麺 (架空)',
      sector: '食料品製造業',
      jfcUnit: 'sme',
      fiscalYearEndMonth: 3,
      employees: 18,
      units: 'thousand',
      negatives: 'triangle',
    });
    expect(c.asOf).toBe(parseIsoDate('2026-03-31'));
    expect(c.guaranteeFeeExpense).toBe('paid');
    // Amounts in 千円.
    expect(c.base.revenue).toBe(250_000_000);
    expect(c.base.operatingProfit).toBe(12_000_000);
    expect(c.base.ordinaryProfit).toBe(9_000_000);
    expect(c.base.effectiveTaxRate).toBeCloseTo(0.3, 12);
    expect(c.base.netAssetAdjustments).toBe(-5_000_000);
    expect(c.base.nonOperatingIncome).toBe(500_000);
    expect(c.plan).toHaveLength(3);
    expect(c.plan[1]).toEqual({
      revenue: 255_000_000,
      operatingProfit: 12_500_000,
      depreciation: 6_000_000,
      capex: 3_000_000,
      workingCapitalChange: 500_000,
    });
    // Year 3 gives a margin: 5 % of 260,000 千円.
    expect(c.plan[2].operatingProfit).toBe(13_000_000);
    const [loan] = c.stack.loans;
    expect(loan.id).toBe('B1');
    expect(loan.lender).toBe('みどり銀行');
    expect(loan.terms).toEqual({
      principal: 100_000_000,
      termMonths: 120,
      graceMonths: 0,
      method: 'equal-principal',
      dayCount: 'ACT/365F',
      startDate: parseIsoDate('2026-03-31'),
      rounding: 'floor',
      guaranteeFeeRate: 0.0085,
      guaranteeFeePayment: 'installments',
      businessDay: 'following',
    });
    expect(loan.rate).toEqual({
      type: 'floating',
      index: 'short-prime',
      spread: 0.005,
      resetEveryMonths: 6,
      nextResetDate: parseIsoDate('2026-04-01'),
      currentRate: 0.02625,
    });
    expect(c.stack.indexes['short-prime'].rate).toBeCloseTo(0.02125, 12);
    expect(c.stack.indexes['jfc-base'].rate).toBeCloseTo(0.023, 12);
    expect(c.stack.name).toBe('テンプレートの例 / template example');
    expect(c.shocks).toEqual([{ kind: 'parallel', size: 0.01 }]);
    expect(c.modes).toEqual(['realistic']);
    expect(c.strategies).toEqual([
      { id: 'status-quo', name: '現状維持 / status quo', actions: [] },
      {
        id: 'R1',
        name: '15年固定に借換 / refinance over 15 years, fixed',
        actions: [
          {
            kind: 'refinance',
            select: { loanIds: ['B1'] },
            programId: 'bank-loan',
            termMonths: 180,
            graceMonths: 0,
            baseRate: undefined,
          },
        ],
      },
    ]);
    // "2.20%" typed as text: 2.2 / 100, as the engine divides a case file's "2.20%".
    expect(c.programOverrides).toEqual({ 'bank-loan': { rate: { annualRate: 2.2 / 100 } } });
    expect(c.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(c.facts).toEqual({ hasCrisisEraDebt: false, hasImprovementPlan: false });
  });

  test('the engine simulates the filled template: 2 strategies × (±0, +1.00 %)', () => {
    const c = readTemplate();
    const out = simulate(c, catalogPrograms(c.programOverrides));
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.results.shockLabels).toEqual(['±0', '+1.00%']);
    expect(out.results.cells).toHaveLength(4);
    const cell = (strategy: string, shock: string) =>
      out.results.cells.find((x) => x.strategyId === strategy && x.shockLabel === shock)!;
    // +1.00 % costs the floating loan interest from its next reset (2026-04-01).
    expect(cell('status-quo', '+1.00%').summary.totalInterest).toBeGreaterThan(
      cell('status-quo', '±0').summary.totalInterest,
    );
    // Refinanced over 15 years, the scheduled repayments are lighter than over the 10 years left.
    expect(cell('R1', '±0').summary.lowestDscr!).toBeGreaterThan(
      cell('status-quo', '±0').summary.lowestDscr!,
    );
  });
});
