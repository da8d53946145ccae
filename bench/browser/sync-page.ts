/**
 * The sync bench's page script (bundled by addin-sync-browser.ts with the add-in's webpack
 * rules, run in headless Chromium): the pane's applier, addin/office/apply-patch.ts, writing a
 * 100,000-row result patch into the recording fake Excel on the page's main thread, as the
 * pane does on Excel's. Each sync's time is the pane's side: the batch built and serialised.
 */
import { applyPatch } from '../../addin/office/apply-patch';
import { ENUMS, SyncFigures, largePatch, recordingContext } from '../addin-sync-fake';

declare global {
  interface Window {
    /** Builds the patch of `caseJson` stretched to `rows` schedule rows, writes it per platform. */
    rateShockSyncBench(
      caseJson: unknown,
      rows: number,
      platforms: string[],
    ): Promise<Record<string, SyncFigures>>;
  }
}

// The applier reads Office.js's enums (chart types, paper size) from the global Excel.
(globalThis as { Excel?: unknown }).Excel = ENUMS;

window.rateShockSyncBench = async (caseJson, rows, platforms) => {
  const patch = largePatch(caseJson, rows);
  const figures: Record<string, SyncFigures> = {};
  for (const platform of platforms) {
    const requests: number[] = [];
    const result = await applyPatch(recordingContext(requests), patch, { platform });
    figures[platform] = {
      syncs: result.syncs,
      largestRequestBytes: Math.max(...requests),
      longestSyncMs: Math.max(...result.syncMs),
    };
  }
  return figures;
};
