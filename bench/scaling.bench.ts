/**
 * Scale-out benchmark: one large deterrence map (AEG, BRINK_SCALING_STEPS² points, split
 * into row chunks) through the Redis queue with 1 and then 2 `brink worker` processes (one job at
 * a time each), against the same map computed in one process. Reports points per second per
 * worker, the efficiency of 2 workers (T1 / (2·T2)), the per-chunk cost and the queue's overhead
 * per chunk ((T1 − one-process time) / chunks), and the expected time for N workers on N machines:
 *   T(N) ≈ ceil(k / N) · (c + o) + m
 * with k chunks of cost c, overhead o per chunk and the merge m. On this machine two workers share
 * two cores with the server and the benchmark, so the efficiency here is a floor.
 * Redis: BRINK_BENCH_REDIS_URL, else a throwaway one (scripts/redis-up.sh).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canonicalJson } from '@brink/engine/scenario';
import type { BenchRow } from './harness';
import { REPO, spawnBrink, type BrinkProcess } from '../packages/app/test/serve-harness';
import { openStore } from '../packages/app/src/store';
import { getRunKind, taskFromRun, toJsonSafe } from '../packages/app/src/jobs';

const STEPS = Number(process.env.BRINK_SCALING_STEPS ?? 64);

async function runToEnd(server: BrinkProcess, body: unknown): Promise<{ id: string; ms: number; chunks: number; result: unknown }> {
  const t0 = performance.now();
  const created = (await (await fetch(`${server.url}api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: string };
  for (;;) {
    const run = (await (await fetch(`${server.url}api/runs/${created.id}`)).json()) as { status: string; chunks: { total: number } | null; result: unknown; error: string | null };
    if (run.status === 'done') return { id: created.id, ms: performance.now() - t0, chunks: run.chunks?.total ?? 1, result: run.result };
    if (run.status !== 'queued' && run.status !== 'running') throw new Error(`run ${created.id} ${run.status}: ${run.error}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export default async function (): Promise<BenchRow[]> {
  let redisUrl = process.env.BRINK_BENCH_REDIS_URL;
  let redisDir: string | undefined;
  if (!redisUrl) {
    const out = execFileSync('bash', [path.join(REPO, 'scripts/redis-up.sh')], { encoding: 'utf8' }).trim().split('\n');
    [redisUrl, redisDir] = [out[0]!, out[1]!];
  }
  const data = mkdtempSync(path.join(os.tmpdir(), 'brink-scaling-'));
  const env = { BRINK_REDIS_URL: redisUrl, BRINK_QUEUE_NAME: `scaling-${process.pid}` };
  const server = await spawnBrink('serve', { args: ['--data', data], env });
  const workers: BrinkProcess[] = [];
  const rows: BenchRow[] = [];
  try {
    const body = (seed: number) => ({ kind: 'deterrence', seed, options: { model: 'aeg', analysis: 'map', map: { x: 'p_Ch', y: 'p_HH', steps: STEPS, steps2: STEPS } } });
    const points = STEPS * STEPS;
    workers.push(await spawnBrink('worker', { args: ['--data', data, '--concurrency', '1'], env, ready: /is ready/ }));
    await runToEnd(server, { ...body(0), options: { ...body(0).options, map: { x: 'p_Ch', y: 'p_HH', steps: 8, steps2: 8 } } }); // warm
    const one = await runToEnd(server, body(1));
    workers.push(await spawnBrink('worker', { args: ['--data', data, '--concurrency', '1'], env, ready: /is ready/ }));
    await runToEnd(server, { ...body(0), options: { ...body(0).options, map: { x: 'p_Ch', y: 'p_HH', steps: 8, steps2: 8 } } }); // warm the second
    const two = await runToEnd(server, body(1));
    // The same map in one process (this one), whole.
    const store = await openStore({ dataDir: data, env: {} });
    const task = await taskFromRun(store, (await store.getRun(one.id))!);
    const t0 = performance.now();
    const whole = toJsonSafe(getRunKind('deterrence')!.execute(task, { onProgress: () => {} }));
    const local = performance.now() - t0;
    await store.close();
    const identical = canonicalJson(one.result) === canonicalJson(whole) && canonicalJson(two.result) === canonicalJson(whole);
    const k = one.chunks;
    const perChunk = one.ms / k;
    const overhead = (one.ms - local) / k;
    const efficiency = one.ms / (2 * two.ms);
    const expected = [1, 2, 4, 8, 16]
      .map((n) => `${n}: ${((Math.ceil(k / n) * perChunk) / 1000).toFixed(2)} s`)
      .join(', ');
    rows.push(
      { area: 'scaling', workload: `AEG map ${STEPS}x${STEPS} (${points} points, ${k} chunks), one process, whole`, ms: local, detail: `${((points / local) * 1000).toFixed(0)} points/s` },
      { area: 'scaling', workload: `same map through the queue, 1 worker process`, ms: one.ms, detail: `${((points / one.ms) * 1000).toFixed(0)} points/s per worker; per chunk ${perChunk.toFixed(0)} ms, of which queue overhead ${overhead.toFixed(0)} ms` },
      {
        area: 'scaling',
        workload: `same map through the queue, 2 worker processes`,
        ms: two.ms,
        detail: `${((points / two.ms / 2) * 1000).toFixed(0)} points/s per worker; efficiency ${(efficiency * 100).toFixed(0)}% (T1/(2·T2)); results identical to one process: ${identical}; expected T(N) on N machines ≈ ceil(${k}/N)·${perChunk.toFixed(0)} ms: ${expected}`,
      },
    );
    if (!identical) throw new Error('the queued map differs from the one-process map');
  } finally {
    await Promise.all([server, ...workers].map((p) => p.stop()));
    rmSync(data, { recursive: true, force: true });
    if (redisDir) execFileSync('bash', [path.join(REPO, 'scripts/redis-down.sh'), redisDir]);
  }
  return rows;
}
