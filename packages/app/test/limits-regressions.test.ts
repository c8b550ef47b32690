/**
 * Regression tests for inputs that once crashed or stalled the server (a 60-byte request among them), against a
 * real `brink serve` process so that a crash shows as a dead process, not a failed assertion in
 * the same heap: every input gets a 4xx JSON error with a message, and the server keeps serving.
 * Then, in process, the run machinery's limits: a run that exhausts a worker's memory is marked
 * failed with the reason and the server keeps serving; a check that does is a 422 `limit`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { LIMITS } from '@brink/engine/limits';
import { createWorkerPool, type TaskRunner } from '../src/jobs';
import { openStore, type Store } from '../src/store';
import { buildServer } from '../src/server';
import { DEFAULT_SCENARIO_PATH } from '../src/scenario-files';
import { spawnBrink, type BrinkProcess } from './serve-harness';
import { registerTestKinds } from './fixtures/test-kinds';

type Json = Record<string, unknown>;

describe('hostile inputs against a running server', () => {
  let server: BrinkProcess;
  let data: string;
  beforeAll(async () => {
    data = mkdtempSync(path.join(os.tmpdir(), 'brink-limits-'));
    // Small limits so that whatever the engine's readers do with a hostile input, it ends fast.
    server = await spawnBrink('serve', { args: ['--data', data], env: { BRINK_REQUEST_WORKER_MEMORY_MB: '128', BRINK_SOLVE_TIMEOUT_MS: '5000', BRINK_WORKERS: '1' } });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(data, { recursive: true, force: true });
  });

  async function post(route: string, body: unknown, type = 'application/json'): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as Json };
  }

  async function expectClientError(route: string, body: unknown, type?: string): Promise<Json> {
    const res = await post(route, body, type);
    expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    expect(typeof res.body.error).toBe('string');
    expect(String(res.body.message)).not.toMatch(/internal/);
    await expectAlive();
    return res.body;
  }

  async function expectAlive(): Promise<void> {
    expect(server.exited(), server.stderr()).toBe(false);
    const health = await fetch(`${server.url}api/health`);
    expect(health.status).toBe(200);
  }

  const killer = { kind: 'solve', options: { format: 'nfg', text: 'NFG 1 R "" { "A" } { 2147483648 }\n0' } };

  it('the 60-byte POST /api/runs that killed the server gets a 4xx, stores nothing, and the server stays up', async () => {
    expect(JSON.stringify(killer.options.text).length).toBeLessThan(60);
    await expectClientError('api/runs', killer);
    const runs = (await (await fetch(`${server.url}api/runs`)).json()) as { runs: unknown[] };
    expect(runs.runs).toEqual([]);
    // Again, several at once: each refused (or, past the wait for a free worker, 503 busy, which
    // is the designed answer to a full queue), and the server still up.
    const all = await Promise.all([1, 2, 3].map(() => post('api/runs', killer)));
    for (const r of all) expect(r.status < 500 || (r.status === 503 && r.body.error === 'busy'), JSON.stringify(r.body)).toBe(true);
    await expectAlive();
  });

  it('the same game to /api/games/solve, and a strategy count of 2^32: 4xx', async () => {
    await expectClientError('api/games/solve', killer.options);
    await expectClientError('api/games/solve', { format: 'nfg', text: 'NFG 1 R "" { "A" } { 4294967296 }\n0' });
    const ok = await post('api/games/solve', { format: 'nfg', text: 'NFG 1 R "x" { "A" "B" } { 2 2 }\n1 1 0 0 0 0 1 1\n' });
    expect(ok.status).toBe(200);
  });

  it('an over-long id: a 400 that names the limit (not a 404 from the router)', async () => {
    const res = await fetch(`${server.url}api/scenarios/${'x'.repeat(LIMITS.maxIdLength + 1)}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expect(body.place).toBe('params.id');
    expect(String(body.message)).toMatch(new RegExp(`${LIMITS.maxIdLength}`));
    const fine = await fetch(`${server.url}api/scenarios/${'x'.repeat(LIMITS.maxIdLength)}`);
    expect(fine.status).toBe(404);
  });

  it('non-finite numbers in a scenario (.nan, .inf, 1e309 as a variant change value): 4xx', async () => {
    const yaml = readFileSync(DEFAULT_SCENARIO_PATH, 'utf8').replace(/^id: .*$/m, 'id: non-finite');
    for (const bad of ['.nan', '.inf', '-.inf', '1e309']) {
      const text = yaml.replace(/(\n {6}- path: \$\.actors\[id=rok\]\.leader\n {8}value: )yoon-suk-yeol/, `$1${bad}`);
      expect(text).not.toBe(yaml);
      await expectClientError('api/scenarios', text, 'application/yaml');
    }
  });

  it('nested complex YAML keys (a fuzz finding: 144 bytes took 17 s of the server\'s main thread): 4xx at once', async () => {
    const t0 = performance.now();
    const body = await expectClientError('api/scenarios', '?  '.repeat(48), 'application/yaml');
    expect(body.message).toMatch(/map key must be plain/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('deeply nested YAML and JSON bodies: 4xx, not a crash', async () => {
    const depth = 100_000;
    await expectClientError('api/scenarios', '['.repeat(depth) + ']'.repeat(depth), 'application/yaml');
    await expectClientError('api/scenarios', '['.repeat(depth) + ']'.repeat(depth), 'application/json');
    await expectClientError('api/runs', `{"kind":"solve","options":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    await expectClientError('api/games/solve', `{"format":"nfg","text":${'['.repeat(depth)}${']'.repeat(depth)}}`);
  });
});

describe('a worker that runs out of memory', () => {
  let dir: string;
  let store: Store;
  let runner: TaskRunner;
  let requestRunner: TaskRunner;
  let app: FastifyInstance;
  beforeAll(async () => {
    registerTestKinds();
    dir = mkdtempSync(path.join(os.tmpdir(), 'brink-oom-'));
    store = await openStore({ dataDir: dir, env: {} });
    const filename = new URL('./fixtures/test-worker.mjs', import.meta.url);
    runner = createWorkerPool({ threads: 1, memoryMb: 64, filename, env: {} });
    requestRunner = createWorkerPool({ threads: 1, memoryMb: 64, filename, env: {} });
    app = await buildServer({ store, runner, requestRunner, webDist: null, loadDefaultScenario: false, env: {} });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await runner?.close();
    await requestRunner?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function end(id: string): Promise<Json> {
    await app.inject({ url: `/api/runs/${id}/events` });
    return JSON.parse((await app.inject({ url: `/api/runs/${id}` })).body) as Json;
  }

  it('is replaced; its run is marked failed with the reason; the server keeps serving', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'test-alloc', options: {} } });
    expect(created.statusCode).toBe(202);
    const run = await end((JSON.parse(created.body) as Json).id as string);
    expect(run.status).toBe('failed');
    expect(String(run.error)).toMatch(/^out of memory: the run needed more memory than a worker may use \(64 MB, BRINK_WORKER_MEMORY_MB\)/);
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    const next = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'test-alloc', options: { mb: 2 } } });
    expect((await end((JSON.parse(next.body) as Json).id as string)).status).toBe('done');
  });

  it('a run whose check exhausts a worker is refused with 422 limit, and nothing is stored', async () => {
    const before = (await store.listRuns()).length;
    const res = await app.inject({ method: 'POST', url: '/api/runs', payload: { kind: 'test-alloc', options: { checkMb: 100_000 } } });
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'limit' });
    expect((await store.listRuns()).length).toBe(before);
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
