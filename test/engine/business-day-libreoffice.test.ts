/**
 * A 36-month 元利均等 loan under ACT/365F with 翌営業日 payment dates, against LibreOffice Calc:
 * Calc moves each EDATE with WORKDAY(date − 1, 1, holidays) over the Cabinet Office's 2024–2027
 * holidays plus the bank closures (typed in the test, not from the engine's library), counts
 * the days between the moved dates and floors balance × rate × days / 365 to the yen, the
 * installment ROUNDDOWN(PMT(rate / 12, 36, balance)), the last row repaying the balance.
 * The engine must match every date, day count and yen.
 */
import ExcelJS from 'exceljs';
import {
  buildSchedule,
  loanSpecRates,
  parseIsoDate,
  parseLoanSpec,
  scheduleRows,
} from '../../engine';
import { cellNumber, describeWithLibreOffice, recalculateWorkbook } from '../support/libreoffice';
import { BANK_CLOSURES, CABINET_OFFICE_HOLIDAYS } from '../support/cabinet-office-holidays';

const LOAN = {
  principal: 30_000_000,
  annualRate: 0.0185,
  termMonths: 36,
  method: 'annuity',
  dayCount: 'ACT/365F',
  startDate: '2024-07-10',
  businessDay: 'following',
};

/** Excel serial of an ISO date (1900 system; serial 25569 = 1970-01-01). */
const serial = (isoDate: string) => parseIsoDate(isoDate)! + 25569;
const FIRST = 6;

describeWithLibreOffice(
  'business-day schedule vs LibreOffice WORKDAY (ACT/365F, to the yen)',
  (soffice) => {
    let ws: ExcelJS.Worksheet;

    beforeAll(async () => {
      const workbook = new ExcelJS.Workbook();
      const hol = workbook.addWorksheet('holidays');
      const closed = Object.entries(CABINET_OFFICE_HOLIDAYS).flatMap(([year, days]) =>
        [...days, ...BANK_CLOSURES].map((md) => serial(`${year}-${md}`)),
      );
      closed.forEach((s, i) => (hol.getCell(`A${i + 1}`).value = s));
      const range = `holidays!$A$1:$A$${closed.length}`;
      const sheet = workbook.addWorksheet('loan');
      sheet.getCell('B1').value = LOAN.principal;
      sheet.getCell('B2').value = LOAN.annualRate;
      sheet.getCell('B3').value = LOAN.termMonths;
      sheet.getCell('B4').value = serial(LOAN.startDate);
      for (let k = 1; k <= LOAN.termMonths; k++) {
        const r = FIRST + k - 1;
        const p = r - 1;
        const set = (c: string, formula: string) => (sheet.getCell(`${c}${r}`).value = { formula });
        sheet.getCell(`A${r}`).value = k;
        set('B', `EDATE($B$4,A${r})`);
        set('C', `WORKDAY(B${r}-1,1,${range})`);
        set('D', k === 1 ? `C${r}-$B$4` : `C${r}-C${p}`);
        set('E', k === 1 ? '$B$1' : `I${p}`);
        set('F', 'ROUNDDOWN(PMT($B$2/12,$B$3,-$B$1),0)');
        set('G', `ROUNDDOWN(E${r}*$B$2*D${r}/365,0)`);
        set('H', `IF(A${r}=$B$3,E${r},F${r}-G${r})`);
        set('I', `E${r}-H${r}`);
        set('J', `VALUE(TEXT(C${r},"yyyymmdd"))`);
      }
      ws = (
        await recalculateWorkbook(workbook, { soffice, name: 'business-day-reference' })
      ).workbook.getWorksheet('loan')!;
    }, 240_000);

    test('dates, days, interest, principal and balance match row by row', () => {
      const parsed = parseLoanSpec(LOAN);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const schedule = buildSchedule(parsed.value, loanSpecRates(parsed.value));
      const rows = scheduleRows(schedule);
      const mismatches: unknown[] = [];
      rows.forEach((row, i) => {
        const r = FIRST + i;
        const calc = {
          date: String(cellNumber(ws, `J${r}`)),
          days: cellNumber(ws, `D${r}`),
          interest: cellNumber(ws, `G${r}`),
          principal: cellNumber(ws, `H${r}`),
          closing: cellNumber(ws, `I${r}`),
        };
        const engine = {
          date: row.date.replace(/-/g, ''),
          days: schedule.days[i],
          interest: row.interest,
          principal: row.principal,
          closing: row.closing,
        };
        if (JSON.stringify(calc) !== JSON.stringify(engine))
          mismatches.push({ row: i + 1, calc, engine });
      });
      expect(mismatches).toEqual([]);
      // Moved dates are really in the schedule (Sat 2024-08-10 → Tue 08-13 after 山の日 and its 振替休日).
      expect(rows[0].date).toBe('2024-08-13');
      expect(rows[rows.length - 1].closing).toBe(0);
    });
  },
);
