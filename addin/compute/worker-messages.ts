import type { RunRequest, RunResponse } from './run-workbook';

/** Task pane → worker. */
export type WorkerRequest = { id: number; request: RunRequest };

/** Worker → task pane: progress (0…1) while computing, then the response. */
export type WorkerReply =
  | { id: number; kind: 'progress'; share: number }
  | { id: number; kind: 'done'; response: RunResponse }
  | { id: number; kind: 'crash'; message: string };
