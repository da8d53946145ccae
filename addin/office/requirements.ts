/**
 * The requirement sets the add-in uses, checked at start-up with
 * `Office.context.requirements.isSetSupported` so that an Excel too old for them gets one clear
 * message instead of failing later. The builds are Microsoft's (requirement-set tables,
 * learn.microsoft.com, 2025): SharedRuntime 1.1 is the newest of the three everywhere.
 */
export interface RequirementSet {
  name: string;
  version: string;
  /** What stops working without it. */
  usedFor: string;
}

export const REQUIRED_SETS: readonly RequirementSet[] = [
  {
    name: 'ExcelApi',
    version: '1.9',
    usedFor: 'writing results (suspendScreenUpdatingUntilNextSync)',
  },
  {
    name: 'SharedRuntime',
    version: '1.1',
    usedFor: 'the ribbon button and the pane sharing one runtime',
  },
  {
    name: 'CustomFunctionsRuntime',
    version: '1.2',
    usedFor: 'CustomFunctions.Error with a message',
  },
];

/** The Excel builds that have every set above, named for the user. */
export const REQUIRED_EXCEL_JA =
  'Microsoft 365 の Excel (Windows はバージョン 2002 ビルド 12527.20092 以降、Mac は 16.35 以降)、' +
  'Excel 2021 以降 (バージョン 2108 以降)、または Excel on the web';
export const REQUIRED_EXCEL_EN =
  'Excel for Microsoft 365 (Windows: Version 2002, build 12527.20092 or later; Mac: 16.35 or later), ' +
  'Excel 2021 or later (Version 2108 or later), or Excel on the web';

/** The sets this Excel lacks (`isSetSupported` as Office.context.requirements gives it). */
export function missingSets(
  isSetSupported: (name: string, version: string) => boolean,
): RequirementSet[] {
  return REQUIRED_SETS.filter((s) => {
    try {
      return !isSetSupported(s.name, s.version);
    } catch {
      return true;
    }
  });
}

/** The start-up message for an Excel that lacks sets, Japanese first. */
export function unsupportedExcelMessage(missing: readonly RequirementSet[]): string {
  const names = missing.map((s) => `${s.name} ${s.version}`).join(', ');
  return (
    `この Excel では RateShock を使えません (${names} がありません)。${REQUIRED_EXCEL_JA} で開いてください。\n` +
    `This Excel cannot run RateShock (it lacks ${names}). Open it in ${REQUIRED_EXCEL_EN}.`
  );
}
