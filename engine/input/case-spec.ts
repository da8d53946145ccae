import {
  BaseYear,
  Case,
  DEFAULT_THRESHOLDS,
  LoanConventions,
  LoanSelector,
  PlanYear,
  Strategy,
  StrategyAction,
  Thresholds,
} from '../case/case';
import { REPRICE_MODES } from '../rates/rate-rule';
import { DAY_COUNTS } from '../time/day-count';
import { BUSINESS_DAY_CONVENTIONS } from '../time/business-days';
import { GUARANTEE_FEE_PAYMENTS } from '../schedule/guarantee-fee';
import { GUARANTEE_FEE_EXPENSES, GuaranteeFeeExpense } from '../projection/fee-expense';
import { CAPITAL_DEBT_TREATMENTS } from '../measures/ebitda-debt-multiple';
import { ROUNDINGS } from '../schedule/repayment-method';
import { standardShocks } from '../rates/shock';
import { fiscalYearOf } from '../time/fiscal-year';
import { FieldError, FieldReader, Parsed } from './field-reader';
import { readDebtStack } from './stack-spec';
import { findProgram, withOverrides } from '../programs/catalog';
import {
  PRO_RATA_PLAN_KEYS,
  readAdjustments,
  readCollateral,
  readLiquidation,
  planFirstYearErrors,
  readProRataPlan,
} from '../plan/plan-input';
import { readCashTableMonths, readMonthlyProfile } from '../plan/monthly-profile';
import { rateOptionErrors } from '../programs/program-pricing';
import { readCaseFacts } from './facts-spec';

/** 円 / 千円 / 百万円: the unit every amount of the case is written in. */
export const AMOUNT_UNITS = { yen: 1, thousand: 1_000, million: 1_000_000 } as const;
export type AmountUnit = keyof typeof AMOUNT_UNITS;

const MAX_AMOUNT = 1e13;

/** A whole-yen amount in the case's unit (negative allowed where `signed`). */
export function amount(
  r: FieldReader,
  key: string,
  unit: number,
  opts: { signed?: boolean; fallback?: number } = {},
): number | undefined {
  const value = r.number(key, {
    min: opts.signed ? -MAX_AMOUNT : 0,
    max: MAX_AMOUNT,
    fallback: opts.fallback,
  });
  return value === undefined ? undefined : Math.round(value * unit);
}

const BASE_KEYS = [
  'revenue',
  'operatingProfit',
  'depreciation',
  'nonOperatingIncome',
  'nonOperatingExpense',
  'interestIncome',
  'ordinaryProfit',
  'netIncome',
  'effectiveTaxRate',
  'cash',
  'receivables',
  'inventory',
  'payables',
  'totalAssets',
  'bookNetAssets',
  'netAssetAdjustments',
  'lossCarryForward',
  'capex',
  'workingCapitalChange',
];
const PLAN_KEYS = [
  'revenue',
  'operatingProfit',
  'operatingMargin',
  'depreciation',
  'capex',
  'workingCapitalChange',
];
const ACTION_KEYS = [
  'kind',
  'select',
  'programId',
  'termMonths',
  'graceMonths',
  'baseRate',
  'rateOptions',
  'mode',
  'amount',
  'privateBankSupport',
  'holidayMonths',
  'extendTerm',
  ...PRO_RATA_PLAN_KEYS,
  'dayCount',
  'rounding',
  'businessDay',
  'guaranteeFeePayment',
  'date',
  'effect',
];
const CASE_KEYS = [
  'name',
  'description',
  'lesson',
  'programs',
  'profile',
  'asOf',
  'base',
  'plan',
  'indexes',
  'loans',
  'shocks',
  'modes',
  'strategies',
  'thresholds',
  'facts',
  'collateral',
  'liquidation',
  'adjustments',
  'monthlyProfile',
  'cashTableMonths',
  'defaults',
];

function readBase(raw: unknown, unit: number, errors: FieldError[]): BaseYear | undefined {
  const r = FieldReader.of(raw, 'base', errors);
  if (!r) return undefined;
  const before = errors.length;
  r.rejectUnknown(BASE_KEYS);
  const base = {
    revenue: amount(r, 'revenue', unit),
    operatingProfit: amount(r, 'operatingProfit', unit, { signed: true }),
    depreciation: amount(r, 'depreciation', unit),
    nonOperatingIncome: amount(r, 'nonOperatingIncome', unit, { fallback: 0 }),
    nonOperatingExpense: amount(r, 'nonOperatingExpense', unit, { fallback: 0 }),
    interestIncome: amount(r, 'interestIncome', unit, { fallback: 0 }),
    ordinaryProfit: amount(r, 'ordinaryProfit', unit, { signed: true }),
    ...(r.has('netIncome') && { netIncome: amount(r, 'netIncome', unit, { signed: true }) }),
    effectiveTaxRate: r.rate('effectiveTaxRate', { max: 0.6, fallback: 0.3 }),
    cash: amount(r, 'cash', unit),
    receivables: amount(r, 'receivables', unit, { fallback: 0 }),
    inventory: amount(r, 'inventory', unit, { fallback: 0 }),
    payables: amount(r, 'payables', unit, { fallback: 0 }),
    totalAssets: amount(r, 'totalAssets', unit),
    bookNetAssets: amount(r, 'bookNetAssets', unit, { signed: true }),
    netAssetAdjustments: amount(r, 'netAssetAdjustments', unit, { signed: true, fallback: 0 }),
    lossCarryForward: amount(r, 'lossCarryForward', unit, { fallback: 0 }),
    // Optional: the base year's free cash flow for a council plan's first budget.
    ...(r.has('capex') ? { capex: amount(r, 'capex', unit) } : {}),
    ...(r.has('workingCapitalChange')
      ? { workingCapitalChange: amount(r, 'workingCapitalChange', unit, { signed: true }) }
      : {}),
  };
  return errors.length > before ? undefined : (base as BaseYear);
}

function readPlanYear(
  raw: unknown,
  at: string,
  unit: number,
  errors: FieldError[],
): PlanYear | undefined {
  const r = FieldReader.of(raw, at, errors);
  if (!r) return undefined;
  const before = errors.length;
  r.rejectUnknown(PLAN_KEYS);
  const revenue = amount(r, 'revenue', unit);
  let operatingProfit: number | undefined;
  if (r.has('operatingProfit'))
    operatingProfit = amount(r, 'operatingProfit', unit, { signed: true });
  else if (r.has('operatingMargin')) {
    const margin = r.rate('operatingMargin', { min: -1, max: 1 });
    if (margin !== undefined && revenue !== undefined)
      operatingProfit = Math.round(revenue * margin);
  } else r.fail('operatingProfit', 'is required (or operatingMargin)');
  const year = {
    revenue,
    operatingProfit,
    depreciation: amount(r, 'depreciation', unit, { fallback: 0 }),
    capex: amount(r, 'capex', unit, { fallback: 0 }),
    workingCapitalChange: amount(r, 'workingCapitalChange', unit, { signed: true, fallback: 0 }),
  };
  return errors.length > before ? undefined : (year as PlanYear);
}

function readSelector(
  r: FieldReader,
  errors: FieldError[],
  required: boolean,
): LoanSelector | undefined {
  if (!r.has('select')) {
    if (required) r.fail('select', 'is required: { "loanIds": [...] } or { "lender": "..." }');
    return undefined;
  }
  const s = FieldReader.of(r.raw('select'), r.path('select'), errors);
  if (!s) return undefined;
  if (s.has('lender')) return { lender: s.string('lender')! };
  const loanIds = s.list(
    'loanIds',
    (item, at) =>
      typeof item === 'string' ? item : FieldReader.of({ id: item }, at, errors)?.string('id'),
    {
      required: true,
      minLength: 1,
    },
  );
  return loanIds ? { loanIds } : undefined;
}

const ACTION_KINDS = [
  'refinance',
  'capital-loan',
  'reschedule',
  'pro-rata-plan',
  'prepay',
] as const;

function readAction(
  raw: unknown,
  at: string,
  unit: number,
  errors: FieldError[],
): StrategyAction | undefined {
  const r = FieldReader.of(raw, at, errors);
  if (!r) return undefined;
  const before = errors.length;
  r.rejectUnknown(ACTION_KEYS);
  const kind = r.oneOf('kind', ACTION_KINDS);
  // A new loan's own day count or rounding (else the case's).
  const conventions = {
    ...(r.has('dayCount') && { dayCount: r.oneOf('dayCount', DAY_COUNTS) }),
    ...(r.has('rounding') && { rounding: r.oneOf('rounding', ROUNDINGS) }),
    ...(r.has('guaranteeFeePayment') && {
      guaranteeFeePayment: r.oneOf('guaranteeFeePayment', GUARANTEE_FEE_PAYMENTS),
    }),
    ...(r.has('businessDay') && {
      businessDay: r.oneOf('businessDay', BUSINESS_DAY_CONVENTIONS),
    }),
  };
  let action: StrategyAction | undefined;
  if (kind === 'refinance') {
    const select = readSelector(r, errors, true);
    const programId = r.string('programId');
    const termMonths = r.number('termMonths', { min: 1, max: 600, integer: true });
    const graceMonths = r.number('graceMonths', { min: 0, max: 600, integer: true, fallback: 0 });
    const baseRate = r.has('baseRate') ? r.rate('baseRate') : undefined;
    // A list, or one text with commas (as a sheet cell holds it).
    const optionsRaw = r.raw('rateOptions');
    const rateOptions =
      typeof optionsRaw === 'string'
        ? optionsRaw
            .split(/[,、，]/)
            .map((o) => o.trim())
            .filter(Boolean)
        : r.has('rateOptions')
          ? r.list('rateOptions', (item, optionAt) =>
              FieldReader.of({ id: item }, optionAt, errors)?.string('id'),
            )
          : undefined;
    if (
      select &&
      programId !== undefined &&
      termMonths !== undefined &&
      graceMonths !== undefined
    ) {
      action = { kind, select, programId, termMonths, graceMonths, baseRate, ...conventions };
      if (rateOptions?.length) action.rateOptions = rateOptions;
    }
  } else if (kind === 'capital-loan') {
    const mode = r.oneOf('mode', ['dds', 'new-money'] as const);
    const select = readSelector(r, errors, mode === 'dds');
    const programId = r.string('programId');
    const value = amount(r, 'amount', unit);
    const termMonths = r.number('termMonths', { min: 1, max: 600, integer: true });
    const privateBankSupport = r.has('privateBankSupport')
      ? r.raw('privateBankSupport') === true
      : false;
    if (value !== undefined && value <= 0) r.fail('amount', 'must be a positive amount');
    if (mode && programId !== undefined && value !== undefined && termMonths !== undefined) {
      action = {
        kind,
        mode,
        select,
        programId,
        amount: value,
        termMonths,
        privateBankSupport,
        ...conventions,
      };
    }
  } else if (kind === 'prepay') {
    const select = readSelector(r, errors, true);
    const value = amount(r, 'amount', unit);
    if (value !== undefined && value <= 0) r.fail('amount', 'must be a positive amount');
    const date = r.date('date');
    const effect = r.oneOf('effect', ['shorten-term', 'lower-instalment'] as const);
    if (select && value !== undefined && date !== undefined && effect)
      action = { kind, select, amount: value, date, effect };
  } else if (kind === 'reschedule') {
    const select = readSelector(r, errors, true);
    const holidayMonths = r.number('holidayMonths', { min: 1, max: 120, integer: true });
    const extendTerm = r.has('extendTerm') ? r.raw('extendTerm') === true : true;
    if (select && holidayMonths !== undefined) action = { kind, select, holidayMonths, extendTerm };
  } else if (kind === 'pro-rata-plan') {
    action = readProRataPlan(r, errors);
  }
  return errors.length > before ? undefined : action;
}

function readStrategy(
  raw: unknown,
  at: string,
  i: number,
  unit: number,
  errors: FieldError[],
): Strategy | undefined {
  const r = FieldReader.of(raw, at, errors);
  if (!r) return undefined;
  const actions = r.list('actions', (item, actionAt) => readAction(item, actionAt, unit, errors));
  if (!actions) return undefined;
  return {
    id: r.string('id', `S${i + 1}`)!,
    name: r.string('name', r.string('id', `S${i + 1}`))!,
    actions,
  };
}

function readThresholds(raw: unknown, unit: number, errors: FieldError[]): Thresholds | undefined {
  if (raw === undefined) return DEFAULT_THRESHOLDS;
  const r = FieldReader.of(raw, 'thresholds', errors);
  if (!r) return undefined;
  r.rejectUnknown([
    'minDscr',
    'maxDebtYearsAtPlanEnd',
    'debtYearsForm',
    'ebitdaCapitalDebt',
    'profitWithinYears',
    'solvencyWithinYears',
    'minCash',
    'covenants',
  ]);
  const d = DEFAULT_THRESHOLDS;
  const before = errors.length;
  const covenants = r.has('covenants')
    ? FieldReader.of(r.raw('covenants'), 'thresholds.covenants', errors)
    : undefined;
  const t: Thresholds = {
    minDscr: r.number('minDscr', { min: 0, max: 10, fallback: d.minDscr })!,
    maxDebtYearsAtPlanEnd: r.number('maxDebtYearsAtPlanEnd', {
      min: 0,
      max: 100,
      fallback: d.maxDebtYearsAtPlanEnd,
    })!,
    debtYearsForm: r.oneOf('debtYearsForm', ['net', 'simple'] as const, d.debtYearsForm)!,
    ebitdaCapitalDebt: r.oneOf('ebitdaCapitalDebt', CAPITAL_DEBT_TREATMENTS, d.ebitdaCapitalDebt)!,
    profitWithinYears: r.number('profitWithinYears', {
      min: 1,
      max: 20,
      integer: true,
      fallback: d.profitWithinYears,
    })!,
    solvencyWithinYears: r.number('solvencyWithinYears', {
      min: 1,
      max: 20,
      integer: true,
      fallback: d.solvencyWithinYears,
    })!,
    // An amount like every other: in the case's unit.
    minCash: Math.round(
      r.number('minCash', { min: -MAX_AMOUNT, max: MAX_AMOUNT, fallback: d.minCash / unit })! *
        unit,
    ),
    covenants: {
      noConsecutiveOrdinaryLoss: covenants?.raw('noConsecutiveOrdinaryLoss') === true,
      netAssetsFloorShare: covenants?.has('netAssetsFloorShare')
        ? (covenants.rate('netAssetsFloorShare', { max: 1 }) ?? null)
        : null,
      noInsolvency: covenants?.raw('noInsolvency') === true,
      minIcr: covenants?.has('minIcr')
        ? (covenants.number('minIcr', { min: 0, max: 100 }) ?? null)
        : null,
    },
  };
  return errors.length > before ? undefined : t;
}

/** `defaults.guaranteeFeeExpense`: "paid" (default) | "spread". */
function readGuaranteeFeeExpense(
  root: FieldReader,
  errors: FieldError[],
): GuaranteeFeeExpense | undefined {
  if (!root.has('defaults')) return undefined;
  const r = FieldReader.of(root.raw('defaults'), 'defaults', []);
  if (!r || !r.has('guaranteeFeeExpense')) return undefined;
  return FieldReader.of(root.raw('defaults'), 'defaults', errors)?.oneOf(
    'guaranteeFeeExpense',
    GUARANTEE_FEE_EXPENSES,
  );
}

/** `defaults`: { dayCount, rounding } for loans that give none and for a strategy's new loans. */
function readLoanDefaults(root: FieldReader, errors: FieldError[]): LoanConventions | undefined {
  if (!root.has('defaults')) return undefined;
  const r = FieldReader.of(root.raw('defaults'), 'defaults', errors);
  if (!r) return undefined;
  r.rejectUnknown(['dayCount', 'rounding', 'businessDay', 'guaranteeFeeExpense']);
  // Only the P/L setting given: the loans keep their own conventions.
  if (
    !['dayCount', 'rounding', 'businessDay'].some((k) => r.has(k)) &&
    r.has('guaranteeFeeExpense')
  )
    return undefined;
  const dayCount = r.oneOf('dayCount', DAY_COUNTS, 'ACT/365F');
  const rounding = r.oneOf('rounding', ROUNDINGS, 'floor');
  const businessDay = r.oneOf('businessDay', BUSINESS_DAY_CONVENTIONS, 'following');
  return dayCount && rounding && businessDay ? { dayCount, rounding, businessDay } : undefined;
}

/** `programs`: { "<program id>": { …terms to override… } }, each checked against the catalog. */
function readProgramOverrides(root: FieldReader, errors: FieldError[]): Record<string, unknown> {
  if (!root.has('programs')) return {};
  const r = FieldReader.of(root.raw('programs'), 'programs', errors);
  if (!r) return {};
  const raw = root.raw('programs') as Record<string, unknown>;
  for (const [id, overrides] of Object.entries(raw)) {
    const program = findProgram(id);
    if (!program) {
      r.fail(id, 'is not a program of the catalog');
      continue;
    }
    const checked = withOverrides(program, overrides);
    if (!checked.ok)
      errors.push(...checked.errors.map((e) => ({ ...e, field: `programs.${id}.${e.field}` })));
  }
  return raw;
}

/**
 * Reads a case file (scenarios/*.json): profile, base year, plan, debt stack, shocks,
 * strategies, thresholds. Amounts are in the profile's unit (円 / 千円 / 百万円). Every error is
 * reported with its JSON path.
 */
export function parseCaseFile(raw: unknown): Parsed<Case> {
  const errors: FieldError[] = [];
  const root = FieldReader.of(raw, '', errors);
  if (!root) return { ok: false, errors };
  root.rejectUnknown(CASE_KEYS);
  const p = FieldReader.of(root.raw('profile'), 'profile', errors);
  p?.rejectUnknown([
    'name',
    'sector',
    'jfcUnit',
    'fiscalYearEndMonth',
    'employees',
    'units',
    'negatives',
  ]);
  const unitName = p?.oneOf('units', Object.keys(AMOUNT_UNITS) as AmountUnit[], 'yen');
  const unit = AMOUNT_UNITS[unitName ?? 'yen'];
  const fiscalYearEndMonth = p?.number('fiscalYearEndMonth', {
    min: 1,
    max: 12,
    integer: true,
    fallback: 3,
  });
  const profile = p && {
    name: p.string('name', '')!,
    sector: p.string('sector', '')!,
    jfcUnit: p.oneOf('jfcUnit', ['sme', 'micro'] as const, 'sme')!,
    fiscalYearEndMonth: fiscalYearEndMonth ?? 3,
    employees: p.number('employees', { min: 0, max: 1e6, integer: true, fallback: 0 })!,
    units: unitName ?? 'yen',
    negatives: p.oneOf('negatives', ['triangle', 'minus'] as const, 'triangle')!,
  };
  const base = root.has('base')
    ? readBase(root.raw('base'), unit, errors)
    : root.fail('base', 'is required');
  const plan = root.list('plan', (item, at) => readPlanYear(item, at, unit, errors), {
    required: true,
    minLength: 1,
  });
  if (plan && plan.length > 20) root.fail('plan', 'has more than 20 years');
  const loanDefaults = readLoanDefaults(root, errors);
  const guaranteeFeeExpense = readGuaranteeFeeExpense(root, errors);
  const { stack, shocks } = readDebtStack(root, errors, fiscalYearEndMonth, unit, loanDefaults);
  const modes = root.has('modes')
    ? root.list('modes', (item, at) =>
        FieldReader.of({ mode: item }, at, errors)?.oneOf('mode', REPRICE_MODES),
      )
    : ['realistic' as const];
  let position = 0;
  const strategies = root.list('strategies', (item, at) =>
    readStrategy(item, at, position++, unit, errors),
  );
  // Strategy ids key the result tables and the workbook's SUMIFS, which compare text without
  // regard to case: each id must be its own, case aside.
  const strategyIds = new Map<string, number>();
  // Without a strategy of no actions, the status quo is added first under this id.
  if (strategies && !strategies.some((s) => s.actions.length === 0))
    strategyIds.set('status-quo', -1);
  strategies?.forEach((s, i) => {
    const earlier = strategyIds.get(s.id.toLowerCase());
    if (earlier !== undefined)
      errors.push({
        field: `strategies[${i}].id`,
        message: `repeats the id "${earlier < 0 ? 'status-quo' : strategies[earlier].id}" of an earlier strategy (ids are compared without regard to case${earlier < 0 ? '; status-quo is the status quo added first' : ''})`,
        value: s.id,
      });
    else strategyIds.set(s.id.toLowerCase(), i);
  });
  const thresholds = readThresholds(root.raw('thresholds'), unit, errors);
  const programOverrides = readProgramOverrides(root, errors);
  const collateral = readCollateral(root, unit, amount, stack?.loans ?? [], errors);
  const liquidation = readLiquidation(root, unit, amount, errors);
  const adjustments = readAdjustments(root, unit, amount, errors);
  const monthlyProfile = readMonthlyProfile(root, errors);
  const cashTableMonths = readCashTableMonths(root);
  if (adjustments?.length && base) {
    // The items replace the single figure: giving both would count them twice.
    if ((root.raw('base') as Record<string, unknown>).netAssetAdjustments !== undefined)
      root.fail('adjustments', 'give either adjustments or base.netAssetAdjustments, not both');
    base.netAssetAdjustments = adjustments.reduce((sum, a) => sum + a.amount, 0);
  }
  const facts = readCaseFacts(
    root.raw('facts'),
    unit,
    stack?.loans.map((l) => l.id),
    errors,
  );
  if (strategies) errors.push(...rateOptionErrors(strategies, programOverrides));
  if (strategies && stack && profile && plan)
    errors.push(
      ...planFirstYearErrors(
        strategies,
        fiscalYearOf(stack.asOf + 1, profile.fiscalYearEndMonth),
        plan.length,
      ),
    );
  if (
    errors.length > 0 ||
    !profile ||
    !base ||
    !plan ||
    !stack ||
    !modes ||
    !strategies ||
    !thresholds ||
    !facts
  )
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      profile,
      asOf: stack.asOf,
      base,
      plan,
      stack,
      shocks: shocks ?? standardShocks(),
      modes,
      // The status quo always comes first, so every strategy is compared with doing nothing.
      strategies: strategies.some((s) => s.actions.length === 0)
        ? strategies
        : [{ id: 'status-quo', name: '現状維持 / status quo', actions: [] }, ...strategies],
      thresholds,
      programOverrides,
      ...(loanDefaults && { loanDefaults }),
      ...(guaranteeFeeExpense && { guaranteeFeeExpense }),
      facts,
      ...(collateral?.length ? { collateral } : {}),
      ...(liquidation ? { liquidation } : {}),
      ...(adjustments?.length ? { adjustments } : {}),
      ...(monthlyProfile ? { monthlyProfile } : {}),
      ...(cashTableMonths ? { cashTableMonths } : {}),
    },
  };
}
