import { readFileSync } from 'node:fs';

/**
 * The cells of a flat OpenDocument spreadsheet (.fods, what `soffice --convert-to fods` saves)
 * as LibreOffice computed and displayed them: per sheet, each non-empty cell's formula (as
 * LibreOffice stored it), value type (`error` for Err:5xx, #NAME?, #REF!, …) and shown text.
 */
export interface FodsCell {
  row: number;
  column: number;
  formula: string | null;
  valueType: string | null;
  text: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

const attribute = (attrs: string, name: string): string | null => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
  return m ? decode(m[1]) : null;
};

export function readFodsCells(path: string): Map<string, FodsCell[]> {
  const xml = readFileSync(path, 'utf8');
  const body = xml.slice(xml.indexOf('<office:spreadsheet>'));
  const sheets = new Map<string, FodsCell[]>();
  const tag =
    /<(\/?)(table:table|table:table-row|table:table-cell|table:covered-table-cell)(?=[\s/>])([^>]*?)(\/?)>/g;
  let cells: FodsCell[] = [];
  let row = 0;
  let nextRow = 1;
  let column = 0;
  let open: { attrs: string; start: number; repeat: number } | null = null;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const [all, closing, name, attrs, selfClosing] = m;
    if (name === 'table:table' && !closing) {
      cells = [];
      sheets.set(attribute(attrs, 'table:name') ?? `#${sheets.size}`, cells);
      nextRow = 1;
    } else if (name === 'table:table-row' && !closing) {
      // Empty rows come as one row repeated: the next row's number skips them.
      row = nextRow;
      nextRow = row + Number(attribute(attrs, 'table:number-rows-repeated') ?? 1);
      column = 0;
    } else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
      if (closing && open) {
        const inner = body.slice(open.start, m.index);
        const text = [...inner.matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)]
          .map((p) => decode(p[1].replace(/<text:s\/>/g, ' ').replace(/<[^>]+>/g, '')))
          .join('\n');
        cells.push({
          row,
          column: column + 1,
          formula: attribute(open.attrs, 'table:formula'),
          valueType:
            attribute(open.attrs, 'calcext:value-type') ??
            attribute(open.attrs, 'office:value-type'),
          text,
        });
        column += open.repeat;
        open = null;
      } else if (!closing) {
        const repeat = Number(attribute(attrs, 'table:number-columns-repeated') ?? 1);
        if (selfClosing) column += repeat;
        else open = { attrs, start: m.index + all.length, repeat };
      }
    }
  }
  return sheets;
}
