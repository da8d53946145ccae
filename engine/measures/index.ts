/** Financial measures per fiscal year, as Japanese credit officers and council SMs apply them. */
export * from './measure-result';
export * from './debt-repayment-years';
export * from './ebitda-debt-multiple';
export * from './dscr';
export * from './repayment-capacity';
export * from './interest-coverage';
export * from './capital-recognition';
export * from './substantive-net-worth';
export * from './local-benchmark';
