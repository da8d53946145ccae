import {
  DebtStack,
  IndexPaths,
  LoanBatch,
  METHOD_CODE,
  RateRule,
  RepaymentMethod,
  StackLoan,
  allocateLoanBatch,
  toEpochDay,
  toRateUnits,
} from '../engine';

/** mulberry32: a tiny seeded generator, enough for reproducible benchmark inputs. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_AS_OF = toEpochDay(2026, 12, 1);

export const BENCH_INDEXES: IndexPaths = {
  'short-prime': { rate: 0.02125, steps: [] },
  tibor: { rate: 0.01, steps: [] },
  'jfc-base': { rate: 0.023, steps: [] },
};

function randomRule(rand: () => number): RateRule {
  const u = rand();
  if (u < 0.4) return { type: 'fixed', annualRate: 0.005 + Math.round(rand() * 3000) / 100000 };
  if (u < 0.8) {
    return {
      type: 'floating',
      index: rand() < 0.7 ? 'short-prime' : 'tibor',
      spread: Math.round(rand() * 200) / 10000,
      resetEveryMonths: rand() < 0.5 ? 6 : 12,
      nextResetDate: BENCH_AS_OF + 1 + Math.floor(rand() * 180),
    };
  }
  return {
    type: 'fixed-at-drawdown',
    index: 'jfc-base',
    spread: Math.round(rand() * 100) / 10000 - 0.005,
  };
}

/** `count` loans of `months` months each, all of one method, drawn on days spread over 2 months. */
export function syntheticBatch(
  count: number,
  months: number,
  method: RepaymentMethod,
  seed: number,
): LoanBatch {
  const rand = seeded(seed);
  const batch = allocateLoanBatch(count);
  for (let i = 0; i < count; i++) {
    batch.principal[i] = 1_000_000 + Math.floor(rand() * 499_000_000);
    batch.termMonths[i] = months;
    batch.graceMonths[i] = rand() < 0.2 ? 12 : 0;
    batch.method[i] = METHOD_CODE[method];
    // Sorted by drawdown day (60 distinct days), as a caller of runBatch should arrange.
    batch.startDate[i] = BENCH_AS_OF + Math.floor((i * 60) / count);
    batch.feeUnits[i] = rand() < 0.3 ? toRateUnits(0.008) : 0;
    batch.rules[i] = randomRule(rand);
  }
  return batch;
}

/** A 30-loan stack like a mid-sized borrower's: mixed methods, terms and rate rules. */
export function syntheticStack(loans: number, seed: number): DebtStack {
  const rand = seeded(seed);
  const methods: RepaymentMethod[] = ['equal-principal', 'equal-principal', 'annuity', 'bullet'];
  const list: StackLoan[] = [];
  for (let i = 0; i < loans; i++) {
    const termMonths = 12 + Math.floor(rand() * 229);
    list.push({
      id: `L${i + 1}`,
      name: `loan ${i + 1}`,
      lender: `bank ${1 + (i % 5)}`,
      terms: {
        principal: 1_000_000 + Math.floor(rand() * 99_000_000),
        termMonths,
        graceMonths: rand() < 0.2 ? Math.min(12, termMonths - 1) : 0,
        method: methods[Math.floor(rand() * methods.length)],
        dayCount: 'ACT/365F',
        startDate: BENCH_AS_OF - Math.floor(rand() * 28),
        rounding: 'floor',
        guaranteeFeeRate: rand() < 0.3 ? 0.008 : 0,
      },
      rate: randomRule(rand),
    });
  }
  return {
    name: 'bench stack',
    asOf: BENCH_AS_OF,
    fiscalYearEndMonth: 3,
    indexes: BENCH_INDEXES,
    loans: list,
  };
}
