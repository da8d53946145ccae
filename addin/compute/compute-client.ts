import type { RunRequest, RunResponse } from './run-workbook';
import type { WorkerReply } from './worker-messages';

/** Runs a request somewhere (a web worker in the task pane) and reports progress 0…1. */
export type Compute = (
  request: RunRequest,
  onProgress: (share: number) => void,
) => Promise<RunResponse>;

/**
 * The engine in a web worker, one worker kept for the pane's lifetime (its start-up, parsing
 * the engine, is paid once). Requests are numbered so a late reply is never taken for another's.
 */
export function workerCompute(createWorker: () => Worker): Compute {
  let worker: Worker | null = null;
  let next = 0;
  return (request, onProgress) =>
    new Promise<RunResponse>((resolve, reject) => {
      worker ??= createWorker();
      const id = ++next;
      const w = worker;
      const onMessage = (e: MessageEvent<WorkerReply>) => {
        const reply = e.data;
        if (reply.id !== id) return;
        if (reply.kind === 'progress') return onProgress(reply.share);
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        if (reply.kind === 'done') resolve(reply.response);
        else reject(new Error(reply.message));
      };
      const onError = (e: ErrorEvent) => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        worker = null;
        w.terminate();
        reject(new Error(e.message || 'the compute worker failed'));
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage({ id, request });
    });
}
