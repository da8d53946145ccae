import { Firm, NO_DEBT } from '../../../engine';

/**
 * Three firms whose plan-year figures are worked by hand in portfolio-stress.test.ts. All close
 * their year in March; with the analysis date 2026-03-31 the plan year runs Apr 2026 – Mar 2027:
 * 12 payments on the month end, 365 days (30 31 30 31 31 30 31 30 31 31 28 31). Balances are
 * chosen so that each month's interest is a whole number of yen (balance × rate ÷ 365 is).
 */
export const HAND_FIRMS: Firm[] = [
  {
    // A: floating 3.65億 at 1.00 %, refixed in 6 months (Sep 30): the last 6 periods, 182 days.
    id: 'A',
    name: '甲商店',
    sector: '小売業',
    fiscalYearEndMonth: 3,
    revenue: 900_000_000,
    operatingProfit: 6_650_000,
    ordinaryProfit: 3_000_000,
    depreciation: 20_000_000,
    effectiveTaxRate: 0.3,
    cash: 80_000_000,
    workingCapital: 0,
    debt: {
      fixed: NO_DEBT,
      floating: { balance: 365_000_000, rate: 0.01, months: 240, resetMonths: 6 },
      jfc: NO_DEBT,
    },
  },
  {
    // B: bank fixed 7,300万 at 2.00 % maturing in 4 months (Jul 31: 243 days after it) and
    // JFC 1.46億 at 1.50 % for 10 more years.
    id: 'B',
    name: '乙製作所',
    sector: '製造業',
    fiscalYearEndMonth: 3,
    revenue: null,
    operatingProfit: null,
    ordinaryProfit: 50_000_000,
    depreciation: 5_000_000,
    effectiveTaxRate: 0.3,
    cash: 10_000_000,
    workingCapital: 0,
    debt: {
      fixed: { balance: 73_000_000, rate: 0.02, months: 4, resetMonths: 0 },
      floating: NO_DEBT,
      jfc: { balance: 146_000_000, rate: 0.015, months: 120, resetMonths: 0 },
    },
  },
  {
    // C: already loss-making; floating 3,650万 at 3.00 % refixed at once; cash above its debt.
    id: 'C',
    name: '丙旅館',
    sector: '宿泊業',
    fiscalYearEndMonth: 3,
    revenue: 120_000_000,
    operatingProfit: -905_000,
    ordinaryProfit: -2_000_000,
    depreciation: 3_000_000,
    effectiveTaxRate: 0.3,
    cash: 40_000_000,
    workingCapital: 0,
    debt: {
      fixed: NO_DEBT,
      floating: { balance: 36_500_000, rate: 0.03, months: 60, resetMonths: 0 },
      jfc: NO_DEBT,
    },
  },
];
