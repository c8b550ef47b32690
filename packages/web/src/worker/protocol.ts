/** Messages between the page and the engine worker. */
export interface PlainError {
  message: string;
  /** An input error's reason without its place (the engine's InputError.reason). */
  reason?: string;
  place?: string;
  expected?: string;
  name?: string;
}

export type WorkerRequest = { id: number; kind: string; payload: unknown };

export type WorkerResponse =
  | { id: number; type: 'result'; result: unknown; ms: number }
  | { id: number; type: 'error'; error: PlainError }
  | { id: number; type: 'progress'; done: number; total: number };

/** Reports progress of a long request (done of total steps). */
export type ProgressFn = (done: number, total: number) => void;

export function toPlainError(error: unknown): PlainError {
  if (error && typeof error === 'object') {
    const e = error as { message?: unknown; reason?: unknown; place?: unknown; expected?: unknown; name?: unknown };
    return {
      message: typeof e.message === 'string' ? e.message : String(error),
      ...(typeof e.reason === 'string' ? { reason: e.reason } : {}),
      ...(typeof e.place === 'string' ? { place: e.place } : {}),
      ...(typeof e.expected === 'string' ? { expected: e.expected } : {}),
      ...(typeof e.name === 'string' ? { name: e.name } : {}),
    };
  }
  return { message: String(error) };
}
