/**
 * The page's side of the engine worker: `runInWorker(kind, payload, { onProgress, signal })`.
 * Requests run one after another in one worker; cancelling a running request terminates the worker
 * (a fresh one starts for the next request), so a long run never blocks the page.
 */
import type { PlainError, WorkerResponse } from './protocol';
import type { RequestKind, RequestPayload, RequestResult } from './handlers';

export class WorkerError extends Error {
  readonly place?: string;
  readonly expected?: string;
  constructor(error: PlainError) {
    super(error.message);
    this.name = error.name ?? 'WorkerError';
    this.place = error.place;
    this.expected = error.expected;
  }
}

interface Pending {
  resolve: (value: { result: unknown; ms: number }) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Lanes, one worker each: quick what-ifs ('interactive') never wait behind a long sweep or map,
 * and cancelling a long run (which terminates its worker) touches only its own lane.
 */
export type Lane = string;
const workers = new Map<Lane, Worker>();
let nextId = 1;
const pending = new Map<number, Pending & { lane: Lane }>();

function getWorker(lane: Lane): Worker {
  const existing = workers.get(lane);
  if (existing) return existing;
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: `brink-engine-${lane}` });
  workers.set(lane, worker);
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') p.onProgress?.(msg.done, msg.total);
    else {
      pending.delete(msg.id);
      if (msg.type === 'result') p.resolve({ result: msg.result, ms: msg.ms });
      else p.reject(new WorkerError(msg.error));
    }
  };
  worker.onerror = (event) => {
    const error = new Error(event.message || 'the engine worker failed');
    for (const [id, p] of pending) {
      if (p.lane !== lane) continue;
      p.reject(error);
      pending.delete(id);
    }
    worker.terminate();
    workers.delete(lane);
  };
  return worker;
}

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  lane?: Lane;
}

export async function runInWorkerTimed<K extends RequestKind>(kind: K, payload: RequestPayload<K>, options: RunOptions = {}): Promise<{ result: RequestResult<K>; ms: number }> {
  const id = nextId++;
  const lane = options.lane ?? 'interactive';
  const w = getWorker(lane);
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as Pending['resolve'], reject, onProgress: options.onProgress, lane });
    options.signal?.addEventListener('abort', () => {
      if (!pending.has(id)) return;
      pending.delete(id);
      reject(new DOMException('cancelled', 'AbortError'));
      // Stop the computation: terminate and let the next request start a fresh worker.
      for (const [other, p] of pending) {
        if (p.lane !== lane) continue;
        p.reject(new DOMException('cancelled', 'AbortError'));
        pending.delete(other);
      }
      w.terminate();
      if (workers.get(lane) === w) workers.delete(lane);
    });
    w.postMessage({ id, kind, payload });
  });
}

export async function runInWorker<K extends RequestKind>(kind: K, payload: RequestPayload<K>, options: RunOptions = {}): Promise<RequestResult<K>> {
  return (await runInWorkerTimed(kind, payload, options)).result;
}
