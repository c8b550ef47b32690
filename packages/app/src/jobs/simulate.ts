/**
 * The `simulate` run kind: the crisis simulation of the scenario (or of its variant), optionally two
 * variants compared run for run, the hindcast and the tornado and Sobol indices; the same report as
 * `brink simulate --json` (../simulation/run-simulation.ts), stored with the run's provenance.
 */
import { z } from 'zod';
import {
  checkSimulateOptions,
  compileCrisisModel,
  planSimulation,
  runChunkTask,
  runTasksInThread,
  simulateWith,
  simulationModels,
  type ChunkTask,
  type SimulateOptions,
  type SimulationModels,
} from '@brink/engine/crisis';
import { InputError, isInputError } from '@brink/engine/errors';
import type { ChunkableRun } from './chunks';
import type { ExecContext, RunTask } from './kinds';

export const SimulateOptionsSchema = z
  .strictObject({
    runs: z.number().optional().describe('Runs of the ensemble (default 10,000; at most 1,000,000).'),
    weeks: z.number().optional().describe("Weeks to simulate (default: the scenario's horizon)."),
    compare: z.tuple([z.string().min(1), z.string().min(1)]).optional().describe('Two variants (or "base") compared run for run; differences are second minus first.'),
    hindcast: z.boolean().optional().describe('Also the out-of-sample check of the launch model against two baselines.'),
    sobol: z.boolean().optional().describe('Also the tornado and the Sobol indices.'),
    tornadoRuns: z.number().optional().describe('Runs per tornado point (default 200).'),
    sobolSamples: z.number().optional().describe('Sobol base samples N (default 64).'),
    sobolRuns: z.number().optional().describe('Runs per Sobol point (default 32).'),
  })
  .describe('Options of a crisis simulation run (docs/simulation.md).');
export type SimulateRunOptions = z.infer<typeof SimulateOptionsSchema>;

function scenarioOf(task: RunTask) {
  if (!task.scenario) throw new InputError('this run kind needs a scenario', { place: '$.scenarioId' });
  return task.scenario;
}

export function checkSimulate(task: RunTask): void {
  const o = SimulateOptionsSchema.parse(task.options);
  try {
    checkSimulateOptions({ runs: o.runs, weeks: o.weeks, seed: task.seed, tornadoRuns: o.tornadoRuns, sobolSamples: o.sobolSamples, sobolRuns: o.sobolRuns });
  } catch (error) {
    if (isInputError(error)) throw error.at(error.place === 'seed' ? '$.seed' : `$.options.${error.place}`);
    throw error;
  }
  if (o.compare && task.variant) throw new InputError('a comparison names its two variants in options.compare; leave the run\'s variant empty', { place: '$.options.compare' });
  const scenario = scenarioOf(task);
  if (o.compare) {
    for (const [i, v] of o.compare.entries()) {
      if (v !== 'base' && !scenario.variants.some((x) => x.id === v)) throw new InputError(`unknown variant "${v}"`, { place: `$.options.compare[${i}]`, expected: ['base', ...scenario.variants.map((x) => x.id)].join(', ') });
    }
  }
  // The crisis section is checked before a run is stored (compiling is quick; simulating is not).
  compileCrisisModel(scenario, { variant: task.variant });
}

/** The engine's options of a run (one place, so the whole run and its chunks plan alike). */
function engineOptions(task: RunTask, o: SimulateRunOptions): SimulateOptions {
  return {
    runs: o.runs,
    weeks: o.weeks,
    seed: task.seed,
    variant: o.compare ? undefined : task.variant,
    compare: o.compare,
    hindcast: o.hindcast,
    sobol: o.sobol,
    tornadoRuns: o.tornadoRuns,
    sobolSamples: o.sobolSamples,
    sobolRuns: o.sobolRuns,
    // Queue chunks of at least 1,000 runs and at most 64 of them: a chunk's cost stays well above
    // the queue's overhead. The chunk size never changes the results (the tallies are sums).
    chunkSize: Math.max(1000, Math.ceil((o.runs ?? 10_000) / 64)),
  };
}

function progressOf(o: SimulateRunOptions, ctx: ExecContext): SimulateOptions['onProgress'] {
  const weights: Record<string, [number, number]> = o.sobol
    ? { ensemble: [0, 0.3], compare: [0, 0.3], tornado: [0.3, 0.85], sobol: [0.85, 0.98], hindcast: [0.98, 1] }
    : { ensemble: [0, 0.95], compare: [0, 0.95], hindcast: [0.95, 1] };
  return (phase, done, total) => {
    const [a, b] = weights[phase] ?? [0, 1];
    ctx.onProgress(a + (b - a) * (total > 0 ? done / total : 1));
  };
}

/** The compiled models of a task, once per task object (a worker takes several chunks of one run). */
const modelsOf = new WeakMap<RunTask, SimulationModels>();
function simulationOf(task: RunTask, options: SimulateOptions): SimulationModels {
  let sim = modelsOf.get(task);
  if (!sim) {
    sim = simulationModels(scenarioOf(task), options);
    modelsOf.set(task, sim);
  }
  return sim;
}

export async function executeSimulate(task: RunTask, ctx: ExecContext): Promise<unknown> {
  const o = SimulateOptionsSchema.parse(task.options);
  const options = { ...engineOptions(task, o), onProgress: progressOf(o, ctx) };
  const sim = simulationOf(task, options);
  return simulateWith(sim, options, (tasks, onDone) => runTasksInThread(sim.models, tasks, onDone));
}

// ------------------------------------------------------------------------------------------------
// Chunks for queue workers (./chunks.ts): the ensemble's (or comparison's) chunk tasks and, with
// `sobol`, the tornado's, planned by the engine before any result is known. The merge runs the
// engine's simulation with those results in place (and the Sobol design, which depends on the
// tornado's result, in the merging worker), so the report equals the whole run's bit for bit.

/** Typed arrays as JSON (`{ "$typed": "Int32Array", "values": [...] }`) and back, for stored chunk results. */
function encodeTyped(x: unknown): unknown {
  if (x instanceof Int32Array) return { $typed: 'Int32Array', values: Array.from(x) };
  if (x instanceof Float64Array) return { $typed: 'Float64Array', values: Array.from(x) };
  if (Array.isArray(x)) return x.map(encodeTyped);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, encodeTyped(v)]));
  return x;
}

function decodeTyped(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(decodeTyped);
  if (x && typeof x === 'object') {
    const o = x as { $typed?: string; values?: number[] };
    if (o.$typed === 'Int32Array') return Int32Array.from(o.values!);
    if (o.$typed === 'Float64Array') return Float64Array.from(o.values!);
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, decodeTyped(v)]));
  }
  return x;
}

/** Runs at or below this are executed whole (one chunk would cost more in queue overhead than it saves). */
const WHOLE_AT_MOST = 2000;

export const simulateChunks: ChunkableRun<ChunkTask, unknown> = {
  split(task) {
    const o = SimulateOptionsSchema.parse(task.options);
    if ((o.runs ?? 10_000) <= WHOLE_AT_MOST && !o.sobol) return null;
    const options = engineOptions(task, o);
    const plan = planSimulation(simulationOf(task, options), options);
    const tasks = [...plan.ensemble, ...(plan.tornado?.tasks ?? [])];
    return tasks.length > 1 ? tasks : null;
  },
  executeChunk(task, spec, ctx) {
    const o = SimulateOptionsSchema.parse(task.options);
    const sim = simulationOf(task, engineOptions(task, o));
    const result = encodeTyped(runChunkTask(sim.models, spec));
    ctx.onProgress(1);
    return result;
  },
  async merge(task, parts) {
    const o = SimulateOptionsSchema.parse(task.options);
    const options = engineOptions(task, o);
    const sim = simulationOf(task, options);
    const done = parts.map(decodeTyped);
    // Tasks the chunks ran are answered with their results (task ids are their indexes); the rest
    // (the Sobol design) run here.
    return simulateWith(sim, options, (tasks, onDone) =>
      tasks.map((t, i) => {
        const r = t.id < done.length ? done[t.id] : runChunkTask(sim.models, t);
        onDone(i);
        return r;
      }),
    );
  },
};
