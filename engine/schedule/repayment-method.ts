/** 元金均等 (equal principal), 元利均等 (annuity), 期限一括 (bullet). */
export type RepaymentMethod = 'equal-principal' | 'annuity' | 'bullet';

export const REPAYMENT_METHODS: readonly RepaymentMethod[] = [
  'equal-principal',
  'annuity',
  'bullet',
];

/** Numeric codes for the typed-array kernel. */
export const METHOD_CODE: Record<RepaymentMethod, number> = {
  'equal-principal': 0,
  annuity: 1,
  bullet: 2,
};

export type Rounding = 'floor' | 'none';

export const ROUNDINGS: readonly Rounding[] = ['floor', 'none'];
