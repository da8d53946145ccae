import catalogJson from './catalog.json';
import { FieldError, FieldReader, Parsed, describeError } from '../input/field-reader';
import { MAX_PRINCIPAL, MAX_TERM_MONTHS } from '../input/loan-spec';
import { REPAYMENT_METHODS, RepaymentMethod } from '../schedule/repayment-method';
import { formatIsoDate } from '../time/civil-date';

/**
 * The refinancing-program catalog (domain.md §3) as data: `catalog.json`, read and checked here.
 * A program's `terms` hold what all its variants share; `units` (JFC 中小事業 / 国民事業) and
 * `purposes` (設備資金 / 運転資金) patch them. `resolveTerms` gives the complete terms of one
 * variant; `withOverrides` lets a Case change any term (rates change monthly).
 */

export interface Bilingual {
  ja: string;
  en: string;
}

export type LenderKind = 'jfc' | 'bank-with-guarantee' | 'bank';
export const LENDER_KINDS: readonly LenderKind[] = ['jfc', 'bank-with-guarantee', 'bank'];

/** JFC's two units: 中小企業事業 (sme) and 国民生活事業 (micro). */
export type ProgramUnit = 'sme' | 'micro';
export const PROGRAM_UNITS: readonly ProgramUnit[] = ['sme', 'micro'];
export const UNIT_LABELS: Record<ProgramUnit, Bilingual> = {
  sme: { ja: '中小企業事業', en: 'JFC SME unit' },
  micro: { ja: '国民生活事業', en: 'JFC micro-business unit' },
};

/** 設備資金 / 運転資金: some programs allow a longer term or grace for equipment. */
export type FundPurpose = 'equipment' | 'working';
export const FUND_PURPOSES: readonly FundPurpose[] = ['equipment', 'working'];
export const PURPOSE_LABELS: Record<FundPurpose, Bilingual> = {
  equipment: { ja: '設備資金', en: 'equipment funds' },
  working: { ja: '運転資金', en: 'working capital' },
};

/** A value by loan term: applies to terms from `minTermMonths` to `maxTermMonths`, inclusive. */
export interface TermBand {
  minTermMonths: number;
  maxTermMonths: number;
  value: number;
  /** Why the value is assumed (it is not from the sources); absent for a sourced value. */
  assumed?: string;
}

/** The only terms a program allows: listed month counts, and/or whole years in a range. */
export interface AllowedTerms {
  months: number[];
  wholeYears: { min: number; max: number } | null;
}

/**
 * A variant of a base rate the case may choose (特別利率, 価格高騰対策, 賃上げ特例 …): base + delta,
 * for the whole term or, with `months`, only for the first months after drawdown.
 */
export interface RateOption {
  id: string;
  name: Bilingual;
  delta: number;
  /** The delta applies for this many months after drawdown; null: the whole term. */
  months: number | null;
  /** What the borrower must show; checked against the case's facts when the option is chosen. */
  requires: RateOptionRequirement | null;
  /** Why a part of the option is assumed (absent: as the sources state it). */
  assumed?: string;
}

/** 賃上げ: 雇用者給与等支給額 up by at least `minPayrollChange` on the latest fiscal year. */
export interface RateOptionRequirement {
  minPayrollChange: number;
}

/**
 * The rate of one band of terms of a base-rate program, as a spread over the published base
 * rate (so that a revised base rate moves every band) or as a rate of its own. Bands are keyed
 * by their longest term in months: "120" covers the terms above the next shorter key up to 120.
 */
export interface TermRate {
  spread?: number;
  rate?: number;
  /** Why the band's rate is assumed (the sources give none for these terms). */
  assumed?: string;
}

/** What the published standard rate is for: exactly `referenceTermYears`, or any term up to it. */
export type ReferenceTermScope = 'exact' | 'up-to';
export const REFERENCE_TERM_SCOPES: readonly ReferenceTermScope[] = ['exact', 'up-to'];

/** Which result decides a capital-type loan's 赤字 / 黒字 year. */
export type ProfitLine = 'net-income' | 'ordinary-profit';
export const PROFIT_LINES: readonly ProfitLine[] = ['net-income', 'ordinary-profit'];

/**
 * A subsidy of the guarantee fee (保証料補助): the borrower pays `guaranteeFeeRate × (1 − share)`
 * when the requirement is met and the drawdown falls inside the dates.
 */
export interface FeeSubsidy {
  id: string;
  name: Bilingual;
  /** proper-loan: a proper loan drawn alongside (要件①); supported-plan: a bank-supported plan (要件②). */
  requires: 'proper-loan' | 'supported-plan';
  share: number;
  from: string | null;
  until: string | null;
  assumed?: string;
}

/** JFC style: the program's 基準利率 for new loans, fixed at drawdown. */
export interface BaseRate {
  kind: 'base';
  baseRate: number;
  /** The term the published standard rate is for; other terms and risks differ in practice. */
  referenceTermYears: number;
  referenceTermScope: ReferenceTermScope;
  /** The rate by term band (keys: longest term in months); null: `baseRate` for every term. */
  termRates: Record<string, TermRate> | null;
  fixedAtDrawdown: boolean;
  options: RateOption[];
}

/** 金融機関所定: the bank sets the rate; `null` until the case sets it. */
export interface LenderSetRate {
  kind: 'lender-set';
  annualRate: number | null;
}

/** The low first years of a capital-type loan; `requires` a private bank's support, or nothing. */
export interface InitialPeriod {
  years: number;
  rate: number;
  requires: 'private-bank-support' | 'none';
}

/**
 * A capital-type loan's rate, decided each year from the latest closed fiscal year:
 * `lossRate` after a loss-making year, the term band's rate after a profitable one.
 */
export interface PerformanceLinkedRate {
  kind: 'performance-linked';
  lossRate: number;
  profitRates: TermBand[];
  initialPeriod: InitialPeriod | null;
  /** The rate charged while the borrower has no closed fiscal year. */
  withoutClosedYear: 'profit' | 'loss';
  /** The line read for 赤字 / 黒字: JFC describes 税引後当期純利益 ≤ 0 yen as 赤字. */
  profitLine: ProfitLine;
}

export type ProgramRate = BaseRate | LenderSetRate | PerformanceLinkedRate;
export type RateKind = ProgramRate['kind'];
export const RATE_KINDS: readonly RateKind[] = ['base', 'lender-set', 'performance-linked'];

/** `including-existing-guaranteed`: the limit counts the borrower's guaranteed loans already drawn. */
export type LimitScope = 'program' | 'including-existing-guaranteed';
export const LIMIT_SCOPES: readonly LimitScope[] = ['program', 'including-existing-guaranteed'];

/** The complete terms of one program variant. `null` means the program sets no such limit. */
export interface ProgramTerms {
  limitYen: number | null;
  limitScope: LimitScope;
  /** 別枠: the limit is separate from the lender's general limits. */
  separateLimit: boolean;
  minTermMonths: number;
  maxTermMonths: number | null;
  /** `null`: any whole number of months from min to max. */
  allowedTerms: AllowedTerms | null;
  /** 据置, inside the term; `whole-term` for a bullet loan. */
  maxGraceMonths: number | 'whole-term' | null;
  /** The default repayment method. */
  method: RepaymentMethod;
  allowedMethods: RepaymentMethod[];
  rate: ProgramRate;
  /** Yearly guarantee fee (信用保証料) charged on the balance; 0 when unguaranteed. */
  guaranteeFeeRate: number;
  guaranteeFeeRange: { min: number; max: number } | null;
  /** 保証料補助: the fee the borrower pays is reduced by the first subsidy that applies. */
  guaranteeFeeSubsidies: FeeSubsidy[] | null;
  /** Share of the loan the 信用保証協会 guarantees. */
  guaranteeCoverage: number | null;
  /** Months after drawdown without prepayment (繰上償還不可), or by term band. */
  prepaymentLockMonths: number | TermBand[];
}

export type RatePatch = { kind?: RateKind } & Partial<Omit<BaseRate, 'kind'>> &
  Partial<Omit<LenderSetRate, 'kind'>> &
  Partial<Omit<PerformanceLinkedRate, 'kind'>>;

/** Some of a program's terms, as written in the catalog or in an override. */
export type TermsPatch = Partial<Omit<ProgramTerms, 'rate'>> & { rate?: RatePatch };

export type Severity = 'error' | 'warning';

/** An eligibility rule as data; `checkEligibility` explains each with the numbers. */
export type EligibilityRule = (
  | { kind: 'min-debt-repayment-years'; years: number; inclusive: boolean }
  | { kind: 'requires-crisis-era-debt' }
  | { kind: 'new-term-exceeds-replaced-remaining' }
  | { kind: 'requires-improvement-plan' }
  | { kind: 'requires-proper-loan-or-supported-plan'; minProperLoanShare: number }
  | { kind: 'requires-small-enterprise' }
  | { kind: 'requires-succession-purpose' }
  | { kind: 'min-sales-decline'; decline: number }
  | { kind: 'refinances-crisis-era-debt' }
) & {
  /** Default `error`; `warning` for a condition that binds only on one track or has waivers. */
  severity?: Severity;
  /** The track the rule belongs to (e.g. 再生型), shown before its message. */
  label?: Bilingual;
};

export type EligibilityRuleKind = EligibilityRule['kind'];

export interface Program {
  /** kebab-case English. */
  id: string;
  /** The date of the terms (YYYY-MM-DD). */
  asOf: string;
  /** false: no new loans (kept because balances remain in debt stacks). */
  available: boolean;
  availableFrom?: string;
  /** 取扱期限 or end date. */
  availableUntil?: string;
  name: Bilingual;
  lender: LenderKind;
  /** 資本性借入金: banks may count it as capital. */
  capitalType: boolean;
  terms: TermsPatch;
  units?: Partial<Record<ProgramUnit, TermsPatch>>;
  purposes?: Partial<Record<FundPurpose, TermsPatch>>;
  eligibility: EligibilityRule[];
  sources: string[];
  /** The seed's own words for a term, by term path (`availableFrom`, `rate.baseRate` …). */
  citations?: Record<string, string>;
  /** Terms the sources do not state, by term path, each with the reason for the value taken. */
  assumed?: Record<string, string>;
  notes: string[];
}

/** Which variant of a program: a unit for programs that differ by unit, a purpose likewise. */
export interface ProgramSelection {
  unit?: ProgramUnit;
  purpose?: FundPurpose;
}

// ---------------------------------------------------------------------------------------------
// Reading: every key is checked; unknown keys are errors naming the key.

type Errors = FieldError[];
type Reader = (r: FieldReader, key: string, errors: Errors) => unknown;
type Raw = Record<string, unknown>;

const at = (base: string, key: string): string => (base ? `${base}.${key}` : key);

function isObject(raw: unknown): raw is Raw {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw);
}

function rejectUnknownKeys(
  raw: Raw,
  allowed: readonly string[],
  where: string,
  what: string,
  errors: Errors,
): void {
  for (const key of Object.keys(raw)) {
    if (raw[key] !== undefined && !allowed.includes(key)) {
      errors.push({
        field: at(where, key),
        message: `is not a key of ${what} (known: ${allowed.join(', ')})`,
        value: raw[key],
      });
    }
  }
}

/** Reads the object at `key` with `each`, after rejecting keys outside `allowed`. */
function object<T>(
  allowed: readonly string[],
  what: string,
  each: (r: FieldReader) => T | undefined,
): Reader {
  return (r, key, errors) => {
    const raw = r.raw(key);
    const sub = FieldReader.of(raw, r.path(key), errors);
    if (!sub) return undefined;
    rejectUnknownKeys(raw as Raw, allowed, r.path(key), what, errors);
    return each(sub);
  };
}

const nullable =
  (read: Reader): Reader =>
  (r, key, errors) =>
    r.raw(key) === null ? null : read(r, key, errors);

const bool: Reader = (r, key) =>
  typeof r.raw(key) === 'boolean' ? r.raw(key) : r.fail(key, 'must be true or false');

const months =
  (min: number): Reader =>
  (r, key) =>
    r.number(key, { min, max: MAX_TERM_MONTHS, integer: true });

const yen: Reader = (r, key) => r.number(key, { min: 1, max: MAX_PRINCIPAL, integer: true });
const share: Reader = (r, key) => r.rate(key, { max: 1 });
const oneOf =
  <T extends string>(allowed: readonly T[]): Reader =>
  (r, key) =>
    r.oneOf(key, allowed);

/** All values read, or undefined when any failed (the reader has recorded why). */
function all<T>(values: Record<string, unknown>): T | undefined {
  return Object.values(values).some((v) => v === undefined) ? undefined : (values as T);
}

/**
 * Reads one list element as the key `item` of a one-key object, reporting errors at the
 * element's own path (`list[2]`, not `list[2].item`).
 */
class ItemReader extends FieldReader {
  constructor(
    item: unknown,
    private readonly elementPath: string,
    errors: Errors,
  ) {
    super({ item }, elementPath, errors);
  }

  override path(key: string): string {
    return key === 'item' ? this.elementPath : super.path(key);
  }
}

/** A required list whose elements `read` reads. */
function listOf(read: Reader, minLength = 0): Reader {
  return (r, key, errors) =>
    r.list(key, (item, path) => read(new ItemReader(item, path, errors), 'item', errors), {
      required: true,
      minLength,
    });
}

/** Why a value is assumed: a sentence, not a flag. */
const reason: Reader = (r, key) => {
  const text = r.string(key);
  if (text !== undefined && text.trim().length < 10) {
    return r.fail(key, 'must say why the value is assumed (a sentence)');
  }
  return text;
};

const bilingual = object<Bilingual>(['ja', 'en'], 'a bilingual text', (r) =>
  all({ ja: r.string('ja'), en: r.string('en') }),
);

function bands(readValue: Reader): Reader {
  const band = object<TermBand>(
    ['minTermMonths', 'maxTermMonths', 'value', 'assumed'],
    'a term band',
    (b) => {
      const min = b.number('minTermMonths', { min: 1, max: MAX_TERM_MONTHS, integer: true });
      const max = b.number('maxTermMonths', { min: 1, max: MAX_TERM_MONTHS, integer: true });
      if (min !== undefined && max !== undefined && min > max) {
        return b.fail('maxTermMonths', `must be at least minTermMonths (${min})`);
      }
      const value = readValue(b, 'value', b.errors);
      const assumed = b.has('assumed') ? reason(b, 'assumed', b.errors) : '';
      const read = all<TermBand>({ minTermMonths: min, maxTermMonths: max, value, assumed });
      if (read && !read.assumed) delete read.assumed;
      return read;
    },
  );
  return listOf(band, 1);
}

const methodList: Reader = listOf(oneOf(REPAYMENT_METHODS), 1);

const allowedTerms = object<AllowedTerms>(['months', 'wholeYears'], 'allowed terms', (r) => {
  const monthList = listOf(months(1))(r, 'months', r.errors) as number[] | undefined;
  const wholeYears = nullable(
    object<{ min: number; max: number }>(['min', 'max'], 'a whole-year range', (y) => {
      const min = y.number('min', { min: 1, max: MAX_TERM_MONTHS / 12, integer: true });
      const max = y.number('max', { min: 1, max: MAX_TERM_MONTHS / 12, integer: true });
      if (min !== undefined && max !== undefined && min > max) {
        return y.fail('max', `must be at least min (${min})`);
      }
      return all({ min, max });
    }),
  )(r, 'wholeYears', r.errors);
  return all<AllowedTerms>({ months: monthList, wholeYears });
});

const graceLimit: Reader = (r, key, errors) => {
  const raw = r.raw(key);
  if (raw === null || raw === 'whole-term') return raw;
  return months(0)(r, key, errors);
};

const feeRange = object<{ min: number; max: number }>(['min', 'max'], 'a fee range', (r) =>
  all({ min: r.rate('min', { max: 0.1 }), max: r.rate('max', { max: 0.1 }) }),
);

const optionRequirement = object<RateOptionRequirement>(
  ['minPayrollChange'],
  'a rate option requirement',
  (r) => all({ minPayrollChange: r.rate('minPayrollChange', { min: 0, max: 1 }) }),
);

const rateOption = object<RateOption>(
  ['id', 'name', 'delta', 'months', 'requires', 'assumed'],
  'a rate option',
  (r) => {
    const read = all<RateOption>({
      id: r.string('id'),
      name: bilingual(r, 'name', r.errors),
      delta: r.rate('delta', { min: -0.1, max: 0.1 }),
      months: r.has('months') ? nullable(months(1))(r, 'months', r.errors) : null,
      requires: r.has('requires') ? nullable(optionRequirement)(r, 'requires', r.errors) : null,
    });
    if (read && r.has('assumed')) {
      const why = reason(r, 'assumed', r.errors) as string | undefined;
      if (why === undefined) return undefined;
      read.assumed = why;
    }
    return read;
  },
);

/** Bands keyed by their longest term in months ("60", "120" …), each a spread or a rate. */
const termRates: Reader = (r, key, errors) => {
  const raw = r.raw(key);
  const where = r.path(key);
  if (!isObject(raw)) return r.fail(key, 'must be an object keyed by the longest term in months');
  const out: Record<string, TermRate> = {};
  const before = errors.length;
  for (const [band, value] of Object.entries(raw)) {
    if (!/^[1-9][0-9]*$/.test(band) || Number(band) > MAX_TERM_MONTHS) {
      errors.push({
        field: at(where, band),
        message: `must be a term in whole months (1–${MAX_TERM_MONTHS}), the band's longest`,
        value: band,
      });
      continue;
    }
    const entry = object<TermRate>(['spread', 'rate', 'assumed'], 'a term band', (b) => {
      if (b.has('spread') === b.has('rate')) {
        return b.fail('rate', 'give either spread (over baseRate) or rate, not both');
      }
      const out: TermRate = {};
      if (b.has('spread')) out.spread = b.rate('spread', { min: -0.1, max: 0.1 });
      if (b.has('rate')) out.rate = b.rate('rate');
      if (b.has('assumed')) out.assumed = reason(b, 'assumed', b.errors) as string;
      return Object.values(out).some((v) => v === undefined) ? undefined : out;
    })(new ItemReader(value, at(where, band), errors), 'item', errors) as TermRate | undefined;
    if (entry) out[band] = entry;
  }
  return errors.length === before ? out : undefined;
};

const feeSubsidy = object<FeeSubsidy>(
  ['id', 'name', 'requires', 'share', 'from', 'until', 'assumed'],
  'a fee subsidy',
  (r) => {
    const read = all<FeeSubsidy>({
      id: r.string('id'),
      name: bilingual(r, 'name', r.errors),
      requires: r.oneOf('requires', ['proper-loan', 'supported-plan'] as const),
      share: r.rate('share', { max: 1 }),
      from: r.has('from') ? isoDate(r, 'from') : null,
      until: r.has('until') ? isoDate(r, 'until') : null,
    });
    if (read && r.has('assumed')) {
      const why = reason(r, 'assumed', r.errors) as string | undefined;
      if (why === undefined) return undefined;
      read.assumed = why;
    }
    return read;
  },
);

const initialPeriod = object<InitialPeriod>(
  ['years', 'rate', 'requires'],
  'an initial period',
  (r) =>
    all({
      years: r.number('years', { min: 1, max: 50, integer: true }),
      rate: r.rate('rate'),
      requires: r.oneOf('requires', ['private-bank-support', 'none'] as const),
    }),
);

const RATE_FIELDS: Record<string, Reader> = {
  kind: oneOf(RATE_KINDS),
  baseRate: (r, key) => r.rate(key),
  referenceTermYears: (r, key) => r.number(key, { min: 1, max: 50, integer: true }),
  referenceTermScope: oneOf(REFERENCE_TERM_SCOPES),
  termRates: nullable(termRates),
  fixedAtDrawdown: bool,
  options: listOf(rateOption),
  annualRate: nullable((r, key) => r.rate(key)),
  lossRate: (r, key) => r.rate(key),
  profitRates: bands((r, key) => r.rate(key)),
  initialPeriod: nullable(initialPeriod),
  withoutClosedYear: oneOf(['profit', 'loss'] as const),
  profitLine: oneOf(PROFIT_LINES),
};

/** Each rate kind's keys: the required ones, then the ones with a default. */
const RATE_KEYS: Record<RateKind, { required: string[]; defaults: Record<string, unknown> }> = {
  base: {
    required: ['baseRate', 'referenceTermYears'],
    defaults: { referenceTermScope: 'exact', termRates: null, fixedAtDrawdown: true, options: [] },
  },
  'lender-set': { required: ['annualRate'], defaults: {} },
  'performance-linked': {
    required: ['lossRate', 'profitRates'],
    defaults: { initialPeriod: null, withoutClosedYear: 'profit', profitLine: 'net-income' },
  },
};

const TERM_FIELDS: Record<keyof ProgramTerms, Reader> = {
  limitYen: nullable(yen),
  limitScope: oneOf(LIMIT_SCOPES),
  separateLimit: bool,
  minTermMonths: months(1),
  maxTermMonths: nullable(months(1)),
  allowedTerms: nullable(allowedTerms),
  maxGraceMonths: graceLimit,
  method: oneOf(REPAYMENT_METHODS),
  allowedMethods: methodList,
  rate: (r, key, errors) => readFields(r.raw(key), r.path(key), RATE_FIELDS, 'a rate', errors),
  guaranteeFeeRate: (r, key) => r.rate(key, { max: 0.1 }),
  guaranteeFeeRange: nullable(feeRange),
  guaranteeFeeSubsidies: nullable(listOf(feeSubsidy, 1)),
  guaranteeCoverage: nullable(share),
  prepaymentLockMonths: (r, key, errors) =>
    Array.isArray(r.raw(key)) ? bands(months(0))(r, key, errors) : months(0)(r, key, errors),
};

export const TERM_KEYS = Object.keys(TERM_FIELDS) as (keyof ProgramTerms)[];

const TERM_DEFAULTS: Partial<ProgramTerms> = {
  limitScope: 'program',
  separateLimit: false,
  minTermMonths: 1,
  allowedTerms: null,
  guaranteeFeeRate: 0,
  guaranteeFeeRange: null,
  guaranteeFeeSubsidies: null,
  guaranteeCoverage: null,
  prepaymentLockMonths: 0,
};

/** Reads the keys present in `raw` with `fields`; keys outside `fields` are errors. */
function readFields(
  raw: unknown,
  where: string,
  fields: Record<string, Reader>,
  what: string,
  errors: Errors,
): Raw | undefined {
  const r = FieldReader.of(raw, where, errors);
  if (!r) return undefined;
  const before = errors.length;
  const obj = raw as Raw;
  rejectUnknownKeys(obj, Object.keys(fields), where, what, errors);
  const out: Raw = {};
  for (const key of Object.keys(fields)) {
    if (obj[key] !== undefined) out[key] = fields[key](r, key, errors);
  }
  return errors.length === before ? out : undefined;
}

function readPatch(raw: unknown, where: string, errors: Errors): TermsPatch | undefined {
  return readFields(raw, where, TERM_FIELDS, 'program terms', errors) as TermsPatch | undefined;
}

/**
 * Patches applied in order; a patch's rate keys merge into the rate, its term bands
 * (`rate.termRates`) into the bands by key (a band given replaces that band whole), other keys
 * replace.
 */
function mergePatches(...patches: (TermsPatch | undefined)[]): TermsPatch {
  const out: TermsPatch = {};
  for (const patch of patches) {
    if (!patch) continue;
    const rate = out.rate || patch.rate ? { ...out.rate, ...patch.rate } : undefined;
    if (rate && out.rate?.termRates && patch.rate?.termRates) {
      rate.termRates = { ...out.rate.termRates, ...patch.rate.termRates };
    }
    Object.assign(out, patch);
    if (rate) out.rate = rate;
  }
  return out;
}

function completeRate(
  patch: RatePatch | undefined,
  where: string,
  errors: Errors,
): ProgramRate | undefined {
  if (!patch || patch.kind === undefined) {
    errors.push({ field: at(where, 'kind'), message: 'is required', value: patch?.kind });
    return undefined;
  }
  const { required, defaults } = RATE_KEYS[patch.kind];
  const own = ['kind', ...required, ...Object.keys(defaults)];
  const before = errors.length;
  for (const key of Object.keys(patch)) {
    if (!own.includes(key)) {
      errors.push({
        field: at(where, key),
        message: `is not a key of a ${patch.kind} rate (known: ${own.join(', ')})`,
        value: (patch as Raw)[key],
      });
    }
  }
  for (const key of required) {
    if ((patch as Raw)[key] === undefined) {
      errors.push({ field: at(where, key), message: 'is required', value: undefined });
    }
  }
  return errors.length === before ? ({ ...defaults, ...patch } as ProgramRate) : undefined;
}

/** Every term a variant allows (for checks over all of them). */
export function allowedTermList(terms: ProgramTerms): number[] {
  if (terms.allowedTerms) {
    const { months: list, wholeYears } = terms.allowedTerms;
    const years: number[] = [];
    for (let y = wholeYears?.min ?? 1; wholeYears && y <= wholeYears.max; y++) years.push(y * 12);
    return [...new Set([...list, ...years])].sort((a, b) => a - b);
  }
  const out: number[] = [];
  for (let m = terms.minTermMonths; m <= (terms.maxTermMonths ?? MAX_TERM_MONTHS); m++) out.push(m);
  return out;
}

/** Whether `termMonths` is one of the terms the variant allows. */
export function isAllowedTerm(terms: ProgramTerms, termMonths: number): boolean {
  if (!Number.isInteger(termMonths) || termMonths < terms.minTermMonths) return false;
  if (terms.maxTermMonths !== null && termMonths > terms.maxTermMonths) return false;
  const allowed = terms.allowedTerms;
  if (!allowed) return true;
  if (allowed.months.includes(termMonths)) return true;
  const years = termMonths / 12;
  return (
    allowed.wholeYears !== null &&
    Number.isInteger(years) &&
    years >= allowed.wholeYears.min &&
    years <= allowed.wholeYears.max
  );
}

/** The band a term falls in, if any. */
export function bandFor(list: readonly TermBand[], termMonths: number): TermBand | undefined {
  return list.find((b) => termMonths >= b.minTermMonths && termMonths <= b.maxTermMonths);
}

/** Months after drawdown during which a loan of this term cannot be prepaid. */
export function prepaymentLockFor(terms: ProgramTerms, termMonths: number): number {
  const lock = terms.prepaymentLockMonths;
  return typeof lock === 'number' ? lock : (bandFor(lock, termMonths)?.value ?? 0);
}

function checkBandsCover(
  list: readonly TermBand[],
  terms: ProgramTerms,
  where: string,
  errors: Errors,
): void {
  const sorted = [...list].sort((a, b) => a.minTermMonths - b.minTermMonths);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].minTermMonths <= sorted[i - 1].maxTermMonths) {
      errors.push({ field: where, message: 'has overlapping term bands', value: list });
      return;
    }
  }
  const missing = allowedTermList(terms).find((m) => !bandFor(list, m));
  if (missing !== undefined) {
    errors.push({
      field: where,
      message: `has no band for an allowed term of ${missing} months`,
      value: list,
    });
  }
}

/** The complete terms of a merged patch, with defaults; consistency is checked. */
function completeTerms(patch: TermsPatch, where: string, errors: Errors): ProgramTerms | undefined {
  const before = errors.length;
  for (const key of ['limitYen', 'maxTermMonths', 'maxGraceMonths', 'method'] as const) {
    if (patch[key] === undefined) {
      errors.push({ field: at(where, key), message: 'is required', value: undefined });
    }
  }
  const rate = completeRate(patch.rate, at(where, 'rate'), errors);
  if (errors.length > before || !rate) return undefined;
  const t = {
    ...TERM_DEFAULTS,
    allowedMethods: [patch.method],
    ...patch,
    rate,
  } as ProgramTerms;
  const fail = (key: string, message: string) =>
    errors.push({ field: at(where, key), message, value: (t as unknown as Raw)[key] });

  if (!t.allowedMethods.includes(t.method)) {
    fail('allowedMethods', `must include the method "${t.method}"`);
  }
  if (t.maxTermMonths !== null && t.minTermMonths > t.maxTermMonths) {
    fail('minTermMonths', `must be at most maxTermMonths (${t.maxTermMonths})`);
  }
  if (t.maxGraceMonths === 'whole-term') {
    if (t.allowedMethods.some((m) => m !== 'bullet')) {
      fail('maxGraceMonths', '"whole-term" is for bullet loans: allowedMethods must be bullet');
    }
  } else if (
    t.maxGraceMonths !== null &&
    t.maxTermMonths !== null &&
    t.maxGraceMonths >= t.maxTermMonths
  ) {
    fail(
      'maxGraceMonths',
      `must be less than maxTermMonths (${t.maxTermMonths}): grace is inside the term`,
    );
  }
  if (t.allowedTerms) {
    const outside = allowedTermList(t).find(
      (m) => m < t.minTermMonths || (t.maxTermMonths !== null && m > t.maxTermMonths),
    );
    if (outside !== undefined) {
      fail('allowedTerms', `allows ${outside} months, outside minTermMonths..maxTermMonths`);
    }
    if (allowedTermList(t).length === 0) fail('allowedTerms', 'allows no term');
  }
  if (t.rate.kind === 'performance-linked') {
    checkBandsCover(t.rate.profitRates, t, at(where, 'rate.profitRates'), errors);
  }
  if (typeof t.prepaymentLockMonths !== 'number') {
    checkBandsCover(t.prepaymentLockMonths, t, at(where, 'prepaymentLockMonths'), errors);
  }
  if (t.rate.kind === 'base' && t.rate.termRates) {
    const longest = Math.max(...Object.keys(t.rate.termRates).map(Number));
    const needed = t.maxTermMonths ?? MAX_TERM_MONTHS;
    if (longest < needed) {
      fail('rate.termRates', `has no band for terms from ${longest + 1} to ${needed} months`);
    }
  }
  const range = t.guaranteeFeeRange;
  if (range && (t.guaranteeFeeRate < range.min || t.guaranteeFeeRate > range.max)) {
    fail('guaranteeFeeRate', `must be inside guaranteeFeeRange (${range.min}–${range.max})`);
  }
  return errors.length === before ? t : undefined;
}

// Eligibility rules.

const RULE_PARAMS: Record<EligibilityRuleKind, Record<string, Reader>> = {
  'min-debt-repayment-years': {
    years: (r, key) => r.number(key, { min: 0, max: 100 }),
    inclusive: bool,
  },
  'requires-crisis-era-debt': {},
  'new-term-exceeds-replaced-remaining': {},
  'requires-improvement-plan': {},
  'requires-proper-loan-or-supported-plan': { minProperLoanShare: share },
  'requires-small-enterprise': {},
  'requires-succession-purpose': {},
  'min-sales-decline': { decline: share },
  'refinances-crisis-era-debt': {},
};

export const ELIGIBILITY_RULE_KINDS = Object.keys(RULE_PARAMS) as EligibilityRuleKind[];

function readRule(raw: unknown, where: string, errors: Errors): EligibilityRule | undefined {
  const r = FieldReader.of(raw, where, errors);
  if (!r) return undefined;
  const kind = r.oneOf('kind', ELIGIBILITY_RULE_KINDS);
  if (!kind) return undefined;
  const params = RULE_PARAMS[kind];
  const before = errors.length;
  rejectUnknownKeys(
    raw as Raw,
    ['kind', 'severity', 'label', ...Object.keys(params)],
    where,
    `a ${kind} rule`,
    errors,
  );
  const out: Raw = { kind };
  for (const [key, read] of Object.entries(params)) out[key] = read(r, key, errors);
  if (r.has('severity')) out.severity = r.oneOf('severity', ['error', 'warning'] as const);
  if (r.has('label')) out.label = bilingual(r, 'label', errors);
  return errors.length === before ? (out as EligibilityRule) : undefined;
}

// Programs.

const PROGRAM_KEYS = [
  'id',
  'asOf',
  'available',
  'availableFrom',
  'availableUntil',
  'name',
  'lender',
  'capitalType',
  'terms',
  'units',
  'purposes',
  'eligibility',
  'sources',
  'citations',
  'assumed',
  'notes',
];

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function isoDate(r: FieldReader, key: string): string | undefined {
  const day = r.date(key);
  return day === undefined ? undefined : formatIsoDate(day);
}

function readVariants<K extends string>(
  raw: unknown,
  where: string,
  names: readonly K[],
  errors: Errors,
): Partial<Record<K, TermsPatch>> | undefined {
  if (!isObject(raw)) {
    errors.push({ field: where, message: 'must be an object', value: raw });
    return undefined;
  }
  rejectUnknownKeys(raw, names, where, 'the variants', errors);
  const out: Partial<Record<K, TermsPatch>> = {};
  for (const name of names) {
    if (raw[name] !== undefined) out[name] = readPatch(raw[name], at(where, name), errors);
  }
  return out;
}

const texts: Reader = listOf((r, key) => r.string(key));

/** `{ "<term path>": "text" }`: citations, or the reasons behind assumed terms. */
function textsByTerm(read: Reader): Reader {
  return (r, key, errors) => {
    const raw = r.raw(key);
    if (!isObject(raw)) return r.fail(key, 'must be an object keyed by term path');
    const sub = FieldReader.of(raw, r.path(key), errors)!;
    const out: Record<string, string> = {};
    for (const term of Object.keys(raw)) out[term] = read(sub, term, errors) as string;
    return Object.values(out).some((v) => v === undefined) ? undefined : out;
  };
}

/** The unit and purpose variants of a program, each with the path its errors are reported at. */
function variants(program: Program): { selection: ProgramSelection; where: string }[] {
  const units = programUnits(program);
  const purposes = programPurposes(program);
  const out: { selection: ProgramSelection; where: string }[] = [];
  for (const unit of units.length ? units : [undefined]) {
    for (const purpose of purposes.length ? purposes : [undefined]) {
      const parts = [unit && `units.${unit}`, purpose && `purposes.${purpose}`].filter(Boolean);
      out.push({ selection: { unit, purpose }, where: parts.length ? parts.join('+') : 'terms' });
    }
  }
  return out;
}

function readProgram(raw: unknown, where: string, errors: Errors): Program | undefined {
  const r = FieldReader.of(raw, where, errors);
  if (!r) return undefined;
  const obj = raw as Raw;
  const before = errors.length;
  rejectUnknownKeys(obj, PROGRAM_KEYS, where, 'a program', errors);
  const id = r.string('id');
  if (id !== undefined && !KEBAB.test(id)) r.fail('id', 'must be kebab-case (a-z, 0-9, "-")');
  const program: Raw = {
    id,
    asOf: isoDate(r, 'asOf'),
    available: bool(r, 'available', errors),
    name: bilingual(r, 'name', errors),
    lender: r.oneOf('lender', LENDER_KINDS),
    capitalType: bool(r, 'capitalType', errors),
    terms: readPatch(obj.terms, r.path('terms'), errors),
    eligibility: r.list('eligibility', (item, path) => readRule(item, path, errors), {
      required: true,
    }),
    sources: texts(r, 'sources', errors),
    notes: texts(r, 'notes', errors),
  };
  if (r.has('availableFrom')) program.availableFrom = isoDate(r, 'availableFrom');
  if (r.has('availableUntil')) program.availableUntil = isoDate(r, 'availableUntil');
  if (r.has('citations')) {
    program.citations = textsByTerm((s, k) => s.string(k))(r, 'citations', errors);
  }
  if (r.has('assumed')) program.assumed = textsByTerm(reason)(r, 'assumed', errors);
  if (r.has('units'))
    program.units = readVariants(obj.units, r.path('units'), PROGRAM_UNITS, errors);
  if (r.has('purposes')) {
    program.purposes = readVariants(obj.purposes, r.path('purposes'), FUND_PURPOSES, errors);
  }
  if (errors.length > before) return undefined;
  const p = program as unknown as Program;
  for (const v of variants(p)) {
    completeTerms(variantPatch(p, v.selection), at(where, v.where), errors);
  }
  return errors.length === before ? p : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Reads a catalog (`{ programs: [...] }`): every program checked, ids unique. */
export function parseCatalog(raw: unknown): Parsed<Program[]> {
  const errors: Errors = [];
  const r = FieldReader.of(raw, '', errors);
  if (!r) return { ok: false, errors };
  rejectUnknownKeys(raw as Raw, ['about', 'programs'], '', 'the catalog', errors);
  const programs =
    r.list('programs', (item, path) => readProgram(item, path, errors), { required: true }) ?? [];
  const seen = new Set<string>();
  programs.forEach((p, i) => {
    if (seen.has(p.id)) {
      errors.push({ field: `programs[${i}].id`, message: 'repeats an earlier id', value: p.id });
    }
    seen.add(p.id);
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: deepFreeze(programs) };
}

function loadCatalog(): readonly Program[] {
  const parsed = parseCatalog(catalogJson);
  if (!parsed.ok) {
    throw new Error(
      `engine/programs/catalog.json is invalid:\n${parsed.errors.map(describeError).join('\n')}`,
    );
  }
  return parsed.value;
}

/** The catalog, read and checked once (frozen: change terms with `withOverrides`). */
export const PROGRAMS: readonly Program[] = loadCatalog();

export function findProgram(id: string): Program | undefined {
  return PROGRAMS.find((p) => p.id === id);
}

/** The units a program's terms differ by (empty: the same for every unit). */
export function programUnits(program: Program): ProgramUnit[] {
  return PROGRAM_UNITS.filter((u) => program.units?.[u] !== undefined);
}

/** The fund purposes a program's terms differ by (empty: one set of terms). */
export function programPurposes(program: Program): FundPurpose[] {
  return FUND_PURPOSES.filter((p) => program.purposes?.[p] !== undefined);
}

function variantPatch(program: Program, selection: ProgramSelection): TermsPatch {
  return mergePatches(
    program.terms,
    selection.unit && program.units?.[selection.unit],
    selection.purpose && program.purposes?.[selection.purpose],
  );
}

/**
 * Why a selection does not name a variant of the program, or null. A program whose terms differ
 * by unit (or purpose) needs one of its units (purposes); a program that does not ignores it.
 */
export function selectionProblem(program: Program, selection: ProgramSelection): string | null {
  const units = programUnits(program);
  if (units.length && !selection.unit) return `needs a unit (${units.join(', ')})`;
  if (units.length && selection.unit && !units.includes(selection.unit)) {
    return `has no terms for unit "${selection.unit}" (catalogued: ${units.join(', ')})`;
  }
  const purposes = programPurposes(program);
  if (purposes.length && !selection.purpose) return `needs a purpose (${purposes.join(', ')})`;
  if (purposes.length && selection.purpose && !purposes.includes(selection.purpose)) {
    return `has no terms for purpose "${selection.purpose}"`;
  }
  return null;
}

/** The complete terms of one variant of a program; throws if the selection names none. */
export function resolveTerms(program: Program, selection: ProgramSelection = {}): ProgramTerms {
  const problem = selectionProblem(program, selection);
  if (problem) throw new Error(`Program ${program.id} ${problem}`);
  const errors: Errors = [];
  const terms = completeTerms(variantPatch(program, selection), program.id, errors);
  if (!terms) throw new Error(errors.map(describeError).join('\n'));
  return terms;
}

/**
 * The rate rule of a program for a unit. Needs no unit when no unit changes the rate (capital-type
 * loans: the units differ only in limits). Throws when the unit is needed and missing.
 */
export function resolveRate(program: Program, unit?: ProgramUnit): ProgramRate {
  const patches = [program.terms.rate];
  const units = programUnits(program);
  if (unit && units.includes(unit)) patches.push(program.units?.[unit]?.rate);
  else if (units.some((u) => program.units?.[u]?.rate)) {
    throw new Error(
      `Program ${program.id}: the rate differs by unit; name one of ${units.join(', ')}`,
    );
  }
  if (programPurposes(program).some((p) => program.purposes?.[p]?.rate)) {
    throw new Error(`Program ${program.id}: the rate differs by purpose; use resolveTerms`);
  }
  const errors: Errors = [];
  const rate = completeRate(Object.assign({}, ...patches), `${program.id}.rate`, errors);
  if (!rate) throw new Error(errors.map(describeError).join('\n'));
  return rate;
}

// Overrides.

const IDENTITY_KEYS = ['id', 'name', 'lender', 'capitalType'];
const META_KEYS = ['asOf', 'available', 'availableFrom', 'availableUntil', 'eligibility'];
const OVERRIDE_KEYS = [...TERM_KEYS, ...META_KEYS, 'units', 'purposes'];

/** The dotted paths of an object's leaves: { rate: { baseRate: 1 } } → ["rate.baseRate"]. */
function leafPaths(value: Raw, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    isObject(v) ? leafPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A program with some terms replaced, e.g. this month's base rate:
 * `withOverrides(p, { asOf: '2025-11-01', rate: { baseRate: '2.45%' } })`.
 *
 * Keys are the term keys of the catalog (`limitYen`, `rate.baseRate`, …), the dating keys
 * (`asOf`, `available`, `availableFrom`, `availableUntil`), `eligibility` (replaced whole), and
 * `units.<unit>` / `purposes.<purpose>` for one variant. A term set at the top applies to every
 * variant (a base rate overridden once is the rate whatever the unit). Unknown keys, identity
 * keys (id, name, lender, capitalType), a rate's `kind`, bad values and terms left inconsistent
 * are errors naming the key; nothing is applied unless everything is valid.
 */
export function withOverrides(program: Program, overrides: unknown): Parsed<Program> {
  const errors: Errors = [];
  if (!FieldReader.of(overrides, '', errors)) return { ok: false, errors };
  const raw = overrides as Raw;
  for (const key of Object.keys(raw)) {
    if (raw[key] === undefined) continue;
    if (IDENTITY_KEYS.includes(key)) {
      errors.push({
        field: key,
        message: "is the program's identity: it cannot be overridden",
        value: raw[key],
      });
    } else if (!OVERRIDE_KEYS.includes(key)) {
      errors.push({
        field: key,
        message: `is not a key that can be overridden (known: ${OVERRIDE_KEYS.join(', ')})`,
        value: raw[key],
      });
    }
  }
  const termsRaw = Object.fromEntries(
    TERM_KEYS.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]),
  );
  const terms = readPatch(termsRaw, '', errors);
  if (isObject(raw.rate) && raw.rate.kind !== undefined) {
    errors.push({
      field: 'rate.kind',
      message: "cannot be overridden: the kind of rate is part of the program's identity",
      value: raw.rate.kind,
    });
  }
  const variantOverrides = (
    key: 'units' | 'purposes',
    names: readonly string[],
    offered: readonly string[],
  ): Record<string, TermsPatch | undefined> => {
    const value = raw[key];
    if (value === undefined) return {};
    if (!isObject(value)) {
      errors.push({ field: key, message: 'must be an object', value });
      return {};
    }
    const out: Record<string, TermsPatch | undefined> = {};
    for (const name of Object.keys(value)) {
      if (!names.includes(name)) {
        errors.push({
          field: at(key, name),
          message: `is not a key of ${key} (known: ${names.join(', ')})`,
          value: value[name],
        });
      } else if (!offered.includes(name)) {
        errors.push({
          field: at(key, name),
          message: `this program's terms do not differ by ${key === 'units' ? 'unit' : 'purpose'} "${name}" (${offered.length ? `catalogued: ${offered.join(', ')}` : 'none catalogued'})`,
          value: value[name],
        });
      } else {
        out[name] = readPatch(value[name], at(key, name), errors);
        if (
          isObject(value[name]) &&
          isObject(value[name].rate) &&
          value[name].rate.kind !== undefined
        ) {
          errors.push({
            field: at(key, `${name}.rate.kind`),
            message: 'cannot be overridden',
            value: value[name].rate.kind,
          });
        }
      }
    }
    return out;
  };
  const unitPatches = variantOverrides('units', PROGRAM_UNITS, programUnits(program));
  const purposePatches = variantOverrides('purposes', FUND_PURPOSES, programPurposes(program));
  if (errors.length || !terms) return { ok: false, errors };

  const next = clone(program) as Program & Raw;
  const variantsOf = (p: Program): TermsPatch[] =>
    [...Object.values(p.units ?? {}), ...Object.values(p.purposes ?? {})].filter(
      (v): v is TermsPatch => v !== undefined,
    );
  // A term set at the top wins over the variants' own values for it.
  for (const v of variantsOf(next)) {
    for (const key of Object.keys(terms) as (keyof TermsPatch)[]) {
      if (key !== 'rate') delete v[key];
    }
    if (terms.rate && v.rate) {
      for (const key of Object.keys(terms.rate)) delete (v.rate as Raw)[key];
      if (Object.keys(v.rate).length === 0) delete v.rate;
    }
  }
  next.terms = mergePatches(next.terms, terms);
  for (const [unit, patch] of Object.entries(unitPatches)) {
    next.units = { ...next.units, [unit]: mergePatches(next.units?.[unit as ProgramUnit], patch) };
  }
  for (const [purpose, patch] of Object.entries(purposePatches)) {
    next.purposes = {
      ...next.purposes,
      [purpose]: mergePatches(next.purposes?.[purpose as FundPurpose], patch),
    };
  }
  for (const key of META_KEYS) if (raw[key] !== undefined) next[key] = raw[key];
  // A term the case sets for every variant is the case's own, no longer the catalog's assumption.
  if (next.assumed) {
    const set = leafPaths(
      Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'units' && k !== 'purposes')),
    );
    const overridden = (k: string) =>
      set.some((l) => l === k || l.startsWith(`${k}.`) || k.startsWith(`${l}.`));
    next.assumed = Object.fromEntries(Object.entries(next.assumed).filter(([k]) => !overridden(k)));
  }

  const program2 = readProgram(next, '', errors);
  return program2 ? { ok: true, value: deepFreeze(program2) } : { ok: false, errors };
}
