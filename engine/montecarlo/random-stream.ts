import seedrandom from 'seedrandom';
import { portableLog } from './portable-math';

/**
 * The random numbers of one Monte Carlo path.
 *
 * Each path has its own generator, seeded from the run's seed and the path's index only, so
 * path i draws the same numbers whichever worker computes it and however the paths are split
 * into chunks. The generator is seedrandom's Alea (Baagøe): pure floating-point arithmetic on
 * numbers below 2^53, hence the same stream on every engine; period about 2^116, and it
 * passes the usual statistical batteries. Normal deviates come from Marsaglia's polar method,
 * whose only transcendental step is a logarithm, taken from {@link portableLog} for the same
 * reason.
 *
 * @example
 * const z = new NormalStream(42, 0); // path 0 of seed 42
 * z.next(); // the same number on any machine, in any browser
 */
export class NormalStream {
  private readonly uniform: () => number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number, path: number) {
    this.uniform = seedrandom.alea(`${seed}:${path}`);
  }

  /** The next standard normal deviate. */
  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const factor = Math.sqrt((-2 * portableLog(s)) / s);
      this.spare = v * factor;
      this.hasSpare = true;
      return u * factor;
    }
  }
}
