/**
 * Stored runs on the server (docs/api.md, "Runs"): submit, follow progress by server-sent events,
 * cancel, list. The page's own what-ifs run in the worker; these are the runs kept with provenance.
 */
import type { RunDetail, RunSummary } from '@brink/engine/records';
import { getJson, postJson, ApiError } from './api';

/**
 * A stored run as the API answers it: the run record declared once in @brink/engine/records
 * (the store and the API's OpenAPI schemas use the same declaration). Lists carry no result.
 */
export type RunRecord = RunDetail | (RunSummary & { result?: undefined; reproduction?: undefined });

export async function submitRun(body: { kind: string; scenarioId?: string; variant?: string; seed?: number; options?: Record<string, unknown> }): Promise<{ id: string }> {
  return postJson<{ id: string }>('/api/runs', body);
}

/** Follows a run's events until it ends; resolves with the final record. */
export function followRun(id: string, onProgress: (progress: number) => void, signal?: AbortSignal): Promise<RunRecord> {
  return new Promise((resolve, reject) => {
    const source = new EventSource(`/api/runs/${encodeURIComponent(id)}/events`);
    const finish = async (ok: boolean, message?: string) => {
      source.close();
      try {
        const record = await getJson<RunRecord>(`/api/runs/${encodeURIComponent(id)}`);
        if (ok) resolve(record);
        else reject(new ApiError(message ?? `run ${record.status}`, 422));
      } catch (error) {
        reject(error as Error);
      }
    };
    source.addEventListener('progress', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as { progress?: number };
      if (typeof data.progress === 'number') onProgress(data.progress);
    });
    source.addEventListener('done', () => void finish(true));
    source.addEventListener('failed', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as { error?: { message?: string } | string };
      void finish(false, typeof data.error === 'string' ? data.error : (data.error?.message ?? 'the run failed'));
    });
    source.addEventListener('cancelled', () => void finish(false, 'cancelled'));
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) void finish(true);
    };
    signal?.addEventListener('abort', () => {
      source.close();
      void fetch(`/api/runs/${encodeURIComponent(id)}`, { method: 'DELETE' });
      reject(new DOMException('cancelled', 'AbortError'));
    });
  });
}

export async function listRuns(kind: string, scenarioId: string): Promise<RunRecord[]> {
  const body = await getJson<{ runs: RunSummary[] }>(`/api/runs?kind=${encodeURIComponent(kind)}&scenarioId=${encodeURIComponent(scenarioId)}&limit=10`);
  return body.runs;
}
