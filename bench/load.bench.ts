/**
 * Load benchmark: a real `brink serve` (SQLite, local pool) under autocannon with 200
 * concurrent connections for 60 s (BRINK_LOAD_SECONDS to change it) on a mix of reads (health,
 * the scenario list, the default scenario, the run list), small synchronous solves and run
 * submissions (a small solve run each). Reports requests/s, p50/p99 latency, errors and non-2xx
 * answers, and the server's memory (its process and its worker processes) sampled every second:
 * start, peak and end, and after 10 s idle.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { BenchRow } from './harness';
import { spawnBrink } from '../packages/app/test/serve-harness';

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const CONNECTIONS = 200;
const SECONDS = Number(process.env.BRINK_LOAD_SECONDS ?? 60);

/** Resident memory (MB) of a process and its descendants. */
function treeRssMb(pid: number): number {
  try {
    const out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' });
    const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
    const keep = new Set([pid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [p, pp] of rows) {
        if (keep.has(pp) && !keep.has(p)) {
          keep.add(p);
          grew = true;
        }
      }
    }
    return rows.filter(([p]) => keep.has(p)).reduce((s, [, , rss]) => s + rss, 0) / 1024;
  } catch {
    return NaN;
  }
}

export default async function (): Promise<BenchRow[]> {
  const data = mkdtempSync(path.join(os.tmpdir(), 'brink-load-'));
  const server = await spawnBrink('serve', { args: ['--data', data] });
  try {
    const url = server.url;
    const health = (await (await fetch(`${url}api/health`)).json()) as { defaultScenarioId: string };
    const game = 'NFG 1 R "Coordination" { "Row" "Column" } { 2 2 }\n\n2 1 0 0 0 0 1 2\n';
    const json = { 'content-type': 'application/json' };
    const requests = [
      { method: 'GET', path: '/api/health' },
      { method: 'GET', path: '/api/scenarios' },
      { method: 'GET', path: `/api/scenarios/${health.defaultScenarioId}` },
      { method: 'GET', path: '/api/runs?limit=20' },
      { method: 'POST', path: '/api/games/solve', headers: json, body: JSON.stringify({ format: 'nfg', text: game }) },
      { method: 'POST', path: '/api/runs', headers: json, body: JSON.stringify({ kind: 'solve', options: { format: 'nfg', text: game } }) },
    ];
    // Warm the worker processes.
    await autocannon({ url, connections: 10, duration: 3, requests });
    const pid = server.child.pid!;
    const memory: number[] = [treeRssMb(pid)];
    const sampler = setInterval(() => memory.push(treeRssMb(pid)), 1000);
    const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests });
    clearInterval(sampler);
    const end = treeRssMb(pid);
    await new Promise((res) => setTimeout(res, 10_000));
    const idle = treeRssMb(pid);
    const statuses = Object.entries(r.statusCodeStats ?? {})
      .map(([s, v]) => `${s}: ${v.count}`)
      .join(', ');
    const peak = Math.max(...memory);
    const runs = (await (await fetch(`${url}api/runs?limit=1000&status=failed`)).json()) as { runs: unknown[] };
    return [
      {
        area: 'load',
        workload: `mixed API load: ${CONNECTIONS} connections, ${SECONDS} s (reads, small solves, run submissions)`,
        ms: r.latency.p50,
        detail: `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; ${r.requests.average.toFixed(0)} req/s, ${r.requests.total} requests; errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx} (${statuses}); failed runs ${runs.runs.length}`,
      },
      {
        area: 'load',
        workload: 'server memory under that load (server + worker processes, RSS)',
        ms: peak,
        detail: `start ${memory[0]!.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, end ${end.toFixed(0)} MB, after 10 s idle ${idle.toFixed(0)} MB (figure: peak MB, not ms)`,
      },
    ];
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
}
