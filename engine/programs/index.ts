/** The refinancing-program catalog (data), its eligibility checks and capital-type loan rates. */
export * from './catalog';
export * from './eligibility';
export * from './capital-rate';
export * from './program-source';
export * from './program-pricing';
export * from './case-facts';
export * from './terms-used';
