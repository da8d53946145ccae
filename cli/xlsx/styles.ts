import { HighlightStyle } from '../../workbook/patch';
import { attribute, escapeXml } from './xml';

/** What a cell's look is made of here: a number format, bold text, a header fill. */
export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  header?: boolean;
  /** Text wraps inside the cell (two-line headers, long text), aligned to the top. */
  wrap?: boolean;
  /** Aligned to the top (the other cells of a row that holds wrapped text). */
  top?: boolean;
}

// Excel's built-in number formats (ids below 164 need no <numFmt> entry).
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

// Excel's "Good", "Bad" and "Neutral" colours for conditional highlights.
const HIGHLIGHT_COLOURS: Record<HighlightStyle, { fill: string; font: string }> = {
  pass: { fill: 'FFC6EFCE', font: 'FF006100' },
  fail: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  warn: { fill: 'FFFFEB9C', font: 'FF9C5700' },
};
const HIGHLIGHT_ORDER: HighlightStyle[] = ['pass', 'fail', 'warn'];

/**
 * Collects the cell styles a patch uses and writes them into styles.xml, either a fresh one or
 * appended to a base workbook's (whose existing styles stay at their indexes, so its sheets
 * keep their look byte for byte).
 */
export class StyleBook {
  private readonly xfIndex = new Map<string, number>();
  private readonly xfs: string[] = [];
  private readonly numFmts = new Map<string, number>();
  private nextNumFmt: number;

  constructor(
    private readonly base: { xfCount: number; dxfCount: number; maxNumFmtId: number } = {
      xfCount: 0,
      dxfCount: 0,
      maxNumFmtId: 163,
    },
  ) {
    this.nextNumFmt = Math.max(164, base.maxNumFmtId + 1);
  }

  /** The cellXfs index (`s` attribute) of a style; 0 for the default look in a fresh book. */
  index(style: CellStyle): number {
    const key = `${style.numberFormat ?? ''}|${style.bold ? 1 : 0}|${style.header ? 1 : 0}|${style.wrap ? 1 : 0}|${style.top ? 1 : 0}`;
    const known = this.xfIndex.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.numFmtId(style.numberFormat ?? 'General');
    // Fonts: 0 regular, 1 bold (ours, appended after the base's); fills: 2 = header.
    const font = style.bold || style.header ? 1 : 0;
    const fill = style.header ? 2 : 0;
    const alignment =
      style.wrap || style.top
        ? `<alignment vertical="top"${style.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    this.xfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"` +
        `${numFmtId ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}` +
        (alignment ? ` applyAlignment="1">${alignment}</xf>` : '/>'),
    );
    const index = this.base.xfCount + this.xfs.length - 1 + (this.base.xfCount === 0 ? 1 : 0);
    this.xfIndex.set(key, index);
    return index;
  }

  /** The dxf index of a conditional highlight. */
  dxf(style: HighlightStyle): number {
    return this.base.dxfCount + HIGHLIGHT_ORDER.indexOf(style);
  }

  private numFmtId(format: string): number {
    const builtIn = BUILT_IN_FORMATS[format];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(format);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmts.set(format, id);
    }
    return id;
  }

  private numFmtXml(): string {
    return [...this.numFmts]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
      .join('');
  }

  private dxfXml(): string {
    return HIGHLIGHT_ORDER.map((s) => {
      const c = HIGHLIGHT_COLOURS[s];
      return `<dxf><font><color rgb="${c.font}"/></font><fill><patternFill><bgColor rgb="${c.fill}"/></patternFill></fill></dxf>`;
    }).join('');
  }

  /** A complete styles.xml for a workbook written from scratch. */
  freshXml(): string {
    const numFmts = this.numFmts.size
      ? `<numFmts count="${this.numFmts.size}">${this.numFmtXml()}</numFmts>`
      : '';
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      numFmts +
      `<fonts count="2">${FONT}${BOLD_FONT}</fonts>` +
      `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${HEADER_FILL}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${HIGHLIGHT_ORDER.length}">${this.dxfXml()}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }

  /**
   * The base workbook's styles.xml with ours appended: its fonts, fills, cellXfs and dxfs keep
   * their indexes. Our fonts and fill are appended too, and our xfs point at them.
   */
  appendedXml(base: string): string {
    const fonts = count(base, 'fonts');
    const fills = count(base, 'fills');
    const xfs = this.xfs.map((xf) =>
      xf
        .replace(/fontId="1"/, `fontId="${fonts + 1}"`)
        .replace(/fontId="0"/, `fontId="${fonts}"`)
        .replace(/fillId="2"/, `fillId="${fills}"`),
    );
    let xml = appendTo(base, 'fonts', FONT + BOLD_FONT, 2);
    xml = appendTo(xml, 'fills', HEADER_FILL, 1);
    xml = appendTo(xml, 'cellXfs', xfs.join(''), xfs.length);
    xml = appendTo(xml, 'dxfs', this.dxfXml(), HIGHLIGHT_ORDER.length, 'tableStyles');
    if (this.numFmts.size) {
      xml = appendTo(xml, 'numFmts', this.numFmtXml(), this.numFmts.size, 'fonts');
    }
    return xml;
  }
}

const FONT =
  '<font><sz val="11"/><name val="Yu Gothic"/><family val="2"/><charset val="128"/></font>';
const BOLD_FONT =
  '<font><b/><sz val="11"/><name val="Yu Gothic"/><family val="2"/><charset val="128"/></font>';
const HEADER_FILL =
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>';

/** What the base's styles.xml holds, so our entries go after its own. */
export function baseStyleCounts(styles: string): {
  xfCount: number;
  dxfCount: number;
  maxNumFmtId: number;
} {
  const ids = [...styles.matchAll(/<numFmt\b[^>]*>/g)].map((m) =>
    Number(attribute(m[0], 'numFmtId')),
  );
  return {
    xfCount: count(styles, 'cellXfs'),
    dxfCount: count(styles, 'dxfs'),
    maxNumFmtId: Math.max(163, ...ids),
  };
}

/** Number of child elements of `<tag>` (by its count attribute, else by counting). */
function count(xml: string, tag: string): number {
  const m = new RegExp(`<${tag}\\b([^>]*?)(/?)>([\\s\\S]*?)(?:</${tag}>|$)`).exec(xml);
  if (!m) return 0;
  if (m[2] === '/') return 0;
  const declared = attribute(`<${tag}${m[1]}>`, 'count');
  if (declared !== undefined) return Number(declared);
  const child = tag === 'cellXfs' ? 'xf' : tag.slice(0, -1);
  return (m[3].match(new RegExp(`<${child}\\b`, 'g')) ?? []).length;
}

/**
 * Appends `items` at the end of `<tag>…</tag>` and raises its count; creates the element (before
 * `<beforeTag>`) when the base has none or has it empty (`<dxfs count="0"/>`).
 */
function appendTo(
  xml: string,
  tag: string,
  items: string,
  added: number,
  beforeTag?: string,
): string {
  const total = count(xml, tag) + added;
  const full = new RegExp(`<${tag}\\b[^>]*?(?<!/)>([\\s\\S]*?)</${tag}>`);
  if (full.test(xml)) {
    return xml.replace(
      full,
      (_, body: string) => `<${tag} count="${total}">${body}${items}</${tag}>`,
    );
  }
  const element = `<${tag} count="${total}">${items}</${tag}>`;
  const empty = new RegExp(`<${tag}\\b[^>]*/>`);
  if (empty.test(xml)) return xml.replace(empty, element);
  const anchor = beforeTag ? xml.indexOf(`<${beforeTag}`) : -1;
  return anchor >= 0
    ? xml.slice(0, anchor) + element + xml.slice(anchor)
    : xml.replace('</styleSheet>', `${element}</styleSheet>`);
}
