/**
 * All pure-strategy Nash equilibria (Gambit's `enumpure`).
 *
 * A pure profile s is a Nash equilibrium when, for every player i,
 *
 *   u_i(s) = max over t_i of u_i(t_i, s_-i).
 *
 * For every player we compute, for each profile of the others, the best payoff over i's own
 * strategies (one pass over the payoff tensor per player), then keep the profiles where every
 * player attains that maximum: O(n * |S|) comparisons, exact.
 *
 * For an extensive game the same test runs on its reduced normal form (reduced-normal-form.ts);
 * each equilibrium is reported as a behaviour profile as Gambit prints it (all zeros at
 * information sets the player's own choices rule out).
 */
import { Rational } from '../numeric/rational';
import { behaviorPayoffs } from './behavior';
import { reducedNormalForm, reducedToBehavior } from './reduced-normal-form';
import { profileStrides, strategyCounts } from './strategic';
import type { Equilibrium, ExtensiveFormGame, Game, NormalFormGame, SolveResult } from './types';

/** Indices (profile index, player 0 fastest) of every pure Nash equilibrium. */
export function pureNashProfileIndices(game: NormalFormGame): number[] {
  const counts = strategyCounts(game);
  const strides = profileStrides(counts);
  const cells = game.payoffs.length;
  const n = counts.length;
  const isNash = new Uint8Array(cells).fill(1);
  for (let i = 0; i < n; i++) {
    const stride = strides[i]!;
    const count = counts[i]!;
    // Groups of cells differing only in player i's strategy: base cells have digit i = 0.
    for (let base = 0; base < cells; base++) {
      if (Math.floor(base / stride) % count !== 0) continue;
      let best = game.payoffs[base]![i]!;
      for (let k = 1; k < count; k++) {
        const v = game.payoffs[base + k * stride]![i]!;
        if (v.gt(best)) best = v;
      }
      for (let k = 0; k < count; k++) {
        const c = base + k * stride;
        if (isNash[c] && game.payoffs[c]![i]!.lt(best)) isNash[c] = 0;
      }
    }
  }
  const out: number[] = [];
  for (let c = 0; c < cells; c++) if (isNash[c]) out.push(c);
  return out;
}

function pureProfile(counts: readonly number[], cell: number): number[] {
  const digits: number[] = [];
  let rest = cell;
  for (const c of counts) {
    digits.push(rest % c);
    rest = Math.floor(rest / c);
  }
  return digits;
}

function indicator(count: number, k: number): Rational[] {
  return Array.from({ length: count }, (_, j) => (j === k ? Rational.ONE : Rational.ZERO));
}

export function enumPureNormal(game: NormalFormGame): SolveResult {
  const counts = strategyCounts(game);
  const equilibria: Equilibrium[] = pureNashProfileIndices(game).map((cell) => ({
    profile: pureProfile(counts, cell).map((k, i) => indicator(counts[i]!, k)),
    payoffs: game.payoffs[cell]!,
  }));
  return { method: 'enumpure', complete: true, exact: true, equilibria };
}

export function enumPureExtensive(game: ExtensiveFormGame): SolveResult {
  // Gambit prints no profile at all for a game in which no player ever moves (only chance): the
  // behaviour profile would be empty. We follow it, so that the sets agree.
  if (game.infosets.every((s) => s.player < 0)) return { method: 'enumpure', complete: true, exact: true, equilibria: [] };
  const rnf = reducedNormalForm(game);
  const counts = strategyCounts(rnf.game);
  const equilibria: Equilibrium[] = pureNashProfileIndices(rnf.game).map((cell) => {
    const profile = pureProfile(counts, cell).map((k, i) => reducedToBehavior(game, i, rnf.reduced[i]![k]!));
    return { profile, payoffs: behaviorPayoffs(game, profile) };
  });
  return { method: 'enumpure', complete: true, exact: true, equilibria };
}

/** All pure Nash equilibria of a normal form, or of an extensive form's reduced normal form. */
export function enumPure(game: Game): SolveResult {
  return game.kind === 'nfg' ? enumPureNormal(game) : enumPureExtensive(game);
}
