/**
 * The fake Excel of the sync bench, shared by its Node run (addin-sync.ts) and its browser run
 * (browser/sync-page.ts, bundled for headless Chromium): a recording stand-in for Office.js that
 * takes every queued call and, at each `context.sync()`, serialises the queue to JSON on the
 * calling thread as office.js does before sending. No Node built-ins: it runs in the page too.
 */
import { catalogPrograms, parseCaseFile, simulate } from '../engine';
import { WorkbookPatch, renderResults } from '../workbook';

/** What one platform's write measured. */
export interface SyncFigures {
  syncs: number;
  largestRequestBytes: number;
  longestSyncMs: number;
}

/** Office.js's enums: any member reads as its own name. */
export const ENUMS = new Proxy({}, { get: () => new Proxy({}, { get: (_, v) => String(v) }) });

const utf8 = new TextEncoder();

/* eslint-disable @typescript-eslint/no-explicit-any */
/** A request context that records each sync's request size (UTF-8 bytes of its JSON) in `requests`. */
export function recordingContext(requests: number[]): any {
  let queue: unknown[] = [];
  const sync = async () => {
    const body = JSON.stringify(queue);
    requests.push(utf8.encode(body).length);
    queue = [];
  };
  const node = (path: string): any =>
    new Proxy(function () {}, {
      get(_, prop) {
        if (prop === 'then') return undefined;
        if (path === 'context' && prop === 'sync') return sync;
        if (prop === 'items') return [];
        if (prop === 'load') return () => node(path);
        return node(`${path}.${String(prop)}`);
      },
      set(_, prop, value) {
        queue.push([path, String(prop), value]);
        return true;
      },
      apply(_, __, args) {
        queue.push([path, args]);
        return node(`${path}()`);
      },
    });
  return node('context');
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * The result patch of a case file (the lodging workshop case in the bench) with its schedule
 * table stretched to `rows` rows by repeating its own rows.
 */
export function largePatch(caseJson: unknown, rows: number): WorkbookPatch {
  const parsed = parseCaseFile(caseJson);
  if (!parsed.ok) throw new Error('the bench case does not read');
  const outcome = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
  if (!outcome.ok) throw new Error('the bench case does not simulate');
  const patch = renderResults(parsed.value, outcome.results);
  for (const sheet of patch.sheets)
    for (const t of sheet.tables)
      if (t.name === 'RateShockSchedule')
        t.rows = Array.from({ length: rows }, (_, i) => t.rows[i % t.rows.length]);
  return patch;
}

/** The platforms measured: `Office.context.platform` of Excel on Windows and of Excel on the web. */
export const SYNC_PLATFORMS = { desktop: 'PC', web: 'OfficeOnline' } as const;
