import { EpochDay, formatIsoDate, parseIsoDate } from '../time/civil-date';
import { RepaymentMethod } from '../schedule/repayment-method';
import {
  EligibilityRule,
  FundPurpose,
  PURPOSE_LABELS,
  Program,
  ProgramTerms,
  ProgramUnit,
  Severity,
  UNIT_LABELS,
  isAllowedTerm,
  programPurposes,
  programUnits,
  resolveTerms,
} from './catalog';
import { monthsEn, monthsJa, percent, yenEn, yenJa } from './format';
import { rateTermIssue } from './program-pricing';

/** The loan asked for under a program. */
export interface ProgramRequest {
  amountYen: number;
  termMonths: number;
  /** 据置 months, inside the term. */
  graceMonths: number;
  /** Needed when the program's terms differ by JFC unit. */
  unit?: ProgramUnit;
  /** 設備 / 運転; when the terms differ by purpose and none is given, working capital is assumed. */
  purpose?: FundPurpose;
  method?: RepaymentMethod;
  /** For a refinancing: the remaining term (months) of the debt it replaces — the longest one. */
  replacedRemainingMonths?: number;
  /** For a refinancing: the loans it replaces, with their remaining terms. */
  replacedLoans?: { id: string; remainingMonths: number }[];
  /** The rate options chosen (their conditions are checked). */
  rateOptions?: string[];
  /** The case typed the base rate itself: the catalog's rate by term is not used. */
  baseRateGiven?: boolean;
  /** Checked against the program's availableFrom / availableUntil. */
  drawdownDate?: EpochDay;
}

/**
 * What is known of the borrower. Optional facts left out are reported as warnings ("cannot be
 * checked") by the rules that need them, never taken as met or failed.
 */
export interface BorrowerFacts {
  /**
   * 債務償還年数 (domain.md §6); `null` when cash flow is zero or negative (返済不能), which
   * reads as more years than any threshold.
   */
  debtRepaymentYears: number | null;
  /** Has used (still owes) a crisis-era program now ended: コロナ貸付, コロナ資本性ローン … */
  hasCrisisEraDebt?: boolean;
  /** The stack's loans from crisis-era programs, by id. */
  crisisEraLoanIds?: string[];
  /** Has a 経営改善計画 / 再生計画 (経営サポート会議, 405事業, 協議会 …). */
  hasImprovementPlan?: boolean;
  /** A private bank supports the plan (協調支援, 相応の支援). */
  privateBankSupport?: boolean;
  /** 雇用者給与等支給額 against the latest fiscal year: 0.03 = +3 %. */
  payrollChangeRate?: number;
  /** 小規模企業者. */
  isSmallEnterprise?: boolean;
  /** Guaranteed (信用保証付) loans outstanding, yen. */
  existingGuaranteedYen?: number;
  /** A proper (unguaranteed) loan of a year or more drawn at the same time, yen. */
  concurrentProperLoanYen?: number;
  /** Sales of the latest 3 months against the same months a year (or two) before: −0.08 = −8 %. */
  salesChangeRate?: number;
  /** Succession, consolidation, a second founding after succession, PMI … (事業承継・集約). */
  successionOrConsolidation?: boolean;
}

export type IssueValue = number | string | boolean | null;

/** One finding, explained in both languages with the numbers behind it. */
export interface ProgramIssue {
  /** A check (`limit`, `max-term`, `allowed-term`, `max-grace` …) or an eligibility rule kind. */
  rule: string;
  severity: Severity;
  messageJa: string;
  messageEn: string;
  values: Record<string, IssueValue>;
}

export interface EligibilityResult {
  /** No error-level issue. */
  eligible: boolean;
  issues: ProgramIssue[];
  /** The variant's terms the request was checked against (null when no variant applies). */
  terms: ProgramTerms | null;
}

type Add = (
  rule: string,
  severity: Severity,
  messageJa: string,
  messageEn: string,
  values: Record<string, IssueValue>,
) => void;

/**
 * Checks a request against a program's terms and eligibility rules. Nothing is capped or
 * adjusted: an amount over the limit, a term or grace too long, a term the program does not
 * offer, an unmet condition is an issue with the reason and the numbers.
 */
export function checkEligibility(
  program: Program,
  request: ProgramRequest,
  facts: BorrowerFacts,
): EligibilityResult {
  const issues: ProgramIssue[] = [];
  const add: Add = (rule, severity, messageJa, messageEn, values) =>
    issues.push({ rule, severity, messageJa, messageEn, values });
  const result = (terms: ProgramTerms | null): EligibilityResult => ({
    eligible: !issues.some((i) => i.severity === 'error'),
    issues,
    terms,
  });

  checkAvailability(program, request.drawdownDate, add);
  if (!checkRequest(request, add)) return result(null);
  const selection = selectVariant(program, request, add);
  if (!selection) return result(null);
  const terms = resolveTerms(program, selection);
  checkTerms(terms, request, facts, add);
  checkRate(program, terms, request, facts, add);
  for (const rule of program.eligibility) checkRule(rule, request, facts, add);
  return result(terms);
}

function checkAvailability(program: Program, drawdown: EpochDay | undefined, add: Add): void {
  const { ja, en } = program.name;
  const until = program.availableUntil;
  if (!program.available) {
    add(
      'available',
      'error',
      `${ja}は新規の取扱いを終了しています${until ? `（${until}まで）` : ''}。条件は既存の残高のために残しています`,
      `${en} takes no new loans${until ? ` (ended ${until})` : ''}; its terms are kept for existing balances`,
      { availableUntil: until ?? null },
    );
    return;
  }
  if (drawdown === undefined) return;
  const date = formatIsoDate(drawdown);
  const from = program.availableFrom;
  if (from && drawdown < (parseIsoDate(from) as number)) {
    add(
      'available',
      'error',
      `実行日 ${date} は取扱開始日 ${from} より前です`,
      `Drawdown on ${date} is before the program starts (${from})`,
      { drawdownDate: date, availableFrom: from },
    );
  }
  if (until && drawdown > (parseIsoDate(until) as number)) {
    add(
      'available',
      'error',
      `実行日 ${date} は取扱期限 ${until} を過ぎています`,
      `Drawdown on ${date} is after the program's end (${until})`,
      { drawdownDate: date, availableUntil: until },
    );
  }
}

function checkRequest(request: ProgramRequest, add: Add): boolean {
  const { amountYen, termMonths, graceMonths } = request;
  let ok = true;
  const bad = (field: string, value: number, ja: string, en: string) => {
    ok = false;
    add('request', 'error', `${field}: ${ja}（${value}）`, `${field}: ${en} (${value})`, {
      [field]: value,
    });
  };
  if (!Number.isInteger(amountYen) || amountYen <= 0) {
    bad(
      'amountYen',
      amountYen,
      '1円以上の整数で指定してください',
      'must be a whole number of yen above 0',
    );
  }
  if (!Number.isInteger(termMonths) || termMonths < 1) {
    bad(
      'termMonths',
      termMonths,
      '1か月以上の整数で指定してください',
      'must be a whole number of months, at least 1',
    );
  }
  if (!Number.isInteger(graceMonths) || graceMonths < 0) {
    bad(
      'graceMonths',
      graceMonths,
      '0以上の整数で指定してください',
      'must be a whole number of months, 0 or more',
    );
  }
  const remaining = request.replacedRemainingMonths;
  if (remaining !== undefined && (!Number.isInteger(remaining) || remaining < 0)) {
    bad(
      'replacedRemainingMonths',
      remaining,
      '0以上の整数で指定してください',
      'must be a whole number of months, 0 or more',
    );
  }
  return ok;
}

function selectVariant(
  program: Program,
  request: ProgramRequest,
  add: Add,
): { unit?: ProgramUnit; purpose?: FundPurpose } | null {
  const units = programUnits(program);
  const unitNames = (lang: 'ja' | 'en') =>
    units.map((u) => `${UNIT_LABELS[u][lang]} (${u})`).join(lang === 'ja' ? '・' : ', ');
  const { unit } = request;
  if (units.length && !unit) {
    add(
      'unit',
      'error',
      `${program.name.ja}は事業（${unitNames('ja')}）により条件が異なります。どちらか指定してください`,
      `${program.name.en} has different terms by unit: name one of ${unitNames('en')}`,
      { units: units.join(',') },
    );
    return null;
  }
  if (units.length && unit && !units.includes(unit)) {
    add(
      'unit',
      'error',
      `${program.name.ja}の${UNIT_LABELS[unit].ja}の条件はカタログにありません（あるのは${unitNames('ja')}）`,
      `The catalog has no ${UNIT_LABELS[unit].en} terms for ${program.name.en} (it has ${unitNames('en')})`,
      { unit, units: units.join(',') },
    );
    return null;
  }
  const purposes = programPurposes(program);
  let { purpose } = request;
  if (purposes.length && !purpose) {
    purpose = 'working';
    add(
      'purpose',
      'warning',
      `資金使途の指定がないため${PURPOSE_LABELS.working.ja}として判定しました（借換は通常運転資金）`,
      `No fund purpose given: checked as ${PURPOSE_LABELS.working.en} (refinancing usually is)`,
      { purpose },
    );
  } else if (purposes.length && purpose && !purposes.includes(purpose)) {
    add(
      'purpose',
      'error',
      `${program.name.ja}に${PURPOSE_LABELS[purpose].ja}の条件はありません`,
      `${program.name.en} has no terms for ${PURPOSE_LABELS[purpose].en}`,
      { purpose },
    );
    return null;
  }
  return { unit: units.length ? unit : undefined, purpose: purposes.length ? purpose : undefined };
}

function allowedTermsText(terms: ProgramTerms, lang: 'ja' | 'en'): string {
  const allowed = terms.allowedTerms;
  if (!allowed) return '';
  const parts = allowed.months.map((m) => (lang === 'ja' ? monthsJa(m) : monthsEn(m)));
  if (allowed.wholeYears) {
    const { min, max } = allowed.wholeYears;
    parts.push(lang === 'ja' ? `${min}年〜${max}年の1年単位` : `whole years from ${min} to ${max}`);
  }
  return parts.join(lang === 'ja' ? '、または' : ', or ');
}

function checkTerms(
  terms: ProgramTerms,
  request: ProgramRequest,
  facts: BorrowerFacts,
  add: Add,
): void {
  const { amountYen, termMonths, graceMonths, method } = request;

  if (terms.limitYen !== null) checkLimit(terms.limitYen, terms, amountYen, facts, add);

  if (termMonths < terms.minTermMonths) {
    add(
      'min-term',
      'error',
      `期間 ${monthsJa(termMonths)} は最短 ${monthsJa(terms.minTermMonths)} に足りません`,
      `Term of ${monthsEn(termMonths)} is shorter than the minimum of ${monthsEn(terms.minTermMonths)}`,
      { termMonths, minTermMonths: terms.minTermMonths },
    );
  } else if (terms.maxTermMonths !== null && termMonths > terms.maxTermMonths) {
    add(
      'max-term',
      'error',
      `期間 ${monthsJa(termMonths)} は最長 ${monthsJa(terms.maxTermMonths)} を超えています`,
      `Term of ${monthsEn(termMonths)} exceeds the maximum of ${monthsEn(terms.maxTermMonths)}`,
      { termMonths, maxTermMonths: terms.maxTermMonths },
    );
  } else if (!isAllowedTerm(terms, termMonths)) {
    add(
      'allowed-term',
      'error',
      `期間 ${monthsJa(termMonths)} は選べません。選べる期間: ${allowedTermsText(terms, 'ja')}`,
      `Term of ${monthsEn(termMonths)} is not offered; allowed: ${allowedTermsText(terms, 'en')}`,
      { termMonths, allowedTerms: allowedTermsText(terms, 'en') },
    );
  }

  const maxGrace = terms.maxGraceMonths;
  if (typeof maxGrace === 'number' && graceMonths > maxGrace) {
    add(
      'max-grace',
      'error',
      `据置期間 ${monthsJa(graceMonths)} は最長 ${monthsJa(maxGrace)} を超えています`,
      `Grace of ${monthsEn(graceMonths)} exceeds the maximum of ${monthsEn(maxGrace)}`,
      { graceMonths, maxGraceMonths: maxGrace },
    );
  }
  const bullet = (method ?? terms.method) === 'bullet';
  if (bullet ? graceMonths > termMonths : graceMonths >= termMonths) {
    add(
      'grace-inside-term',
      'error',
      `据置期間 ${monthsJa(graceMonths)} は期間 ${monthsJa(termMonths)} の内側でなければなりません`,
      `Grace of ${monthsEn(graceMonths)} must lie inside the term of ${monthsEn(termMonths)}`,
      { graceMonths, termMonths },
    );
  }

  if (method !== undefined && !terms.allowedMethods.includes(method)) {
    add(
      'method',
      'error',
      `返済方法 ${method} はこの制度では選べません（選べるのは ${terms.allowedMethods.join('、')}）`,
      `Repayment method ${method} is not offered (allowed: ${terms.allowedMethods.join(', ')})`,
      { method, allowedMethods: terms.allowedMethods.join(',') },
    );
  }
}

function checkLimit(
  limitYen: number,
  terms: ProgramTerms,
  amountYen: number,
  facts: BorrowerFacts,
  add: Add,
): void {
  const separate = terms.separateLimit ? '（別枠）' : '';
  if (terms.limitScope === 'including-existing-guaranteed') {
    const existing = facts.existingGuaranteedYen;
    if (existing === undefined) {
      add(
        'limit',
        'warning',
        `限度額 ${yenJa(limitYen)} は既存の保証付融資との合計です。既存の保証付残高が未入力のため、今回の借入額だけで判定しました`,
        `The limit of ${yenEn(limitYen)} includes existing guaranteed loans; their balance was not given, so only this amount was checked`,
        { amountYen, limitYen },
      );
    }
    const total = amountYen + (existing ?? 0);
    if (total > limitYen) {
      add(
        'limit',
        'error',
        `借入額 ${yenJa(amountYen)} と既存の保証付残高 ${yenJa(existing ?? 0)} の合計 ${yenJa(total)} は限度額 ${yenJa(limitYen)} を ${yenJa(total - limitYen)} 超えています`,
        `This amount of ${yenEn(amountYen)} plus existing guaranteed loans of ${yenEn(existing ?? 0)} makes ${yenEn(total)}, ${yenEn(total - limitYen)} over the limit of ${yenEn(limitYen)}`,
        {
          amountYen,
          existingGuaranteedYen: existing ?? 0,
          totalYen: total,
          limitYen,
          excessYen: total - limitYen,
        },
      );
    }
  } else if (amountYen > limitYen) {
    add(
      'limit',
      'error',
      `借入額 ${yenJa(amountYen)} は限度額 ${yenJa(limitYen)}${separate} を ${yenJa(amountYen - limitYen)} 超えています`,
      `Amount of ${yenEn(amountYen)} exceeds the limit of ${yenEn(limitYen)}${terms.separateLimit ? ' (separate limit)' : ''} by ${yenEn(amountYen - limitYen)}`,
      { amountYen, limitYen, excessYen: amountYen - limitYen },
    );
  }
}

/** The rate's own findings: a term priced on an assumed or other-term rate; options' conditions. */
function checkRate(
  program: Program,
  terms: ProgramTerms,
  request: ProgramRequest,
  facts: BorrowerFacts,
  add: Add,
): void {
  const rate = terms.rate;
  if (rate.kind !== 'base') return;
  const issue = rateTermIssue(program, rate, request.termMonths, request.baseRateGiven === true);
  if (issue) add(issue.rule, issue.severity, issue.messageJa, issue.messageEn, issue.values);
  for (const id of request.rateOptions ?? []) {
    const option = rate.options.find((o) => o.id === id);
    const min = option?.requires?.minPayrollChange;
    if (!option || min === undefined) continue;
    const change = facts.payrollChangeRate;
    const need = `${(min * 100).toFixed(1)}%`;
    if (change === undefined) {
      add(
        'rate-option',
        'warning',
        `${option.name.ja}: 雇用者給与等支給額の増加率が未入力のため、${need}以上の増加の要件を確認できません（未確認）`,
        `${option.name.en}: the change in payroll was not given, so the rise of ${need} or more it needs is not checked`,
        { option: id, requiredPayrollChange: min },
      );
    } else if (change < min) {
      add(
        'rate-option',
        'error',
        `${option.name.ja}: 雇用者給与等支給額の増加率 ${(change * 100).toFixed(1)}% は要件（${need}以上）を満たしません`,
        `${option.name.en}: a payroll change of ${(change * 100).toFixed(1)}% is below the ${need} it needs`,
        { option: id, payrollChangeRate: change, requiredPayrollChange: min },
      );
    }
  }
}

const yearsText = (years: number) => String(Math.round(years * 100) / 100);

/** "13年超" / "more than 13 years", or "15年以上" / "15 years or more". */
function thresholdText(years: number, inclusive: boolean, lang: 'ja' | 'en'): string {
  if (lang === 'ja') return `${yearsText(years)}年${inclusive ? '以上' : '超'}`;
  return inclusive ? `${yearsText(years)} years or more` : `more than ${yearsText(years)} years`;
}

function checkRule(
  rule: EligibilityRule,
  request: ProgramRequest,
  facts: BorrowerFacts,
  add: Add,
): void {
  const severity = rule.severity ?? 'error';
  const labelled: Add = (kind, sev, ja, en, values) =>
    add(
      kind,
      sev,
      rule.label ? `【${rule.label.ja}】${ja}` : ja,
      rule.label ? `[${rule.label.en}] ${en}` : en,
      values,
    );
  const fail = (ja: string, en: string, values: Record<string, IssueValue>) =>
    labelled(rule.kind, severity, ja, en, values);
  const unknown = (ja: string, en: string, values: Record<string, IssueValue> = {}) =>
    labelled(rule.kind, 'warning', ja, en, values);

  switch (rule.kind) {
    case 'min-debt-repayment-years': {
      const years = facts.debtRepaymentYears;
      const required = {
        ja: thresholdText(rule.years, rule.inclusive, 'ja'),
        en: thresholdText(rule.years, rule.inclusive, 'en'),
      };
      if (years === null) {
        unknown(
          `債務償還年数はキャッシュフローがゼロ以下のため算出できません（返済不能）。要件（${required.ja}）は満たすものとして判定しました`,
          `Debt repayment years cannot be computed (cash flow zero or negative): taken as meeting the requirement (${required.en})`,
          { debtRepaymentYears: null, requiredYears: rule.years, inclusive: rule.inclusive },
        );
      } else if (rule.inclusive ? years < rule.years : years <= rule.years) {
        fail(
          `債務償還年数 ${yearsText(years)}年は要件（${required.ja}）を満たしません`,
          `Debt repayment years of ${yearsText(years)} do not meet the requirement (${required.en})`,
          { debtRepaymentYears: years, requiredYears: rule.years, inclusive: rule.inclusive },
        );
      }
      return;
    }
    case 'requires-crisis-era-debt': {
      const has =
        facts.hasCrisisEraDebt ??
        (facts.crisisEraLoanIds === undefined ? undefined : facts.crisisEraLoanIds.length > 0);
      if (has === undefined) {
        unknown(
          'コロナ関連融資など危機時の貸付制度の利用の有無が未入力のため確認できません（未確認）',
          'Whether the borrower owes debt from a crisis-era program was not given: not checked',
        );
      } else if (!has) {
        fail(
          '災害等の危機時に措置され既に終了した貸付制度（コロナ貸付・コロナ資本性ローン等）の利用が必要です',
          'Requires debt from a crisis-era program that has ended (COVID loans, COVID capital-type loans …)',
          { hasCrisisEraDebt: false },
        );
      }
      return;
    }
    case 'refinances-crisis-era-debt': {
      const replaced = request.replacedLoans;
      if (!replaced) return;
      const crisis = facts.crisisEraLoanIds;
      if (crisis === undefined) {
        unknown(
          '借換対象のうちどれがコロナ関連融資か（facts.crisisEraLoanIds）が未入力のため、主な資金使途（コロナ禍の貸付の借換等）に沿うか確認できません（未確認）',
          'Which loans are crisis-era (facts.crisisEraLoanIds) was not given: whether the refinancing keeps to the main use (refinancing COVID-era loans) is not checked',
        );
        return;
      }
      const others = replaced.filter((l) => !crisis.includes(l.id));
      if (others.length > 0) {
        const listJa = others
          .map((l) => `${l.id}（残り${monthsJa(l.remainingMonths)}）`)
          .join('、');
        const listEn = others
          .map((l) => `${l.id} (${monthsEn(l.remainingMonths)} left)`)
          .join(', ');
        fail(
          `借換対象に危機時の貸付制度でない借入 ${listJa} が含まれています。この制度の資金使途は「既往債務の返済負担軽減…主には、コロナ禍で措置した貸付制度の借換等」で、主な使途を超えます`,
          `The refinancing folds in loans that are not crisis-era: ${listEn}. The program's use is 'lightening the repayment of existing debt, mainly refinancing COVID-era loans': this goes beyond its main use`,
          { otherLoans: others.map((l) => l.id).join(',') },
        );
      }
      return;
    }
    case 'new-term-exceeds-replaced-remaining': {
      const remaining = request.replacedRemainingMonths;
      if (remaining === undefined) {
        unknown(
          '借換対象の残存期間が未入力のため、新しい期間がそれを上回るか確認できません',
          'The remaining term of the debt being replaced was not given: cannot check that the new term exceeds it',
        );
      } else if (request.termMonths <= remaining) {
        fail(
          `新しい期間 ${monthsJa(request.termMonths)} が借換対象の残存期間 ${monthsJa(remaining)} を上回っていません`,
          `The new term of ${monthsEn(request.termMonths)} does not exceed the remaining term of the debt it replaces (${monthsEn(remaining)})`,
          { termMonths: request.termMonths, replacedRemainingMonths: remaining },
        );
      }
      return;
    }
    case 'requires-improvement-plan':
      if (facts.hasImprovementPlan === undefined) {
        unknown(
          '経営改善計画の有無が未入力のため確認できません（未確認）',
          'Whether the borrower has an improvement or rebirth plan was not given: not checked',
        );
      } else if (!facts.hasImprovementPlan) {
        fail(
          '経営改善計画（経営サポート会議・405事業・協議会等で策定）が必要です',
          'Requires a management-improvement or rebirth plan (経営サポート会議, 405 program, council …)',
          { hasImprovementPlan: false },
        );
      }
      return;
    case 'requires-proper-loan-or-supported-plan': {
      const needed = Math.ceil(request.amountYen * rule.minProperLoanShare);
      const proper = facts.concurrentProperLoanYen;
      const { hasImprovementPlan: plan, privateBankSupport: support } = facts;
      const properRoute = proper === undefined ? undefined : proper >= needed;
      const planRoute =
        plan === false || support === false
          ? false
          : plan === undefined || support === undefined
            ? undefined
            : true;
      if (properRoute || planRoute) return;
      const share = percent(rule.minProperLoanShare);
      const values = {
        concurrentProperLoanYen: proper ?? null,
        requiredProperLoanYen: needed,
        hasImprovementPlan: plan ?? null,
        privateBankSupport: support ?? null,
      };
      if (properRoute === false && planRoute === false) {
        fail(
          `同時実行のプロパー融資 ${yenJa(proper!)} が必要額 ${yenJa(needed)}（保証付融資 ${yenJa(request.amountYen)} の ${share}）に足りず、金融機関の支援を受けた計画（進捗報告付き）もありません`,
          `The proper loan drawn alongside, ${yenEn(proper!)}, is below the ${yenEn(needed)} needed (${share} of ${yenEn(request.amountYen)}), and there is no plan made with a bank's support and monitored`,
          values,
        );
      } else {
        unknown(
          `要件①（同時実行のプロパー融資 ${yenJa(needed)} 以上）も要件②（金融機関の支援を受けた計画）も、必要な事実が未入力のため確認できません（未確認: ${proper === undefined ? 'facts.concurrentProperLoanYen ' : ''}${plan === undefined ? 'facts.hasImprovementPlan ' : ''}${support === undefined ? 'facts.privateBankSupport' : ''}）`,
          `Neither requirement ① (a proper loan of ${yenEn(needed)} or more alongside) nor ② (a bank-supported plan) can be checked: facts not given (${[proper === undefined && 'facts.concurrentProperLoanYen', plan === undefined && 'facts.hasImprovementPlan', support === undefined && 'facts.privateBankSupport'].filter(Boolean).join(', ')})`,
          values,
        );
      }
      return;
    }
    case 'requires-small-enterprise':
      if (facts.isSmallEnterprise === undefined) {
        unknown(
          '小規模企業者かどうかが未入力のため確認できません',
          'Whether the borrower is a small enterprise (小規模企業者) was not given: not checked',
        );
      } else if (!facts.isSmallEnterprise) {
        fail('小規模企業者が対象です', 'Only for small enterprises (小規模企業者)', {
          isSmallEnterprise: false,
        });
      }
      return;
    case 'requires-succession-purpose':
      if (facts.successionOrConsolidation === undefined) {
        unknown(
          '事業承継・集約等に該当するかが未入力のため確認できません',
          'Whether the loan serves a business succession or consolidation was not given: not checked',
        );
      } else if (!facts.successionOrConsolidation) {
        fail(
          '事業承継・集約（承継計画、経営権の確保、第二創業・PMI等）に取り組む方が対象です',
          'Only for a business succession or consolidation (succession plan, securing control, second founding, PMI …)',
          { successionOrConsolidation: false },
        );
      }
      return;
    case 'min-sales-decline': {
      const change = facts.salesChangeRate;
      const need = `${(rule.decline * 100).toFixed(1)}%`;
      if (change === undefined) {
        unknown(
          `売上高の増減率が未入力のため、${need}以上減少の要件を確認できません`,
          `The change in sales was not given: cannot check the fall of ${need} or more`,
          { requiredDecline: rule.decline },
        );
      } else if (change > -rule.decline) {
        const given = `${(change * 100).toFixed(1)}%`;
        fail(
          `最近3か月の売上高増減率 ${given} は要件（${need}以上の減少）を満たしません（米国関税の影響を受ける事業者等は緩和あり）`,
          `Sales change of ${given} over the latest 3 months does not meet the required fall of ${need} or more (waived for firms hit by the US tariffs, among others)`,
          { salesChangeRate: change, requiredDecline: rule.decline },
        );
      }
      return;
    }
  }
}
