import {
  CoveredLoan,
  allocateBudget,
  floorMulDiv,
  floorTimes,
  freeCashFlow,
  lienAllocation,
  liquidationRate,
  liquidationRecovery,
  monthlyParts,
  planRecovery,
  poolCoverage,
  poolShares,
  spreadOverLoans,
  yearBudget,
} from '../../../engine';

// Three pool lenders: A (main bank, first lien), B (second lien), C (a 保証協会 loan, 80 %).
const loans: CoveredLoan[] = [
  { id: 'A1', lender: 'A銀行', balance: 40_000_000, inPool: true },
  { id: 'A2', lender: 'A銀行', balance: 20_000_000, inPool: true },
  { id: 'B1', lender: 'B信金', balance: 30_000_000, inPool: true },
  { id: 'C1', lender: 'C信組', balance: 10_000_000, guaranteeCoverage: 0.8, inPool: true },
];
// 1億円 × 70 % = 7,000万: A's first lien takes its 6,000万 claim, B's second lien the 1,000万 left.
const land = {
  id: 'land',
  kind: 'real-estate' as const,
  value: 100_000_000,
  haircut: 0.7,
  liens: [
    { lender: 'A銀行', rank: 1 },
    { lender: 'B信金', rank: 2 },
  ],
};

describe('保全 by lender', () => {
  test('a junior lien gets what the senior claims leave of value × 掛目', () => {
    const taken = lienAllocation(loans, [land]);
    expect(taken.get('A銀行')).toBe(60_000_000);
    expect(taken.get('B信金')).toBe(10_000_000);
  });

  test('a lien naming its loans claims only their balance; the guarantee counts by the setting', () => {
    const onlyA2 = {
      ...land,
      liens: [{ lender: 'A銀行', rank: 1, loanIds: ['A2'] }, land.liens[1]],
    };
    // A's lien claims 2,000万 (A2): B's second lien gets min(5,000万, 3,000万) = 3,000万.
    expect(lienAllocation(loans, [onlyA2]).get('B信金')).toBe(30_000_000);
    const counted = poolCoverage(loans, [land], true);
    expect(counted.map((l) => [l.lender, l.poolBalance, l.secured])).toEqual([
      ['A銀行', 60_000_000, 60_000_000],
      ['B信金', 30_000_000, 10_000_000],
      ['C信組', 10_000_000, 8_000_000], // 80 % of 1,000万
    ]);
    expect(poolCoverage(loans, [land], false)[2].secured).toBe(0);
  });

  test('保全 never exceeds the lender’s pool balance', () => {
    const deposit = {
      id: 'dep',
      kind: 'deposit' as const,
      value: 50_000_000,
      haircut: 1,
      liens: [{ lender: 'C信組', rank: 1 }],
    };
    // 5,000万 of deposit + 800万 of guarantee against a 1,000万 claim: 1,000万.
    expect(poolCoverage(loans, [deposit], true)[2].secured).toBe(10_000_000);
  });
});

describe('shares on both bases', () => {
  const coverage = poolCoverage(loans, [land], true);
  test('残高プロラタ: 60 / 30 / 10 %', () => {
    const s = poolShares(coverage, 'balance');
    expect(s.shares).toEqual([0.6, 0.3, 0.1]);
    expect(s.basis).toBe('balance');
  });
  test('非保全残高プロラタ: the fully secured main bank gets no share', () => {
    // Unsecured: A 0, B 3,000万 − 1,000万 = 2,000万, C 1,000万 − 800万 = 200万.
    const s = poolShares(coverage, 'unsecured');
    expect(s.weights).toEqual([0, 20_000_000, 2_000_000]);
    expect(s.shares[1]).toBeCloseTo(20 / 22, 12);
    expect(s.shares[2]).toBeCloseTo(2 / 22, 12);
    expect(s.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  test('every unsecured balance 0: back to balance, and it says so', () => {
    const secured = coverage.map((l) => ({ ...l, secured: l.poolBalance }));
    const s = poolShares(secured, 'unsecured');
    expect(s).toMatchObject({ requestedBasis: 'unsecured', basis: 'balance' });
    expect(s.shares).toEqual([0.6, 0.3, 0.1]);
  });
});

describe('the yearly budget R_t', () => {
  const closed = {
    fiscalYear: 2027,
    netIncome: 20_000_000,
    depreciation: 12_000_000,
    capex: 1_500_000,
    workingCapitalChange: 500_000,
    cash: 40_000_000,
    revenue: 200_000_000,
  };
  test('FCF = 当期純利益 + 減価償却費 − 設備投資 − 運転資本増加', () => {
    expect(freeCashFlow(closed)).toBe(30_000_000);
  });
  test('loans outside the pool are served first', () => {
    // floor(3,000万 × 80 %) = 2,400万, minus 400万 of contract principal outside the pool.
    expect(yearBudget(closed, 4_000_000, 0.8, 1).budget).toBe(20_000_000);
    // Outside principal above the share of FCF leaves nothing for the pool.
    expect(yearBudget(closed, 25_000_000, 0.8, 1).budget).toBe(0);
  });
  test('capped at cash at the end of the closed year less the minimum cash', () => {
    // Minimum cash = floor(1 × 2億円 ÷ 12) = 16,666,666; 2,500万 − that = 8,333,334.
    const b = yearBudget({ ...closed, cash: 25_000_000 }, 4_000_000, 0.8, 1);
    expect(b).toMatchObject({ beforeCap: 20_000_000, minimumCash: 16_666_666, budget: 8_333_334 });
    // 1.5 months: floor(1.5 × 2億 ÷ 12) = 2,500万 = cash: nothing left to pay.
    expect(yearBudget({ ...closed, cash: 25_000_000 }, 0, 0.8, 1.5).budget).toBe(0);
  });
  test('a negative FCF gives 0', () => {
    expect(yearBudget({ ...closed, netIncome: -40_000_000 }, 0, 0.8, 0).budget).toBe(0);
  });
});

describe('allocation: flooring, the remainder, redistribution', () => {
  test('floor(R × w_i); the yen left go to the largest share', () => {
    // 1,000,001 × 0.6 = 600,000.6 → 600,000 (+1 left over), 300,000.3 → 300,000, 100,000.1 → 100,000.
    expect(allocateBudget(1_000_001, [60, 30, 10], [1e9, 1e9, 1e9])).toEqual([
      600_001, 300_000, 100_000,
    ]);
  });
  test('on a tie the first listed of the largest shares takes the yen', () => {
    expect(allocateBudget(1000, [1, 1, 1], [1e6, 1e6, 1e6])).toEqual([334, 333, 333]);
    // 1,001 × (1, 2, 2) / 5 = 200.2, 400.4, 400.4 → 200, 400, 400; 1 yen to B (first of the 2s).
    expect(allocateBudget(1001, [1, 2, 2], [1e6, 1e6, 1e6])).toEqual([200, 401, 400]);
  });
  test('what a repaid lender cannot take goes to the others by their shares', () => {
    // 1,000万 × 50/30/20 % = 500万 / 300万 / 200万; A is owed 100万: its 400万 go 30:20.
    expect(allocateBudget(10_000_000, [50, 30, 20], [1_000_000, 1e9, 1e9])).toEqual([
      1_000_000, 5_400_000, 3_600_000,
    ]);
  });
  test('repeated until placed', () => {
    // B owed 400万: after A's 400万 is shared, B can take 100万 more; C takes the rest.
    expect(allocateBudget(10_000_000, [50, 30, 20], [1_000_000, 4_000_000, 1e9])).toEqual([
      1_000_000, 4_000_000, 5_000_000,
    ]);
  });
  test('a budget above everything owed pays what is owed', () => {
    expect(allocateBudget(10_000_000, [1, 1], [100, 200])).toEqual([100, 200]);
  });
  test('a zero share gets nothing while others are owed', () => {
    expect(allocateBudget(1_000, [0, 20, 2], [1e6, 1e6, 1e6])).toEqual([0, 910, 90]);
  });
});

describe('within a lender and within a year', () => {
  test('pro rata by balance, the last loan still owed takes the remainder', () => {
    expect(spreadOverLoans(1000, [3000, 0, 1000])).toEqual([750, 0, 250]);
    expect(spreadOverLoans(1001, [1000, 1000, 1000])).toEqual([333, 333, 335]);
    expect(spreadOverLoans(500, [1000, 1000, 0])).toEqual([250, 250, 0]);
  });
  test('12 monthly parts: floor, month 12 takes the rest', () => {
    const parts = monthlyParts(1_000_000);
    expect(parts.slice(0, 11)).toEqual(Array(11).fill(83_333));
    expect(parts[11]).toBe(83_337);
  });
});

describe('清算配当率 and recoveries', () => {
  const liq = {
    assets: [
      { item: '現預金', bookValue: 5_000_000, value: 5_000_000 },
      { item: '売掛金', bookValue: 30_000_000, haircut: 0.7 },
      { item: '棚卸資産', bookValue: 22_000_000, haircut: 0.2 },
      { item: '土地', bookValue: 80_000_000, haircut: 0.7, collateralId: 'land' },
    ],
    priorityClaims: 10_400_000,
    otherGeneralLiabilities: 50_000_000,
  };
  test('free assets less priority claims over unsecured claims and other liabilities', () => {
    // 500万 + 2,100万 + 440万 = 3,040万 (the pledged land left out); − 1,040万 = 2,000万;
    // ÷ (1.5億 + 5,000万) = 10 %.
    const r = liquidationRate(liq, 150_000_000);
    expect(r).toMatchObject({
      freeAssets: 30_400_000,
      numerator: 20_000_000,
      denominator: 200_000_000,
    });
    expect(r.rate).toBe(0.1);
    // B: 保全 1,000万 + 10 % × 非保全 2,000万 = 1,200万.
    expect(liquidationRecovery(10_000_000, 20_000_000, r)).toBe(12_000_000);
  });
  test('priority claims above the free assets: 0 %', () => {
    expect(liquidationRate({ ...liq, priorityClaims: 40_000_000 }, 1e8).rate).toBe(0);
  });
  test('plan recovery: repayments plus the end balance × the terminal rate', () => {
    expect(planRecovery([1_000_000, 2_000_000], 7_000_000, 1)).toBe(10_000_000);
    expect(planRecovery([1_000_000, 2_000_000], 7_000_000, 0.5)).toBe(6_500_000);
  });
});

test('whole-yen floors are exact', () => {
  expect(0.29 * 100).toBeLessThan(29); // the trap
  expect(floorTimes(100, 0.29)).toBe(29);
  expect(floorTimes(-10, 0.25)).toBe(-3);
  // 900,719,925,474 × 10,000,001 ÷ 10,000,000 (the product is past 2^53): + floor(÷ 1e7) = + 90,071.
  expect(floorMulDiv(900_719_925_474, 10_000_001, 10_000_000)).toBe(900_720_015_545);
});
