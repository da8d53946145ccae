import { FieldError, FieldReader } from '../input/field-reader';
import { MonthlyProfile } from './types';

/*
 * `monthlyProfile`: when within a fiscal year the 資金繰り表's receipts and payments fall.
 * `seasonality` weighs the year's sales by month in fiscal order (index 0 = the first month after
 * the fiscal year end); sales are collected `collectionMonths` later (売掛サイト) and the cash
 * costs paid `paymentMonths` later (買掛サイト), both wrapping within the year (a steady state: the
 * last months' sales of the year before are collected at the start of this one).
 */

export const FLAT_PROFILE: MonthlyProfile = {
  seasonality: new Array<number>(12).fill(1),
  collectionMonths: 0,
  paymentMonths: 0,
};

export const MONTHLY_PROFILE_KEYS = ['seasonality', 'collectionMonths', 'paymentMonths'];

/** Reads `monthlyProfile` (absent: flat, no sites). */
export function readMonthlyProfile(
  root: FieldReader,
  errors: FieldError[],
): MonthlyProfile | undefined {
  if (!root.has('monthlyProfile')) return undefined;
  const r = FieldReader.of(root.raw('monthlyProfile'), 'monthlyProfile', errors);
  if (!r) return undefined;
  const before = errors.length;
  r.rejectUnknown(MONTHLY_PROFILE_KEYS);
  let seasonality = FLAT_PROFILE.seasonality;
  if (r.has('seasonality')) {
    const raw = r.raw('seasonality');
    if (!Array.isArray(raw) || raw.length !== 12)
      r.fail('seasonality', 'must list 12 monthly weights, first month of the fiscal year first');
    else {
      const weights = raw.map((w: unknown, k) => {
        if (typeof w === 'number' && Number.isFinite(w) && w >= 0) return w;
        errors.push({
          field: r.path(`seasonality[${k}]`),
          message: 'must be a number at least 0',
          value: w,
        });
        return undefined;
      });
      if (weights.every((w) => w !== undefined)) {
        if (weights.every((w) => w === 0)) r.fail('seasonality', 'must not be all 0');
        seasonality = weights as number[];
      }
    }
  }
  const site = (key: string) => r.number(key, { min: 0, max: 12, integer: true, fallback: 0 });
  const profile = {
    seasonality,
    collectionMonths: site('collectionMonths'),
    paymentMonths: site('paymentMonths'),
  };
  return errors.length > before ? undefined : (profile as MonthlyProfile);
}

/**
 * A fiscal year's monthly 経常収入 (売上回収) and 経常支出: receipts share `revenue` and payments
 * share the cash costs (revenue − operating cash) by the seasonal weights, shifted by their
 * sites; so receipts − payments over the year is exactly the year's operating cash.
 */
export function monthlyFlows(
  revenue: number,
  operatingCash: number,
  profile: MonthlyProfile,
): { receipts: number[]; payments: number[] } {
  const receipts = new Float64Array(12);
  const payments = new Float64Array(12);
  monthlyFlowsInto(revenue, operatingCash, profile, receipts, payments);
  return { receipts: Array.from(receipts), payments: Array.from(payments) };
}

/** {@link monthlyFlows} written into caller-owned arrays: the Monte Carlo hot path allocates nothing. */
export function monthlyFlowsInto(
  revenue: number,
  operatingCash: number,
  profile: MonthlyProfile,
  receipts: Float64Array,
  payments: Float64Array,
): void {
  const w = profile.seasonality;
  let total = 0;
  for (let m = 0; m < 12; m++) total += w[m];
  const costs = revenue - operatingCash;
  for (let m = 0; m < 12; m++) {
    receipts[m] = (revenue * w[(m - profile.collectionMonths + 12) % 12]) / total;
    payments[m] = (costs * w[(m - profile.paymentMonths + 12) % 12]) / total;
  }
}

/** `cashTableMonths`: the 資金繰り表 shows 12 months (default) or 24. */
export function readCashTableMonths(root: FieldReader): 12 | 24 | undefined {
  if (!root.has('cashTableMonths')) return undefined;
  const n = root.raw('cashTableMonths');
  if (n === 12 || n === 24) return n;
  return root.fail('cashTableMonths', 'must be 12 or 24');
}
