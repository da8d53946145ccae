/**
 * Loans worked by hand in test/engine/hand-worked.test.ts, reused by the command-line tests so
 * that their printed figures can be checked against the same hand-worked schedule.
 */

/** (b) Equal principal 12,000,000 yen, 2.3 %, 12 months, 2 of grace, ACT/365F, from 2024-01-31. */
export const EQUAL_PRINCIPAL_B = {
  principal: 12_000_000,
  annualRate: 0.023,
  termMonths: 12,
  graceMonths: 2,
  method: 'equal-principal',
  dayCount: 'ACT/365F',
  startDate: '2024-01-31',
  rounding: 'floor',
};
