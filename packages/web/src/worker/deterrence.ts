/**
 * Deterrence requests the worker answers: the models and their parameters, a solve (with the
 * built game tree and, where it can be found, each equilibrium's behaviour profile for drawing
 * its path), a one-parameter sweep, a two-parameter map and a tornado of the probability that
 * deterrence fails (worst case over the model's equilibria).
 */
import {
  listDeterrenceModels,
  getDeterrenceModel,
  equilibriumBehaviour,
  behaviourProfile,
  outcomeDistribution,
  enginePerfectBayesian,
  failureProbability,
  sweep,
  map2d,
  deterrenceTornado,
  type BuiltGame,
  type DeterrenceModel,
  type DeterrenceResult,
  type EquilibriumReport,
  type ParameterSpec,
} from '@brink/engine/deterrence';
import { gameToJson, type GameJson } from '@brink/engine/games';
import type { ProgressFn } from './protocol';

export function models(): readonly DeterrenceModel[] {
  return listDeterrenceModels();
}

function model(id: string): DeterrenceModel {
  return getDeterrenceModel(id);
}

export interface ModelInfo {
  id: string;
  title: string;
  source: string;
  players: string[];
  roles: string[];
  outcomes: string[];
  successOutcomes: string[];
  parameters: ParameterSpec[];
}

export function listModelsRequest(): ModelInfo[] {
  return models().map((m) => ({
    id: m.id,
    title: m.title,
    source: m.source,
    players: [...m.players],
    roles: [...m.roles],
    outcomes: [...m.outcomes],
    successOutcomes: [...m.successOutcomes],
    parameters: m.parameters.map((p) => ({ ...p, range: [p.range[0], p.range[1]] as const })),
  }));
}

function sameDistribution(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (Math.abs((a[k] ?? 0) - (b[k] ?? 0)) > 1e-6) return false;
  return true;
}

/** A behaviour profile of the built game that plays the equilibrium, when one can be found. */
function profileFor(m: DeterrenceModel, params: Record<string, number>, game: BuiltGame, eq: EquilibriumReport, pure: () => { profile: number[][]; outcomes: Record<string, number> }[]): number[][] | null {
  try {
    const profile = behaviourProfile(game, equilibriumBehaviour(m.id, eq, params));
    if (sameDistribution(outcomeDistribution(game, profile), eq.outcomes)) return profile;
  } catch {
    /* fall through to the engine's pure equilibria */
  }
  for (const candidate of pure()) if (sameDistribution(candidate.outcomes, eq.outcomes)) return candidate.profile;
  return null;
}

export interface DeterrenceSolved {
  result: DeterrenceResult;
  game: Extract<GameJson, { kind: 'efg' }>;
  /** Per equilibrium: a behaviour profile to draw its path, or null (then outcomes are highlighted). */
  profiles: (number[][] | null)[];
  /** Probability deterrence fails, per equilibrium, and the worst case. */
  failure: number[];
  worstFailure: number;
}

export function solveDeterrenceRequest({ model: id, params }: { model: string; params: Record<string, number> }): DeterrenceSolved {
  const m = model(id);
  const result = m.solve(params);
  const game = m.build(params) as BuiltGame;
  let pureCache: { profile: number[][]; outcomes: Record<string, number> }[] | null = null;
  const pure = () => (pureCache ??= game.nodes.length <= 120 ? enginePerfectBayesian(game) : []);
  const profiles = result.equilibria.map((eq) => profileFor(m, result.parameters, game, eq, pure));
  const failure = result.equilibria.map((eq) => failureProbability(m, eq));
  return {
    result: JSON.parse(JSON.stringify(result)) as DeterrenceResult,
    game: gameToJson(game) as Extract<GameJson, { kind: 'efg' }>,
    profiles,
    failure,
    worstFailure: failure.length ? Math.max(...failure) : Number.NaN,
  };
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
  const m = model(id);
  const r = sweep(m, params, param, { steps, ranges: { [param]: range }, onProgress: progress });
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
  { model: id, params, x, y, xRange, yRange, steps = 21 }: { model: string; params: Record<string, number>; x: string; y: string; xRange: [number, number]; yRange: [number, number]; steps?: number },
  progress: ProgressFn,
): MapView {
  const m = model(id);
  const r = map2d(m, params, x, y, { steps, ranges: { [x]: xRange, [y]: yRange }, onProgress: progress });
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
  const m = model(id);
  const r = deterrenceTornado(m, params, { ranges, onProgress: progress });
  return { base: r.baseFailure, bars: r.bars.map((b) => ({ param: b.parameter, low: b.low, high: b.high, atLow: b.failureAtLow, atHigh: b.failureAtHigh })) };
}
