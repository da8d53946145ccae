/**
 * LibreOffice Calc as an independent reference: workbooks written by the tests (or by the
 * CLI) are opened headless, recalculated, and saved again, so that formula results come
 * from LibreOffice's own PMT / IPMT / PPMT / ROUNDDOWN, never from our code.
 *
 * Recalculation is forced: by default Calc keeps the cached values it finds in an .xlsx
 * (OOXMLRecalcMode "never recalculate" / "prompt" for documents it did not write), so each
 * conversion runs in its own throw-away profile whose registrymodifications.xcu sets
 * OOXMLRecalcMode and ODFRecalcMode to 0 ("always recalculate"). The private profile also
 * lets several jest workers run soffice at once without fighting over a profile lock.
 */
import { execFile } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

/** First start of a fresh profile can take 20–60 s on a cold machine. */
export const SOFFICE_TIMEOUT_MS = 180_000;

export const SOFFICE_MISSING =
  'LibreOffice (soffice) is not on PATH: install it with ' +
  '`apt-get install -y --no-install-recommends libreoffice-calc` (or set SOFFICE_PATH).';

/** The soffice executable: $SOFFICE_PATH if set, else the first `soffice` on PATH. */
export function findSoffice(): string | undefined {
  const candidates = process.env.SOFFICE_PATH
    ? [process.env.SOFFICE_PATH]
    : (process.env.PATH ?? '')
        .split(delimiter)
        .filter((dir) => dir !== '')
        .map((dir) => join(dir, 'soffice'));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * `describe` for suites that need LibreOffice. Without soffice the suite fails when
 * CI=true (a reference check that silently does not run is no check) and is skipped with
 * a console note otherwise.
 */
export function describeWithLibreOffice(name: string, body: (soffice: string) => void): void {
  const soffice = findSoffice();
  if (soffice) {
    describe(name, () => body(soffice));
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      test('LibreOffice is installed (required when CI=true)', () => {
        throw new Error(`${name}: ${SOFFICE_MISSING}`);
      });
    });
  } else {
    console.warn(`Skipping "${name}": ${SOFFICE_MISSING}`);
    describe.skip(name, () => body('soffice'));
  }
}

const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh LibreOffice user profile that recalculates every formula on load. */
function makeRecalcProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rateshock-lo-profile-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS_XCU);
  return dir;
}

export interface ConvertOptions {
  /** Target format given to --convert-to: "xlsx" (default), "ods", "csv", … */
  format?: string;
  /** Directory for the output (default: a new temp directory). */
  outDir?: string;
  timeoutMs?: number;
  soffice?: string;
}

export interface ConvertResult {
  outputPath: string;
  /** Wall time of the soffice run. */
  elapsedMs: number;
}

/**
 * Opens `inputPath` in headless LibreOffice with recalculation forced on load and saves it
 * as `format` into `outDir`. Rejects with soffice's output when no file was produced
 * (soffice exits 0 even when it cannot load the document).
 */
export function convertWithLibreOffice(
  inputPath: string,
  options: ConvertOptions = {},
): Promise<ConvertResult> {
  const soffice = options.soffice ?? findSoffice();
  if (!soffice) return Promise.reject(new Error(SOFFICE_MISSING));
  const format = options.format ?? 'xlsx';
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'rateshock-lo-out-'));
  const ext = format.split(':')[0];
  const outputPath = join(outDir, `${basename(inputPath, extname(inputPath))}.${ext}`);
  const profile = makeRecalcProfile();
  const args = [
    '--headless',
    '--norestore',
    '--nologo',
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--convert-to',
    format,
    '--outdir',
    outDir,
    inputPath,
  ];
  const started = Date.now();
  return new Promise<ConvertResult>((resolve, reject) => {
    execFile(
      soffice,
      args,
      { timeout: options.timeoutMs ?? SOFFICE_TIMEOUT_MS },
      (error, stdout, stderr) => {
        rmSync(profile, { recursive: true, force: true });
        const elapsedMs = Date.now() - started;
        const output = `\n$ ${soffice} ${args.join(' ')}\nstdout: ${stdout}\nstderr: ${stderr}`;
        if (error) {
          reject(new Error(`soffice failed after ${elapsedMs} ms (${error.message})${output}`));
        } else if (!existsSync(outputPath)) {
          reject(new Error(`soffice produced no ${outputPath}${output}`));
        } else {
          resolve({ outputPath, elapsedMs });
        }
      },
    );
  });
}

export interface RecalculatedWorkbook {
  workbook: ExcelJS.Workbook;
  /** Wall time of the soffice run alone. */
  elapsedMs: number;
  /** The workbook as LibreOffice saved it; only kept on disk with `keepFiles`. */
  path: string;
}

export interface RecalculateOptions extends Omit<ConvertOptions, 'format' | 'outDir'> {
  /** File name (without extension) of the written workbook. */
  name?: string;
  /** Keep the written and recalculated files (default: $KEEP_LIBREOFFICE_FILES is set). */
  keepFiles?: boolean;
}

/** Writes an exceljs workbook, lets LibreOffice recalculate it, and reads the result back. */
export async function recalculateWorkbook(
  workbook: ExcelJS.Workbook,
  options: RecalculateOptions = {},
): Promise<RecalculatedWorkbook> {
  const keep = options.keepFiles ?? Boolean(process.env.KEEP_LIBREOFFICE_FILES);
  const work = mkdtempSync(join(tmpdir(), 'rateshock-lo-'));
  try {
    const inputPath = join(work, `${options.name ?? 'workbook'}.xlsx`);
    await workbook.xlsx.writeFile(inputPath);
    const outDir = join(work, 'recalculated');
    mkdirSync(outDir);
    const { outputPath, elapsedMs } = await convertWithLibreOffice(inputPath, {
      ...options,
      format: 'xlsx',
      outDir,
    });
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(outputPath);
    return { workbook: result, elapsedMs, path: outputPath };
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The number a (formula) cell holds after recalculation; throws naming the cell when it is
 * empty, text or an error, so a missing LibreOffice result never passes as 0.
 */
export function cellNumber(sheet: ExcelJS.Worksheet, address: string): number {
  const cell = sheet.getCell(address);
  // Read a formula's result through `cell.result`: exceljs's `cell.value` drops a result of 0.
  const n: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    const found = JSON.stringify(cell.value);
    throw new Error(
      `${sheet.name}!${address}: expected a number, found ${found} (result ${JSON.stringify(n)})`,
    );
  }
  return n;
}
