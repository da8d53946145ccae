import { runWorkbook } from './run-workbook';
import type { WorkerReply, WorkerRequest } from './worker-messages';

/**
 * The engine off the task pane's thread: Excel desktop restarts an add-in that is unresponsive
 * for 5 seconds, and a 10,000-path Monte Carlo takes longer than that on a slow laptop.
 */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(reply: WorkerReply): void;
};

scope.onmessage = (e) => {
  const { id, request } = e.data;
  let lastPosted = -1;
  try {
    const response = runWorkbook(request, (share) => {
      // At most ~100 progress messages, whatever the number of paths.
      if (share - lastPosted >= 0.01) {
        lastPosted = share;
        scope.postMessage({ id, kind: 'progress', share });
      }
    });
    scope.postMessage({ id, kind: 'done', response });
  } catch (error) {
    scope.postMessage({ id, kind: 'crash', message: String((error as Error)?.stack ?? error) });
  }
};
