/**
 * The longest single sync of a 100,000-row write, measured in headless Chromium: the pane's
 * applier (addin/office/apply-patch.ts) bundled by the add-in's own webpack rules with the
 * recording fake Excel (browser/sync-page.ts), run on the page's main thread in the Chromium
 * the browser test drives (addin-page.ts), once with the desktop request budget and once with
 * the web's. The Node run of the same (addin-sync.ts) gives the same syncs and request sizes;
 * the times are V8's in a browser page rather than in Node.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CHROMIUM_PATH, hasChromium, launchChromium } from './addin-page';
import { benchCaseJson } from './addin-sync';
import { SYNC_PLATFORMS, SyncFigures } from './addin-sync-fake';

const ROOT = (() => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
})();

/** Where the page bundle goes: beside dist/addin, not in it (the bundle-size figures count dist/addin). */
const PAGE_DIST = join(ROOT, 'dist/bench-page');

/** Bundles browser/sync-page.ts with webpack.config.js's loaders and resolution; returns its path. */
export async function buildSyncPage(mode: 'production' | 'development' = 'production') {
  // webpack and the add-in's config are build tools: loaded only when the bench runs.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const webpack = require('webpack') as typeof import('webpack');
  const addinConfig = require(join(ROOT, 'webpack.config.js')) as (
    env: object,
    argv: { mode: string },
  ) => Promise<import('webpack').Configuration>;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const base = await addinConfig({}, { mode });
  const compiler = webpack({
    mode,
    devtool: false,
    entry: { 'sync-page': join(ROOT, 'bench/browser/sync-page.ts') },
    output: { path: PAGE_DIST, filename: '[name].js', clean: true },
    resolve: base.resolve,
    module: base.module,
    performance: { hints: false },
  });
  const stats = await new Promise<import('webpack').Stats>((ok, fail) =>
    compiler.run((error, result) => {
      compiler.close(() => undefined);
      if (error || !result) fail(error ?? new Error('webpack gave no result'));
      else ok(result);
    }),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  return join(PAGE_DIST, 'sync-page.js');
}

export interface BrowserSyncFigures {
  rows: number;
  desktop: SyncFigures;
  web: SyncFigures;
}

/** The 100,000-row write in headless Chromium, per platform; skipped without Chromium. */
export async function addinBrowserSyncFigures(
  rows = 100_000,
  mode: 'production' | 'development' = 'production',
): Promise<BrowserSyncFigures | { skipped: string }> {
  if (!hasChromium()) return { skipped: `no Chromium at ${CHROMIUM_PATH}` };
  const script = await buildSyncPage(mode);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ path: script });
    const platforms = [SYNC_PLATFORMS.desktop, SYNC_PLATFORMS.web];
    // The page's entry (browser/sync-page.ts) defines it; this file is built without DOM types.
    type Bench = (json: unknown, n: number, p: string[]) => Promise<Record<string, SyncFigures>>;
    const figures = await page.evaluate(
      ([json, n, p]) =>
        (globalThis as unknown as { rateShockSyncBench: Bench }).rateShockSyncBench(json, n, p),
      [benchCaseJson(), rows, platforms] as [unknown, number, string[]],
    );
    return {
      rows,
      desktop: figures[SYNC_PLATFORMS.desktop],
      web: figures[SYNC_PLATFORMS.web],
    };
  } finally {
    await browser.close();
  }
}
