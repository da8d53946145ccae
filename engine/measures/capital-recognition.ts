/**
 * 資本性借入金 (capital-type loan) recognition as capital by remaining term, after the FSA FAQ
 * as restated publicly: 100 % while 5 years or more remain, then one step of 20 % down per
 * whole year — 4–5 years 80 %, 3–4 years 60 %, 2–3 years 40 %, 1–2 years 20 %, under 1 year 0 %.
 * Each band includes its lower end: exactly 48 months left is still 80 %.
 *
 * `remainingMonths` runs from the measurement date (usually the fiscal year end) to maturity;
 * fractions are allowed and count toward no step (59.9 months is under 5 years). Past maturity
 * (negative) gives 0; `Infinity` (no maturity) gives 100 %; NaN throws a RangeError. The loan
 * is assumed to qualify (term over 5 years, bullet, results-linked rate, subordinated); this
 * function does not check that.
 *
 * @example
 * capitalRecognitionShare(72) // 1   (6 years left)
 * capitalRecognitionShare(59) // 0.8 (4 years 11 months)
 * capitalRecognitionShare(11) // 0
 */
export function capitalRecognitionShare(remainingMonths: number): number {
  return recognitionFifths(remainingMonths) / 5;
}

/**
 * The part of a capital-type loan's balance recognised as capital, yen: balance × share cut
 * to whole yen (floor of balance × k ÷ 5, k whole fifths: exact for balances below 1.8e15).
 *
 * @example
 * recognizedCapital(50_000_000, 40) // 30_000_000 (3 years 4 months left: 60 %)
 */
export function recognizedCapital(balance: number, remainingMonths: number): number {
  return Math.floor((balance * recognitionFifths(remainingMonths)) / 5);
}

/** Whole fifths recognised: 5 at 60 months or more, one fewer per whole year less, 0 below 12. */
function recognitionFifths(remainingMonths: number): number {
  if (Number.isNaN(remainingMonths)) throw new RangeError('remainingMonths is NaN');
  return Math.min(5, Math.max(0, Math.floor(remainingMonths / 12)));
}
