import { DebtStack, parseStackFile } from '../../../engine';

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
