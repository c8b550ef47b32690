/**
 * The reduced normal form of an extensive game (Kuhn 1953; von Stengel 1996, sec. 2).
 *
 * A reduced pure strategy of player i chooses one action at each of i's information sets that
 * i's own earlier choices do not rule out, and nothing at the others. With perfect recall, i's
 * information sets form a forest: information set J follows the sequence (I, a) when J's nodes
 * lie below action a at I with no other own move in between. Reduced strategies are then built
 * recursively: choose an action a at each root information set, and a reduced strategy for every
 * information set that follows the chosen (I, a).
 *
 * The payoff of a profile of reduced strategies is the expectation over chance of the outcomes
 * reached; it equals the payoff of any pure strategy that agrees with it. As in Gambit, a reduced
 * strategy is reported as a behaviour strategy with probability 1 on the chosen action and all
 * zeros at information sets it leaves unspecified.
 */
import { InputError } from '../errors';
import { Rational } from '../numeric/rational';
import { behaviorLayout } from './behavior';
import type { ExtensiveFormGame, NormalFormGame } from './types';

/** A reduced pure strategy: choice[k] = action at the player's k-th infoset, or -1 where unspecified. */
export type ReducedStrategy = readonly number[];

export interface ReducedNormalForm {
  readonly game: NormalFormGame;
  /** reduced[i][k] = player i's k-th reduced strategy. */
  readonly reduced: readonly (readonly ReducedStrategy[])[];
}

/** For each player's infoset (by position in its own list), the own sequence it follows: -1 root, else pos*1000+action. */
export function ownParentSequences(game: ExtensiveFormGame): { position: number[]; parent: { infoset: number; action: number }[][] } {
  const layout = behaviorLayout(game);
  const position: number[] = new Array(game.infosets.length).fill(-1);
  layout.infosetsOf.forEach((list) => list.forEach((s, k) => (position[s] = k)));
  const parent: { infoset: number; action: number }[][] = layout.infosetsOf.map((list) => list.map(() => ({ infoset: -2, action: -1 })));
  const n = game.players.length;
  // last[node][player] own last sequence; propagate in pre-order.
  const last: Int32Array[] = [];
  last[0] = new Int32Array(2 * n).fill(-1);
  for (let id = 0; id < game.nodes.length; id++) {
    const node = game.nodes[id]!;
    if (node.type === 'terminal') continue;
    const seq = last[id]!;
    const s = game.infosets[node.infoset]!;
    if (s.player >= 0) {
      const pos = position[node.infoset]!;
      const here = { infoset: seq[2 * s.player]!, action: seq[2 * s.player + 1]! };
      const known = parent[s.player]![pos]!;
      if (known.infoset === -2) parent[s.player]![pos] = here;
      else if (known.infoset !== here.infoset || known.action !== here.action) {
        throw new InputError(`the game does not have perfect recall (information set ${s.number} of player ${s.player + 1})`, {
          place: `infoset ${s.number}`,
          expected: 'a game with perfect recall',
        });
      }
    }
    node.children.forEach((c, a) => {
      const next = Int32Array.from(seq);
      if (s.player >= 0) {
        next[2 * s.player] = position[node.infoset]!;
        next[2 * s.player + 1] = a;
      }
      last[c] = next;
    });
  }
  return { position, parent };
}

/**
 * How many reduced pure strategies each player has, without listing them:
 * count(set of infosets) = product over I of sum over a of count(followers(I, a)).
 */
export function countReducedStrategies(game: ExtensiveFormGame): number[] {
  const layout = behaviorLayout(game);
  const { parent } = ownParentSequences(game);
  return layout.infosetsOf.map((list, player) => {
    const followers = new Map<string, number[]>();
    list.forEach((_, k) => {
      const p = parent[player]![k]!;
      const key = `${p.infoset}:${p.action}`;
      const arr = followers.get(key) ?? [];
      arr.push(k);
      followers.set(key, arr);
    });
    const countSet = (infosets: readonly number[]): number => {
      let product = 1;
      for (const k of infosets) {
        const nA = game.infosets[list[k]!]!.actions.length;
        let sum = 0;
        for (let a = 0; a < nA; a++) sum += countSet(followers.get(`${k}:${a}`) ?? []);
        product *= sum;
      }
      return product;
    };
    return countSet(followers.get('-1:-1') ?? []);
  });
}

/** Every reduced pure strategy of every player. */
export function reducedStrategies(game: ExtensiveFormGame): ReducedStrategy[][] {
  const layout = behaviorLayout(game);
  const { parent } = ownParentSequences(game);
  return layout.infosetsOf.map((list, player) => {
    const count = list.length;
    const followers = (infoset: number, action: number): number[] => {
      const out: number[] = [];
      for (let k = 0; k < count; k++) {
        const p = parent[player]![k]!;
        if (p.infoset === infoset && p.action === action) out.push(k);
      }
      return out;
    };
    // Cartesian product over a set of infosets of (action, sub-strategies).
    const expand = (infosets: number[]): number[][] => {
      let partial: number[][] = [new Array<number>(count).fill(-1)];
      for (const k of infosets) {
        const nA = game.infosets[list[k]!]!.actions.length;
        const next: number[][] = [];
        for (const base of partial) {
          for (let a = 0; a < nA; a++) {
            for (const sub of expand(followers(k, a))) {
              const merged = base.slice();
              merged[k] = a;
              sub.forEach((v, idx) => {
                if (v >= 0) merged[idx] = v;
              });
              next.push(merged);
            }
          }
        }
        partial = next;
      }
      return partial;
    };
    return expand(followers(-1, -1));
  });
}

/** Builds the reduced normal form; strategy labels are the chosen action numbers (1-based, `*` unspecified). */
export function reducedNormalForm(game: ExtensiveFormGame, options: { maxWork?: number } = {}): ReducedNormalForm {
  // Each pure profile costs a walk of the tree: refuse games whose reduced form is far too large.
  const maxWork = options.maxWork ?? 5e8;
  const counts0 = countReducedStrategies(game);
  const profiles = counts0.reduce((p, c) => p * c, 1);
  if (profiles * game.nodes.length > maxWork) {
    throw new InputError(
      `the reduced normal form is too large (${counts0.join(' x ')} = ${profiles.toExponential(2)} pure profiles on ${game.nodes.length} nodes)`,
      { place: 'game', expected: 'a smaller game, or a method that works on the tree (spe, lcp)' },
    );
  }
  const reduced = reducedStrategies(game);
  const layout = behaviorLayout(game);
  const n = game.players.length;
  const position: number[] = new Array(game.infosets.length).fill(-1);
  layout.infosetsOf.forEach((list) => list.forEach((s, k) => (position[s] = k)));
  const counts = reduced.map((r) => r.length);
  const cells = counts.reduce((p, c) => p * c, 1);
  const payoffs: Rational[][] = [];
  const digits = new Array<number>(n).fill(0);
  for (let cell = 0; cell < cells; cell++) {
    const total: Rational[] = Array.from({ length: n }, () => Rational.ZERO);
    // Walk the tree following the players' choices and chance's probabilities.
    const stack: { node: number; p: Rational }[] = [{ node: 0, p: Rational.ONE }];
    while (stack.length > 0) {
      const { node: id, p } = stack.pop()!;
      const node = game.nodes[id]!;
      if (node.outcome !== undefined) {
        const pay = game.outcomes[node.outcome]!.payoffs;
        for (let i = 0; i < n; i++) total[i] = total[i]!.add(p.mul(pay[i]!));
      }
      if (node.type === 'terminal') continue;
      const s = game.infosets[node.infoset]!;
      if (s.player < 0) {
        node.children.forEach((c, a) => {
          const q = s.probabilities![a]!;
          if (!q.isZero()) stack.push({ node: c, p: p.mul(q) });
        });
      } else {
        const a = reduced[s.player]![digits[s.player]!]![position[node.infoset]!]!;
        stack.push({ node: node.children[a]!, p });
      }
    }
    payoffs.push(total);
    for (let i = 0; i < n; i++) {
      digits[i]!++;
      if (digits[i]! < counts[i]!) break;
      digits[i] = 0;
    }
  }
  const nfg: NormalFormGame = {
    kind: 'nfg',
    title: game.title,
    players: game.players,
    strategies: reduced.map((list) => list.map((r) => r.map((a) => (a < 0 ? '*' : String(a + 1))).join(''))),
    payoffs,
  };
  return { game: nfg, reduced };
}

/** A reduced strategy as Gambit prints it: 1 on the chosen action, all zeros where unspecified. */
export function reducedToBehavior(game: ExtensiveFormGame, player: number, strategy: ReducedStrategy): Rational[] {
  const layout = behaviorLayout(game);
  const out: Rational[] = [];
  layout.infosetsOf[player]!.forEach((s, k) => {
    const nA = game.infosets[s]!.actions.length;
    for (let a = 0; a < nA; a++) out.push(strategy[k] === a ? Rational.ONE : Rational.ZERO);
  });
  return out;
}
