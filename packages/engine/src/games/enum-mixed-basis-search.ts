/**
 * All extreme Nash equilibria of a two-player normal form, exact, by a search over every feasible
 * basis of both best-response polytopes: the method Brink used before enum-mixed.ts, kept as the
 * independent reference the property tests compare the lexicographic reverse search with.
 *
 * Source: Avis, Rosenberg, Savani & von Stengel (2010), "Enumeration of Nash equilibria for
 * two-player games", Economic Theory 42, sec. 3; von Stengel (2002), Handbook of Game Theory 3, ch. 45.
 *
 * With payoffs shifted to be positive (which changes no equilibrium), the best-response polytopes
 *
 *   P = { x in R^m : x >= 0,  B^T x <= 1 },      Q = { y in R^n : y >= 0,  A y <= 1 }
 *
 * carry labels: x has label i when x_i = 0 and label m+j when (B^T x)_j = 1; y has label m+j when
 * y_j = 0 and label i when (A y)_i = 1. A pair of vertices (x, y) != (0, 0) is completely labelled
 * (every label in 0..m+n-1 appears in L(x) or L(y)) exactly when (x / sum x, y / sum y) is an
 * equilibrium, and these pairs are precisely the extreme equilibria (the vertices of the maximal
 * Nash subsets), also for degenerate games.
 *
 * Vertices are enumerated exactly by a graph search over the feasible bases of each polytope
 * (fraction-free integer pivoting, numeric/integer-tableau.ts): from the basis of the origin, every
 * feasible adjacent basis (entering column, any row attaining the minimum ratio) is visited once.
 * Under degeneracy a vertex has several bases; all are visited and the vertex is kept once.
 * Then the completely labelled pairs are found with bit masks of labels.
 */
import { IntegerTableau } from '../numeric/integer-tableau';
import { Rational } from '../numeric/rational';
import { bimatrix, positiveIntegerMatrix, requireTwoPlayers, strategyCounts } from './strategic';
import type { Equilibrium, NormalFormGame, SolveResult } from './types';

export interface PolytopeVertex {
  /** The vertex normalised to a probability vector over the player's strategies. */
  readonly strategy: Rational[];
  /** Bit l set when the vertex has label l. */
  readonly labels: bigint;
}

/**
 * Vertices of { z >= 0 : M z <= 1 } (M is rows x dims, entries >= 1), excluding the origin.
 * Column k < dims is z_k (label labelOfVar(k)); column dims + r is the slack of row r.
 */
function enumerateVertices(M: readonly (readonly bigint[])[], dims: number, labelOfColumn: (column: number) => number): PolytopeVertex[] {
  const rows = M.length;
  const matrix = M.map((row, r) => {
    const full = new Array<bigint>(dims + rows).fill(0n);
    row.forEach((v, k) => (full[k] = v));
    full[dims + r] = 1n;
    return full;
  });
  const start = IntegerTableau.of(
    matrix,
    new Array<bigint>(rows).fill(1n),
    Array.from({ length: rows }, (_, r) => dims + r),
  );
  const seenBases = new Set<string>();
  const seenVertices = new Set<string>();
  const vertices: PolytopeVertex[] = [];
  const keyOf = (basis: readonly number[]): string => basis.slice().sort((a, b) => a - b).join(',');
  seenBases.add(keyOf(start.basis));
  const stack: IntegerTableau[] = [start];
  const columns = dims + rows;
  while (stack.length > 0) {
    const t = stack.pop()!;
    // Record the vertex.
    const values = t.values();
    let sum = 0n;
    for (let k = 0; k < dims; k++) sum += values[k]!;
    if (sum > 0n) {
      const strategy = values.slice(0, dims).map((v) => Rational.of(v, sum));
      const key = strategy.map((v) => v.toString()).join(',');
      if (!seenVertices.has(key)) {
        seenVertices.add(key);
        let labels = 0n;
        for (let k = 0; k < columns; k++) if (values[k] === 0n) labels |= 1n << BigInt(labelOfColumn(k));
        vertices.push({ strategy, labels });
      }
    }
    // Visit every feasible adjacent basis.
    const inBasis = new Uint8Array(columns);
    for (const c of t.basis) inBasis[c] = 1;
    for (let c = 0; c < columns; c++) {
      if (inBasis[c]) continue;
      for (const r of t.minRatioRows(c)) {
        const nb = t.basis.slice();
        nb[r] = c;
        const key = keyOf(nb);
        if (seenBases.has(key)) continue;
        seenBases.add(key);
        const next = t.clone();
        next.pivot(r, c);
        stack.push(next);
      }
    }
  }
  return vertices;
}

/** Vertices of P (player 1, labels as above) and Q (player 2) of a bimatrix game. */
export function bestResponsePolytopeVertices(game: NormalFormGame): { P: PolytopeVertex[]; Q: PolytopeVertex[] } {
  const [m, n] = strategyCounts(game) as [number, number];
  const { A, B } = bimatrix(game);
  const Ai = positiveIntegerMatrix(A); // m x n
  const Bi = positiveIntegerMatrix(B); // m x n
  const BT = Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => Bi[i]![j]!));
  // P: columns x_0..x_{m-1} (labels 0..m-1), slacks s_j (label m+j).
  const P = enumerateVertices(BT, m, (c) => c);
  // Q: columns y_0..y_{n-1} (labels m..m+n-1), slacks r_i (label i).
  const Q = enumerateVertices(Ai, n, (c) => (c < n ? m + c : c - n));
  return { P, Q };
}

export function enumMixedByBasisSearch(game: NormalFormGame): SolveResult {
  requireTwoPlayers(game, 'enummixed');
  const [m, n] = strategyCounts(game) as [number, number];
  const { A, B } = bimatrix(game);
  const { P, Q } = bestResponsePolytopeVertices(game);
  const all = (1n << BigInt(m + n)) - 1n;
  const equilibria: Equilibrium[] = [];
  for (const x of P) {
    const needed = all & ~x.labels;
    for (const y of Q) {
      if ((y.labels & needed) !== needed) continue;
      let u1 = Rational.ZERO;
      let u2 = Rational.ZERO;
      for (let i = 0; i < m; i++) {
        if (x.strategy[i]!.isZero()) continue;
        for (let j = 0; j < n; j++) {
          if (y.strategy[j]!.isZero()) continue;
          const p = x.strategy[i]!.mul(y.strategy[j]!);
          u1 = u1.add(p.mul(A[i]![j]!));
          u2 = u2.add(p.mul(B[i]![j]!));
        }
      }
      equilibria.push({ profile: [x.strategy, y.strategy], payoffs: [u1, u2] });
    }
  }
  return { method: 'enummixed', complete: true, exact: true, equilibria };
}
