import { INDEX_NAMES, IndexName, IndexPath, IndexPaths } from '../rates/rate-index';
import { RateRule } from '../rates/rate-rule';
import { Shock } from '../rates/shock';
import { DebtStack, CapitalTypeRate, StackLoan } from '../stack/debt-stack';
import { LoanTerms, paymentScheduleOf } from '../schedule/loan-schedule';
import { InterestRateSwap } from '../rates/swap';
import { LoanConventions } from '../case/case';
import { addMonthsClamped, formatIsoDate, fromEpochDay, toEpochDay } from '../time/civil-date';
import { FieldError, FieldReader, Parsed } from './field-reader';
import { LOAN_TERM_KEYS, readLoanTerms } from './loan-spec';
import { readShock } from './shock-spec';

const RULE_TYPES = ['fixed', 'floating', 'fixed-at-drawdown'] as const;

/** The fields a stack loan may have; anything else is a typo worth reporting. */
const STACK_LOAN_KEYS = [
  'id',
  'name',
  'lender',
  ...LOAN_TERM_KEYS,
  'rate',
  'annualRate',
  'guaranteeCoverage',
  'drawdownDate',
  'originalPrincipal',
  'capitalType',
  'swap',
] as const;
const RATE_RULE_KEYS = [
  'type',
  'annualRate',
  'index',
  'spread',
  'resetEveryMonths',
  'nextResetDate',
  'currentRate',
] as const;

/** A stack file: the debt stack and, optionally, its own list of shocks. */
export interface StackFile {
  stack: DebtStack;
  shocks?: Shock[];
}

function readIndexPath(raw: unknown, at: string, errors: FieldError[]): IndexPath | undefined {
  if (typeof raw === 'number' || typeof raw === 'string') {
    const rate = FieldReader.of({ rate: raw }, at, errors)!.rate('rate', { min: -0.01 });
    return rate === undefined ? undefined : { rate, steps: [] };
  }
  const r = FieldReader.of(raw, at, errors);
  const rate = r?.rate('rate', { min: -0.01 });
  const steps = r?.list('steps', (item, stepAt) => {
    const s = FieldReader.of(item, stepAt, errors);
    const from = s?.date('from');
    const stepRate = s?.rate('rate', { min: -0.01 });
    return from === undefined || stepRate === undefined ? undefined : { from, rate: stepRate };
  });
  return rate === undefined || !steps
    ? undefined
    : { rate, steps: steps.sort((a, b) => a.from - b.from) };
}

function readRateRule(loan: FieldReader, errors: FieldError[]): RateRule | undefined {
  if (!loan.has('rate')) {
    if (loan.has('annualRate')) {
      const annualRate = loan.rate('annualRate');
      return annualRate === undefined ? undefined : { type: 'fixed', annualRate };
    }
    loan.fail(
      'rate',
      'is required: { "type": "fixed" | "floating" | "fixed-at-drawdown", … } or "annualRate"',
    );
    return undefined;
  }
  const r = FieldReader.of(loan.raw('rate'), loan.path('rate'), errors);
  if (!r) return undefined;
  r.rejectUnknown(RATE_RULE_KEYS);
  const type = r.oneOf('type', RULE_TYPES);
  if (type === 'fixed') {
    const annualRate = r.rate('annualRate');
    return annualRate === undefined ? undefined : { type, annualRate };
  }
  if (type === undefined) return undefined;
  const index = r.oneOf(
    'index',
    INDEX_NAMES,
    type === 'fixed-at-drawdown' ? 'jfc-base' : undefined,
  );
  const spread = r.rate('spread', { min: -0.1, max: 0.3, fallback: 0 });
  if (type === 'fixed-at-drawdown') {
    // An existing loan's contract rate, and JFC 中小事業's optional 5-year resets.
    const annualRate = r.has('annualRate') ? r.rate('annualRate') : undefined;
    const every = r.has('resetEveryMonths')
      ? r.number('resetEveryMonths', { min: 1, max: 600, integer: true })
      : undefined;
    return index === undefined || spread === undefined
      ? undefined
      : {
          type,
          index,
          spread,
          ...(annualRate !== undefined && { annualRate }),
          ...(every !== undefined && { resetEveryMonths: every }),
        };
  }
  const resetEveryMonths = r.number('resetEveryMonths', {
    min: 1,
    max: 120,
    integer: true,
    fallback: 6,
  });
  const nextResetDate = r.has('nextResetDate') ? r.date('nextResetDate') : undefined;
  const currentRate = r.has('currentRate') ? r.rate('currentRate') : undefined;
  if (index === undefined || spread === undefined || resetEveryMonths === undefined)
    return undefined;
  if (
    (r.has('nextResetDate') && nextResetDate === undefined) ||
    (r.has('currentRate') && currentRate === undefined)
  )
    return undefined;
  return { type, index, spread, resetEveryMonths, nextResetDate, currentRate };
}

const AS_OF_STAND_IN = toEpochDay(2000, 1, 1);

/** The day of a loan's last payment: `termMonths` months after its start, clamped to month end. */
function lastPaymentDay(terms: LoanTerms): number {
  const { year, month, day } = fromEpochDay(terms.startDate);
  return addMonthsClamped(year, month, day, terms.termMonths);
}

function readStackLoan(
  raw: unknown,
  at: string,
  i: number,
  asOf: number | undefined,
  errors: FieldError[],
  unit: number,
  defaults?: LoanConventions,
): StackLoan | undefined {
  const r = FieldReader.of(raw, at, errors);
  if (!r) return undefined;
  const before = errors.length;
  r.rejectUnknown(STACK_LOAN_KEYS);
  // Without its own start date a loan starts on the as-of date; when that is missing or bad
  // (reported once, at asOf), a stand-in keeps it from being reported again for every loan.
  const withStart = r.has('startDate')
    ? r
    : FieldReader.of(
        { ...(raw as object), startDate: formatIsoDate(asOf ?? AS_OF_STAND_IN) },
        at,
        errors,
      )!;
  const terms = readLoanTerms(withStart, unit, defaults);
  const existing = readExisting(r, terms, asOf, unit, errors);
  const capitalType = r.has('capitalType') ? readCapitalType(r, terms, errors) : undefined;
  // A capital-type loan's rate is its performance-linked rule; `rate` is then optional.
  const rate =
    capitalType && !r.has('rate') && !r.has('annualRate')
      ? { type: 'fixed' as const, annualRate: capitalType.initialRate ?? capitalType.profitRate }
      : readRateRule(r, errors);
  const guaranteeCoverage = r.has('guaranteeCoverage')
    ? r.rate('guaranteeCoverage', { min: 0, max: 1 })
    : undefined;
  if (errors.length > before || !rate) return undefined;
  if (rate.type === 'fixed-at-drawdown' && existing.drawdownDate !== undefined)
    rate.drawdownDate = existing.drawdownDate;
  // Drawn before its start: a lump-sum fee was paid then (only a refund can still come).
  if (existing.drawdownDate !== undefined && existing.drawdownDate < terms.startDate!)
    terms.feePaidBefore = true;
  const swap = r.has('swap') ? readSwap(r, rate, terms as LoanTerms, unit, errors) : undefined;
  if (errors.length > before) return undefined;
  return {
    ...(guaranteeCoverage !== undefined ? { guaranteeCoverage } : {}),
    id: r.string('id', `L${i + 1}`)!,
    name: r.string('name', '')!,
    lender: r.string('lender', '')!,
    terms: terms as LoanTerms,
    rate,
    ...(swap && { swap }),
    ...existing,
    ...(capitalType && { capitalType }),
  };
}

/** `drawdownDate` and `originalPrincipal` of an existing loan, checked against today's terms. */
function readExisting(
  r: FieldReader,
  terms: Partial<LoanTerms>,
  asOf: number | undefined,
  unit: number,
  errors: FieldError[],
): { drawdownDate?: number; originalPrincipal?: number } {
  const out: { drawdownDate?: number; originalPrincipal?: number } = {};
  if (r.has('drawdownDate')) {
    const d = r.date('drawdownDate');
    if (d !== undefined && asOf !== undefined && d > asOf)
      r.fail('drawdownDate', `is after the analysis date asOf (${formatIsoDate(asOf)})`);
    else if (d !== undefined && terms.startDate !== undefined && d > terms.startDate)
      r.fail('drawdownDate', `is after the loan's startDate (${formatIsoDate(terms.startDate)})`);
    else out.drawdownDate = d;
  }
  if (r.has('originalPrincipal')) {
    const entered = r.number('originalPrincipal', { min: 0, max: 1e13 / unit });
    const original = entered === undefined ? undefined : Math.round(entered * unit);
    if (original !== undefined && terms.principal !== undefined && terms.principal > original)
      r.fail('principal', `(the balance) is above originalPrincipal (${original})`);
    else out.originalPrincipal = original;
  }
  return errors.length > 0 ? {} : out;
}

/** `capitalType`: { lossRate, profitRate, initialRate?, initialUntil? }; the loan must be bullet. */
function readCapitalType(
  r: FieldReader,
  terms: Partial<LoanTerms>,
  errors: FieldError[],
): CapitalTypeRate | undefined {
  const c = FieldReader.of(r.raw('capitalType'), r.path('capitalType'), errors);
  if (!c) return undefined;
  c.rejectUnknown(['lossRate', 'profitRate', 'initialRate', 'initialUntil']);
  const lossRate = c.rate('lossRate');
  const profitRate = c.rate('profitRate');
  const initialRate = c.has('initialRate') ? c.rate('initialRate') : undefined;
  const initialUntil = c.has('initialUntil') ? c.date('initialUntil') : undefined;
  if (terms.method !== undefined && terms.method !== 'bullet')
    r.fail('method', 'must be "bullet" for a capital-type loan (期限一括償還)');
  if (initialUntil !== undefined && initialRate === undefined)
    c.fail('initialRate', 'is required with initialUntil');
  if (lossRate === undefined || profitRate === undefined) return undefined;
  return {
    lossRate,
    profitRate,
    ...(initialRate !== undefined && { initialRate }),
    ...(initialUntil !== undefined && { initialUntil }),
  };
}

/** `swap`: { fixedRate, endDate, notional: "loan" | yen } on a floating loan, ending by its last payment. */
function readSwap(
  r: FieldReader,
  rate: RateRule,
  terms: LoanTerms,
  unit: number,
  errors: FieldError[],
): InterestRateSwap | undefined {
  const w = FieldReader.of(r.raw('swap'), r.path('swap'), errors);
  if (!w) return undefined;
  w.rejectUnknown(['fixedRate', 'endDate', 'notional']);
  if (rate.type !== 'floating') {
    r.fail('swap', `needs a floating-rate loan (this one is ${rate.type})`);
    return undefined;
  }
  const fixedRate = w.rate('fixedRate');
  const endDate = w.date('endDate');
  const last = paymentScheduleOf(terms).dates[terms.termMonths];
  if (endDate !== undefined && endDate > last)
    w.fail('endDate', `is after the loan's last payment (${formatIsoDate(last)})`);
  const raw = w.raw('notional');
  const notional =
    raw === undefined || raw === 'loan'
      ? 'loan'
      : (() => {
          const n = w.number('notional', { min: 1, max: 1e13 / unit });
          return n === undefined ? undefined : Math.round(n * unit);
        })();
  if (fixedRate === undefined || endDate === undefined || notional === undefined) return undefined;
  return { fixedRate, endDate, notional };
}

/** Reads a debt-stack file; every problem is reported with its JSON path. */
/** Reads a debt stack's fields (asOf, fiscal year end, indexes, loans, shocks) from an object. */
export function readDebtStack(
  r: FieldReader,
  errors: FieldError[],
  fiscalYearEndMonth: number | undefined,
  unit = 1,
  defaults?: LoanConventions,
): { stack?: DebtStack; shocks?: Shock[] } {
  const asOf = r.date('asOf');
  const indexes = {} as IndexPaths;
  const rawIndexes = r.has('indexes')
    ? FieldReader.of(r.raw('indexes'), 'indexes', errors)
    : undefined;
  const usedIndexes = new Set<IndexName>();
  for (const name of INDEX_NAMES) {
    const path = rawIndexes?.has(name)
      ? readIndexPath(rawIndexes.raw(name), rawIndexes.path(name), errors)
      : undefined;
    indexes[name] = path ?? { rate: 0, steps: [] };
    if (path) usedIndexes.add(name);
  }
  let position = 0;
  const loans = r.list(
    'loans',
    (item, at) => readStackLoan(item, at, position++, asOf, errors, unit, defaults),
    {
      required: true,
      minLength: 1,
    },
  );
  loans?.forEach((loan, i) => {
    if ('index' in loan.rate && !usedIndexes.has(loan.rate.index)) {
      errors.push({
        field: `indexes.${loan.rate.index}`,
        message: `is required: loans[${i}] follows it`,
        value: undefined,
      });
    }
  });
  const ids = new Set<string>();
  loans?.forEach((loan, i) => {
    if (ids.has(loan.id))
      errors.push({
        field: `loans[${i}].id`,
        message: "repeats another loan's id",
        value: loan.id,
      });
    ids.add(loan.id);
  });
  // A loan repaid before the as-of date would have no interest left but still count as debt.
  loans?.forEach((loan, i) => {
    if (asOf === undefined) return;
    const last = lastPaymentDay(loan.terms);
    if (last < asOf)
      errors.push({
        field: `loans[${i}].termMonths`,
        message: `ends before asOf: the last payment (${formatIsoDate(last)}) is before ${formatIsoDate(asOf)} — leave repaid loans out, or check the start date and term`,
        value: loan.terms.termMonths,
      });
  });
  const shocks = r.has('shocks')
    ? r.list('shocks', (item, at) => readShock(item, at, errors))
    : undefined;
  if (asOf === undefined || !loans || fiscalYearEndMonth === undefined) return { shocks };
  return {
    stack: { name: r.string('name', 'debt stack')!, asOf, fiscalYearEndMonth, indexes, loans },
    shocks,
  };
}

export function parseStackFile(raw: unknown): Parsed<StackFile> {
  const errors: FieldError[] = [];
  const r = FieldReader.of(raw, '', errors);
  if (!r) return { ok: false, errors };
  const fiscalYearEndMonth = r.number('fiscalYearEndMonth', {
    min: 1,
    max: 12,
    integer: true,
    fallback: 3,
  });
  const { stack, shocks } = readDebtStack(r, errors, fiscalYearEndMonth);
  if (errors.length > 0 || !stack) return { ok: false, errors };
  return { ok: true, value: { stack, shocks } };
}
