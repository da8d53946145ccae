import { readFileSync } from 'node:fs';
import {
  applyStrategy,
  buildSchedule,
  guaranteeFeeRefund,
  instalmentCoefficientPercent,
  loanSpecRates,
  lumpSumGuaranteeFee,
  parseLoanSpec,
  projectCase,
  scheduleJson,
} from '../../../engine';
import { simpleCase, testPrograms } from '../projection/fixtures';
import { runCli } from '../../cli/run-cli';
import { tempFile } from '../../support/temp-files';

describe('信用保証料 in one sum at drawdown', () => {
  test('分割係数 by instalments: 0.70 ≤ 6, 0.65 for 7–12, 0.60 for 13–24, 0.55 from 25; bullet 1.0', () => {
    const c = (termMonths: number, graceMonths = 0, method = 'equal-principal' as const) =>
      instalmentCoefficientPercent({ termMonths, graceMonths, method });
    expect([c(6), c(7), c(12), c(13), c(24), c(25), c(84, 6)]).toEqual([
      70, 65, 65, 60, 60, 55, 55,
    ]);
    expect(c(18, 12)).toBe(70); // 6 instalments after 12 months' grace
    expect(instalmentCoefficientPercent({ termMonths: 60, graceMonths: 0, method: 'bullet' })).toBe(
      100,
    );
  });

  test('amount × rate × months ÷ 12 × 係数, cut to whole yen', () => {
    const fee = (principal: number, rate: number, termMonths: number, graceMonths = 0) =>
      lumpSumGuaranteeFee({
        principal,
        guaranteeFeeRate: rate,
        termMonths,
        graceMonths,
        method: 'equal-principal',
      });
    // 30,000,000 × 0.85 % × 84/12 × 0.55 = 981,750 (78 instalments after 6 months' grace).
    expect(fee(30_000_000, 0.0085, 84, 6)).toBe(981_750);
    // 10,000,000 × 1 % × 12/12 × 0.65 = 65,000.
    expect(fee(10_000_000, 0.01, 12)).toBe(65_000);
    // 12,345,678 × 0.85 % × 60/12 × 0.55 = 288,580.22 → 288,580.
    expect(fee(12_345_678, 0.0085, 60)).toBe(288_580);
    // A bullet: 50,000,000 × 0.5 % × 36/12 × 1.0 = 750,000.
    expect(
      lumpSumGuaranteeFee({
        principal: 50_000_000,
        guaranteeFeeRate: 0.005,
        termMonths: 36,
        graceMonths: 0,
        method: 'bullet',
      }),
    ).toBe(750_000);
  });

  test('the schedule: no fee per period, the lump sum in upfrontFee and totals.fee', () => {
    const parsed = parseLoanSpec({
      principal: 30_000_000,
      annualRate: '1.475%',
      termMonths: 84,
      graceMonths: 6,
      method: 'equal-principal',
      startDate: '2026-12-10',
      guaranteeFeeRate: 0.0085,
      guaranteeFeePayment: 'lump-sum',
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const json = scheduleJson(buildSchedule(parsed.value, loanSpecRates(parsed.value)));
    expect(json.upfrontFee).toBe(981_750);
    expect(json.totals.fee).toBe(981_750);
    expect(json.rows.every((r) => r.fee === 0)).toBe(true);
  });

  test('schedule --json on the command line', () => {
    const path = tempFile('loan.json', {
      principal: 10_000_000,
      annualRate: '1%',
      termMonths: 12,
      method: 'annuity',
      startDate: '2026-04-10',
      guaranteeFeeRate: '1%',
      guaranteeFeePayment: 'lump-sum',
    });
    const r = runCli('schedule', path, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { upfrontFee: number; totals: { fee: number } };
    expect([out.upfrontFee, out.totals.fee]).toEqual([65_000, 65_000]);
    const bad = runCli(
      'schedule',
      tempFile('loan.json', {
        ...JSON.parse(readFileSync(path, 'utf8')),
        guaranteeFeePayment: 'yearly',
      }),
      '--json',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('guaranteeFeePayment');
  });
});

describe('refinancing a lump-sum-fee loan: refund of the unused fee, a new lump sum', () => {
  test('返戻保証料 pro rata temporis: 20,000,000 with 48 months left at 0.85 % → 374,000', () => {
    // 20,000,000 × 0.85 % × 48/12 × 0.55 = 374,000.
    expect(
      guaranteeFeeRefund(20_000_000, 48, 0, {
        guaranteeFeeRate: 0.0085,
        method: 'equal-principal',
      }),
    ).toBe(374_000);
  });

  test('plan year 1 pays the new loan’s 6,600,000 and gets 5,610,000 back', () => {
    const base = simpleCase();
    const a = base.stack.loans[0];
    // Loan A (120,000,000, 120 months left) carries a 0.85 % fee paid in one sum at drawdown.
    const loanA = {
      ...a,
      terms: {
        ...a.terms,
        guaranteeFeeRate: 0.0085,
        guaranteeFeePayment: 'lump-sum' as const,
        feePaidBefore: true,
      },
    };
    const c = simpleCase({ stack: { ...base.stack, loans: [loanA] } });
    const pricing = (id: string) =>
      id === 'guaranteed'
        ? { id, method: 'equal-principal' as const, baseRate: () => 0.02, guaranteeFeeRate: 0.01 }
        : testPrograms.pricing(id, 'sme');
    const { book, errors } = applyStrategy(
      c.stack.loans,
      {
        id: 'refi',
        name: 'refi',
        actions: [
          {
            kind: 'refinance',
            select: { loanIds: ['A'] },
            programId: 'guaranteed',
            termMonths: 120,
            graceMonths: 0,
          },
        ],
      },
      c.asOf,
      pricing,
      'strategies[0]',
    );
    expect(errors).toEqual([]);
    // Refund: 120,000,000 × 0.85 % × 120/12 × 0.55 = 5,610,000.
    expect(book.guaranteeFeeRefund).toBe(5_610_000);
    const scenario = {
      indexes: c.stack.indexes,
      shock: null,
      mode: 'realistic' as const,
      asOf: c.asOf,
    };
    const p = projectCase(c, book, scenario, testPrograms.capitalRate);
    // New loan: 120,000,000 × 1 % × 120/12 × 0.55 = 6,600,000, paid at drawdown (plan month 0).
    expect(p.seniorSchedules[0].upfrontFee).toBe(6_600_000);
    expect(p.years[0].guaranteeFees).toBe(6_600_000 - 5_610_000);
    expect(p.years[1].guaranteeFees).toBe(0);
    // The status quo (fee paid before the plan) pays nothing more.
    const sq = projectCase(
      c,
      { senior: c.stack.loans, capital: [], newMoney: 0, refinancings: [] },
      scenario,
      testPrograms.capitalRate,
    );
    expect(sq.years[0].guaranteeFees).toBe(0);
  });
});
