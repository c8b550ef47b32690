/** Helpers for tests that drive runs through a real server process (queue and durability tests). */
import { canonicalJson } from '@brink/engine/scenario';
import { getRunKind, taskFromRun, toJsonSafe } from '../src/jobs';
import type { Store } from '../src/store';
import type { BrinkProcess } from './serve-harness';

type Json = Record<string, unknown>;

export async function api(server: BrinkProcess, method: string, route: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(new URL(route, server.url), { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: (await res.json()) as Json };
}

/** Polls GET /api/runs/:id until `until` holds. */
export async function waitForRun(server: BrinkProcess, id: string, until: (run: Json) => boolean, timeoutMs = 120_000): Promise<Json> {
  const t0 = Date.now();
  for (;;) {
    const run = (await api(server, 'GET', `/api/runs/${id}`)).body;
    if (until(run)) return run;
    if (Date.now() - t0 > timeoutMs) throw new Error(`run ${id} is still ${String(run.status)} (${JSON.stringify(run.chunks)}) after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The run's result computed again in this process, whole, from its stored provenance (canonical JSON). */
export async function oneProcessResult(store: Store, id: string): Promise<string> {
  const run = (await store.getRun(id))!;
  const task = await taskFromRun(store, run);
  return canonicalJson(toJsonSafe(await getRunKind(task.kind)!.execute(task, { onProgress: () => {} })));
}
