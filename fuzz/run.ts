/**
 * `npm run fuzz [-- --parsers N] [--requests N] [--seed S] [--only NAME,...]`: the fuzz job.
 * Seeded and reproducible: input i of a target depends only on (seed, i).
 *
 * 1. Every parser a user feeds (fuzz/targets.ts: Gambit .nfg/.efg, game JSON, KTAB CSV, scenario
 *    YAML/JSON, deterrence parameters), N inputs each (default 100,000), in worker processes (two
 *    at a time) so that a crash or a hang is caught and named: the bar is acceptance or an
 *    InputError with a place, within 2 s.
 * 2. A real `brink serve` (SQLite in a temporary folder), N requests per entry point (default
 *    20,000): POST /api/games/solve, POST /api/scenarios, POST /api/runs (created runs are cancelled
 *    at once) and every other route; counts by status; the bar is no 5xx, no crash, no hang.
 *
 * Findings are written to fuzz/corpus/<target>/finding-<hash>.* (keep them: fuzz/fuzz.test.ts
 * replays the corpus) and the job exits 1. Figures go to bench/results/fuzz.json.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PARSER_TARGETS, corpus, CORPUS_DIR, FUZZ_DIR } from './targets';
import { makeInputSource, mutatedInputs } from './mutate';
import { endpointTargets, type FuzzRequest } from './endpoints';
import type { WorkerJob, WorkerReport } from './parser-worker';
import { spawnBrink, type BrinkProcess } from '../packages/app/test/serve-harness';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const only = (() => {
  const i = args.indexOf('--only');
  return i >= 0 ? args[i + 1]!.split(',') : null;
})();
const SEED = opt('seed', 20261206);
const PARSER_INPUTS = opt('parsers', 100_000);
const REQUESTS = opt('requests', 20_000);
const HANG_MS = 2000;
const PARALLEL = Math.max(1, Math.min(2, os.availableParallelism()));
const ROOT = path.resolve(FUZZ_DIR, '..');
const selected = (name: string) => !only || only.some((o) => name.includes(o));

interface Finding {
  target: string;
  index: number;
  kind: string;
  message: string;
  file?: string;
}
const findings: Finding[] = [];

function keep(target: string, index: number, kind: string, message: string, input: string, ext = 'txt'): void {
  const hash = createHash('sha256').update(input).digest('hex').slice(0, 12);
  const dir = path.join(CORPUS_DIR, target);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `finding-${hash}.${ext}`);
  writeFileSync(file, input);
  findings.push({ target, index, kind, message, file: path.relative(ROOT, file) });
  process.stderr.write(`fuzz: FINDING ${target} #${index} (${kind}): ${message.split('\n')[0]} -> ${path.relative(ROOT, file)}\n`);
}

const EXT: Record<string, string> = { nfg: 'nfg', efg: 'efg', 'game-json': 'json', 'ktab-csv': 'csv', scenario: 'yaml', 'deterrence-params': 'json', article: 'txt' };

interface ParserCounts {
  inputs: number;
  ok: number;
  inputErrors: number;
  findings: number;
  crashes: number;
  hangs: number;
  ms: number;
}

/** Runs inputs [from, to) of a target in worker processes, restarting after a crash or a hang. */
async function fuzzParser(name: string, from: number, to: number, counts: ParserCounts): Promise<void> {
  const input = makeInputSource(mutatedInputs(corpus(name).map((c) => c.text), PARSER_TARGETS.find((t) => t.name === name)!.dictionary), SEED);
  const statusDir = mkdtempSync(path.join(os.tmpdir(), 'brink-fuzz-'));
  const statusFile = path.join(statusDir, 'at');
  let start = from;
  try {
    while (start < to) {
      const child: ChildProcess = fork(path.join(FUZZ_DIR, 'parser-worker.ts'), [], { execArgv: ['--import', 'tsx', '--max-old-space-size=2048'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
      let lastProgress = performance.now();
      // Counts of this worker so far: kept when it crashes or hangs (it never reports `done`).
      let seen = { ok: 0, inputErrors: 0 };
      const outcome = await new Promise<{ kind: 'done' } | { kind: 'crash' | 'hang' }>((resolve) => {
        child.on('message', (m: WorkerReport) => {
          lastProgress = performance.now();
          if (m.type === 'finding') keep(name, m.index, m.kind, m.message, input(m.index), EXT[name]);
          else if (m.type === 'progress') seen = { ok: m.ok, inputErrors: m.inputErrors };
          else if (m.type === 'done') {
            counts.ok += m.ok;
            counts.inputErrors += m.inputErrors;
            counts.findings += m.findings;
            resolve({ kind: 'done' });
          }
        });
        const watchdog = setInterval(() => {
          // An input that never ends: the status file says which.
          if (performance.now() - lastProgress > 10 * HANG_MS + 20_000) {
            clearInterval(watchdog);
            child.kill('SIGKILL');
            resolve({ kind: 'hang' });
          }
        }, 1000);
        child.on('exit', (code) => {
          clearInterval(watchdog);
          resolve(code === 0 || code === null ? { kind: 'done' } : { kind: 'crash' });
        });
        child.send({ target: name, seed: SEED, from: start, to, hangMs: HANG_MS, statusFile } satisfies WorkerJob);
      });
      if (outcome.kind === 'done') {
        child.kill();
        break;
      }
      const at = Number(readFileSync(statusFile, 'utf8').trim());
      counts.ok += seen.ok;
      counts.inputErrors += seen.inputErrors;
      counts[outcome.kind === 'crash' ? 'crashes' : 'hangs']++;
      counts.findings++;
      keep(name, at, outcome.kind, outcome.kind === 'crash' ? `the worker process died: ${stderr.split('\n').filter(Boolean).slice(-3).join(' | ')}` : 'no answer within the watchdog', input(at), EXT[name]);
      // Count what ran before the crash as run; resume after the input that crashed.
      start = at + 1;
    }
  } finally {
    rmSync(statusDir, { recursive: true, force: true });
  }
}

async function fuzzParsers(): Promise<Record<string, ParserCounts>> {
  const out: Record<string, ParserCounts> = {};
  const targets = PARSER_TARGETS.filter((t) => selected(t.name));
  // Each target in `PARALLEL` slices, run PARALLEL at a time.
  const jobs: (() => Promise<void>)[] = [];
  for (const t of targets) {
    const counts: ParserCounts = { inputs: PARSER_INPUTS, ok: 0, inputErrors: 0, findings: 0, crashes: 0, hangs: 0, ms: 0 };
    out[t.name] = counts;
    const slice = Math.ceil(PARSER_INPUTS / PARALLEL);
    for (let k = 0; k < PARALLEL; k++) {
      const from = k * slice;
      const to = Math.min(PARSER_INPUTS, from + slice);
      jobs.push(async () => {
        const t0 = performance.now();
        await fuzzParser(t.name, from, to, counts);
        counts.ms += performance.now() - t0;
      });
    }
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
  for (const [name, c] of Object.entries(out)) {
    process.stderr.write(`fuzz: parser ${name}: ${c.inputs} inputs, ${c.ok} accepted, ${c.inputErrors} input errors, ${c.findings} findings (${c.crashes} crashes, ${c.hangs} hangs), ${(c.ms / 1000).toFixed(1)} s of worker time\n`);
  }
  return out;
}

interface EndpointCounts {
  requests: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  crashes: number;
  hangs: number;
  /** What the client saw when a request got no HTTP answer (connection reset by the server, ...). */
  networkErrors: string[];
  p99Ms: number;
  ms: number;
}

/** Corpus folder of an endpoint's findings: `POST /api/runs` -> `api-post-api-runs`. */
const corpusName = (endpoint: string): string => `api-${endpoint.split('(')[0]!.replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}`;

async function fuzzEndpoints(): Promise<Record<string, EndpointCounts>> {
  const data = mkdtempSync(path.join(os.tmpdir(), 'brink-fuzz-serve-'));
  const env = { BRINK_SOLVE_TIMEOUT_MS: String(HANG_MS), BRINK_RUN_TIMEOUT_MS: '5000', BRINK_WORKERS: '1' };
  let server: BrinkProcess = await spawnBrink('serve', { args: ['--data', data], env });
  const out: Record<string, EndpointCounts> = {};
  try {
    for (const target of endpointTargets(SEED)) {
      if (!selected(target.name)) continue;
      const counts: EndpointCounts = { requests: REQUESTS, byStatus: {}, serverErrors: 0, crashes: 0, hangs: 0, networkErrors: [], p99Ms: 0, ms: 0 };
      out[target.name] = counts;
      const times: number[] = [];
      const t0 = performance.now();
      let next = 0;
      const client = async () => {
        while (next < REQUESTS) {
          const i = next++;
          const req: FuzzRequest = target.request(i);
          const started = performance.now();
          let status: string;
          let body: string;
          try {
            // Concatenated, not resolved: a path such as `//x` must reach the server as a path.
            const res = await fetch(new URL(server.url.replace(/\/$/, '') + req.path), {
              method: req.method,
              headers: req.contentType ? { 'content-type': req.contentType } : {},
              body: req.method === 'POST' ? (req.body ?? '') : undefined,
              signal: AbortSignal.timeout(HANG_MS + 15_000),
            });
            body = await res.text();
            status = String(res.status);
            if (res.status >= 500) {
              counts.serverErrors++;
              keep(corpusName(target.name), i, `status ${res.status}`, body, JSON.stringify(req, null, 1), 'json');
            }
            if (req.cancelCreated && res.status === 202) {
              const id = (JSON.parse(body) as { id?: string }).id;
              if (id) await fetch(new URL(`/api/runs/${id}`, server.url), { method: 'DELETE' }).then((r) => r.text());
            }
          } catch (error) {
            if (server.exited()) {
              status = 'crash';
              counts.crashes++;
              keep(corpusName(target.name), i, 'crash', server.stderr().slice(-2000), JSON.stringify(req, null, 1), 'json');
              server = await spawnBrink('serve', { args: ['--data', data], env });
            } else {
              status = (error as Error).name === 'TimeoutError' ? 'hang' : 'network';
              if (status === 'network') {
                const e = error as Error & { cause?: { code?: string; message?: string } };
                counts.networkErrors.push(`#${i} ${req.method} ${req.path.slice(0, 60)}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
              }
              if (status === 'hang') {
                counts.hangs++;
                keep(corpusName(target.name), i, 'hang', 'no answer', JSON.stringify(req, null, 1), 'json');
              }
            }
          }
          counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
          times.push(performance.now() - started);
        }
      };
      await Promise.all(Array.from({ length: 4 }, client));
      counts.ms = performance.now() - t0;
      times.sort((a, b) => a - b);
      counts.p99Ms = Math.round(times[Math.floor(times.length * 0.99)] ?? 0);
      const statuses = Object.entries(counts.byStatus)
        .sort()
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ');
      process.stderr.write(`fuzz: ${target.name}: ${REQUESTS} requests in ${(counts.ms / 1000).toFixed(1)} s; ${statuses}; p99 ${counts.p99Ms} ms\n`);
      for (const line of counts.networkErrors.slice(0, 10)) process.stderr.write(`fuzz:   no HTTP answer: ${line}\n`);
    }
    const health = await fetch(new URL('/api/health', server.url));
    if (health.status !== 200) throw new Error(`the server answered /api/health with ${health.status} after the fuzz`);
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
  return out;
}

const t0 = performance.now();
const parsers = PARSER_INPUTS > 0 ? await fuzzParsers() : {};
const endpoints = REQUESTS > 0 ? await fuzzEndpoints() : {};
const machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', date: new Date().toISOString() };
const rows = [
  ...Object.entries(parsers).map(([name, c]) => ({
    area: 'fuzz',
    workload: `parser ${name}, ${c.inputs} inputs`,
    ms: c.ms,
    detail: `${c.ok} accepted, ${c.inputErrors} input errors, ${c.findings} findings (${c.crashes} crashes, ${c.hangs} hangs)`,
  })),
  ...Object.entries(endpoints).map(([name, c]) => ({
    area: 'fuzz',
    workload: `${name}, ${c.requests} requests`,
    ms: c.ms,
    detail: `${Object.entries(c.byStatus)
      .sort()
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')}; 5xx ${c.serverErrors}, crashes ${c.crashes}, hangs ${c.hangs}; p99 ${c.p99Ms} ms${c.networkErrors.length ? `; no HTTP answer: ${c.networkErrors.slice(0, 5).join(' | ')}` : ''}`,
  })),
];
if (!only && PARSER_INPUTS >= 20_000 && REQUESTS >= 20_000) {
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/results/fuzz.json'), JSON.stringify({ machine, seed: SEED, rows, parsers, endpoints, findings }, null, 2) + '\n');
  process.stderr.write('fuzz: wrote bench/results/fuzz.json\n');
}
process.stderr.write(`fuzz: ${findings.length} findings in ${((performance.now() - t0) / 1000).toFixed(0)} s (seed ${SEED})\n`);
process.exit(findings.length > 0 ? 1 : 0);
