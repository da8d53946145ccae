import {
  FIRM_COLUMNS,
  FieldError,
  ROW_ERROR_LIST_CAP,
  describeRowError,
  firmCsvHeaderLine,
  firmCsvLine,
  readFirmCsvHeader,
  readFirmCsvLines,
  readFirmRow,
  splitCsvLine,
} from '../../../engine';
import { HAND_FIRMS } from './hand-portfolio';

const HEADER = readFirmCsvHeader(FIRM_COLUMNS, 1);
if (!('header' in HEADER)) throw new Error('the full column list must be a valid header');
const header = HEADER.header;

/** A valid line in FIRM_COLUMNS order with some cells replaced. */
function line(changes: Partial<Record<(typeof FIRM_COLUMNS)[number], string>> = {}): string {
  const base: Record<string, string> = {
    id: 'F1',
    name: 'テスト',
    sector: '製造業',
    fiscalYearEndMonth: '3',
    revenue: '500000000',
    operatingProfit: '40000000',
    ordinaryProfit: '32000000',
    depreciation: '10000000',
    effectiveTaxRate: '30%',
    cash: '50000000',
    workingCapital: '',
    fixedBalance: '100000000',
    fixedRate: '1.2%',
    fixedMonths: '60',
    floatingBalance: '170000000',
    floatingRate: '0.95%',
    floatingMonths: '84',
    floatingResetMonths: '3',
    jfcBalance: '0',
    jfcRate: '',
    jfcMonths: '',
  };
  return FIRM_COLUMNS.map((c) => changes[c] ?? base[c]).join(',');
}

describe('CSV lines', () => {
  test('splits quoted cells, doubled quotes and spaces around cells', () => {
    expect(splitCsvLine('a, "b,c" ,"say ""hi""",,  d ')).toEqual({
      cells: ['a', 'b,c', 'say "hi"', '', 'd'],
    });
    expect(splitCsvLine('"open')).toEqual({
      error: 'a quoted cell is not closed (line breaks inside quotes are not supported)',
    });
    expect(splitCsvLine('"a"b')).toEqual({ error: 'text after a closing quote' });
  });

  test('the writer and the reader agree: each hand firm comes back as it went out', () => {
    const read = readFirmCsvLines(header, HAND_FIRMS.map(firmCsvLine), 2);
    expect(read.errors).toEqual([]);
    expect(read.firms).toEqual(HAND_FIRMS);
    expect(read.rows).toEqual([2, 3, 4]);
    expect(firmCsvHeaderLine()).toBe(FIRM_COLUMNS.join(','));
  });
});

describe('header', () => {
  test('any order, bilingual headings read by the part after the slash', () => {
    const read = readFirmCsvHeader(
      ['経常利益 / ordinaryProfit', 'cash', '\uFEFFid', 'depreciation'],
      1,
    );
    expect(read).toEqual({ header: { columns: ['ordinaryProfit', 'cash', 'id', 'depreciation'] } });
  });

  test('a missing required column, an unknown one and a duplicate are all reported', () => {
    const read = readFirmCsvHeader(
      ['id', 'ordinaryProfit', 'ordinaryProfit', 'cash', 'fixedBalanse'],
      1,
    );
    expect('errors' in read && read.errors.map(describeRowError)).toEqual([
      'row 1, column ordinaryProfit: appears twice in the header (value: "ordinaryProfit")',
      'row 1, column fixedBalanse: is not a known column (did you mean "fixedBalance"?) (value: "fixedBalanse")',
      'row 1, column depreciation: is missing from the header (required)',
    ]);
  });
});

describe('rows', () => {
  test('a good row: rates in % or decimals, amounts with separators, defaults for blanks', () => {
    const read = readFirmCsvLines(
      header,
      [line({ revenue: '"500,000,000"', fixedRate: '0.012' })],
      2,
    );
    expect(read.errors).toEqual([]);
    const [firm] = read.firms;
    expect(firm.revenue).toBe(500_000_000);
    expect(firm.workingCapital).toBe(0);
    expect(firm.debt.fixed).toEqual({
      balance: 100_000_000,
      rate: 0.012,
      months: 60,
      resetMonths: 0,
    });
    expect(firm.debt.floating).toEqual({
      balance: 170_000_000,
      rate: 0.0095,
      months: 84,
      resetMonths: 3,
    });
    expect(firm.debt.jfc.balance).toBe(0);
  });

  test('errors name the row and the column: a bad number, a negative balance, a missing rate', () => {
    const lines = [
      line(),
      line({ operatingProfit: 'abc' }),
      '',
      line({ floatingBalance: '-5000000' }),
      line({ fixedRate: '', fixedMonths: '0' }),
      line({ fixedRate: '1.2' }),
      'F9,too,few',
    ];
    const read = readFirmCsvLines(header, lines, 2);
    expect(read.firms.map((f) => f.id)).toEqual(['F1']);
    expect(read.badRows).toBe(5);
    expect(read.errors.map(describeRowError)).toEqual([
      'row 3, column operatingProfit: must be a number (value: "abc")',
      // row 4 is blank: skipped, still counted.
      'row 5, column floatingBalance: must be at least 0 (value: -5000000)',
      'row 6, column fixedRate: is required',
      'row 6, column fixedMonths: must be at least 1 (value: 0)',
      'row 7, column fixedRate: must be a rate between 0% and 30% — write 2.3 % as 0.023 or "2.3%" (value: 1.2)',
      'row 8: has 3 cells, the header has 21',
    ]);
    expect(read.errorCount).toBe(6);
  });

  test('amounts in 千円 or 百万円 become whole yen', () => {
    const errors: FieldError[] = [];
    const firm = readFirmRow(
      {
        id: 'X',
        ordinaryProfit: '32.5',
        depreciation: '0',
        cash: '1.2345678',
        jfcBalance: '270',
        jfcRate: '1%',
        jfcMonths: '120',
      },
      errors,
      'million',
    );
    expect(errors).toEqual([]);
    expect([firm!.ordinaryProfit, firm!.cash, firm!.debt.jfc.balance]).toEqual([
      32_500_000, 1_234_568, 270_000_000,
    ]);
  });

  test('the error list stops at the cap; the count goes on', () => {
    const lines = Array.from({ length: 60 }, () => line({ ordinaryProfit: 'x', cash: '-1' }));
    const read = readFirmCsvLines(header, lines, 2);
    expect(read.errors).toHaveLength(ROW_ERROR_LIST_CAP);
    expect(read.errorCount).toBe(120);
    expect(read.badRows).toBe(60);
    expect(describeRowError(read.errors[49])).toBe(
      'row 26, column cash: must be at least 0 (value: -1)',
    );
  });
});
