import { readFileSync } from 'fs';
import { join } from 'path';
import { Case, FieldError, applyStrategy, parseCaseFile, simulate } from '../../../engine';
import {
  borrowerFacts,
  catalogPrograms,
  smallEnterpriseFromEmployees,
} from '../../../engine/programs';

/**
 * Every eligibility fact: settable in a case file, checked when given, a "not checked" warning
 * when left out (never false or zero), and derived from the debt stack where it shows it.
 */

type Json = Record<string, unknown>;
const LODGING = join(__dirname, '../../../scenarios/lodging-crisis-refinance.case.json');

function lodgingJson(): Json {
  return JSON.parse(readFileSync(LODGING, 'utf8')) as Json;
}

function parse(json: Json): { c?: Case; errors: FieldError[] } {
  const parsed = parseCaseFile(json);
  return parsed.ok ? { c: parsed.value, errors: [] } : { errors: parsed.errors };
}

/** The lodging case with these strategies and facts (amounts in thousand yen). */
function lodging(strategies: Json[], facts: Json, employees = 15): Case {
  const json = lodgingJson();
  json.strategies = strategies;
  json.facts = facts;
  (json.profile as Json).employees = employees;
  const { c, errors } = parse(json);
  if (!c) throw new Error(JSON.stringify(errors));
  return c;
}

function issues(c: Case, strategyId: string) {
  const out = simulate(c, catalogPrograms(c.programOverrides));
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results.cells.find((x) => x.strategyId === strategyId && x.shock === null)!
    .eligibility;
}

const refinance = (loanIds: string[], programId: string, more: Json = {}) => ({
  kind: 'refinance',
  select: { loanIds },
  programId,
  termMonths: 120,
  ...more,
});

describe('facts in a case file', () => {
  test('every fact is read, amounts in the case unit, loan ids as a list or one text', () => {
    const json = lodgingJson();
    json.facts = {
      hasCrisisEraDebt: true,
      crisisEraLoanIds: 'Z1, C1',
      hasImprovementPlan: false,
      privateBankSupport: true,
      isSmallEnterprise: false,
      existingGuaranteedYen: 12_000,
      concurrentProperLoanYen: 3_000,
      salesChangeRate: '-8%',
      successionOrConsolidation: true,
      payrollChangeRate: '3%',
    };
    expect(parse(json).c!.facts).toEqual({
      hasCrisisEraDebt: true,
      crisisEraLoanIds: ['Z1', 'C1'],
      hasImprovementPlan: false,
      privateBankSupport: true,
      isSmallEnterprise: false,
      existingGuaranteedYen: 12_000_000,
      concurrentProperLoanYen: 3_000_000,
      salesChangeRate: -0.08,
      successionOrConsolidation: true,
      payrollChangeRate: 0.03,
    });
  });

  test('a fact left out stays undefined: never false or zero', () => {
    const json = lodgingJson();
    delete json.facts;
    expect(parse(json).c!.facts).toEqual({});
  });

  test('bad facts are errors naming the path', () => {
    const json = lodgingJson();
    json.facts = { isSmallEnterprise: 'yes', crisisEraLoanIds: ['Z1', 'Q9'], salesChangeRate: 8 };
    expect(parse(json).errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'facts.isSmallEnterprise: must be true or false',
      'facts.salesChangeRate: must be a rate between -100% and 100% — write 2.3 % as 0.023 or "2.3%"',
      'facts.crisisEraLoanIds[1]: no loan of the stack has this id',
    ]);
  });
});

describe('each fact: given → checked, left out → a warning, derived from the stack', () => {
  test('hasCrisisEraDebt: derived from crisisEraLoanIds; both left out → not checked', () => {
    const crisis = [
      {
        id: 'r',
        actions: [refinance(['Z1', 'C1'], 'crisis-recovery-stabilization', { termMonths: 240 })],
      },
    ];
    const rule = (c: Case) => issues(c, 'r').filter((i) => i.rule === 'requires-crisis-era-debt');
    expect(rule(lodging(crisis, { crisisEraLoanIds: ['Z1', 'C1'] }))).toEqual([]);
    expect(rule(lodging(crisis, { hasCrisisEraDebt: false }))[0].severity).toBe('error');
    const left = rule(lodging(crisis, {}));
    expect(left.map((i) => i.severity)).toEqual(['warning']);
    expect(left[0].messageEn).toMatch(/not checked/);
  });

  test("the crisis program's purpose: only crisis-era loans pass; left out → not checked", () => {
    const crisis = [
      {
        id: 'r',
        actions: [refinance(['Z1', 'C1'], 'crisis-recovery-stabilization', { termMonths: 240 })],
      },
    ];
    const rule = (c: Case) => issues(c, 'r').filter((i) => i.rule === 'refinances-crisis-era-debt');
    expect(rule(lodging(crisis, { crisisEraLoanIds: ['Z1', 'C1'] }))).toEqual([]);
    expect(rule(lodging(crisis, { crisisEraLoanIds: ['C1'] }))[0].messageEn).toContain(
      'not crisis-era: Z1 (120 months (10 years) left)',
    );
    expect(rule(lodging(crisis, {}))[0].messageEn).toMatch(/not checked/);
  });

  test('協調支援型特別保証: the proper loan alongside, given or derived from the strategy, or a bank-supported plan', () => {
    const coop = refinance(['Z1'], 'cooperative-support-guarantee', { baseRate: '1.8%' });
    const rule = (c: Case) =>
      issues(c, 's').filter((i) => i.rule === 'requires-proper-loan-or-supported-plan');
    // Left out: not checked (before, a missing amount became ¥0 and an error).
    const left = rule(lodging([{ id: 's', actions: [coop] }], {}));
    expect(left.map((i) => i.severity)).toEqual(['warning']);
    expect(left[0].messageEn).toContain('facts.concurrentProperLoanYen');
    // Given: 5,000千円 < 10 % of 60,000千円, and no supported plan → error.
    const short = rule(
      lodging([{ id: 's', actions: [coop] }], {
        concurrentProperLoanYen: 5_000,
        hasImprovementPlan: false,
      }),
    );
    expect(short[0].severity).toBe('error');
    expect(short[0].messageJa).toContain('同時実行のプロパー融資 500万円 が必要額 600万円');
    // Derived: the same strategy refinances B1 (120,000千円) with the bank's proper loan.
    const withBank = {
      id: 's',
      actions: [coop, refinance(['B1'], 'bank-loan', { baseRate: '2%' })],
    };
    expect(rule(lodging([withBank], {}))).toEqual([]);
    // Route ②: a plan the bank supports (the refinancing's support is no longer hard-coded false).
    expect(
      rule(
        lodging([{ id: 's', actions: [coop] }], {
          hasImprovementPlan: true,
          privateBankSupport: true,
        }),
      ),
    ).toEqual([]);
  });

  test('小口零細企業保証: small enterprise given, or from the head count; guaranteed balances from the stack', () => {
    // C1 is 70,000千円: over the 2,000万円 limit whatever the facts, so a small loan is made.
    const json = lodgingJson();
    const loans = json.loans as Json[];
    loans.push({
      id: 'S1',
      name: 'small',
      lender: 'みどり銀行',
      principal: 5_000,
      termMonths: 60,
      method: 'equal-principal',
      rate: { type: 'fixed', annualRate: '2%' },
    });
    const small = (facts: Json, employees: number) => {
      json.strategies = [
        { id: 's', actions: [refinance(['S1'], 'small-micro-guarantee', { baseRate: '2%' })] },
      ];
      json.facts = facts;
      (json.profile as Json).employees = employees;
      const { c, errors } = parse(json);
      if (!c) throw new Error(JSON.stringify(errors));
      return issues(c, 's');
    };
    const rule = (list: ReturnType<typeof small>, kind: string) =>
      list.filter((i) => i.rule === kind);
    // 15 employees: depends on the sector → not checked; 3 → small; 25 → not small (error).
    expect(rule(small({}, 15), 'requires-small-enterprise')[0].severity).toBe('warning');
    expect(rule(small({}, 3), 'requires-small-enterprise')).toEqual([]);
    expect(rule(small({}, 25), 'requires-small-enterprise')[0].severity).toBe('error');
    expect(rule(small({ isSmallEnterprise: true }, 25), 'requires-small-enterprise')).toEqual([]);
    // The limit counts Z1, still guaranteed (0.85 %): 500万円 + 6,000万円 > 2,000万円.
    const limit = rule(small({}, 3), 'limit');
    expect(limit[0].severity).toBe('error');
    expect(limit[0].messageJa).toContain('既存の保証付残高 6,000万円');
    // Given by the case: its figure wins.
    expect(rule(small({ existingGuaranteedYen: 10_000 }, 3), 'limit')).toEqual([]);
  });

  test('セーフティネット and 事業承継: sales change and succession given → checked, left out → not checked', () => {
    const sn = [{ id: 's', actions: [refinance(['Z1'], 'safety-net', { termMonths: 60 })] }];
    const decline = (facts: Json) =>
      issues(lodging(sn, facts), 's').filter((i) => i.rule === 'min-sales-decline');
    expect(decline({ salesChangeRate: '-6%' })).toEqual([]);
    expect(decline({ salesChangeRate: '-2%' })[0].messageEn).toMatch(/does not meet/);
    expect(decline({})[0].messageEn).toMatch(/not given/);
    const bs = [
      { id: 's', actions: [refinance(['Z1'], 'business-succession', { termMonths: 60 })] },
    ];
    const succ = (facts: Json) =>
      issues(lodging(bs, facts), 's').filter((i) => i.rule === 'requires-succession-purpose');
    expect(succ({ successionOrConsolidation: true })).toEqual([]);
    expect(succ({ successionOrConsolidation: false })[0].severity).toBe('error');
    expect(succ({})[0].severity).toBe('warning');
  });

  test("債務償還年数 for a refinancing leaves out the strategy's DDS while recognised as capital, as the checks do", () => {
    const crisis = refinance(['Z1', 'C1'], 'crisis-recovery-stabilization', { termMonths: 240 });
    const dds = {
      kind: 'capital-loan',
      mode: 'dds',
      select: { loanIds: ['B1'] },
      programId: 'bank-dds',
      amount: 20_000,
      termMonths: 180,
    };
    const years = (actions: Json[]) =>
      issues(lodging([{ id: 's', actions }], { crisisEraLoanIds: ['Z1', 'C1'] }), 's').filter(
        (i) => i.rule === 'min-debt-repayment-years',
      );
    // Closed year: cash flow 10,700 + 10,000 − 3,210 = 17,490千円; debt 250,000 − cash 10,000 −
    // working capital (3,000 + 2,000 − 5,000 = 0) = 240,000 → 13.72 years: over 13, eligible.
    expect(years([crisis])).toEqual([]);
    // A 20,000千円 DDS, 100 % capital for 15 years: (240,000 − 20,000) / 17,490 = 12.58 ≤ 13.
    const withDds = years([dds, crisis]);
    expect(withDds.map((i) => i.severity)).toEqual(['error']);
    expect(withDds[0].messageEn).toContain('Debt repayment years of 12.58 do not meet');
  });

  test('the derivations, directly', () => {
    expect([1, 5, 6, 20, 21, 0].map(smallEnterpriseFromEmployees)).toEqual([
      true,
      true,
      undefined,
      undefined,
      false,
      undefined,
    ]);
    const c = lodging([], {}, 15);
    const { book } = applyStrategy(
      c.stack.loans,
      { id: 'x', name: 'x', actions: [] },
      c.asOf,
      () => undefined,
      'x',
    );
    const facts = borrowerFacts(c, book, 'new', 14.2, undefined);
    expect(facts).toMatchObject({ debtRepaymentYears: 14.2, existingGuaranteedYen: 60_000_000 });
    expect(facts.concurrentProperLoanYen).toBeUndefined();
    expect(facts.hasImprovementPlan).toBeUndefined();
  });
});
