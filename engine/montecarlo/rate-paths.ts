import { EpochDay, addMonthsClamped, fromEpochDay } from '../time/civil-date';
import { Shock } from '../rates/shock';
import { NormalStream } from './random-stream';
import { MonthlyTransition, ShortRateModel, STEPS_PER_YEAR, driftAt } from './short-rate-model';

/**
 * The monthly grid a simulated path lives on: step m (m = 0…months) holds from
 * `stepDates[m]` = the analysis date plus m months (same day of month, clamped to month end)
 * until the next step. Step 0 is today: its change is 0 by construction, so anything priced on
 * or before the analysis date — loans already drawn, refinancings drawn today — sees no change.
 */
export interface RatePathGrid {
  asOf: EpochDay;
  months: number;
  stepDates: Int32Array;
}

export function ratePathGrid(asOf: EpochDay, months: number): RatePathGrid {
  const { year, month, day } = fromEpochDay(asOf);
  const stepDates = new Int32Array(months + 1);
  for (let m = 0; m <= months; m++) stepDates[m] = addMonthsClamped(year, month, day, m);
  return { asOf, months, stepDates };
}

/** The step in force on `date`: the last m ≥ 1 with stepDates[m] ≤ date, else 0 (today). */
export function stepIndexOn(grid: RatePathGrid, date: EpochDay): number {
  const d = grid.stepDates;
  if (grid.months === 0 || date < d[1]) return 0;
  let lo = 1;
  let hi = grid.months;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (d[mid] <= date) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The deterministic drift φ at each step, computed once per run. */
export function driftSteps(model: ShortRateModel, months: number): Float64Array {
  const out = new Float64Array(months + 1);
  for (let m = 0; m <= months; m++) out[m] = driftAt(model, m / STEPS_PER_YEAR);
  return out;
}

/**
 * Simulates one path of the short rate: `rates[m]` = r at step m (rates[0] = r₀) and
 * `innovations[m]` = the standard normal that moved it from step m − 1 (innovations[0] unused),
 * kept so that revenue shocks can be correlated with the same year's rate moves. Draws
 * exactly `months` normals from the stream, first of anything else on the path.
 */
export function simulateShortRate(
  model: ShortRateModel,
  transition: MonthlyTransition,
  drift: Float64Array,
  stream: NormalStream,
  months: number,
  rates: Float64Array,
  innovations: Float64Array,
): void {
  const { longRunMean: theta } = model;
  const { decay, noiseScale } = transition;
  let x = model.initialRate;
  rates[0] = x + drift[0];
  innovations[0] = 0;
  for (let m = 1; m <= months; m++) {
    const z = stream.next();
    innovations[m] = z;
    x = theta + (x - theta) * decay + noiseScale * z;
    rates[m] = x + drift[m];
  }
}

/** The change from today at each step, deltas[m] = rates[m] − rates[0] (deltas[0] = 0). */
export function rateChanges(rates: Float64Array, months: number, deltas: Float64Array): void {
  const r0 = rates[0];
  deltas[0] = 0;
  for (let m = 1; m <= months; m++) deltas[m] = rates[m] - r0;
}

/**
 * A simulated path as an ordinary engine shock (`kind: 'path'`, one step a month): what the
 * Monte Carlo run applies to each loan, expressed so that the deterministic grid or a single
 * projection can replay one path — and so that tests can check the fast path against it.
 *
 * @example
 * simulate({ ...aCase, shocks: [pathShock(grid, rates)] }, programs) // replays one path
 */
export function pathShock(grid: RatePathGrid, rates: Float64Array): Shock {
  const steps: { from: EpochDay; size: number }[] = [];
  for (let m = 1; m <= grid.months; m++)
    steps.push({ from: grid.stepDates[m], size: rates[m] - rates[0] });
  return { kind: 'path', steps };
}
