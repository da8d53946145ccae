/**
 * Worker thread of `rateshock montecarlo`: prepares the case once, then for each task claims
 * blocks of paths and writes their results into the shared buffers (see montecarlo-parallel.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  catalogPrograms,
  createMarketSamples,
  createPathSamples,
  prepareMonteCarlo,
} from '../../engine';
import { WorkerSetup, WorkerTask, reportWorkerError, workOnBlocks } from './montecarlo-parallel';

const setup = (workerData as { setup: WorkerSetup }).setup;
const prepared = prepareMonteCarlo(
  setup.c,
  catalogPrograms(setup.c.programOverrides),
  setup.options,
);
if (!prepared.ok)
  throw new Error(`the case did not prepare in the worker: ${JSON.stringify(prepared.errors)}`);
const { plan } = prepared;
const control = new Int32Array(setup.control);

parentPort!.on('message', (task: WorkerTask) => {
  try {
    const samples = task.group.map((s, j) => createPathSamples(plan, s, task.samples[j]));
    const market = task.market ? createMarketSamples(plan, task.market) : null;
    workOnBlocks(plan, task, samples, market, new Int32Array(task.counters), control);
  } catch (e) {
    reportWorkerError(setup, e);
  }
});
