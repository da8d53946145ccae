import type { CellError } from '../../workbook';
import type { Language } from './i18n';

/**
 * An input error as the pane words it: the cell, and one sentence in the pane's language with
 * the value found there. The reader's Japanese sentence is "残高 は…" (the column's name, a space,
 * the predicate: a form shared with the CLI and the sheets); the pane quotes the name instead,
 * 「残高」は…, as Japanese forms refer to a field, without a space before the particle. Half-width
 * brackets for the value, as the reader's own sentences use them (例: …).
 * @example errorLines({ address: '借入一覧!D5', label: '残高', messageJa: '残高 は正の金額で入力してください', messageEn: 'Principal must be a positive amount', value: -60000, sheet: '借入一覧' }, 'ja')
 * // { address: '借入一覧!D5', message: '「残高」は正の金額で入力してください (入力値: -60,000)' }
 */
export function errorLines(e: CellError, language: Language): { address: string; message: string } {
  const value = valueShown(e.value);
  if (language === 'en')
    return { address: e.address, message: `${e.messageEn}${value ? ` (found: ${value})` : ''}` };
  const named = e.label && e.messageJa.startsWith(`${e.label} `);
  const sentence = named ? `「${e.label}」${e.messageJa.slice(e.label.length + 1)}` : e.messageJa;
  return { address: e.address, message: `${sentence}${value ? ` (入力値: ${value})` : ''}` };
}

/** The value read from the cell, short: numbers with thousands separators, text as typed. */
function valueShown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number')
    return value.toLocaleString('en-US', { maximumFractionDigits: 10 });
  const text = String(value).trim();
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
