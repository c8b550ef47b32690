/**
 * A generated two-player crisis-signalling game with private types: the family of imperfect-
 * information trees the sequence-form solver is benchmarked and tested on, and a template for
 * crises with several rounds of signalling.
 *
 * Structure (a Bayesian game in extensive form, Harsanyi 1967-68; the signalling rounds follow the
 * escalation games of Fearon 1994 and the two-sided incomplete-information crisis models surveyed
 * by Kilgour & Zagare 1991):
 * - chance draws the challenger's type (one of K1) and the defender's type (one of K2), uniformly
 *   or by seeded random weights; each player sees only its own type;
 * - then the players move alternately, challenger first, for L moves in all: each move is
 *   "concede" (the game ends, the mover backs down) or one of A - 1 signals (escalate, hold, ...)
 *   that both players observe;
 * - after L moves without a concession the crisis ends in a showdown.
 * Information sets are (own type, public history), so the game has perfect recall.
 *
 * Payoffs ('crisis'): each type t of player i has a seeded value of the stake s_i(t) in [20, 100]
 * and a military strength m_i(t) in [1, 10]; signal k (k = 1 escalate, 2 hold, ...) costs its
 * mover c_k = 2 / k per use, times the round. A player who concedes gets minus its own costs, the
 * other gets its stake minus its costs; at the showdown the challenger wins with probability
 * p = m_1 / (m_1 + m_2) and each side pays a war cost of 15:
 *
 *   u_1 = p s_1 - 15 - costs_1,   u_2 = (1 - p) s_2 - 15 - costs_2   (rounded to integers).
 *
 * 'random': independent seeded integers per leaf (a family without structure, much harder for
 * pivoting methods).
 *
 * Size: with H(0) = 1 and H(l) = 2 + (A - 1) H(l - 1) nodes in one public history tree, the game
 * has 1 + K1 K2 H(L) nodes (one chance node at the root).
 */
import { createRng } from '../random/rng';
import { Rational } from '../numeric/rational';
import { CHANCE, type ExtensiveFormGame, type GameNode, type Infoset, type Outcome } from './types';

export interface SignallingGameOptions {
  /** Types of the challenger and of the defender. */
  readonly types: readonly [number, number];
  /** Moves in all (alternating, challenger first). */
  readonly moves: number;
  /** Actions per move: "concede" and actions - 1 signals (default 3). */
  readonly actions?: number;
  /**
   * 'crisis' (default): payoffs from the crisis model below; 'random': independent random integers
   * in [-payoffRange, payoffRange] at every leaf (no structure at all).
   */
  readonly payoffs?: 'crisis' | 'random';
  /** Range of the random payoffs (default 99). */
  readonly payoffRange?: number;
  readonly seed: string | number;
}

/** Nodes of the game the options describe (without building it). */
export function signallingGameSize(options: Pick<SignallingGameOptions, 'types' | 'moves' | 'actions'>): number {
  const a = options.actions ?? 3;
  let h = 1;
  for (let l = 1; l <= options.moves; l++) h = 2 + (a - 1) * h;
  return 1 + options.types[0] * options.types[1] * h;
}

export function generateSignallingGame(options: SignallingGameOptions): ExtensiveFormGame {
  const [k1, k2] = options.types;
  const moves = options.moves;
  const a = options.actions ?? 3;
  const range = options.payoffRange ?? 99;
  const structured = (options.payoffs ?? 'crisis') === 'crisis';
  if (!(Number.isInteger(k1) && Number.isInteger(k2) && k1 >= 1 && k2 >= 1 && Number.isInteger(moves) && moves >= 1 && Number.isInteger(a) && a >= 2)) {
    throw new RangeError('generateSignallingGame: types >= 1, moves >= 1 and actions >= 2 must be integers');
  }
  const rng = createRng(`signalling:${String(options.seed)}`);
  const stake = [Array.from({ length: k1 }, () => 20 + rng.int(81)), Array.from({ length: k2 }, () => 20 + rng.int(81))];
  const strength = [Array.from({ length: k1 }, () => 1 + rng.int(10)), Array.from({ length: k2 }, () => 1 + rng.int(10))];
  const signals = Array.from({ length: a - 1 }, (_, k) => (k === 0 ? 'escalate' : k === 1 ? 'hold' : `signal ${k + 1}`));
  const nodes: GameNode[] = [];
  const infosets: Infoset[] = [];
  const outcomes: Outcome[] = [];
  const infosetOf = new Map<string, number>();
  const numberOf = [0, 0];
  const pairs = k1 * k2;
  infosets.push({
    number: 1,
    player: CHANCE,
    label: 'types',
    actions: Array.from({ length: pairs }, (_, p) => `c${Math.floor(p / k2) + 1} d${(p % k2) + 1}`),
    probabilities: Array.from({ length: pairs }, () => Rational.of(1, pairs)),
  });
  /** Payoffs at a leaf: `conceder` is 0 or 1, or -1 for the showdown; `costs` are each side's signalling costs. */
  const leaf = (label: string, types: readonly number[], conceder: number, costs: readonly number[]): number => {
    const id = nodes.length;
    let payoffs: Rational[];
    if (!structured) {
      payoffs = [Rational.fromInt(rng.int(2 * range + 1) - range), Rational.fromInt(rng.int(2 * range + 1) - range)];
    } else if (conceder >= 0) {
      const winner = 1 - conceder;
      payoffs = [0, 1].map((i) => Rational.fromInt(Math.round((i === winner ? stake[i]![types[i]!]! : 0) - costs[i]!)));
    } else {
      const m1 = strength[0]![types[0]!]!;
      const m2 = strength[1]![types[1]!]!;
      const p = m1 / (m1 + m2);
      payoffs = [
        Rational.fromInt(Math.round(p * stake[0]![types[0]!]! - 15 - costs[0]!)),
        Rational.fromInt(Math.round((1 - p) * stake[1]![types[1]!]! - 15 - costs[1]!)),
      ];
    }
    outcomes.push({ number: outcomes.length + 1, label, payoffs });
    nodes.push({ type: 'terminal', label, outcome: outcomes.length - 1 });
    return id;
  };
  const root = { type: 'chance' as const, label: 'types', infoset: 0, children: [] as number[] };
  nodes.push(root);
  // Pre-order construction; the recursion is only `moves` deep.
  for (let p = 0; p < pairs; p++) {
    const types = [Math.floor(p / k2), p % k2];
    const build = (history: string, depth: number, costs: readonly number[]): number => {
      if (depth === moves) return leaf(`showdown ${history}`, types, -1, costs);
      const player = depth % 2;
      const key = `${player}:${types[player]}:${history}`;
      let infoset = infosetOf.get(key);
      if (infoset === undefined) {
        infoset = infosets.length;
        infosetOf.set(key, infoset);
        infosets.push({
          number: ++numberOf[player]!,
          player,
          label: `${player === 0 ? 'challenger' : 'defender'} type ${types[player]! + 1} after ${history || 'start'}`,
          actions: ['concede', ...signals],
        });
      }
      const id = nodes.length;
      const node = { type: 'decision' as const, label: history, infoset, children: [] as number[] };
      nodes.push(node);
      node.children.push(leaf(`${player === 0 ? 'challenger' : 'defender'} concedes ${history}`, types, player, costs));
      const round = Math.floor(depth / 2) + 1;
      for (let s = 0; s < a - 1; s++) {
        const next = costs.slice();
        next[player] = next[player]! + (2 / (s + 1)) * round;
        node.children.push(build(history + (history ? ' ' : '') + signals[s]!.slice(0, 3), depth + 1, next));
      }
      return id;
    };
    root.children.push(build('', 0, [0, 0]));
  }
  return { kind: 'efg', title: `crisis signalling game (${k1} x ${k2} types, ${moves} moves)`, players: ['Challenger', 'Defender'], nodes, infosets, outcomes };
}
