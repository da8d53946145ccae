import { EpochDay } from '../time/civil-date';
import { FieldError } from '../input/field-reader';
import { StackLoan } from '../stack/debt-stack';
import { ProRataPlanAction } from './types';
import type { PlanPool } from './pool-run';

/**
 * Takes the `pro-rata-plan` action's loans out of the strategy's senior loans into the pool
 * (after any refinancing or DDS listed before it). Errors: a second plan in one strategy, a
 * lender or loan id the debt does not have, a pool with no loans, a pool loan drawn after the
 * base date.
 */
export function selectPool(
  senior: StackLoan[],
  existing: PlanPool | undefined,
  action: ProRataPlanAction,
  asOf: EpochDay,
  where: string,
  errors: FieldError[],
): { pool: PlanPool; rest: StackLoan[] } | undefined {
  const before = errors.length;
  if (existing)
    errors.push({
      field: `${where}.kind`,
      message: 'a strategy has at most one pro-rata-plan',
      value: action.kind,
    });
  let loans: StackLoan[];
  if ('lenders' in action.select) {
    action.select.lenders.forEach((lender, k) => {
      if (!senior.some((l) => l.lender === lender))
        errors.push({
          field: `${where}.select.lenders[${k}]`,
          message: 'no loan of the strategy has this lender',
          value: lender,
        });
    });
    const lenders = action.select.lenders;
    loans = senior.filter((l) => lenders.includes(l.lender));
  } else {
    action.select.loanIds.forEach((id, k) => {
      if (!senior.some((l) => l.id === id))
        errors.push({
          field: `${where}.select.loanIds[${k}]`,
          message: 'no loan of the stack has this id (refinanced or converted already?)',
          value: id,
        });
    });
    const ids = action.select.loanIds;
    loans = senior.filter((l) => ids.includes(l.id));
  }
  if (loans.length === 0)
    errors.push({
      field: `${where}.select`,
      message: 'the pool has no loans',
      value: action.select,
    });
  for (const loan of loans)
    if (loan.terms.startDate > asOf)
      errors.push({
        field: `${where}.select`,
        message: `loan ${loan.id} starts after the plan's base date: keep it outside the pool`,
        value: action.select,
      });
  if (errors.length > before) return undefined;
  return { pool: { action, loans }, rest: senior.filter((l) => !loans.includes(l)) };
}
