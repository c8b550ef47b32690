/**
 * The shared interface of Brink's deterrence models and the parameter checks they share.
 *
 * A model is a literature game (Zagare & Kilgour 2000; Schelling 1960; Powell 1987; Fearon 1997)
 * with named parameters (the paper's symbols in ASCII, `+`/`-` superscripts written `_hard`/`_soft`).
 * `build(params)` gives the explicit extensive form (chance moves for types) that the game engine
 * solves and that `--export-efg` writes; `solve(params)` gives the equilibria the paper names, with
 * the probability of each outcome on the equilibrium path, and the paper's thresholds with the side
 * of each threshold the parameters sit on.
 */
import { InputError } from '../errors';
import type { ExtensiveFormGame } from '../games/types';
import type { OffPathBeliefs } from '../games/perfect-bayesian';

export type Params = Readonly<Record<string, number>>;

export interface ParameterSpec {
  readonly name: string;
  readonly description: string;
  readonly default: number;
  /** Range the sweep, map and tornado vary the parameter over (unless a scenario gives its own). */
  readonly range: readonly [number, number];
  /** 'probability' parameters are checked to lie in [0, 1]. */
  readonly kind: 'utility' | 'probability' | 'risk' | 'cost';
}

export interface EquilibriumReport {
  /** The equilibrium's name as the paper gives it (or a descriptive name, see `docs/deterrence.md`). */
  readonly kind: string;
  /** Probability of each outcome on the equilibrium path (the values sum to 1). */
  readonly outcomes: Readonly<Record<string, number>>;
  /** The players' behaviour in the paper's strategic variables (x = Pr(A chooses D), ...). */
  readonly strategies: Readonly<Record<string, number>>;
  /** Beliefs at information sets (posterior probabilities), where they matter. */
  readonly beliefs?: Readonly<Record<string, number>>;
  readonly note?: string;
  /**
   * True when the equilibrium needs the model's wider fallback belief rule (`fallbackOffPathBeliefs`),
   * reported only where no equilibrium exists under its default rule.
   */
  readonly fallback?: boolean;
}

export interface ThresholdSide {
  /** Threshold name, e.g. c_A. */
  readonly threshold: string;
  /** What is compared with it, e.g. p_B. */
  readonly compared: string;
  readonly value: number;
  readonly thresholdValue: number;
  readonly side: 'above' | 'below' | 'equal';
  /** What the side means, in words. */
  readonly meaning: string;
}

export interface DeterrenceResult {
  readonly model: string;
  readonly title: string;
  readonly parameters: Readonly<Record<string, number>>;
  readonly equilibria: readonly EquilibriumReport[];
  readonly thresholds: Readonly<Record<string, number>>;
  readonly sides: readonly ThresholdSide[];
  /** True when the list holds every equilibrium of the kinds the solver looks for. */
  readonly complete: boolean;
  /** One-paragraph reading of the result. */
  readonly summary: string;
}

/**
 * A deterrence model describes itself: everything a caller needs (the CLI, the jobs, the web app,
 * sweeps and checks) is on this object, so a new model is one file plus one line in ./registry.ts.
 */
export interface DeterrenceModel {
  readonly id: string;
  readonly title: string;
  /** Paper, section, figure. */
  readonly source: string;
  /** Players in the built game, in order. */
  readonly players: readonly string[];
  /** Roles a scenario binds to actors, e.g. challenger, defender. */
  readonly roles: readonly string[];
  /** Outcome codes as the paper writes them. */
  readonly outcomes: readonly string[];
  /** What each outcome code means, in English (interfaces translate from these). */
  readonly outcomeNames: Readonly<Record<string, string>>;
  /** Outcomes that count as deterrence success (the rest are failures). */
  readonly successOutcomes: readonly string[];
  readonly parameters: readonly ParameterSpec[];
  /** Strict orderings the paper assumes, as [lower, higher] parameter pairs (lower < higher). */
  readonly orderings: readonly (readonly [string, string])[];
  /**
   * Groups of probability parameters that must sum to 1 (e.g. the AEG's four Defender types).
   * Varying one member (a slider, a sweep) rescales the others of its group (`withParameter`).
   */
  readonly probabilityGroups: readonly (readonly string[])[];
  /** The off-path belief convention the solver's equilibria are perfect Bayesian under. */
  readonly offPathBeliefs: OffPathBeliefs;
  /** The wider rule of the equilibria flagged `fallback` (where the default rule leaves none). */
  readonly fallbackOffPathBeliefs?: OffPathBeliefs;
  build(params: Params): ExtensiveFormGame;
  /** `fast` skips threshold searches that re-solve the model (sweeps, maps and tornadoes use it). */
  solve(params: Params, options?: { fast?: boolean }): DeterrenceResult;
  /**
   * An equilibrium report as a behaviour profile of the built game: action probabilities keyed by
   * information-set key (used to draw its path and to check it with the game engine).
   */
  behaviour(eq: EquilibriumReport, params: Params): Record<string, number[]>;
}

/**
 * Fills defaults, rejects unknown names and non-finite values, checks probabilities in [0, 1],
 * the model's groups that must sum to 1, and the paper's orderings. Errors name the parameter
 * (or the pair).
 */
export function resolveParams(
  model: Pick<DeterrenceModel, 'id' | 'parameters' | 'orderings' | 'probabilityGroups'>,
  given: Readonly<Record<string, unknown>>,
): Record<string, number> {
  const known = new Map(model.parameters.map((p) => [p.name, p]));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      throw new InputError(`unknown parameter of model ${model.id}`, {
        place: name,
        expected: `one of ${[...known.keys()].join(' ')}`,
      });
    }
  }
  const out: Record<string, number> = {};
  for (const spec of model.parameters) {
    const raw = given[spec.name];
    const value = raw === undefined ? spec.default : raw;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InputError(`expected a finite number, got ${JSON.stringify(value)}`, { place: spec.name });
    }
    if (spec.kind === 'cost' && value < 0) {
      throw new InputError(`cost ${value} is negative`, { place: spec.name, expected: 'a number >= 0' });
    }
    if (spec.kind === 'probability' && (value < 0 || value > 1)) {
      throw new InputError(`probability ${value} lies outside [0, 1]`, { place: spec.name, expected: 'a number in [0, 1]' });
    }
    out[spec.name] = value;
  }
  for (const group of model.probabilityGroups) {
    const sum = group.reduce((s, n) => s + out[n]!, 0);
    if (Math.abs(sum - 1) > 1e-9) {
      throw new InputError(`probabilities ${group.join(' + ')} sum to ${sum}, not 1`, { place: group.join('+'), expected: 'a sum of 1' });
    }
  }
  checkOrderings(model.orderings, out);
  return out;
}

export function checkOrderings(orderings: readonly (readonly [string, string])[], p: Params): void {
  for (const [lo, hi] of orderings) {
    if (!(p[lo]! < p[hi]!)) {
      throw new InputError(`the model assumes ${lo} < ${hi}, got ${lo} = ${p[lo]} and ${hi} = ${p[hi]}`, {
        place: `${lo} < ${hi}`,
        expected: `${lo} < ${hi}`,
      });
    }
  }
}

/** Orderings of a chain a < b < c ... as consecutive pairs. */
export function chain(...names: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < names.length; i++) pairs.push([names[i]!, names[i + 1]!]);
  return pairs;
}

/** Side of a value relative to a threshold, with a tolerance for rounding. */
export function sideOf(value: number, threshold: number, eps = 1e-12): 'above' | 'below' | 'equal' {
  if (Math.abs(value - threshold) <= eps) return 'equal';
  return value > threshold ? 'above' : 'below';
}

/** Adds probability mass to an outcome table, dropping exact zeros at the end (see `cleanOutcomes`). */
export function addMass(table: Record<string, number>, outcome: string, mass: number): void {
  if (mass === 0) return;
  table[outcome] = (table[outcome] ?? 0) + mass;
}

/** Rounds away floating noise (|p| < 1e-12) and orders the outcomes as the model lists them. */
export function cleanOutcomes(table: Record<string, number>, order: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of order) {
    const v = table[code];
    if (v !== undefined && Math.abs(v) > 1e-12) out[code] = v;
  }
  return out;
}

/** Probability that deterrence fails in an equilibrium: the mass on outcomes other than the successes. */
export function failureProbability(model: Pick<DeterrenceModel, 'successOutcomes'>, eq: EquilibriumReport): number {
  let ok = 0;
  for (const code of model.successOutcomes) ok += eq.outcomes[code] ?? 0;
  return Math.max(0, Math.min(1, 1 - ok));
}

/** Worst case over the equilibria (the most pessimistic equilibrium the model admits). */
export function worstFailure(model: Pick<DeterrenceModel, 'successOutcomes'>, result: DeterrenceResult): number {
  if (result.equilibria.length === 0) return Number.NaN;
  return Math.max(...result.equilibria.map((e) => failureProbability(model, e)));
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Number(x.toPrecision(4)).toString();
}
