/**
 * Checks a model's closed-form (or specialised) solution against the game engine on the built
 * extensive form:
 *  1. every reported equilibrium, written as a behaviour profile, passes the engine's Nash check
 *     (games/behavior.ts) and sequential rationality with the model's off-path belief convention;
 *  2. the outcome distributions of the reported pure-strategy equilibria are among those of the
 *     engine's pure perfect Bayesian equilibria (reduced normal form + enumpure + selection), and
 *     every one of the engine's is among the reported equilibria.
 */
import type { Params } from './model';
import { getDeterrenceModel } from './registry';
import { behaviourProfile, codeDistribution, type BuiltGame } from './efg-builder';
import { checkSequentialRationality, enginePerfectBayesian } from '../games/perfect-bayesian';
import { behaviorMaxGainFloat } from '../games/behavior';

export interface Verification {
  /** Per reported equilibrium: the engine's maximal gain from deviating, and failed information sets. */
  readonly reported: readonly { readonly kind: string; readonly maxGain: number; readonly sequentialFailures: readonly string[] }[];
  /** Outcome distributions (rounded, canonical JSON) of the reported pure equilibria (weak ones excluded). */
  readonly closedFormPure: readonly string[];
  /** Outcome distributions of all reported equilibria. */
  readonly closedFormAll: readonly string[];
  /** Outcome distributions of the engine's pure perfect Bayesian equilibria. */
  readonly enginePure: readonly string[];
}

export function outcomeKey(outcomes: Readonly<Record<string, number>>): string {
  const entries = Object.entries(outcomes)
    .filter(([, v]) => Math.abs(v) > 1e-9)
    .map(([k, v]) => [k, Number(v.toFixed(9))] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(entries));
}

export function verifyAgainstEngine(modelId: string, params: Params, options: { engine?: boolean } = {}): Verification {
  const model = getDeterrenceModel(modelId);
  const result = model.solve(params, { fast: true });
  const game = model.build(params) as BuiltGame;
  const offPath = model.offPathBeliefs;
  const reported = result.equilibria.map((eq) => {
    const profile = behaviourProfile(game, model.behaviour(eq, result.parameters));
    // Equilibria the solver flags as fallbacks are checked under the model's wider belief rule.
    const policy = eq.fallback ? (model.fallbackOffPathBeliefs ?? 'any') : offPath;
    return { kind: eq.kind, maxGain: behaviorMaxGainFloat(game, profile), sequentialFailures: checkSequentialRationality(game, profile, policy).failures };
  });
  const isPure = (s: Readonly<Record<string, number>>) => Object.values(s).every((v) => Math.abs(v) < 1e-12 || Math.abs(v - 1) < 1e-12);
  const weak = (e: { fallback?: boolean }) => e.fallback === true;
  const closedFormPure = [...new Set(result.equilibria.filter((e) => isPure(e.strategies) && !weak(e)).map((e) => outcomeKey(e.outcomes)))].sort();
  const closedFormAll = [...new Set(result.equilibria.map((e) => outcomeKey(e.outcomes)))].sort();
  const enginePure = options.engine === false ? [] : [...new Set(enginePerfectBayesian(game, offPath).map((e) => outcomeKey(codeDistribution(e.outcomes))))].sort();
  return { reported, closedFormPure, closedFormAll, enginePure };
}
