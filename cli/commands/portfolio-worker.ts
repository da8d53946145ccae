/**
 * Worker thread of `rateshock portfolio`: processes chunks of CSV lines one after another.
 * Loaded from its compiled file next to portfolio-run.js (see portfolio-run.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkSetup, ChunkTask, processChunk } from './portfolio-chunk';

const setup = workerData as ChunkSetup;
const port = parentPort!;
port.on('message', (task: ChunkTask) => port.postMessage(processChunk(setup, task)));
