import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  Case,
  MonteCarloOptions,
  MonteCarloOutcome,
  MonteCarloPlan,
  MonteCarloStrategy,
  PATH_BLOCK,
  catalogPrograms,
  createMarketSamples,
  createPathSamples,
  marketSamplesByteLength,
  monteCarloResults,
  pathSamplesByteLength,
  prepareMonteCarlo,
  simulatePaths,
  strategyGroups,
  summarizeMarket,
  summarizeStrategy,
} from '../../engine';

/**
 * Monte Carlo on several threads, with the same numbers as one.
 *
 * Paths are cut into blocks of PATH_BLOCK; this thread and the worker threads claim blocks
 * from a shared counter until none is left, each writing its paths' results straight into
 * shared buffers at the paths' own indexes. Path i's numbers depend only on the seed and i, so
 * who computes which block changes nothing; the summaries are made here from the complete
 * buffers. This thread waits on `Atomics.wait` rather than on events, which keeps the command
 * synchronous like every other (`run()` in main.ts returns its exit code directly).
 */

/** Slots of the shared control array. */
const PROGRESS = 0; // paths × strategies simulated so far
const ERROR = 1; // length + 1 of the first error message, 0 while all is well
const CONTROL_SLOTS = 2;
/** Slots of a round's counter array: the next block to claim, and blocks finished. */
const NEXT = 0;
const FINISHED = 1;

/** The worker's entry: compiled next to this file, or the TypeScript source in tests. */
const WORKER_ENTRY = join(
  __dirname,
  `montecarlo-worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`,
);

/** A worker that stops moving for this long is taken for dead (it cannot be watched by events here). */
const STALL_MS = 120_000;

/** One shared-memory task: simulate the blocks of one group of strategies. */
export interface WorkerTask {
  group: number[];
  samples: SharedArrayBuffer[];
  market: SharedArrayBuffer | null;
  counters: SharedArrayBuffer;
  blocks: number;
}

/** What a worker thread is started with. */
export interface WorkerSetup {
  c: Case;
  options: MonteCarloOptions;
  control: SharedArrayBuffer;
  errors: SharedArrayBuffer;
}

/** Threads to use by default: every core, when there is enough work to repay starting them. */
export function defaultThreads(paths: number, strategies: number): number {
  return paths * strategies >= 20_000 ? Math.min(16, availableParallelism()) : 1;
}

/**
 * Claims and simulates blocks until none is left (this thread and the workers alike).
 * Returns after the last claimed block is written; `afterBlock` runs after each block.
 */
export function workOnBlocks(
  plan: MonteCarloPlan,
  task: Pick<WorkerTask, 'group' | 'blocks'>,
  samples: ReturnType<typeof createPathSamples>[],
  market: ReturnType<typeof createMarketSamples> | null,
  counters: Int32Array,
  control: Int32Array,
  afterBlock?: () => void,
): void {
  const { paths } = plan.options;
  for (;;) {
    const block = Atomics.add(counters, NEXT, 1);
    if (block >= task.blocks) return;
    const from = block * PATH_BLOCK;
    const to = Math.min(paths, from + PATH_BLOCK);
    simulatePaths(plan, task.group, samples, market, from, to);
    Atomics.add(control, PROGRESS, (to - from) * task.group.length);
    Atomics.add(counters, FINISHED, 1);
    Atomics.notify(counters, FINISHED);
    afterBlock?.();
  }
}

/** Records a worker's error for the main thread (the first one wins). */
export function reportWorkerError(
  setup: Pick<WorkerSetup, 'control' | 'errors'>,
  e: unknown,
): void {
  const control = new Int32Array(setup.control);
  const bytes = new TextEncoder().encode(e instanceof Error ? (e.stack ?? e.message) : String(e));
  const room = new Uint8Array(setup.errors);
  const length = Math.min(bytes.length, room.length);
  if (Atomics.compareExchange(control, ERROR, 0, -1) === 0) {
    room.set(bytes.subarray(0, length));
    Atomics.store(control, ERROR, length + 1);
  }
}

/** Code each worker starts with: loads the entry (transpiling TypeScript when run from sources). */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
try {
  if (workerData.typescript) {
    const ts = require(workerData.typescript);
    const fs = require('node:fs');
    const extensions = require('node:module')._extensions;
    const others = Object.entries(extensions);
    // '.ts' first, as TypeScript resolves: engine/programs has catalog.ts beside catalog.json.
    for (const [ext] of others) delete extensions[ext];
    extensions['.ts'] = (module, filename) => {
      const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      module._compile(outputText, filename);
    };
    for (const [ext, load] of others) extensions[ext] = load;
  }
  require(workerData.entry);
} catch (e) {
  const control = new Int32Array(workerData.setup.control);
  const bytes = new TextEncoder().encode(String((e && e.stack) || e));
  const room = new Uint8Array(workerData.setup.errors);
  if (Atomics.compareExchange(control, ${ERROR}, 0, -1) === 0) {
    room.set(bytes.subarray(0, room.length));
    Atomics.store(control, ${ERROR}, Math.min(bytes.length, room.length) + 1);
  }
}
`;

function startWorker(setup: WorkerSetup): Worker {
  const typescript = WORKER_ENTRY.endsWith('.ts') ? require.resolve('typescript') : null;
  if (!typescript && !existsSync(WORKER_ENTRY))
    throw new Error(`the Monte Carlo worker is missing: ${WORKER_ENTRY}`);
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry: WORKER_ENTRY, typescript, setup },
  });
  worker.unref();
  return worker;
}

export interface ParallelOptions {
  /** Threads computing paths, this one included (1: no worker thread). */
  threads: number;
  /** Called now and then: paths × strategies simulated, of `total`. */
  onProgress?: (done: number, total: number) => void;
  /**
   * false: this thread only waits, every block goes to the workers (so the tests can hold the
   * workers' numbers to one thread's). Default true.
   */
  mainThreadWorks?: boolean;
}

/**
 * `runMonteCarlo` over `threads` threads (this one and threads − 1 workers), with the catalog's
 * programs and the case's overrides (the workers build the same from the case).
 */
export function runMonteCarloParallel(
  c: Case,
  options: MonteCarloOptions,
  parallel: ParallelOptions,
): MonteCarloOutcome {
  const prepared = prepareMonteCarlo(c, catalogPrograms(c.programOverrides), options);
  if (!prepared.ok) return prepared;
  const { plan } = prepared;
  const { paths } = options;
  const blocks = Math.ceil(paths / PATH_BLOCK);
  const total = paths * plan.strategies.length;
  const setup: WorkerSetup = {
    c,
    options,
    control: new SharedArrayBuffer(CONTROL_SLOTS * 4),
    errors: new SharedArrayBuffer(8192),
  };
  const control = new Int32Array(setup.control);
  const workers = Array.from({ length: Math.max(0, Math.min(parallel.threads, blocks) - 1) }, () =>
    startWorker(setup),
  );
  try {
    const marketBuffer = new SharedArrayBuffer(marketSamplesByteLength(plan));
    const market = createMarketSamples(plan, marketBuffer);
    const strategies: MonteCarloStrategy[] = [];
    strategyGroups(plan).forEach((group, g) => {
      const buffers = group.map((s) => new SharedArrayBuffer(pathSamplesByteLength(plan, s)));
      const samples = group.map((s, j) => createPathSamples(plan, s, buffers[j]));
      const task: WorkerTask = {
        group,
        samples: buffers,
        market: g === 0 ? marketBuffer : null,
        counters: new SharedArrayBuffer(8),
        blocks,
      };
      const counters = new Int32Array(task.counters);
      for (const worker of workers) worker.postMessage(task);
      if (parallel.mainThreadWorks !== false || workers.length === 0)
        workOnBlocks(plan, task, samples, g === 0 ? market : null, counters, control, () =>
          parallel.onProgress?.(Atomics.load(control, PROGRESS), total),
        );
      waitForBlocks(counters, blocks, control, setup, parallel.onProgress, total);
      group.forEach((s, j) => strategies.push(summarizeStrategy(plan, s, samples[j])));
    });
    parallel.onProgress?.(total, total);
    return {
      ok: true,
      results: monteCarloResults(plan, summarizeMarket(plan, market), strategies),
    };
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}

/** Waits until every block of a round is written, reporting progress; throws a worker's error. */
function waitForBlocks(
  counters: Int32Array,
  blocks: number,
  control: Int32Array,
  setup: WorkerSetup,
  onProgress: ParallelOptions['onProgress'],
  total: number,
): void {
  let lastProgress = -1;
  let lastChange = Date.now();
  for (;;) {
    const error = Atomics.load(control, ERROR);
    if (error > 0) {
      const text = new TextDecoder().decode(new Uint8Array(setup.errors).slice(0, error - 1));
      throw new Error(`a Monte Carlo worker failed: ${text}`);
    }
    const finished = Atomics.load(counters, FINISHED);
    const progress = Atomics.load(control, PROGRESS);
    onProgress?.(progress, total);
    if (finished >= blocks) return;
    if (progress !== lastProgress) {
      lastProgress = progress;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > STALL_MS) {
      throw new Error('a Monte Carlo worker stopped responding');
    }
    Atomics.wait(counters, FINISHED, finished, 100);
  }
}
