/**
 * Perfect Bayesian selection on an explicit extensive form (information sets that chance never
 * reaches, e.g. a type with prior 0, are payoff-irrelevant and not checked): the check that turns the game engine's
 * Nash equilibria into the (weak) perfect Bayesian equilibria the deterrence papers report
 * (Fudenberg & Tirole 1991, "Game Theory", sec. 8.2; Zagare & Kilgour 2000, app. 2).
 *
 * A behaviour profile b is sequentially rational with beliefs mu when, at every information set I
 * of player i, every action b plays with positive probability maximises
 *
 *   Q(I, a) = sum over nodes n in I of mu(n) * V_i(child(n, a)),
 *
 * where V_i(m) is i's expected payoff from node m on under b. Beliefs follow Bayes' rule wherever
 * the other players reach I with positive probability (mu(n) proportional to the probability that
 * chance and the others lead to n). Off the path, Brink's convention is passive beliefs: mu is the
 * prior (chance probabilities of the nodes); 'refined' keeps the prior only over the nodes whose
 * last move by another player could have paid that player (its best payoff below the move beats
 * its equilibrium value there), a simplified intuitive criterion (Cho & Kreps 1987) that stops
 * beliefs from blaming a deviation on a type that cannot gain from it; 'gainers' lets the belief
 * range over those nodes (any belief on them, as the intuitive criterion allows; over all nodes
 * when none may pay). With `offPath = 'any'` the check instead asks whether
 * SOME belief makes the played actions optimal (weak PBE): exact when I has two nodes (an interval
 * of beliefs) or two actions (some node must favour the played action), by the vertices and the
 * centroid of the belief simplex otherwise.
 *
 * `enginePerfectBayesian` solves a game with the engine (reduced normal form, all pure Nash
 * equilibria: games/reduced-normal-form.ts, games/enum-pure.ts), completes the information sets a
 * reduced strategy leaves open with the actions optimal under the beliefs there (deepest first),
 * and keeps the profiles that pass this check. With 'any' off-path beliefs a completion may be
 * missed where several beliefs would do; Brink's models use 'prior'.
 */
import { CHANCE, type ExtensiveFormGame } from './types';
import { behaviorLayout, behaviorMaxGainFloat } from './behavior';
import { reducedNormalForm } from './reduced-normal-form';
import { pureNashProfileIndices } from './enum-pure';

const EPS = 1e-9;

/** Probability of each outcome (by its label) under a behaviour profile (flat layout), chance included. */
export function outcomeDistribution(game: ExtensiveFormGame, profile: readonly (readonly number[])[]): Record<string, number> {
  const layout = behaviorLayout(game);
  const dist: Record<string, number> = {};
  const walk = (n: number, reach: number): void => {
    if (reach === 0) return;
    const node = game.nodes[n]!;
    if (node.type === 'terminal') {
      const label = node.outcome === undefined ? node.label : game.outcomes[node.outcome]!.label;
      dist[label] = (dist[label] ?? 0) + reach;
      return;
    }
    const s = game.infosets[node.infoset]!;
    node.children.forEach((c, j) => {
      const p = s.player === CHANCE ? s.probabilities![j]!.toNumber() : profile[s.player]![layout.offset[node.infoset]! + j]!;
      walk(c, reach * p);
    });
  };
  walk(0, 1);
  return dist;
}

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

/**
 * Off the equilibrium path, 'prior' keeps the prior belief (the chance probabilities of the nodes,
 * "passive beliefs", the convention of Brink's deterrence solvers); 'any' accepts any belief.
 */
export type OffPathPolicy = 'prior' | 'any' | 'refined' | 'gainers';
export type OffPathBeliefs = OffPathPolicy | ((infosetLabel: string) => OffPathPolicy);

function policyAt(offPath: OffPathBeliefs, label: string): OffPathPolicy {
  return typeof offPath === 'function' ? offPath(label) : offPath;
}

interface Analysis {
  readonly value: number[][];
  readonly reachByPlayer: number[][];
  readonly chanceReach: number[];
  readonly members: Map<number, number[]>;
  /** For each node: whether the last move by another player on its path could have paid that player (see 'refined'). */
  readonly deviationMayPay: boolean[];
}

function analyse(game: ExtensiveFormGame, profile: readonly (readonly number[])[]): Analysis {
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
  // Reach probabilities, top-down, leaving out the moves of one player (`skip`; -2 = nobody).
  const reachWithout = (skip: number): number[] => {
    const reach: number[] = new Array(game.nodes.length).fill(0);
    reach[0] = 1;
    for (let n = 0; n < game.nodes.length; n++) {
      const node = game.nodes[n]!;
      if (node.type === 'terminal') continue;
      const owner = game.infosets[node.infoset]!.player;
      node.children.forEach((c, j) => {
        reach[c] = reach[n]! * (owner === skip ? 1 : prob(n, j));
      });
    }
    return reach;
  };
  const reachByPlayer = game.players.map((_, i) => reachWithout(i));
  // Chance alone (all players' moves left out): the prior over the nodes of an information set.
  const chanceReach: number[] = new Array(game.nodes.length).fill(0);
  chanceReach[0] = 1;
  for (let n = 0; n < game.nodes.length; n++) {
    const node = game.nodes[n]!;
    if (node.type === 'terminal') continue;
    const owner = game.infosets[node.infoset]!.player;
    node.children.forEach((c, j) => {
      chanceReach[c] = chanceReach[n]! * (owner === CHANCE ? prob(n, j) : 1);
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
  // 'refined' beliefs: for each node, the nearest ancestor decision node m of a player j other than
  // the node's owner; the move there "may pay" when j's best payoff below the chosen child exceeds
  // j's equilibrium value at m (the deviation is not equilibrium-dominated).
  const best: number[][] = new Array(game.nodes.length);
  for (let n = game.nodes.length - 1; n >= 0; n--) {
    const node = game.nodes[n]!;
    const own = payoffsAt(game, n);
    best[n] = node.type === 'terminal' ? own : own.map((v, i) => v + Math.max(...node.children.map((c) => best[c]![i]!)));
  }
  const parent: number[] = new Array(game.nodes.length).fill(-1);
  game.nodes.forEach((node, n) => {
    if (node.type !== 'terminal') node.children.forEach((c) => (parent[c] = n));
  });
  // The deviator's equilibrium value at its information set (expected over its nodes under Bayes
  // beliefs, or the prior off the path) and its best payoff after each action anywhere in the set.
  const membersOf = new Map<number, number[]>();
  game.nodes.forEach((node, n) => {
    if (node.type === 'decision') membersOf.set(node.infoset, [...(membersOf.get(node.infoset) ?? []), n]);
  });
  const infosetValue = (m: number, j: number): number => {
    const nodes = membersOf.get((game.nodes[m] as { infoset: number }).infoset)!;
    const reach = reachByPlayer[j]!;
    let w = nodes.map((n) => reach[n]!);
    if (w.reduce((t, x) => t + x, 0) <= EPS) w = nodes.map((n) => chanceReach[n]!);
    const tot = w.reduce((t, x) => t + x, 0);
    return tot > 0 ? nodes.reduce((t, n, k) => t + (w[k]! / tot) * value[n]![j]!, 0) : value[m]![j]!;
  };
  const bestAfter = (m: number, child: number, j: number): number => {
    const mn = game.nodes[m] as { infoset: number; children: readonly number[] };
    const a = mn.children.indexOf(child);
    return Math.max(...membersOf.get(mn.infoset)!.map((n) => best[(game.nodes[n] as { children: readonly number[] }).children[a]!]![j]!));
  };
  const deviationMayPay: boolean[] = game.nodes.map((node, n) => {
    if (node.type !== 'decision') return true;
    const owner = game.infosets[node.infoset]!.player;
    let child = n;
    let m = parent[n]!;
    while (m >= 0) {
      const mn = game.nodes[m]!;
      if (mn.type === 'decision') {
        const j = game.infosets[mn.infoset]!.player;
        if (j !== owner) return bestAfter(m, child, j) > infosetValue(m, j) + 1e-12;
      }
      child = m;
      m = parent[m]!;
    }
    return true;
  });
  return { value, reachByPlayer, chanceReach, members, deviationMayPay };
}

/** The nodes a 'gainers' belief may weigh: those whose last move by another player may have paid it, else all. */
function gainerNodes(a: Analysis, nodes: readonly number[]): number[] {
  const kept = nodes.filter((n) => a.deviationMayPay[n] && a.chanceReach[n]! > EPS);
  return kept.length > 0 ? kept : nodes.filter((n) => a.chanceReach[n]! > EPS);
}

/**
 * The belief off the path: the prior over the nodes ('prior'), or the prior over the nodes whose
 * last move by another player may have paid it ('refined': a simplified intuitive criterion; all
 * nodes when none may); 'gainers' defines a belief only when a single node may be weighed.
 */
function offPathBelief(a: Analysis, nodes: readonly number[], policy: OffPathPolicy): number[] | undefined {
  if (policy === 'gainers') {
    const kept = gainerNodes(a, nodes);
    return kept.length === 1 ? nodes.map((n) => (n === kept[0] ? 1 : 0)) : undefined;
  }
  let weights = nodes.map((n) => a.chanceReach[n]!);
  if (policy === 'refined') {
    const kept = nodes.map((n, k) => (a.deviationMayPay[n] ? weights[k]! : 0));
    if (!kept.some((w) => w > 0)) return undefined; // nobody could gain: any belief
    weights = kept;
  }
  const total = weights.reduce((t, w) => t + w, 0);
  return weights.map((w) => w / total);
}

/** Expected value to the owner of each action at information set s, under Bayes or prior beliefs (undefined: no belief defined). */
function actionValues(game: ExtensiveFormGame, a: Analysis, s: number, offPath: OffPathBeliefs): number[] | undefined {
  const nodes = a.members.get(s) ?? [];
  const i = game.infosets[s]!.player;
  const reach = a.reachByPlayer[i]!;
  const total = nodes.reduce((t, n) => t + reach[n]!, 0);
  const priorTotal = nodes.reduce((t, n) => t + a.chanceReach[n]!, 0);
  let mu: number[];
  if (total > EPS) mu = nodes.map((n) => reach[n]! / total);
  else if (priorTotal <= EPS || nodes.length === 1) mu = nodes.map((_, k) => (k === 0 ? 1 : 0)); // payoff-irrelevant: a vertex
  else {
    const policy = policyAt(offPath, game.infosets[s]!.label);
    const belief = policy === 'any' ? undefined : offPathBelief(a, nodes, policy);
    if (!belief) return undefined;
    mu = belief;
  }
  return game.infosets[s]!.actions.map((_, act) =>
    nodes.reduce((t, n, k) => t + mu[k]! * a.value[(game.nodes[n] as { children: readonly number[] }).children[act]!]![i]!, 0),
  );
}

export function checkSequentialRationality(
  game: ExtensiveFormGame,
  profile: readonly (readonly number[])[],
  offPath: OffPathBeliefs = 'prior',
): SequentialCheck {
  const layout = behaviorLayout(game);
  const analysis = analyse(game, profile);
  const { value, reachByPlayer, chanceReach, members } = analysis;
  const failures: string[] = [];
  for (const [s, allNodes] of members) {
    // Beliefs never weigh nodes that chance itself rules out (consistency).
    const possible = allNodes.filter((n) => chanceReach[n]! > EPS);
    // A set that chance never reaches (a type with prior 0) cannot affect any payoff: not checked.
    if (possible.length === 0) continue;
    const nodes = possible;
    const info = game.infosets[s]!;
    const i = info.player;
    const off = layout.offset[s]!;
    const played = info.actions.map((_, a) => profile[i]![off + a]! > EPS);
    // q[n][a] = value to i of action a at node n
    const q = nodes.map((n) => game.nodes[n]!.type === 'terminal' ? [] : (game.nodes[n] as { children: readonly number[] }).children.map((c) => value[c]![i]! + payoffsAt(game, n)[i]!));
    // Bayes' rule from the other players' strategies and chance (the owner's own moves are the
    // same on the way to every node of the set, by perfect recall).
    const reach = reachByPlayer[i]!;
    const total = nodes.reduce((t, n) => t + reach[n]!, 0);
    const priorTotal = nodes.reduce((t, n) => t + chanceReach[n]!, 0);
    const okWith = (mu: number[]): boolean => {
      const qa = info.actions.map((_, a) => mu.reduce((t, m, k) => t + m * q[k]![a]!, 0));
      const best = Math.max(...qa);
      return qa.every((v, a) => !played[a] || v >= best - 1e-7 * Math.max(1, Math.abs(best)));
    };
    // Is there a belief over these members (indices into `nodes`) that makes the played actions optimal?
    const someBelief = (idx: readonly number[]): boolean => {
      if (idx.length === 1) return okWith(nodes.map((_, k) => (k === idx[0] ? 1 : 0)));
      if (idx.length === 2) {
        // mu = (1 - t, t) on the two members; every constraint q(a) - q(a') >= 0 is linear in t.
        const [i0, i1] = idx as [number, number];
        let lo = 0;
        let hi = 1;
        for (let a = 0; a < info.actions.length && lo <= hi; a++) {
          if (!played[a]) continue;
          for (let b = 0; b < info.actions.length; b++) {
            if (b === a) continue;
            const d0 = q[i0]![a]! - q[i0]![b]!;
            const d1 = q[i1]![a]! - q[i1]![b]!;
            // (1 - t) d0 + t d1 >= 0  <=>  d0 + t (d1 - d0) >= 0
            const slope = d1 - d0;
            if (Math.abs(slope) < 1e-15) {
              if (d0 < -1e-9) hi = -1;
            } else if (slope > 0) lo = Math.max(lo, -d0 / slope - 1e-9);
            else hi = Math.min(hi, -d0 / slope + 1e-9);
          }
        }
        return lo <= hi;
      }
      const vertex = (k: number) => nodes.map((_, j) => (j === k ? 1 : 0));
      const candidates: number[][] = idx.map(vertex);
      candidates.push(nodes.map((_, j) => (idx.includes(j) ? 1 / idx.length : 0)));
      const nPlayed = played.filter(Boolean).length;
      return nPlayed === 1 && info.actions.length === 2 ? candidates.slice(0, idx.length).some(okWith) : candidates.some(okWith);
    };
    const policy = policyAt(offPath, info.label);
    let ok: boolean;
    if (total > EPS) {
      ok = okWith(nodes.map((n) => reach[n]! / total));
    } else if ((policy === 'prior' || policy === 'refined') && priorTotal > EPS && offPathBelief(analysis, nodes, policy)) {
      ok = okWith(offPathBelief(analysis, nodes, policy)!);
    } else if (policy === 'gainers') {
      const kept = gainerNodes(analysis, nodes);
      ok = someBelief(kept.map((n) => nodes.indexOf(n)));
    } else {
      ok = someBelief(nodes.map((_, k) => k));
    }
    if (!ok) failures.push(info.label || `infoset ${s}`);
  }
  return { ok: failures.length === 0, failures };
}

/** Nash (the engine's exact-in-floating-point best-response check) and sequential rationality. */
export function isPerfectBayesian(
  game: ExtensiveFormGame,
  profile: readonly (readonly number[])[],
  offPath: OffPathBeliefs = 'prior',
  tolerance = 1e-7,
): boolean {
  return behaviorMaxGainFloat(game, profile) <= tolerance && checkSequentialRationality(game, profile, offPath).ok;
}

export interface EngineEquilibrium {
  readonly profile: number[][];
  readonly outcomes: Record<string, number>;
}

/**
 * Every pure-strategy perfect Bayesian equilibrium of a small game, found by the game engine:
 * all pure Nash equilibria of the reduced normal form, each completed at the information sets it
 * leaves open and kept when the completion is sequentially rational. One entry per reduced profile
 * that passes.
 */
export function enginePerfectBayesian(game: ExtensiveFormGame, offPath: OffPathBeliefs = 'prior'): EngineEquilibrium[] {
  const rnf = reducedNormalForm(game);
  const layout = behaviorLayout(game);
  const counts = rnf.reduced.map((r) => r.length);
  const firstNodes = new Map<number, number[]>();
  game.nodes.forEach((node, n) => {
    if (node.type !== 'terminal') firstNodes.set(node.infoset, [...(firstNodes.get(node.infoset) ?? []), n]);
  });
  const found: EngineEquilibrium[] = [];
  for (const index of pureNashProfileIndices(rnf.game)) {
    let rest = index;
    const chosen = counts.map((c, i) => {
      const k = rest % c;
      rest = Math.floor(rest / c);
      return rnf.reduced[i]![k]!;
    });
    // Open information sets (left unspecified by the reduced strategies): fill them deepest first
    // with the action that is optimal under the beliefs there, then check the whole profile.
    const profile = chosen.map((strategy, i) => {
      const flat: number[] = [];
      strategy.forEach((a, k) => {
        const nA = game.infosets[layout.infosetsOf[i]![k]!]!.actions.length;
        for (let j = 0; j < nA; j++) flat.push(j === Math.max(0, a) ? 1 : 0);
      });
      return flat;
    });
    const open: number[] = [];
    chosen.forEach((strategy, i) => strategy.forEach((a, k) => a < 0 && open.push(layout.infosetsOf[i]![k]!)));
    const depth = (s: number) => Math.max(...(firstNodes.get(s) ?? [0]));
    open.sort((x, y) => depth(y) - depth(x));
    const setAction = (s: number, act: number) => {
      const info = game.infosets[s]!;
      const off = layout.offset[s]!;
      for (let j = 0; j < info.actions.length; j++) profile[info.player]![off + j] = j === act ? 1 : 0;
    };
    // Open sets whose beliefs are free ('any', off the path) are enumerated; the others get the
    // action that is best under their beliefs, deepest first.
    const free = open.filter((s) => actionValues(game, analyse(game, profile), s, offPath) === undefined);
    const digits = new Array<number>(free.length).fill(0);
    for (;;) {
      free.forEach((s, k) => setAction(s, digits[k]!));
      // Beliefs ('refined') can depend on later choices: repeat the pass until nothing changes.
      for (let pass = 0; pass < 4; pass++) {
        let changed = false;
        for (const s of open) {
          if (free.includes(s)) continue;
          const values = actionValues(game, analyse(game, profile), s, offPath);
          if (!values) continue;
          const bestAct = values.indexOf(Math.max(...values));
          const info = game.infosets[s]!;
          if (profile[info.player]![layout.offset[s]! + bestAct] !== 1) {
            setAction(s, bestAct);
            changed = true;
          }
        }
        if (!changed) break;
      }
      if (isPerfectBayesian(game, profile, offPath)) {
        found.push({ profile: profile.map((row) => row.slice()), outcomes: outcomeDistribution(game, profile) });
        break;
      }
      let d = 0;
      while (d < free.length) {
        digits[d]!++;
        if (digits[d]! < game.infosets[free[d]!]!.actions.length) break;
        digits[d] = 0;
        d++;
      }
      if (d === free.length) break;
    }
  }
  return found;
}
