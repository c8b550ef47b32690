/**
 * The one analysis path of the deterrence models: from a scenario (or explicit parameters) and a
 * request to a result. The CLI (`brink deter`), the jobs (the `deterrence` run kind) and the web
 * worker (the Deterrence page) all call these two functions, so they cannot disagree about the same
 * inputs.
 *
 * 1. `prepareDeterrence(scenario, request)` picks the model (the request's, else the scenario's first
 *    bound model), reads the scenario's binding (roles, cited values and ranges: ./scenario-link.ts),
 *    lays the request's overrides on top, fills the model's defaults and checks the whole set with
 *    the model's own input checks (./model.ts `resolveParams`: names, finiteness, probabilities in
 *    [0, 1], probability groups summing to 1, the paper's orderings). Errors carry the place of the
 *    value that broke the check: the scenario's JSON path for a scenario value, the request field
 *    (`parameters.p_HH`, `ranges.p_B`, `model`) for an override, re-placed by the caller's
 *    `placeOf` (the jobs prefix `$.options.`, the CLI names its flag or file).
 * 2. `analyseDeterrence(setup, spec)` runs one analysis: solve (equilibria, thresholds, the built
 *    game, per equilibrium its failure probability and a behaviour profile to draw its path),
 *    a one-parameter sweep, a two-parameter map, a tornado (./sensitivity.ts), or the result over
 *    the plausible parameter space with what it turns on (./uncertainty.ts), which the interfaces
 *    lead with (the interval first, the point second).
 */
import { InputError, isInputError } from '../errors';
import type { Scenario } from '../scenario/index';
import { gameToJson, type GameJson } from '../games/formats/json';
import { enginePerfectBayesian, outcomeDistribution } from '../games/perfect-bayesian';
import { behaviourProfile, codeDistribution, type BuiltGame } from './efg-builder';
import { failureProbability, resolveParams, type DeterrenceModel, type DeterrenceResult, type EquilibriumReport, type ParameterSpec } from './model';
import { getDeterrenceModel, listDeterrenceModels } from './registry';
import { scenarioBinding, scenarioDeterrenceModels, type BoundParameter } from './scenario-link';
import { map2d, sweep, tornado, type MapResult, type RunControl, type SweepResult, type TornadoResult } from './sensitivity';
import { deterrenceUncertainty, type DeterrenceUncertainty } from './uncertainty';
import { LIMITS } from '../limits';
import type { RangeShape } from '../random/sample';

export interface DeterrenceRequest {
  /** Model id; default: the scenario's first bound model. */
  readonly model?: string | undefined;
  /** Parameter values that replace the scenario's (or the model's defaults). */
  readonly parameters?: Readonly<Record<string, number>> | undefined;
  /** Ranges that replace the scenario's (sweeps, maps, tornadoes vary over them). */
  readonly ranges?: Readonly<Record<string, readonly [number, number]>> | undefined;
}

/** Where a parameter's value comes from. */
export type ParameterOrigin = 'scenario' | 'request' | 'default';

export interface ParameterSetting extends ParameterSpec {
  readonly value: number;
  /** The range analyses vary it over: the request's, else the scenario's, else the model's. */
  readonly variedOver: readonly [number, number];
  readonly origin: ParameterOrigin;
  /** The scenario's cited value (citation or assumption with its rationale), when it binds one. */
  readonly bound?: BoundParameter;
}

export interface DeterrenceSetup {
  readonly model: DeterrenceModel;
  /** True when the scenario binds the model (roles and cited parameters). */
  readonly bound: boolean;
  /** Model role -> actor id (empty when the scenario does not bind the model). */
  readonly roles: Readonly<Record<string, string>>;
  /** Every parameter, resolved and checked. */
  readonly params: Readonly<Record<string, number>>;
  /** Every parameter's range for sweeps, maps and tornadoes. */
  readonly ranges: Readonly<Record<string, readonly [number, number]>>;
  /** Per parameter, in the model's order: value, range, origin and provenance. */
  readonly settings: readonly ParameterSetting[];
}

/** Maps a request field (`model`, `parameters.p_HH`, `ranges.p_B`) to the caller's place for it. */
export type PlaceOf = (field: string) => string;

const samePlace: PlaceOf = (field) => field;

function reject(error: unknown, place: string): never {
  if (isInputError(error)) throw error.at(place);
  throw error;
}

export function prepareDeterrence(scenario: Scenario | null, request: DeterrenceRequest, placeOf: PlaceOf = samePlace): DeterrenceSetup {
  const bound = scenario ? scenarioDeterrenceModels(scenario) : [];
  const modelId = request.model ?? bound[0];
  if (modelId === undefined) {
    throw new InputError(scenario ? 'the scenario binds no deterrence model: name one' : 'name a deterrence model', {
      place: placeOf('model'),
      expected: listDeterrenceModels().map((m) => m.id).join(', '),
    });
  }
  let model: DeterrenceModel;
  try {
    model = getDeterrenceModel(modelId);
  } catch (error) {
    reject(error, placeOf('model'));
  }
  const binding = scenario && bound.includes(model.id) ? scenarioBinding(scenario, model.id) : undefined;
  const known = new Set(model.parameters.map((p) => p.name));
  const requireKnown = (name: string, field: string) => {
    if (!known.has(name)) throw new InputError(`unknown parameter ${JSON.stringify(name)} of model ${model.id}`, { place: placeOf(field), expected: [...known].join(' ') });
  };
  for (const [name, value] of Object.entries(request.parameters ?? {})) {
    requireKnown(name, `parameters.${name}`);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(`expected a finite number, got ${JSON.stringify(value)}`, { place: placeOf(`parameters.${name}`) });
  }
  for (const [name, range] of Object.entries(request.ranges ?? {})) {
    requireKnown(name, `ranges.${name}`);
    if (!Array.isArray(range) || range.length !== 2 || !range.every(Number.isFinite) || !(range[0]! <= range[1]!)) {
      throw new InputError(`expected a range [low, high] of finite numbers with low <= high, got ${JSON.stringify(range)}`, { place: placeOf(`ranges.${name}`) });
    }
  }

  const given: Record<string, number> = { ...(binding?.params ?? {}), ...(request.parameters ?? {}) };
  let params: Record<string, number>;
  try {
    params = resolveParams(model, given);
  } catch (error) {
    if (!isInputError(error)) throw error;
    // The place is a parameter, a group (`p_HH+p_HS+...`) or an ordering (`a < b`): blame the
    // request when it set one of the names involved, else the scenario's binding.
    const names = (error.place ?? '').split(/\s*[<+]\s*/).filter((n) => known.has(n));
    const fromRequest = names.filter((n) => request.parameters && n in request.parameters);
    if (fromRequest.length > 0) {
      reject(error, names.length === 1 ? placeOf(`parameters.${names[0]}`) : `${placeOf('parameters')} (${error.place})`);
    }
    if (binding) {
      const base = `$.models.deterrence.${model.id}.parameters`;
      reject(error, names.length === 1 ? `${base}.${names[0]}` : `${base} (${error.place})`);
    }
    throw error;
  }

  const settings: ParameterSetting[] = model.parameters.map((spec) => {
    const cited = binding?.cited[spec.name];
    const origin: ParameterOrigin = request.parameters && spec.name in request.parameters ? 'request' : cited ? 'scenario' : 'default';
    const range = request.ranges?.[spec.name] ?? binding?.ranges[spec.name] ?? spec.range;
    return { ...spec, value: params[spec.name]!, variedOver: [range[0], range[1]], origin, ...(cited ? { bound: cited } : {}) };
  });
  return {
    model,
    bound: binding !== undefined,
    roles: binding?.roles ?? {},
    params,
    ranges: Object.fromEntries(settings.map((s) => [s.name, s.variedOver])),
    settings,
  };
}

export type DeterrenceAnalysisSpec =
  | { readonly kind: 'solve'; /** Also find a behaviour profile per equilibrium, to draw its path. */ readonly paths?: boolean }
  | { readonly kind: 'sweep'; readonly parameter: string; readonly steps?: number | undefined }
  | { readonly kind: 'map'; readonly x: string; readonly y: string; readonly steps?: number | undefined; readonly steps2?: number | undefined }
  | { readonly kind: 'tornado'; readonly only?: readonly string[] | undefined }
  | {
      readonly kind: 'uncertainty';
      /** Points drawn from the ranges (default 1000). */
      readonly samples?: number | undefined;
      readonly seed?: number | string | undefined;
      /** Sampling shape on each range: beta-PERT around the value (default) or uniform. */
      readonly shape?: RangeShape | undefined;
    };

/** Points an uncertainty analysis draws by default (CLI, jobs and the web alike). */
export const DEFAULT_UNCERTAINTY_SAMPLES = 1000;

export interface DeterrenceSolved {
  readonly kind: 'solve';
  readonly result: DeterrenceResult;
  /** The built game (the engine's JSON form), as `--export-efg` writes it. */
  readonly game: Extract<GameJson, { kind: 'efg' }>;
  /** Per equilibrium, the probability that deterrence fails (mass off the model's success outcomes). */
  readonly failure: readonly number[];
  /** The worst case over the equilibria (NaN when there is none). */
  readonly worstFailure: number;
  /** Per equilibrium, a behaviour profile of the built game that plays it (null where none was found; absent unless asked). */
  readonly profiles?: readonly (readonly (readonly number[])[] | null)[];
}

export type DeterrenceAnalysis =
  | DeterrenceSolved
  | { readonly kind: 'sweep'; readonly sweep: SweepResult }
  | { readonly kind: 'map'; readonly map: MapResult }
  | { readonly kind: 'tornado'; readonly tornado: TornadoResult }
  | { readonly kind: 'uncertainty'; readonly uncertainty: DeterrenceUncertainty };

/** Runs one analysis on a prepared setup. Sweeps, maps and tornadoes report progress and can stop early. */
export function analyseDeterrence(setup: DeterrenceSetup, spec: DeterrenceAnalysisSpec, control: RunControl = {}, placeOf: PlaceOf = samePlace): DeterrenceAnalysis {
  const { model, params, ranges } = setup;
  const known = (name: string, field: string) => {
    if (!model.parameters.some((p) => p.name === name)) {
      throw new InputError(`unknown parameter ${JSON.stringify(name)} of model ${model.id}`, { place: placeOf(field), expected: model.parameters.map((p) => p.name).join(' ') });
    }
  };
  switch (spec.kind) {
    case 'sweep':
      known(spec.parameter, 'sweep.parameter');
      return { kind: 'sweep', sweep: sweep(model, params, spec.parameter, { ...control, steps: spec.steps, ranges }) };
    case 'map':
      known(spec.x, 'map.x');
      known(spec.y, 'map.y');
      return { kind: 'map', map: map2d(model, params, spec.x, spec.y, { ...control, steps: spec.steps, steps2: spec.steps2, ranges }) };
    case 'tornado':
      (spec.only ?? []).forEach((name, i) => known(name, `tornado.only[${i}]`));
      return { kind: 'tornado', tornado: tornado(model, params, { ...control, ranges, only: spec.only }) };
    case 'uncertainty': {
      const samples = spec.samples ?? DEFAULT_UNCERTAINTY_SAMPLES;
      if (!Number.isInteger(samples) || samples < 1 || samples > LIMITS.maxRuns) {
        throw new InputError(`expected a whole number of samples from 1 to ${LIMITS.maxRuns}, got ${samples}`, { place: placeOf('uncertainty.samples') });
      }
      const bound = Object.fromEntries(setup.settings.map((st) => [st.name, st.bound]));
      return {
        kind: 'uncertainty',
        uncertainty: deterrenceUncertainty(model, params, { ...control, samples, seed: spec.seed ?? 1, shape: spec.shape ?? 'pert', ranges, bound }),
      };
    }
    case 'solve': {
      const result = model.solve(params);
      const built = model.build(params) as BuiltGame;
      const failure = result.equilibria.map((eq) => failureProbability(model, eq));
      return {
        kind: 'solve',
        result,
        game: gameToJson(built) as Extract<GameJson, { kind: 'efg' }>,
        failure,
        worstFailure: failure.length ? Math.max(...failure) : Number.NaN,
        ...(spec.paths ? { profiles: equilibriumPaths(model, built, result) } : {}),
      };
    }
  }
}

function sameDistribution(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (Math.abs((a[k] ?? 0) - (b[k] ?? 0)) > 1e-6) return false;
  return true;
}

/** Trees up to this size also search the engine's pure perfect Bayesian equilibria for a path. */
const ENGINE_PATH_SEARCH_MAX_NODES = 120;

/**
 * A behaviour profile per equilibrium: the model's own (`behaviour`), checked to give the reported
 * outcome distribution; else one of the engine's pure perfect Bayesian equilibria with the same
 * distribution (small trees only); else null (an interface then highlights the outcomes).
 */
function equilibriumPaths(model: DeterrenceModel, game: BuiltGame, result: DeterrenceResult): (number[][] | null)[] {
  let pure: { profile: number[][]; outcomes: Record<string, number> }[] | null = null;
  const enginePure = () => (pure ??= game.nodes.length <= ENGINE_PATH_SEARCH_MAX_NODES ? enginePerfectBayesian(game, model.offPathBeliefs).map((e) => ({ ...e, outcomes: codeDistribution(e.outcomes) })) : []);
  return result.equilibria.map((eq: EquilibriumReport) => {
    try {
      const profile = behaviourProfile(game, model.behaviour(eq, result.parameters));
      if (sameDistribution(codeDistribution(outcomeDistribution(game, profile)), eq.outcomes)) return profile;
    } catch (error) {
      if (!isInputError(error) && !(error instanceof RangeError) && !(error instanceof TypeError)) throw error;
    }
    return enginePure().find((c) => sameDistribution(c.outcomes, eq.outcomes))?.profile ?? null;
  });
}
