/**
 * Crash durability, on SQLite and on PostgreSQL, with real processes killed by SIGKILL:
 * - with the Redis queue: the server and a worker are killed in the middle of a large run; every
 *   chunk finished before the kill is still stored, unchanged; after a restart the run is resumed
 *   and its result equals the one-process run; a run finished earlier is intact; nothing is
 *   half-written (a done run has its result and no chunk rows left);
 * - with the local pool: the server is killed in the middle of a run; after a restart that run is
 *   marked failed ("interrupted"), a run finished earlier is intact.
 * PostgreSQL needs BRINK_TEST_DATABASE_URL and the queue BRINK_TEST_REDIS_URL (`npm test` starts
 * both); without them those cases are skipped (see the warnings).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '@brink/engine/scenario';
import { openStore, type Store } from '../src/store';
import { spawnBrink, type BrinkProcess } from './serve-harness';
import { api as call, oneProcessResult, waitForRun } from './run-helpers';

const PG_URL = process.env.BRINK_TEST_DATABASE_URL;
const REDIS = process.env.BRINK_TEST_REDIS_URL;

type Json = Record<string, unknown>;
const cleanups: (() => Promise<void>)[] = [];

interface Backend {
  name: string;
  /** Arguments and environment for `brink serve` / `brink worker`, and the test's own store. */
  fresh(): Promise<{ args: string[]; env: Record<string, string>; open: () => Promise<Store> }>;
}

const sqlite: Backend = {
  name: 'SQLite',
  async fresh() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'brink-durable-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return { args: ['--data', dir], env: {}, open: () => openStore({ dataDir: dir, env: {} }) };
  },
};

const postgres: Backend = {
  name: 'PostgreSQL',
  async fresh() {
    const name = `brink_durable_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(PG_URL!);
    url.pathname = `/${name}`;
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    });
    return { args: [], env: { BRINK_DATABASE_URL: url.href }, open: () => openStore({ databaseUrl: url.href, env: {} }) };
  },
};

const api = async (server: BrinkProcess, method: string, route: string, body?: unknown): Promise<Json> => (await call(server, method, route, body)).body;

/** The crash-durability cases on one store (durability-sqlite.test.ts, durability-postgres.test.ts). */
export function durabilityTests(which: 'sqlite' | 'postgres'): void {
  const backend = which === 'sqlite' ? sqlite : postgres;
  describe.skipIf(which === 'postgres' && !PG_URL)(`crash durability on ${backend.name}`, () => {
    it.skipIf(!REDIS)('queue: the server and the worker SIGKILLed mid-run; finished chunks intact; the run resumes to the exact result', async () => {
      const { args, env, open } = await backend.fresh();
      const queueEnv = { ...env, BRINK_REDIS_URL: REDIS!, BRINK_QUEUE_NAME: `durable-${process.pid}-${Date.now().toString(36)}`, BRINK_QUEUE_LOCK_MS: '2000' };
      const worker = () => spawnBrink('worker', { args: [...args, '--concurrency', '1'], env: queueEnv, ready: /is ready/ });
      let server = await spawnBrink('serve', { args, env: queueEnv });
      const workers = [await worker()];
      cleanups.push(async () => void (await Promise.all([server, ...workers].map((p) => p.stop()))));
      const store = await open();
      cleanups.push(() => store.close());

      const small = await api(server, 'POST', '/api/runs', { kind: 'deterrence', options: { model: 'radg' } });
      const finished = await waitForRun(server, small.id as string, (r) => r.status === 'done');
      const big = await api(server, 'POST', '/api/runs', { kind: 'deterrence', seed: 3, options: { model: 'aeg', analysis: 'map', map: { x: 'p_Ch', y: 'p_HH', steps: 21, steps2: 24 } } });
      const id = big.id as string;
      await waitForRun(server, id, (r) => ((r.chunks as { done: number } | null)?.done ?? 0) >= 3);
      const beforeKill = await store.getChunkResults(id);
      await Promise.all([server.kill(), workers[0]!.kill()]);
      const afterKill = await store.getChunkResults(id);
      expect(afterKill.length).toBeGreaterThanOrEqual(beforeKill.length);
      // Every chunk stored before the crash is still there, unchanged; nothing else of the run moved.
      for (const chunk of beforeKill) expect(afterKill.find((c) => c.index === chunk.index)?.result).toEqual(chunk.result);
      const stuck = await store.getRun(id);
      expect(stuck?.status).toBe('running');
      expect(stuck?.chunks?.done).toBe(afterKill.length);
      expect(stuck?.result).toBeNull();

      server = await spawnBrink('serve', { args, env: queueEnv });
      workers[0] = await worker();
      const run = await waitForRun(server, id, (r) => r.status !== 'queued' && r.status !== 'running');
      expect(run.status, String(run.error)).toBe('done');
      expect(canonicalJson(run.result)).toBe(await oneProcessResult(store, id));
      expect(await store.getChunkResults(id)).toEqual([]);
      expect(canonicalJson(await api(server, 'GET', `/api/runs/${small.id as string}`))).toBe(canonicalJson({ ...finished }));
    });

    afterAll(async () => {
      for (const c of cleanups.reverse()) await c().catch(() => {});
    });

    it('local pool: the server SIGKILLed mid-run; after a restart the run is marked failed (interrupted), finished runs intact', async () => {
      const { args, env, open } = await backend.fresh();
      let server = await spawnBrink('serve', { args, env: { ...env, BRINK_WORKERS: '1' } });
      cleanups.push(async () => void (await server.stop()));
      const small = await api(server, 'POST', '/api/runs', { kind: 'deterrence', options: { model: 'radg' } });
      const finished = await waitForRun(server, small.id as string, (r) => r.status === 'done');
      const big = await api(server, 'POST', '/api/runs', { kind: 'deterrence', options: { model: 'aeg', analysis: 'map', map: { x: 'p_Ch', y: 'p_HH', steps: 300, steps2: 300 } } });
      const id = big.id as string;
      await waitForRun(server, id, (r) => r.status === 'running');
      await server.kill();
      server = await spawnBrink('serve', { args, env: { ...env, BRINK_WORKERS: '1' } });
      const run = await api(server, 'GET', `/api/runs/${id}`);
      expect(run.status).toBe('failed');
      expect(String(run.error)).toMatch(/^interrupted/);
      expect(run.result).toBeNull();
      expect(canonicalJson(await api(server, 'GET', `/api/runs/${small.id as string}`))).toBe(canonicalJson(finished));
      const store = await open();
      cleanups.push(() => store.close());
      expect(await store.listUnfinishedRuns()).toEqual([]);
    });
  });
}
