import type { Choice } from './cell-values';
import type { FieldDef, ValueKind } from './input-layout';

/*
 * The helpers every input sheet's definitions are written with (input-layout.ts and the
 * 再生計画 sheet's plan-input-layout.ts). Here rather than in input-layout.ts, which lists the
 * plan sheet among its own: importing them from there would be a cycle at run time.
 */

/** Where the tables start: row 1 title, row 2 note, row 3 captions, row 4 headers. */
export const HEADER_ROW = 4;

export const AMOUNT = '#,##0';
export const RATE = '0.000%';
export const MONTHS = '0';
export const DATE = 'yyyy-mm-dd';
export const TEXT = '@';

export const YES_NO: readonly Choice<boolean>[] = [
  { label: 'はい', value: true },
  { label: 'いいえ', value: false },
];

/** A table column: the kind's number format and 14 wide unless `more` says otherwise. */
export const col = (
  key: string,
  ja: string,
  en: string,
  kind: ValueKind,
  description: string,
  more: Partial<FieldDef> = {},
): FieldDef => ({
  key,
  ja,
  en,
  kind,
  description,
  numberFormat:
    more.numberFormat ??
    { number: AMOUNT, rate: RATE, date: DATE, text: TEXT }[kind as string] ??
    undefined,
  width: more.width ?? 14,
  ...more,
});

/** A key-value table's item. */
export const item = (
  key: string,
  ja: string,
  en: string,
  kind: ValueKind,
  description: string,
  more: Partial<FieldDef> = {},
): FieldDef => ({ key, ja, en, kind, description, ...more });

/** The 備考 column a table ends with: free text the reader never uses. */
export const noteColumn = (description = 'メモ (計算には使いません)', width = 24): FieldDef =>
  col('note', '備考', 'Note', 'info', description, { width, numberFormat: TEXT });
