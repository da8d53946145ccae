/** Office's display language (`ja-JP`, `en-US`…), or undefined outside Office. */
export function officeDisplayLanguage(): string | undefined {
  try {
    return typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
  } catch {
    return undefined;
  }
}
