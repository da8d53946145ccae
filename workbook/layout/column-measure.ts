import { PatchValue, isFormula } from '../patch';
import { displayWidth, longestWord } from './display-width';
import { formattedText } from './number-formats';

/** What a column's cells show at their widest: the widest text and the widest unbreakable word. */
export interface ColumnMeasure {
  width: number;
  word: number;
}

/**
 * The widest shown text of one column, equal to measuring every cell's shown text (fitColumns'
 * rule) but without formatting every number: under a number format (not General) the shown
 * text only grows with the value's magnitude within its sign's section, so the largest value
 * and the most negative one stand for all. Strings are measured once each. A 73,000-row
 * schedule is measured in milliseconds instead of a second.
 */
export function measureColumn(
  rows: readonly (readonly PatchValue[])[],
  j: number,
  numberFormat: string | undefined,
): ColumnMeasure {
  const formatted = numberFormat !== undefined && numberFormat !== 'General';
  let width = 0;
  let word = 0;
  const take = (text: string) => {
    width = Math.max(width, displayWidth(text));
    word = Math.max(word, longestWord(text));
  };
  let largest = -1;
  let mostNegative = 0;
  const seen = new Set<string | number>();
  let lastString: string | undefined;
  for (const row of rows) {
    const cell = row[j] ?? null;
    const v = isFormula(cell) ? cell.result : cell;
    if (typeof v === 'number') {
      if (formatted && Number.isFinite(v) && Math.abs(v) < 1e21) {
        if (v < 0) mostNegative = Math.min(mostNegative, v);
        else largest = Math.max(largest, v);
      } else if (!seen.has(v)) {
        seen.add(v);
        take(formattedText(v, numberFormat));
      }
    } else if (typeof v === 'string') {
      // Neighbouring rows mostly repeat a text (a schedule's loan id, strategy, shock).
      if (v !== lastString && !seen.has(v)) {
        seen.add(v);
        take(v);
      }
      lastString = v;
    } else if (typeof v === 'boolean') take(v ? 'TRUE' : 'FALSE');
  }
  if (largest >= 0) take(formattedText(largest, numberFormat));
  if (mostNegative < 0) take(formattedText(mostNegative, numberFormat));
  return { width, word };
}
