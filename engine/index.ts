/** RateShock engine: pure functions over typed arrays; no DOM, no Office, no Node built-ins. */
export * from './time/civil-date';
export * from './time/day-count';
export * from './time/payment-dates';
export * from './interest/rate-units';
export * from './interest/accrue';
export * from './schedule/repayment-method';
export * from './schedule/annuity-payment';
export * from './schedule/amortize';
export * from './schedule/loan-schedule';
export * from './schedule/schedule-rows';
export * from './input/field-reader';
export * from './input/loan-spec';
