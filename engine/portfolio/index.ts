/** Portfolio stress: many borrowers (rows) × shocks → the 帝国データバンク-shaped table. */
export * from './firm';
export * from './firm-row';
export * from './firm-csv';
export * from './synthetic-portfolio';
export * from './portfolio-stress';
export * from './portfolio-summary';
