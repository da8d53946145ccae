import seedrandom from 'seedrandom';
import { portableExp, portableLog } from '../../../engine';

/**
 * The portable functions are fdlibm ports; V8's Math.exp/Math.log are fdlibm too, so in Node
 * the two must agree to the bit — a strong check of the port (on other engines, only the
 * portable ones are guaranteed to give these bits).
 */
describe('portable exp and log', () => {
  const u = seedrandom.alea('portable-math');

  test('log equals V8 Math.log bit for bit over 10 orders of scale and the edge cases', () => {
    const xs: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const r = u();
      xs.push(r, r * 1e-300, Math.exp((r - 0.5) * 1400), 1 + (r - 0.5) * 2e-9, 1 / (r + 1e-9));
    }
    xs.push(5e-324, 2.2250738585072014e-308, 1, 2, 0.5, Math.E, Number.MAX_VALUE);
    const mismatches = xs.filter((x) => !Object.is(portableLog(x), Math.log(x)));
    expect(mismatches).toEqual([]);
    expect(portableLog(0)).toBe(-Infinity);
    expect(portableLog(-0)).toBe(-Infinity);
    expect(portableLog(-1)).toBeNaN();
    expect(portableLog(NaN)).toBeNaN();
    expect(portableLog(Infinity)).toBe(Infinity);
  });

  test('exp equals V8 Math.exp bit for bit, including overflow and underflow', () => {
    const xs: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const r = u();
      xs.push((r - 0.5) * 1500, (r - 0.5) * 2, (r - 0.5) * 1e-8, -745 + r * 2, 709 + r);
    }
    xs.push(0, -0, 1, -1, 709.782712893384, -745.2, 1e-300, Infinity, -Infinity);
    const mismatches = xs.filter((x) => !Object.is(portableExp(x), Math.exp(x)));
    expect(mismatches).toEqual([]);
    expect(portableExp(NaN)).toBeNaN();
    expect(portableExp(1)).toBe(2.718281828459045);
  });
});
