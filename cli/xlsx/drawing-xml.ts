import { CHART_SPAN, ChartSpec } from '../../workbook/patch';
import { escapeXml } from './xml';

const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The relationship id, in the drawing's .rels, of the sheet's k-th chart (0-based). */
export const chartRelId = (k: number) => `rIdChart${k + 1}`;

/** A cell corner in a drawing anchor: 0-based column and row, no offset. */
const corner = (tag: 'from' | 'to', column: number, row: number) =>
  `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
  `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/**
 * A sheet's drawing part (xl/drawings/drawingN.xml): one two-cell anchor per chart, from the
 * spec's top-left cell over CHART_SPAN columns and rows (as the add-in places it), each frame
 * pointing at its chart part through the drawing's relationships.
 */
export function drawingXml(charts: readonly ChartSpec[]): string {
  const anchors = charts.map((spec, k) => {
    const from = corner('from', spec.column - 1, spec.row - 1);
    const to = corner('to', spec.column - 1 + CHART_SPAN.columns, spec.row - 1 + CHART_SPAN.rows);
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${from}${to}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>` +
      `<xdr:cNvPr id="${k + 2}" name="${escapeXml(`Chart ${k + 1}`)}" descr="${escapeXml(spec.title)}"/>` +
      '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${chartRelId(k)}"/>` +
      '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchors.join('')}</xdr:wsDr>`
  );
}
