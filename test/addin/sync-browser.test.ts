import { applyPatch } from '../../addin/office/apply-patch';
import { DESKTOP_REQUEST_BUDGET, WEB_REQUEST_BUDGET } from '../../addin/office/request-budget';
import { benchCaseJson } from '../../bench/addin-sync';
import { addinBrowserSyncFigures } from '../../bench/addin-sync-browser';
import { ENUMS, SYNC_PLATFORMS, largePatch, recordingContext } from '../../bench/addin-sync-fake';
import { describeWithChromium } from '../support/chromium';

/**
 * `npm run bench`'s browser sync figure, as a run that must complete (its times are figures,
 * never asserted): the pane's applier bundled by webpack writes 100,000 schedule rows in headless
 * Chromium with the desktop and the web budgets, and makes exactly the syncs and requests that
 * the same applier makes in Node on the same patch — the browser bundle writes what the tests of
 * the applier check, batch for batch.
 */
const ROWS = 100_000;

async function nodeRun(platform: string) {
  (globalThis as { Excel?: unknown }).Excel ??= ENUMS;
  const requests: number[] = [];
  const patch = largePatch(benchCaseJson(), ROWS);
  const result = await applyPatch(recordingContext(requests), patch, { platform });
  return { syncs: result.syncs, requests };
}

describeWithChromium('sync bench in headless Chromium', () => {
  test('100,000 rows: the syncs and largest requests of the Node run, within each budget', async () => {
    const browser = await addinBrowserSyncFigures(ROWS, 'development');
    if ('skipped' in browser) throw new Error(browser.skipped);
    const desktop = await nodeRun(SYNC_PLATFORMS.desktop);
    const web = await nodeRun(SYNC_PLATFORMS.web);
    expect(browser.desktop.syncs).toBe(desktop.syncs);
    expect(browser.web.syncs).toBe(web.syncs);
    expect(browser.desktop.largestRequestBytes).toBe(Math.max(...desktop.requests));
    expect(browser.web.largestRequestBytes).toBe(Math.max(...web.requests));
    // The schedule alone is over 20 MB of JSON: more than two desktop batches, five web ones.
    const total = web.requests.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20_000_000);
    expect(desktop.syncs).toBeGreaterThanOrEqual(2 + Math.ceil(total / DESKTOP_REQUEST_BUDGET));
    expect(web.syncs).toBeGreaterThanOrEqual(2 + Math.ceil(total / WEB_REQUEST_BUDGET));
    expect(browser.desktop.largestRequestBytes).toBeLessThanOrEqual(DESKTOP_REQUEST_BUDGET);
    expect(browser.web.largestRequestBytes).toBeLessThanOrEqual(WEB_REQUEST_BUDGET);
    // Measured, not judged: every sync had a time.
    expect(browser.desktop.longestSyncMs).toBeGreaterThan(0);
    expect(browser.web.longestSyncMs).toBeGreaterThan(0);
  }, 300_000);
});
