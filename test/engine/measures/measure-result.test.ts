/**
 * The shared ratio helper behind every measure: null with a reason instead of Infinity or NaN.
 */
import { noValue, ratio } from '../../../engine/measures';

describe('ratio', () => {
  test('divides when the denominator is positive', () => {
    // 300 ÷ 120 = 2.5
    expect(ratio(300, 120, 'no-interest')).toEqual({ value: 2.5 });
    // −300 ÷ 120 = −2.5: a negative numerator is a meaningful reading
    expect(ratio(-300, 120, 'no-interest')).toEqual({ value: -2.5 });
  });

  test('a zero or negative denominator gives null with the caller’s reason', () => {
    expect(ratio(300, 0, 'no-interest')).toEqual({ value: null, reason: 'no-interest' });
    expect(ratio(300, -0, 'no-sales')).toEqual({ value: null, reason: 'no-sales' });
    expect(ratio(300, -120, 'no-assets')).toEqual({ value: null, reason: 'no-assets' });
  });

  test('non-finite operands and overflowing quotients give null with non-finite', () => {
    expect(ratio(NaN, 1, 'no-sales').reason).toBe('non-finite');
    expect(ratio(1, Infinity, 'no-sales').reason).toBe('non-finite');
    expect(ratio(-Infinity, 1, 'no-sales').reason).toBe('non-finite');
    // MAX_VALUE ÷ 0.5 = 2 × MAX_VALUE, beyond the largest double
    expect(ratio(Number.MAX_VALUE, 0.5, 'no-sales')).toEqual({ value: null, reason: 'non-finite' });
  });

  test('a zero result is +0, never −0', () => {
    // −0 ÷ 5 is −0 in IEEE arithmetic; Object.is tells them apart
    expect(Object.is(ratio(-0, 5, 'no-sales').value, 0)).toBe(true);
  });

  test('a value carries no reason; noValue carries no value', () => {
    expect('reason' in ratio(1, 2, 'no-sales')).toBe(false);
    expect(noValue('missing-input')).toEqual({ value: null, reason: 'missing-input' });
  });
});
