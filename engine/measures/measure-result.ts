/**
 * The shared result of every ratio in `engine/measures/`: a number, or `null` with the reason
 * the ratio is not meaningful. A ratio never comes back as NaN or ±Infinity: a zero or negative
 * denominator, or arithmetic that leaves the finite range, is turned into `null` plus a reason,
 * so a sheet can show "返済不能" or "—" instead of #DIV/0!.
 */

/**
 * Why a measure has no value. Each reason has one meaning across all measures:
 * - `non-positive-cash-flow`: 債務償還年数 whose cash flow (経常利益 + 減価償却費 − 法人税等) is
 *   zero or negative — the debt cannot be repaid from earnings (返済不能, "infinite years").
 * - `non-positive-ebitda`: EBITDA有利子負債倍率 whose 営業利益 + 減価償却費 is zero or negative —
 *   the "negative multiple" of the 再生フェーズ test.
 * - `no-debt-service`: DSCR with no interest, principal or guarantee fee due in the year.
 * - `no-interest`: ICR with no interest expense (支払利息 zero or negative).
 * - `no-sales`, `no-prior-sales`, `no-employees`, `no-assets`: a ローカルベンチマーク denominator
 *   (売上高, 前年売上高, 従業員数, 総資産) that is zero or negative.
 * - `missing-input`: a ローカルベンチマーク input was not given.
 * - `non-finite`: an input is NaN or ±Infinity, or the result left the finite range
 *   (only for absurd magnitudes, far beyond any yen amount).
 */
export type MeasureReason =
  | 'non-positive-cash-flow'
  | 'non-positive-ebitda'
  | 'no-debt-service'
  | 'no-interest'
  | 'no-sales'
  | 'no-prior-sales'
  | 'no-employees'
  | 'no-assets'
  | 'missing-input'
  | 'non-finite';

/**
 * A measure's value, or `null` with a reason. `reason` is present exactly when `value` is null,
 * so `if (m.value === null) show(m.reason)` narrows both. `R` lists the reasons one measure can
 * give.
 */
export type Measure<R extends MeasureReason = MeasureReason> =
  { value: number; reason?: undefined } | { value: null; reason: R };

/** A measure with no value, for the given reason. */
export function noValue<R extends MeasureReason>(reason: R): { value: null; reason: R } {
  return { value: null, reason };
}

/**
 * `numerator ÷ denominator` as a measure: `null` with `whenNotPositive` when the denominator is
 * zero or negative (a negative denominator makes a ratio read backwards: more debt, better
 * multiple), `null` with `non-finite` when an operand or the quotient is not finite. −0 comes
 * back as 0.
 *
 * @example
 * ratio(300, 120, 'no-interest') // { value: 2.5 }
 * ratio(300, 0, 'no-interest')   // { value: null, reason: 'no-interest' }
 */
export function ratio<R extends MeasureReason>(
  numerator: number,
  denominator: number,
  whenNotPositive: R,
): Measure<R | 'non-finite'> {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) return noValue('non-finite');
  if (denominator <= 0) return noValue(whenNotPositive);
  const q = numerator / denominator;
  if (!Number.isFinite(q)) return noValue('non-finite');
  // q + 0 turns −0 (from −0 ÷ x) into 0, so callers never see a signed zero.
  return { value: q + 0 };
}
