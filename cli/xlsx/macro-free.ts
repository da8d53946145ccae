/**
 * A workbook written as .xlsx must not carry the macro-enabled type of an .xlsm it came from:
 * Excel refuses to open an .xlsx whose main part is `macroEnabled`. The VBA project and its
 * relationship go too (an .xlsx cannot hold macros); the user's .xlsm itself is never changed.
 */
const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const PLAIN_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const VBA_PART =
  /^xl\/(vbaProject\.bin|vbaProjectSignature[^/]*\.bin|_rels\/vbaProject\.bin\.rels)$/;

export function withoutMacros(
  kept: Map<string, Uint8Array>,
  contentTypes: string,
  workbookRels: string,
): { contentTypes: string; workbookRels: string } {
  for (const part of [...kept.keys()]) if (VBA_PART.test(part)) kept.delete(part);
  return {
    contentTypes: contentTypes
      .split(MACRO_MAIN)
      .join(PLAIN_MAIN)
      .replace(/<Override\b[^>]*PartName="\/xl\/vbaProject[^"]*"[^>]*\/>/g, '')
      .replace(/<Default\b[^>]*Extension="bin"[^>]*vbaProject[^>]*\/>/g, ''),
    workbookRels: workbookRels.replace(
      /<Relationship\b[^>]*Target="[^"]*vbaProject\.bin"[^>]*\/>/g,
      '',
    ),
  };
}
