import { AMOUNT_UNITS, AmountUnit } from '../input/case-spec';
import { FieldError, FieldReader, valueText } from '../input/field-reader';
import { BUCKET_NAMES, BucketName, DebtBucket, Firm, NO_DEBT } from './firm';

/**
 * The columns of a portfolio row (a CSV line now, a sheet row later). Amounts are in the
 * run's unit (円 by default; 千円 / 百万円 with `unit`), rates as `0.0104` or `1.04%`.
 *
 * | column                | 日本語                  | required              | meaning                                                              |
 * | --------------------- | ----------------------- | --------------------- | -------------------------------------------------------------------- |
 * | `id`                  | 企業ID                  | yes                   | the borrower's identifier                                            |
 * | `name`                | 企業名                  | no                    |                                                                      |
 * | `sector`              | 業種                    | no                    |                                                                      |
 * | `fiscalYearEndMonth`  | 決算月                  | no (3)                | 1–12                                                                 |
 * | `revenue`             | 売上高                  | no                    | checked, not used by the stress                                      |
 * | `operatingProfit`     | 営業利益                | no                    | checked, not used by the stress                                      |
 * | `ordinaryProfit`      | 経常利益                | yes                   | last closed year, after today's interest                             |
 * | `depreciation`        | 減価償却費              | yes                   | ≥ 0                                                                  |
 * | `effectiveTaxRate`    | 実効税率                | no (30%)              | taxes = rate × 経常利益 when positive                                |
 * | `cash`                | 現預金                  | yes                   | ≥ 0                                                                  |
 * | `workingCapital`      | 正常運転資金            | no (0)                | 売上債権 + 棚卸資産 − 仕入債務 (net 債務償還年数)                    |
 * | `fixedBalance`        | 固定金利借入 残高       | no (0)                | bank loans at a fixed rate                                           |
 * | `fixedRate`           | 固定金利借入 金利       | when balance > 0      | average rate of the bucket                                           |
 * | `fixedMonths`         | 固定金利借入 残存月数   | when balance > 0      | 1–600: equal-principal months left; the rate holds until then        |
 * | `floatingBalance`     | 変動金利借入 残高       | no (0)                | 短プラ / TIBOR-linked loans                                          |
 * | `floatingRate`        | 変動金利借入 金利       | when balance > 0      | the rate paid now (index + spread)                                   |
 * | `floatingMonths`      | 変動金利借入 残存月数   | when balance > 0      | 1–600                                                                |
 * | `floatingResetMonths` | 変動金利借入 次回改定月 | when balance > 0      | 0–120: months until the rate is next refixed (0 = at once)           |
 * | `jfcBalance`          | 政府系借入 残高         | no (0)                | JFC and other loans fixed at drawdown                                |
 * | `jfcRate`             | 政府系借入 金利         | when balance > 0      |                                                                      |
 * | `jfcMonths`           | 政府系借入 残存月数     | when balance > 0      | 1–600                                                                |
 */
export const FIRM_COLUMNS = [
  'id',
  'name',
  'sector',
  'fiscalYearEndMonth',
  'revenue',
  'operatingProfit',
  'ordinaryProfit',
  'depreciation',
  'effectiveTaxRate',
  'cash',
  'workingCapital',
  'fixedBalance',
  'fixedRate',
  'fixedMonths',
  'floatingBalance',
  'floatingRate',
  'floatingMonths',
  'floatingResetMonths',
  'jfcBalance',
  'jfcRate',
  'jfcMonths',
] as const;

export type FirmColumn = (typeof FIRM_COLUMNS)[number];

/** Columns a header must have; the rest may be left out (their defaults apply). */
export const REQUIRED_FIRM_COLUMNS: readonly FirmColumn[] = [
  'id',
  'ordinaryProfit',
  'depreciation',
  'cash',
];

/** Japanese headings, for bilingual headers (`経常利益 / ordinaryProfit`) and sheets. */
export const FIRM_COLUMN_LABELS: Record<FirmColumn, string> = {
  id: '企業ID',
  name: '企業名',
  sector: '業種',
  fiscalYearEndMonth: '決算月',
  revenue: '売上高',
  operatingProfit: '営業利益',
  ordinaryProfit: '経常利益',
  depreciation: '減価償却費',
  effectiveTaxRate: '実効税率',
  cash: '現預金',
  workingCapital: '正常運転資金',
  fixedBalance: '固定金利借入 残高',
  fixedRate: '固定金利借入 金利',
  fixedMonths: '固定金利借入 残存月数',
  floatingBalance: '変動金利借入 残高',
  floatingRate: '変動金利借入 金利',
  floatingMonths: '変動金利借入 残存月数',
  floatingResetMonths: '変動金利借入 次回改定月',
  jfcBalance: '政府系借入 残高',
  jfcRate: '政府系借入 金利',
  jfcMonths: '政府系借入 残存月数',
};

/** A problem in one row (1-based, as a spreadsheet counts: the header is row 1). */
export interface RowError {
  row: number;
  /** The column, or null for the row as a whole (e.g. a wrong number of cells). */
  column: string | null;
  message: string;
  value: unknown;
}

/**
 * @example
 * describeRowError({ row: 17, column: 'operatingProfit', message: 'must be a number', value: 'abc' })
 * // 'row 17, column operatingProfit: must be a number (value: "abc")'
 */
export function describeRowError(e: RowError): string {
  const column = e.column !== null && e.column.length > 60 ? `${e.column.slice(0, 60)}…` : e.column;
  const where = column === null ? `row ${e.row}` : `row ${e.row}, column ${column}`;
  const value = e.value === undefined ? '' : ` (value: ${valueText(e.value)})`;
  return `${where}: ${e.message}${value}`;
}

/** Field errors of one row (fields named by column) as row errors. */
export function rowErrors(row: number, errors: readonly FieldError[]): RowError[] {
  return errors.map((e) => ({ row, column: e.field, message: e.message, value: e.value }));
}

/** 10兆円: beyond any SME, so a larger amount is a typo (or the wrong unit). */
const MAX_AMOUNT = 1e13;

function readBucket(
  r: FieldReader,
  name: BucketName,
  unit: number,
  errors: FieldError[],
): DebtBucket | undefined {
  const before = errors.length;
  const balance = amount(r, `${name}Balance`, unit, { min: 0, fallback: 0 });
  if (balance === undefined || errors.length > before) return undefined;
  if (balance === 0) return NO_DEBT;
  const rate = r.rate(`${name}Rate`);
  const months = r.number(`${name}Months`, { min: 1, max: 600, integer: true });
  const resetMonths =
    name === 'floating' ? r.number('floatingResetMonths', { min: 0, max: 120, integer: true }) : 0;
  if (rate === undefined || months === undefined || resetMonths === undefined) return undefined;
  return { balance, rate, months, resetMonths };
}

/** An amount in the run's unit, as whole yen (a fraction of a yen is rounded away). */
function amount(
  r: FieldReader,
  key: string,
  unit: number,
  opts: { min?: number; fallback?: number } = {},
): number | undefined {
  const n = r.number(key, { min: opts.min, max: MAX_AMOUNT / unit, fallback: opts.fallback });
  if (n === undefined) return undefined;
  return Math.round(n * unit) + 0; // + 0: no −0 from Math.round(−0.4)
}

/**
 * One row (column → cell value; empty cells left out) to a Firm, every problem pushed to
 * `errors` with its column. Returns undefined when the row has any error.
 *
 * @example
 * const errors: FieldError[] = [];
 * readFirmRow({ id: 'A', ordinaryProfit: '32,000,000', depreciation: '0', cash: '0',
 *   floatingBalance: '270000000', floatingRate: '1.04%', floatingMonths: '60',
 *   floatingResetMonths: '0' }, errors);
 */
export function readFirmRow(
  record: Record<string, unknown>,
  errors: FieldError[],
  unit: AmountUnit = 'yen',
): Firm | undefined {
  const before = errors.length;
  const r = new FieldReader(record, '', errors);
  const factor = AMOUNT_UNITS[unit];
  const id = r.string('id');
  if (id !== undefined && id.trim() === '') r.fail('id', 'must not be empty');
  const name = r.string('name', '');
  const sector = r.string('sector', '');
  const fiscalYearEndMonth = r.number('fiscalYearEndMonth', {
    min: 1,
    max: 12,
    integer: true,
    fallback: 3,
  });
  const revenue = r.has('revenue') ? amount(r, 'revenue', factor, { min: 0 }) : null;
  const operatingProfit = r.has('operatingProfit') ? amount(r, 'operatingProfit', factor) : null;
  const ordinaryProfit = amount(r, 'ordinaryProfit', factor);
  const depreciation = amount(r, 'depreciation', factor, { min: 0 });
  const effectiveTaxRate = r.rate('effectiveTaxRate', { max: 0.6, fallback: 0.3 });
  const cash = amount(r, 'cash', factor, { min: 0 });
  const workingCapital = amount(r, 'workingCapital', factor, { fallback: 0 });
  const buckets = BUCKET_NAMES.map((b) => readBucket(r, b, factor, errors));
  if (errors.length > before) return undefined;
  return {
    id: id!.trim(),
    name: name!,
    sector: sector!,
    fiscalYearEndMonth: fiscalYearEndMonth!,
    revenue: revenue ?? null,
    operatingProfit: operatingProfit ?? null,
    ordinaryProfit: ordinaryProfit!,
    depreciation: depreciation!,
    effectiveTaxRate: effectiveTaxRate!,
    cash: cash!,
    workingCapital: workingCapital!,
    debt: { fixed: buckets[0]!, floating: buckets[1]!, jfc: buckets[2]! },
  };
}
