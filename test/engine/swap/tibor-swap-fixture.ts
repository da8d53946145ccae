import { DebtStack, applyStrategy, parseStackFile } from '../../../engine';

/**
 * The swap tests' loan: TIBOR 1.00 % (unless given), 100,000,000 bullet over 12 months, spread
 * 0.80 %, refixed monthly from the analysis date 2026-03-31, no business-day roll; `swap` attached.
 */
export function tiborSwapStackFile(
  swap: Record<string, unknown>,
  rate: Record<string, unknown> = {},
  tibor = '1.00%',
) {
  return {
    asOf: '2026-03-31',
    indexes: { tibor },
    loans: [
      {
        id: 'T',
        principal: 100_000_000,
        termMonths: 12,
        method: 'bullet',
        businessDay: 'none',
        rate: {
          type: 'floating',
          index: 'tibor',
          spread: '0.80%',
          resetEveryMonths: 1,
          nextResetDate: '2026-03-31',
          ...rate,
        },
        swap,
      },
    ],
  };
}

/** The stack of {@link tiborSwapStackFile}, parsed (throws on an error). */
export function tiborSwapStack(swap: Record<string, unknown>): DebtStack {
  const parsed = parseStackFile(tiborSwapStackFile(swap));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value.stack;
}

/**
 * Strategy `r` on `stack`: loan T refinanced on the analysis date into program `p` (120 months,
 * equal principal, 2 % fixed, no fee) — breaking its swap.
 */
export function refinanceT(stack: DebtStack) {
  return applyStrategy(
    stack.loans,
    {
      id: 'r',
      name: 'r',
      actions: [
        {
          kind: 'refinance',
          select: { loanIds: ['T'] },
          programId: 'p',
          termMonths: 120,
          graceMonths: 0,
        },
      ],
    },
    stack.asOf,
    (id) => ({ id, method: 'equal-principal', baseRate: () => 0.02, guaranteeFeeRate: 0 }),
    'strategies[0]',
  );
}
