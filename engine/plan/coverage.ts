import { CollateralItem } from './types';
import { floorTimes } from './exact';

/** A loan as 保全 sees it on the plan's base date. */
export interface CoveredLoan {
  id: string;
  lender: string;
  balance: number;
  /** The guarantee corporation's share of the loan (0.8, 1), absent when not guaranteed. */
  guaranteeCoverage?: number;
  inPool: boolean;
}

/** One lender's 保全 on the base date. */
export interface LenderCoverage {
  lender: string;
  /** The lender's pool balance: 保全 never exceeds it. */
  poolBalance: number;
  /** Collateral value after 掛目 and senior liens that this lender's liens take. */
  collateral: number;
  /** Σ floor(coverage × balance) over its guaranteed pool loans (0 when the setting says not). */
  guarantee: number;
  /** min(collateral + guarantee, poolBalance). */
  secured: number;
}

/**
 * What each collateral item's liens take, in rank order: the item is worth floor(value × 掛目);
 * each lien takes the least of what is left and its claim (the base-date balance of the loans
 * it secures — every loan of its lender when it names none, pool or not), so a junior lien gets
 * what the senior claims leave. Returns lender → amount, summed over the items.
 *
 * @example
 * // 1億円 × 70 % = 7,000万円; first lien A (claim 5,000万), second lien B (claim 4,000万):
 * // A 5,000万, B 2,000万
 */
export function lienAllocation(
  loans: readonly CoveredLoan[],
  collateral: readonly CollateralItem[],
): Map<string, number> {
  const taken = new Map<string, number>();
  for (const item of collateral) {
    let left = floorTimes(item.value, item.haircut);
    for (const lien of [...item.liens].sort((a, b) => a.rank - b.rank)) {
      const claim = loans
        .filter((l) => (lien.loanIds ? lien.loanIds.includes(l.id) : l.lender === lien.lender))
        .reduce((sum, l) => sum + l.balance, 0);
      const take = Math.min(left, claim);
      taken.set(lien.lender, (taken.get(lien.lender) ?? 0) + take);
      left -= take;
    }
  }
  return taken;
}

/**
 * 保全 of each pool lender (in the order lenders first appear among the pool loans):
 * collateral by lien rank plus, when `guaranteeCountsAsSecured`, coverage × balance of its
 * guaranteed pool loans; never more than its pool balance.
 */
export function poolCoverage(
  loans: readonly CoveredLoan[],
  collateral: readonly CollateralItem[],
  guaranteeCountsAsSecured: boolean,
): LenderCoverage[] {
  const liens = lienAllocation(loans, collateral);
  const out: LenderCoverage[] = [];
  for (const loan of loans) {
    if (!loan.inPool) continue;
    let row = out.find((r) => r.lender === loan.lender);
    if (!row) {
      row = {
        lender: loan.lender,
        poolBalance: 0,
        collateral: liens.get(loan.lender) ?? 0,
        guarantee: 0,
        secured: 0,
      };
      out.push(row);
    }
    row.poolBalance += loan.balance;
    if (guaranteeCountsAsSecured && loan.guaranteeCoverage !== undefined)
      row.guarantee += floorTimes(loan.balance, loan.guaranteeCoverage);
  }
  for (const row of out) row.secured = Math.min(row.collateral + row.guarantee, row.poolBalance);
  return out;
}
