/**
 * How wide a text shows in a cell, in Excel's column-width units (one unit ≈ one half-width
 * character of the default font). Full-width characters (漢字, かな, full-width forms, ✓ ✗ △ and
 * other East Asian wide symbols) count double, as they print twice as wide.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

/** The widest of a text's lines (a header "日本語 /" over "English", a wrapped note). */
export function widestLine(lines: readonly string[]): number {
  return Math.max(0, ...lines.map(displayWidth));
}

/**
 * The widest run a wrapping cell cannot break: lines break at spaces and between any two
 * Japanese characters, so only half-width words (ids such as `crisis-20y#1`) stay whole.
 */
export function longestWord(text: string): number {
  return Math.max(
    0,
    ...text.split(/\s+|(?=[\u3000-\u9fff])|(?<=[\u3000-\u9fff])/).map(displayWidth),
  );
}

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11), plus the marks the sheets use. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2460 && cp <= 0x24ff) || // ① circled numbers (wide in Japanese fonts)
    (cp >= 0x25a0 && cp <= 0x25ff) || // △ ○ ■ geometric shapes
    (cp >= 0x2600 && cp <= 0x27bf) || // ✓ ✗ dingbats
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, 、。「」
    (cp >= 0x3041 && cp <= 0x33ff) || // かな, カナ, CJK symbols
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp === 0x2014 || // — (an em dash prints wide in Japanese fonts)
    cp === 0x2026 || // …
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
