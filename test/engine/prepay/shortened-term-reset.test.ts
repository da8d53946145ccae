import {
  LoanTerms,
  buildSchedule,
  flatRates,
  scheduleRows,
  shortenedInstalments,
  toEpochDay,
  toRateUnits,
} from '../../../engine';

// 12,000,000 yen over 120 months, drawn 2027-04-10, 30/360 (30 days a period: interest is
// rate / 12 of the balance, cut to whole yen). 2.4 % for periods 1–23, 3.4 % from period 24
// (a +1.00 % reset), 3,000,000 prepaid with payment 12, 期間短縮.
const terms = (method: LoanTerms['method']): LoanTerms => ({
  principal: 12_000_000,
  termMonths: 120,
  graceMonths: 0,
  method,
  dayCount: '30/360',
  startDate: toEpochDay(2027, 4, 10),
  rounding: 'floor',
  guaranteeFeeRate: 0,
  prepayment: { period: 12, amount: 3_000_000, effect: 'shorten-term' },
});
const resetRates = () => {
  const rates = flatRates(0.024, 120);
  rates.fill(toRateUnits(0.034), 23);
  return rates;
};
const rows = (t: LoanTerms) => scheduleRows(buildSchedule(t, resetRates()));

describe('期間短縮 then a rate reset: the loan keeps its shortened term', () => {
  test('annuity: ends at month 88 (12 + 76), not 120; the reset re-spreads over 65 months', () => {
    // By hand. r = 0.2 % a month; A = floor(PMT(0.002, 120, 12,000,000)) = floor(112,579.03)
    // = 112,579. Interest floor(B × 0.002) each month: payment 12 opens at 11,015,823 (interest
    // 22,031, regular principal 90,548), + 3,000,000 prepaid → 7,925,275 left.
    // Instalments the kept 112,579 needs: −ln(1 − 7,925,275 × 0.002 / 112,579) / ln(1.002)
    // = 75.95 → n = 76, the last one in month 12 + 76 = 88.
    // Months 13–23 pay 112,579 at 2.4 %: payment 24 opens at 6,850,554. At 3.4 % (r = 0.2833 %)
    // over months 24–88, 65 instalments: floor(PMT(0.034/12, 65, 6,850,554)) = 115,544
    // (the contract's 97 months left would give 80,872). Interest floor(B × 17/6000).
    // Month 88 opens at 115,226 and repays it all (interest 326).
    const r = rows(terms('annuity'));
    expect(r[11].opening).toBe(11_015_823);
    expect(r[11].principal).toBe(90_548 + 3_000_000);
    expect(r[11].closing).toBe(7_925_275);
    expect(r[22].payment).toBe(112_579);
    expect(r[23].opening).toBe(6_850_554);
    expect(r[23].payment).toBe(115_544);
    expect(r[86].payment).toBe(115_544);
    expect(r[87]).toMatchObject({ period: 88, opening: 115_226, principal: 115_226 });
    expect(r[87].interest).toBe(326);
    expect(r[87].closing).toBe(0);
    expect(r.slice(88).every((x) => x.opening === 0 && x.payment === 0)).toBe(true);
    expect(r.reduce((s, x) => s + x.principal, 0)).toBe(12_000_000);
  });

  test('equal principal has no such issue: 100,000 a month kept, ends at month 90', () => {
    // 12,000,000 / 120 = 100,000 a month. After payment 12: 12,000,000 − 1,200,000 −
    // 3,000,000 = 7,800,000 = 78 more instalments → month 90. The reset changes interest only.
    const r = rows(terms('equal-principal'));
    expect(r[11].closing).toBe(7_800_000);
    expect(r[23].principal).toBe(100_000);
    // Period 24 at 3.4 %: floor(7,800,000 − 11 × 100,000 = 6,700,000 × 17/6000) = 18,983.
    expect(r[23].interest).toBe(18_983);
    expect(r[89]).toMatchObject({ period: 90, principal: 100_000, closing: 0 });
    expect(r.slice(90).every((x) => x.payment === 0)).toBe(true);
  });

  test('返済額軽減 still re-spreads over the contract term', () => {
    const r = rows({
      ...terms('annuity'),
      prepayment: { period: 12, amount: 3_000_000, effect: 'lower-instalment' },
    });
    expect(r[119].closing).toBe(0);
    expect(r[119].principal).toBeGreaterThan(0);
  });

  test('the count of instalments at a kept instalment', () => {
    // 0 %: ceil(1,000,000 / 300,000) = 4. 1.2 % (r = 0.1 %): PMT(0.001, 12, 12,000,000) is
    // 1,006,511.91, so 12,000,000 at an instalment of 1,006,512 needs exactly 12 (11.99999…).
    expect(shortenedInstalments(1_000_000, 300_000, 0)).toBe(4);
    expect(shortenedInstalments(12_000_000, 1_006_512, toRateUnits(0.012))).toBe(12);
    expect(shortenedInstalments(0, 1_000, toRateUnits(0.012))).toBe(0);
    // An instalment below the interest never repays: nothing is shortened.
    expect(shortenedInstalments(12_000_000, 10_000, toRateUnits(0.012))).toBe(Infinity);
  });
});
