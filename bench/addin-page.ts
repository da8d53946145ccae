/**
 * The built task pane served from this machine for the browser test and the bench: dist/addin
 * over plain http on 127.0.0.1, with the npm copy of office.js (@microsoft/office-js) in place
 * of Microsoft's CDN, so a page that behaves makes no request outside this one origin.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { Browser } from 'playwright-core';

export const OFFICE_CDN_SCRIPT = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The repository: the nearest folder up with package.json (this file runs from bench/ or dist/bench/). */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
const ROOT = repositoryRoot(__dirname);
export const ADDIN_DIST = join(ROOT, 'dist/addin');
const OFFICE_JS_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
};

export interface AddinServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves dist/addin and /office-js/ (the npm office.js) on a free port of 127.0.0.1. */
export async function serveAddin(dist = ADDIN_DIST): Promise<AddinServer> {
  if (!existsSync(join(dist, 'taskpane.html')))
    throw new Error(`${dist}/taskpane.html is missing: run \`npm run build\` first`);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [root, rel] = url.pathname.startsWith('/office-js/')
      ? [OFFICE_JS_DIST, url.pathname.slice('/office-js/'.length)]
      : [dist, url.pathname.slice(1)];
    const file = normalize(join(root, decodeURIComponent(rel)));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    let body: Buffer | string = readFileSync(file);
    if (file.endsWith('taskpane.html'))
      body = body.toString('utf8').replace(OFFICE_CDN_SCRIPT, '/office-js/office.js');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
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
