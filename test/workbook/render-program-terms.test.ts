import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogPrograms, parseCaseFile, simulate } from '../../engine';
import { FACT_KEYS } from '../../engine/input/facts-spec';
import { describeCellError, readCase, renderResults, scenarioTemplate } from '../../workbook';
import { snapshotOfPatch } from '../support/patch-snapshot';
import { SETTINGS } from '../../workbook/input-layout';

const SCENARIO = join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json');

function lodgingPatch() {
  const parsed = parseCaseFile(JSON.parse(readFileSync(SCENARIO, 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const outcome = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
  if (!outcome.ok) throw new Error('simulate failed');
  return renderResults(parsed.value, outcome.results);
}

describe('制度・チェック明細 shows each program term with its source or "assumed"', () => {
  const summary = lodgingPatch().sheets.find((s) => s.name === '制度・チェック明細')!;
  const table = summary.tables.find((t) => t.name === 'RateShockProgramTerms')!;

  test('a table below and right of the eligibility reasons, one row per term', () => {
    const reasons = summary.tables.find((t) => t.name === 'RateShockEligibility')!;
    expect(table.row).toBe(reasons.row + reasons.rows.length + 3);
    // By-cell columns A–M, a gap, eligibility O–T, a gap, the terms from V.
    expect([reasons.column, table.column]).toEqual([15, 22]);
    expect(table.columns.map((c) => c.header)).toEqual([
      '戦略ID / strategy',
      '借入 / loan',
      '制度 / program',
      '条件 / term',
      '値 / value',
      '根拠 / basis',
      '出典・仮定の理由 / source or reason',
    ]);
    const row = (term: string) => table.rows.find((r) => r[3] === term)!;
    expect(row('rate.baseRate').slice(4, 6)).toEqual(['2.300%', '出典 / source']);
    expect(String(row('rate.baseRate')[6])).toContain('貸付期間10年の標準的利率');
    expect(row('rate.termRates.240').slice(4, 6)).toEqual(['2.900%', '仮定 / assumed']);
    expect(row('maxTermMonths').slice(4, 6)).toEqual(['240', '出典 / source']);
    expect(row('method').slice(4, 6)).toEqual(['equal-principal', '仮定 / assumed']);
    expect(summary.cells).toContainEqual({
      row: table.row - 1,
      column: 22,
      value: '制度条件の根拠 / program terms: source or assumed',
      bold: true,
      overflow: true,
    });
    // 仮定 is coloured as a warning.
    expect(summary.highlights).toContainEqual({
      fromRow: table.row + 1,
      fromColumn: 27,
      toRow: table.row + table.rows.length,
      toColumn: 27,
      when: { textContains: '仮定' },
      style: 'warn',
    });
  });
});

describe('the template lets every eligibility fact be set', () => {
  test('the Settings table has a row for each fact of the case file', () => {
    const keys = SETTINGS.items.map((i) => i.key).filter((k) => k.startsWith('facts.'));
    expect([...keys].sort()).toEqual(FACT_KEYS.map((k) => `facts.${k}`).sort());
  });
});

describe('facts, net income and rate options typed into the sheets read as in a case file', () => {
  test('every fact, base.netIncome and a refinancing with 賃上げ特例 survive the sheets', () => {
    const raw = JSON.parse(readFileSync(SCENARIO, 'utf8')) as Record<string, unknown>;
    raw.facts = {
      hasCrisisEraDebt: true,
      crisisEraLoanIds: ['Z1', 'C1'],
      hasImprovementPlan: true,
      privateBankSupport: false,
      isSmallEnterprise: false,
      existingGuaranteedYen: 60_000,
      concurrentProperLoanYen: 1_000,
      salesChangeRate: '-6%',
      successionOrConsolidation: false,
      payrollChangeRate: '3%',
    };
    (raw.base as Record<string, unknown>).netIncome = -1_500;
    const strategies = raw.strategies as { actions: Record<string, unknown>[] }[];
    strategies[1].actions[0].rateOptions = ['wage-increase'];
    const fromJson = parseCaseFile(raw);
    if (!fromJson.ok) throw new Error(JSON.stringify(fromJson.errors));
    const typed = scenarioTemplate(raw);
    if (!typed.ok) throw new Error(typed.errors.join('\n'));
    const fromSheets = readCase(snapshotOfPatch(typed.patch));
    if (!fromSheets.ok) throw new Error(fromSheets.errors.map(describeCellError).join('\n'));
    expect(fromSheets.case).toEqual(fromJson.value);
    expect(fromSheets.case.facts.existingGuaranteedYen).toBe(60_000_000);
    expect(fromSheets.case.base.netIncome).toBe(-1_500_000);
    expect(fromSheets.case.strategies[1].actions[0]).toMatchObject({
      rateOptions: ['wage-increase'],
    });
  });
});
