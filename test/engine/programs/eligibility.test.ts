import {
  BorrowerFacts,
  EligibilityResult,
  Program,
  ProgramRequest,
  checkEligibility,
  findProgram,
} from '../../../engine/programs';
import { monthsEn, monthsJa, yenEn, yenJa } from '../../../engine/programs/format';
import { toEpochDay } from '../../../engine/time/civil-date';

function program(id: string): Program {
  const p = findProgram(id);
  if (!p) throw new Error(`no program ${id}`);
  return p;
}

/** A borrower who meets every condition the catalog asks about. */
const facts: BorrowerFacts = {
  debtRepaymentYears: 18,
  hasCrisisEraDebt: true,
  hasImprovementPlan: true,
  privateBankSupport: true,
  isSmallEnterprise: true,
  existingGuaranteedYen: 0,
  concurrentProperLoanYen: 0,
  salesChangeRate: -0.1,
  successionOrConsolidation: true,
};

const crisisRequest: ProgramRequest = {
  amountYen: 300_000_000,
  termMonths: 180,
  graceMonths: 12,
  unit: 'sme',
  replacedRemainingMonths: 96,
  // The rate by term has its own tests (program-terms.test.ts): here the case typed the rate.
  baseRateGiven: true,
};

function check(
  id: string,
  request: Partial<ProgramRequest> = {},
  f: Partial<BorrowerFacts> = {},
): EligibilityResult {
  return checkEligibility(program(id), { ...crisisRequest, ...request }, { ...facts, ...f });
}

/** The issues of one rule, as `severity: messageJa | messageEn`. */
function issues(result: EligibilityResult, rule: string): string[] {
  return result.issues
    .filter((i) => i.rule === rule)
    .map((i) => `${i.severity}: ${i.messageJa} | ${i.messageEn}`);
}

describe('number formats used in the messages', () => {
  test('yen and months', () => {
    expect(yenJa(2_000_000_000)).toBe('20億円');
    expect(yenJa(1_440_000_000)).toBe('14億4,000万円');
    expect(yenJa(72_000_000)).toBe('7,200万円');
    expect(yenJa(1)).toBe('1円');
    expect(yenJa(0)).toBe('0円');
    expect(yenEn(2_000_000_001)).toBe('¥2,000,000,001');
    expect(monthsJa(61)).toBe('5年1か月（61か月）');
    expect(monthsJa(240)).toBe('20年（240か月）');
    expect(monthsJa(11)).toBe('11か月');
    expect(monthsEn(61)).toBe('61 months (5 years 1 month)');
    expect(monthsEn(12)).toBe('12 months (1 year)');
    expect(monthsEn(1)).toBe('1 month');
  });
});

describe('a request that meets everything', () => {
  test('危機対応後経営安定貸付 (中小) with 債務償還年数 18, crisis-era debt, a longer term', () => {
    const result = check('crisis-recovery-stabilization');
    expect(result.issues).toEqual([]);
    expect(result.eligible).toBe(true);
    expect(result.terms?.limitYen).toBe(2_000_000_000);
  });

  test('a generic bank loan accepts any terms', () => {
    const result = check('bank-loan', {
      amountYen: 5_000_000_000,
      termMonths: 600,
      graceMonths: 120,
      method: 'annuity',
    });
    expect(result).toMatchObject({ eligible: true, issues: [] });
  });
});

describe('terms: errors with the reason and the numbers, never a silent cap', () => {
  test('an amount over the limit', () => {
    expect(check('crisis-recovery-stabilization', { amountYen: 2_000_000_000 }).eligible).toBe(
      true,
    );
    const result = check('crisis-recovery-stabilization', { amountYen: 2_000_000_001 });
    expect(result.eligible).toBe(false);
    expect(issues(result, 'limit')).toEqual([
      'error: 借入額 20億1円 は限度額 20億円 を 1円 超えています | Amount of ¥2,000,000,001 exceeds the limit of ¥2,000,000,000 by ¥1',
    ]);
    expect(result.issues[0].values).toEqual({
      amountYen: 2_000_000_001,
      limitYen: 2_000_000_000,
      excessYen: 1,
    });
  });

  test('a separate limit (別枠) says so', () => {
    const result = check('crisis-recovery-stabilization', { unit: 'micro', amountYen: 80_000_000 });
    expect(issues(result, 'limit')).toEqual([
      'error: 借入額 8,000万円 は限度額 7,200万円（別枠） を 800万円 超えています | Amount of ¥80,000,000 exceeds the limit of ¥72,000,000 (separate limit) by ¥8,000,000',
    ]);
  });

  test('a limit that counts existing guaranteed loans (小口零細企業保証)', () => {
    const request = { amountYen: 15_000_000, termMonths: 60, graceMonths: 0 };
    expect(
      check('small-micro-guarantee', request, { existingGuaranteedYen: 5_000_000 }).eligible,
    ).toBe(true);
    const over = check('small-micro-guarantee', request, { existingGuaranteedYen: 10_000_000 });
    expect(issues(over, 'limit')).toEqual([
      'error: 借入額 1,500万円 と既存の保証付残高 1,000万円 の合計 2,500万円 は限度額 2,000万円 を 500万円 超えています | This amount of ¥15,000,000 plus existing guaranteed loans of ¥10,000,000 makes ¥25,000,000, ¥5,000,000 over the limit of ¥20,000,000',
    ]);
    const unknown = check('small-micro-guarantee', request, { existingGuaranteedYen: undefined });
    expect(unknown.eligible).toBe(true);
    expect(issues(unknown, 'limit')).toEqual([
      expect.stringMatching(/^warning: 限度額 2,000万円 は既存/),
    ]);
  });

  test('a term over the maximum', () => {
    expect(check('crisis-recovery-stabilization', { termMonths: 240 }).eligible).toBe(true);
    const result = check('crisis-recovery-stabilization', { termMonths: 252 });
    expect(issues(result, 'max-term')).toEqual([
      'error: 期間 21年（252か月） は最長 20年（240か月） を超えています | Term of 252 months (21 years) exceeds the maximum of 240 months (20 years)',
    ]);
    expect(result.eligible).toBe(false);
  });

  test('a capital-type term that is not 5年1か月 or a whole number of years from 6 to 20', () => {
    const capital = (termMonths: number) =>
      check('capital-subordinated', {
        amountYen: 100_000_000,
        termMonths,
        graceMonths: termMonths,
      });
    for (const ok of [61, 72, 240]) expect(capital(ok).issues).toEqual([]);
    expect(issues(capital(66), 'allowed-term')).toEqual([
      'error: 期間 5年6か月（66か月） は選べません。選べる期間: 5年1か月（61か月）、または6年〜20年の1年単位 | Term of 66 months (5 years 6 months) is not offered; allowed: 61 months (5 years 1 month), or whole years from 6 to 20',
    ]);
    expect(issues(capital(60), 'min-term')).toEqual([
      'error: 期間 5年（60か月） は最短 5年1か月（61か月） に足りません | Term of 60 months (5 years) is shorter than the minimum of 61 months (5 years 1 month)',
    ]);
    // 国民事業 takes any term from 5年1か月 to 20年.
    expect(
      check('capital-subordinated', {
        unit: 'micro',
        amountYen: 50_000_000,
        termMonths: 66,
        graceMonths: 66,
      }).issues,
    ).toEqual([]);
  });

  test('a grace over the maximum, and a grace that is not inside the term', () => {
    expect(check('crisis-recovery-stabilization', { graceMonths: 24 }).eligible).toBe(true);
    expect(
      issues(check('crisis-recovery-stabilization', { graceMonths: 30 }), 'max-grace'),
    ).toEqual([
      'error: 据置期間 2年6か月（30か月） は最長 2年（24か月） を超えています | Grace of 30 months (2 years 6 months) exceeds the maximum of 24 months (2 years)',
    ]);
    const whole = check('bank-loan', { termMonths: 60, graceMonths: 60 });
    expect(issues(whole, 'grace-inside-term')).toEqual([
      'error: 据置期間 5年（60か月） は期間 5年（60か月） の内側でなければなりません | Grace of 60 months (5 years) must lie inside the term of 60 months (5 years)',
    ]);
    expect(check('bank-loan', { termMonths: 60, graceMonths: 60, method: 'bullet' }).eligible).toBe(
      true,
    );
  });

  test('grace by fund purpose (協調支援型特別保証: 1 year working, 3 years equipment)', () => {
    const request = { amountYen: 50_000_000, termMonths: 120, graceMonths: 24 };
    const fact = { concurrentProperLoanYen: 5_000_000 };
    expect(
      check('cooperative-support-guarantee', { ...request, purpose: 'equipment' }, fact).issues,
    ).toEqual([]);
    const working = check(
      'cooperative-support-guarantee',
      { ...request, purpose: 'working' },
      fact,
    );
    expect(issues(working, 'max-grace')).toEqual([
      expect.stringContaining('据置期間 2年（24か月） は最長 1年（12か月） を超えています'),
    ]);
  });

  test('no purpose given where the terms differ by purpose: checked as working capital, with a warning', () => {
    const result = check('safety-net', { termMonths: 120, graceMonths: 12 });
    expect(issues(result, 'purpose')).toEqual([
      'warning: 資金使途の指定がないため運転資金として判定しました（借換は通常運転資金） | No fund purpose given: checked as working capital (refinancing usually is)',
    ]);
    expect(issues(result, 'max-term')).toEqual([
      expect.stringContaining('期間 10年（120か月） は最長 8年（96か月） を超えています'),
    ]);
    expect(
      check('safety-net', { termMonths: 120, graceMonths: 12, purpose: 'equipment' }).eligible,
    ).toBe(true);
  });

  test('a repayment method the program does not offer', () => {
    const result = check('capital-subordinated', {
      amountYen: 100_000_000,
      termMonths: 120,
      graceMonths: 0,
      method: 'annuity',
    });
    expect(issues(result, 'method')).toEqual([
      'error: 返済方法 annuity はこの制度では選べません（選べるのは bullet） | Repayment method annuity is not offered (allowed: bullet)',
    ]);
  });

  test('a unit is needed where terms differ by unit; a unit the catalog lacks is an error', () => {
    const none = check('crisis-recovery-stabilization', { unit: undefined });
    expect(none).toMatchObject({ eligible: false, terms: null });
    expect(issues(none, 'unit')[0]).toMatch(/中小企業事業 \(sme\)・国民生活事業 \(micro\)/);
    const lacking = check('capital-subordinated-pre-2025-03', {
      unit: 'micro',
      termMonths: 120,
      graceMonths: 0,
    });
    expect(issues(lacking, 'unit')[0]).toMatch(/国民生活事業の条件はカタログにありません/);
  });

  test('a request that is not a loan', () => {
    const result = check('bank-loan', { amountYen: 0, termMonths: 12.5 });
    expect(result.issues.map((i) => i.messageEn)).toEqual([
      'amountYen: must be a whole number of yen above 0 (0)',
      'termMonths: must be a whole number of months, at least 1 (12.5)',
    ]);
    expect(result.terms).toBeNull();
  });
});

describe('availability', () => {
  test('an ended program is not available, though its terms are still checked', () => {
    const result = check('covid-capital-subordinated', {
      amountYen: 100_000_000,
      termMonths: 84,
      graceMonths: 0,
    });
    expect(issues(result, 'available')).toEqual([
      'error: 新型コロナ対策資本性劣後ローン（コロナ資本性劣後ローン）は新規の取扱いを終了しています（2024-06-30まで）。条件は既存の残高のために残しています | COVID-19 capital-type subordinated loan takes no new loans (ended 2024-06-30); its terms are kept for existing balances',
    ]);
    expect(issues(result, 'allowed-term')[0]).toMatch(
      /選べる期間: 5年1か月（61か月）、または10年（120か月）、または20年（240か月）/,
    );
  });

  test('a drawdown after the 取扱期限, or before the start', () => {
    const request = { amountYen: 100_000_000, termMonths: 120, graceMonths: 12 };
    const id = 'management-improvement-support-guarantee';
    expect(check(id, { ...request, drawdownDate: toEpochDay(2026, 3, 31) }).eligible).toBe(true);
    expect(
      issues(check(id, { ...request, drawdownDate: toEpochDay(2026, 4, 1) }), 'available'),
    ).toEqual([
      "error: 実行日 2026-04-01 は取扱期限 2026-03-31 を過ぎています | Drawdown on 2026-04-01 is after the program's end (2026-03-31)",
    ]);
    expect(
      issues(check(id, { ...request, drawdownDate: toEpochDay(2025, 3, 13) }), 'available'),
    ).toEqual([
      'error: 実行日 2025-03-13 は取扱開始日 2025-03-14 より前です | Drawdown on 2025-03-13 is before the program starts (2025-03-14)',
    ]);
  });
});

describe('eligibility rules', () => {
  test('危機対応後経営安定貸付 needs 債務償還年数 over 13 years (13 itself fails)', () => {
    const rule = 'min-debt-repayment-years';
    expect(
      issues(check('crisis-recovery-stabilization', {}, { debtRepaymentYears: 13.01 }), rule),
    ).toEqual([]);
    const at13 = check('crisis-recovery-stabilization', {}, { debtRepaymentYears: 13 });
    expect(at13.eligible).toBe(false);
    expect(issues(at13, rule)).toEqual([
      'error: 債務償還年数 13年は要件（13年超）を満たしません | Debt repayment years of 13 do not meet the requirement (more than 13 years)',
    ]);
    const low = check('crisis-recovery-stabilization', {}, { debtRepaymentYears: 9.456 });
    expect(low.issues[0].values).toEqual({
      debtRepaymentYears: 9.456,
      requiredYears: 13,
      inclusive: false,
    });
    expect(low.issues[0].messageJa).toMatch(/債務償還年数 9.46年/);
  });

  test('債務償還年数 that cannot be computed (cash flow ≤ 0) counts as over the threshold, with a warning', () => {
    const result = check('crisis-recovery-stabilization', {}, { debtRepaymentYears: null });
    expect(result.eligible).toBe(true);
    expect(issues(result, 'min-debt-repayment-years')).toEqual([
      'warning: 債務償還年数はキャッシュフローがゼロ以下のため算出できません（返済不能）。要件（13年超）は満たすものとして判定しました | Debt repayment years cannot be computed (cash flow zero or negative): taken as meeting the requirement (more than 13 years)',
    ]);
  });

  test('危機対応後経営安定貸付 needs crisis-era debt', () => {
    const result = check('crisis-recovery-stabilization', {}, { hasCrisisEraDebt: false });
    expect(result.eligible).toBe(false);
    expect(issues(result, 'requires-crisis-era-debt')).toEqual([
      'error: 災害等の危機時に措置され既に終了した貸付制度（コロナ貸付・コロナ資本性ローン等）の利用が必要です | Requires debt from a crisis-era program that has ended (COVID loans, COVID capital-type loans …)',
    ]);
  });

  test('危機対応後経営安定貸付: the new term must exceed the remaining term it replaces', () => {
    const rule = 'new-term-exceeds-replaced-remaining';
    expect(
      issues(
        check('crisis-recovery-stabilization', { termMonths: 133, replacedRemainingMonths: 132 }),
        rule,
      ),
    ).toEqual([]);
    expect(
      issues(
        check('crisis-recovery-stabilization', { termMonths: 120, replacedRemainingMonths: 132 }),
        rule,
      ),
    ).toEqual([
      'error: 新しい期間 10年（120か月） が借換対象の残存期間 11年（132か月） を上回っていません | The new term of 120 months (10 years) does not exceed the remaining term of the debt it replaces (132 months (11 years))',
    ]);
    expect(
      check('crisis-recovery-stabilization', { termMonths: 132, replacedRemainingMonths: 132 })
        .eligible,
    ).toBe(false);
    const unknown = check('crisis-recovery-stabilization', { replacedRemainingMonths: undefined });
    expect(unknown.eligible).toBe(true);
    expect(issues(unknown, rule)[0]).toMatch(/^warning: 借換対象の残存期間が未入力/);
  });

  test('経営改善サポート保証 needs an improvement plan', () => {
    const request = { amountYen: 100_000_000, termMonths: 120, graceMonths: 12 };
    const id = 'management-improvement-support-guarantee';
    expect(check(id, request).issues).toEqual([]);
    const result = check(id, request, { hasImprovementPlan: false });
    expect(result.eligible).toBe(false);
    expect(issues(result, 'requires-improvement-plan')).toEqual([
      'error: 経営改善計画（経営サポート会議・405事業・協議会等で策定）が必要です | Requires a management-improvement or rebirth plan (経営サポート会議, 405 program, council …)',
    ]);
  });

  test('資本性劣後ローン: the 再生型 conditions (15 years or more, a plan) are labelled warnings', () => {
    const request = { amountYen: 100_000_000, termMonths: 120, graceMonths: 120 };
    expect(check('capital-subordinated', request, { debtRepaymentYears: 15 }).issues).toEqual([]);
    const result = check('capital-subordinated', request, {
      debtRepaymentYears: 14.9,
      hasImprovementPlan: false,
    });
    expect(result.eligible).toBe(true);
    expect(result.issues.map((i) => `${i.severity}: ${i.messageJa}`)).toEqual([
      'warning: 【再生型】債務償還年数 14.9年は要件（15年以上）を満たしません',
      'warning: 【再生型】経営改善計画（経営サポート会議・405事業・協議会等で策定）が必要です',
    ]);
    expect(result.issues[0].messageEn).toBe(
      '[rebirth track] Debt repayment years of 14.9 do not meet the requirement (15 years or more)',
    );
  });

  test('協調支援型特別保証: a proper loan of 10 % alongside, or a plan with a bank behind it', () => {
    const id = 'cooperative-support-guarantee';
    const request = {
      amountYen: 100_000_000,
      termMonths: 120,
      graceMonths: 12,
      purpose: 'working' as const,
    };
    const rule = 'requires-proper-loan-or-supported-plan';
    const noPlan = { hasImprovementPlan: false };
    expect(
      issues(check(id, request, { ...noPlan, concurrentProperLoanYen: 10_000_000 }), rule),
    ).toEqual([]);
    expect(issues(check(id, request, { concurrentProperLoanYen: 0 }), rule)).toEqual([]);
    const short = check(id, request, { ...noPlan, concurrentProperLoanYen: 9_999_999 });
    expect(short.eligible).toBe(false);
    expect(issues(short, rule)).toEqual([
      "error: 同時実行のプロパー融資 999万9,999円 が必要額 1,000万円（保証付融資 1億円 の 10.00%）に足りず、金融機関の支援を受けた計画（進捗報告付き）もありません | The proper loan drawn alongside, ¥9,999,999, is below the ¥10,000,000 needed (10.00% of ¥100,000,000), and there is no plan made with a bank's support and monitored",
    ]);
    const unsupported = check(id, request, {
      concurrentProperLoanYen: 0,
      privateBankSupport: false,
    });
    expect(unsupported.eligible).toBe(false);
  });

  test('小口零細企業保証 is for small enterprises', () => {
    const request = { amountYen: 10_000_000, termMonths: 60, graceMonths: 6 };
    const rule = 'requires-small-enterprise';
    expect(check('small-micro-guarantee', request).issues).toEqual([]);
    expect(
      issues(check('small-micro-guarantee', request, { isSmallEnterprise: false }), rule),
    ).toEqual(['error: 小規模企業者が対象です | Only for small enterprises (小規模企業者)']);
    const unknown = check('small-micro-guarantee', request, { isSmallEnterprise: undefined });
    expect(unknown.eligible).toBe(true);
    expect(issues(unknown, rule)[0]).toMatch(/^warning: 小規模企業者かどうかが未入力/);
  });

  test('事業承継・集約・活性化支援資金 is for a succession or consolidation', () => {
    const request = {
      amountYen: 100_000_000,
      termMonths: 120,
      graceMonths: 12,
      purpose: 'working' as const,
    };
    const rule = 'requires-succession-purpose';
    expect(check('business-succession', request).issues).toEqual([]);
    const no = check('business-succession', request, { successionOrConsolidation: false });
    expect(no.eligible).toBe(false);
    expect(issues(no, rule)[0]).toMatch(/^error: 事業承継・集約/);
    expect(
      issues(
        check('business-succession', request, { successionOrConsolidation: undefined }),
        rule,
      )[0],
    ).toMatch(/^warning: /);
  });

  test('セーフティネット貸付: a sales fall under 5 % is a warning (the requirement has waivers)', () => {
    const request = {
      amountYen: 100_000_000,
      termMonths: 96,
      graceMonths: 12,
      purpose: 'working' as const,
    };
    const rule = 'min-sales-decline';
    expect(check('safety-net', request, { salesChangeRate: -0.05 }).issues).toEqual([]);
    const small = check('safety-net', request, { salesChangeRate: -0.03 });
    expect(small.eligible).toBe(true);
    expect(issues(small, rule)).toEqual([
      'warning: 最近3か月の売上高増減率 -3.0% は要件（5.0%以上の減少）を満たしません（米国関税の影響を受ける事業者等は緩和あり） | Sales change of -3.0% over the latest 3 months does not meet the required fall of 5.0% or more (waived for firms hit by the US tariffs, among others)',
    ]);
    expect(issues(check('safety-net', request, { salesChangeRate: undefined }), rule)[0]).toMatch(
      /^warning: 売上高の増減率が未入力/,
    );
  });
});
