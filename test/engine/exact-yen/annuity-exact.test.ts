/**
 * Regressions found by the independent schedule reference (test/reference/): the 元利均等
 * instalment cut to whole yen and the 期間短縮 count are decided exactly, not by a
 * floating-point value that sits a hair on the wrong side of a whole number.
 */
import { annuityPayment, buildSchedule, scheduleJson, shortenedInstalments } from '../../../engine';
import { parseIsoDate } from '../../../engine/time/civil-date';
import { toRateUnits } from '../../../engine/interest/rate-units';

describe('元利均等 instalment cut to the yen exactly', () => {
  it('floors the exact PMT where the floating-point one lands on the other side', () => {
    // PMT = B·r/(1 − (1 + r)^−n), r = annual / 12, worked in exact fractions:
    // 130,302,077 × 0.03106 %, 2 months: 65,153,567.99998… → 65,153,567 (float gave …568).
    expect(annuityPayment(130_302_077, toRateUnits(0.0003106), 2, true)).toBe(65_153_567);
    // 719,832,971 × 0.06881 %, 5 months: 143,991,361.00008… → 143,991,361 (float gave …360).
    expect(annuityPayment(719_832_971, toRateUnits(0.0006881), 5, true)).toBe(143_991_361);
    // 780,027,763 × 0.0524 %, 323 months: 2,432,070.0000025… → 2,432,070 (float gave …069).
    expect(annuityPayment(780_027_763, toRateUnits(0.000524), 323, true)).toBe(2_432_070);
    // A tiny rate: 5,000,000,000 × 0.00001 %, 2 months = B(1 + r)²/(2 + r) = 2,500,000,031.25;
    // 1 − (1 + r)^−2 cancelled to 5 yen short before.
    expect(annuityPayment(5_000_000_000, 1, 2, true)).toBe(2_500_000_031);
  });

  it('prints the exact instalment in the schedule', () => {
    // 130,302,077 yen, 0.03106 %, 2 months from 2024-04-10 (5/10 Fri, 6/10 Mon: no move).
    // Period 1: 30 days, interest floor(130,302,077 × 0.0003106 × 30/365) = floor(3,326.45) =
    // 3,326; principal 65,153,567 − 3,326 = 65,150,241; balance 65,151,836.
    // Period 2: 31 days, interest floor(65,151,836 × 0.0003106 × 31/365) = 1,718; repays the rest.
    const schedule = buildSchedule(
      {
        principal: 130_302_077,
        termMonths: 2,
        graceMonths: 0,
        method: 'annuity',
        dayCount: 'ACT/365F',
        startDate: parseIsoDate('2024-04-10')!,
        rounding: 'floor',
        guaranteeFeeRate: 0,
        businessDay: 'following',
      },
      Float64Array.of(toRateUnits(0.0003106), toRateUnits(0.0003106)),
    );
    expect(
      scheduleJson(schedule).rows.map((r) => [r.date, r.interest, r.principal, r.closing]),
    ).toEqual([
      ['2024-05-10', 3_326, 65_150_241, 65_151_836],
      ['2024-06-10', 1_718, 65_151_836, 0],
    ]);
  });
});

describe('期間短縮 instalment count decided exactly', () => {
  it('needs a third instalment when two fall short by less than a yen', () => {
    // r = 0.23166 % / 12. Two instalments of 539,137,391 are worth
    // A(1 − (1 + r)^−2)/r = 1,077,962,620.93 < 1,077,962,621: they do not repay the balance,
    // so n = ceil(−ln(1 − B·r/A)/ln(1 + r)) = 3 (the old tolerance of 1e-9 gave 2).
    expect(shortenedInstalments(1_077_962_621, 539_137_391, toRateUnits(0.0023166))).toBe(3);
    // One yen more each and two suffice.
    expect(shortenedInstalments(1_077_962_621, 539_137_392, toRateUnits(0.0023166))).toBe(2);
  });
});
