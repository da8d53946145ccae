/**
 * One set of number formats for every output sheet. Amounts stay in yen in the cells (so the
 * formulas over the schedule recalculate to the yen) and are shown in the case's unit by the
 * format's scaling commas (`#,##0,` shows thousands): whole units, thousands separators,
 * negatives as △ (Japanese statements) or `-` (the case's `profile.negatives`). Ratios to two
 * decimals, rates as %.
 */
export type AmountUnit = 'yen' | 'thousand' | 'million';
export type NegativeStyle = 'triangle' | 'minus';

export const UNIT_LABEL: Record<AmountUnit, string> = {
  yen: '円',
  thousand: '千円',
  million: '百万円',
};

const UNIT_SCALE: Record<AmountUnit, string> = { yen: '', thousand: ',', million: ',,' };

export interface NumberFormats {
  unit: AmountUnit;
  /** Amounts in the case's unit: `#,##0,;"△"#,##0,;0`. */
  amount: string;
  /** Amounts always in yen (a loan's monthly installments, as the bank's 返済予定表). */
  yen: string;
  /** Counts (paths, firms): whole numbers with separators. */
  count: string;
  /** Ratios such as DSCR: two decimals. */
  ratio: string;
  /** Years (債務償還年数): one decimal. */
  years: string;
  /** Shares and changes: one decimal %. */
  percent: string;
  /** Interest rates: three decimals %. */
  rate: string;
  date: string;
  integer: string;
  /** A header suffix naming the unit: `（千円）`. */
  unitSuffix: string;
}

function signed(positive: string, negatives: NegativeStyle): string {
  return negatives === 'minus' ? `${positive};-${positive};0` : `${positive};"△"${positive};0`;
}

/** The formats of a case: its unit and its negative style (△ unless it asks for `-`). */
export function numberFormats(
  unit: AmountUnit = 'yen',
  negatives: NegativeStyle = 'triangle',
): NumberFormats {
  return {
    unit,
    amount: signed(`#,##0${UNIT_SCALE[unit]}`, negatives),
    yen: signed('#,##0', negatives),
    count: '#,##0',
    ratio: signed('0.00', negatives),
    years: '0.0',
    percent: signed('0.0%', negatives),
    rate: '0.000%',
    date: 'yyyy-mm-dd',
    integer: '0',
    unitSuffix: `（${UNIT_LABEL[unit]}）`,
  };
}

/** A bilingual header with the unit: `利息計（千円） / total interest`. */
export function withUnit(header: string, formats: NumberFormats): string {
  const slash = header.indexOf(' / ');
  return slash < 0
    ? `${header}${formats.unitSuffix}`
    : `${header.slice(0, slash)}${formats.unitSuffix}${header.slice(slash)}`;
}

/** A format section taken apart once: literal text around one number pattern. */
interface ParsedSection {
  before: string;
  after: string;
  grouped: boolean;
  decimals: number;
  /** Powers of 1,000 the trailing commas divide by. */
  scale: number;
  percent: boolean;
  date: boolean;
}

const PARSED = new Map<string, ParsedSection[]>();

function parseFormat(format: string): ParsedSection[] {
  let parsed = PARSED.get(format);
  if (parsed) return parsed;
  parsed = format.split(';').map((section) => {
    const pattern = section.replace(/"([^"]*)"/g, '$1');
    const numeric = /[#0][#0,.]*/.exec(pattern);
    const digits = numeric?.[0] ?? '';
    const at = numeric?.index ?? pattern.length;
    return {
      before: pattern.slice(0, at),
      after: pattern.slice(at + digits.length),
      grouped: digits.replace(/,+$/, '').includes(','),
      decimals: /\.(0+)/.exec(digits)?.[1].length ?? 0,
      scale: /,+$/.exec(digits)?.[0].length ?? 0,
      percent: pattern.includes('%'),
      date: /yyyy/.test(pattern),
    };
  });
  PARSED.set(format, parsed);
  return parsed;
}

/**
 * The text a number shows under one of these formats, for width fitting (not for display:
 * the spreadsheet formats the cells itself). Parsed once per format: a 100,000-row schedule
 * is measured cell by cell.
 */
export function formattedText(value: number, format: string | undefined): string {
  if (!format || format === 'General') return String(Number(value.toPrecision(10)));
  const sections = parseFormat(format);
  const negative = value < 0;
  const own = negative && sections.length > 1;
  const f = own ? sections[1] : sections[0];
  if (f.date) return '2026-03-31';
  const n = ((f.percent ? 100 : 1) * Math.abs(value)) / 1000 ** f.scale;
  let text = n.toFixed(f.decimals);
  if (f.grouped) {
    const dot = text.indexOf('.');
    const whole = dot < 0 ? text : text.slice(0, dot);
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (dot < 0 ? '' : text.slice(dot));
  }
  const shown = `${f.before}${text}${f.after}`;
  return negative && !own ? `-${shown}` : shown;
}
