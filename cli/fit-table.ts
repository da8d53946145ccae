/**
 * Tables that fit the terminal. A pipe or a file gets every column (width undefined); a
 * terminal narrower than the full table gets, in turn: short headers and compact cells (codes
 * explained in a legend line), then fewer columns (least important first, named in a note),
 * then a first column cut with "…". Other lines are wrapped at the width.
 */
import { displayWidth, renderTable } from './terminal-table';

export interface FitColumn {
  header: string;
  /** The header on a narrow terminal (default: `header`). */
  short?: string;
  /** Columns are left out in ascending order of `drop` when the table is still too wide; never without it. */
  drop?: number;
}

export interface FittedTable {
  text: string;
  /** Whether the short headers and compact cells were used (their legend should be shown). */
  compact: boolean;
  /** Headers of the columns left out. */
  dropped: string[];
}

const GAP = 2;

/** The width tables fit: the terminal's, unless `--wide` asks for every column. */
export function fitWidth(
  columns: number | undefined,
  wide: boolean | undefined,
): number | undefined {
  return wide ? undefined : columns;
}

/** Columns the table takes: each column's widest cell, plus two between columns. */
export function tableWidth(header: string[], rows: string[][]): number {
  const widths = header.map((h, c) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ''))),
  );
  return widths.reduce((a, b) => a + b, 0) + GAP * Math.max(0, widths.length - 1);
}

/**
 * Renders `rows` (full cells) or `compactRows` (the same rows with shorter cells) under the
 * columns, within `width` display columns when given.
 */
export function fitTable(
  columns: readonly FitColumn[],
  rows: string[][],
  width: number | undefined,
  compactRows: string[][] = rows,
): FittedTable {
  const full = columns.map((c) => c.header);
  if (width === undefined || tableWidth(full, rows) <= width) {
    return { text: renderTable(full, rows), compact: false, dropped: [] };
  }
  let kept = columns.map((_, i) => i);
  const pick = <T>(xs: readonly T[]) => kept.map((i) => xs[i]);
  const header = () => pick(columns.map((c) => c.short ?? c.header));
  const body = () => compactRows.map((r) => pick(r));
  const order = columns
    .map((c, i) => ({ i, drop: c.drop }))
    .filter((c): c is { i: number; drop: number } => c.drop !== undefined)
    .sort((a, b) => a.drop - b.drop);
  const dropped: string[] = [];
  for (const { i } of order) {
    if (tableWidth(header(), body()) <= width) break;
    kept = kept.filter((k) => k !== i);
    dropped.push(columns[i].short ?? columns[i].header);
  }
  let cells = body();
  const excess = tableWidth(header(), cells) - width;
  if (excess > 0) {
    // Still too wide: cut the first column (labels) to what is left, keeping at least 6.
    const first = Math.max(displayWidth(header()[0]), ...cells.map((r) => displayWidth(r[0])));
    const room = Math.max(6, first - excess);
    cells = cells.map((r) => [cut(r[0], room), ...r.slice(1)]);
  }
  return { text: renderTable(header(), cells), compact: true, dropped };
}

/** Text cut to `width` display columns, ending in "…" when cut. */
export function cut(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** The note under a table that lost columns. */
export function droppedNote(dropped: readonly string[]): string {
  return dropped.length ? `(省略 / left out: ${dropped.join(', ')}; --wide で全列 / all)` : '';
}

/**
 * Wraps every line longer than `width` (continuations indented two spaces more), breaking
 * after a space where one falls in the line's second half, else between any two characters.
 */
export function wrapLines(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string[] {
  const out: string[] = [];
  const lead = /^ */.exec(line)![0];
  let rest = line.slice(lead.length);
  let indent = lead;
  while (displayWidth(indent + rest) > width) {
    const room = width - displayWidth(indent);
    const chars = [...rest];
    let taken = 0;
    let used = 0;
    while (taken < chars.length && used + displayWidth(chars[taken]) <= room) {
      used += displayWidth(chars[taken]);
      taken++;
    }
    let at = taken;
    const space = chars.slice(0, taken).lastIndexOf(' ');
    if (space > taken / 2) at = space + 1;
    out.push((indent + chars.slice(0, at).join('')).trimEnd());
    rest = chars.slice(at).join('').trimStart();
    indent = `${lead}  `;
    if (at === 0) break; // a single character wider than the line: give up rather than loop
  }
  out.push(indent + rest);
  return out;
}
