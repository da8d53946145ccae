/**
 * The engine's 元利均等 (annuity) schedules against LibreOffice Calc, to the yen.
 *
 * One workbook holds every loan twice:
 * - rounding "none": interest, principal and payment are Calc's IPMT / PPMT / PMT on the
 *   balance where the current installment was set (the first amortizing month, or a rate
 *   reset), compared within 1e-6 yen;
 * - rounding "floor": the schedule rebuilt row by row with ROUNDDOWN(PMT(…), 0),
 *   ROUNDDOWN(balance × rate / 12, 0), principal = payment − interest and the last row
 *   repaying the balance; PMT is recomputed over the remaining term on the opening balance
 *   when the rate changes. Compared exactly.
 *
 * All loans are 30/360 with a start day ≤ 28, so every period accrues rate / 12. The
 * workbook is recalculated by ONE headless soffice run (start-up is the slow part).
 */
import ExcelJS from 'exceljs';
import {
  ScheduleRow,
  buildSchedule,
  loanSpecRates,
  parseLoanSpec,
  scheduleRows,
} from '../../engine';
import { cellNumber, describeWithLibreOffice, recalculateWorkbook } from '../support/libreoffice';

interface ReferenceLoan {
  id: string;
  principal: number;
  annualRate: number;
  termMonths: number;
  graceMonths: number;
  startDate: string;
  resets: { fromPeriod: number; annualRate: number }[];
}

const LOANS: ReferenceLoan[] = [
  {
    id: 'A',
    principal: 10_000_000,
    annualRate: 0.02,
    termMonths: 120,
    graceMonths: 0,
    startDate: '2025-04-10',
    resets: [],
  },
  {
    id: 'B',
    principal: 30_000_000,
    annualRate: 0.01475,
    termMonths: 84,
    graceMonths: 6,
    startDate: '2024-11-25',
    resets: [],
  },
  {
    id: 'C',
    principal: 500_000_000,
    annualRate: 0.031,
    termMonths: 240,
    graceMonths: 0,
    startDate: '2025-01-28',
    resets: [],
  },
  {
    // Floating loan: rises, then a fall; PMT recomputed on each reset's opening balance.
    id: 'D',
    principal: 80_000_000,
    annualRate: 0.0165,
    termMonths: 96,
    graceMonths: 3,
    startDate: '2025-06-01',
    resets: [
      { fromPeriod: 13, annualRate: 0.0215 },
      { fromPeriod: 37, annualRate: 0.029 },
      { fromPeriod: 61, annualRate: 0.024 },
    ],
  },
  {
    // A reset inside the grace months (interest only moves) and one after it.
    id: 'E',
    principal: 20_000_000,
    annualRate: 0.012,
    termMonths: 60,
    graceMonths: 12,
    startDate: '2025-03-15',
    resets: [
      { fromPeriod: 7, annualRate: 0.017 },
      { fromPeriod: 30, annualRate: 0.022 },
    ],
  },
];

type Mode = 'none' | 'floor';
const MODES: Mode[] = ['none', 'floor'];
/**
 * Without rounding, the engine's last installment repays the running balance, which carries
 * the rounding of one double subtraction per month: about 1e-16 of the principal each. Allow
 * 1e-6 yen, or 1e-13 of the principal where that is larger (3e-5 yen on 3億円).
 */
const noneTolerance = (loan: ReferenceLoan) => Math.max(1e-6, loan.principal * 1e-13);

/** The contract rate of period k (1-based), read from the loan table, not from the engine. */
function rateOfPeriod(loan: ReferenceLoan, k: number): number {
  let rate = loan.annualRate;
  for (const reset of loan.resets) if (reset.fromPeriod <= k) rate = reset.annualRate;
  return rate;
}

function engineRows(loan: ReferenceLoan, rounding: Mode): ScheduleRow[] {
  const parsed = parseLoanSpec({
    principal: loan.principal,
    annualRate: loan.annualRate,
    termMonths: loan.termMonths,
    graceMonths: loan.graceMonths,
    method: 'annuity',
    dayCount: '30/360',
    startDate: loan.startDate,
    rounding,
    resets: loan.resets,
  });
  if (!parsed.ok) throw new Error(`loan ${loan.id}: ${JSON.stringify(parsed.errors)}`);
  return scheduleRows(buildSchedule(parsed.value, loanSpecRates(parsed.value)));
}

const sheetName = (loan: ReferenceLoan, mode: Mode) => `${loan.id}-${mode}`;

/** Parameters in B1:B3, headers in row 5, period k in row FIRST_ROW + k − 1. */
const FIRST_ROW = 6;
const COLUMNS = [
  'period',
  'rate',
  'opening',
  'installment',
  'interest',
  'principal',
  'payment',
  'closing',
  'segStart',
  'segBalance',
];
const col = (name: string) => String.fromCharCode(65 + COLUMNS.indexOf(name));

/**
 * The reference sheet of one loan. Row r is period k = r − FIRST_ROW + 1; columns:
 * A period, B annual rate (input), C opening, D installment (PMT), E interest, F principal,
 * G payment, H closing, I first period of the current installment, J balance at that period.
 */
function addReferenceSheet(workbook: ExcelJS.Workbook, loan: ReferenceLoan, mode: Mode): void {
  const ws = workbook.addWorksheet(sheetName(loan, mode));
  ws.getCell('A1').value = 'principal';
  ws.getCell('B1').value = loan.principal;
  ws.getCell('A2').value = 'termMonths';
  ws.getCell('B2').value = loan.termMonths;
  ws.getCell('A3').value = 'graceMonths';
  ws.getCell('B3').value = loan.graceMonths;
  ws.getRow(FIRST_ROW - 1).values = COLUMNS;
  const round = (x: string) => (mode === 'floor' ? `ROUNDDOWN(${x},0)` : x);
  for (let k = 1; k <= loan.termMonths; k++) {
    const r = FIRST_ROW + k - 1;
    const p = r - 1;
    const first = k === 1;
    const set = (name: string, value: ExcelJS.CellValue) =>
      (ws.getCell(`${col(name)}${r}`).value = value);
    // The installment is (re)set at the first amortizing period and whenever the rate changes.
    const newInstallment = first ? `A${r}=$B$3+1` : `OR(A${r}=$B$3+1,B${r}<>B${p})`;
    set('period', k);
    set('rate', rateOfPeriod(loan, k));
    set('opening', { formula: first ? '$B$1' : `H${p}` });
    set('segStart', {
      formula: first ? `A${r}` : `IF(OR(A${r}<=$B$3,${newInstallment}),A${r},I${p})`,
    });
    set('segBalance', { formula: first ? `C${r}` : `IF(I${r}=A${r},C${r},J${p})` });
    const pmt = round(`PMT(B${r}/12,$B$2-A${r}+1,-C${r})`);
    set('installment', {
      formula: first
        ? `IF(A${r}<=$B$3,0,${pmt})`
        : `IF(A${r}<=$B$3,0,IF(${newInstallment},${pmt},D${p}))`,
    });
    if (mode === 'floor') {
      set('interest', { formula: `ROUNDDOWN(C${r}*B${r}/12,0)` });
      set('principal', { formula: `IF(A${r}=$B$2,C${r},IF(A${r}<=$B$3,0,D${r}-E${r}))` });
      set('payment', { formula: `E${r}+F${r}` });
    } else {
      // Closed forms on the balance J where the current installment began (period I).
      const args = `B${r}/12,A${r}-I${r}+1,$B$2-I${r}+1,-J${r}`;
      set('interest', { formula: `IF(A${r}<=$B$3,C${r}*B${r}/12,IPMT(${args}))` });
      set('principal', { formula: `IF(A${r}<=$B$3,0,PPMT(${args}))` });
      set('payment', { formula: `IF(A${r}<=$B$3,E${r},PMT(B${r}/12,$B$2-I${r}+1,-J${r}))` });
    }
    set('closing', { formula: `C${r}-F${r}` });
  }
}

/** A formula whose cached value is deliberately wrong: it reads 2 only if Calc recalculated. */
const SENTINEL = { sheet: 'check', address: 'A1', formula: '1+1', stale: 7, fresh: 2 };

interface Mismatch {
  loan: string;
  period: number;
  field: string;
  engine: number;
  libreoffice: number;
  difference: number;
}

describeWithLibreOffice('engine schedules vs LibreOffice Calc (PMT / IPMT / PPMT)', (soffice) => {
  let calc: ExcelJS.Workbook;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const check = workbook.addWorksheet(SENTINEL.sheet);
    check.getCell(SENTINEL.address).value = { formula: SENTINEL.formula, result: SENTINEL.stale };
    for (const loan of LOANS) for (const mode of MODES) addReferenceSheet(workbook, loan, mode);
    const started = Date.now();
    const recalculated = await recalculateWorkbook(workbook, {
      soffice,
      name: 'libreoffice-reference',
    });
    calc = recalculated.workbook;
    console.log(
      `LibreOffice recalculated ${LOANS.length * MODES.length} schedules in ${recalculated.elapsedMs} ms ` +
        `(write + convert + read ${Date.now() - started} ms)`,
    );
  }, 240_000);

  test('values come from LibreOffice: stale cached results are recalculated', () => {
    expect(cellNumber(calc.getWorksheet(SENTINEL.sheet)!, SENTINEL.address)).toBe(SENTINEL.fresh);
    // And a deep formula (the last closing balance of the longest loan) has a result.
    const c = LOANS.find((l) => l.id === 'C')!;
    const ws = calc.getWorksheet(sheetName(c, 'floor'))!;
    expect(cellNumber(ws, `${col('installment')}${FIRST_ROW}`)).toBeGreaterThan(0);
    expect(cellNumber(ws, `${col('closing')}${FIRST_ROW + c.termMonths - 1}`)).toBe(0);
  });

  describe.each(LOANS.map((loan) => [loan.id, loan] as const))('loan %s', (_id, loan) => {
    test.each(MODES)('rounding "%s" matches Calc period by period', (mode) => {
      const ws = calc.getWorksheet(sheetName(loan, mode));
      if (!ws) throw new Error(`sheet ${sheetName(loan, mode)} missing from LibreOffice's output`);
      const rows = engineRows(loan, mode);
      expect(rows).toHaveLength(loan.termMonths);
      const fields: (keyof ScheduleRow)[] =
        mode === 'floor'
          ? ['opening', 'interest', 'principal', 'payment', 'closing']
          : ['interest', 'principal', 'payment'];
      const mismatches: Mismatch[] = [];
      for (const row of rows) {
        const r = FIRST_ROW + row.period - 1;
        expect(cellNumber(ws, `${col('period')}${r}`)).toBe(row.period);
        for (const field of fields) {
          const engine = row[field] as number;
          const libreoffice = cellNumber(ws, `${col(field)}${r}`);
          const off = Math.abs(engine - libreoffice);
          const bad = mode === 'floor' ? engine !== libreoffice : !(off <= noneTolerance(loan));
          if (bad) {
            const difference = engine - libreoffice;
            mismatches.push({
              loan: `${loan.id}-${mode}`,
              period: row.period,
              field,
              engine,
              libreoffice,
              difference,
            });
          }
        }
      }
      expect(mismatches.slice(0, 20)).toEqual([]);
      if (mode === 'floor') {
        // Both sides repay exactly the principal.
        expect(rows[rows.length - 1].closing).toBe(0);
      } else {
        expect(Math.abs(rows[rows.length - 1].closing)).toBeLessThan(noneTolerance(loan));
      }
    });
  });
});
