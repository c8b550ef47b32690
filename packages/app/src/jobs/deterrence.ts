/**
 * The `deterrence` run kind: a literature deterrence model (docs/deterrence.md) fed by the
 * scenario's `models.deterrence.<model>` binding (cited parameter values and ranges; the model's
 * defaults when the scenario does not bind it), with optional parameter overrides, then one of:
 * solve (equilibria, thresholds, the built game tree), sweep, map (two parameters) or tornado.
 */
import { z } from 'zod';
import {
  deterrenceFromScenario,
  deterrenceTornado,
  getDeterrenceModel,
  listDeterrenceModels,
  map2d,
  resolveParams,
  scenarioDeterrenceModels,
  sweep,
  type DeterrenceModel,
  type MapResult,
} from '@brink/engine/deterrence';
import { gameToJson } from '@brink/engine/games';
import { InputError, isInputError } from '@brink/engine/errors';
import { type Scenario } from '@brink/engine/scenario';
import type { ExecContext, RunTask } from './kinds';
import { chunkRanges, type ChunkableRun } from './chunks';

const Range = z.tuple([z.number(), z.number()]).refine(([a, b]) => a <= b, { message: 'a range [low, high] with low <= high' });

export const DeterrenceOptionsSchema = z
  .strictObject({
    model: z.string().min(1).optional().describe("Model id (default: the scenario's first bound model)."),
    analysis: z.enum(['solve', 'sweep', 'map', 'tornado']).default('solve'),
    parameters: z.record(z.string(), z.number()).optional().describe('Parameter values that replace the scenario\'s.'),
    ranges: z.record(z.string(), Range).optional().describe("Ranges that replace the scenario's (sweep, map, tornado)."),
    sweep: z.strictObject({ parameter: z.string().min(1), steps: z.number().int().min(2).max(2001).optional() }).optional(),
    map: z
      .strictObject({ x: z.string().min(1), y: z.string().min(1), steps: z.number().int().min(2).max(401).optional(), steps2: z.number().int().min(2).max(401).optional() })
      .optional(),
    tornado: z.strictObject({ only: z.array(z.string().min(1)).optional() }).optional(),
  })
  .describe('Options of a deterrence run.');
export type DeterrenceOptions = z.infer<typeof DeterrenceOptionsSchema>;

interface Prepared {
  model: DeterrenceModel;
  bound: boolean;
  roles: Readonly<Record<string, string>>;
  params: Record<string, number>;
  ranges: Record<string, [number, number]>;
}

function at(place: string, error: unknown): never {
  if (isInputError(error)) throw error.at(place);
  throw error;
}

function prepare(scenario: Scenario, o: DeterrenceOptions): Prepared {
  const bound = scenarioDeterrenceModels(scenario);
  const modelId = o.model ?? bound[0];
  if (modelId === undefined) {
    throw new InputError('the scenario binds no deterrence model: name one in options.model', {
      place: '$.options.model',
      expected: listDeterrenceModels().map((m) => m.id).join(', '),
    });
  }
  let model: DeterrenceModel;
  try {
    model = getDeterrenceModel(modelId);
  } catch (error) {
    at('$.options.model', error);
  }
  const base = bound.includes(modelId) ? deterrenceFromScenario(scenario, modelId) : undefined;
  const params = { ...(base?.params ?? {}), ...(o.parameters ?? {}) };
  const known = new Set(model.parameters.map((p) => p.name));
  const check = (name: string, place: string) => {
    if (!known.has(name)) throw new InputError(`unknown parameter "${name}" of model ${model.id}`, { place, expected: [...known].join(' ') });
  };
  for (const name of Object.keys(o.parameters ?? {})) check(name, `$.options.parameters.${name}`);
  for (const name of Object.keys(o.ranges ?? {})) check(name, `$.options.ranges.${name}`);
  if (o.analysis === 'sweep') {
    if (!o.sweep) throw new InputError('a sweep needs options.sweep.parameter', { place: '$.options.sweep' });
    check(o.sweep.parameter, '$.options.sweep.parameter');
  }
  if (o.analysis === 'map') {
    if (!o.map) throw new InputError('a map needs options.map.x and options.map.y', { place: '$.options.map' });
    check(o.map.x, '$.options.map.x');
    check(o.map.y, '$.options.map.y');
  }
  for (const [i, name] of (o.tornado?.only ?? []).entries()) check(name, `$.options.tornado.only[${i}]`);
  try {
    resolveParams(model, params);
  } catch (error) {
    const name = isInputError(error) ? error.place : undefined;
    at(name && known.has(name) ? (o.parameters && name in o.parameters ? `$.options.parameters.${name}` : `$.models.deterrence.${model.id}.parameters.${name}`) : '$.options.parameters', error);
  }
  return { model, bound: base !== undefined, roles: base?.roles ?? {}, params, ranges: { ...(base?.ranges ?? {}), ...(o.ranges ?? {}) } };
}

function needScenario(task: RunTask): Scenario {
  if (!task.scenario) throw new InputError('a deterrence run needs a scenario', { place: '$.scenarioId' });
  return task.scenario;
}

export function checkDeterrence(task: RunTask): void {
  prepare(needScenario(task), DeterrenceOptionsSchema.parse(task.options));
}

/** The fields every deterrence result starts with. */
function headOf(task: RunTask, p: Prepared, o: DeterrenceOptions) {
  return {
    model: p.model.id,
    title: p.model.title,
    source: p.model.source,
    analysis: o.analysis,
    boundInScenario: p.bound,
    roles: p.roles,
    parameters: p.params,
    ranges: p.ranges,
    variant: task.variant,
  };
}
export function executeDeterrence(task: RunTask, ctx: ExecContext): unknown {
  const o = DeterrenceOptionsSchema.parse(task.options);
  const p = prepare(needScenario(task), o);
  const control = {
    onProgress: (done: number, total: number) => ctx.onProgress(total > 0 ? done / total : 1),
    shouldStop: () => ctx.signal?.aborted === true,
  };
  const head = headOf(task, p, o);
  switch (o.analysis) {
    case 'sweep':
      return { ...head, sweep: sweep(p.model, p.params, o.sweep!.parameter, { ...control, steps: o.sweep!.steps, ranges: p.ranges }) };
    case 'map':
      return { ...head, map: map2d(p.model, p.params, o.map!.x, o.map!.y, { ...control, steps: o.map!.steps, steps2: o.map!.steps2, ranges: p.ranges }) };
    case 'tornado':
      return { ...head, tornado: deterrenceTornado(p.model, p.params, { ...control, ranges: p.ranges, only: o.tornado?.only }) };
    default: {
      const result = p.model.solve(p.params);
      ctx.onProgress(0.8);
      return { ...head, result, game: gameToJson(p.model.build(p.params)) };
    }
  }
}

/**
 * A map split into row ranges (issue 13): each chunk computes rows [first, first + count) with the
 * engine's own `map2d`, one row per call (the y axis pinned to the row's value, which `map2d`
 * reproduces exactly: y + 0), and returns each cell's equilibrium kinds as text; the merge numbers
 * the regimes in row-major order of first appearance, as `map2d` does in one pass. Maps whose two
 * axes are the same parameter are executed whole. (Engine wish: a `rows` option on `map2d`.)
 */
type MapRowChunk = { first: number; count: number };
type MapRowPart = { rows: { cells: (string | null)[]; failure: number[] }[] };

function mapAxes(task: RunTask): { p: Prepared; o: DeterrenceOptions; axes: MapResult } | null {
  const o = DeterrenceOptionsSchema.parse(task.options);
  if (o.analysis !== 'map' || !o.map || o.map.x === o.map.y) return null;
  const p = prepare(needScenario(task), o);
  // Stopped before the first point: the axes exactly as the whole map has them, at no cost.
  const axes = map2d(p.model, p.params, o.map.x, o.map.y, { steps: o.map.steps, steps2: o.map.steps2, ranges: p.ranges, shouldStop: () => true });
  return { p, o, axes };
}

export const deterrenceMapChunks: ChunkableRun<MapRowChunk, MapRowPart> = {
  split(task) {
    const m = mapAxes(task);
    return m ? chunkRanges(m.axes.ys.length, { most: 32 }) : null;
  },
  executeChunk(task, spec, ctx) {
    const m = mapAxes(task)!;
    const { x, y } = m.o.map!;
    const rows: MapRowPart['rows'] = [];
    for (let j = spec.first; j < spec.first + spec.count; j++) {
      if (ctx.signal?.aborted) throw new Error('cancelled');
      const yj = m.axes.ys[j]!;
      let rowDone = false;
      const row = map2d(m.p.model, m.p.params, x, y, {
        steps: m.o.map!.steps,
        steps2: 2,
        ranges: { ...m.p.ranges, [y]: [yj, yj] },
        onProgress: () => (rowDone = true),
        shouldStop: () => rowDone,
      });
      const regime = row.regime[0]!;
      rows.push({ cells: regime.map((k) => (k < 0 ? null : row.regimes[k]!)), failure: row.failure[0]! as number[] });
      ctx.onProgress((j - spec.first + 1) / spec.count);
    }
    return { rows };
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
    return { ...headOf(task, m.p, m.o), map };
  },
};
