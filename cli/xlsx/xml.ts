/** The few XML helpers an .xlsx package needs: escaping out, entity decoding in. */

// Characters XML 1.0 cannot carry at all (control characters other than tab, LF, CR).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for an element body or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(INVALID_XML, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // A literal "_x0041_" would be read back as "A": escape its underscore.
      .replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1')
  );
}

/** Decodes XML entities and OOXML's `_xHHHH_` escapes in text read from a part. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
      if (e[0] === '#') {
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1)));
      }
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e]!;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The value of attribute `name` in an element's opening tag, decoded; undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
}

/** Text of every `<t>` inside a string item, leaving out phonetic readings (`<rPh>`, ふりがな). */
export function stringItemText(si: string): string {
  const body = si.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) {
    text += m[1] ? unescapeXml(m[1]) : '';
  }
  return text;
}
