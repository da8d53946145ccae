import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ADDIN_DIST, CHROMIUM_PATH, hasChromium, launchChromium, serveAddin } from './addin-page';

/** Each JavaScript file of the built task pane, raw and gzip-compressed (level 9). */
export function bundleFigures(dist = ADDIN_DIST) {
  const files = readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(dist, file));
      return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
  return { files, totalGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The built task pane in headless Chromium: time from navigation to a usable pane (the Run
 * button shown, a cold cache each time), and one workshop run end to end (load the case, run in
 * the web worker, the summary shown).
 */
export async function addinFigures() {
  if (!existsSync(join(ADDIN_DIST, 'taskpane.html'))) return { skipped: 'dist/addin not built' };
  const bundle = bundleFigures();
  if (!hasChromium()) return { bundle, skipped: `no Chromium at ${CHROMIUM_PATH}` };
  const server = await serveAddin();
  const browser = await launchChromium();
  try {
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${server.origin}/taskpane.html`);
      await page.locator('#run').waitFor();
      loads.push(performance.now() - t0);
      await context.close();
    }
    const page = await browser.newPage();
    await page.goto(`${server.origin}/taskpane.html`);
    await page.locator('#run').waitFor();
    await page.selectOption('#scenario', 'lodging');
    await page.click('#load-scenario');
    await page.locator('#strategies input').first().waitFor();
    const t0 = performance.now();
    await page.click('#run');
    await page.locator('[data-testid=result-card]').waitFor({ timeout: 120_000 });
    const runMs = performance.now() - t0;
    return { bundle, loadMs: median(loads), loadRunsMs: loads, lodgingRunMs: runMs };
  } finally {
    await browser.close();
    await server.close();
  }
}
