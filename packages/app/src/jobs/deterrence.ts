/**
 * The `deterrence` run kind: a literature deterrence model (docs/deterrence.md) fed by the
 * scenario's `models.deterrence.<model>` binding (cited parameter values and ranges; the model's
 * defaults when the scenario does not bind it), with optional parameter overrides, then one of:
 * solve (equilibria, thresholds, the built game tree), sweep, map (two parameters), tornado, or
 * uncertainty (the result over the plausible parameter space, with what it turns on).
 */
import { z } from 'zod';
import { analyseDeterrence, map2d, prepareDeterrence, type DeterrenceAnalysisSpec, type DeterrenceSetup, type MapResult } from '@brink/engine/deterrence';
import { InputError } from '@brink/engine/errors';
import { type Scenario } from '@brink/engine/scenario';
import type { ExecContext, RunTask } from './kinds';
import { chunkRanges, type ChunkableRun } from './chunks';

const Range = z.tuple([z.number(), z.number()]).refine(([a, b]) => a <= b, { message: 'a range [low, high] with low <= high' });

export const DeterrenceOptionsSchema = z
  .strictObject({
    model: z.string().min(1).optional().describe("Model id (default: the scenario's first bound model)."),
    analysis: z.enum(['solve', 'sweep', 'map', 'tornado', 'uncertainty']).default('solve'),
    parameters: z.record(z.string(), z.number()).optional().describe('Parameter values that replace the scenario\'s.'),
    ranges: z.record(z.string(), Range).optional().describe("Ranges that replace the scenario's (sweep, map, tornado)."),
    sweep: z.strictObject({ parameter: z.string().min(1), steps: z.number().int().min(2).max(2001).optional() }).optional(),
    map: z
      .strictObject({ x: z.string().min(1), y: z.string().min(1), steps: z.number().int().min(2).max(401).optional(), steps2: z.number().int().min(2).max(401).optional() })
      .optional(),
    tornado: z.strictObject({ only: z.array(z.string().min(1)).optional() }).optional(),
    uncertainty: z
      .strictObject({
        samples: z.number().int().min(1).max(1_000_000).optional().describe('Points drawn from the ranges (default 1000).'),
        seed: z.union([z.number().int(), z.string().min(1)]).optional().describe('Seed of the draws (default 1).'),
        shape: z.enum(['pert', 'uniform']).optional().describe('Distribution on each range: beta-PERT around the value (default) or uniform.'),
      })
      .optional(),
  })
  .describe('Options of a deterrence run.');
export type DeterrenceOptions = z.infer<typeof DeterrenceOptionsSchema>;

/** Request fields are options of the run: `$.options.parameters.p_HH`. */
const optionPlace = (field: string) => `$.options.${field}`;

function needScenario(task: RunTask): Scenario {
  if (!task.scenario) throw new InputError('a deterrence run needs a scenario', { place: '$.scenarioId' });
  return task.scenario;
}

/** The analysis the options ask for; an uncertainty run draws with the run's seed unless the options give one. */
function analysisSpec(o: DeterrenceOptions, runSeed: number): DeterrenceAnalysisSpec {
  switch (o.analysis) {
    case 'sweep':
      if (!o.sweep) throw new InputError('a sweep needs options.sweep.parameter', { place: '$.options.sweep' });
      return { kind: 'sweep', parameter: o.sweep.parameter, steps: o.sweep.steps };
    case 'map':
      if (!o.map) throw new InputError('a map needs options.map.x and options.map.y', { place: '$.options.map' });
      return { kind: 'map', x: o.map.x, y: o.map.y, steps: o.map.steps, steps2: o.map.steps2 };
    case 'tornado':
      return { kind: 'tornado', only: o.tornado?.only };
    case 'uncertainty':
      return { kind: 'uncertainty', samples: o.uncertainty?.samples, seed: o.uncertainty?.seed ?? runSeed, shape: o.uncertainty?.shape };
    default:
      return { kind: 'solve', paths: true };
  }
}

function prepare(task: RunTask, o: DeterrenceOptions): DeterrenceSetup {
  return prepareDeterrence(needScenario(task), { model: o.model, parameters: o.parameters, ranges: o.ranges }, optionPlace);
}

/** Checks the options against the scenario (model, parameter names and values) before a run is stored. */
export function checkDeterrence(task: RunTask): void {
  const o = DeterrenceOptionsSchema.parse(task.options);
  const setup = prepare(task, o);
  const spec = analysisSpec(o, task.seed);
  const known = (name: string, field: string) => {
    if (!setup.model.parameters.some((p) => p.name === name)) {
      throw new InputError(`unknown parameter ${JSON.stringify(name)} of model ${setup.model.id}`, { place: optionPlace(field), expected: setup.model.parameters.map((p) => p.name).join(' ') });
    }
  };
  if (spec.kind === 'sweep') known(spec.parameter, 'sweep.parameter');
  if (spec.kind === 'map') {
    known(spec.x, 'map.x');
    known(spec.y, 'map.y');
  }
  if (spec.kind === 'tornado') (spec.only ?? []).forEach((name, i) => known(name, `tornado.only[${i}]`));
}

export function executeDeterrence(task: RunTask, ctx: ExecContext): unknown {
  const o = DeterrenceOptionsSchema.parse(task.options);
  const setup = prepare(task, o);
  const control = {
    onProgress: (done: number, total: number) => ctx.onProgress(total > 0 ? done / total : 1),
    shouldStop: () => ctx.signal?.aborted === true,
  };
  const { kind: _kind, ...analysis } = analyseDeterrence(setup, analysisSpec(o, task.seed), control, optionPlace);
  return { ...headOf(task, setup, o), ...analysis };
}

/** The fields every deterrence result starts with. */
function headOf(task: RunTask, setup: DeterrenceSetup, o: DeterrenceOptions) {
  return {
    model: setup.model.id,
    title: setup.model.title,
    source: setup.model.source,
    analysis: o.analysis,
    boundInScenario: setup.bound,
    roles: setup.roles,
    parameters: setup.params,
    ranges: setup.ranges,
    variant: task.variant,
  };
}

/**
 * A map split into row ranges: each chunk computes rows [first, first + count) with the engine's
 * own `map2d` (its `rows` option) and returns each cell's equilibrium kinds as text; the merge
 * numbers the regimes in row-major order of first appearance, as `map2d` does in one pass. Maps
 * whose two axes are the same parameter are executed whole.
 */
type MapRowChunk = { first: number; count: number };
type MapRowPart = { rows: { cells: (string | null)[]; failure: number[] }[] };

function mapAxes(task: RunTask): { setup: DeterrenceSetup; o: DeterrenceOptions; axes: MapResult } | null {
  const o = DeterrenceOptionsSchema.parse(task.options);
  if (o.analysis !== 'map' || !o.map || o.map.x === o.map.y) return null;
  const setup = prepare(task, o);
  // Stopped before the first point: the axes exactly as the whole map has them, at no cost.
  const axes = map2d(setup.model, setup.params, o.map.x, o.map.y, { steps: o.map.steps, steps2: o.map.steps2, ranges: setup.ranges, shouldStop: () => true });
  return { setup, o, axes };
}

export const deterrenceMapChunks: ChunkableRun<MapRowChunk, MapRowPart> = {
  split(task) {
    const m = mapAxes(task);
    return m ? chunkRanges(m.axes.ys.length, { most: 32 }) : null;
  },
  executeChunk(task, spec, ctx) {
    const m = mapAxes(task)!;
    const { x, y } = m.o.map!;
    const part = map2d(m.setup.model, m.setup.params, x, y, {
      steps: m.o.map!.steps,
      steps2: m.o.map!.steps2,
      ranges: m.setup.ranges,
      rows: spec,
      onProgress: (done, total) => ctx.onProgress(done / total),
      shouldStop: () => ctx.signal?.aborted === true,
    });
    if (part.stopped) throw new Error('cancelled');
    return { rows: part.regime.map((regime, k) => ({ cells: regime.map((r) => (r < 0 ? null : part.regimes[r]!)), failure: part.failure[k]! as number[] })) };
  },
  merge(task, parts) {
    const m = mapAxes(task)!;
    const regimes: string[] = [];
    const regime: number[][] = [];
    const failure: number[][] = [];
    for (const part of parts) {
      for (const row of part.rows) {
        regime.push(
          row.cells.map((key) => {
            if (key === null) return -1;
            let idx = regimes.indexOf(key);
            if (idx < 0) idx = regimes.push(key) - 1;
            return idx;
          }),
        );
        failure.push(row.failure);
      }
    }
    const map: MapResult = { model: m.axes.model, parameters: m.axes.parameters, xs: m.axes.xs, ys: m.axes.ys, regime, failure, regimes, stopped: false };
    return { ...headOf(task, m.setup, m.o), map };
  },
};
