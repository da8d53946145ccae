/**
 * `exp` and `log` that give the same bits on every JavaScript engine: ports of fdlibm's
 * e_exp.c and e_log.c (Sun Microsystems, 1993; the algorithms behind most libms), made of
 * + − × ÷ and reads/writes of a double's bits only.
 *
 * Why: ECMAScript leaves `Math.exp` and `Math.log` "implementation-approximated". V8 (Node,
 * Chrome, Edge, the Excel add-in on Windows) ships its own fdlibm port, but JavaScriptCore
 * (Excel on Mac and iPad) calls the system's libm, which may differ in the last bit — and one
 * bit in a normal deviate can move a rate across a 1e-7 rounding step and change a yen. The
 * basic operations are correctly rounded by IEEE 754 everywhere, so these ports are
 * reproducible bit for bit; being fdlibm's (with V8's one amendment, exp(1) = E), they also
 * equal V8's `Math.exp`/`Math.log` (checked in the tests), with fdlibm's accuracy (< 1 ulp).
 */

// One 8-byte scratch seen as a double and as two 32-bit words; which word is the high one
// depends on the platform's byte order, detected once.
const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number {
  f64[0] = x;
  return i32[HI];
}

function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO];
}

function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  i32[HI] = hi;
  return f64[0];
}

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.8014398509481984e16;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * Natural logarithm (fdlibm e_log.c): x = 2^k (1 + f) with 1 + f in [√2/2, √2), then
 * log(1 + f) from s = f/(2 + f) and a degree-14 minimax polynomial in s.
 *
 * @example
 * portableLog(Math.E) // 1
 */
export function portableLog(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i0 ^ 0x3ff00000)); // normalise x or x/2
  k += i0 >> 20;
  const f = x - 1.0;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // −2^-20 ≤ f < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0
      ? f - (hfsq - s * (hfsq + r))
      : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.4513321910194110842e2;
const TWOM1000 = 9.3326361850321887899e-302; // 2^-1000

/**
 * e^x (fdlibm e_exp.c): x = k ln 2 + r with |r| ≤ ln 2 / 2, e^r from a degree-5 rational
 * (Remez) approximation, scaled by 2^k through the exponent bits.
 *
 * @example
 * portableExp(1) // 2.718281828459045
 */
export function portableExp(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0 ? 1 : 0;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…: NaN, ±Infinity, overflow or underflow
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
      return negative ? 0 : x;
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln 2
    if (hx < 0x3ff0a2b2) {
      // and < 1.5 ln 2; fdlibm is 1 ulp off at exactly 1, where V8 returns E (as here)
      if (x === 1) return Math.E;
      hi = x - (negative ? -LN2_HI : LN2_HI);
      lo = negative ? -LN2_LO : LN2_LO;
      k = 1 - negative - negative;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return withHighWord(y, highWord(y) + (k << 20));
  return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * TWOM1000;
}
