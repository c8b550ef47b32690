/**
 * One Nash equilibrium of a two-player extensive game with perfect recall, in behaviour
 * strategies, from the sequence-form linear complementarity problem solved by Lemke's algorithm
 * on a dense exact tableau (Gambit's `gambit-lcp` on an `.efg` file). This was Brink's `lcp` for
 * trees before sequence-form-lcp.ts (the sparse revised form); it stays as the exact reference
 * for tests and as the `dense` option, and it costs O(N^2) memory for N sequences and infosets.
 *
 * Sources: Koller, Megiddo & von Stengel (1996), "Efficient computation of equilibria for
 * extensive two-person games", Games and Economic Behavior 14, sections 3-4; von Stengel (1996),
 * Games and Economic Behavior 14; Gambit's NashLcpBehaviorSolver (tableau layout with nonnegative
 * information-set values and costs made positive).
 *
 * With sequence-form payoffs A, B and constraints E x = e, F y = f (extensive/sequence-form.ts),
 * let m > every leaf payoff and use positive costs C = m*L - A, D = m*L - B (L[s][t] = chance mass
 * of the leaves with last sequences (s, t)); since x^T L y = 1 for every pair of realization plans,
 * minimising x^T C y is maximising x^T A y. The LCP in z = (x, y, u, v) >= 0 is
 *
 *   w_x = C y   - E^T u >= 0,   x ⊥ w_x     (player 1's best-response conditions; u = costs-to-go)
 *   w_y = D^T x - F^T v >= 0,   y ⊥ w_y
 *   w_u = E x - e       >= 0,   u ⊥ w_u
 *   w_v = F y - f       >= 0,   v ⊥ w_v
 *
 * solved by Lemke's algorithm with covering vector d = 1 (extensive/lemke.ts). The behaviour
 * strategy is b(h, a) = x(h, a) / sum_a' x(h, a'); where that sum is 0 (an information set the
 * player's own plan does not reach) the distribution is uniform. The result is checked with the
 * exact best-response test before it is returned.
 */
import { Rational } from '../numeric/rational';
import { behaviorMaxGain, behaviorPayoffs } from './behavior';
import { lemke } from '../numeric/lemke';
import { behaviorFromRealization, buildSequenceForm } from './extensive/sequence-form';
import type { ExtensiveFormGame, SolveResult } from './types';

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

export function solveSequenceFormLcpDense(game: ExtensiveFormGame): SolveResult {
  const sf = buildSequenceForm(game);
  const [n1, n2] = sf.numSequences;
  const k1 = sf.infosetsOf[0].length + 1;
  const k2 = sf.infosetsOf[1].length + 1;
  // Costs per pair of sequences, in exact rationals, then scaled to integers.
  let m = Rational.ZERO;
  for (const leaf of sf.leaves) for (const p of leaf.payoffs) if (p.gt(m)) m = p;
  m = m.add(Rational.ONE);
  const C: Rational[][] = Array.from({ length: n1 }, () => new Array<Rational>(n2).fill(Rational.ZERO));
  const D: Rational[][] = Array.from({ length: n1 }, () => new Array<Rational>(n2).fill(Rational.ZERO));
  for (const leaf of sf.leaves) {
    C[leaf.s]![leaf.t] = C[leaf.s]![leaf.t]!.add(leaf.chance.mul(m.sub(leaf.payoffs[0]!)));
    D[leaf.s]![leaf.t] = D[leaf.s]![leaf.t]!.add(leaf.chance.mul(m.sub(leaf.payoffs[1]!)));
  }
  let lcm = 1n;
  for (const M of [C, D]) for (const row of M) for (const x of row) lcm = (lcm / gcd(lcm, x.den)) * x.den;
  const toInt = (x: Rational): bigint => (x.num * lcm) / x.den;

  const N = n1 + n2 + k1 + k2;
  const X = 0;
  const Y = n1;
  const U = n1 + n2;
  const V = n1 + n2 + k1;
  const M: bigint[][] = Array.from({ length: N }, () => new Array<bigint>(N).fill(0n));
  const q: bigint[] = new Array<bigint>(N).fill(0n);
  for (let s = 0; s < n1; s++) for (let t = 0; t < n2; t++) {
    M[X + s]![Y + t] = toInt(C[s]![t]!);
    M[Y + t]![X + s] = toInt(D[s]![t]!);
  }
  // E (rows U..): row 0: x(empty) = 1; row h+1: -x(parent(h)) + sum_a x(h,a) = 0. E^T enters with a minus sign.
  const constraint = (rowBase: number, colBase: number, player: 0 | 1): void => {
    M[rowBase]![colBase] = 1n;
    M[colBase]![rowBase] = -1n;
    q[rowBase] = -1n;
    sf.infosetsOf[player].forEach((s, h) => {
      const row = rowBase + h + 1;
      const par = colBase + sf.parentSeq[s]!;
      M[row]![par] = -1n;
      M[par]![row] = 1n;
      for (let a = 0; a < game.infosets[s]!.actions.length; a++) {
        const col = colBase + sf.seqBase[s]! + a;
        M[row]![col] = 1n;
        M[col]![row] = -1n;
      }
    });
  };
  constraint(U, X, 0);
  constraint(V, Y, 1);
  const d = new Array<bigint>(N).fill(1n);
  const { z } = lemke(M, q, d);
  if (z === undefined) {
    throw new Error('sequence-form LCP: Lemke path ended on a ray (should not happen for a game with perfect recall)');
  }
  const profile = [behaviorFromRealization(game, sf, 0, z.slice(X, X + n1)), behaviorFromRealization(game, sf, 1, z.slice(Y, Y + n2))];
  const gain = behaviorMaxGain(game, profile);
  if (gain.sign() > 0) {
    throw new Error(`sequence-form LCP: the computed profile is not an equilibrium (a player gains ${gain.toString()})`);
  }
  return { method: 'lcp', complete: false, exact: true, equilibria: [{ profile, payoffs: behaviorPayoffs(game, profile) }] };
}

