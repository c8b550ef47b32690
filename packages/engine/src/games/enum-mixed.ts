/**
 * All extreme Nash equilibria of a two-player normal form (Gambit's `enummixed`, lrslib's
 * `lrsnash`), exact, by lexicographic reverse search over one best-response polytope and, for each
 * of its vertices, the face of the other polytope that completes its labels.
 *
 * Source: Avis, Rosenberg, Savani & von Stengel (2010), "Enumeration of Nash equilibria for
 * two-player games", Economic Theory 42, sec. 3 (labels, extreme equilibria), sec. 5 (lrsnash:
 * reverse search on P, and for each vertex x the vertices of Q with the complementary labels),
 * sec. 6 (maximal Nash subsets, components); von Stengel (2002), Handbook of Game Theory 3, ch. 45.
 *
 * With payoffs shifted to positive integers (no equilibrium changes), player 1's and player 2's
 * best-response polytopes are
 *
 *   P = { x in R^m : x >= 0,  B^T x <= 1 },      Q = { y in R^n : y >= 0,  A y <= 1 }.
 *
 * x has label i when x_i = 0 and label m+j when (B^T x)_j = 1; y has label m+j when y_j = 0 and
 * label i when (A y)_i = 1. The extreme equilibria are exactly the completely labelled vertex pairs
 * (x, y) != (0, 0), normalised (x / sum x, y / sum y); this holds for degenerate games too.
 *
 * The enumerated polytope is the one of the player with fewer strategies, called "own" below:
 * { x >= 0 : G x <= 1 } with G = B^T (player 1) or A (player 2), every vertex of it found by the
 * certified lexicographic reverse search of numeric/polytope-vertices.ts. For a vertex x with
 * support S and tight rows J (the other player's best responses), the partners are the vertices y
 * of the other polytope { y >= 0 : H y <= 1 } (H = A or B^T) with
 *
 *   y_j = 0 for j not in J,    (H y)_i = 1 for i in S.
 *
 * When x is nondegenerate, |S| = |J| and, if H[S, J] is nonsingular, y is the one solution of
 * H[S, J] y_J = 1, which is a partner when y_J >= 0 and (H y)_i <= 1 off S; the system is solved in
 * floating point with a certified error bound (numeric/certified-solve.ts) and exactly (BigInt)
 * when the bound cannot decide. Otherwise (x degenerate, or H[S, J] singular: a continuum) the
 * partners are the vertices of the face, found as the vertices of { y_J >= 0 : H[:, J] y_J <= 1 }
 * (reverse search again, cached per J) whose tight rows contain S. Every reported coordinate is
 * exact (BigInt solves of the final bases).
 *
 * Structure of the set (sec. 6): the extreme equilibria are the edges of a bipartite graph between
 * the players' extreme strategies; its maximal bicliques X' x Y' are the maximal Nash subsets
 * conv(X') x conv(Y') (maximal convex sets of equilibria), and its connected components are the
 * components of the set of equilibria (a component with several extreme equilibria is a continuum).
 */
import { solveCertified } from '../numeric/certified-solve';
import { solveIntegerSystem } from '../numeric/exact-linear';
import { forEachPolytopeVertex, polytopeVertices, vertexCoordinates, type PolytopeMatrix, type PolytopeVertex } from '../numeric/polytope-vertices';
import { Rational } from '../numeric/rational';
import { bimatrix, positiveIntegerMatrix, requireTwoPlayers, strategyCounts } from './strategic';
import type { Equilibrium, EquilibriumSets, NormalFormGame, SolveResult } from './types';

export interface EnumMixedStats {
  /** Lex-positive bases of the enumerated polytope (the reverse-search tree's nodes). */
  readonly bases: number;
  /** Bases whose pivoting decisions needed exact arithmetic. */
  readonly exactBases: number;
  /** Bases where the propagated floating-point error bound was refreshed by an a posteriori one. */
  readonly boundRefreshes: number;
  /** Vertices of the enumerated polytope (without the origin). */
  readonly vertices: number;
  /** Faces of the other polytope enumerated for degenerate vertices or singular systems. */
  readonly faceEnumerations: number;
}

export interface EnumMixedResult extends SolveResult {
  readonly sets: EquilibriumSets;
  readonly stats: EnumMixedStats;
}

/** Cap on the maximal Nash subsets listed (their number can grow exponentially in degenerate games). */
const MAX_SUBSETS = 10_000;

export function enumMixed(game: NormalFormGame): EnumMixedResult {
  requireTwoPlayers(game, 'enummixed');
  const [m, n] = strategyCounts(game) as [number, number];
  const { A, B } = bimatrix(game);
  const Ai = positiveIntegerMatrix(A); // m x n
  const Bi = positiveIntegerMatrix(B); // m x n
  const BT = transpose(Bi); // n x m
  // Own = the player with fewer strategies (player 1 on ties, as lrsnash).
  const ownIsPlayer1 = m <= n;
  const G = ownIsPlayer1 ? BT : Ai; // rows: other's strategies, columns: own strategies
  const H = ownIsPlayer1 ? Ai : BT; // rows: own strategies, columns: other's strategies
  const D = G[0]!.length; // own strategies
  const R = G.length; // other's strategies
  const ownMatrix: PolytopeMatrix = { rows: R, dims: D, exact: G };
  const Hf = floatMatrix(H);

  const found: { own: Rational[]; other: Rational[] }[] = [];
  const faceCache = new Map<string, { matrix: PolytopeMatrix; vertices: PolytopeVertex[] }>();
  let faceEnumerations = 0;
  let vertices = 0;

  const record = (x: PolytopeVertex, y: Rational[]): void => {
    found.push({ own: normalise(vertexCoordinates(ownMatrix, x.basis)), other: normalise(y) });
  };

  const facePartners = (x: PolytopeVertex): void => {
    const J = x.tightRows;
    const key = J.join(',');
    let face = faceCache.get(key);
    if (!face) {
      const matrix: PolytopeMatrix = { rows: D, dims: J.length, exact: H.map((row) => J.map((j) => row[j]!)) };
      face = { matrix, vertices: polytopeVertices(matrix) };
      faceCache.set(key, face);
      faceEnumerations++;
    }
    for (const y of face.vertices) {
      if (!containsAll(y.tightRows, x.support)) continue;
      const local = vertexCoordinates(face.matrix, y.basis);
      const full = new Array<Rational>(R).fill(Rational.ZERO);
      J.forEach((j, b) => (full[j] = local[b]!));
      record(x, full);
    }
  };

  const stats = forEachPolytopeVertex(ownMatrix, (x) => {
    vertices++;
    const S = x.support;
    const J = x.tightRows;
    if (x.degenerate || S.length !== J.length) {
      facePartners(x);
      return;
    }
    const k = S.length;
    if (Hf) {
      const verdict = squarePartnerFloat(Hf, D, S, J);
      if (verdict === 'none') return;
      // 'partner' and 'unknown' both take the exact solve (the partner's coordinates must be exact).
    }
    const y = solveIntegerSystem(
      S.map((i) => J.map((j) => H[i]![j]!)),
      new Array<bigint>(k).fill(1n),
    );
    if (y === undefined) {
      facePartners(x); // H[S, J] singular: the face may be a continuum
      return;
    }
    if (y.some((v) => v.sign() < 0)) return;
    const inS = new Uint8Array(D);
    for (const i of S) inS[i] = 1;
    for (let i = 0; i < D; i++) {
      if (inS[i]) continue;
      let s = Rational.ZERO;
      J.forEach((j, b) => (s = s.add(y[b]!.mul(Rational.fromInt(H[i]![j]!)))));
      if (s.gt(Rational.ONE)) return;
    }
    const full = new Array<Rational>(R).fill(Rational.ZERO);
    J.forEach((j, b) => (full[j] = y[b]!));
    record(x, full);
  });

  const equilibria: Equilibrium[] = found.map(({ own, other }) => {
    const x = ownIsPlayer1 ? own : other;
    const y = ownIsPlayer1 ? other : own;
    let u1 = Rational.ZERO;
    let u2 = Rational.ZERO;
    for (let i = 0; i < m; i++) {
      if (x[i]!.isZero()) continue;
      for (let j = 0; j < n; j++) {
        if (y[j]!.isZero()) continue;
        const p = x[i]!.mul(y[j]!);
        u1 = u1.add(p.mul(A[i]![j]!));
        u2 = u2.add(p.mul(B[i]![j]!));
      }
    }
    return { profile: [x, y], payoffs: [u1, u2] };
  });
  return {
    method: 'enummixed',
    complete: true,
    exact: true,
    equilibria,
    sets: equilibriumSets(equilibria),
    stats: { bases: stats.bases, exactBases: stats.exactBases, boundRefreshes: stats.boundRefreshes, vertices, faceEnumerations },
  };
}

/**
 * Decides in certified floating point whether the square system H[S, J] y = 1 has a solution that
 * is a vertex of the other polytope: 'none' when certainly not, 'partner' when certainly so,
 * 'unknown' when the bound cannot tell (ties, zeros, singular or ill-conditioned systems).
 */
function squarePartnerFloat(Hf: Float64Array, width: number, S: readonly number[], J: readonly number[]): 'none' | 'partner' | 'unknown' {
  // Hf is H row-major with `cols` columns; width = number of rows of H (own strategies).
  const cols = Hf.length / width;
  const k = S.length;
  const M = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) M[a * k + b] = Hf[S[a]! * cols + J[b]!]!;
  const sol = solveCertified(M, new Float64Array(k).fill(1), k);
  if (!sol) return 'unknown';
  const { x: y, error } = sol;
  let certain = true;
  for (let b = 0; b < k; b++) {
    if (y[b]! < -error) return 'none';
    if (!(y[b]! > error)) certain = false;
  }
  const inS = new Uint8Array(width);
  for (const i of S) inS[i] = 1;
  const g = ((k + 1) * 2 ** -53) / (1 - (k + 1) * 2 ** -53);
  for (let i = 0; i < width; i++) {
    if (inS[i]) continue;
    let s = 0;
    let abs = 0;
    let hsum = 0;
    for (let b = 0; b < k; b++) {
      const h = Hf[i * cols + J[b]!]!;
      const p = h * y[b]!;
      s += p;
      abs += Math.abs(p);
      hsum += h;
    }
    const e = hsum * error + g * abs;
    if (s > 1 + e) return 'none';
    if (!(s < 1 - e)) certain = false;
  }
  return certain ? 'partner' : 'unknown';
}

/**
 * Components and maximal Nash subsets of a list of extreme equilibria (two players): the bipartite
 * graph whose edges are the equilibria, its connected components and its maximal bicliques.
 */
export function equilibriumSets(equilibria: readonly Equilibrium[]): EquilibriumSets {
  const xs = new Map<string, number>();
  const ys = new Map<string, number>();
  const edges = equilibria.map((e) => {
    const kx = e.profile[0]!.join(',');
    const ky = e.profile[1]!.join(',');
    if (!xs.has(kx)) xs.set(kx, xs.size);
    if (!ys.has(ky)) ys.set(ky, ys.size);
    return [xs.get(kx)!, ys.get(ky)!] as const;
  });
  // Components (union-find over x and y nodes; y nodes offset by xs.size).
  const parent = Array.from({ length: xs.size + ys.size }, (_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]!]!;
    return a;
  };
  for (const [x, y] of edges) parent[find(x)] = find(xs.size + y);
  const byRoot = new Map<number, number[]>();
  edges.forEach(([x], k) => {
    const r = find(x);
    if (!byRoot.has(r)) byRoot.set(r, []);
    byRoot.get(r)!.push(k);
  });
  const components = [...byRoot.values()];
  // Maximal bicliques: the closed sets Y = N(X') of the neighbourhood lattice (intersections of the
  // x-neighbourhoods), each with X' = the x whose neighbourhood contains Y.
  const neighbours: Set<number>[] = Array.from({ length: xs.size }, () => new Set<number>());
  for (const [x, y] of edges) neighbours[x]!.add(y);
  const edgeIndex = new Map<string, number>();
  edges.forEach(([x, y], k) => edgeIndex.set(`${x},${y}`, k));
  const seen = new Set<string>();
  const queue: number[][] = [];
  for (const nb of neighbours) {
    const ys2 = [...nb].sort((a, b) => a - b);
    const key = ys2.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      queue.push(ys2);
    }
  }
  let complete = true;
  for (let q = 0; q < queue.length; q++) {
    if (queue.length > MAX_SUBSETS) {
      complete = false;
      break;
    }
    const Y = queue[q]!;
    for (const nb of neighbours) {
      const meet = Y.filter((y) => nb.has(y));
      if (meet.length === 0 || meet.length === Y.length) continue;
      const key = meet.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(meet);
    }
  }
  const maximalSubsets: number[][] = [];
  for (const Y of queue.slice(0, MAX_SUBSETS)) {
    const X: number[] = [];
    neighbours.forEach((nb, x) => {
      if (Y.every((y) => nb.has(y))) X.push(x);
    });
    const members: number[] = [];
    for (const x of X) for (const y of Y) members.push(edgeIndex.get(`${x},${y}`)!);
    maximalSubsets.push(members.sort((a, b) => a - b));
  }
  maximalSubsets.sort((a, b) => a[0]! - b[0]! || a.length - b.length);
  return { components, maximalSubsets, maximalSubsetsComplete: complete };
}

function transpose(M: readonly (readonly bigint[])[]): bigint[][] {
  const rows = M.length;
  const cols = M[0]!.length;
  return Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => M[i]![j]!));
}

/** H as doubles, row-major, when every entry is an integer a double holds exactly; else undefined. */
function floatMatrix(H: readonly (readonly bigint[])[]): Float64Array | undefined {
  const rows = H.length;
  const cols = H[0]!.length;
  const out = new Float64Array(rows * cols);
  const limit = 2n ** 50n;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = H[i]![j]!;
      if (v > limit || v < -limit) return undefined;
      out[i * cols + j] = Number(v);
    }
  }
  return out;
}

function normalise(z: readonly Rational[]): Rational[] {
  let sum = Rational.ZERO;
  for (const v of z) sum = sum.add(v);
  return z.map((v) => v.div(sum));
}

function containsAll(sorted: readonly number[], wanted: readonly number[]): boolean {
  let k = 0;
  for (const w of wanted) {
    while (k < sorted.length && sorted[k]! < w) k++;
    if (k >= sorted.length || sorted[k] !== w) return false;
  }
  return true;
}
