import { FieldError, FieldReader } from '../input/field-reader';
import { StackLoan } from '../stack/debt-stack';
import {
  Adjustment,
  CollateralItem,
  Lien,
  Liquidation,
  LiquidationAsset,
  ProRataPlanAction,
} from './types';

/** Reads an amount in the case's unit as whole yen (see case-spec's `amount`). */
type AmountReader = (
  r: FieldReader,
  key: string,
  unit: number,
  opts?: { signed?: boolean; fallback?: number },
) => number | undefined;

export const PRO_RATA_PLAN_KEYS = [
  'basis',
  'fcfShare',
  'minCashMonths',
  'guaranteeCountsAsSecured',
  'terminalRecoveryRate',
  'firstYear',
];

function flag(r: FieldReader, key: string, fallback: boolean): boolean | undefined {
  if (!r.has(key)) return fallback;
  const raw = r.raw(key);
  return typeof raw === 'boolean' ? raw : r.fail(key, 'must be true or false');
}

function names(r: FieldReader, key: string, errors: FieldError[]): string[] | undefined {
  return r.list(key, (item, at) => FieldReader.of({ v: item }, at, errors)?.string('v'), {
    required: true,
    minLength: 1,
  });
}

/** The `pro-rata-plan` action's fields (its `kind` already read). */
export function readProRataPlan(
  r: FieldReader,
  errors: FieldError[],
): ProRataPlanAction | undefined {
  const before = errors.length;
  let select: ProRataPlanAction['select'] | undefined;
  const s = r.has('select')
    ? FieldReader.of(r.raw('select'), r.path('select'), errors)
    : r.fail('select', 'is required: { "lenders": [...] } or { "loanIds": [...] }');
  if (s) {
    s.rejectUnknown(['lenders', 'loanIds']);
    if (s.has('lenders')) {
      const lenders = names(s, 'lenders', errors);
      if (lenders) select = { lenders };
    } else {
      const loanIds = names(s, 'loanIds', errors);
      if (loanIds) select = { loanIds };
    }
  }
  const action = {
    kind: 'pro-rata-plan' as const,
    select,
    basis: r.oneOf('basis', ['balance', 'unsecured'] as const, 'balance'),
    fcfShare: r.rate('fcfShare', { min: 0, max: 1, fallback: 0.8 }),
    minCashMonths: r.number('minCashMonths', { min: 0, max: 24, fallback: 1 }),
    guaranteeCountsAsSecured: flag(r, 'guaranteeCountsAsSecured', true),
    terminalRecoveryRate: r.rate('terminalRecoveryRate', { min: 0, max: 1, fallback: 1 }),
    ...(r.has('firstYear')
      ? { firstYear: r.number('firstYear', { min: 1900, max: 2200, integer: true }) }
      : {}),
  };
  return errors.length > before ? undefined : (action as ProRataPlanAction);
}

const COLLATERAL_KINDS = ['real-estate', 'deposit', 'other'] as const;

function readLien(
  raw: unknown,
  at: string,
  loans: readonly StackLoan[],
  errors: FieldError[],
): Lien | undefined {
  const r = FieldReader.of(raw, at, errors);
  if (!r) return undefined;
  const before = errors.length;
  r.rejectUnknown(['lender', 'rank', 'loanIds']);
  const lender = r.string('lender');
  if (lender !== undefined && !loans.some((l) => l.lender === lender))
    r.fail('lender', 'no loan of the stack has this lender');
  const rank = r.number('rank', { min: 1, max: 99, integer: true });
  const loanIds = r.has('loanIds') ? names(r, 'loanIds', errors) : undefined;
  loanIds?.forEach((id, k) => {
    const loan = loans.find((l) => l.id === id);
    if (!loan || loan.lender !== lender)
      errors.push({
        field: `${at}.loanIds[${k}]`,
        message: loan
          ? `is a loan of ${loan.lender}, not of this lien's lender`
          : 'no loan of the stack has this id',
        value: id,
      });
  });
  if (errors.length > before) return undefined;
  return { lender: lender!, rank: rank!, ...(loanIds ? { loanIds } : {}) };
}

/** `collateral`: pledged items with 掛目 and their liens in rank order (1 = first). */
export function readCollateral(
  root: FieldReader,
  unit: number,
  amount: AmountReader,
  loans: readonly StackLoan[],
  errors: FieldError[],
): CollateralItem[] | undefined {
  let position = 0;
  const items = root.list('collateral', (raw, at) => {
    const i = position++;
    const r = FieldReader.of(raw, at, errors);
    if (!r) return undefined;
    const before = errors.length;
    r.rejectUnknown(['id', 'kind', 'value', 'haircut', 'liens', 'note']);
    const item = {
      id: r.string('id', `C${i + 1}`)!,
      kind: r.oneOf('kind', COLLATERAL_KINDS),
      value: amount(r, 'value', unit),
      haircut: r.rate('haircut', { min: 0, max: 1 }),
      liens: r.list('liens', (l, lienAt) => readLien(l, lienAt, loans, errors), {
        required: true,
        minLength: 1,
      }),
    };
    item.liens?.forEach((lien, k) => {
      if (k > 0 && lien.rank <= item.liens![k - 1].rank)
        errors.push({
          field: `${at}.liens[${k}].rank`,
          message: 'liens must be listed in rank order, each rank once',
          value: lien.rank,
        });
    });
    return errors.length > before ? undefined : (item as CollateralItem);
  });
  items?.forEach((item, i) => {
    if (items.findIndex((x) => x.id === item.id) < i)
      errors.push({
        field: `collateral[${i}].id`,
        message: 'repeats an earlier id',
        value: item.id,
      });
  });
  return items;
}

/** `liquidation`: each asset's liquidation value (book × 掛目 or an amount), priority claims. */
export function readLiquidation(
  root: FieldReader,
  unit: number,
  amount: AmountReader,
  errors: FieldError[],
): Liquidation | undefined {
  // The ids as written, so a mistake inside an item does not also fail every reference to it.
  const raw = root.raw('collateral');
  const ids = Array.isArray(raw)
    ? raw.map((item, i) => String((item as { id?: unknown } | null)?.id ?? `C${i + 1}`))
    : [];
  if (!root.has('liquidation')) return undefined;
  const r = FieldReader.of(root.raw('liquidation'), 'liquidation', errors);
  if (!r) return undefined;
  const before = errors.length;
  r.rejectUnknown(['assets', 'priorityClaims', 'otherGeneralLiabilities']);
  const assets = r.list(
    'assets',
    (raw, at) => {
      const a = FieldReader.of(raw, at, errors);
      if (!a) return undefined;
      const start = errors.length;
      a.rejectUnknown(['item', 'bookValue', 'haircut', 'value', 'collateralId']);
      const asset: Partial<LiquidationAsset> = {
        item: a.string('item'),
        bookValue: amount(a, 'bookValue', unit, { signed: true, fallback: 0 }),
      };
      if (a.has('value')) asset.value = amount(a, 'value', unit);
      else if (a.has('haircut')) asset.haircut = a.rate('haircut', { min: 0, max: 1 });
      else
        a.fail('value', 'is required: give "value" (an amount) or "haircut" (掛目 on bookValue)');
      if (a.has('collateralId')) {
        asset.collateralId = a.string('collateralId');
        if (!ids.includes(asset.collateralId!))
          a.fail('collateralId', 'is not the id of a collateral item');
      }
      return errors.length > start ? undefined : (asset as LiquidationAsset);
    },
    { required: true },
  );
  const liq = {
    assets,
    priorityClaims: amount(r, 'priorityClaims', unit, { fallback: 0 }),
    otherGeneralLiabilities: amount(r, 'otherGeneralLiabilities', unit, { fallback: 0 }),
  };
  return errors.length > before ? undefined : (liq as Liquidation);
}

/** `adjustments` (実態修正): items with a signed amount and an optional note. */
export function readAdjustments(
  root: FieldReader,
  unit: number,
  amount: AmountReader,
  errors: FieldError[],
): Adjustment[] | undefined {
  return root.list('adjustments', (raw, at) => {
    const r = FieldReader.of(raw, at, errors);
    if (!r) return undefined;
    const before = errors.length;
    r.rejectUnknown(['item', 'amount', 'note']);
    const adj = {
      item: r.string('item'),
      amount: amount(r, 'amount', unit, { signed: true }),
      ...(r.has('note') ? { note: r.string('note') } : {}),
    };
    return errors.length > before ? undefined : (adj as Adjustment);
  });
}

/** Each pro-rata plan's `firstYear` must be one of the projected fiscal years. */
export function planFirstYearErrors(
  strategies: readonly { actions: readonly { kind: string }[] }[],
  firstYear: number,
  years: number,
): FieldError[] {
  const errors: FieldError[] = [];
  strategies.forEach((s, i) =>
    s.actions.forEach((a, j) => {
      const y = (a as ProRataPlanAction).firstYear;
      if (
        a.kind === 'pro-rata-plan' &&
        y !== undefined &&
        (y < firstYear || y >= firstYear + years)
      )
        errors.push({
          field: `strategies[${i}].actions[${j}].firstYear`,
          message: `must be a projected fiscal year, ${firstYear}–${firstYear + years - 1}`,
          value: y,
        });
    }),
  );
  return errors;
}
