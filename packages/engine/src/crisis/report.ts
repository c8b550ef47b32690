/**
 * The simulation report: one path from a scenario to what every face shows (the CLI's --json, the
 * stored `simulate` run, the web page): the ensemble summary (or two variants compared run for
 * run), the hindcast and the tornado and Sobol indices on request, each mechanism's status with the
 * direction the kernel moves its effect, the causal diagram and the calendar. `simulateWith` runs the
 * chunk tasks through a `TaskRunner` the caller chooses (this thread, worker threads, queue workers
 * on other machines); `planSimulation` lists the tasks it will ask for before it needs any result
 * (the ensemble's and the tornado's), so a distributed caller can run them anywhere first. Chunks
 * merge into the same tallies however they were spread, so the report does not depend on where
 * they ran.
 */
import { InputError } from '../errors';
import { LIMITS } from '../limits';
import { applyVariant, type Scenario, type SourceReader } from '../scenario/index';
import { compileCrisisModel, type CompiledCrisisModel } from './compile';
import { causalGraph, type CausalGraph } from './causal-graph';
import { dayNumber, isoDate } from './calendar';
import { simulateCompareChunk, mergeCompareChunks, summariseComparison, type CompareChunk, type OutcomeDifference } from './compare';
import { evaluateDesignChunk, mergeDesignChunks, type DesignChunk, type DesignSpec } from './design';
import { checkEnsembleOptions, mergeChunks, planChunks, simulateChunk, summariseChunk, type ChunkResult, type ChunkSpec, type SimulationSummary } from './ensemble';
import { runHindcast, type HindcastResult } from './hindcast';
import { linkResponse } from './mechanism-check';
import { sobolDesign, sobolFromCounts, type SobolResult } from './sobol';
import { tornadoDesign, tornadoFromCounts, type TornadoDesign, type TornadoResult } from './tornado';

export interface SimulateOptions {
  runs?: number;
  weeks?: number;
  seed?: number | string;
  /** Worker threads (a caller's choice; recorded in the report). */
  workers?: number;
  variant?: string | null;
  /** Two variants (null or "base" = the scenario itself) compared run for run: second minus first. */
  compare?: [string | null, string | null];
  hindcast?: boolean;
  sobol?: boolean;
  /** Sensitivity sizes (defaults: tornado 200 runs per point; Sobol N = 128, 32 runs per point, 8 parameters). */
  tornadoRuns?: number;
  sobolSamples?: number;
  sobolRuns?: number;
  sobolParams?: number;
  /** Runs per ensemble chunk (default: from the number of workers); it never changes the results. */
  chunkSize?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface MechanismReport {
  id: string;
  cause: string;
  effect: string;
  sign: '+' | '-' | '0';
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

/** A unit of work: runs of an ensemble, paired runs of two variants, or points of a design. */
export type ChunkTask =
  | { id: number; type: 'ensemble'; models: number[]; spec: ChunkSpec }
  | { id: number; type: 'compare'; models: number[]; spec: ChunkSpec }
  | { id: number; type: 'design'; models: number[]; design: DesignSpec; firstPoint: number; count: number };

/** Runs one chunk task on compiled models (indexed as in the task). */
export function runChunkTask(models: readonly CompiledCrisisModel[], task: ChunkTask): ChunkResult | CompareChunk | DesignChunk {
  if (task.type === 'ensemble') return simulateChunk(models[task.models[0]!]!, task.spec);
  if (task.type === 'compare') return simulateCompareChunk(models[task.models[0]!]!, models[task.models[1]!]!, task.spec);
  return evaluateDesignChunk(models[task.models[0]!]!, task.design, task.firstPoint, task.count);
}

function variantId(v: string | null | undefined): string | null {
  return v === undefined || v === null || v === 'base' ? null : v;
}

export function checkSimulateOptions(o: SimulateOptions): void {
  checkEnsembleOptions({ runs: o.runs, weeks: o.weeks, seed: o.seed });
  if (o.workers !== undefined && (!Number.isInteger(o.workers) || o.workers < 1 || o.workers > 64)) {
    throw new InputError(`the number of workers must be an integer in [1, 64], got ${o.workers}`, { place: 'workers', expected: 'an integer in [1, 64]' });
  }
  if (o.compare && o.variant) throw new InputError('give either a variant or two variants to compare, not both', { place: 'compare' });
  for (const [name, v] of [['tornadoRuns', o.tornadoRuns], ['sobolRuns', o.sobolRuns], ['sobolSamples', o.sobolSamples]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > LIMITS.maxRuns)) throw new InputError(`${name} must be an integer in [1, ${LIMITS.maxRuns}]`, { place: name });
  }
}

export interface SimulationModels {
  /** The scenarios the models were compiled from (the variants applied), in model order. */
  scenarios: Scenario[];
  models: CompiledCrisisModel[];
}

/** Compiles the model of the variant, or of the two compared variants. */
export function simulationModels(base: Scenario, options: SimulateOptions, readSource?: SourceReader): SimulationModels {
  const ids = options.compare ? options.compare.map(variantId) : [variantId(options.variant)];
  const scenarios = ids.map((v) => {
    if (v === null) return base;
    try {
      return applyVariant(base, v, { readSource });
    } catch (error) {
      if (error instanceof InputError && /unknown variant/.test(error.reason)) throw error.at(options.compare ? 'compare' : 'variant');
      throw error;
    }
  });
  return { scenarios, models: scenarios.map((s, i) => compileCrisisModel(s, { variant: ids[i]! })) };
}

export function mechanismReport(model: CompiledCrisisModel): MechanismReport[] {
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

/** The calendar items that fall in the horizon, with their dates (repeated items once per year). */
export function calendarOf(model: CompiledCrisisModel, weeks: number): SimulateReport['calendar'] {
  const end = model.startDay + 7 * weeks;
  const out: SimulateReport['calendar'] = [];
  for (const c of model.calendar) {
    if (c.shape === 'ramp') continue;
    const years = c.everyYear ? Array.from({ length: Math.ceil(weeks / 52) + 3 }, (_, k) => k - 1) : [0];
    for (const dy of years) {
      const iso = isoDate(c.from);
      const from = dayNumber(`${Number(iso.slice(0, 4)) + dy}${iso.slice(4)}`);
      const to = from + (c.to - c.from);
      if (to < model.startDay || from >= end) continue;
      out.push({ id: c.id, kind: c.kind, from: isoDate(from), to: isoDate(to) });
    }
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** Runs a list of chunk tasks in this thread, reporting each one done. */
export function runTasksInThread(models: readonly CompiledCrisisModel[], tasks: readonly ChunkTask[], onDone: (index: number) => void): unknown[] {
  return tasks.map((t, i) => {
    const r = runChunkTask(models, t);
    onDone(i);
    return r;
  });
}

/** Something that runs chunk tasks (this thread, worker threads, machines) and returns their results in task order. */
export type TaskRunner = (tasks: ChunkTask[], onDone: (index: number) => void) => unknown[] | Promise<unknown[]>;

export interface SimulationPlan {
  runs: number;
  weeks: number;
  seed: number | string;
  /** The ensemble's (or the comparison's) chunk tasks, ids 0.. in run order. */
  ensemble: ChunkTask[];
  /** With `sobol`: the tornado's design and its chunk tasks (ids after the ensemble's). */
  tornado: { design: TornadoDesign; tasks: ChunkTask[] } | null;
}

/** Runs of the design's points per chunk task (about 2,000 runs a task). */
function designTasks(design: DesignSpec, firstId: number): ChunkTask[] {
  const per = Math.max(1, Math.ceil(2000 / design.runsPerPoint));
  const tasks: ChunkTask[] = [];
  for (let p = 0, id = firstId; p < design.points.length; p += per) tasks.push({ id: id++, type: 'design', models: [0], design, firstPoint: p, count: Math.min(per, design.points.length - p) });
  return tasks;
}

/**
 * The chunk tasks a simulation needs before any result is known: the ensemble's (or the paired
 * comparison's) and, with `sobol`, the tornado's. The Sobol design depends on the tornado's result,
 * so its tasks come later, numbered after these. Pure: the same options give the same plan.
 */
export function planSimulation(sim: SimulationModels, options: SimulateOptions): SimulationPlan {
  checkSimulateOptions(options);
  const runs = options.runs ?? 10_000;
  const seed = options.seed ?? 1;
  const workers = options.workers ?? 1;
  const first = sim.models[0]!;
  const weeks = options.weeks ?? first.defaultWeeks;
  checkEnsembleOptions({ runs, weeks, seed });
  const chunkSize = options.chunkSize ?? Math.max(100, Math.min(1000, Math.ceil(runs / (workers * 4))));
  const modelIds = sim.models.map((_, i) => i);
  const ensemble: ChunkTask[] = planChunks(runs, chunkSize).map((p, id) => ({ id, type: options.compare ? 'compare' : 'ensemble', models: modelIds, spec: { seed, weeks, ...p } }));
  let tornado: SimulationPlan['tornado'] = null;
  if (options.sobol) {
    const design = tornadoDesign(first, { seed, weeks, runsPerPoint: options.tornadoRuns ?? 200 });
    tornado = { design, tasks: designTasks(design.spec, ensemble.length) };
  }
  return { runs, weeks, seed, ensemble, tornado };
}

/**
 * The whole simulation: the ensemble (or comparison) in chunks, then, on request, the tornado and
 * Sobol designs and the hindcast, assembled into the report. `runTasks` decides where chunks run.
 */
export async function simulateWith(sim: SimulationModels, options: SimulateOptions, runTasks: TaskRunner): Promise<SimulateReport> {
  const plan = planSimulation(sim, options);
  const { runs, weeks, seed } = plan;
  const workers = options.workers ?? 1;
  const progress = options.onProgress ?? (() => {});
  const first = sim.models[0]!;
  const phase = options.compare ? 'compare' : 'ensemble';
  let done = 0;
  progress(phase, 0, runs);
  const results = await runTasks(plan.ensemble, (i) => progress(phase, (done += (plan.ensemble[i] as { spec: ChunkSpec }).spec.runCount), runs));
  let summary: SimulationSummary;
  let variants: SimulateReport['variants'];
  let differences: OutcomeDifference[] | undefined;
  if (options.compare) {
    const second = sim.models[1]!;
    const c = summariseComparison(first, second, mergeCompareChunks(results as CompareChunk[]), seed);
    summary = c.first;
    variants = [
      { ...c.first, variant: first.variant },
      { ...c.second, variant: second.variant },
    ];
    differences = c.differences;
  } else {
    summary = summariseChunk(first, mergeChunks(results as ChunkResult[]), seed);
  }

  let sensitivity: SimulateReport['sensitivity'];
  if (plan.tornado) {
    const runDesign = async (design: DesignSpec, tasks: ChunkTask[], label: string): Promise<Int32Array> => {
      const total = design.points.length * design.runsPerPoint;
      let d = 0;
      progress(label, 0, total);
      const out = (await runTasks(tasks, (i) => progress(label, (d += (tasks[i] as { count: number }).count * design.runsPerPoint), total))) as DesignChunk[];
      return mergeDesignChunks(out, first.outcomes.length);
    };
    const tDesign = plan.tornado.design;
    const tornado = tornadoFromCounts(first, tDesign, await runDesign(tDesign.spec, plan.tornado.tasks, 'tornado'));
    const indexOf = new Map(first.params.map((p, i) => [p.key, i]));
    // The Sobol parameters: the two largest tornado swings of each outcome in turn (so that every
    // outcome's main drivers are studied, not only those of the most variable outcome), up to the limit.
    const limit = options.sobolParams ?? 8;
    const top: number[] = [];
    for (let rank = 0; rank < 2 && top.length < limit; rank++) {
      for (let o = 0; o < first.outcomes.length && top.length < limit; o++) {
        const ranked = tornado.bars.map((b) => ({ b, swing: Math.abs(b.atHigh[o]! - b.atLow[o]!) })).filter((x) => x.swing > 0).sort((a, b) => b.swing - a.swing);
        const pick = ranked.map((x) => indexOf.get(x.b.key)!).filter((i) => !top.includes(i))[0];
        if (pick !== undefined && ranked.length > rank) top.push(pick);
      }
    }
    const sDesign = sobolDesign(first, { seed, weeks, params: top, baseSamples: options.sobolSamples ?? 128, runsPerPoint: options.sobolRuns ?? 32 });
    const sobolTasks = designTasks(sDesign.spec, plan.ensemble.length + plan.tornado.tasks.length);
    const sobol = sobolFromCounts(first, sDesign, await runDesign(sDesign.spec, sobolTasks, 'sobol'));
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
}

/** The simulation in this thread (the web worker, the server's run threads). */
export function simulateScenario(base: Scenario, options: SimulateOptions = {}, readSource?: SourceReader): Promise<SimulateReport> {
  checkSimulateOptions(options);
  const sim = simulationModels(base, options, readSource);
  return simulateWith(sim, options, (tasks, onDone) => runTasksInThread(sim.models, tasks, onDone));
}
