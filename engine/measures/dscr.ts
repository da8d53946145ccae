import { Measure, ratio } from './measure-result';

/** One fiscal year's figures, yen. */
export interface DscrInput {
  /** 経常利益 (after interest and guarantee fees, as booked). */
  ordinaryProfit: number;
  /** 支払利息 for the year: added back in the numerator and due in the denominator. */
  interest: number;
  /** 減価償却費. */
  depreciation: number;
  /** 法人税等 (a refund is negative). */
  taxes: number;
  /** 約定返済 (scheduled principal) due in the year. */
  principal: number;
  /** 信用保証料 (guarantee fees) paid in the year. */
  guaranteeFees: number;
}

/**
 * DSCR with the two amounts it divides: `cashAvailable` (経常利益 + 支払利息 + 減価償却費 −
 * 法人税等) and `debtService` (支払利息 + 約定返済 + 保証料).
 */
export type Dscr = Measure<'no-debt-service' | 'non-finite'> & {
  cashAvailable: number;
  debtService: number;
};

/**
 * DSCR (debt service coverage ratio) = cash available for debt service ÷ debt service, with
 * - cash available = 経常利益 + 支払利息 + 減価償却費 − 法人税等: an after-tax EBITDA-like
 *   figure, taken from 経常利益 (what Japanese statements and plans show) with interest added
 *   back, because interest is paid out of it and sits in the denominator;
 * - debt service = 支払利息 + 約定返済 + 信用保証料 (the guarantee fee is a cost of the debt).
 *
 * One `interest` figure serves both sides, so a rate shock that lowers 経常利益 also raises the
 * debt service by the same amount. Guarantee fees are not added back: where 経常利益 already
 * bears them, they are counted on both sides, a conservative reading.
 *
 * Edge cases: debt service ≤ 0 gives `null` with `no-debt-service`; negative cash available
 * gives a negative DSCR (repayments not covered at all). < 1.0: repayments exceed cash flow;
 * banks often want ≥ 1.2.
 *
 * @example
 * // cash available 1,500万 + 300万 + 1,000万 − 500万 = 2,300万円;
 * // debt service 300万 + 1,600万 + 100万 = 2,000万円; 2,300万 ÷ 2,000万 = 1.15
 * dscr({
 *   ordinaryProfit: 15_000_000, interest: 3_000_000, depreciation: 10_000_000,
 *   taxes: 5_000_000, principal: 16_000_000, guaranteeFees: 1_000_000,
 * }) // { value: 1.15, cashAvailable: 23_000_000, debtService: 20_000_000 }
 */
export function dscr(input: DscrInput): Dscr {
  const { ordinaryProfit, interest, depreciation, taxes, principal, guaranteeFees } = input;
  const cashAvailable = ordinaryProfit + interest + depreciation - taxes;
  const debtService = interest + principal + guaranteeFees;
  return {
    ...ratio(cashAvailable, debtService, 'no-debt-service'),
    cashAvailable,
    debtService,
  };
}
