/**
 * Deterrence requests the worker answers: the models and their parameters, a solve (with the
 * built game tree and, where it can be found, each equilibrium's behaviour profile for drawing
 * its path), a one-parameter sweep, a two-parameter map and a tornado of the probability that
 * deterrence fails (worst case over the model's equilibria).
 */
import * as deterrence from '@brink/engine/deterrence/index';
import { radg } from '@brink/engine/deterrence/radg';
import { udg, udgBehaviour } from '@brink/engine/deterrence/udg';
import { aeg, aegBehaviour } from '@brink/engine/deterrence/aeg';
import { behaviourProfile, outcomeDistribution, type BuiltGame } from '@brink/engine/deterrence/efg-builder';
import { failureProbability, type DeterrenceModel, type DeterrenceResult, type EquilibriumReport, type ParameterSpec } from '@brink/engine/deterrence/model';
import { enginePerfectBayesian } from '@brink/engine/deterrence/perfect-bayesian';
import { gameToJson, type GameJson } from '@brink/engine/games/formats/json';
import type { ProgressFn } from './protocol';

type Registry = { listDeterrenceModels?: () => readonly DeterrenceModel[] };

/** The engine's registry when it has one, else the models this build knows. */
export function models(): readonly DeterrenceModel[] {
  const list = (deterrence as Registry).listDeterrenceModels;
  return typeof list === 'function' ? list() : [radg, udg, aeg];
}

function model(id: string): DeterrenceModel {
  const m = models().find((x) => x.id === id);
  if (!m) throw Object.assign(new Error(`unknown deterrence model "${id}"`), { place: 'model' });
  return m;
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

const behaviourFns: Record<string, (eq: EquilibriumReport) => Record<string, number[]>> = { udg: udgBehaviour, aeg: aegBehaviour };

function sameDistribution(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (Math.abs((a[k] ?? 0) - (b[k] ?? 0)) > 1e-6) return false;
  return true;
}

/** A behaviour profile of the built game that plays the equilibrium, when one can be found. */
function profileFor(m: DeterrenceModel, game: BuiltGame, eq: EquilibriumReport, pure: () => { profile: number[][]; outcomes: Record<string, number> }[]): number[][] | null {
  const fn = behaviourFns[m.id];
  if (fn) {
    try {
      const profile = behaviourProfile(game, fn(eq));
      if (sameDistribution(outcomeDistribution(game, profile), eq.outcomes)) return profile;
    } catch {
      /* fall through */
    }
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
  const profiles = result.equilibria.map((eq) => profileFor(m, game, eq, pure));
  const failure = result.equilibria.map((eq) => failureProbability(m, eq));
  return {
    result: JSON.parse(JSON.stringify(result)) as DeterrenceResult,
    game: gameToJson(game) as Extract<GameJson, { kind: 'efg' }>,
    profiles,
    failure,
    worstFailure: failure.length ? Math.max(...failure) : Number.NaN,
  };
}

/** Worst and best failure probability and the thresholds at given parameters (NaN when invalid). */
function evaluate(m: DeterrenceModel, params: Record<string, number>): { worst: number; best: number; thresholds: Record<string, number> } {
  try {
    const r = m.solve(params);
    const f = r.equilibria.map((eq) => failureProbability(m, eq));
    return { worst: f.length ? Math.max(...f) : Number.NaN, best: f.length ? Math.min(...f) : Number.NaN, thresholds: { ...r.thresholds } };
  } catch {
    return { worst: Number.NaN, best: Number.NaN, thresholds: {} };
  }
}

function linspace(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1)));
}

export interface SweepResult {
  param: string;
  xs: number[];
  worst: number[];
  best: number[];
  /** Thresholds compared with the swept parameter, at the current values of the others. */
  thresholds: { name: string; value: number }[];
}

export function sweepRequest(
  { model: id, params, param, range, steps = 41 }: { model: string; params: Record<string, number>; param: string; range: [number, number]; steps?: number },
  progress: ProgressFn,
): SweepResult {
  const m = model(id);
  const xs = linspace(range[0], range[1], steps);
  const worst: number[] = [];
  const best: number[] = [];
  xs.forEach((x, i) => {
    const e = evaluate(m, { ...params, [param]: x });
    worst.push(e.worst);
    best.push(e.best);
    if (i % 5 === 0) progress(i + 1, xs.length);
  });
  const thresholds: { name: string; value: number }[] = [];
  try {
    const r = m.solve(params);
    for (const s of r.sides) if (s.compared === param) thresholds.push({ name: s.threshold, value: s.thresholdValue });
  } catch {
    /* invalid current parameters: no thresholds */
  }
  return { param, xs, worst, best, thresholds };
}

export interface MapResult {
  x: string;
  y: string;
  xs: number[];
  ys: number[];
  /** worst[j][i] at (xs[i], ys[j]). */
  worst: number[][];
}

export function mapRequest(
  { model: id, params, x, y, xRange, yRange, steps = 21 }: { model: string; params: Record<string, number>; x: string; y: string; xRange: [number, number]; yRange: [number, number]; steps?: number },
  progress: ProgressFn,
): MapResult {
  const m = model(id);
  const xs = linspace(xRange[0], xRange[1], steps);
  const ys = linspace(yRange[0], yRange[1], steps);
  const worst = ys.map((yv, j) => {
    const row = xs.map((xv) => evaluate(m, { ...params, [x]: xv, [y]: yv }).worst);
    progress(j + 1, ys.length);
    return row;
  });
  return { x, y, xs, ys, worst };
}

export interface TornadoBar {
  param: string;
  low: number;
  high: number;
  atLow: number;
  atHigh: number;
}

export function tornadoRequest(
  { model: id, params, ranges }: { model: string; params: Record<string, number>; ranges: Record<string, [number, number]> },
  progress: ProgressFn,
): { base: number; bars: TornadoBar[] } {
  const m = model(id);
  const base = evaluate(m, params).worst;
  const names = Object.keys(ranges);
  const bars = names.map((param, i) => {
    const [low, high] = ranges[param]!;
    const bar = { param, low, high, atLow: evaluate(m, { ...params, [param]: low }).worst, atHigh: evaluate(m, { ...params, [param]: high }).worst };
    progress(i + 1, names.length);
    return bar;
  });
  bars.sort((a, b) => spread(b, base) - spread(a, base));
  return { base, bars };
}

function spread(bar: TornadoBar, base: number): number {
  const v = [bar.atLow, bar.atHigh, base].filter(Number.isFinite);
  return v.length ? Math.max(...v) - Math.min(...v) : -1;
}
