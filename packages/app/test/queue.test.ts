/**
 * The Redis queue, end to end with real processes: `brink serve` with BRINK_REDIS_URL
 * and two `brink worker` processes complete large runs (a deterrence map split by rows, a forecast
 * ensemble split by members) whose results equal, bit for bit, the same runs computed in one
 * process; both workers take chunks; cancelling stops a run across processes; a worker killed
 * mid-run has its chunk retried by the other and nothing is counted twice.
 *
 * Needs a Redis server: `npm test` starts one (scripts/redis-up.sh) and sets BRINK_TEST_REDIS_URL.
 * Without it these tests are skipped (see the warning).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '@brink/engine/scenario';
import { openStore, type Store } from '../src/store';
import { spawnBrink, type BrinkProcess } from './serve-harness';
import { api, oneProcessResult, waitForRun } from './run-helpers';

const REDIS = process.env.BRINK_TEST_REDIS_URL;
if (!REDIS) console.warn('queue tests skipped: set BRINK_TEST_REDIS_URL (npm test starts a throwaway Redis)');

describe.skipIf(!REDIS)('the Redis queue with two worker processes', () => {
  let data: string;
  let server: BrinkProcess;
  let workers: BrinkProcess[] = [];
  let store: Store;
  const queueName = `test-${process.pid}-${Date.now().toString(36)}`;
  const env = () => ({ BRINK_REDIS_URL: REDIS!, BRINK_QUEUE_NAME: queueName, BRINK_QUEUE_LOCK_MS: '3000', BRINK_WORKER_VERBOSE: '1' });
  const startWorker = () => spawnBrink('worker', { args: ['--data', data, '--concurrency', '1'], env: env(), ready: /Brink worker (\S+) is ready/ });

  beforeAll(async () => {
    data = mkdtempSync(path.join(os.tmpdir(), 'brink-queue-'));
    server = await spawnBrink('serve', { args: ['--data', data], env: env() });
    workers = await Promise.all([startWorker(), startWorker()]);
    store = await openStore({ dataDir: data, env: {} });
  });
  afterAll(async () => {
    await Promise.all([server, ...workers].map((p) => p?.stop()));
    await store?.close();
    rmSync(data, { recursive: true, force: true });
  });

  it('health says runs go to the queue', async () => {
    expect((await api(server, 'GET', '/api/health')).body.runBackend).toBe('queue');
  });

  it('a large deterrence map, a forecast ensemble and a crisis ensemble complete on two workers, equal to one-process runs', async () => {
    const map = await api(server, 'POST', '/api/runs', { kind: 'deterrence', seed: 5, options: { model: 'aeg', analysis: 'map', map: { x: 'p_Ch', y: 'p_HH', steps: 21, steps2: 24 } } });
    expect(map.status).toBe(202);
    const ens = await api(server, 'POST', '/api/runs', { kind: 'forecast', seed: 11, options: { model: 'eum', ensemble: 64, maxRounds: 30 } });
    expect(ens.status).toBe(202);
    const crisis = await api(server, 'POST', '/api/runs', { kind: 'simulate', seed: 4, options: { runs: 6000, weeks: 26 } });
    expect(crisis.status).toBe(202);
    for (const created of [map, ens, crisis]) {
      const id = created.body.id as string;
      const run = await waitForRun(server, id, (r) => r.status !== 'queued' && r.status !== 'running');
      expect(run.status, String(run.error)).toBe('done');
      expect((run.chunks as { total: number; done: number }).done).toBe((run.chunks as { total: number }).total);
      expect(canonicalJson(run.result)).toBe(await oneProcessResult(store, id));
    }
    // Both workers took chunks.
    for (const w of workers) expect(w.stderr()).toMatch(/chunk \d+\/\d+ stored/);
  });

  it('cancel stops a run across processes; it stays cancelled and keeps no chunk results', async () => {
    const created = await api(server, 'POST', '/api/runs', { kind: 'deterrence', options: { model: 'aeg', analysis: 'map', map: { x: 'p_Ch', y: 'p_HH', steps: 200, steps2: 200 } } });
    const id = created.body.id as string;
    await waitForRun(server, id, (r) => r.status === 'running');
    const cancelled = await api(server, 'DELETE', `/api/runs/${id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await store.getRun(id))?.status).toBe('cancelled');
    expect(await store.getChunkResults(id)).toEqual([]);
    // The workers are free again: a small run completes.
    const quick = await api(server, 'POST', '/api/runs', { kind: 'deterrence', options: { model: 'radg' } });
    expect((await waitForRun(server, quick.body.id as string, (r) => r.status === 'done' || r.status === 'failed')).status).toBe('done');
  });

  it('a worker killed mid-run: its chunk is retried by the other worker, nothing counted twice, the result is exact', async () => {
    const created = await api(server, 'POST', '/api/runs', { kind: 'deterrence', seed: 2, options: { model: 'aeg', analysis: 'map', map: { x: 'p_Ch', y: 'p_SS', steps: 25, steps2: 32 } } });
    const id = created.body.id as string;
    await waitForRun(server, id, (r) => ((r.chunks as { done: number } | null)?.done ?? 0) >= 2);
    await workers[0]!.kill();
    const run = await waitForRun(server, id, (r) => r.status !== 'queued' && r.status !== 'running');
    expect(run.status, String(run.error)).toBe('done');
    expect(run.chunks).toEqual({ total: (run.chunks as { total: number }).total, done: (run.chunks as { total: number }).total });
    expect(canonicalJson(run.result)).toBe(await oneProcessResult(store, id));
    workers[0] = await startWorker();
  });
});
