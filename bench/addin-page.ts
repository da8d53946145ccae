/**
 * The built task pane served from this machine for the browser test and the bench, as Office
 * would load it, on two loopback origins: dist/addin over plain http on 127.0.0.1 (the add-in's
 * own server), and the npm copy of office.js (@microsoft/office-js) on a second origin laid out
 * like Microsoft's CDN (`/1/office.js` beside its host files, locale folders, the mapping table
 * and telemetry/). The page's script tag and its Content-Security-Policy name that second origin
 * in place of the CDN's, nothing else changes: what the CSP lets office.js do here it lets it do
 * on the CDN.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { Browser } from 'playwright-core';

/** Microsoft's office.js CDN host, as taskpane.html names it (script tag and CSP). */
export const OFFICE_CDN_ORIGIN = 'https://officeapis.public.onecdn.static.microsoft';
/** The folder office.js is in on that CDN; every file office.js loads is relative to it. */
export const OFFICE_CDN_FOLDER = '/1/';
/** The repository: the nearest folder up with package.json (this file runs from bench/ or dist/bench/). */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
const ROOT = repositoryRoot(__dirname);
/** The built add-in; ADDIN_DIST serves another copy (a build kept aside while dist/ is rebuilt). */
export const ADDIN_DIST = process.env.ADDIN_DIST ?? join(ROOT, 'dist/addin');
export const OFFICE_JS_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
};

export interface AddinServer {
  /** The add-in's origin (dist/addin). */
  origin: string;
  /** The stand-in for Microsoft's CDN (office.js from npm). */
  cdnOrigin: string;
  close(): Promise<void>;
}

/** A static file server for `root` under `prefix` on a free port of 127.0.0.1. */
async function serveFolder(
  root: string,
  prefix: string,
  headers: Record<string, string>,
  rewrite: (file: string, body: Buffer) => Buffer | string = (_, body) => body,
): Promise<{ origin: string; server: Server }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = url.pathname.startsWith(prefix)
      ? normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))))
      : '';
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    res.end(rewrite(file, readFileSync(file)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, server };
}

/** Serves dist/addin on one origin and the npm office.js, laid out like the CDN, on another. */
export async function serveAddin(dist = ADDIN_DIST): Promise<AddinServer> {
  if (!existsSync(join(dist, 'taskpane.html')))
    throw new Error(`${dist}/taskpane.html is missing: run \`npm run build\` first`);
  // office.js adds its files with crossorigin="anonymous": the CDN answers with
  // Access-Control-Allow-Origin: *, and so must its stand-in (without it the mapping table is
  // refused and Office.onReady never fires).
  const cdn = await serveFolder(OFFICE_JS_DIST, OFFICE_CDN_FOLDER, {
    'access-control-allow-origin': '*',
  });
  const pane = await serveFolder(dist, '/', {}, (file, body) =>
    file.endsWith('.html') ? body.toString('utf8').split(OFFICE_CDN_ORIGIN).join(cdn.origin) : body,
  );
  const close = (s: Server) => new Promise<void>((ok) => s.close(() => ok()));
  return {
    origin: pane.origin,
    cdnOrigin: cdn.origin,
    close: async () => {
      await Promise.all([close(pane.server), close(cdn.server)]);
    },
  };
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_MISSING =
  `Chromium is not at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` ` +
  '(or set CHROMIUM_PATH).';

/** Whether Chromium is there to run. */
export function hasChromium(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Debian's Chromium, headless, with every background connection of its own turned off. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
