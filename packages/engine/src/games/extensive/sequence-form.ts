/**
 * The sequence form of a two-player extensive game with perfect recall (Koller, Megiddo & von
 * Stengel 1996, section 3; von Stengel 1996, "Efficient computation of behavior strategies").
 *
 * A sequence of player i is the empty sequence or a pair (h, a) of one of its information sets and
 * an action there; with perfect recall every node has a well-defined last own sequence. A
 * realization plan x of player 1 satisfies x >= 0 and E x = e:
 *
 *   x(empty) = 1,   sum_{a in A(h)} x(h, a) = x(parent(h))   for every information set h,
 *
 * (row 0 of E is the empty sequence, row h+1 the information set h), similarly F y = f for player
 * 2. The payoff matrices are indexed by pairs of sequences:
 *
 *   A[s][t] = sum over leaves l with last sequences (s, t) of  chance(l) * u_1(l),
 *
 * where u_1(l) is the sum of the outcomes on the path to l (outcomes on non-terminal nodes are
 * pushed down to the leaves, which leaves every expected payoff unchanged). Expected payoffs are
 * x^T A y and x^T B y.
 */
import { InputError } from '../../errors';
import { Rational } from '../../numeric/rational';
import { behaviorLayout } from '../behavior';
import type { ExtensiveFormGame } from '../types';

export interface SequenceForm {
  /** Number of sequences of each player (including the empty sequence, index 0). */
  readonly numSequences: readonly [number, number];
  /** seqBase[s] = index of the sequence (s, action 0) for an information set s of its owner; -1 for chance. */
  readonly seqBase: readonly number[];
  /** parentSeq[s] = the owner's sequence leading to information set s. */
  readonly parentSeq: readonly number[];
  /** infosetsOf[i]: game.infosets indices of player i in Gambit's order (rows 1.. of E / F). */
  readonly infosetsOf: readonly [readonly number[], readonly number[]];
  /** Leaves as (sequence of player 1, sequence of player 2, chance probability, path payoffs). */
  readonly leaves: readonly { readonly s: number; readonly t: number; readonly chance: Rational; readonly payoffs: readonly Rational[] }[];
}

export function buildSequenceForm(game: ExtensiveFormGame): SequenceForm {
  if (game.players.length !== 2) {
    throw new InputError(`the sequence form needs exactly 2 players, the game has ${game.players.length}`, { place: 'game', expected: 'a two-player game' });
  }
  const layout = behaviorLayout(game);
  const nI = game.infosets.length;
  const seqBase: number[] = new Array<number>(nI).fill(-1);
  const parentSeq: number[] = new Array<number>(nI).fill(-1);
  const numSequences: [number, number] = [1, 1];
  for (let i = 0; i < 2; i++) {
    for (const s of layout.infosetsOf[i]!) {
      seqBase[s] = numSequences[i]!;
      numSequences[i]! += game.infosets[s]!.actions.length;
    }
  }
  const n = game.nodes.length;
  const seq0 = new Int32Array(n);
  const seq1 = new Int32Array(n);
  const chance: Rational[] = new Array<Rational>(n);
  const path: (readonly Rational[])[] = new Array<readonly Rational[]>(n);
  chance[0] = Rational.ONE;
  const zero = [Rational.ZERO, Rational.ZERO];
  const leaves: { s: number; t: number; chance: Rational; payoffs: readonly Rational[] }[] = [];
  for (let v = 0; v < n; v++) {
    const node = game.nodes[v]!;
    const before = v === 0 ? zero : path[v]!;
    const here = node.outcome === undefined ? before : before.map((x, i) => x.add(game.outcomes[node.outcome!]!.payoffs[i]!));
    if (node.type === 'terminal') {
      if (!chance[v]!.isZero()) leaves.push({ s: seq0[v]!, t: seq1[v]!, chance: chance[v]!, payoffs: here });
      continue;
    }
    const info = game.infosets[node.infoset]!;
    if (info.player >= 0) {
      const own = info.player === 0 ? seq0[v]! : seq1[v]!;
      if (parentSeq[node.infoset] === -1) parentSeq[node.infoset] = own;
      else if (parentSeq[node.infoset] !== own) {
        throw new InputError(`information set "${info.label}" of player ${info.player + 1} violates perfect recall`, {
          place: `infoset ${info.number} of player ${info.player + 1}`,
          expected: 'a game with perfect recall',
        });
      }
    }
    node.children.forEach((c, a) => {
      path[c] = here;
      seq0[c] = info.player === 0 ? seqBase[node.infoset]! + a : seq0[v]!;
      seq1[c] = info.player === 1 ? seqBase[node.infoset]! + a : seq1[v]!;
      chance[c] = info.player < 0 ? chance[v]!.mul(info.probabilities![a]!) : chance[v]!;
    });
  }
  return {
    numSequences,
    seqBase,
    parentSeq,
    infosetsOf: [layout.infosetsOf[0]!, layout.infosetsOf[1]!],
    leaves,
  };
}

/** Behaviour probabilities from a realization plan: x(h,a) / x(parent(h)); uniform where unreached. */
export function behaviorFromRealization(game: ExtensiveFormGame, sf: SequenceForm, player: 0 | 1, plan: readonly Rational[]): Rational[] {
  const flat: Rational[] = [];
  for (const s of sf.infosetsOf[player]) {
    const k = game.infosets[s]!.actions.length;
    let total = Rational.ZERO;
    for (let a = 0; a < k; a++) total = total.add(plan[sf.seqBase[s]! + a]!);
    for (let a = 0; a < k; a++) flat.push(total.isZero() ? Rational.of(1, k) : plan[sf.seqBase[s]! + a]!.div(total));
  }
  return flat;
}
