/**
 * Where run tasks execute: a pool of worker *processes* (the default; docs/decisions/0010), or
 * in-process (tests, tiny deployments).
 *
 * Why processes and not threads: V8 aborts the whole process when one isolate fails a large
 * allocation ("FATAL ERROR: ... Allocation failed - JavaScript heap out of memory"), and a worker
 * thread's `resourceLimits` do not prevent it (a 60-byte game file took the server down
 * from a worker thread with a 128 MB limit). A child process with `--max-old-space-size` dies
 * alone; the pool reports why and starts another.
 *
 * Limits of a pool (docs/limits.md):
 * - memory: every worker process has a V8 heap limit (`memoryMb`, BRINK_WORKER_MEMORY_MB). A task
 *   that needs more kills its process (a fresh one replaces it) and fails with a `TaskLimitError`
 *   ('memory').
 * - time: `timeoutMs` counts execution only, from the moment a worker starts the task, never the
 *   wait for a free worker; the wait has its own limit, `queueTimeoutMs` (a 'queue'
 *   TaskLimitError), and `maxQueue` refuses at once when that many tasks already wait.
 * - memory given back: a worker whose heap is larger than `recycleMb` after a task is replaced
 *   at once, and one left idle with a grown heap after `idleRecycleMs`; workers above the first
 *   leave after `idleTimeoutMs` without work.
 * Cancelling (or a time limit) kills the worker process running the task.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import type { RunTask } from './kinds';
import { runTaskHere, checkTaskHere, runChunkHere, mergeChunksHere, type WorkerOutcome, type ChildMessage, type ParentMessage, type TaskOp } from './worker';

export interface TaskRunOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Execution time limit, ms, counted from when a worker starts the task. */
  timeoutMs?: number;
  /** Limit on the wait for a free worker, ms. */
  queueTimeoutMs?: number;
}

export interface TaskRunner {
  readonly mode: 'processes' | 'inline';
  /** How many tasks run at once. */
  readonly threads: number;
  /** Executes the task. Rejects with an error named "AbortError" when the signal aborts first, a TaskLimitError past a limit. */
  run(task: RunTask, options?: TaskRunOptions): Promise<WorkerOutcome>;
  /** Checks the task's input (parses its files, resolves its options) without executing it. */
  check(task: RunTask, options?: TaskRunOptions): Promise<WorkerOutcome>;
  /** Executes one chunk of a split run (./chunks.ts). */
  runChunk(task: RunTask, chunk: unknown, options?: TaskRunOptions): Promise<WorkerOutcome>;
  /** Merges a split run's chunk results (in index order) into its result, under the same limits. */
  mergeChunks(task: RunTask, parts: unknown[], options?: TaskRunOptions): Promise<WorkerOutcome>;
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
  /** Most worker processes (default: BRINK_WORKERS, else cores - 1, between 1 and 4). */
  threads?: number;
  /** V8 heap limit of each worker, MB (default BRINK_WORKER_MEMORY_MB, else 1024). */
  memoryMb?: number;
  /** A worker whose heap is larger than this after a task is replaced, MB (default BRINK_WORKER_RECYCLE_MB, else min(256, memoryMb / 2)). */
  recycleMb?: number;
  /** An idle worker whose heap grew is replaced after this long, ms (default 30 s; 0: never). */
  idleRecycleMs?: number;
  /** Workers above the first leave after this long without work, ms (default 30 s). */
  idleTimeoutMs?: number;
  /** Refuse new tasks at once when this many already wait for a worker (default: unbounded). */
  maxQueue?: number;
  /** Worker entry module (tests use one with extra run kinds). */
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

/**
 * The worker processes' entry: the bundle's `worker.mjs` beside the CLI bundle (packages/app/dist,
 * `npm run build`), else ./worker-entry.mjs, which runs the TypeScript sources through tsx.
 */
function workerEntry(): string {
  const here = import.meta.url;
  return (/\/dist\/[^/]+\.mjs$/.test(here) ? new URL('./worker.mjs', here) : new URL('./worker-entry.mjs', here)).href;
}

const MB = 1024 * 1024;
/** Signs in a dead worker's stderr that V8 ran out of heap. */
const OOM_TEXT = /heap out of memory|Allocation failed|Reached heap limit|invalid table size|FatalProcessOutOfMemory/i;

interface Pending {
  op: TaskOp;
  task: RunTask;
  chunk?: unknown;
  options: TaskRunOptions;
  resolve(outcome: WorkerOutcome): void;
  reject(error: Error): void;
  started: boolean;
  settled: boolean;
  worker?: Worker;
  queueTimer?: NodeJS.Timeout;
  runTimer?: NodeJS.Timeout;
  onAbort?: () => void;
}

interface Worker {
  id: number;
  child: ChildProcess;
  ready: boolean;
  task?: Pending;
  /** Why the pool is ending this worker (its task, if any, fails with it). */
  ending?: Error;
  stderrTail: string;
  heapBytes: number;
  freshHeapBytes: number;
  idleTimer?: NodeJS.Timeout;
}

export function createWorkerPool(threadsOrOptions: number | WorkerPoolOptions = {}): TaskRunner {
  const options: WorkerPoolOptions = typeof threadsOrOptions === 'number' ? { threads: threadsOrOptions } : threadsOrOptions;
  const env = options.env ?? process.env;
  const size = Math.max(1, options.threads ?? defaultThreadCount(env));
  const memoryMb = options.memoryMb ?? positiveInt(env.BRINK_WORKER_MEMORY_MB) ?? DEFAULT_WORKER_MEMORY_MB;
  const recycleMb = options.recycleMb ?? positiveInt(env.BRINK_WORKER_RECYCLE_MB) ?? Math.min(DEFAULT_WORKER_RECYCLE_MB, Math.floor(memoryMb / 2));
  const idleRecycleMs = options.idleRecycleMs ?? DEFAULT_IDLE_RECYCLE_MS;
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  const entry = String(options.filename ?? workerEntry());
  const entryPath = entry.startsWith('file:') ? new URL(entry).pathname : entry;

  const workers = new Set<Worker>();
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  function spawnWorker(): Worker {
    const child = fork(entryPath, [], {
      execArgv: [`--max-old-space-size=${memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      env: { ...process.env, ...(options.env ?? {}) },
    });
    const worker: Worker = { id: nextId++, child, ready: false, stderrTail: '', heapBytes: 0, freshHeapBytes: 0 };
    child.stderr!.on('data', (d: Buffer) => {
      worker.stderrTail = (worker.stderrTail + d.toString()).slice(-8192);
    });
    child.on('message', (message: ChildMessage) => onMessage(worker, message));
    child.on('error', () => {}); // 'exit' follows and says what happened
    child.on('exit', (code, signal) => onExit(worker, code, signal));
    // A worker must never keep the server's process alive on its own.
    child.unref();
    (child as unknown as { channel?: { unref(): void } }).channel?.unref();
    workers.add(worker);
    return worker;
  }

  function onMessage(worker: Worker, message: ChildMessage): void {
    if (message.type === 'ready') {
      worker.ready = true;
      worker.freshHeapBytes = message.heapUsed;
      dispatch();
      return;
    }
    const pending = worker.task;
    if (!pending || message.id === undefined) return;
    if (message.type === 'started') {
      pending.started = true;
      clearTimeout(pending.queueTimer);
      if (pending.options.timeoutMs !== undefined) {
        pending.runTimer = setTimeout(() => endWorker(worker, new TaskLimitError('time', `did not finish within ${pending.options.timeoutMs} ms`)), pending.options.timeoutMs);
      }
    } else if (message.type === 'progress') {
      pending.options.onProgress?.(message.fraction);
    } else if (message.type === 'reply') {
      worker.task = undefined;
      worker.heapBytes = message.heapTotal;
      settle(pending, () => pending.resolve(message.outcome));
      if (message.heapTotal > recycleMb * MB) {
        // Heavy task: give its memory back now (a fresh worker replaces this one if needed).
        endWorker(worker);
      } else {
        scheduleIdle(worker, message.heapUsed);
      }
      dispatch();
    }
  }

  function scheduleIdle(worker: Worker, heapUsed: number): void {
    clearTimeout(worker.idleTimer);
    const grown = heapUsed > Math.max(2 * worker.freshHeapBytes, worker.freshHeapBytes + 32 * MB);
    const extra = workers.size > 1;
    const wait = extra ? idleTimeoutMs : grown && idleRecycleMs > 0 ? idleRecycleMs : 0;
    if (wait > 0) {
      worker.idleTimer = setTimeout(() => {
        if (!worker.task) endWorker(worker);
      }, wait);
      worker.idleTimer.unref();
    }
  }

  /** Kills a worker; its task (if any) fails with `reason`. */
  function endWorker(worker: Worker, reason?: Error): void {
    if (worker.ending) return;
    worker.ending = reason ?? new Error('recycled');
    clearTimeout(worker.idleTimer);
    worker.child.kill('SIGKILL');
  }

  function onExit(worker: Worker, code: number | null, signal: NodeJS.Signals | null): void {
    workers.delete(worker);
    clearTimeout(worker.idleTimer);
    const pending = worker.task;
    worker.task = undefined;
    if (pending) {
      const oom = !worker.ending && (OOM_TEXT.test(worker.stderrTail) || signal === 'SIGABRT' || code === 134);
      let error: Error;
      if (worker.ending && worker.ending.message !== 'recycled') error = worker.ending;
      else if (oom) error = new TaskLimitError('memory', `needed more memory than a worker may use (${memoryMb} MB, BRINK_WORKER_MEMORY_MB); the worker was replaced`);
      else error = new Error(`the worker process ended unexpectedly (${signal ?? `exit code ${code}`})${worker.stderrTail ? `: ${worker.stderrTail.trim().split('\n').slice(-3).join(' | ')}` : ''}`);
      settle(pending, () => pending.reject(error));
    } else if (!worker.ending && !closed && !worker.ready) {
      // A worker that dies before it is ready will not do better next time: fail what waits.
      const error = new Error(`the worker process could not start (${signal ?? `exit code ${code}`}): ${worker.stderrTail.trim().split('\n').slice(-5).join(' | ')}`);
      for (const p of queue.splice(0)) settle(p, () => p.reject(error));
      return;
    }
    if (!closed) {
      if (workers.size === 0) spawnWorker(); // keep one warm
      dispatch();
    }
  }

  function settle(pending: Pending, fn: () => void): void {
    if (pending.settled) return;
    pending.settled = true;
    clearTimeout(pending.queueTimer);
    clearTimeout(pending.runTimer);
    if (pending.onAbort) pending.options.signal?.removeEventListener('abort', pending.onAbort);
    fn();
  }

  function dispatch(): void {
    if (closed) return;
    while (queue.length > 0) {
      const free = [...workers].find((w) => w.ready && !w.task && !w.ending);
      if (!free) {
        const starting = [...workers].filter((w) => !w.ready && !w.ending).length;
        const live = [...workers].filter((w) => !w.ending).length;
        if (live < size && starting < queue.length) spawnWorker();
        return;
      }
      const pending = queue.shift()!;
      if (pending.settled) continue;
      clearTimeout(free.idleTimer);
      free.task = pending;
      pending.worker = free;
      const message: ParentMessage = { type: 'task', id: free.id, op: pending.op, task: pending.task, chunk: pending.chunk };
      free.child.send(message, (error) => {
        if (error) endWorker(free, new Error(`could not send the task to its worker: ${error.message}`));
      });
    }
  }

  function submit(op: TaskOp, task: RunTask, opts: TaskRunOptions, chunk?: unknown): Promise<WorkerOutcome> {
    if (closed) return Promise.reject(new Error('the worker pool is closed'));
    if (opts.signal?.aborted) return Promise.reject(abortError());
    const waiting = queue.filter((p) => !p.settled).length;
    if (options.maxQueue !== undefined && waiting >= options.maxQueue) {
      return Promise.reject(new TaskLimitError('queue', `${waiting} tasks are already waiting for a worker; try again shortly`));
    }
    return new Promise<WorkerOutcome>((resolve, reject) => {
      const pending: Pending = { op, task, chunk, options: opts, resolve, reject, started: false, settled: false };
      if (opts.queueTimeoutMs !== undefined) {
        pending.queueTimer = setTimeout(() => {
          if (pending.started) return;
          const error = new TaskLimitError('queue', `every worker stayed busy for ${opts.queueTimeoutMs} ms; try again shortly, or start it as a run (POST /api/runs)`);
          if (pending.worker) endWorker(pending.worker, error);
          else settle(pending, () => reject(error));
        }, opts.queueTimeoutMs);
      }
      if (opts.signal) {
        pending.onAbort = () => {
          if (pending.worker) endWorker(pending.worker, abortError());
          else settle(pending, () => reject(abortError()));
        };
        opts.signal.addEventListener('abort', pending.onAbort, { once: true });
      }
      queue.push(pending);
      dispatch();
    });
  }

  spawnWorker();
  return {
    mode: 'processes',
    threads: size,
    run: (task, opts = {}) => submit('run', task, opts),
    check: (task, opts = {}) => submit('check', task, opts),
    runChunk: (task, chunk, opts = {}) => submit('chunk', task, opts, chunk),
    mergeChunks: (task, parts, opts = {}) => submit('merge', task, opts, parts),
    async close() {
      closed = true;
      for (const p of queue.splice(0)) settle(p, () => p.reject(new Error('the worker pool is closed')));
      const exits = [...workers].map((w) => new Promise<void>((resolve) => (w.child.exitCode !== null || w.child.signalCode !== null ? resolve() : w.child.once('exit', () => resolve()))));
      // Waiting for them must keep this process alive (they were unref'd while they worked).
      for (const w of workers) w.child.ref();
      for (const w of workers) endWorker(w, new Error('the worker pool is closed'));
      await Promise.all(exits);
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
    runChunk: (task, chunk, options = {}) => inline(() => runChunkHere(task, chunk, options.onProgress ?? (() => {}), options.signal), options.signal),
    mergeChunks: (task, parts, options = {}) => inline(() => mergeChunksHere(task, parts), options.signal),
    async close() {},
  };
}
