import { CaseFacts } from '../case/case';
import { FieldError, FieldReader } from './field-reader';

/** The keys of a case's `facts`: what program eligibility reads and the figures cannot show. */
export const FACT_KEYS: readonly (keyof CaseFacts)[] = [
  'hasCrisisEraDebt',
  'crisisEraLoanIds',
  'hasImprovementPlan',
  'privateBankSupport',
  'isSmallEnterprise',
  'existingGuaranteedYen',
  'concurrentProperLoanYen',
  'salesChangeRate',
  'successionOrConsolidation',
  'payrollChangeRate',
];

const BOOLEAN_FACTS = [
  'hasCrisisEraDebt',
  'hasImprovementPlan',
  'privateBankSupport',
  'isSmallEnterprise',
  'successionOrConsolidation',
] as const;

const MAX_AMOUNT = 1e13;

/**
 * Reads `facts`. Every fact is optional: one left out stays undefined and the rule that needs it
 * warns "not checked" (never false or zero). Amounts are in the case's unit; loan ids may be a
 * list or one text with commas (as a sheet cell holds them); each must name a loan of the stack.
 */
export function readCaseFacts(
  raw: unknown,
  unit: number,
  loanIds: readonly string[] | undefined,
  errors: FieldError[],
): CaseFacts | undefined {
  if (raw === undefined || raw === null) return {};
  const f = FieldReader.of(raw, 'facts', errors);
  if (!f) return undefined;
  const before = errors.length;
  f.rejectUnknown(FACT_KEYS);
  const facts: CaseFacts = {};
  for (const key of BOOLEAN_FACTS) {
    if (!f.has(key)) continue;
    const value = f.raw(key);
    if (typeof value === 'boolean') facts[key] = value;
    else f.fail(key, 'must be true or false');
  }
  for (const key of ['existingGuaranteedYen', 'concurrentProperLoanYen'] as const) {
    if (!f.has(key)) continue;
    const value = f.number(key, { min: 0, max: MAX_AMOUNT });
    if (value !== undefined) facts[key] = Math.round(value * unit);
  }
  for (const key of ['salesChangeRate', 'payrollChangeRate'] as const) {
    if (f.has(key)) facts[key] = f.rate(key, { min: -1, max: 1 });
  }
  if (f.has('crisisEraLoanIds')) {
    const value = f.raw('crisisEraLoanIds');
    const ids =
      typeof value === 'string'
        ? value
            .split(/[,、，]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : f.list('crisisEraLoanIds', (item, at) =>
            typeof item === 'string'
              ? item
              : FieldReader.of({ id: item }, at, errors)?.string('id'),
          );
    ids?.forEach((id, i) => {
      if (loanIds && !loanIds.includes(id)) {
        errors.push({
          field: `facts.crisisEraLoanIds[${i}]`,
          message: 'no loan of the stack has this id',
          value: id,
        });
      }
    });
    if (ids) facts.crisisEraLoanIds = ids;
  }
  return errors.length > before ? undefined : facts;
}
