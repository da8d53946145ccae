import { BaseYear, PlanYear } from '../case/case';
import { mulDivFloor } from '../interest/exact-yen';

/**
 * Year-end 売上債権 and 棚卸資産 of every plan year, whole yen: each year's planned change is
 * split by the base year's mix (receivables ÷ (receivables + inventory), half and half when
 * both are 0), the receivables' part cut to whole yen (toward −∞) and inventory taking the
 * rest, so the two always add up to the plan's change. Shared by the projection and the
 * Monte Carlo paths.
 *
 * @example
 * // base 30,000,000 + 15,000,000; +1,000,000 planned → receivables +666,666, inventory +333,334
 * workingCapitalPath(base, plan) // { receivables: [30666666], inventory: [15333334] }
 */
export function workingCapitalPath(
  base: Pick<BaseYear, 'receivables' | 'inventory'>,
  plan: readonly Pick<PlanYear, 'workingCapitalChange'>[],
): { receivables: number[]; inventory: number[] } {
  const mix = base.receivables + base.inventory;
  const receivables: number[] = [];
  const inventory: number[] = [];
  let r = base.receivables;
  let inv = base.inventory;
  for (const year of plan) {
    const change = year.workingCapitalChange;
    const toReceivables =
      mix > 0 ? mulDivFloor(change, base.receivables, mix) : Math.floor(change / 2);
    r += toReceivables;
    inv += change - toReceivables;
    receivables.push(r);
    inventory.push(inv);
  }
  return { receivables, inventory };
}
