/**
 * Deterrence requests the worker answers, all through the engine's one analysis path
 * (`prepareDeterrence` + `analyseDeterrence`, the same the CLI and the server's jobs call): the
 * models and their parameters, a scenario's setup of a model (values, ranges, provenance, checked by
 * the model), a solve (with the built game tree and each equilibrium's path), a one-parameter sweep,
 * a two-parameter map and a tornado of the probability that deterrence fails (worst case over the
 * model's equilibria), and the result over the plausible parameter space (the page's headline).
 */
import {
  analyseDeterrence,
  failureProbability,
  listDeterrenceModels,
  prepareDeterrence,
  type DeterrenceModel,
  type DeterrenceSolved,
  type DeterrenceSetup,
  type DeterrenceUncertainty,
  type ParameterSetting,
  type ParameterSpec,
} from '@brink/engine/deterrence';
import type { Scenario } from '@brink/engine/scenario';
import type { ProgressFn } from './protocol';

/** A solve with a drawing path per equilibrium (null where none was found: the page then highlights outcomes). */
export type DeterrenceSolvedView = Omit<DeterrenceSolved, 'profiles'> & { profiles: (number[][] | null)[] };

export interface ModelInfo {
  id: string;
  title: string;
  source: string;
  players: string[];
  roles: string[];
  outcomes: string[];
  outcomeNames: Record<string, string>;
  successOutcomes: string[];
  parameters: ParameterSpec[];
  probabilityGroups: string[][];
}

export function listModelsRequest(): ModelInfo[] {
  return listDeterrenceModels().map((m) => ({
    id: m.id,
    title: m.title,
    source: m.source,
    players: [...m.players],
    roles: [...m.roles],
    outcomes: [...m.outcomes],
    outcomeNames: { ...m.outcomeNames },
    successOutcomes: [...m.successOutcomes],
    parameters: m.parameters.map((p) => ({ ...p, range: [p.range[0], p.range[1]] as const })),
    probabilityGroups: m.probabilityGroups.map((g) => [...g]),
  }));
}

/** A model's setup from the scenario, as plain data: the page's starting values, ranges and provenance. */
export interface SetupView {
  model: string;
  bound: boolean;
  roles: Record<string, string>;
  values: Record<string, number>;
  ranges: Record<string, [number, number]>;
  settings: ParameterSetting[];
}

function plain<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** The scenario's setup of a model, checked by the model's own input checks (errors name the JSON path). */
export function setupDeterrenceRequest({ scenario, model }: { scenario: Scenario | null; model?: string }): SetupView {
  const setup = prepareDeterrence(scenario, { model });
  return {
    model: setup.model.id,
    bound: setup.bound,
    roles: { ...setup.roles },
    values: { ...setup.params },
    ranges: Object.fromEntries(Object.entries(setup.ranges).map(([k, r]) => [k, [r[0], r[1]] as [number, number]])),
    settings: plain([...setup.settings]),
  };
}

/** Explicit values (the page's sliders) for a model, checked as the CLI and the server check them. */
function setupFor(model: string, params: Record<string, number>, ranges?: Record<string, [number, number]>): DeterrenceSetup {
  return prepareDeterrence(null, { model, parameters: params, ranges }, (field) => field.replace(/^parameters\./, ''));
}

export function solveDeterrenceRequest({ model, params }: { model: string; params: Record<string, number> }): DeterrenceSolvedView {
  const solved = analyseDeterrence(setupFor(model, params), { kind: 'solve', paths: true });
  if (solved.kind !== 'solve') throw new Error('expected a solve');
  return plain({ ...solved, profiles: solved.profiles ?? [] }) as DeterrenceSolvedView;
}

function modelOf(id: string): DeterrenceModel {
  return prepareDeterrence(null, { model: id }).model;
}

/** Failure probability of the best equilibrium at a point (the engine's summary gives the worst). */
function bestFailure(m: DeterrenceModel, outcomes: readonly Readonly<Record<string, number>>[]): number {
  if (outcomes.length === 0) return Number.NaN;
  return Math.min(...outcomes.map((o) => failureProbability(m, { kind: '', outcomes: o, strategies: {} })));
}

export interface SweepView {
  param: string;
  xs: number[];
  worst: number[];
  best: number[];
  /** Thresholds compared with the swept parameter, at the current values of the others. */
  thresholds: { name: string; value: number }[];
}

/** The engine's sweep (`sweep`), as the page draws it. */
export function sweepRequest(
  { model: id, params, param, range, steps = 41 }: { model: string; params: Record<string, number>; param: string; range: [number, number]; steps?: number },
  progress: ProgressFn,
): SweepView {
  const m = modelOf(id);
  const out = analyseDeterrence(setupFor(id, params, { [param]: range }), { kind: 'sweep', parameter: param, steps }, { onProgress: progress });
  if (out.kind !== 'sweep') throw new Error('expected a sweep');
  const r = out.sweep;
  return {
    param,
    xs: r.points.map((p) => p.value),
    worst: r.points.map((p) => p.failure),
    best: r.points.map((p) => bestFailure(m, p.outcomes)),
    thresholds: r.thresholds.map((t) => ({ name: t.name, value: t.value })),
  };
}

export interface MapView {
  x: string;
  y: string;
  xs: number[];
  ys: number[];
  /** worst[j][i] at (xs[i], ys[j]). */
  worst: number[][];
  /** regime[j][i]: index into regimes (-1 invalid). */
  regime: number[][];
  regimes: string[];
}

/** The engine's two-parameter map (`map2d`). */
export function mapRequest(
  { model: id, params, x, y, xRange, yRange, steps = 21, steps2 }: { model: string; params: Record<string, number>; x: string; y: string; xRange: [number, number]; yRange: [number, number]; steps?: number; steps2?: number },
  progress: ProgressFn,
): MapView {
  const out = analyseDeterrence(setupFor(id, params, { [x]: xRange, [y]: yRange }), { kind: 'map', x, y, steps, steps2 }, { onProgress: progress });
  if (out.kind !== 'map') throw new Error('expected a map');
  const r = out.map;
  return { x, y, xs: [...r.xs], ys: [...r.ys], worst: r.failure.map((row) => [...row]), regime: r.regime.map((row) => [...row]), regimes: [...r.regimes] };
}

export interface TornadoView {
  param: string;
  low: number;
  high: number;
  atLow: number;
  atHigh: number;
}

/** The engine's tornado (`deterrenceTornado`), largest swing first. */
export function tornadoRequest(
  { model: id, params, ranges }: { model: string; params: Record<string, number>; ranges: Record<string, [number, number]> },
  progress: ProgressFn,
): { base: number; bars: TornadoView[] } {
  const out = analyseDeterrence(setupFor(id, params, ranges), { kind: 'tornado' }, { onProgress: progress });
  if (out.kind !== 'tornado') throw new Error('expected a tornado');
  const r = out.tornado;
  return { base: r.baseFailure, bars: r.bars.map((b) => ({ param: b.parameter, low: b.low, high: b.high, atLow: b.failureAtLow, atHigh: b.failureAtHigh })) };
}

/**
 * The result over the plausible parameter space (the page's headline): the scenario's ranges and
 * provenance, centred on the values the page shows (the sliders), as `brink deter` computes it.
 */
export function uncertaintyRequest(
  { scenario, model, params, samples, seed = 1 }: { scenario: Scenario | null; model: string; params?: Record<string, number>; samples?: number; seed?: number | string },
  progress: ProgressFn,
): DeterrenceUncertainty {
  const setup = prepareDeterrence(scenario, { model, parameters: params }, (field) => field.replace(/^parameters\./, ''));
  const out = analyseDeterrence(setup, { kind: 'uncertainty', samples, seed }, { onProgress: progress });
  if (out.kind !== 'uncertainty') throw new Error('expected an uncertainty analysis');
  return plain(out.uncertainty);
}
