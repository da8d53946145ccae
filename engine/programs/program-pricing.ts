import { FieldError } from '../input/field-reader';
import { InitialRateDelta } from '../rates/rate-rule';
import { Strategy } from '../case/case';
import { BaseRate, FeeSubsidy, Program, ProgramTerms, findProgram, withOverrides } from './catalog';
import type { ProgramIssue } from './eligibility';
import { monthsEn, monthsJa, percent } from './format';

/** A base-rate program's rate for one term, and how far the sources vouch for it. */
export interface TermPricing {
  rate: number;
  /** The band's key (its longest term in months), or null when the program has no bands. */
  band: string | null;
  /** Why the band's rate is assumed; null when the band is sourced or set by the case. */
  assumed: string | null;
  /**
   * The published rate was priced for a different term than the loan's (e.g. the 10-year
   * standard rate used for 8 years): the rate is the reference term's, not this term's.
   */
  referenceDiffers: boolean;
}

/** Kept to the engine's rate grid (1e-7): 0.023 + 0.003 is 0.026, not 0.026000000000000002. */
const onRateGrid = (rate: number) => Math.round(rate * 1e7) / 1e7;

const referenceMonths = (rate: BaseRate) => rate.referenceTermYears * 12;

/** Whether the published base rate is the rate for a loan of `termMonths`. */
function isReferenceTerm(rate: BaseRate, termMonths: number): boolean {
  const ref = referenceMonths(rate);
  return rate.referenceTermScope === 'up-to' ? termMonths <= ref : termMonths === ref;
}

/**
 * The base rate of a new loan of `termMonths`: the band holding the term (bands are keyed by
 * their longest term), its own rate or baseRate + its spread; baseRate when there are no bands.
 *
 * @example
 * // 危機対応後経営安定貸付 (中小, base 2.30 % for 10 years), a 20-year loan: the 240 band, +0.60 %
 * termPricing(rate, 240) // { rate: 0.029, band: '240', assumed: '…', referenceDiffers: true }
 */
export function termPricing(rate: BaseRate, termMonths: number): TermPricing {
  const referenceDiffers = !isReferenceTerm(rate, termMonths);
  if (!rate.termRates) return { rate: rate.baseRate, band: null, assumed: null, referenceDiffers };
  const keys = Object.keys(rate.termRates)
    .map(Number)
    .sort((a, b) => a - b);
  const key = keys.find((k) => termMonths <= k) ?? keys[keys.length - 1];
  const band = rate.termRates[String(key)];
  // A band with a rate of its own is priced for its terms (the case or a source typed it).
  if (band.rate !== undefined) {
    return {
      rate: onRateGrid(band.rate),
      band: String(key),
      assumed: band.assumed ?? null,
      referenceDiffers: false,
    };
  }
  return {
    rate: onRateGrid(rate.baseRate + (band.spread ?? 0)),
    band: String(key),
    assumed: band.assumed ?? null,
    referenceDiffers,
  };
}

/**
 * The warning a loan priced on an unsourced term rate gets: the rate used, the published rate
 * and its term, and where to type JFC's rate for this term. Null when the rate is the
 * published one for this term, or the case typed it.
 */
export function rateTermIssue(
  program: Program,
  rate: BaseRate,
  termMonths: number,
  typedByCase: boolean,
): ProgramIssue | null {
  if (typedByCase) return null;
  const priced = termPricing(rate, termMonths);
  if (!priced.assumed && !priced.referenceDiffers) return null;
  const ref = referenceMonths(rate);
  const scopeJa = rate.referenceTermScope === 'up-to' ? '以内' : '';
  const scopeEn = rate.referenceTermScope === 'up-to' ? 'terms up to ' : 'a term of ';
  const where = priced.band
    ? `programs.${program.id}.rate.termRates.${priced.band}.rate`
    : `programs.${program.id}.rate.baseRate`;
  const why = priced.assumed
    ? {
        // The reasons are written in English in the catalog; 制度・チェック明細 lists them.
        ja: 'この期間の利率はカタログの仮定です（理由は「制度・チェック明細」シートの「制度条件の根拠」）',
        en: `the rate for this term is assumed (${priced.assumed})`,
      }
    : {
        ja: `公表利率をそのまま使っています`,
        en: `the published rate is used as it is`,
      };
  return {
    rule: 'rate-term',
    severity: 'warning',
    messageJa: `${program.name.ja}: 期間 ${monthsJa(termMonths)} の借入を ${percent(priced.rate)} で試算しました。公表されている ${percent(rate.baseRate)} は貸付期間${monthsJa(ref)}${scopeJa}の標準的利率で、${why.ja}。公庫が示すこの期間の利率を ${where}（または戦略の baseRate）に入力してください`,
    messageEn: `${program.name.en}: a loan of ${monthsEn(termMonths)} is priced at ${percent(priced.rate)}. The published ${percent(rate.baseRate)} is the standard rate for ${scopeEn}${monthsEn(ref)}, and ${why.en}. Type JFC's rate for this term into ${where} (or the action's baseRate)`,
    values: {
      termMonths,
      pricedRate: priced.rate,
      publishedRate: rate.baseRate,
      referenceTermMonths: ref,
      band: priced.band,
      assumed: priced.assumed,
      typeInto: where,
    },
  };
}

/** The options chosen, as one whole-term delta and at most one time-limited delta. */
export interface OptionPricing {
  delta: number;
  initial: InitialRateDelta | null;
}

/** Sums the chosen options: whole-term deltas add up; time-limited ones must share their months. */
export function optionPricing(rate: BaseRate, ids: readonly string[]): OptionPricing {
  let delta = 0;
  let initial: InitialRateDelta | null = null;
  for (const id of ids) {
    const option = rate.options.find((o) => o.id === id);
    if (!option) throw new Error(`rate option ${id} is not offered`);
    if (option.months === null) delta += option.delta;
    else if (initial === null) initial = { months: option.months, delta: option.delta };
    else if (initial.months === option.months) {
      initial = { months: option.months, delta: initial.delta + option.delta };
    } else throw new Error('time-limited rate options with different periods cannot be combined');
  }
  return { delta, initial };
}

/** Errors for rate options a refinancing names but its program does not offer. */
export function rateOptionErrors(
  strategies: readonly Strategy[],
  overrides: Record<string, unknown>,
): FieldError[] {
  const errors: FieldError[] = [];
  strategies.forEach((s, i) =>
    s.actions.forEach((a, j) => {
      if (a.kind !== 'refinance' || !a.rateOptions) return;
      const catalogued = findProgram(a.programId);
      if (!catalogued) return; // reported by the strategy's own checks
      const changed = overrides[a.programId]
        ? withOverrides(catalogued, overrides[a.programId])
        : null;
      const program = changed?.ok ? changed.value : catalogued;
      const options = program.terms.rate?.options ?? [];
      const offered = options.map((o) => o.id);
      const months = new Set<number>();
      a.rateOptions.forEach((id, k) => {
        const at = `strategies[${i}].actions[${j}].rateOptions[${k}]`;
        if (!offered.includes(id)) {
          errors.push({
            field: at,
            message: `is not a rate option of program ${a.programId} (offered: ${offered.join(', ') || 'none'})`,
            value: id,
          });
          return;
        }
        const option = options.find((o) => o.id === id);
        if (option?.months) months.add(option.months);
      });
      if (months.size > 1) {
        errors.push({
          field: `strategies[${i}].actions[${j}].rateOptions`,
          message: 'combines time-limited options of different periods',
          value: a.rateOptions,
        });
      }
    }),
  );
  return errors;
}

/** Which route of a guarantee's subsidised fee the borrower takes, if any. */
export type SubsidyRoute = FeeSubsidy['requires'] | null;

/**
 * The yearly guarantee fee a borrower pays: the program's fee less the first subsidy for its
 * route whose dates hold the drawdown (YYYY-MM-DD).
 *
 * @example
 * // 協調支援型特別保証, 0.8 % before subsidy, requirement ① drawn in FY2025: 0.8 % × (1 − 1/2)
 * subsidisedFee(terms, 'proper-loan', '2025-10-01') // { rate: 0.004, subsidy: { id: 'proper-loan-fy2025', … } }
 */
export function subsidisedFee(
  terms: ProgramTerms,
  route: SubsidyRoute,
  drawdown: string,
): { rate: number; subsidy: FeeSubsidy | null } {
  const subsidy =
    route === null
      ? undefined
      : terms.guaranteeFeeSubsidies?.find(
          (s) =>
            s.requires === route &&
            (s.from === null || drawdown >= s.from) &&
            (s.until === null || drawdown <= s.until),
        );
  if (!subsidy) return { rate: terms.guaranteeFeeRate, subsidy: null };
  // Rate units are 1e-7 (0.001 %): the subsidised fee is kept to that grid.
  const rate = Math.round(terms.guaranteeFeeRate * (1 - subsidy.share) * 1e7) / 1e7;
  return { rate, subsidy };
}
