/** Random loans for the reference tests (fast-check arbitraries). */
import fc from 'fast-check';
import { RefLoan } from './schedule-reference';

/** Start dates: any day 2024–2055, with month ends, February, Golden Week and New Year weighted. */
const startDate = fc
  .oneof(
    fc.record({
      y: fc.integer({ min: 2024, max: 2055 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    }),
    fc.record({
      y: fc.integer({ min: 2024, max: 2055 }),
      m: fc.constantFrom(1, 2, 3, 4, 12),
      d: fc.constantFrom(28, 29, 30, 31),
    }),
    fc.record({
      y: fc.integer({ min: 2024, max: 2055 }),
      m: fc.constantFrom(4, 5, 12, 1),
      d: fc.constantFrom(1, 2, 3, 4, 5, 6, 29, 30, 31),
    }),
  )
  .map(({ y, m, d }) => {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  });

/** Rates in steps of 0.00001 % (the engine's unit): mostly 0–12 %, some up to 30 % (the input cap). */
const rate = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 1_200_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 3_000_000 }) },
  )
  .map((k) => k / 10_000_000);

/** Random loans over every dimension the reference covers. */
export const referenceLoan: fc.Arbitrary<RefLoan> = fc
  .record({
    principal: fc.oneof(
      fc.integer({ min: 1, max: 10_000 }),
      fc.integer({ min: 1_000_000, max: 5_000_000_000 }),
      fc.integer({ min: 5_000_000_000, max: 10_000_000_000_000 }),
    ),
    termMonths: fc.oneof(
      fc.integer({ min: 1, max: 36 }),
      fc.integer({ min: 37, max: 300 }),
      fc.integer({ min: 301, max: 600 }),
    ),
    graceFraction: fc.double({ min: 0, max: 0.5, noNaN: true }),
    method: fc.constantFrom('equal-principal', 'annuity', 'bullet') as fc.Arbitrary<
      RefLoan['method']
    >,
    dayCount: fc.constantFrom('ACT/365F', '30/360') as fc.Arbitrary<RefLoan['dayCount']>,
    startDate,
    baseRate: rate,
    resets: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), rate }), {
      maxLength: 3,
    }),
    guaranteeFeeRate: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 2_000 }).map((k) => k / 100_000),
    ),
    guaranteeFeePayment: fc.constantFrom('installments', 'lump-sum') as fc.Arbitrary<
      RefLoan['guaranteeFeePayment']
    >,
    businessDay: fc.constantFrom('following', 'preceding', 'none') as fc.Arbitrary<
      RefLoan['businessDay']
    >,
    prepay: fc.option(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        share: fc.double({ min: 0, max: 1.2, noNaN: true }),
        effect: fc.constantFrom('shorten-term', 'lower-instalment') as fc.Arbitrary<
          'shorten-term' | 'lower-instalment'
        >,
      }),
    ),
  })
  .map((g) => {
    const graceMonths = Math.min(g.termMonths - 1, Math.floor(g.graceFraction * g.termMonths));
    const rates = new Array<number>(g.termMonths).fill(g.baseRate);
    for (const reset of g.resets) {
      const from = Math.floor(reset.at * g.termMonths);
      rates.fill(reset.rate, from);
    }
    const prepayment =
      g.prepay && g.termMonths > 1
        ? {
            period: 1 + Math.floor(g.prepay.at * (g.termMonths - 1)),
            amount: Math.max(1, Math.floor(g.prepay.share * g.principal)),
            effect: g.prepay.effect,
          }
        : undefined;
    return {
      principal: g.principal,
      termMonths: g.termMonths,
      graceMonths,
      method: g.method,
      dayCount: g.dayCount,
      startDate: g.startDate,
      rates,
      guaranteeFeeRate: g.guaranteeFeeRate,
      guaranteeFeePayment: g.guaranteeFeePayment,
      businessDay: g.businessDay,
      prepayment,
    };
  });
