/** The council plan (domain.md §9): 保全, pro-rata repayments by lender, 清算配当率, 経済合理性. */
export * from './types';
export * from './exact';
export * from './coverage';
export * from './shares';
export * from './allocate';
export * from './budget';
export * from './spread';
export * from './pool-run';
export * from './select-pool';
export * from './liquidation';
export * from './criteria';
export * from './plan-summary';
export * from './plan-input';
export * from './cash-table';
export * from './monthly-profile';
