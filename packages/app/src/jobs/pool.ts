/**
 * Where run tasks execute: a piscina pool of worker threads (the default: CPU-heavy work does not
 * block the server, and cancelling or timing out a task terminates its thread), or in-process.
 *
 * Limits of a pool (docs/limits.md):
 * - memory: every thread has a V8 heap limit (`memoryMb`, BRINK_WORKER_MEMORY_MB). A task that
 *   needs more ends its thread (piscina starts a fresh one) and fails with a `TaskLimitError`
 *   ('memory'); the server process is never at risk.
 * - time: `timeoutMs` counts execution only, from the moment a thread starts the task (the worker
 *   says so through the task's port), never the wait for a free thread; the wait has its own
 *   limit, `queueTimeoutMs` (a 'queue' TaskLimitError), and `maxQueue` refuses at once when that
 *   many tasks already wait.
 * - memory given back: a thread whose heap grew past `recycleMb` after a task exits once it has
 *   answered, and one that stays idle with a grown heap exits after `idleRecycleMs`; piscina
 *   replaces it with a fresh thread. A task that meets a thread just as it recycles (it never
 *   started there, or started and was stopped) is run again: tasks are deterministic.
 */
import os from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { RunTask } from './kinds';
import { RECYCLE_EXIT_CODE, runTaskHere, checkTaskHere, type WorkerOutcome, type WorkerRequest, type WorkerMessage, type WorkerReply } from './worker';

export interface TaskRunOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Execution time limit, ms, counted from when a thread starts the task. */
  timeoutMs?: number;
  /** Limit on the wait for a free thread, ms. */
  queueTimeoutMs?: number;
}

export interface TaskRunner {
  readonly mode: 'threads' | 'inline';
  readonly threads: number;
  /** Executes the task. Rejects with an error named "AbortError" when the signal aborts first, a TaskLimitError past a limit. */
  run(task: RunTask, options?: TaskRunOptions): Promise<WorkerOutcome>;
  /** Checks the task's input (parses its files, resolves its options) without executing it. */
  check(task: RunTask, options?: TaskRunOptions): Promise<WorkerOutcome>;
  close(): Promise<void>;
}

export type TaskLimit = 'memory' | 'time' | 'queue';

/** A task stopped by one of the pool's limits (its message says which and how to change it). */
export class TaskLimitError extends Error {
  constructor(
    readonly limit: TaskLimit,
    message: string,
  ) {
    super(message);
    this.name = 'TaskLimitError';
  }
}

export function isTaskLimitError(error: unknown): error is TaskLimitError {
  return error instanceof TaskLimitError;
}

export interface WorkerPoolOptions {
  /** Most threads (default: BRINK_WORKERS, else cores - 1, between 1 and 4). */
  threads?: number;
  /** V8 heap limit of each thread, MB (default BRINK_WORKER_MEMORY_MB, else 1024). */
  memoryMb?: number;
  /** A thread whose heap is larger than this after a task is replaced, MB (default BRINK_WORKER_RECYCLE_MB, else 256). */
  recycleMb?: number;
  /** An idle thread whose heap grew is replaced after this long, ms (default 30 s; 0: never). */
  idleRecycleMs?: number;
  /** Refuse new tasks at once when this many already wait for a thread (default: unbounded). */
  maxQueue?: number;
  /** Worker module (tests wrap the default one). */
  filename?: string | URL;
  env?: Record<string, string | undefined>;
}

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n > 0 ? n : undefined;
}

export function defaultThreadCount(env: Record<string, string | undefined> = process.env): number {
  return positiveInt(env.BRINK_WORKERS) ?? Math.max(1, Math.min(4, os.availableParallelism() - 1 || 1));
}

export const DEFAULT_WORKER_MEMORY_MB = 1024;
export const DEFAULT_WORKER_RECYCLE_MB = 256;
export const DEFAULT_IDLE_RECYCLE_MS = 30_000;

function abortError(): Error {
  const e = new Error('the task was aborted');
  e.name = 'AbortError';
  return e;
}

const isOutOfMemory = (error: unknown): boolean =>
  (error as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap out of memory|Allocation failed/i.test(String((error as Error)?.message ?? ''));
const isWorkerExit = (error: unknown): boolean => /worker exited with code|Terminating worker thread/i.test(String((error as Error)?.message ?? ''));
const isRecycleExit = (error: unknown): boolean => new RegExp(`worker exited with code: ${RECYCLE_EXIT_CODE}\\b`).test(String((error as Error)?.message ?? ''));

export function createWorkerPool(threadsOrOptions: number | WorkerPoolOptions = {}): TaskRunner {
  const options: WorkerPoolOptions = typeof threadsOrOptions === 'number' ? { threads: threadsOrOptions } : threadsOrOptions;
  const env = options.env ?? process.env;
  const threads = options.threads ?? defaultThreadCount(env);
  const memoryMb = options.memoryMb ?? positiveInt(env.BRINK_WORKER_MEMORY_MB) ?? DEFAULT_WORKER_MEMORY_MB;
  const recycleMb = options.recycleMb ?? positiveInt(env.BRINK_WORKER_RECYCLE_MB) ?? Math.min(DEFAULT_WORKER_RECYCLE_MB, Math.floor(memoryMb / 2));
  const idleRecycleMs = options.idleRecycleMs ?? DEFAULT_IDLE_RECYCLE_MS;
  const pool = new Piscina<WorkerRequest, WorkerReply>({
    filename: String(options.filename ?? new URL('./worker-entry.mjs', import.meta.url).href),
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 30_000,
    // Without atomics a thread waits for work on its event loop, so its idle-recycle timer can fire.
    atomics: 'disabled',
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(memoryMb / 16))) },
  });
  /** Tasks submitted and not yet started by a thread (maxQueue counts these). */
  let waiting = 0;
  /** Counts threads terminated to give memory back (a task that fails as one goes is run again). */
  let recycled = 0;
  let lastRecycleAt = -Infinity;

  function recycleThread(id: number): void {
    const thread = pool.threads.find((t) => t.threadId === id);
    if (!thread) return;
    recycled++;
    lastRecycleAt = performance.now();
    void thread.terminate().finally(() => (lastRecycleAt = performance.now()));
  }
  // A thread that dies outside a task (it cannot, short of a bug) must not stop the server.
  pool.on('error', (error: unknown) => process.stderr.write(`brink: worker thread error: ${String((error as Error)?.message ?? error)}\n`));

  async function submit(op: WorkerRequest['op'], task: RunTask, opts: TaskRunOptions): Promise<WorkerOutcome> {
    if (opts.signal?.aborted) throw abortError();
    if (options.maxQueue !== undefined && waiting >= options.maxQueue) {
      throw new TaskLimitError('queue', `${waiting} tasks are already waiting for a worker thread; try again shortly`);
    }
    waiting++;
    let started = false;
    const markStarted = () => {
      if (!started) {
        started = true;
        waiting--;
      }
    };
    const local = new AbortController();
    let limit: TaskLimitError | undefined;
    const stop = (error?: TaskLimitError) => {
      limit ??= error;
      local.abort();
    };
    const onAbort = () => stop();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    let queueTimer: NodeJS.Timeout | undefined;
    let runTimer: NodeJS.Timeout | undefined;
    if (opts.queueTimeoutMs !== undefined) {
      queueTimer = setTimeout(
        () => stop(new TaskLimitError('queue', `every worker thread stayed busy for ${opts.queueTimeoutMs} ms; try again shortly, or start it as a run (POST /api/runs)`)),
        opts.queueTimeoutMs,
      );
    }
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (message: WorkerMessage) => {
      if (message.type === 'started') {
        markStarted();
        clearTimeout(queueTimer);
        if (opts.timeoutMs !== undefined && runTimer === undefined) {
          runTimer = setTimeout(() => stop(new TaskLimitError('time', `did not finish within ${opts.timeoutMs} ms`)), opts.timeoutMs);
        }
      } else if (message.type === 'progress') opts.onProgress?.(message.fraction);
    });
    try {
      const reply = await pool.run({ op, task, port: port2, recycleMb, idleRecycleMs }, { transferList: [port2], signal: local.signal });
      if (reply.recycle) recycleThread(reply.threadId);
      return reply.outcome;
    } catch (error) {
      if (limit) throw limit;
      if (opts.signal?.aborted) throw abortError();
      if (isOutOfMemory(error)) {
        throw new TaskLimitError('memory', `needed more memory than a worker thread may use (${memoryMb} MB, BRINK_WORKER_MEMORY_MB); the thread was replaced`);
      }
      throw error;
    } finally {
      markStarted();
      clearTimeout(queueTimer);
      clearTimeout(runTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      port1.close();
    }
  }

  async function withRetry(op: WorkerRequest['op'], task: RunTask, opts: TaskRunOptions): Promise<WorkerOutcome> {
    for (let attempt = 0; ; attempt++) {
      const before = recycled;
      try {
        return await submit(op, task, opts);
      } catch (error) {
        // The task met a thread that was leaving to give its memory back.
        const recycling = recycled !== before || performance.now() - lastRecycleAt < 5000;
        if (attempt < 2 && (isRecycleExit(error) || (isWorkerExit(error) && recycling))) continue;
        throw error;
      }
    }
  }

  return {
    mode: 'threads',
    threads,
    run: (task, opts = {}) => withRetry('run', task, opts),
    check: (task, opts = {}) => withRetry('check', task, opts),
    async close() {
      await pool.destroy();
    },
  };
}

/** Runs tasks in this thread (tests, tiny deployments). Cancellation cannot stop synchronous work; no limits apply. */
export function createInlineRunner(): TaskRunner {
  const inline = async (work: () => Promise<WorkerOutcome>, signal?: AbortSignal): Promise<WorkerOutcome> => {
    if (signal?.aborted) throw abortError();
    const promise = work();
    if (!signal) return promise;
    return new Promise<WorkerOutcome>((resolve, reject) => {
      const onAbort = () => reject(abortError());
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
  return {
    mode: 'inline',
    threads: 1,
    run: (task, options = {}) => inline(() => runTaskHere(task, options.onProgress ?? (() => {}), options.signal), options.signal),
    check: (task, options = {}) => inline(() => checkTaskHere(task), options.signal),
    async close() {},
  };
}
