import { EpochDay, parseIsoDate } from '../time/civil-date';

/**
 * Reads loosely typed input (JSON from a scenario file, later cells from a sheet) into typed
 * values, collecting every problem with the field it belongs to instead of stopping at the
 * first. Accepts what people type: "12,000,000", full-width digits, "2.3%".
 */

export interface FieldError {
  /** Where the bad value is: a JSON path such as `loans[2].rate.spread`. */
  field: string;
  message: string;
  value: unknown;
}

export function describeError(e: FieldError): string {
  return `${e.field}: ${e.message} (value: ${valueText(e.value)})`;
}

/** Longest echo of a bad value in a message: a huge or deep value is cut, never printed whole. */
export const MAX_VALUE_TEXT = 200;

/** A value as JSON for a message, at most MAX_VALUE_TEXT characters. */
export function valueText(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Array.isArray(value) ? '[…]' : typeof value === 'object' ? '{…}' : String(value);
  }
  return text.length <= MAX_VALUE_TEXT ? text : `${text.slice(0, MAX_VALUE_TEXT)}…`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const FULL_WIDTH = /[０-９．，－＋％]/g;

/** Full-width digits and signs to ASCII, thousands separators and spaces removed. */
export function normalizeNumberText(text: string): string {
  return text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,\s]/g, '');
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * True when a comma in a number is no thousands separator ("1,8" — a decimal comma — or
 * "12,34,567"): such text is refused, never read as 18 or 1234567.
 */
export function hasMisplacedComma(text: string): boolean {
  const t = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!t.includes(',')) return false;
  return !/^\s*[+-]?\d{1,3}(,\d{3})+(\.\d*)?\s*%?\s*$/.test(t);
}

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string' || hasMisplacedComma(raw)) return undefined;
  const text = normalizeNumberText(raw);
  return NUMBER_TEXT.test(text) ? Number(text) : undefined;
}

/** The hint for a decimal comma: "1,8%" is no 18 %. */
function commaHint(raw: unknown): string {
  return typeof raw === 'string' && hasMisplacedComma(raw)
    ? ' (a comma only separates thousands: write 1.8, not 1,8)'
    : '';
}

/** A reader over one object; `at` is the object's own path ("" for the root). */
export class FieldReader {
  constructor(
    private readonly obj: Record<string, unknown>,
    private readonly at: string,
    readonly errors: FieldError[],
  ) {}

  static of(raw: unknown, at: string, errors: FieldError[]): FieldReader | undefined {
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      return new FieldReader(raw as Record<string, unknown>, at, errors);
    }
    errors.push({ field: at || '(root)', message: 'must be an object', value: raw });
    return undefined;
  }

  /** Flags every key not in `known` (a typo must not pass silently), suggesting the closest. */
  rejectUnknown(known: readonly string[]): void {
    for (const key of Object.keys(this.obj)) {
      if (known.includes(key)) continue;
      // Lengths 3 apart are 3 edits apart at least: a long key costs no distance table.
      const close = known.find(
        (k) =>
          k.toLowerCase() === key.toLowerCase() ||
          (Math.abs(k.length - key.length) <= 2 && editDistance(k, key) <= 2),
      );
      this.fail(key, `is not a known field${close ? ` (did you mean "${close}"?)` : ''}`);
    }
  }

  path(key: string): string {
    return this.at ? `${this.at}.${key}` : key;
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined && this.obj[key] !== null;
  }

  raw(key: string): unknown {
    return this.obj[key];
  }

  fail(key: string, message: string): undefined {
    this.errors.push({ field: this.path(key), message, value: this.obj[key] });
    return undefined;
  }

  private present(key: string, fallback: unknown): boolean {
    if (this.has(key)) return true;
    if (fallback === undefined) this.fail(key, 'is required');
    return false;
  }

  /** A finite number within [min, max]; `integer` demands a whole number. */
  number(
    key: string,
    opts: { min?: number; max?: number; integer?: boolean; fallback?: number } = {},
  ): number | undefined {
    if (!this.present(key, opts.fallback)) return opts.fallback;
    const n = toNumber(this.obj[key]);
    if (n === undefined) return this.fail(key, `must be a number${commaHint(this.obj[key])}`);
    if (opts.integer && !Number.isInteger(n)) return this.fail(key, 'must be a whole number');
    if (opts.min !== undefined && n < opts.min)
      return this.fail(key, `must be at least ${opts.min}`);
    if (opts.max !== undefined && n > opts.max)
      return this.fail(key, `must be at most ${opts.max}`);
    return n;
  }

  /** An annual rate as a decimal: 0.023, "0.023" or "2.3%" (a bare 2.3 is refused as ambiguous). */
  rate(
    key: string,
    opts: { min?: number; max?: number; fallback?: number } = {},
  ): number | undefined {
    if (!this.present(key, opts.fallback)) return opts.fallback;
    const raw = this.obj[key];
    let n: number | undefined;
    if (typeof raw === 'string' && /[%％]\s*$/.test(raw)) {
      const pct = toNumber(raw.replace(/[%％]\s*$/, ''));
      n = pct === undefined ? undefined : pct / 100;
    } else {
      n = toNumber(raw);
    }
    if (n === undefined)
      return this.fail(key, `must be a rate such as 0.023 or "2.3%"${commaHint(raw)}`);
    const min = opts.min ?? 0;
    const max = opts.max ?? 0.3;
    if (n < min || n > max) {
      const hint = n >= 1 ? ' — write 2.3 % as 0.023 or "2.3%"' : '';
      return this.fail(key, `must be a rate between ${min * 100}% and ${max * 100}%${hint}`);
    }
    return n;
  }

  /** One of the allowed strings. */
  oneOf<T extends string>(key: string, allowed: readonly T[], fallback?: T): T | undefined {
    if (!this.present(key, fallback)) return fallback;
    const raw = this.obj[key];
    if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
    return this.fail(key, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }

  /** A calendar date written YYYY-MM-DD (or YYYY/MM/DD). */
  date(key: string, fallback?: EpochDay): EpochDay | undefined {
    if (!this.present(key, fallback)) return fallback;
    const raw = this.obj[key];
    const day =
      typeof raw === 'string' ? parseIsoDate(normalizeNumberText(raw).replace(/\//g, '-')) : null;
    return day ?? this.fail(key, 'must be a date written YYYY-MM-DD');
  }

  string(key: string, fallback?: string): string | undefined {
    if (!this.present(key, fallback)) return fallback;
    const raw = this.obj[key];
    if (typeof raw === 'string' || typeof raw === 'number') return String(raw);
    return this.fail(key, 'must be text');
  }

  /** An array, each element handed to `each` with its own path. */
  list<T>(
    key: string,
    each: (raw: unknown, at: string) => T | undefined,
    opts: { required?: boolean; minLength?: number } = {},
  ): T[] | undefined {
    if (!this.has(key)) {
      if (opts.required) this.fail(key, 'is required');
      return opts.required ? undefined : [];
    }
    const raw = this.obj[key];
    if (!Array.isArray(raw)) return this.fail(key, 'must be a list');
    if (opts.minLength !== undefined && raw.length < opts.minLength) {
      return this.fail(
        key,
        `must have at least ${opts.minLength} entr${opts.minLength === 1 ? 'y' : 'ies'}`,
      );
    }
    const out: T[] = [];
    let ok = true;
    raw.forEach((item, i) => {
      const v = each(item, `${this.path(key)}[${i}]`);
      if (v === undefined) ok = false;
      else out.push(v);
    });
    return ok ? out : undefined;
  }
}

/** Levenshtein distance, for "did you mean" on short field names. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
