/**
 * Crisis simulation benchmark: 10,000 runs x 104 weeks (target <= 1 s) and 10,000 x
 * 260 weeks (target <= 2 s) of the default scenario's crisis model in one thread, with every
 * assumption's range sampled and the events drawn each week, fans and tallies recorded. Two
 * measurements of the one thread: the engine's sources loaded through tsx (as tests run it), and
 * the engine bundled by esbuild with the CLI bundle's options (bench/crisis-runner.ts, in a process
 * of its own: the code `brink simulate` runs). Two threads: `brink simulate --workers 2`'s threads
 * from the CLI bundle (built first: npm run build).
 *
 * Peer, in the same run: the same stock-and-flow structure (the stocks, their flows, the
 * auxiliaries and policies, the calendar signals as converters, each action as its weekly
 * probability: the mean-field model our XMILE export holds) built in the `simulation` npm package
 * (Insight Maker's engine, v9), Euler with a step of one week, timed per run and multiplied by
 * 10,000. Ours does more per run (sampling, events, the ladder, the deterrence hand-off). Memory
 * per run: the bytes of a run's working state (reused from run to run) and the ensemble's tallies
 * (which do not grow with the number of runs), and the heap growth measured over the ensemble.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { build } from 'esbuild';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Model } from 'simulation';
import type { BenchRow } from './harness';
import { timeIt } from './harness';
import { parseScenarioText, validateScenario } from '@brink/engine/scenario';
import {
  compileCrisisModel,
  mergeChunks,
  planChunks,
  simulateEnsemble,
  xmileName,
  Workspace,
  type ChunkResult,
  type ChunkTask,
  type CompiledCrisisModel,
} from '@brink/engine/crisis';
import type { Scenario } from '@brink/engine/scenario';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function defaultScenario(): Scenario {
  const text = readFileSync(path.join(root, 'scenarios/korean-peninsula-2025-09.yaml'), 'utf8');
  return validateScenario(parseScenarioText(text, 'korean-peninsula-2025-09.yaml'));
}

/**
 * The same ensemble on both cores: `brink simulate --workers 2`'s threads (packages/app/src/simulation),
 * started and warmed once (each compiles the model), then timed on the ensemble's chunks, merged in
 * run order (the tallies are identical to one thread's, checked here).
 */
async function twoThreads(scenario: Scenario, weeks: number, reference: ChunkResult): Promise<number> {
  // The CLI bundle's thread entry (built just before, in the bench's main function).
  const entry = new URL('../packages/app/dist/simulation-worker.mjs', import.meta.url);
  const workers = [0, 1].map(() => new Worker(entry, { workerData: { scenarios: [scenario], variants: [null] } }));
  const tasks: ChunkTask[] = planChunks(10_000, 625).map((p, id) => ({ id, type: 'ensemble', models: [0], spec: { seed: 1, weeks, ...p } }));
  const runAll = (): Promise<ChunkResult[]> =>
    new Promise((resolve, reject) => {
      const results = new Array<ChunkResult>(tasks.length);
      let next = 0;
      let finished = 0;
      const feed = (w: Worker) => {
        if (next >= tasks.length) return;
        const task = tasks[next++]!;
        w.once('message', (msg: { id: number; result?: ChunkResult; error?: { message: string } }) => {
          if (msg.error) return reject(new Error(msg.error.message));
          results[msg.id] = msg.result!;
          if (++finished === tasks.length) resolve(results);
          else feed(w);
        });
        w.postMessage(task);
      };
      workers.forEach(feed);
    });
  try {
    await runAll(); // warm-up: module loading and the JIT of both threads
    const times: number[] = [];
    let merged: ChunkResult | null = null;
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      merged = mergeChunks(await runAll());
      times.push(performance.now() - t0);
    }
    for (const key of ['outcomeCounts', 'highest', 'firstWeek', 'levelByWeek', 'fan'] as const) {
      if (JSON.stringify(Array.from(merged![key] as Int32Array)) !== JSON.stringify(Array.from(reference[key] as Int32Array))) throw new Error(`two threads gave other ${key} than one`);
    }
    return times.sort((a, b) => a - b)[1]!;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** bench/crisis-runner.ts bundled as the CLI bundle is (scripts/build.mjs): ESM for node20, npm packages bundled in. */
async function bundledRunner(dir: string): Promise<string> {
  const outfile = path.join(dir, 'crisis-runner.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['bench/crisis-runner.ts'],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}

function runBundled(runner: string, weeks: number): { ms: number; cpuMs: number } {
  const r = spawnSync(process.execPath, [runner, path.join(root, 'scenarios/korean-peninsula-2025-09.yaml'), String(weeks)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`crisis runner failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; cpuMs: number };
}

/** The mean-field stock-and-flow model in the `simulation` package (the structure of the XMILE export). */
function peerModel(m: CompiledCrisisModel, weeks: number) {
  const sim = new Model({ timeStart: 0, timeLength: weeks, timeStep: 1, timeUnits: 'Weeks', algorithm: 'Euler' });
  const v = (i: number) => m.params[i]!.value;
  const start = (node: number) => (m.initialParam[node]! >= 0 ? v(m.initialParam[node]!) : 0);
  const name = (node: number) => (m.nodes[node]!.kind === 'action' ? `p_${xmileName(m.nodes[node]!.id)}` : xmileName(m.nodes[node]!.id));
  const prims = new Map<string, unknown>();
  const uses = new Map<string, Set<string>>();
  const ref = (from: number, into: string) => {
    const set = uses.get(into) ?? new Set<string>();
    set.add(name(from));
    uses.set(into, set);
    return `[${name(from)}]`;
  };
  const term = (l: { cause: number; refMode: number; refValue: number; param: number }, into: string) => {
    const r = l.refMode === 0 ? start(l.cause) : l.refMode === 2 ? l.refValue : 0;
    return `${v(l.param)} * (${ref(l.cause, into)} - ${r})`;
  };
  const flows: { stock: number; rate: string; name: string }[] = [];
  for (let i = 0; i < m.counts.stocks; i++) {
    const flowName = `${name(i)}_change`;
    const parts: string[] = [];
    const g = m.growthParam[i]!;
    if (g >= 0) parts.push(String(v(g)));
    const h = m.halfLifeParam[i]!;
    if (h >= 0) parts.push(`${1 - Math.pow(2, -1 / v(h))} * (${start(i)} - ${ref(i, flowName)})`);
    for (const l of m.flows) if (l.effect === i) parts.push(term(l, flowName));
    for (const a of m.actions) for (let k = a.pulseStart; k < a.pulseEnd; k++) if (m.pulses[k]!.effect === i) parts.push(`${v(m.pulses[k]!.param)} * ${ref(a.node, flowName)}`);
    for (const l of m.calendarPulses) if (l.effect === i) parts.push(`${v(l.param)} * ${ref(l.cause, flowName)}`);
    flows.push({ stock: i, rate: parts.join(' + ') || '0', name: flowName });
    prims.set(name(i), sim.Stock({ name: name(i), initial: start(i) }));
  }
  for (let i = m.counts.stocks; i < m.offsets.calendar; i++) {
    const parts = [String(start(i))];
    for (const l of m.levels) if (l.effect === i) parts.push(term(l, name(i)));
    prims.set(name(i), sim.Variable({ name: name(i), value: parts.join(' + ') }));
  }
  m.calendarKinds.forEach((kind) => {
    const node = m.nodeIndex.get(`calendar.${kind}`)!;
    const values = Array.from({ length: weeks }, (_, w) => ({ x: w, y: 0 }));
    prims.set(name(node), sim.Converter({ name: name(node), input: 'Time', interpolation: 'Discrete', values }));
  });
  for (const a of m.actions) {
    const n = name(a.node);
    let eq: string;
    if (a.kind === 'event') {
      const p = v(a.param);
      const parts = [String(Math.log(p) - Math.log1p(-p))];
      for (let k = a.logitStart; k < a.logitEnd; k++) parts.push(term(m.logits[k]!, n));
      eq = `1 / (1 + exp(-(${parts.join(' + ')})))`;
    } else {
      const b = m.launch!.model.fit.beta;
      eq = `exp(${b[0]} + ${b[1]} * ${m.exerciseNode >= 0 ? ref(m.exerciseNode, n) : '0'} + ${b[3]} * ln(1 + ${v(a.param)})) * ${7 / 30.4375}`;
    }
    prims.set(n, sim.Variable({ name: n, value: eq }));
  }
  for (const s of ['state_talks', 'state_level']) prims.set(s, sim.Variable({ name: s, value: '0' }));
  for (const f of flows) prims.set(f.name, sim.Flow(null, prims.get(name(f.stock)) as never, { name: f.name, rate: f.rate }));
  for (const [into, froms] of uses) for (const from of froms) if (from !== into) sim.Link(prims.get(from) as never, prims.get(into) as never);
  return sim;
}

export default async function (): Promise<BenchRow[]> {
  const scenario = defaultScenario();
  const model = compileCrisisModel(scenario);
  const rows: BenchRow[] = [];
  const peerRuns = 10;
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed: ${built.stderr}`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'brink-crisis-bench-'));
  const runner = await bundledRunner(tmp);
  for (const [weeks, target] of [
    [104, 1000],
    [260, 2000],
  ] as const) {
    // Warm up once, then the median of 3 (wall clock); CPU time of one more run beside it (a shared
    // machine's wall clock includes the time other processes took).
    const ms = await timeIt(() => simulateEnsemble(model, { runs: 10_000, weeks, seed: 1 }), 3);
    const cpu0 = process.cpuUsage();
    simulateEnsemble(model, { runs: 10_000, weeks, seed: 1 });
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const peer = peerModel(model, weeks);
    peer.simulate();
    const t0 = performance.now();
    for (let i = 0; i < peerRuns; i++) peer.simulate();
    const peerPerRun = (performance.now() - t0) / peerRuns;
    rows.push({
      area: 'crisis',
      workload: `10,000 runs x ${weeks} weeks, default scenario, 1 thread, engine sources through tsx (target <= ${target} ms)`,
      ms,
      baseline: { name: 'simulation 9 (Insight Maker engine), same stock-flow structure, mean-field', ms: peerPerRun * 10_000, note: `${peerPerRun.toFixed(1)} ms per run x 10,000 (timed over ${peerRuns} runs)` },
      detail: `${(ms / 10_000 * 1000).toFixed(1)} us per run (CPU time ${cpuMs.toFixed(0)} ms); ${model.params.length} sampled numbers, ${model.actions.length} actions, ${model.counts.stocks} stocks; ${ms <= target ? 'meets' : 'misses'} the target (wall clock)`,
    });
    const bundled = runBundled(runner, weeks);
    rows.push({
      area: 'crisis',
      workload: `10,000 runs x ${weeks} weeks, default scenario, 1 thread, engine bundled as in the CLI (target <= ${target} ms)`,
      ms: bundled.ms,
      detail: `esbuild bundle of bench/crisis-runner.ts (ESM, node20, as scripts/build.mjs), own process, median of 3 after a warm-up; ${(bundled.ms / 10_000 * 1000).toFixed(1)} us per run (CPU time ${bundled.cpuMs.toFixed(0)} ms); ${bundled.ms <= target ? 'meets' : 'misses'} the target (wall clock)`,
    });
    const reference = simulateEnsemble(model, { runs: 10_000, weeks, seed: 1 }).merged;
    const both = await twoThreads(scenario, weeks, reference);
    rows.push({
      area: 'crisis',
      workload: `10,000 runs x ${weeks} weeks, default scenario, 2 threads on the 2 cores (target <= ${target} ms)`,
      ms: both,
      detail: `brink simulate --workers 2's threads (the CLI bundle's simulation-worker.mjs), warmed (thread start-up and model compilation excluded), 16 chunks of 625 runs merged in run order; tallies identical to one thread's; ${both <= target ? 'meets' : 'misses'} the target`,
    });
  }
  rmSync(tmp, { recursive: true, force: true });
  // Memory: a run's working state, the tallies, and the heap growth over an ensemble.
  const ws = new Workspace(model, 104, null);
  const stateBytes = Object.values(ws).reduce((s: number, x) => s + (ArrayBuffer.isView(x) ? x.byteLength : 0), 0);
  const flat = ['flow', 'level', 'logit', 'pulse', 'calPulse'] as const;
  const linkBytes = flat.reduce((s, k) => s + Object.values(ws[k]).reduce((t: number, x) => t + (ArrayBuffer.isView(x) ? x.byteLength : 0), 0), 0);
  // A gc() for the measurement (node --expose-gc, set at run time).
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const { merged } = simulateEnsemble(model, { runs: 10_000, weeks: 104, seed: 2 });
  const after = process.memoryUsage().heapUsed;
  gc?.();
  const retained = process.memoryUsage().heapUsed;
  const tallyBytes = Object.values(merged).reduce((s: number, x) => s + (ArrayBuffer.isView(x) ? x.byteLength : 0), 0);
  rows.push({
    area: 'crisis',
    workload: 'memory per run (104 weeks)',
    ms: 0,
    detail: `working state ${((stateBytes + linkBytes) / 1024).toFixed(1)} KiB per concurrent run (reused, not per run); tallies ${(tallyBytes / 1024 / 1024).toFixed(2)} MiB per ensemble whatever the runs; heap allocated over 10,000 runs ${((after - before) / 1024 / 1024).toFixed(1)} MiB (${((after - before) / 10_000).toFixed(0)} bytes per run, garbage: run streams), retained after GC ${((retained - before) / 1024 / 1024).toFixed(2)} MiB`,
  });
  return rows;
}
