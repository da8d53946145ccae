/**
 * The longest single sync when the add-in writes a 100,000-row schedule, on Excel desktop and
 * on the web (their request budgets), in Node: applyPatch against the recording fake Excel of
 * addin-sync-fake.ts (addin-sync-browser.ts measures the same in headless Chromium). What is measured is the pane's side of each sync
 * (building the batch and serialising it), not Excel's; the request bytes are those sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { WorkbookPatch } from '../workbook';
import {
  ENUMS,
  SYNC_PLATFORMS,
  SyncFigures,
  largePatch,
  recordingContext,
} from './addin-sync-fake';

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

/** The case whose results the bench writes: the lodging workshop case. */
export function benchCaseJson(): unknown {
  const file = join(ROOT, 'scenarios/lodging-crisis-refinance.case.json');
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
}

export async function addinSyncFigures(
  rows = 100_000,
): Promise<{ rows: number; desktop: SyncFigures; web: SyncFigures }> {
  (globalThis as { Excel?: unknown }).Excel ??= ENUMS;
  const applyPatch = loadApplyPatch();
  const patch = largePatch(benchCaseJson(), rows);
  const measure = async (platform: string): Promise<SyncFigures> => {
    const requests: number[] = [];
    const result = await applyPatch(recordingContext(requests), patch, { platform });
    return {
      syncs: result.syncs,
      largestRequestBytes: Math.max(...requests),
      longestSyncMs: Math.max(...result.syncMs),
    };
  };
  return {
    rows,
    desktop: await measure(SYNC_PLATFORMS.desktop),
    web: await measure(SYNC_PLATFORMS.web),
  };
}
