/**
 * OOXML written with namespace prefixes (`<x:sheet>` under `xmlns:x="…/spreadsheetml/2006/main"`,
 * as some generators do; Excel and LibreOffice open it) turned into the unprefixed form the
 * reader and writer match, with the namespace made the default. Other prefixes (`r:id`,
 * `mc:`) are left alone.
 */
const DEFAULT_NAMESPACES = [
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://schemas.openxmlformats.org/package/2006/relationships',
  'http://schemas.openxmlformats.org/package/2006/content-types',
];

export function withoutNamespacePrefix(xml: string): string {
  for (const ns of DEFAULT_NAMESPACES) {
    const declared = new RegExp(
      `\\sxmlns:([A-Za-z_][\\w.-]*)="${ns.replace(/[./]/g, '\\$&')}"`,
    ).exec(xml);
    if (!declared) continue;
    const prefix = declared[1];
    const hasDefault = /<[A-Za-z_][\w.:-]*\b[^>]*\sxmlns="/.test(xml.slice(0, 2000));
    xml = xml
      .replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1')
      .replace(declared[0], hasDefault ? declared[0] : ` xmlns="${ns}"${declared[0]}`);
  }
  return xml;
}
