/**
 * Business days (domain.md §10): the Japanese bank calendar and schedules whose payment dates
 * move to the next (or previous) business day, ACT/365F interest running on the moved dates.
 */
import {
  JAPANESE_BANK_CALENDAR,
  adjustToBusinessDay,
  buildSchedule,
  formatIsoDate,
  loanSpecRates,
  nationalHolidaysOf,
  parseIsoDate,
  parseLoanSpec,
  parseStackFile,
  scheduleRows,
  toEpochDay,
} from '../../../engine';
import { CABINET_OFFICE_HOLIDAYS } from '../../support/cabinet-office-holidays';

const CABINET_OFFICE = CABINET_OFFICE_HOLIDAYS;

const iso = (d: number) => formatIsoDate(d);
const day = (s: string) => parseIsoDate(s)!;

describe('the Japanese bank calendar', () => {
  test.each(Object.keys(CABINET_OFFICE).map(Number))(
    '%i: the library gives exactly the Cabinet Office list',
    (year) => {
      expect(nationalHolidaysOf(year).map((h) => iso(h.date).slice(5))).toEqual(
        CABINET_OFFICE[year],
      );
    },
  );

  test('banks also close on 12/31, 1/2 and 1/3; weekends are closed; an ordinary weekday is open', () => {
    for (const d of ['2025-12-31', '2026-01-02', '2026-01-03', '2025-05-06', '2026-09-22'])
      expect([d, JAPANESE_BANK_CALENDAR.isBusinessDay(day(d))]).toEqual([d, false]);
    expect(JAPANESE_BANK_CALENDAR.isBusinessDay(day('2025-05-10'))).toBe(false); // Saturday
    expect(JAPANESE_BANK_CALENDAR.isBusinessDay(day('2025-05-11'))).toBe(false); // Sunday
    for (const d of ['2025-12-30', '2026-01-05', '2025-05-07'])
      expect([d, JAPANESE_BANK_CALENDAR.isBusinessDay(day(d))]).toEqual([d, true]);
  });

  test('the rules reach past 2050: every year to 2080 has its equinox days and 15+ holidays', () => {
    for (let year = 2051; year <= 2080; year++) {
      const holidays = nationalHolidaysOf(year);
      const on = (name: string) => holidays.find((h) => h.name === name);
      const spring = iso(on('春分の日')!.date);
      const autumn = iso(on('秋分の日')!.date);
      expect(['19', '20', '21']).toContain(spring.slice(8));
      expect(spring.slice(5, 7)).toBe('03');
      expect(['21', '22', '23', '24']).toContain(autumn.slice(8));
      expect(holidays.length).toBeGreaterThanOrEqual(15);
    }
  });

  test('following, preceding and none', () => {
    const cal = JAPANESE_BANK_CALENDAR;
    // 2025-05-03 (Sat, 憲法記念日) → 05-04 Sun, 05-05 こどもの日, 05-06 振替休日 → Wed 05-07.
    expect(iso(adjustToBusinessDay(day('2025-05-03'), 'following', cal))).toBe('2025-05-07');
    expect(iso(adjustToBusinessDay(day('2025-05-03'), 'preceding', cal))).toBe('2025-05-02');
    // 2025-01-03 (bank closure) ← 01-02 closure ← 01-01 元日 ← 2024-12-31 closure: Mon 12-30.
    expect(iso(adjustToBusinessDay(day('2025-01-03'), 'preceding', cal))).toBe('2024-12-30');
    expect(iso(adjustToBusinessDay(day('2025-01-03'), 'none', cal))).toBe('2025-01-03');
  });
});

function schedule(loan: Record<string, unknown>) {
  const parsed = parseLoanSpec(loan);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return scheduleRows(buildSchedule(parsed.value, loanSpecRates(parsed.value)));
}

describe('a loan paying on the 10th, worked by hand (翌営業日 by default)', () => {
  // 36,000,000 yen, 1.5 %, equal principal 1,000,000 a month, ACT/365F, drawn Wed 2024-07-10.
  const loan = {
    principal: 36_000_000,
    annualRate: '1.5%',
    termMonths: 36,
    method: 'equal-principal',
    startDate: '2024-07-10',
  };
  const rows = schedule(loan);

  test('payment dates move past weekends, 振替休日, 成人の日 and スポーツの日', () => {
    expect(rows.map((r) => r.date)).toEqual([
      '2024-08-13', // Sat 08-10 → Sun 08-11 山の日 → Mon 08-12 振替休日 → Tue
      '2024-09-10',
      '2024-10-10',
      '2024-11-11', // Sun → Mon
      '2024-12-10',
      '2025-01-10',
      '2025-02-10',
      '2025-03-10',
      '2025-04-10',
      '2025-05-12', // Sat → Mon
      '2025-06-10',
      '2025-07-10',
      '2025-08-12', // Sun 08-10 → Mon 08-11 山の日 → Tue
      '2025-09-10',
      '2025-10-10',
      '2025-11-10',
      '2025-12-10',
      '2026-01-13', // Sat 01-10 → Sun → Mon 01-12 成人の日 → Tue
      '2026-02-10',
      '2026-03-10',
      '2026-04-10',
      '2026-05-11', // Sun → Mon
      '2026-06-10',
      '2026-07-10',
      '2026-08-10',
      '2026-09-10',
      '2026-10-13', // Sat 10-10 → Sun → Mon 10-12 スポーツの日 → Tue
      '2026-11-10',
      '2026-12-10',
      '2027-01-12', // Sun 01-10 → Mon 01-11 成人の日 → Tue
      '2027-02-10',
      '2027-03-10',
      '2027-04-12', // Sat → Mon
      '2027-05-10',
      '2027-06-10',
      '2027-07-12', // Sat → Mon
    ]);
  });

  test('interest runs on the moved dates: both neighbouring periods change', () => {
    // Period 1: 07-10 → 08-13, 34 days: 36,000,000 × 1.5 % × 34 / 365 = 50,301.37 → 50,301
    //   (unadjusted, 31 days: 45,863).
    // Period 2: 08-13 → 09-10, 28 days: 35,000,000 × 1.5 % × 28 / 365 = 40,273.97 → 40,273
    //   (unadjusted, 31 days: 44,589).
    // Period 3: 09-10 → 10-10, 30 days: 34,000,000 × 1.5 % × 30 / 365 = 41,917.81 → 41,917.
    expect(rows.slice(0, 3).map((r) => r.interest)).toEqual([50_301, 40_273, 41_917]);
    const unadjusted = schedule({ ...loan, businessDay: 'none' });
    expect(unadjusted.slice(0, 2).map((r) => r.interest)).toEqual([45_863, 44_589]);
    expect(unadjusted[0].date).toBe('2024-08-10');
    // Principal is untouched by the dates.
    expect(rows.every((r) => r.principal === 1_000_000)).toBe(true);
  });
});

describe('a loan paying on the 3rd: the New Year closures and Golden Week', () => {
  // 6,000,000 yen, 2 %, equal principal 1,000,000 a month, ACT/365F, drawn 2024-12-03.
  const loan = {
    principal: 6_000_000,
    annualRate: 0.02,
    termMonths: 6,
    method: 'equal-principal',
    startDate: '2024-12-03',
  };

  test('翌営業日: 01-03 → Mon 01-06; 05-03 → Wed 05-07 (05-06 is a 振替休日)', () => {
    const rows = schedule({ ...loan, businessDay: 'following' });
    expect(rows.map((r) => r.date)).toEqual([
      '2025-01-06',
      '2025-02-03',
      '2025-03-03',
      '2025-04-03',
      '2025-05-07',
      '2025-06-03',
    ]);
    // 34 days: 6,000,000 × 2 % × 34/365 = 11,178.08; 28 days: 5,000,000 × 2 % × 28/365 = 7,671.23;
    // 28 and 31 days on 4,000,000 and 3,000,000: 6,136.98 and 5,095.89;
    // 34 days on 2,000,000: 3,726.03; 27 days on 1,000,000: 1,479.45.
    expect(rows.map((r) => r.interest)).toEqual([11_178, 7_671, 6_136, 5_095, 3_726, 1_479]);
  });

  test('前営業日: 01-03 → Mon 2024-12-30; 05-03 → Fri 05-02', () => {
    const rows = schedule({ ...loan, businessDay: 'preceding' });
    expect(rows.map((r) => r.date)).toEqual([
      '2024-12-30',
      '2025-02-03',
      '2025-03-03',
      '2025-04-03',
      '2025-05-02',
      '2025-06-03',
    ]);
    // 27 days: 6,000,000 × 2 % × 27/365 = 8,876.71; 35 days: 5,000,000 × 2 % × 35/365 = 9,589.04;
    // then 28, 31, 29 and 32 days: 6,136.98, 5,095.89, 3,178.08, 1,753.42.
    expect(rows.map((r) => r.interest)).toEqual([8_876, 9_589, 6_136, 5_095, 3_178, 1_753]);
  });

  test('30/360 moves the dates but keeps 30 days a period (rate / 12)', () => {
    const rows = schedule({ ...loan, dayCount: '30/360' });
    expect(rows[0].date).toBe('2025-01-06');
    // 6,000,000 × 2 % / 12 = 10,000; 5,000,000 × 2 % / 12 = 8,333.33 → 8,333.
    expect(rows.slice(0, 2).map((r) => r.interest)).toEqual([10_000, 8_333]);
  });

  test('an unknown convention is refused with its path', () => {
    const parsed = parseLoanSpec({ ...loan, businessDay: 'modified-following' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.field)).toEqual(['businessDay']);
    const stack = parseStackFile({
      asOf: '2025-03-31',
      loans: [{ ...loan, annualRate: 0.02, businessDay: 'next' }],
    });
    expect(stack.ok).toBe(false);
    if (!stack.ok) expect(stack.errors.map((e) => e.field)).toEqual(['loans[0].businessDay']);
  });
});

test('a date in 2055 rolls like any other (20-year loans drawn in the 2030s)', () => {
  // 2055-01-01 is a Friday (元日); 01-02 and 01-03 are closures and a weekend follows.
  expect(
    iso(adjustToBusinessDay(toEpochDay(2055, 1, 1), 'following', JAPANESE_BANK_CALENDAR)),
  ).toBe('2055-01-04');
});
