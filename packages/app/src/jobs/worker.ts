/**
 * The worker-process side of the run pool (./pool.ts): executes (or only checks) one task at a
 * time for its parent and answers a plain, cloneable outcome. Messages to the parent: `ready`
 * once loaded, then per task `started` (the pool's time limit counts from here, not from when the
 * task was queued), `progress`, and `reply` with the outcome and the heap's size (the parent
 * replaces a worker whose heap grew, to give the memory back). Errors are returned as values (an
 * InputError keeps its place and expected text, which a thrown error would lose crossing
 * processes).
 */
import { getHeapStatistics } from 'node:v8';
import { isInputError } from '@brink/engine/errors';
import { executeTask, checkTask, getRunKind, type RunTask } from './kinds';
import { InputError } from '@brink/engine/errors';
import { toJsonSafe } from './json-safe';

export type WorkerOutcome =
  | { ok: true; result: unknown }
  | { ok: false; inputError: boolean; message: string; place?: string; expected?: string };

export type TaskOp = 'run' | 'check' | 'chunk' | 'merge';
export type ParentMessage = { type: 'task'; id: number; op: TaskOp; task: RunTask; chunk?: unknown };

export type ChildMessage =
  | { type: 'ready'; id?: undefined; heapUsed: number }
  | { type: 'started'; id: number }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'reply'; id: number; outcome: WorkerOutcome; heapTotal: number; heapUsed: number };

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

/** Executes one chunk of a split run (./chunks.ts). */
export async function runChunkHere(task: RunTask, chunk: unknown, onProgress: (p: number) => void, signal?: AbortSignal): Promise<WorkerOutcome> {
  try {
    const spec = getRunKind(task.kind);
    if (!spec?.chunks) throw new InputError(`run kind "${task.kind}" does not split into chunks`, { place: '$.kind' });
    return { ok: true, result: toJsonSafe(spec.chunks.executeChunk(task, chunk, { onProgress, signal })) };
  } catch (error) {
    return failure(error);
  }
}

/** Merges a split run's chunk results, in index order (./chunks.ts), into the run's result. */
export async function mergeChunksHere(task: RunTask, parts: unknown[]): Promise<WorkerOutcome> {
  try {
    const spec = getRunKind(task.kind);
    if (!spec?.chunks) throw new InputError(`run kind "${task.kind}" does not split into chunks`, { place: '$.kind' });
    return { ok: true, result: toJsonSafe(await spec.chunks.merge(task, parts)) };
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

/** Serves the parent process's tasks over IPC, one at a time. Called by the worker entry. */
export function serveParent(): void {
  const send = (message: ChildMessage): void => {
    process.send?.(message);
  };
  // The parent going away (it was killed) ends this worker too.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: ParentMessage) => {
    if (message?.type !== 'task') return;
    void (async () => {
      const { id, op, task } = message;
      send({ type: 'started', id });
      let last = -1;
      const onProgress = (p: number) => {
        // Only forward changes of at least 0.5 % to keep the channel quiet.
        if (p >= 1 || p - last >= 0.005) {
          last = p;
          send({ type: 'progress', id, fraction: p });
        }
      };
      const outcome =
        op === 'check'
          ? await checkTaskHere(task)
          : op === 'chunk'
            ? await runChunkHere(task, message.chunk, onProgress)
            : op === 'merge'
              ? await mergeChunksHere(task, message.chunk as unknown[])
              : await runTaskHere(task, onProgress);
      const heap = getHeapStatistics();
      send({ type: 'reply', id, outcome, heapTotal: heap.total_heap_size, heapUsed: heap.used_heap_size });
    })();
  });
  send({ type: 'ready', heapUsed: getHeapStatistics().used_heap_size });
}
