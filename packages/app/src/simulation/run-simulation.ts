/**
 * One path from a scenario to a simulation report, shared by `brink simulate` and the `simulate`
 * run kind: compiles the crisis model (of a variant, or of two for a comparison), runs the
 * ensemble as chunks (in this thread, or spread over worker threads: the merged tallies are the
 * same either way, ../../../engine/src/crisis/ensemble.ts), adds the hindcast, the tornado and
 * Sobol indices on request, the causal diagram and each mechanism's checked direction.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  causalGraph,
  compileCrisisModel,
  checkEnsembleOptions,
  linkResponse,
  mergeChunks,
  mergeCompareChunks,
  mergeDesignChunks,
  planChunks,
  runHindcast,
  sobolDesign,
  sobolFromCounts,
  summariseChunk,
  summariseComparison,
  tornadoDesign,
  tornadoFromCounts,
  isoDate,
  dayNumber,
  type ChunkResult,
  type CompareChunk,
  type CompiledCrisisModel,
  type DesignChunk,
  type DesignSpec,
  type SimulationSummary,
  type HindcastResult,
  type TornadoResult,
  type SobolResult,
  type OutcomeDifference,
  type CausalGraph,
} from '@brink/engine/crisis';
import { InputError } from '@brink/engine/errors';
import { LIMITS } from '@brink/engine/limits';
import { applyVariant, type Scenario, type SourceReader } from '@brink/engine/scenario';
import { runTask, type ChunkTask, type ModelRef } from './worker-task';

export interface SimulateOptions {
  runs?: number;
  weeks?: number;
  seed?: number | string;
  /** Worker threads (default 1: this thread). */
  workers?: number;
  variant?: string | null;
  /** Two variants (null or "base" = the scenario itself) compared run for run: second minus first. */
  compare?: [string | null, string | null];
  hindcast?: boolean;
  sobol?: boolean;
  /** Sensitivity sizes (defaults: tornado 200 runs per point; Sobol N = 64, 32 runs per point, 8 parameters). */
  tornadoRuns?: number;
  sobolSamples?: number;
  sobolRuns?: number;
  sobolParams?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface MechanismReport {
  id: string;
  cause: string;
  effect: string;
  sign: '+' | '-';
  status: 'drives' | 'deterrence' | 'inert';
  form?: string;
  causeNode?: string;
  effectNode?: string;
  strength?: { value: number; lo: number; hi: number; provenance: string };
  reason?: string;
  /** Direction the kernel moves the effect when the cause rises (1, -1, 0). */
  checked?: number;
}

export interface SimulateReport extends SimulationSummary {
  variants?: (SimulationSummary & { variant: string | null })[];
  differences?: OutcomeDifference[];
  hindcast?: HindcastResult;
  sensitivity?: { tornado: TornadoResult; sobol: SobolResult };
  mechanisms: MechanismReport[];
  graph: CausalGraph;
  calendar: { id: string; kind: string; from: string; to: string }[];
  parameters: { total: number; cited: number; assumed: number; derived: number; fitted: number };
  workers: number;
}

// ------------------------------------------------------------------------------------------------
// Executing chunks

interface ChunkExecutor {
  run(tasks: ChunkTask[], onDone: (index: number) => void): Promise<unknown[]>;
  close(): Promise<void>;
}

function inThread(): ChunkExecutor {
  return {
    async run(tasks, onDone) {
      const out: unknown[] = [];
      for (const [i, t] of tasks.entries()) {
        out.push(runTask(t).result);
        onDone(i);
        // Let a progress bar repaint between chunks.
        await new Promise((r) => setImmediate(r));
      }
      return out;
    },
    async close() {},
  };
}

function threadPool(size: number): ChunkExecutor {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./worker.mjs', import.meta.url)));
  return {
    run(tasks, onDone) {
      return new Promise((resolve, reject) => {
        const results = new Array<unknown>(tasks.length);
        let next = 0;
        let finished = 0;
        let failed = false;
        const feed = (w: Worker) => {
          if (failed || next >= tasks.length) return;
          const index = next++;
          const onMessage = (msg: { id: number; result?: unknown; error?: { message: string; name?: string; place?: string; reason?: string; expected?: string } }) => {
            if (msg.id !== tasks[index]!.id) return;
            w.off('message', onMessage);
            if (msg.error) {
              failed = true;
              const e = msg.error;
              reject(e.name === 'InputError' ? new InputError(e.reason ?? e.message, { place: e.place, expected: e.expected }) : new Error(e.message));
              return;
            }
            results[index] = msg.result;
            finished++;
            onDone(index);
            if (finished === tasks.length) resolve(results);
            else feed(w);
          };
          w.on('message', onMessage);
          w.postMessage(tasks[index]);
        };
        for (const w of workers) {
          w.once('error', (err) => {
            failed = true;
            reject(err);
          });
          feed(w);
        }
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

// ------------------------------------------------------------------------------------------------

function variantId(v: string | null | undefined): string | null {
  return v === undefined || v === null || v === 'base' ? null : v;
}

export function checkSimulateOptions(o: SimulateOptions): void {
  checkEnsembleOptions({ runs: o.runs, weeks: o.weeks, seed: o.seed });
  if (o.workers !== undefined && (!Number.isInteger(o.workers) || o.workers < 1 || o.workers > 64)) {
    throw new InputError(`the number of workers must be an integer in [1, 64], got ${o.workers}`, { place: 'workers', expected: 'an integer in [1, 64]' });
  }
  if (o.compare && o.variant) throw new InputError('give either a variant or two variants to compare, not both', { place: 'compare' });
  const maxRuns = LIMITS.maxRuns;
  for (const [name, v] of [['tornadoRuns', o.tornadoRuns], ['sobolRuns', o.sobolRuns], ['sobolSamples', o.sobolSamples]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > maxRuns)) throw new InputError(`${name} must be an integer in [1, ${maxRuns}]`, { place: name });
  }
}

function modelFor(base: Scenario, variant: string | null, readSource: SourceReader | undefined, place: string): { model: CompiledCrisisModel; scenario: Scenario } {
  let scenario = base;
  if (variant !== null) {
    try {
      scenario = applyVariant(base, variant, { readSource });
    } catch (error) {
      if (error instanceof InputError && /unknown variant/.test(error.reason)) throw error.at(place);
      throw error;
    }
  }
  return { model: compileCrisisModel(scenario, { variant }), scenario };
}

function mechanismReport(model: CompiledCrisisModel): MechanismReport[] {
  return model.mechanisms.map((m) => ({
    id: m.id,
    cause: m.cause,
    effect: m.effect,
    sign: m.sign,
    status: m.status,
    form: m.form,
    causeNode: m.causeNode,
    effectNode: m.effectNode,
    strength: m.strength,
    reason: m.reason,
    checked: m.status === 'drives' ? linkResponse(model, m.causeNode!, m.effectNode!).direction : undefined,
  }));
}

function calendarOf(model: CompiledCrisisModel, weeks: number): SimulateReport['calendar'] {
  const end = model.startDay + 7 * weeks;
  const out: SimulateReport['calendar'] = [];
  for (const c of model.calendar) {
    if (c.shape === 'ramp') continue;
    const years = c.everyYear ? Array.from({ length: Math.ceil(weeks / 52) + 2 }, (_, k) => k - 1) : [0];
    for (const dy of years) {
      const from = dayNumber(`${Number(isoDate(c.from).slice(0, 4)) + dy}${isoDate(c.from).slice(4)}`);
      const to = from + (c.to - c.from);
      if (to < model.startDay || from >= end) continue;
      out.push({ id: c.id, kind: c.kind, from: isoDate(from), to: isoDate(to) });
    }
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : 1));
}

/** Simulates a validated scenario (optionally a variant, or two compared) and builds the report. */
export async function simulateScenario(base: Scenario, readSource: SourceReader | undefined, options: SimulateOptions = {}): Promise<SimulateReport> {
  checkSimulateOptions(options);
  const runs = options.runs ?? 10_000;
  const seed = options.seed ?? 1;
  const workers = options.workers ?? 1;
  const progress = options.onProgress ?? (() => {});
  const pairs = options.compare ? options.compare.map(variantId) : [variantId(options.variant)];
  const built = pairs.map((v) => modelFor(base, v, readSource, options.compare ? 'compare' : 'variant'));
  const first = built[0]!.model;
  const weeks = options.weeks ?? first.defaultWeeks;
  checkEnsembleOptions({ runs, weeks, seed });
  const refs: ModelRef[] = built.map((b, i) => ({ key: `${i}:${b.model.variant ?? 'base'}`, scenario: b.scenario, variant: b.model.variant }));
  const executor = workers > 1 ? threadPool(Math.min(workers, os.availableParallelism() * 4)) : inThread();
  let id = 0;
  try {
    const chunkSize = Math.max(100, Math.min(1000, Math.ceil(runs / (workers * 4))));
    const plans = planChunks(runs, chunkSize);
    let done = 0;
    const phase = options.compare ? 'compare' : 'ensemble';
    progress(phase, 0, runs);
    const tasks: ChunkTask[] = plans.map((p) => ({ id: id++, type: options.compare ? 'compare' : 'ensemble', models: refs, spec: { seed, weeks, ...p } }));
    const results = await executor.run(tasks, (i) => progress(phase, (done += plans[i]!.runCount), runs));
    let summary: SimulationSummary;
    let variants: SimulateReport['variants'];
    let differences: OutcomeDifference[] | undefined;
    if (options.compare) {
      const merged = mergeCompareChunks(results as CompareChunk[]);
      const c = summariseComparison(first, built[1]!.model, merged, seed);
      summary = c.first;
      variants = [
        { ...c.first, variant: first.variant },
        { ...c.second, variant: built[1]!.model.variant },
      ];
      differences = c.differences;
    } else {
      summary = summariseChunk(first, mergeChunks(results as ChunkResult[]), seed);
    }

    let sensitivity: SimulateReport['sensitivity'];
    if (options.sobol) {
      const runDesign = async (design: DesignSpec, label: string): Promise<Int32Array> => {
        const per = Math.max(1, Math.ceil(2000 / design.runsPerPoint));
        const parts: ChunkTask[] = [];
        for (let p = 0; p < design.points.length; p += per) parts.push({ id: id++, type: 'design', models: [refs[0]!], design, firstPoint: p, count: Math.min(per, design.points.length - p) });
        const total = design.points.length * design.runsPerPoint;
        let d = 0;
        progress(label, 0, total);
        const out = (await executor.run(parts, (i) => progress(label, (d += (parts[i] as { count: number }).count * design.runsPerPoint), total))) as DesignChunk[];
        return mergeDesignChunks(out, first.outcomes.length);
      };
      const tDesign = tornadoDesign(first, { seed, weeks, runsPerPoint: options.tornadoRuns ?? 200 });
      const tornado = tornadoFromCounts(first, tDesign, await runDesign(tDesign.spec, 'tornado'));
      const indexOf = new Map(first.params.map((p, i) => [p.key, i]));
      const top = tornado.bars.filter((b) => b.swing > 0).slice(0, options.sobolParams ?? 8).map((b) => indexOf.get(b.key)!);
      const sDesign = sobolDesign(first, { seed, weeks, params: top, baseSamples: options.sobolSamples ?? 64, runsPerPoint: options.sobolRuns ?? 32 });
      const sobol = sobolFromCounts(first, sDesign, await runDesign(sDesign.spec, 'sobol'));
      sensitivity = { tornado, sobol };
    }
    let hindcast: HindcastResult | undefined;
    if (options.hindcast) {
      progress('hindcast', 0, 1);
      hindcast = runHindcast({ seed });
      progress('hindcast', 1, 1);
    }
    const count = (p: string) => first.params.filter((x) => x.provenance === p).length;
    return {
      ...summary,
      ...(variants ? { variants, differences } : {}),
      ...(hindcast ? { hindcast } : {}),
      ...(sensitivity ? { sensitivity } : {}),
      mechanisms: mechanismReport(first),
      graph: causalGraph(first),
      calendar: calendarOf(first, weeks),
      parameters: { total: first.params.length, cited: count('cited'), assumed: count('assumed'), derived: count('derived'), fitted: count('fitted') },
      workers,
    };
  } finally {
    await executor.close();
  }
}
