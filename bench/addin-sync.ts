/**
 * The longest single sync when the add-in writes a 100,000-row schedule, on Excel desktop and
 * on the web (their request budgets): applyPatch against a recording stand-in for Office.js that
 * takes every queued call and, at each `context.sync()`, serialises the queue to JSON on this
 * thread as office.js does before sending. What is measured is the pane's side of each sync
 * (building the batch and serialising it), not Excel's; the request bytes are those sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { catalogPrograms, parseCaseFile, simulate } from '../engine';
import { WorkbookPatch, renderResults } from '../workbook';

/** addin/office/apply-patch.ts's applyPatch, as far as the bench calls it (no Office types here). */
type ApplyPatch = (
  context: unknown,
  patch: WorkbookPatch,
  options: { platform?: string },
) => Promise<{ syncs: number; syncMs: number[] }>;

const ROOT = (() => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
})();

/**
 * The add-in's applier, from its TypeScript source: the CLI build (tsc) does not compile addin/
 * (webpack owns dist/addin), so the bench transpiles those files as Node loads them.
 */
function loadApplyPatch(): ApplyPatch {
  const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
  extensions['.ts'] ??= (module: { _compile(code: string, file: string): void }, file: string) => {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
      fileName: file,
    });
    // The workbook contract the bench itself uses: dist/workbook, built by tsc.
    const code = outputText.replace(
      /require\("\.\.\/\.\.\/workbook"\)/g,
      `require(${JSON.stringify(join(ROOT, 'dist/workbook'))})`,
    );
    module._compile(code, file);
  };
  const load = createRequire(__filename);
  return (load(join(ROOT, 'addin/office/apply-patch.ts')) as { applyPatch: ApplyPatch }).applyPatch;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
function recordingContext(requests: number[]): any {
  let queue: unknown[] = [];
  const sync = async () => {
    const body = JSON.stringify(queue);
    requests.push(Buffer.byteLength(body));
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

/** Office.js's enums: any member reads as its own name. */
const ENUMS = new Proxy({}, { get: () => new Proxy({}, { get: (_, v) => String(v) }) });

function largePatch(rows: number): WorkbookPatch {
  const file = join(ROOT, 'scenarios/lodging-crisis-refinance.case.json');
  const json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const parsed = parseCaseFile(json);
  if (!parsed.ok) throw new Error('the lodging case does not read');
  const outcome = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
  if (!outcome.ok) throw new Error('the lodging case does not simulate');
  const patch = renderResults(parsed.value, outcome.results);
  for (const sheet of patch.sheets)
    for (const t of sheet.tables)
      if (t.name === 'RateShockSchedule')
        t.rows = Array.from({ length: rows }, (_, i) => t.rows[i % t.rows.length]);
  return patch;
}

interface SyncFigures {
  syncs: number;
  largestRequestBytes: number;
  longestSyncMs: number;
}

export async function addinSyncFigures(
  rows = 100_000,
): Promise<{ rows: number; desktop: SyncFigures; web: SyncFigures }> {
  (globalThis as { Excel?: unknown }).Excel ??= ENUMS;
  const applyPatch = loadApplyPatch();
  const patch = largePatch(rows);
  const measure = async (platform: string): Promise<SyncFigures> => {
    const requests: number[] = [];
    const result = await applyPatch(recordingContext(requests), patch, { platform });
    return {
      syncs: result.syncs,
      largestRequestBytes: Math.max(...requests),
      longestSyncMs: Math.max(...result.syncMs),
    };
  };
  return { rows, desktop: await measure('PC'), web: await measure('OfficeOnline') };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
