/**
 * Where run tasks execute: a piscina pool of worker threads (the default: CPU-heavy solves do not
 * block the server, and cancelling or timing out a task terminates its thread), or in-process.
 */
import os from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { RunTask } from './kinds';
import { runTaskHere, type WorkerOutcome, type WorkerRequest } from './worker';

export interface TaskRunOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface TaskRunner {
  readonly mode: 'threads' | 'inline';
  readonly threads: number;
  /** Rejects with an error named "AbortError" when the signal aborts first. */
  run(task: RunTask, options?: TaskRunOptions): Promise<WorkerOutcome>;
  close(): Promise<void>;
}

export function defaultThreadCount(): number {
  const env = Number(process.env.BRINK_WORKERS);
  if (Number.isInteger(env) && env > 0) return env;
  return Math.max(1, Math.min(4, os.availableParallelism() - 1 || 1));
}

/**
 * The worker threads' entry: the bundle's `worker.mjs` beside the CLI bundle (packages/app/dist,
 * `npm run build`), else ./worker-entry.mjs, which runs the TypeScript sources through tsx.
 */
function workerEntry(): string {
  const here = import.meta.url;
  return (/\/dist\/[^/]+\.mjs$/.test(here) ? new URL('./worker.mjs', here) : new URL('./worker-entry.mjs', here)).href;
}

export function createWorkerPool(threads = defaultThreadCount()): TaskRunner {
  const pool = new Piscina<WorkerRequest, WorkerOutcome>({
    filename: workerEntry(),
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  return {
    mode: 'threads',
    threads,
    async run(task, options = {}) {
      const { port1, port2 } = new MessageChannel();
      if (options.onProgress) {
        const onProgress = options.onProgress;
        port1.on('message', (p: number) => onProgress(p));
      }
      try {
        return await pool.run({ task, port: port2 }, { transferList: [port2], signal: options.signal });
      } finally {
        port1.close();
      }
    },
    async close() {
      await pool.destroy();
    },
  };
}

function abortError(): Error {
  const e = new Error('the task was aborted');
  e.name = 'AbortError';
  return e;
}

/** Runs tasks in this thread (tests, tiny deployments). Cancellation cannot stop synchronous work. */
export function createInlineRunner(): TaskRunner {
  return {
    mode: 'inline',
    threads: 1,
    async run(task, options = {}) {
      const { signal } = options;
      if (signal?.aborted) throw abortError();
      const work = runTaskHere(task, options.onProgress ?? (() => {}), signal);
      if (!signal) return work;
      return new Promise<WorkerOutcome>((resolve, reject) => {
        const onAbort = () => reject(abortError());
        signal.addEventListener('abort', onAbort, { once: true });
        work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    async close() {},
  };
}
