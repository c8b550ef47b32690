/** React hooks over the engine worker: latest-wins requests, with progress and cancellation. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { runInWorkerTimed, type Lane } from '../worker/client';
import type { RequestKind, RequestPayload, RequestResult } from '../worker/handlers';

export interface WorkerState<T> {
  data: T | null;
  error: unknown;
  running: boolean;
  progress: number | null;
  ms: number | null;
}

/**
 * Runs `kind` with `payload` whenever the payload's JSON changes (after `delay` ms); a newer
 * request cancels an older one in a lane of its own (not 'interactive'), and stale answers are dropped.
 */
export function useWorkerRequest<K extends RequestKind>(kind: K, payload: RequestPayload<K> | null, options: { lane?: Lane; delay?: number } = {}): WorkerState<RequestResult<K>> {
  const [state, setState] = useState<WorkerState<RequestResult<K>>>({ data: null, error: null, running: false, progress: null, ms: null });
  // Large payloads (a scenario) should be memoised by the caller: the JSON is computed once per object.
  const key = useMemo(() => (payload === null ? null : JSON.stringify(payload)), [payload]);
  const seq = useRef(0);
  const lane = options.lane ?? 'interactive';
  const delay = options.delay ?? 0;
  useEffect(() => {
    if (key === null) return;
    const id = ++seq.current;
    const controller = new AbortController();
    setState((s) => ({ ...s, running: true, progress: null, error: null }));
    const timer = setTimeout(() => {
      runInWorkerTimed(kind, JSON.parse(key) as RequestPayload<K>, {
        lane,
        signal: lane === 'interactive' ? undefined : controller.signal,
        onProgress: (done, total) => id === seq.current && setState((s) => ({ ...s, progress: total ? done / total : null })),
      }).then(
        ({ result, ms }) => id === seq.current && setState({ data: result, error: null, running: false, progress: null, ms }),
        (error: unknown) => {
          if ((error as Error)?.name === 'AbortError') return;
          if (id === seq.current) setState((s) => ({ ...s, error, running: false, progress: null }));
        },
      );
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [kind, key, lane, delay]);
  return state;
}
