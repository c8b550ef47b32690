/**
 * Behaviour profiles of an extensive form: layout, expected payoffs, and the exact Nash check.
 *
 * A behaviour profile gives, for each player i, a flat list: information set by information set
 * (in order of first appearance in the pre-order walk, as Gambit prints them), actions in file
 * order. Expected payoffs (Kuhn 1953; Osborne & Rubinstein 1994, ch. 11):
 *
 *   u_i(b) = sum over nodes h with an outcome of  P_b(h) * u_i(outcome(h)),
 *   P_b(h) = product over the moves on the path to h of b(I, a) (players) or p(a) (chance).
 *
 * Best response with perfect recall (dynamic programming over the player's own information sets):
 * walk the tree carrying w(h), the reach probability due to chance and the other players, and the
 * player's own last sequence s(h) = (I, a). Let D(s) = sum of w(h) u_i(h) over outcome nodes whose
 * own last sequence is s, and children(s) the player's information sets whose nodes directly follow s.
 *
 *   V(I) = max_a Q(I, a),   Q(I, a) = D((I, a)) + sum over J in children((I, a)) of V(J),
 *   BR_i = D(root) + sum over J in children(root) of V(J).
 *
 * The maximal gain from deviating is max_i (BR_i - u_i(b)); b is a Nash equilibrium exactly when it
 * is <= 0 (in exact arithmetic) or within a tolerance (floating point).
 */
import { type Field, FloatField, RationalField } from '../numeric/field';
import { Rational } from '../numeric/rational';
import type { ExtensiveFormGame } from './types';

/** For each player, the game.infosets indices it owns (first-appearance order) and offsets into its flat list. */
export interface BehaviorLayout {
  /** infosetsOf[i] = indices into game.infosets owned by player i, in Gambit's order. */
  readonly infosetsOf: readonly (readonly number[])[];
  /** offset[s] = position of infoset s's first action in its player's flat list (-1 for chance). */
  readonly offset: readonly number[];
  /** length[i] = size of player i's flat list. */
  readonly length: readonly number[];
  /** shape[i] = action counts of player i's infosets (as the conformance `shape` field). */
  readonly shape: readonly (readonly number[])[];
}

const layoutCache = new WeakMap<ExtensiveFormGame, BehaviorLayout>();

export function behaviorLayout(game: ExtensiveFormGame): BehaviorLayout {
  const cached = layoutCache.get(game);
  if (cached) return cached;
  const infosetsOf: number[][] = game.players.map(() => []);
  const offset: number[] = [];
  const length: number[] = game.players.map(() => 0);
  game.infosets.forEach((s, idx) => {
    if (s.player < 0) {
      offset.push(-1);
      return;
    }
    infosetsOf[s.player]!.push(idx);
    offset.push(length[s.player]!);
    length[s.player]! += s.actions.length;
  });
  const shape = infosetsOf.map((list) => list.map((s) => game.infosets[s]!.actions.length));
  const layout = { infosetsOf, offset, length, shape };
  layoutCache.set(game, layout);
  return layout;
}

/** Splits a flat per-player list into one list per information set. */
export function splitByInfoset<T>(game: ExtensiveFormGame, player: number, flat: readonly T[]): T[][] {
  const layout = behaviorLayout(game);
  return layout.infosetsOf[player]!.map((s) => {
    const o = layout.offset[s]!;
    return flat.slice(o, o + game.infosets[s]!.actions.length);
  });
}

function actionProb<T>(F: Field<T>, game: ExtensiveFormGame, layout: BehaviorLayout, profile: readonly (readonly T[])[], infoset: number, action: number): T {
  const s = game.infosets[infoset]!;
  if (s.player < 0) return F.fromRational(s.probabilities![action]!);
  return profile[s.player]![layout.offset[infoset]! + action]!;
}

/** Expected payoff of every player under a behaviour profile (generic over the field). */
export function behaviorPayoffsIn<T>(F: Field<T>, game: ExtensiveFormGame, profile: readonly (readonly T[])[]): T[] {
  const layout = behaviorLayout(game);
  const n = game.players.length;
  const total: T[] = Array.from({ length: n }, () => F.zero);
  const reach: T[] = new Array(game.nodes.length);
  reach[0] = F.one;
  // Nodes are in pre-order, so a parent is always visited before its children.
  for (let id = 0; id < game.nodes.length; id++) {
    const node = game.nodes[id]!;
    const p = reach[id]!;
    if (node.outcome !== undefined && F.sign(p) !== 0) {
      const pay = game.outcomes[node.outcome]!.payoffs;
      for (let i = 0; i < n; i++) total[i] = F.add(total[i]!, F.mul(p, F.fromRational(pay[i]!)));
    }
    if (node.type !== 'terminal') {
      node.children.forEach((c, a) => {
        reach[c] = F.sign(p) === 0 ? F.zero : F.mul(p, actionProb(F, game, layout, profile, node.infoset, a));
      });
    }
  }
  return total;
}

/** The value of player's best response against the others' behaviour in `profile`. */
export function bestResponseValueIn<T>(F: Field<T>, game: ExtensiveFormGame, profile: readonly (readonly T[])[], player: number): T {
  const layout = behaviorLayout(game);
  const nI = game.infosets.length;
  // Sequence ids: 0 = root sequence; infoset s, action a -> seqBase[s] + a.
  const seqBase: number[] = new Array(nI).fill(-1);
  let nSeq = 1;
  for (const s of layout.infosetsOf[player]!) {
    seqBase[s] = nSeq;
    nSeq += game.infosets[s]!.actions.length;
  }
  const direct: T[] = Array.from({ length: nSeq }, () => F.zero);
  const parentSeq: number[] = new Array(nI).fill(-1);
  const weight: T[] = new Array(game.nodes.length);
  const seqOf: number[] = new Array(game.nodes.length);
  weight[0] = F.one;
  seqOf[0] = 0;
  for (let id = 0; id < game.nodes.length; id++) {
    const node = game.nodes[id]!;
    const w = weight[id]!;
    const seq = seqOf[id]!;
    const live = F.sign(w) !== 0;
    if (node.outcome !== undefined && live) {
      direct[seq] = F.add(direct[seq]!, F.mul(w, F.fromRational(game.outcomes[node.outcome]!.payoffs[player]!)));
    }
    if (node.type === 'terminal') continue;
    const s = game.infosets[node.infoset]!;
    if (s.player === player) {
      if (parentSeq[node.infoset] === -1) parentSeq[node.infoset] = seq;
      node.children.forEach((c, a) => {
        weight[c] = w;
        seqOf[c] = seqBase[node.infoset]! + a;
      });
    } else {
      node.children.forEach((c, a) => {
        weight[c] = live ? F.mul(w, actionProb(F, game, layout, profile, node.infoset, a)) : F.zero;
        seqOf[c] = seq;
      });
    }
  }
  const q = direct.slice();
  const own = layout.infosetsOf[player]!;
  for (let k = own.length - 1; k >= 0; k--) {
    const s = own[k]!;
    const nA = game.infosets[s]!.actions.length;
    let best = q[seqBase[s]!]!;
    for (let a = 1; a < nA; a++) {
      const v = q[seqBase[s]! + a]!;
      if (F.cmp(v, best) > 0) best = v;
    }
    const ps = parentSeq[s]!;
    if (ps >= 0) q[ps] = F.add(q[ps]!, best);
  }
  return q[0]!;
}

/** max over players of (best-response value - current payoff); <= 0 exactly for an equilibrium. */
export function behaviorMaxGainIn<T>(F: Field<T>, game: ExtensiveFormGame, profile: readonly (readonly T[])[]): T {
  const pay = behaviorPayoffsIn(F, game, profile);
  let worst: T | undefined;
  for (let i = 0; i < game.players.length; i++) {
    const gain = F.sub(bestResponseValueIn(F, game, profile, i), pay[i]!);
    if (worst === undefined || F.cmp(gain, worst) > 0) worst = gain;
  }
  return worst ?? F.zero;
}

export function behaviorPayoffs(game: ExtensiveFormGame, profile: readonly (readonly Rational[])[]): Rational[] {
  return behaviorPayoffsIn(RationalField, game, profile);
}

export function behaviorPayoffsFloat(game: ExtensiveFormGame, profile: readonly (readonly number[])[]): number[] {
  return behaviorPayoffsIn(FloatField, game, profile);
}

/** Exact maximal gain from a unilateral deviation (Rational). */
export function behaviorMaxGain(game: ExtensiveFormGame, profile: readonly (readonly Rational[])[]): Rational {
  return behaviorMaxGainIn(RationalField, game, profile);
}

export function behaviorMaxGainFloat(game: ExtensiveFormGame, profile: readonly (readonly number[])[]): number {
  return behaviorMaxGainIn(FloatField, game, profile);
}

/** Exact check: no player gains by deviating. */
export function isBehaviorNash(game: ExtensiveFormGame, profile: readonly (readonly Rational[])[]): boolean {
  return behaviorMaxGain(game, profile).sign() <= 0;
}

/** Floating-point check within `tolerance` (default 1e-6, the conformance tolerance). */
export function isBehaviorNashFloat(game: ExtensiveFormGame, profile: readonly (readonly number[])[], tolerance = 1e-6): boolean {
  return behaviorMaxGainFloat(game, profile) <= tolerance;
}

/** Converts a profile of Rationals or numbers to numbers. */
export function profileToNumbers(profile: readonly (readonly (Rational | number)[])[]): number[][] {
  return profile.map((row) => row.map((x) => (typeof x === 'number' ? x : x.toNumber())));
}
