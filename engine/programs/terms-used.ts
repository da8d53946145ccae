import { Case, Strategy } from '../case/case';
import { ProgramTermUsed, ProgramTermsUsed } from '../grid/simulate';
import { StrategyBook } from '../strategy/apply-strategy';
import { formatIsoDate } from '../time/civil-date';
import {
  EligibilityRule,
  Program,
  ProgramTerms,
  bandFor,
  prepaymentLockFor,
  resolveTerms,
} from './catalog';
import { subsidyRoute } from './case-facts';
import { subsidisedFee, termPricing } from './program-pricing';
import { selectionFor } from './program-source';

type Find = (id: string) => Program | undefined;
type Value = ProgramTermUsed['value'];

/** The dotted paths of an object's leaves. */
function leaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * Says where a term comes from: the case (an override of the term or of something under it),
 * the catalog's assumption (its own `assumed` entry, or a reason given here), or the sources
 * (its citation, else the program's first source).
 */
function describer(program: Program, overridden: string[]) {
  return (term: string, value: Value, assumed?: string | null): ProgramTermUsed => {
    const byCase = overridden.find((p) => p === term || p.startsWith(`${term}.`));
    if (byCase) return { term, value, basis: 'case', note: `programs.${program.id}.${byCase}` };
    const reason = assumed ?? program.assumed?.[term];
    if (reason) return { term, value, basis: 'assumed', note: reason };
    const citation =
      program.citations?.[term] ??
      Object.entries(program.citations ?? {}).find(([k]) => term.startsWith(`${k}.`))?.[1];
    return { term, value, basis: 'source', note: citation ?? program.sources[0] };
  };
}

/** The rate terms a loan of `termMonths` is priced on. */
function rateTerms(
  terms: ProgramTerms,
  termMonths: number,
  d: ReturnType<typeof describer>,
  options: readonly string[],
  typed: { baseRate?: number; at: string } | null,
): ProgramTermUsed[] {
  const rate = terms.rate;
  if (rate.kind === 'lender-set') return [d('rate.annualRate', rate.annualRate)];
  if (rate.kind === 'performance-linked') {
    const band = bandFor(rate.profitRates, termMonths);
    const key = band && `rate.profitRates.${band.minTermMonths}-${band.maxTermMonths}`;
    const out = [
      d('rate.lossRate', rate.lossRate),
      ...(band && key ? [d(key, band.value, band.assumed ?? null)] : []),
      d('rate.profitLine', rate.profitLine),
      d('rate.withoutClosedYear', rate.withoutClosedYear),
    ];
    if (rate.initialPeriod) {
      out.push(d('rate.initialPeriod', `${rate.initialPeriod.years}y ${rate.initialPeriod.rate}`));
    }
    return out;
  }
  const priced = termPricing(rate, termMonths);
  const out = [d('rate.baseRate', rate.baseRate)];
  if (typed?.baseRate !== undefined) {
    out.push({ term: 'rate.termRate', value: typed.baseRate, basis: 'case', note: typed.at });
  } else if (priced.band) {
    const used = d(`rate.termRates.${priced.band}`, priced.rate, priced.assumed);
    // The reference band's rate is the published one: cite the base rate's source.
    out.push(
      used.basis === 'source' && !priced.referenceDiffers
        ? { ...used, note: d('rate.baseRate', rate.baseRate).note }
        : used.basis === 'source'
          ? {
              ...used,
              basis: 'assumed',
              note: `the published rate is for ${rate.referenceTermYears} years; used for ${termMonths} months`,
            }
          : used,
    );
  }
  for (const id of options) {
    const option = rate.options.find((o) => o.id === id);
    if (option) {
      const what =
        option.months === null ? option.delta : `${option.delta} for ${option.months} months`;
      out.push(d(`rate.options.${id}`, what, option.assumed ?? null));
    }
  }
  return out;
}

/** An eligibility rule's threshold as the results show it (true for a yes/no condition). */
function ruleValue(rule: EligibilityRule): Value {
  switch (rule.kind) {
    case 'min-debt-repayment-years':
      return `${rule.inclusive ? '≥' : '>'} ${rule.years}`;
    case 'requires-proper-loan-or-supported-plan':
      return `≥ ${rule.minProperLoanShare}`;
    case 'min-sales-decline':
      return `≤ −${rule.decline}`;
    default:
      return true;
  }
}

/**
 * Every term a strategy's new loans use, each with its basis: JSON results and the summary
 * sheet show which numbers come from the sources and which are the catalog's assumptions.
 */
export function termsUsed(
  find: Find,
  c: Case,
  book: StrategyBook,
  strategy: Strategy,
  overrides: Record<string, unknown>,
): ProgramTermsUsed[] {
  const refinanceActions = strategy.actions
    .map((a, j) => ({ a, j }))
    .filter(({ a }) => a.kind === 'refinance');
  const strategyIndex = c.strategies.indexOf(strategy);
  const loans = [
    ...book.refinancings.map((r, k) => {
      const { a, j } = refinanceActions[k] ?? {};
      const action = a?.kind === 'refinance' ? a : undefined;
      return {
        loanId: r.newLoanId,
        programId: r.programId,
        termMonths: r.termMonths,
        options: action?.rateOptions ?? [],
        typed:
          action?.baseRate !== undefined
            ? {
                baseRate: action.baseRate,
                at: `strategies[${strategyIndex}].actions[${j}].baseRate`,
              }
            : null,
      };
    }),
    // Capital-type loans already on the books carry their own contract, not a program's terms.
    ...book.capital
      .filter((l) => l.origin !== 'existing')
      .map((l) => ({
        loanId: l.id,
        programId: l.programId,
        termMonths: l.termMonths,
        options: [] as string[],
        typed: null,
      })),
  ];
  return loans.map((loan) => {
    const program = find(loan.programId)!;
    const terms = resolveTerms(program, selectionFor(program, c.profile.jfcUnit));
    const d = describer(program, leaves(overrides[program.id] ?? {}).filter(Boolean));
    const fee = subsidisedFee(terms, subsidyRoute(c.facts), formatIsoDate(c.asOf));
    const out: ProgramTermUsed[] = [
      d('limitYen', terms.limitYen),
      d('maxTermMonths', terms.maxTermMonths),
      d('maxGraceMonths', terms.maxGraceMonths),
      d('method', terms.method),
      ...rateTerms(terms, loan.termMonths, d, loan.options, loan.typed),
      d('prepaymentLockMonths', prepaymentLockFor(terms, loan.termMonths)),
      ...program.eligibility.map((rule) => d(`eligibility.${rule.kind}`, ruleValue(rule))),
    ];
    if (terms.guaranteeFeeRate > 0 || terms.guaranteeCoverage !== null) {
      out.push(d('guaranteeFeeRate', terms.guaranteeFeeRate));
      if (fee.subsidy) {
        out.push(
          d(
            `guaranteeFeeSubsidies.${fee.subsidy.id}`,
            fee.subsidy.share,
            fee.subsidy.assumed ?? null,
          ),
          { ...d('guaranteeFeeSubsidies', fee.rate), term: 'guaranteeFeeRate.net' },
        );
      }
      out.push(d('guaranteeCoverage', terms.guaranteeCoverage));
    }
    return {
      strategyId: strategy.id,
      loanId: loan.loanId,
      programId: program.id,
      programName: `${program.name.ja} / ${program.name.en}`,
      terms: out,
    };
  });
}
