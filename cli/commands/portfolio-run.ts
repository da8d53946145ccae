import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  AmountUnit,
  PortfolioOptions,
  PortfolioResults,
  ROW_ERROR_LIST_CAP,
  RowError,
  describeRowError,
  emptyPortfolioPartial,
  mergePortfolioPartial,
  readFirmCsvHeader,
  splitCsvLine,
  summarizePortfolio,
} from '../../engine';
import { InputError } from '../read-input';
import { csvFileLines } from './csv-lines';
import { DuplicateIds } from './duplicate-ids';
import { ChunkResult, ChunkSetup, ChunkTask, processChunk } from './portfolio-chunk';

/**
 * Runs a portfolio CSV through the stress, streaming: the file is read in blocks, cut into
 * chunks of lines, each chunk parsed and stressed (on worker threads when the compiled worker
 * is there), and the partial sums folded in file order — so the results are the same with
 * any number of workers, and memory holds only the chunks in flight, the running sums and
 * the most-affected list.
 */

export interface PortfolioRunOptions {
  stress: PortfolioOptions;
  unit: AmountUnit;
  /** Leave bad rows out (reported) instead of stopping the run. */
  skipBadRows: boolean;
  /** Worker threads; default: one per core. */
  workers?: number;
  /** Lines per chunk (default 2,000). */
  chunkLines?: number;
  /** Called as the file is read: bytes read so far, of `total`. */
  onProgress?: (read: number, total: number) => void;
  /** How messages name the input (default: the path), e.g. a workbook's table read as CSV. */
  label?: string;
  /** How an error names its place, e.g. `企業!C7` for a workbook's table (default: row, column). */
  describe?: (e: RowError) => string;
}

export interface PortfolioRun {
  results: PortfolioResults;
  /** Worker threads used; 0 when the chunks ran in this thread. */
  workers: number;
}

const CHUNK_LINES = 2_000;

/** The compiled worker: next to this module's compiled file (absent when run from TypeScript). */
export const PORTFOLIO_WORKER_FILE = join(__dirname, 'portfolio-worker.js');

export function defaultWorkers(): number {
  return availableParallelism();
}

/** Where chunks go: worker threads, or this thread when workers cannot start. */
interface ChunkSink {
  /** Resolves once the chunk is accepted (there is room for it). */
  submit(task: ChunkTask): Promise<void>;
  /** Resolves when every chunk has been processed. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

function inProcessSink(setup: ChunkSetup, onResult: (r: ChunkResult) => void): ChunkSink {
  return {
    submit: async (task) => onResult(processChunk(setup, task)),
    drain: async () => undefined,
    close: async () => undefined,
  };
}

/**
 * A pool of worker threads, two chunks in flight per worker (one working, one waiting, so no
 * worker idles while this thread reads on).
 */
function workerSink(
  setup: ChunkSetup,
  count: number,
  onResult: (r: ChunkResult) => void,
): ChunkSink {
  const workers = Array.from(
    { length: count },
    () => new Worker(PORTFOLIO_WORKER_FILE, { workerData: setup }),
  );
  const pending = workers.map(() => 0);
  let inFlight = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  workers.forEach((worker, i) => {
    worker.on('message', (result: ChunkResult) => {
      pending[i]--;
      inFlight--;
      try {
        onResult(result);
      } catch (e) {
        failure = e as Error;
      }
      notify();
    });
    worker.on('error', (e) => {
      failure = e;
      notify();
    });
    worker.on('exit', (code) => {
      if (code !== 0 && failure === null) failure = new Error(`worker stopped (exit ${code})`);
      notify();
    });
  });
  const waitUntil = async (ready: () => boolean) => {
    while (!ready()) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure) throw failure;
  };
  return {
    async submit(task) {
      await waitUntil(() => inFlight < 2 * count);
      let best = 0;
      for (let i = 1; i < count; i++) if (pending[i] < pending[best]) best = i;
      pending[best]++;
      inFlight++;
      workers[best].postMessage(task);
    },
    drain: () => waitUntil(() => inFlight === 0),
    async close() {
      workers.forEach((w) => w.removeAllListeners('exit'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function cannotRead(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  return new InputError(
    `${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? String(e))})`,
  );
}

function rowErrorDetails(
  errors: readonly RowError[],
  errorCount: number,
  describe: (e: RowError) => string = describeRowError,
): string[] {
  const details = errors.map(describe);
  const rest = errorCount - errors.length;
  if (rest > 0) details.push(`… ほか ${rest} 件 / and ${rest} more`);
  return details;
}

/**
 * Stresses the firms of a CSV file. Input problems (unreadable file, bad header, bad rows
 * unless skipped, no firms) are InputErrors listing what to fix.
 */
export async function runPortfolioFile(
  path: string,
  options: PortfolioRunOptions,
): Promise<PortfolioRun> {
  const name = options.label ?? path;
  let total: number;
  try {
    total = statSync(path).size;
  } catch (e) {
    throw cannotRead(name, e);
  }
  const onBytes = options.onProgress && ((read: number) => options.onProgress!(read, total));
  return runPortfolioLines(csvFileLines(path, name, onBytes), { ...options, label: name });
}

/**
 * Stresses the firms of CSV lines (the header line first; `lines` numbered from row 1), from
 * a file or from a workbook's table; errors as runPortfolioFile's.
 */
export async function runPortfolioLines(
  source: AsyncIterable<string> | Iterable<string>,
  options: PortfolioRunOptions,
): Promise<PortfolioRun> {
  const name = options.label ?? 'input';
  const describe = options.describe ?? describeRowError;
  const stress = options.stress;
  const chunkLines = options.chunkLines ?? CHUNK_LINES;
  const wanted = Math.max(1, options.workers ?? defaultWorkers());
  const useWorkers = existsSync(PORTFOLIO_WORKER_FILE);

  // Folded in chunk order, whatever order workers finish in.
  const sum = emptyPortfolioPartial(stress);
  const errors: RowError[] = [];
  let errorCount = 0;
  let badRows = 0;
  const early = new Map<number, ChunkResult>();
  const ids = new DuplicateIds();
  let next = 0;
  const onResult = (result: ChunkResult) => {
    early.set(result.index, result);
    for (let r = early.get(next); r !== undefined; r = early.get(next)) {
      early.delete(next++);
      ids.add(r.ids, r.idRows);
      mergePortfolioPartial(sum, r.partial, stress);
      errorCount += r.errorCount;
      badRows += r.badRows;
      for (const e of r.errors) if (errors.length < ROW_ERROR_LIST_CAP) errors.push(e);
    }
  };

  let sink: ChunkSink | null = null;
  let lines: string[] = [];
  let firstRow = 0;
  let index = 0;
  let row = 0;
  const flush = async () => {
    if (lines.length === 0 || sink === null) return;
    const task: ChunkTask = { index: index++, firstRow, lines };
    lines = [];
    await sink.submit(task);
  };
  const take = async (line: string) => {
    row++;
    if (sink === null) {
      if (line.trim() === '') return;
      const split = splitCsvLine(line);
      const read =
        'error' in split
          ? { errors: [{ row, column: null, message: split.error, value: undefined }] }
          : readFirmCsvHeader(split.cells, row);
      if ('errors' in read) {
        throw new InputError(
          `${name}: the header row is not usable / 見出し行に誤りがあります`,
          rowErrorDetails(read.errors, read.errors.length, describe),
        );
      }
      const setup: ChunkSetup = { header: read.header, options: stress, unit: options.unit };
      sink = useWorkers ? workerSink(setup, wanted, onResult) : inProcessSink(setup, onResult);
      return;
    }
    if (lines.length === 0) firstRow = row;
    lines.push(line);
    if (lines.length >= chunkLines) await flush();
  };

  try {
    for await (const line of source) await take(line);
    await flush();
    if (sink === null) throw new InputError(`${name}: the file is empty / ファイルが空です`);
    await (sink as ChunkSink).drain();
  } finally {
    await (sink as ChunkSink | null)?.close();
  }

  // The same firm twice would be counted twice: refused even with --skip-bad-rows.
  if (ids.duplicates.length > 0) {
    throw new InputError(
      `${name}: ${ids.duplicateCount} 件の企業IDが重複しています / ${ids.duplicateCount} firm id${ids.duplicateCount === 1 ? ' repeats' : 's repeat'} an earlier row (each firm once)`,
      rowErrorDetails(ids.duplicates, ids.duplicateCount, describe),
    );
  }

  if (errorCount > 0 && !options.skipBadRows) {
    throw new InputError(
      `${name}: ${errorCount} input error${errorCount === 1 ? '' : 's'} in ${badRows} row${badRows === 1 ? '' : 's'} / 入力エラー ${errorCount} 件 (${badRows} 行) — fix them or pass --skip-bad-rows`,
      rowErrorDetails(errors, errorCount, describe),
    );
  }
  if (sum.firms === 0) {
    throw new InputError(
      `${name}: no firms to stress / 対象企業がありません`,
      rowErrorDetails(errors, errorCount, describe),
    );
  }
  return {
    results: summarizePortfolio(sum, stress, { rows: badRows, errorCount, errors }),
    workers: useWorkers ? wanted : 0,
  };
}
