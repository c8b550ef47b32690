/**
 * Server benchmarks, on loopback, bounded in time:
 *  1. start-up: from spawning `brink serve` (fresh data folder: migrations and the default scenario
 *     are stored) to the first page `/` served; median of 3 starts;
 *  2. a deterrence analysis (AEG, solve) as a stored run under 50 concurrent clients: each client
 *     loops POST /api/runs then waits for the run's server-sent `done` event; p50/p99 of that whole
 *     round trip (falls back to a forecast run while the deterrence kind is not available). With
 *     more clients than worker threads, runs queue, so the p50 is mostly waiting: the 1-client row
 *     gives the latency of one run alone;
 *  3. autocannon, 50 connections, 4 s each: POST /api/games/solve (a synchronous solve in the
 *     worker pool) and GET /api/scenarios/:id (the default scenario, ~160 KB of JSON).
 * The server and the load generators share this machine's cores.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './harness';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLIENTS = 50;
const LOAD_SECONDS = 4;

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number };
  requests: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Served {
  child: ChildProcess;
  url: string;
  dataDir: string;
  startMs: number;
}

async function startServer(): Promise<Served> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'brink-bench-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'packages/app/bin/brink.js'), 'serve', '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/[^\s]+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`brink serve exited ${code}: ${err}`)));
    setTimeout(() => reject(new Error(`brink serve printed no URL in 60 s: ${err}`)), 60_000);
  });
  const res = await fetch(url);
  await res.text();
  if (!res.ok) throw new Error(`GET / answered ${res.status}`);
  return { child, url, dataDir, startMs: performance.now() - t0 };
}

async function stopServer(s: Served): Promise<void> {
  const exited = new Promise<void>((resolve) => s.child.once('exit', () => resolve()));
  s.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (s.child.exitCode === null) s.child.kill('SIGKILL');
  rmSync(s.dataDir, { recursive: true, force: true });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Closed-loop clients: create a run, wait for its end over SSE, repeat, for `seconds`. */
async function runLoad(url: string, body: unknown, seconds: number, clients = CLIENTS): Promise<{ latencies: number[]; failures: number }> {
  const until = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let failures = 0;
  const client = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const created = await fetch(`${url}api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const { id } = (await created.json()) as { id?: string };
      if (created.status !== 202 || !id) {
        failures++;
        continue;
      }
      const events = await (await fetch(`${url}api/runs/${id}/events`)).text();
      if (/event: done/.test(events)) latencies.push(performance.now() - t0);
      else failures++;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return { latencies: latencies.sort((a, b) => a - b), failures };
}

export default async function (): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await startServer();
    starts.push(s.startMs);
    await stopServer(s);
  }
  starts.sort((a, b) => a - b);
  rows.push({ area: 'server', workload: 'spawn `brink serve` -> first page served', ms: starts[1]!, detail: `3 starts: ${starts.map((t) => t.toFixed(0)).join(', ')} ms` });

  const s = await startServer();
  try {
    const health = (await (await fetch(`${s.url}api/health`)).json()) as { runKinds: string[]; defaultScenarioId: string };
    const kind = health.runKinds.includes('deterrence') ? 'deterrence' : 'forecast';
    // The Asymmetric Escalation Game is the heaviest model (its solve searches thresholds).
    const body = kind === 'deterrence' ? { kind, options: { model: 'aeg' } } : { kind, options: { model: 'eum' } };
    await runLoad(s.url, body, 1); // warm the worker threads
    const single = await runLoad(s.url, body, 2, 1);
    rows.push({
      area: 'server',
      workload: `${kind} run (POST /api/runs + SSE until done), 1 client, 2 s`,
      ms: percentile(single.latencies, 50),
      detail: `p50 ${percentile(single.latencies, 50).toFixed(1)} ms, p99 ${percentile(single.latencies, 99).toFixed(1)} ms, ${single.latencies.length} runs`,
    });
    const { latencies, failures } = await runLoad(s.url, body, LOAD_SECONDS);
    rows.push({
      area: 'server',
      workload: `${kind} run (POST /api/runs + SSE until done), ${CLIENTS} clients, ${LOAD_SECONDS} s`,
      ms: percentile(latencies, 50),
      detail: `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ${(latencies.length / LOAD_SECONDS).toFixed(1)} runs/s, ${failures} failed`,
    });

    // Gambit's e04.nfg lives beside the repository on the developers' machines (../shared is not part
    // of a user's clone): without it that workload is a "skipped" row.
    const e04File = path.resolve(ROOT, '../shared/conformance/gambit/games/e04.nfg');
    const solveName = 'POST /api/games/solve (e04.nfg, enummixed)';
    const targets: [string, Record<string, unknown>][] = [[`GET /api/scenarios/${health.defaultScenarioId}`, { url: `${s.url}api/scenarios/${health.defaultScenarioId}` }]];
    if (existsSync(e04File)) {
      const e04 = readFileSync(e04File, 'utf8');
      targets.unshift([solveName, { url: `${s.url}api/games/solve`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format: 'nfg', text: e04 }) }]);
    } else {
      rows.push({ area: 'server', workload: `${solveName}, autocannon ${CLIENTS} connections, ${LOAD_SECONDS} s`, ms: NaN, detail: "skipped: ../shared/conformance/gambit is not present (a clone without the peers' data)" });
    }
    for (const [name, opts] of targets) {
      const r = await autocannon({ ...opts, connections: CLIENTS, duration: LOAD_SECONDS });
      rows.push({
        area: 'server',
        workload: `${name}, autocannon ${CLIENTS} connections, ${LOAD_SECONDS} s`,
        ms: r.latency.p50,
        detail: `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.requests.average.toFixed(0)} req/s, non-2xx ${r.non2xx}, errors ${r.errors}`,
      });
    }
  } finally {
    await stopServer(s);
  }
  return rows;
}
