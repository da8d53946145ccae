import { DAY_COUNTS } from '../time/day-count';
import { BUSINESS_DAY_CONVENTIONS } from '../time/business-days';
import { GUARANTEE_FEE_PAYMENTS } from '../schedule/guarantee-fee';
import { REPAYMENT_METHODS, ROUNDINGS } from '../schedule/repayment-method';
import { LoanTerms } from '../schedule/loan-schedule';
import { toRateUnits } from '../interest/rate-units';
import { FieldError, FieldReader, Parsed } from './field-reader';

/** Largest balance the exact interest arithmetic supports (10兆円). */
export const MAX_PRINCIPAL = 1e13;
export const MAX_TERM_MONTHS = 600;

/** A rate change: `annualRate` applies to interest accruing from period `fromPeriod` on. */
export interface RateReset {
  fromPeriod: number;
  annualRate: number;
}

/** The `schedule` command's loan file: a loan's terms with an explicit rate history. */
export interface LoanSpec extends LoanTerms {
  annualRate: number;
  resets: RateReset[];
}

/**
 * Reads the terms every loan has; shared by loan files and debt stacks. `unit` scales the
 * principal (千円 = 1000) before the whole-yen check, so 1.5 百万円 is 1,500,000 yen.
 */
export function readLoanTerms(
  r: FieldReader,
  unit = 1,
  defaults: Pick<LoanTerms, 'dayCount' | 'rounding' | 'businessDay'> = {
    dayCount: 'ACT/365F',
    rounding: 'floor',
  },
): Partial<LoanTerms> {
  const rounding = r.oneOf('rounding', ROUNDINGS, defaults.rounding);
  let entered = r.number('principal', { max: MAX_PRINCIPAL / unit });
  if (entered !== undefined && entered <= 0)
    entered = r.fail('principal', 'must be a positive amount');
  // Scaled amounts are rounded to the yen only to undo binary fractions (1.1 × 1e6).
  const scaled = entered === undefined ? undefined : entered * unit;
  const principal =
    scaled !== undefined && unit !== 1 && Math.abs(scaled - Math.round(scaled)) < 1e-6
      ? Math.round(scaled)
      : scaled;
  if (principal !== undefined && rounding === 'floor' && !Number.isInteger(principal)) {
    r.fail('principal', 'must be whole yen when rounding is "floor"');
  }
  const termMonths = r.number('termMonths', { min: 1, max: MAX_TERM_MONTHS, integer: true });
  const graceMonths = r.number('graceMonths', {
    min: 0,
    max: MAX_TERM_MONTHS,
    integer: true,
    fallback: 0,
  });
  if (termMonths !== undefined && graceMonths !== undefined && graceMonths >= termMonths) {
    r.fail('graceMonths', `must be less than termMonths (${termMonths}): grace is inside the term`);
  }
  return {
    principal,
    termMonths,
    graceMonths,
    method: r.oneOf('method', REPAYMENT_METHODS),
    dayCount: r.oneOf('dayCount', DAY_COUNTS, defaults.dayCount),
    startDate: r.date('startDate'),
    rounding,
    guaranteeFeeRate: r.rate('guaranteeFeeRate', { max: 0.1, fallback: 0 }),
    // Instalments keep every schedule as before; new loans of a strategy pay a lump sum.
    guaranteeFeePayment: r.oneOf('guaranteeFeePayment', GUARANTEE_FEE_PAYMENTS, 'installments'),
    // 翌営業日 unless the loan (or the case's defaults) says otherwise.
    businessDay: r.oneOf(
      'businessDay',
      BUSINESS_DAY_CONVENTIONS,
      defaults.businessDay ?? 'following',
    ),
  };
}

/** The fields readLoanTerms reads: every loan has them, in loan files and stacks alike. */
export const LOAN_TERM_KEYS = [
  'principal',
  'termMonths',
  'graceMonths',
  'method',
  'dayCount',
  'startDate',
  'rounding',
  'guaranteeFeeRate',
  'guaranteeFeePayment',
  'businessDay',
] as const;

/** The fields of a `schedule` loan file. */
export const LOAN_FILE_KEYS = [...LOAN_TERM_KEYS, 'annualRate', 'resets'] as const;

export function parseLoanSpec(raw: unknown): Parsed<LoanSpec> {
  const errors: FieldError[] = [];
  const r = FieldReader.of(raw, '', errors);
  if (!r) return { ok: false, errors };
  // A misspelt field ("graceMonth") must not be dropped without a word, as in cases and stacks.
  r.rejectUnknown(LOAN_FILE_KEYS);
  const terms = readLoanTerms(r);
  const annualRate = r.rate('annualRate');
  const resets = r.list('resets', (item, at) => {
    const rr = FieldReader.of(item, at, errors);
    if (!rr) return undefined;
    rr.rejectUnknown(['fromPeriod', 'annualRate']);
    const fromPeriod = rr.number('fromPeriod', {
      min: 1,
      max: terms.termMonths ?? MAX_TERM_MONTHS,
      integer: true,
    });
    const rate = rr.rate('annualRate');
    return fromPeriod === undefined || rate === undefined
      ? undefined
      : { fromPeriod, annualRate: rate };
  });
  if (resets) {
    const seen = new Set<number>();
    resets.forEach((reset, i) => {
      if (seen.has(reset.fromPeriod)) {
        errors.push({
          field: `resets[${i}].fromPeriod`,
          message: 'repeats an earlier reset period',
          value: reset.fromPeriod,
        });
      }
      seen.add(reset.fromPeriod);
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...(terms as LoanTerms),
      annualRate: annualRate!,
      resets: [...resets!].sort((a, b) => a.fromPeriod - b.fromPeriod),
    },
  };
}

/** The per-period rates (engine units) of a loan file: its rate, changed at each reset. */
export function loanSpecRates(spec: LoanSpec): Float64Array {
  const rates = new Float64Array(spec.termMonths).fill(toRateUnits(spec.annualRate));
  for (const reset of spec.resets) rates.fill(toRateUnits(reset.annualRate), reset.fromPeriod - 1);
  return rates;
}
