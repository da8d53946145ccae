import { epochDayOfSerial } from './excel-serial';
import { formatIsoDate, hasMisplacedComma, parseIsoDate } from '../engine';
import { SnapshotValue } from './snapshot';

/**
 * What people type into cells, turned into the values a case file holds. Each reader returns
 * `undefined` for a blank cell (not given), the value, or a problem in both languages; the
 * ranges (at least 1, at most 30 %, …) are the engine's to check, so the sheet and a JSON case
 * file obey the same rules.
 */

export interface CellProblem {
  /** Japanese predicate, written after the column's name: `は数値で入力してください`. */
  ja: string;
  /** English predicate, written after the column's English name: `must be a number`. */
  en: string;
}

export type CellRead<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };

const ok = <T>(value: T): CellRead<T> => ({ ok: true, value });
const bad = <T>(ja: string, en: string): CellRead<T> => ({ ok: false, problem: { ja, en } });

/** True for an empty cell: null, or text of spaces only (full-width spaces too). */
export function isBlank(v: SnapshotValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** NFKC (full-width digits, ％, ，, （） → ASCII), trimmed; minus signs unified to "-". */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\u2014\u2015\uFE63]/g, '-')
    .trim();
}

/** Lower-cased, spaces removed: for comparing labels, headers and choices. */
export function foldLabel(text: string): string {
  return normalizeText(text).toLowerCase().replace(/\s+/g, '');
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number typed as text: full-width digits, thousands separators (`,` `，` and spaces), a
 * leading `△` / `▲` or accounting parentheses for negatives (`△5,000`, `(5,000)`).
 */
export function parseNumberText(text: string): number | undefined {
  let t = normalizeText(text).replace(/\s/g, '');
  let negative = false;
  if (/^[△▲]/.test(t)) {
    negative = true;
    t = t.slice(1);
  } else if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  // A comma separates thousands only: "1,8" (a decimal comma) is no 18.
  if (hasMisplacedComma(t)) return undefined;
  t = t.replace(/,/g, '');
  if (!NUMBER_TEXT.test(t)) return undefined;
  const n = Number(t);
  return negative ? -n : n;
}

/** Any text kept as text (numbers become their decimal text, e.g. an ID typed as 1). */
export function readText(v: SnapshotValue): CellRead<string> | undefined {
  if (v === null || isBlank(v)) return undefined;
  if (typeof v === 'boolean') return ok(v ? 'TRUE' : 'FALSE');
  return ok(typeof v === 'number' ? String(v) : v.trim());
}

/** An amount or a count as typed: 2500000, "2,500,000", "２，５００，０００", "△500". */
export function readNumber(v: SnapshotValue): CellRead<number> | undefined {
  if (isBlank(v)) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return ok(v);
  const n = typeof v === 'string' ? parseNumberText(v) : undefined;
  return n === undefined
    ? bad('は数値で入力してください (例: 2,500,000)', 'must be a number (e.g. 2,500,000)')
    : ok(n);
}

/**
 * A rate: a number is a decimal (2.3 % typed into a %-formatted cell arrives as 0.023); text may
 * carry `%` or `％` ("2.3%", "２．３％" → 0.023) or be a decimal ("0.023"). A bare 2.3 is passed on
 * as 2.3 for the engine to refuse as out of range, as it does in a case file.
 */
export function readRate(v: SnapshotValue): CellRead<number> | undefined {
  if (isBlank(v)) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return ok(v);
  if (typeof v === 'string') {
    const t = normalizeText(v);
    const percent = /%$/.test(t);
    const n = parseNumberText(percent ? t.slice(0, -1) : t);
    // Divided as the engine divides "2.3%", so a sheet and a case file give the same number.
    if (n !== undefined) return ok(percent ? n / 100 : n);
  }
  return bad(
    'は 2.3% または 0.023 のように率で入力してください',
    'must be a rate such as 2.3% or 0.023',
  );
}

const MAX_SERIAL = 2958465; // 9999-12-31

/** Japanese eras: year 1's western year, and the first and last day of the era. */
const ERAS: Record<string, { base: number; from: string; until?: string }> = {
  r: { base: 2018, from: '2019-05-01' },
  令和: { base: 2018, from: '2019-05-01' },
  h: { base: 1988, from: '1989-01-08', until: '2019-04-30' },
  平成: { base: 1988, from: '1989-01-08', until: '2019-04-30' },
};

function isoOf(year: number, month: number, day: number): string | undefined {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseIsoDate(text) === null ? undefined : text;
}

/**
 * A date text: 2026-03-31, 2026/3/31, 2026.3.31, 2026年3月31日, 20260331, R8.3.31, 令和8年3月31日,
 * H31.4.30 (令和 and 平成 only, within their eras: 平成32年 and 令和元年4月 are no dates).
 */
export function parseDateText(text: string): string | undefined {
  const t = normalizeText(text).replace(/\s+/g, '');
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (compact) return isoOf(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const western = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (western) return isoOf(Number(western[1]), Number(western[2]), Number(western[3]));
  const era = /^(r|h|令和|平成)(\d{1,2}|元)[./年](\d{1,2})[./月](\d{1,2})日?$/i.exec(t);
  if (era) {
    const year = era[2] === '元' ? 1 : Number(era[2]);
    const { base, from, until } = ERAS[era[1].toLowerCase()];
    const iso = year >= 1 ? isoOf(base + year, Number(era[3]), Number(era[4])) : undefined;
    // ISO texts compare as dates.
    return iso !== undefined && iso >= from && (until === undefined || iso <= until)
      ? iso
      : undefined;
  }
  return undefined;
}

/** Serial of 1950-01-01: no loan, plan or as-of date of this product lies before it. */
const MIN_SERIAL = 18264;

/** A year alone, as a number or text: 2026 in a date cell is no date (Excel would show 1905). */
const isBareYear = (v: SnapshotValue) =>
  (typeof v === 'number' || typeof v === 'string') &&
  /^(19|20|21)\d\d$/.test(normalizeText(String(v)));

/** A date: an Excel serial number (a date cell) or a date text; returned as YYYY-MM-DD. */
export function readDate(v: SnapshotValue): CellRead<string> | undefined {
  if (isBlank(v)) return undefined;
  if (isBareYear(v)) {
    return bad(
      'は年だけでなく年月日で入力してください (例: 2026-03-31)',
      'must be a whole date, not a year alone (e.g. 2026-03-31)',
    );
  }
  if (typeof v === 'number' && v >= MIN_SERIAL && v <= MAX_SERIAL) {
    return ok(formatIsoDate(epochDayOfSerial(v)));
  }
  // A number that is no serial may be a date typed as digits: 20260331.
  const iso =
    typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && v > MAX_SERIAL)
      ? parseDateText(String(v))
      : undefined;
  return iso === undefined
    ? bad(
        'は日付で入力してください (例: 2026-03-31, 2026/3/31, R8.3.31)',
        'must be a date such as 2026-03-31 or 2026/3/31',
      )
    : ok(iso);
}

const TRUE_WORDS = ['はい', 'yes', 'y', 'true', '1', '○', '〇', '有', 'あり'];
const FALSE_WORDS = ['いいえ', 'no', 'n', 'false', '0', '×', '無', 'なし'];

/** はい / いいえ, yes / no, TRUE / FALSE (a checkbox cell), 1 / 0, ○ / ×. */
export function readBool(v: SnapshotValue): CellRead<boolean> | undefined {
  if (isBlank(v)) return undefined;
  if (typeof v === 'boolean') return ok(v);
  const word = foldLabel(String(v));
  if (TRUE_WORDS.includes(word)) return ok(true);
  if (FALSE_WORDS.includes(word)) return ok(false);
  return bad('は「はい」か「いいえ」で入力してください', 'must be yes or no (はい / いいえ)');
}

/** One choice of an enumeration: what the sheet shows, the value the case holds, other spellings. */
export interface Choice<T> {
  label: string;
  value: T;
  aliases?: readonly string[];
}

/** One of the choices, by its label, its value or an alias (full-width, case and spaces ignored). */
export function readChoice<T>(
  v: SnapshotValue,
  choices: readonly Choice<T>[],
): CellRead<T> | undefined {
  if (isBlank(v)) return undefined;
  const word = foldLabel(String(v));
  const found = choices.find((c) =>
    [c.label, String(c.value), ...(c.aliases ?? [])].some((w) => foldLabel(w) === word),
  );
  if (found) return ok(found.value);
  const labels = choices.map((c) => c.label).join(', ');
  return bad(`は次のいずれかで入力してください: ${labels}`, `must be one of: ${labels}`);
}
