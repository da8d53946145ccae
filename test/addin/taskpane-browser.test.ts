import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { runWorkbook } from '../../addin/compute/run-workbook';
import { cellText } from '../../addin/taskpane/summary-table';
import { WORKSHOP_SCENARIOS } from '../../addin/taskpane/workshop-scenarios';
import { AddinServer, launchChromium, serveAddin } from '../../bench/addin-page';
import { STANDARD_SHOCK_SIZES } from '../../engine';
import { scenarioTemplate, writtenSnapshot } from '../../workbook';
import { describeWithChromium } from '../support/chromium';

/**
 * The built task pane (dist/addin, `npm run build`) in headless Chromium, outside Office, with
 * office.js served as Microsoft serves it — the npm copy on a second local origin laid out like
 * the CDN — under the page's own Content-Security-Policy: it renders in Japanese, loads the
 * lodging workshop case into its in-memory workbook (the same WorkbookHost interface as Excel),
 * runs it in its web worker, and shows the summary the engine computes here in Node. Any CSP
 * violation, console error, page error or failed request fails the suite, and no request goes
 * anywhere but the two loopback origins.
 *
 * Deterministic: the page's clock is Playwright's fake clock, paused, so no timer of office.js
 * or of the pane fires on its own under load; every wait is on an explicit signal (the
 * `data-ready` attribute the entry sets after Office.onReady, a status text, a table). At the
 * end the clock is run a minute forward, firing every timer office.js has set (its script
 * time-outs, its log proxy after 3 s), and the checks are made after that.
 */
const ARTIFACTS = join(__dirname, '../../test-artifacts');

/** The summary matrix the pane must show, computed in Node from the same case. */
function expectedMatrix(): string[][] {
  const filled = scenarioTemplate(WORKSHOP_SCENARIOS.lodging);
  if (!filled.ok) throw new Error(filled.errors.join('\n'));
  const run = runWorkbook({
    snapshot: writtenSnapshot(filled.patch.sheets),
    shockSizes: STANDARD_SHOCK_SIZES,
    strategyIds: null,
    monteCarlo: null,
  });
  if (!run.ok) throw new Error(run.message ?? JSON.stringify(run.errors));
  return run.summary.rows.map((r) => [r.shockLabel, ...r.cells.map(cellText)]);
}

describeWithChromium('task pane in headless Chromium', () => {
  let server: AddinServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    server = await serveAddin();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
    // Paused before the page exists: time moves only when the test says so.
    await context.clock.install({ time: new Date('2026-04-01T09:00:00+09:00') });
    await context.clock.pauseAt(new Date('2026-04-01T09:00:01+09:00'));
    page = await context.newPage();
    // Every CSP violation, whether or not the browser also logs it.
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP: ${e.effectiveDirective} refused ${e.blockedURI} (${e.sourceFile})`),
      ),
    );
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        problems.push(`console ${m.type()}: ${m.text()} (${m.location().url})`);
    });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.locator('html[data-ready=ready]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('office.js came from the CDN stand-in, with the mapping table a plain browser gets', () => {
    const cdn = `${server.cdnOrigin}/1/`;
    expect(requests).toContain(`${cdn}office.js`);
    expect(requests).toContain(`${cdn}o15apptofilemappingtable.js`);
  });

  test('renders in Japanese, in preview mode (no Office host), with the standard shocks ticked', async () => {
    await page.locator('#run').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.textContent('h1')).toBe('RateShock 金利ショック');
    expect(await page.textContent('#run')).toBe('実行');
    expect(await page.textContent('#preview')).toContain('プレビュー');
    for (const p of ['0.25', '0.5', '1', '2'])
      expect(await page.isChecked(`#shock-${p.replace('.', '\\.')}`)).toBe(true);
  });

  test('loads the lodging case and lists its strategies', async () => {
    await page.selectOption('#scenario', 'lodging');
    await page.click('#load-scenario');
    await page.locator('#status', { hasText: '事例を読み込みました' }).waitFor();
    const strategies = await page.locator('#strategies label').allTextContents();
    expect(strategies.length).toBeGreaterThanOrEqual(2);
    expect(await page.isDisabled('#strategies input >> nth=0')).toBe(true);
    expect(await page.textContent('#lesson')).toMatch(/^現状の返済は.*危機対応後経営安定貸付/);
  });

  test('runs the case and shows the summary the engine computes', async () => {
    await page.click('#run');
    const table = page.locator('[data-testid=summary]');
    await table.waitFor({ timeout: 60_000 });
    await page.locator('#status', { hasText: '完了' }).waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())),
      );
    const expected = expectedMatrix();
    expect(rows.slice(0, expected.length)).toEqual(expected);
    // The lesson: +1.00 % breaks the status quo's DSCR; the 20-year crisis refinancing (at the
    // assumed 2.90 %) holds DSCR but breaches 債務償還年数 at plan end.
    const plusOne = expected.find((r) => r[0].includes('1.00'))!;
    expect(plusOne[1].startsWith('✗')).toBe(true);
    expect(plusOne[2]).not.toMatch(/dscr|DSCR/);
    expect(plusOne[2].startsWith('✗')).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'taskpane-summary.png'), fullPage: true });
  });

  test('switches to English and back', async () => {
    await page.click('#language');
    expect(await page.textContent('#run')).toBe('Run');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#lesson')).toMatch(/^The status quo clears DSCR 1\.0/);
    await page.click('#language');
    expect(await page.textContent('#run')).toBe('実行');
  });

  test('after every timer has fired: requests only to the two origins, no CSP or console error', async () => {
    // A minute of page time: office.js's script time-outs and its log proxy (3 s) come due.
    await page.clock.runFor(60_000);
    // A round trip through the page, so that anything those timers logged has arrived.
    const frames = await page.evaluate(() => document.querySelectorAll('iframe').length);
    expect(problems).toEqual([]);
    expect(frames).toBe(0);
    expect(requests.length).toBeGreaterThan(3);
    const origins = [server.origin + '/', server.cdnOrigin + '/'];
    expect(requests.filter((u) => !origins.some((o) => u.startsWith(o)))).toEqual([]);
    expect(requests).toContain(`${server.origin}/compute.worker.js`);
  });
});
