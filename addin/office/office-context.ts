/** A property of `Office.context`, or undefined outside Office (or before it is ready). */
function contextProperty(read: (context: Office.Context) => unknown): string | undefined {
  try {
    const value = typeof Office === 'undefined' ? undefined : read(Office.context);
    // Office.PlatformType's members are strings at run time, though typed as an enum.
    return value === undefined || value === null ? undefined : String(value);
  } catch {
    return undefined;
  }
}

/** Office's display language (`ja-JP`, `en-US`…), or undefined outside Office. */
export function officeDisplayLanguage(): string | undefined {
  return contextProperty((c) => c?.displayLanguage);
}

/** `Office.context.platform` ("PC", "Mac", "OfficeOnline", …), or undefined outside Office. */
export function officePlatform(): string | undefined {
  return contextProperty((c) => c?.platform);
}
