import { ArgumentError } from '../functions/arguments';
import {
  debtServiceCoverage,
  debtYears,
  payment,
  schedule,
  shockedInterest,
} from '../functions/functions';

/**
 * The one place that associates the RATESHOCK.* custom functions with their ids. The ids are
 * those of the `@customfunction ID NAME` tags in addin/functions/functions.ts, from which
 * functions.json is generated; test/addin/functions-metadata.test.ts checks that the two lists
 * are the same.
 */

/** The slice of office.js's CustomFunctions runtime used here (its types are not installed). */
interface CustomFunctionsRuntime {
  associate(id: string, fn: (...args: never[]) => unknown): void;
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string; notAvailable: string };
}

declare const CustomFunctions: CustomFunctionsRuntime | undefined;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CustomFunction = (...args: any[]) => unknown;

/** Metadata id → function. */
export const CUSTOM_FUNCTIONS: Readonly<Record<string, CustomFunction>> = {
  PAYMENT: payment,
  SCHEDULE: schedule,
  SHOCKED_INTEREST: shockedInterest,
  DEBTYEARS: debtYears,
  DSCR: debtServiceCoverage,
};

/**
 * The function as Excel calls it: a bad argument (ArgumentError) becomes #VALUE! with the
 * bilingual message (shown on the cell's error flag), anything else #N/A with its message
 * (#NUM! would lose the message: Excel shows custom messages for #VALUE! and #N/A only).
 */
export function forExcel(fn: CustomFunction, runtime: CustomFunctionsRuntime): CustomFunction {
  return (...args: unknown[]) => {
    try {
      return fn(...args);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const code =
        e instanceof ArgumentError
          ? runtime.ErrorCode.invalidValue
          : runtime.ErrorCode.notAvailable;
      throw new runtime.Error(code, message);
    }
  };
}

/**
 * Associates every custom function with its id. Does nothing outside Office (a plain browser,
 * tests without the runtime) and returns whether it associated. Call it as early as possible:
 * office.js defines CustomFunctions when it loads, before Office.onReady, and Excel may
 * calculate a RATESHOCK.* cell as soon as the runtime starts.
 */
export function registerCustomFunctions(): boolean {
  if (typeof CustomFunctions === 'undefined') return false;
  const runtime = CustomFunctions;
  for (const [id, fn] of Object.entries(CUSTOM_FUNCTIONS)) {
    runtime.associate(id, forExcel(fn, runtime));
  }
  return true;
}
