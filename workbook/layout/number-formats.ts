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

/**
 * The text a number shows under one of these formats, for width fitting (not for display:
 * the spreadsheet formats the cells itself).
 */
export function formattedText(value: number, format: string | undefined): string {
  if (!format || format === 'General') return String(Number(value.toPrecision(10)));
  const sections = format.split(';');
  const negative = value < 0;
  const ownSection = negative && sections.length > 1;
  const pattern = (ownSection ? sections[1] : sections[0]).replace(/"([^"]*)"/g, '$1');
  if (/yyyy/.test(pattern)) return '2026-03-31';
  const numeric = /[#0][#0,.]*/.exec(pattern);
  if (!numeric) return pattern;
  const digits = numeric[0];
  const scaleCommas = /,+$/.exec(digits)?.[0].length ?? 0;
  const decimals = /\.(0+)/.exec(digits)?.[1].length ?? 0;
  const percent = pattern.includes('%');
  const n = ((percent ? 100 : 1) * Math.abs(value)) / 1000 ** scaleCommas;
  const shown =
    digits.includes(',') && digits.replace(/,+$/, '').includes(',')
      ? n.toLocaleString('en-US', {
          minimumFractionDigits: decimals,
          maximumFractionDigits: decimals,
        })
      : n.toFixed(decimals);
  const text =
    pattern.slice(0, numeric.index) + shown + pattern.slice(numeric.index + digits.length);
  return negative && !ownSection ? `-${text}` : text;
}
