import { floorMulDiv } from './exact';

/**
 * Shares a year's budget R among the pool lenders (the rule, README "Council plan"):
 * 1. lender i gets floor(R × x_i ÷ Σx), never more than it is owed;
 * 2. what a lender cannot take (floor amount − owed) is shared among the lenders still owed
 *    by their weights, floor(E × x_j ÷ Σ_open x), never more than owed; repeated until placed;
 * 3. the yen the flooring leaves go to the lender with the largest share (the first listed on
 *    a tie); when it is repaid, the next largest, and so on (lenders of share 0 last, in order).
 * The total is min(R, Σ owed).
 *
 * @example
 * allocateBudget(1000, [1, 1, 1], [1e6, 1e6, 1e6]) // [334, 333, 333]
 * allocateBudget(1000, [2, 1, 1], [100, 1e6, 1e6]) // [100, 450, 450]
 */
export function allocateBudget(
  budget: number,
  weights: readonly number[],
  owed: readonly number[],
): number[] {
  const n = weights.length;
  const pay = new Array<number>(n).fill(0);
  const total = weights.reduce((s, x) => s + x, 0);
  let leftover = budget;
  let excess = 0;
  if (total > 0) {
    for (let i = 0; i < n; i++) {
      const a = floorMulDiv(budget, weights[i], total);
      pay[i] = Math.min(a, owed[i]);
      leftover -= a;
      excess += a - pay[i];
    }
  }
  while (excess > 0) {
    const open = [...pay.keys()].filter((i) => pay[i] < owed[i] && weights[i] > 0);
    const openWeight = open.reduce((s, i) => s + weights[i], 0);
    if (openWeight === 0) break;
    let next = 0;
    for (const i of open) {
      const a = floorMulDiv(excess, weights[i], openWeight);
      const take = Math.min(a, owed[i] - pay[i]);
      pay[i] += take;
      next += a - take;
      leftover -= a;
    }
    leftover += excess; // what this round did not place by flooring stays for step 3
    excess = next;
  }
  leftover += excess;
  // Step 3: largest share first, the first listed on a tie.
  const order = [...pay.keys()].sort((a, b) => weights[b] - weights[a] || a - b);
  for (const i of order) {
    if (leftover <= 0) break;
    const take = Math.min(leftover, owed[i] - pay[i]);
    pay[i] += take;
    leftover -= take;
  }
  return pay;
}
