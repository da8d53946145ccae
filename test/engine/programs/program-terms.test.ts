import { readFileSync } from 'fs';
import { join } from 'path';
import {
  BaseRate,
  Program,
  ProgramTerms,
  catalogPrograms,
  findProgram,
  rateTermIssue,
  resolveRate,
  resolveTerms,
  subsidisedFee,
  termPricing,
  withOverrides,
} from '../../../engine/programs';
import { Case, parseCaseFile, simulate, toEpochDay } from '../../../engine';
import { fillLoanRates } from '../../../engine/rates/rate-rule';
import { IndexPaths } from '../../../engine/rates/rate-index';
import { toRateUnits } from '../../../engine/interest/rate-units';
import { monthlyPaymentSchedule } from '../../../engine/time/payment-dates';
import { fillPathRates } from '../../../engine/montecarlo/path-rates';

/**
 * Each corrected program term pinned to the seed's own words (seed 001: 中小企業庁 参考資料,
 * 2025-10-28, the JFC and guarantee program pages), and the rules that read them.
 */

function program(id: string): Program {
  const p = findProgram(id);
  if (!p) throw new Error(`no program ${id}`);
  return p;
}

function baseRateOf(id: string, unit: 'sme' | 'micro' = 'sme'): BaseRate {
  const p = program(id);
  const purpose = p.purposes ? 'equipment' : undefined;
  const rate = resolveTerms(p, { unit, purpose }).rate;
  if (rate.kind !== 'base') throw new Error(`${id} has no base rate`);
  return rate;
}

const SCENARIOS = join(__dirname, '../../../scenarios');
function caseFile(name: string, edit: (json: Record<string, unknown>) => void = () => {}): Case {
  const json = JSON.parse(readFileSync(join(SCENARIOS, name), 'utf8')) as Record<string, unknown>;
  edit(json);
  const parsed = parseCaseFile(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe('base rates are standard rates for one term (seed 001)', () => {
  test('危機対応後経営安定貸付: 「（※）貸付期間10年の標準的利率」 — 2.30 % is exactly the 10-year rate', () => {
    const rate = baseRateOf('crisis-recovery-stabilization');
    expect(rate).toMatchObject({
      baseRate: 0.023,
      referenceTermYears: 10,
      referenceTermScope: 'exact',
    });
    expect(program('crisis-recovery-stabilization').citations?.['rate.baseRate']).toContain(
      '貸付期間10年の標準的利率',
    );
    // 10 years: the published rate, no caveat.
    expect(termPricing(rate, 120)).toEqual({
      rate: 0.023,
      band: '120',
      assumed: null,
      referenceDiffers: false,
    });
    // 8 years: still the 10-year rate, flagged as priced for another term.
    expect(termPricing(rate, 96)).toMatchObject({
      rate: 0.023,
      assumed: null,
      referenceDiffers: true,
    });
    // 5 years: 2.00 %, the 5-year rate of the same month, assumed.
    expect(termPricing(rate, 60)).toMatchObject({ rate: 0.02, band: '60', referenceDiffers: true });
    expect(termPricing(rate, 60).assumed).toMatch(/5-year standard rate/);
    // 15 and 20 years: +0.30 % and +0.60 % (the 5→10-year step of the same seed), assumed.
    expect(termPricing(rate, 180).rate).toBe(0.026);
    expect(termPricing(rate, 240)).toMatchObject({
      rate: 0.029,
      band: '240',
      referenceDiffers: true,
    });
    expect(termPricing(rate, 240).assumed).toMatch(/0\.30 % from 5 to 10 years/);
    // 国民事業: 3.00 % for 10 years, 3.60 % for 20.
    expect(termPricing(baseRateOf('crisis-recovery-stabilization', 'micro'), 240).rate).toBe(0.036);
  });

  test('セーフティネット貸付 and 事業承継: 「貸付期間5年以内の標準的利率」 — 2.00 % for any term up to 5 years', () => {
    for (const id of ['safety-net', 'business-succession']) {
      const rate = baseRateOf(id);
      expect(rate).toMatchObject({
        baseRate: 0.02,
        referenceTermYears: 5,
        referenceTermScope: 'up-to',
      });
      expect(program(id).citations?.['rate.baseRate']).toMatch(/貸付期間5年以内の標準的利率/);
      expect(termPricing(rate, 36)).toEqual({
        rate: 0.02,
        band: '60',
        assumed: null,
        referenceDiffers: false,
      });
      expect(termPricing(rate, 60).referenceDiffers).toBe(false);
      expect(termPricing(rate, 96)).toMatchObject({ rate: 0.023, referenceDiffers: true });
      expect(termPricing(rate, 96).assumed).not.toBeNull();
      expect(termPricing(rate, 180).rate).toBe(0.026);
    }
    expect(termPricing(baseRateOf('business-succession'), 240).rate).toBe(0.029);
  });

  test('a term priced off its reference draws a warning saying which rate to type in', () => {
    const crisis = program('crisis-recovery-stabilization');
    const rate = baseRateOf('crisis-recovery-stabilization');
    const issue = rateTermIssue(crisis, rate, 240, false)!;
    expect(issue.severity).toBe('warning');
    expect(issue.messageJa).toContain('期間 20年（240か月） の借入を 2.90% で試算しました');
    expect(issue.messageJa).toContain('公表されている 2.30% は貸付期間10年（120か月）の標準的利率');
    expect(issue.messageEn).toContain(
      "Type JFC's rate for this term into programs.crisis-recovery-stabilization.rate.termRates.240.rate",
    );
    expect(rateTermIssue(crisis, rate, 96, false)!.messageEn).toContain(
      'the published rate is used as it is',
    );
    expect(rateTermIssue(crisis, rate, 120, false)).toBeNull();
    // The case typed the rate: nothing to warn about.
    expect(rateTermIssue(crisis, rate, 240, true)).toBeNull();
  });

  test("bands are overridable: a typed 20-year rate is the case's, a revised base rate moves every band", () => {
    const crisis = program('crisis-recovery-stabilization');
    const typed = withOverrides(crisis, { rate: { termRates: { '240': { rate: '2.95%' } } } });
    if (!typed.ok) throw new Error(JSON.stringify(typed.errors));
    const r = resolveTerms(typed.value, { unit: 'sme' }).rate as BaseRate;
    expect(termPricing(r, 240)).toEqual({
      rate: 0.0295,
      band: '240',
      assumed: null,
      referenceDiffers: false,
    });
    expect(rateTermIssue(typed.value, r, 240, false)).toBeNull();
    // The other bands are kept.
    expect(termPricing(r, 180).rate).toBe(0.026);
    const revised = withOverrides(crisis, { rate: { baseRate: '2.45%' } });
    if (!revised.ok) throw new Error('override refused');
    expect(
      termPricing(resolveTerms(revised.value, { unit: 'sme' }).rate as BaseRate, 240).rate,
    ).toBe(0.0305);
    const bad = withOverrides(crisis, {
      rate: { termRates: { '240': { rate: '2.9%', spread: 0 } } },
    });
    expect(bad.ok).toBe(false);
  });

  test("the lodging case's 20-year refinancing is priced at 2.90 % with the warning, not at the 10-year 2.30 %", () => {
    const c = caseFile('lodging-crisis-refinance.case.json');
    const out = simulate(c, catalogPrograms(c.programOverrides));
    if (!out.ok) throw new Error('simulate failed');
    const cell = out.results.cells.find((x) => x.strategyId === 'crisis-20y' && x.shock === null)!;
    const loan = cell.book.senior.find((l) => l.id === 'crisis-recovery-stabilization#1')!;
    expect(loan.rate).toEqual({ type: 'priced-at-drawdown', baseRate: 0.029 });
    // Year 1's first month: 250,000,000 yen × 2.90 % × 30 days (Mar 31 → Apr 30) / 365 = 595,890.41 → 595,890.
    expect(cell.schedules.seniorSchedules.at(-1)!.flows.interest[0]).toBe(595_890);
    expect(cell.eligibility.map((e) => e.rule)).toEqual([
      'rate-term',
      'refinances-crisis-era-debt',
    ]);
    expect(cell.summary.eligible).toBe(true);
  });
});

describe('assumptions marked as such, with their reason (seed 001 wording)', () => {
  test('資本性劣後ローン 61–84 months at 3.25 %: the seed gives only 「黒字の場合は3%前半～3%後半」', () => {
    const rate = resolveRate(program('capital-subordinated'));
    if (rate.kind !== 'performance-linked') throw new Error('not performance-linked');
    expect(rate.profitRates[0]).toMatchObject({
      minTermMonths: 61,
      maxTermMonths: 84,
      value: 0.0325,
    });
    expect(rate.profitRates[0].assumed).toContain('3%前半～3%後半');
    // 「（16～20年の場合は3.95%）」 is stated: not assumed.
    expect(rate.profitRates[3]).toEqual({ minTermMonths: 181, maxTermMonths: 240, value: 0.0395 });
  });

  test('セーフティネット price-surge −0.4 %: 「利益率▲5%→金利▲0.4%」 gives no period, so whole amount and term is assumed', () => {
    const option = baseRateOf('safety-net').options.find((o) => o.id === 'price-surge')!;
    expect(option).toMatchObject({ delta: -0.004, months: null });
    expect(option.assumed).toMatch(/without a period/);
  });

  test("the guarantee programs' repayment method is assumed (the seed gives limit, term, grace, fee, coverage only)", () => {
    for (const id of [
      'management-improvement-support-guarantee',
      'cooperative-support-guarantee',
      'small-micro-guarantee',
    ]) {
      expect(program(id).assumed?.method).toMatch(/not the repayment method/);
    }
  });

  test('citations replace former assumptions where the seed states the term', () => {
    // 「本年1月より「危機対応後経営安定貸付」を創設」 in a document dated 2025-10-28.
    const crisis = program('crisis-recovery-stabilization');
    expect(crisis.availableFrom).toBe('2025-01-01');
    expect(crisis.citations?.availableFrom).toContain('本年1月より');
    expect(crisis.assumed?.availableFrom).toBeUndefined();
    // 「2025年3月から制度を拡充」: the earlier terms end with February 2025.
    const before = program('capital-subordinated-pre-2025-03');
    expect(before.availableUntil).toBe('2025-02-28');
    expect(before.citations?.availableUntil).toContain('2025年3月から制度を拡充');
    // 「コロナ資本性劣後ローンと同様 … 貸付後5年間は、繰上償還不可」.
    const covid = program('covid-capital-subordinated');
    expect(resolveTerms(covid, { unit: 'sme' }).prepaymentLockMonths).toBe(60);
    expect(covid.citations?.prepaymentLockMonths).toContain('貸付後5年間は、繰上償還不可');
    expect(covid.assumed?.prepaymentLockMonths).toBeUndefined();
  });

  test('every term in the results carries its source or "assumed" (JSON results)', () => {
    const c = caseFile('lodging-crisis-refinance.case.json');
    const out = simulate(c, catalogPrograms(c.programOverrides));
    if (!out.ok) throw new Error('simulate failed');
    const [loan] = out.results.programTerms!;
    expect(loan).toMatchObject({
      strategyId: 'crisis-20y',
      programId: 'crisis-recovery-stabilization',
    });
    const by = Object.fromEntries(loan.terms.map((t) => [t.term, t]));
    expect(by['rate.baseRate']).toMatchObject({ value: 0.023, basis: 'source' });
    expect(by['rate.baseRate'].note).toContain('貸付期間10年の標準的利率');
    expect(by['rate.termRates.240']).toMatchObject({ value: 0.029, basis: 'assumed' });
    expect(by.method).toMatchObject({ value: 'equal-principal', basis: 'assumed' });
    expect(by.maxTermMonths).toMatchObject({ value: 240, basis: 'source' });
    // Eligibility thresholds are terms too: 「債務負担が重い者（債務償還年数13年超）」.
    expect(by['eligibility.min-debt-repayment-years']).toMatchObject({
      value: '> 13',
      basis: 'source',
    });
    expect(by['eligibility.min-debt-repayment-years'].note).toContain('債務償還年数13年超');
    expect(by['eligibility.refinances-crisis-era-debt'].note).toContain(
      '主には、コロナ禍で措置した貸付制度の借換等',
    );
    for (const t of loan.terms) expect(['source', 'assumed', 'case']).toContain(t.basis);
  });
});

describe('協調支援型特別保証: 「保証料補助により変動 要件①：2025年度1/2、2026年度1/3、2028年度1/4補助 要件②：1/4補助」', () => {
  const terms: ProgramTerms = resolveTerms(program('cooperative-support-guarantee'), {
    purpose: 'working',
  });

  test('the fee before subsidy is assumed 0.8 %; the borrower pays it less the subsidy of its route and year', () => {
    expect(terms.guaranteeFeeRate).toBe(0.008);
    expect(program('cooperative-support-guarantee').assumed?.guaranteeFeeRate).toMatch(/0\.8 %/);
    // ① in FY2025: 0.8 % × (1 − 1/2) = 0.4 %.
    expect(subsidisedFee(terms, 'proper-loan', '2025-10-01').rate).toBe(0.004);
    // ① in FY2026: 0.8 % × (1 − 1/3) = 0.53333 % (on the 1e-7 rate grid).
    expect(subsidisedFee(terms, 'proper-loan', '2026-06-01').rate).toBe(0.0053333);
    // ① in FY2027: not in the seed, 1/4 assumed → 0.6 %.
    const fy2027 = subsidisedFee(terms, 'proper-loan', '2027-06-01');
    expect(fy2027.rate).toBe(0.006);
    expect(fy2027.subsidy?.assumed).toMatch(/nothing for FY2027/);
    // ②: 1/4 → 0.6 %; no route: the whole 0.8 %.
    expect(subsidisedFee(terms, 'supported-plan', '2026-06-01').rate).toBe(0.006);
    expect(subsidisedFee(terms, null, '2026-06-01').rate).toBe(0.008);
  });

  test("a case's refinancing is charged the subsidised fee of its route", () => {
    const c = caseFile('lodging-crisis-refinance.case.json', (json) => {
      json.strategies = [
        {
          id: 'guaranteed',
          name: 'guaranteed',
          actions: [
            {
              kind: 'refinance',
              select: { loanIds: ['Z1'] },
              programId: 'cooperative-support-guarantee',
              termMonths: 120,
              baseRate: '1.8%',
            },
          ],
        },
      ];
      json.facts = { concurrentProperLoanYen: 6000 };
    });
    const pricing = catalogPrograms().pricing('cooperative-support-guarantee', 'sme', c)!;
    // asOf 2026-03-31 is in FY2025: ① → 0.4 %.
    expect(pricing.guaranteeFeeRate).toBe(0.004);
    const out = simulate(c, catalogPrograms());
    if (!out.ok) throw new Error('simulate failed');
    const cell = out.results.cells.find((x) => x.strategyId === 'guaranteed')!;
    expect(cell.book.senior.at(-1)!.terms.guaranteeFeeRate).toBe(0.004);
    // 6,000万円 (thousand-yen units) ≥ 10 % of the 6,000万円 guaranteed: requirement ① met.
    expect(
      cell.eligibility.filter((e) => e.rule === 'requires-proper-loan-or-supported-plan'),
    ).toEqual([]);
  });
});

describe('賃上げ貸付利率特例: 「適用する貸付制度に定める貸付利率から、貸付後2年間0.5%を控除」', () => {
  test('a time-limited option: −0.5 % for the first 24 months only, the shock on top', () => {
    const option = baseRateOf('crisis-recovery-stabilization').options.find(
      (o) => o.id === 'wage-increase',
    )!;
    expect(option).toMatchObject({
      delta: -0.005,
      months: 24,
      requires: { minPayrollChange: 0.025 },
    });
    const start = toEpochDay(2026, 3, 31);
    const { dates } = monthlyPaymentSchedule(start, 240, 'ACT/365F');
    const out = new Float64Array(240);
    const rule = {
      type: 'priced-at-drawdown' as const,
      baseRate: 0.029,
      initial: { months: 24, delta: -0.005 },
    };
    fillLoanRates(
      rule,
      dates,
      240,
      {
        indexes: {} as IndexPaths, // a priced-at-drawdown loan reads no index
        shock: { kind: 'parallel', size: 0.01 },
        mode: 'realistic',
        asOf: start,
      },
      out,
    );
    expect(out[0]).toBe(toRateUnits(0.034)); // 2.90 % − 0.50 % + 1.00 %
    expect(out[23]).toBe(toRateUnits(0.034));
    expect(out[24]).toBe(toRateUnits(0.039)); // month 25 on: 2.90 % + 1.00 %
    // The Monte Carlo path layout gives the same rates.
    const path = new Float64Array(240);
    fillPathRates(
      { kind: 'at-drawdown', base: 0.029, step: 1, initial: rule.initial },
      Float64Array.of(0, 0.01),
      240,
      path,
    );
    expect(Array.from(path)).toEqual(Array.from(out));
  });

  test('chosen in a case: the new loan carries it, and the payroll condition is checked', () => {
    const withOption = (facts: Record<string, unknown>) =>
      caseFile('lodging-crisis-refinance.case.json', (json) => {
        const strategies = json.strategies as { actions: Record<string, unknown>[] }[];
        strategies[1].actions[0].rateOptions = ['wage-increase'];
        json.facts = { ...(json.facts as object), ...facts };
      });
    const run = (c: Case) => {
      const out = simulate(c, catalogPrograms());
      if (!out.ok) throw new Error(JSON.stringify(out.errors));
      return out.results.cells.find((x) => x.strategyId === 'crisis-20y' && x.shock === null)!;
    };
    const given = run(withOption({ payrollChangeRate: '3%' }));
    expect(given.book.senior.at(-1)!.rate).toEqual({
      type: 'priced-at-drawdown',
      baseRate: 0.029,
      initial: { months: 24, delta: -0.005 },
    });
    // 250,000,000 × 2.40 % × 30 / 365 = 493,150.68 → 493,150 in month 1.
    expect(given.schedules.seniorSchedules.at(-1)!.flows.interest[0]).toBe(493_150);
    expect(given.eligibility.filter((e) => e.rule === 'rate-option')).toEqual([]);
    const low = run(withOption({ payrollChangeRate: '2%' }));
    expect(low.eligibility.find((e) => e.rule === 'rate-option')?.severity).toBe('error');
    const missing = run(withOption({}));
    expect(missing.eligibility.find((e) => e.rule === 'rate-option')?.messageEn).toMatch(
      /not checked/,
    );
    // An option the program does not offer is an input error naming the action.
    const bad = JSON.parse(
      readFileSync(join(SCENARIOS, 'lodging-crisis-refinance.case.json'), 'utf8'),
    );
    bad.strategies[1].actions[0].rateOptions = ['special-1'];
    const parsed = parseCaseFile(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0].field).toBe('strategies[1].actions[0].rateOptions[0]');
  });
});

describe("the capital-type loan's profit line: 税引後当期純利益 by default", () => {
  test('a program term, net-income unless the case sets ordinary-profit', () => {
    const rate = resolveRate(program('capital-subordinated'));
    expect(rate.kind === 'performance-linked' && rate.profitLine).toBe('net-income');
    const loan = {
      id: 'x',
      name: 'x',
      programId: 'capital-subordinated',
      amount: 50_000_000,
      termMonths: 180,
      startDate: toEpochDay(2026, 9, 30),
      privateBankSupport: false,
      origin: 'dds' as const,
      dayCount: 'ACT/365F' as const,
      rounding: 'floor' as const,
    };
    // 経常利益 +1,000,000 but a special loss: 税引後当期純利益 −500,000 → 赤字 → 0.50 %.
    const closed = { ordinaryProfit: 1_000_000, netIncome: -500_000 };
    expect(catalogPrograms().capitalRate(loan, 3, closed)).toBe(0.005);
    const onOrdinary = catalogPrograms({
      'capital-subordinated': { rate: { profitLine: 'ordinary-profit' } },
    });
    expect(onOrdinary.capitalRate(loan, 3, closed)).toBe(0.037);
    // A projected year passes one flag: both lines agree there.
    expect(catalogPrograms().capitalRate(loan, 3, true)).toBe(0.037);
  });

  test("the base year's 税引後当期純利益 decides year 1 in a projection", () => {
    const c = caseFile('manufacturer-dds.case.json', (json) => {
      (json.base as Record<string, unknown>).netIncome = -2000;
      const strategies = json.strategies as { id: string; actions: Record<string, unknown>[] }[];
      strategies.find((s) => s.id === 'jfc-capital-50m')!.actions[0].privateBankSupport = false;
    });
    const out = simulate(c, catalogPrograms());
    if (!out.ok) throw new Error('simulate failed');
    const cell = out.results.cells.find(
      (x) => x.strategyId === 'jfc-capital-50m' && x.shock === null,
    )!;
    // 経常利益 9,500千円 > 0, but 税引後当期純利益 −2,000千円: year 1 at the loss rate.
    expect(cell.schedules.capitalFlows[0].rates[0]).toBe(toRateUnits(0.005));
  });
});

describe("a bank's DDS (資本的借入金) is its own program", () => {
  test('15-year bullet at about 0.4 %, no prepayment for 10 years (domain.md §3), marked assumed', () => {
    const p = program('bank-dds');
    expect(p).toMatchObject({ lender: 'bank', capitalType: true });
    const t = resolveTerms(p);
    expect(t).toMatchObject({
      method: 'bullet',
      maxGraceMonths: 'whole-term',
      prepaymentLockMonths: 120,
    });
    expect(t.rate).toEqual({ kind: 'lender-set', annualRate: 0.004 });
    expect(Object.keys(p.assumed ?? {})).toEqual(
      expect.arrayContaining(['rate.annualRate', 'prepaymentLockMonths']),
    );
  });

  test("the manufacturer case chooses it: 0.4 % whatever the year's result, counted as capital", () => {
    const c = caseFile('manufacturer-dds.case.json');
    const out = simulate(c, catalogPrograms());
    if (!out.ok) throw new Error('simulate failed');
    const cell = out.results.cells.find((x) => x.strategyId === 'dds-50m' && x.shock === null)!;
    expect(cell.book.capital[0]).toMatchObject({
      programId: 'bank-dds',
      amount: 50_000_000,
      termMonths: 180,
    });
    // 50,000,000 × 0.4 % × days / 365, floored monthly, Oct 2026–Sep 2027: five 30-day months
    // (16,438 each), six 31-day months (16,986 each) and Jan 30 → Feb 28, 29 days (15,890):
    // 82,190 + 101,916 + 15,890 = 199,996.
    expect(cell.years[0].capitalInterest).toBe(199_996);
    expect(cell.years[0].capitalRecognition).toBe(1);
    expect(cell.summary.failedChecks).not.toContain('solvency-within');
    expect(cell.eligibility).toEqual([]);
  });
});
