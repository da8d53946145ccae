import { EpochDay } from '../time/civil-date';
import { monthsBetween } from './rate-index';

/** The six Basel IRRBB shock shapes (BCBS 368), for yen 100 bp each. */
export type IrrbbShape =
  'parallel-up' | 'parallel-down' | 'short-up' | 'short-down' | 'steepener' | 'flattener';

export const IRRBB_SHAPES: readonly IrrbbShape[] = [
  'parallel-up',
  'parallel-down',
  'short-up',
  'short-down',
  'steepener',
  'flattener',
];

/**
 * A change to every index from a date on (the default: the analysis date).
 * - parallel: the same rise at every tenor (the standard set is +0.25/+0.50/+1.00/+2.00 %);
 * - ramp: `step` more every `everyMonths` months, the first step at `from`, up to `cap`;
 * - irrbb: a Basel shape by tenor: floating loans see the short end, new long loans the long end;
 * - path: a custom schedule of rises, each from its own date.
 */
export type Shock =
  | { kind: 'parallel'; size: number; from?: EpochDay }
  | { kind: 'ramp'; step: number; everyMonths: number; cap: number; from?: EpochDay }
  | { kind: 'irrbb'; shape: IrrbbShape; size?: number; from?: EpochDay }
  | { kind: 'path'; steps: { from: EpochDay; size: number }[] };

/** +0.25 / +0.50 / +1.00 / +2.00 % (domain.md §2, the 帝国データバンク table). */
export const STANDARD_SHOCK_SIZES: readonly number[] = [0.0025, 0.005, 0.01, 0.02];

export function standardShocks(from?: EpochDay): Shock[] {
  return parallelShocks(STANDARD_SHOCK_SIZES, from);
}

export function parallelShocks(sizes: readonly number[], from?: EpochDay): Shock[] {
  return sizes.map((size) => ({ kind: 'parallel', size, from }));
}

/** Decay of the IRRBB short-rate shock with tenor, in years (BCBS: x = 4). */
const IRRBB_DECAY_YEARS = 4;
const YEN_IRRBB_SIZE = 0.01;

/**
 * The Basel IRRBB rise at a tenor: short(t) = S·e^(−t/4), long(t) = L·(1 − e^(−t/4));
 * steepener = −0.65|short| + 0.9|long|, flattener = 0.8|short| − 0.6|long|.
 *
 * @example
 * irrbbShockAt('steepener', 20) // ≈ +0.0089: a 20-year loan prices 89 bp higher
 */
export function irrbbShockAt(shape: IrrbbShape, tenorYears: number, size = YEN_IRRBB_SIZE): number {
  const short = size * Math.exp(-tenorYears / IRRBB_DECAY_YEARS);
  const long = size * (1 - Math.exp(-tenorYears / IRRBB_DECAY_YEARS));
  switch (shape) {
    case 'parallel-up':
      return size;
    case 'parallel-down':
      return -size;
    case 'short-up':
      return short;
    case 'short-down':
      return -short;
    case 'steepener':
      return -0.65 * short + 0.9 * long;
    case 'flattener':
      return 0.8 * short - 0.6 * long;
  }
}

/** The rise a shock adds on `date` to a rate of the given tenor (decimal, may be negative). */
export function shockAt(
  shock: Shock,
  date: EpochDay,
  tenorYears: number,
  defaultFrom: EpochDay,
): number {
  if (shock.kind === 'path') {
    let size = 0;
    for (const step of shock.steps) if (step.from <= date) size = step.size;
    return size;
  }
  const from = shock.from ?? defaultFrom;
  if (date < from) return 0;
  switch (shock.kind) {
    case 'parallel':
      return shock.size;
    case 'ramp': {
      const steps = Math.floor(monthsBetween(from, date) / shock.everyMonths) + 1;
      return Math.min(shock.cap, steps * shock.step);
    }
    case 'irrbb':
      return irrbbShockAt(shock.shape, tenorYears, shock.size);
  }
}

/** When the shock first moves rates (for full-reprice mode). */
export function shockStart(shock: Shock, defaultFrom: EpochDay): EpochDay {
  if (shock.kind === 'path')
    return shock.steps.length ? Math.min(...shock.steps.map((s) => s.from)) : defaultFrom;
  return shock.from ?? defaultFrom;
}

function percent(x: number): string {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}%`;
}

/** A short label for tables: "+0.25%", "ramp +0.25%/6m→+2.00%", "IRRBB steepener". */
export function shockLabel(shock: Shock): string {
  switch (shock.kind) {
    case 'parallel':
      return percent(shock.size);
    case 'ramp':
      return `ramp ${percent(shock.step)}/${shock.everyMonths}m→${percent(shock.cap)}`;
    case 'irrbb':
      return `IRRBB ${shock.shape}`;
    case 'path':
      return `path ${shock.steps.map((s) => percent(s.size)).join('→')}`;
  }
}
