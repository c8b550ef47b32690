/**
 * Perfect Bayesian selection on an explicit extensive form: the check that turns the game engine's
 * Nash equilibria into the (weak) perfect Bayesian equilibria the deterrence papers report
 * (Fudenberg & Tirole 1991, "Game Theory", sec. 8.2; Zagare & Kilgour 2000, app. 2).
 *
 * A behaviour profile b is sequentially rational with beliefs mu when, at every information set I
 * of player i, every action b plays with positive probability maximises
 *
 *   Q(I, a) = sum over nodes n in I of mu(n) * V_i(child(n, a)),
 *
 * where V_i(m) is i's expected payoff from node m on under b. Beliefs follow Bayes' rule wherever
 * I is reached with positive probability (mu(n) proportional to the reach probability of n);
 * elsewhere any belief is allowed, so the check asks whether SOME belief makes the played actions
 * optimal: exact when I has two nodes (an interval of beliefs) or two actions (some node must
 * favour the played action), by the vertices and the centroid of the belief simplex otherwise.
 *
 * `enginePerfectBayesian` solves a game with the engine (reduced normal form, all pure Nash
 * equilibria: games/reduced-normal-form.ts, games/enum-pure.ts), completes the information sets a
 * reduced strategy leaves open, and keeps the completions that pass this check.
 */
import { CHANCE, type ExtensiveFormGame } from '../games/types';
import { behaviorLayout, behaviorMaxGainFloat } from '../games/behavior';
import { reducedNormalForm } from '../games/reduced-normal-form';
import { pureNashProfileIndices } from '../games/enum-pure';
import { outcomeDistribution } from './efg-builder';

const EPS = 1e-9;

function payoffsAt(game: ExtensiveFormGame, n: number): number[] {
  const node = game.nodes[n]!;
  if (node.outcome === undefined) return game.players.map(() => 0);
  return game.outcomes[node.outcome]!.payoffs.map((r) => r.toNumber());
}

export interface SequentialCheck {
  readonly ok: boolean;
  /** Information sets (labels) where the profile is not sequentially rational. */
  readonly failures: readonly string[];
}

export function checkSequentialRationality(game: ExtensiveFormGame, profile: readonly (readonly number[])[]): SequentialCheck {
  const layout = behaviorLayout(game);
  const nPlayers = game.players.length;
  const prob = (n: number, j: number): number => {
    const node = game.nodes[n]!;
    if (node.type === 'terminal') return 0;
    const s = game.infosets[node.infoset]!;
    return s.player === CHANCE ? s.probabilities![j]!.toNumber() : profile[s.player]![layout.offset[node.infoset]! + j]!;
  };
  // Continuation values, bottom-up (children come after parents in pre-order).
  const value: number[][] = new Array(game.nodes.length);
  for (let n = game.nodes.length - 1; n >= 0; n--) {
    const node = game.nodes[n]!;
    const own = payoffsAt(game, n);
    if (node.type === 'terminal') {
      value[n] = own;
      continue;
    }
    const v = own.slice();
    node.children.forEach((c, j) => {
      const p = prob(n, j);
      if (p !== 0) for (let i = 0; i < nPlayers; i++) v[i]! += p * value[c]![i]!;
    });
    value[n] = v;
  }
  // Reach probabilities, top-down.
  const reach: number[] = new Array(game.nodes.length).fill(0);
  reach[0] = 1;
  for (let n = 0; n < game.nodes.length; n++) {
    const node = game.nodes[n]!;
    if (node.type === 'terminal') continue;
    node.children.forEach((c, j) => {
      reach[c] = reach[n]! * prob(n, j);
    });
  }
  const members = new Map<number, number[]>();
  game.nodes.forEach((node, n) => {
    if (node.type === 'decision') {
      const list = members.get(node.infoset) ?? [];
      list.push(n);
      members.set(node.infoset, list);
    }
  });
  const failures: string[] = [];
  for (const [s, nodes] of members) {
    const info = game.infosets[s]!;
    const i = info.player;
    const off = layout.offset[s]!;
    const played = info.actions.map((_, a) => profile[i]![off + a]! > EPS);
    // q[n][a] = value to i of action a at node n
    const q = nodes.map((n) => game.nodes[n]!.type === 'terminal' ? [] : (game.nodes[n] as { children: readonly number[] }).children.map((c) => value[c]![i]! + payoffsAt(game, n)[i]!));
    const total = nodes.reduce((t, n) => t + reach[n]!, 0);
    const okWith = (mu: number[]): boolean => {
      const qa = info.actions.map((_, a) => mu.reduce((t, m, k) => t + m * q[k]![a]!, 0));
      const best = Math.max(...qa);
      return qa.every((v, a) => !played[a] || v >= best - 1e-7 * Math.max(1, Math.abs(best)));
    };
    let ok: boolean;
    if (total > EPS) {
      ok = okWith(nodes.map((n) => reach[n]! / total));
    } else if (nodes.length === 1) {
      ok = okWith([1]);
    } else if (nodes.length === 2) {
      // mu = (1 - t, t); every constraint q(a) - q(a') >= 0 is linear in t.
      let lo = 0;
      let hi = 1;
      for (let a = 0; a < info.actions.length && lo <= hi; a++) {
        if (!played[a]) continue;
        for (let b = 0; b < info.actions.length; b++) {
          if (b === a) continue;
          const d0 = q[0]![a]! - q[0]![b]!;
          const d1 = q[1]![a]! - q[1]![b]!;
          // (1 - t) d0 + t d1 >= 0  <=>  d0 + t (d1 - d0) >= 0
          const slope = d1 - d0;
          if (Math.abs(slope) < 1e-15) {
            if (d0 < -1e-9) hi = -1;
          } else if (slope > 0) lo = Math.max(lo, -d0 / slope - 1e-12);
          else hi = Math.min(hi, -d0 / slope + 1e-12);
        }
      }
      ok = lo <= hi;
    } else {
      const candidates: number[][] = nodes.map((_, k) => nodes.map((__, j) => (j === k ? 1 : 0)));
      candidates.push(nodes.map(() => 1 / nodes.length));
      const nPlayed = played.filter(Boolean).length;
      ok = nPlayed === 1 && info.actions.length === 2 ? candidates.slice(0, nodes.length).some(okWith) : candidates.some(okWith);
    }
    if (!ok) failures.push(info.label || `infoset ${s}`);
  }
  return { ok: failures.length === 0, failures };
}

/** Nash (the engine's exact-in-floating-point best-response check) and sequential rationality. */
export function isPerfectBayesian(game: ExtensiveFormGame, profile: readonly (readonly number[])[], tolerance = 1e-7): boolean {
  return behaviorMaxGainFloat(game, profile) <= tolerance && checkSequentialRationality(game, profile).ok;
}

export interface EngineEquilibrium {
  readonly profile: number[][];
  readonly outcomes: Record<string, number>;
}

/**
 * Every pure-strategy perfect Bayesian equilibrium of a small game, found by the game engine:
 * all pure Nash equilibria of the reduced normal form, each completed at the information sets it
 * leaves open and kept when some completion is sequentially rational. One entry per distinct
 * reduced profile (completions differ only off the path).
 */
export function enginePerfectBayesian(game: ExtensiveFormGame): EngineEquilibrium[] {
  const rnf = reducedNormalForm(game);
  const layout = behaviorLayout(game);
  const counts = rnf.reduced.map((r) => r.length);
  const found: EngineEquilibrium[] = [];
  for (const index of pureNashProfileIndices(rnf.game)) {
    let rest = index;
    const chosen = counts.map((c, i) => {
      const k = rest % c;
      rest = Math.floor(rest / c);
      return rnf.reduced[i]![k]!;
    });
    // Open information sets: enumerate their actions.
    const open: { player: number; pos: number; nActions: number }[] = [];
    chosen.forEach((strategy, i) =>
      strategy.forEach((a, k) => {
        if (a < 0) open.push({ player: i, pos: k, nActions: game.infosets[layout.infosetsOf[i]![k]!]!.actions.length });
      }),
    );
    const digits = new Array<number>(open.length).fill(0);
    for (;;) {
      const profile = chosen.map((strategy, i) => {
        const flat: number[] = [];
        strategy.forEach((a, k) => {
          const openIdx = open.findIndex((o) => o.player === i && o.pos === k);
          const act = a >= 0 ? a : digits[openIdx]!;
          const nA = game.infosets[layout.infosetsOf[i]![k]!]!.actions.length;
          for (let j = 0; j < nA; j++) flat.push(j === act ? 1 : 0);
        });
        return flat;
      });
      if (isPerfectBayesian(game, profile)) {
        found.push({ profile, outcomes: outcomeDistribution(game, profile) });
        break;
      }
      let d = 0;
      while (d < open.length) {
        digits[d]!++;
        if (digits[d]! < open[d]!.nActions) break;
        digits[d] = 0;
        d++;
      }
      if (d === open.length) break;
    }
  }
  return found;
}
