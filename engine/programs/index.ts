/** The refinancing-program catalog (data), its eligibility checks and capital-type loan rates. */
export * from './catalog';
export * from './eligibility';
export * from './capital-rate';
export * from './program-source';
