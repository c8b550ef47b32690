/// <reference lib="webworker" />
/** The engine Web Worker: answers requests with the pure engine, off the page's main thread. */
import { handlers } from './handlers';
import { toPlainError, type WorkerRequest, type WorkerResponse } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, kind, payload } = event.data;
  const post = (msg: WorkerResponse) => scope.postMessage(msg);
  const handler = (handlers as Record<string, (p: unknown, progress: (d: number, t: number) => void) => unknown>)[kind];
  if (!handler) {
    post({ id, type: 'error', error: { message: `unknown request "${kind}"` } });
    return;
  }
  const started = performance.now();
  // Handlers answer with a value or a promise of one (the crisis simulation runs its chunks asynchronously).
  Promise.resolve()
    .then(() => handler(payload, (done, total) => post({ id, type: 'progress', done, total })))
    .then(
      (result) => post({ id, type: 'result', result, ms: performance.now() - started }),
      (error: unknown) => post({ id, type: 'error', error: toPlainError(error) }),
    );
};
