import { NormalStream } from '../../../engine';

const draws = (seed: number, path: number, n: number) => {
  const z = new NormalStream(seed, path);
  return Array.from({ length: n }, () => z.next());
};

describe('NormalStream: one seeded stream per path', () => {
  test('pinned values: seed 42, path 0 (these bits must not change between versions or machines)', () => {
    expect(draws(42, 0, 3)).toEqual([1.03672576270673, -1.0717999577521724, -0.16289934835773257]);
    expect(draws(42, 1, 1)).toEqual([-1.6392523934817327]);
  });

  test('the same seed and path give the same stream; another seed or path another one', () => {
    expect(draws(7, 3, 50)).toEqual(draws(7, 3, 50));
    expect(draws(8, 3, 50)).not.toEqual(draws(7, 3, 50));
    expect(draws(7, 4, 50)).not.toEqual(draws(7, 3, 50));
  });

  test('a path does not depend on the paths drawn before it', () => {
    const alone = draws(5, 99, 10);
    draws(5, 98, 1000);
    expect(draws(5, 99, 10)).toEqual(alone);
  });

  test('standard normal: mean 0, variance 1, tails as expected (100,000 draws)', () => {
    const n = 100_000;
    const z = new NormalStream(2026, 0);
    let sum = 0;
    let squares = 0;
    let beyond196 = 0;
    for (let i = 0; i < n; i++) {
      const x = z.next();
      sum += x;
      squares += x * x;
      if (Math.abs(x) > 1.959964) beyond196++;
    }
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    // Standard errors: mean 1/√n ≈ 0.0032, variance √(2/n) ≈ 0.0045, tail share √(0.05·0.95/n) ≈ 0.0007.
    expect(Math.abs(mean)).toBeLessThan(4 * 0.0032);
    expect(Math.abs(variance - 1)).toBeLessThan(4 * 0.0045);
    expect(Math.abs(beyond196 / n - 0.05)).toBeLessThan(4 * 0.0007);
  });

  test('successive draws are uncorrelated (lag-1 over 100,000)', () => {
    const z = new NormalStream(11, 0);
    let previous = z.next();
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = z.next();
      sum += x * previous;
      previous = x;
    }
    expect(Math.abs(sum / 100_000)).toBeLessThan(4 / Math.sqrt(100_000));
  });
});
