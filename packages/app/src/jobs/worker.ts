/**
 * Worker-thread side of the run pool: executes one task and answers a plain, cloneable outcome.
 * Progress goes back through the MessagePort in the task. Errors are returned as values (an
 * InputError keeps its place and expected text, which a thrown error would lose crossing threads).
 */
import type { MessagePort } from 'node:worker_threads';
import { isInputError } from '@brink/engine/errors';
import { executeTask, type RunTask } from './kinds';
import { toJsonSafe } from './json-safe';

export interface WorkerRequest {
  task: RunTask;
  port?: MessagePort;
}

export type WorkerOutcome =
  | { ok: true; result: unknown }
  | { ok: false; inputError: boolean; message: string; place?: string; expected?: string };

export async function runTaskHere(task: RunTask, onProgress: (p: number) => void, signal?: AbortSignal): Promise<WorkerOutcome> {
  try {
    const result = await executeTask(task, { onProgress, signal });
    return { ok: true, result: toJsonSafe(result) };
  } catch (error) {
    if (isInputError(error)) {
      return { ok: false, inputError: true, message: error.message, place: error.place, expected: error.expected };
    }
    return { ok: false, inputError: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

export default async function runInWorker({ task, port }: WorkerRequest): Promise<WorkerOutcome> {
  let last = -1;
  const outcome = await runTaskHere(task, (p) => {
    // Only forward changes of at least 0.5 % to keep the port quiet.
    if (port && (p >= 1 || p - last >= 0.005)) {
      last = p;
      port.postMessage(p);
    }
  });
  port?.close();
  return outcome;
}
