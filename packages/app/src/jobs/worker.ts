/**
 * Worker-thread side of the run pool: executes (or only checks) one task and answers a plain,
 * cloneable outcome. The task's MessagePort carries `started` (the pool's time limit counts from
 * here, not from when the task was queued) and progress. Errors are returned as values (an
 * InputError keeps its place and expected text, which a thrown error would lose crossing threads).
 *
 * Memory: after a task, a thread whose heap grew past `recycleMb` says so in its reply and the
 * pool terminates it; a thread left idle with a grown heap exits by itself (code
 * RECYCLE_EXIT_CODE) after `idleRecycleMs`. Piscina starts a fresh one. That returns the memory of
 * a heavy solve to the system.
 */
import { threadId, type MessagePort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { isInputError } from '@brink/engine/errors';
import { executeTask, checkTask, type RunTask } from './kinds';
import { toJsonSafe } from './json-safe';

export interface WorkerRequest {
  op: 'run' | 'check';
  task: RunTask;
  port?: MessagePort;
  /** Exit after a task that leaves the heap larger than this, MB. */
  recycleMb?: number;
  /** Exit when idle this long with a heap larger than a fresh thread's, ms (0: never). */
  idleRecycleMs?: number;
}

export type WorkerMessage = { type: 'started' } | { type: 'progress'; fraction: number };

/** What a pool thread answers: the outcome, and whether the pool should replace the thread now. */
export interface WorkerReply {
  outcome: WorkerOutcome;
  threadId: number;
  recycle: boolean;
}

export type WorkerOutcome =
  | { ok: true; result: unknown }
  | { ok: false; inputError: boolean; message: string; place?: string; expected?: string };

/** Exit code of a thread leaving to give its memory back (the pool retries a task that met it). */
export const RECYCLE_EXIT_CODE = 86;

function failure(error: unknown): WorkerOutcome {
  if (isInputError(error)) {
    return { ok: false, inputError: true, message: error.message, place: error.place, expected: error.expected };
  }
  return { ok: false, inputError: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

export async function runTaskHere(task: RunTask, onProgress: (p: number) => void, signal?: AbortSignal): Promise<WorkerOutcome> {
  try {
    const result = await executeTask(task, { onProgress, signal });
    return { ok: true, result: toJsonSafe(result) };
  } catch (error) {
    return failure(error);
  }
}

export async function checkTaskHere(task: RunTask): Promise<WorkerOutcome> {
  try {
    checkTask(task);
    return { ok: true, result: null };
  } catch (error) {
    return failure(error);
  }
}

const MB = 1024 * 1024;
let freshHeapBytes = 0;
let idleTimer: NodeJS.Timeout | undefined;

function exitToRecycle(): void {
  process.exit(RECYCLE_EXIT_CODE);
}

export default async function runInWorker({ op, task, port, recycleMb, idleRecycleMs }: WorkerRequest): Promise<WorkerReply> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
  if (freshHeapBytes === 0) freshHeapBytes = getHeapStatistics().used_heap_size;
  port?.postMessage({ type: 'started' } satisfies WorkerMessage);
  let last = -1;
  const outcome =
    op === 'check'
      ? await checkTaskHere(task)
      : await runTaskHere(task, (p) => {
          // Only forward changes of at least 0.5 % to keep the port quiet.
          if (port && (p >= 1 || p - last >= 0.005)) {
            last = p;
            port.postMessage({ type: 'progress', fraction: p } satisfies WorkerMessage);
          }
        });
  port?.close();
  const heap = getHeapStatistics();
  const recycle = recycleMb !== undefined && heap.total_heap_size > recycleMb * MB;
  if (!recycle && idleRecycleMs && heap.used_heap_size > Math.max(2 * freshHeapBytes, freshHeapBytes + 32 * MB)) {
    idleTimer = setTimeout(exitToRecycle, idleRecycleMs);
  }
  return { outcome, threadId, recycle };
}
