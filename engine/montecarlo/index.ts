/** Monte Carlo: seeded short-rate and revenue paths over a case's strategies. */
export * from './portable-math';
export * from './random-stream';
export * from './short-rate-model';
export * from './rate-paths';
export * from './revenue-shock';
export * from './path-rates';
export * from './variable-loans';
export * from './path-projection';
export * from './path-checks';
export * from './percentiles';
export * from './monte-carlo-results';
export * from './prepare-monte-carlo';
export * from './path-samples';
export * from './simulate-paths';
export * from './summarize-paths';
export * from './run-monte-carlo';
export * from './path-swap-breaks';
