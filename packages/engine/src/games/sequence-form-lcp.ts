/**
 * One Nash equilibrium of a two-player extensive game with perfect recall, in behaviour
 * strategies, from the sequence-form linear complementarity problem (Gambit's `gambit-lcp` on an
 * `.efg` file), for trees of tens of thousands of nodes: the LCP is kept sparse, Lemke's path is
 * followed in floating point on a factorised basis, and the end basis is solved exactly.
 *
 * Sources: Koller, Megiddo & von Stengel (1996), "Efficient computation of equilibria for
 * extensive two-person games", Games and Economic Behavior 14, sections 3-4 (the LCP); von Stengel
 * (1996), GEB 14 (sequence form, realization plans); Gambit's NashLcpBehaviorSolver (layout with
 * costs made positive); the revised sparse Lemke of numeric/lemke-sparse.ts.
 *
 * With sequence-form payoffs A, B and constraints E x = e, F y = f (extensive/sequence-form.ts),
 * m > every leaf payoff and L[s][t] the chance mass of the leaves with last sequences (s, t), the
 * costs C = m L - A > 0 and D = m L - B > 0 (scaled to integers: a positive factor changes no best
 * response) give the LCP in z = (x, y, u, v) >= 0:
 *
 *   w_x = C y   - E^T u >= 0,   x ⊥ w_x          w_u = E x - e >= 0,   u ⊥ w_u
 *   w_y = D^T x - F^T v >= 0,   y ⊥ w_y          w_v = F y - f >= 0,   v ⊥ w_v
 *
 * M has one entry per sequence pair that ends at a leaf plus two per sequence, so it stays sparse.
 *
 * 1. Lemke's algorithm with covering vector d = 1 in floating point (numeric/lemke-sparse.ts),
 *    degeneracy resolved by a seeded symbolic perturbation of q (see lexicographicPerturbation).
 * 2. Exactness: the final basis says which z_j are basic (K); the exact solution solves the sparse
 *    integer system  sum_{j in K} M_ij z_j = -q_i  (i in K)  (numeric/sparse-exact-solve.ts), and is
 *    accepted when z >= 0 and w = q + M z >= 0, i.e. it is an exact complementary solution.
 * 3. Behaviour: b(h, a) = x(h, a) / sum_a' x(h, a'), uniform where that sum is 0; the profile passes
 *    the exact best-response test (behavior.ts) before it is returned.
 * If the exact solve is over its budget or the float path went wrong (it has not on any test game),
 * the dense exact tableau (sequence-form-lcp-dense.ts) is used when the LCP is small enough; on a
 * large tree the floating-point profile is returned, marked inexact, with its largest deviation gain.
 */
import { InputError } from '../errors';
import { lemkeSparse, type SparseLcp } from '../numeric/lemke-sparse';
import { Rational } from '../numeric/rational';
import { solveSparseExact, type SparseIntegerRow } from '../numeric/sparse-exact-solve';
import { createRng } from '../random/rng';
import { behaviorMaxGain, behaviorPayoffs, behaviorPayoffsFloat } from './behavior';
import { behaviorFromRealization, buildSequenceForm, type SequenceForm } from './extensive/sequence-form';
import { solveSequenceFormLcpDense } from './sequence-form-lcp-dense';
import type { Equilibrium, ExtensiveFormGame, SolveResult } from './types';

export interface SequenceFormLcpOptions {
  /** 'sparse' (default): the revised floating-point path with an exact end; 'dense': the exact dense tableau. */
  readonly tableau?: 'sparse' | 'dense';
  /** Return an exact equilibrium in every case (falls back to the dense exact tableau whatever its size). */
  readonly requireExact?: boolean;
  /** Seed of the perturbation that resolves degeneracy (default 1). */
  readonly seed?: number;
  /** Budget of the exact end solve, in integer row operations (default 5e7). */
  readonly exactBudget?: number;
}

export interface SequenceFormLcpStats {
  /** Size of the LCP: sequences of both players plus their information sets plus two. */
  readonly lcpSize: number;
  readonly nonzeros: number;
  readonly pivots: number;
  readonly refactorisations: number;
  /** How the returned equilibrium was obtained. */
  readonly path: 'sparse-exact' | 'dense-exact' | 'sparse-float';
  /** Largest gain from a deviation, computed exactly for the returned profile (0 for exact equilibria). */
  readonly maxGain: number;
}

export interface SequenceFormLcpResult extends SolveResult {
  readonly stats: SequenceFormLcpStats;
}

/** Above this LCP size the dense exact fallback is not attempted (its tableau has 2 N^2 entries). */
const DENSE_FALLBACK_LIMIT = 800;

interface SequenceFormLcpData {
  readonly sf: SequenceForm;
  readonly n1: number;
  readonly n2: number;
  readonly N: number;
  /** Columns of M (integers) as maps row -> value. */
  readonly columns: Map<number, bigint>[];
  /** Rows of M (integers) as maps column -> value. */
  readonly rows: Map<number, bigint>[];
  readonly q: bigint[];
}

/** The sequence-form LCP of a two-player game with perfect recall, sparse, integer entries. */
function buildLcp(game: ExtensiveFormGame): SequenceFormLcpData {
  const sf = buildSequenceForm(game);
  const [n1, n2] = sf.numSequences;
  const k1 = sf.infosetsOf[0].length + 1;
  const k2 = sf.infosetsOf[1].length + 1;
  let m = Rational.ZERO;
  for (const leaf of sf.leaves) for (const p of leaf.payoffs) if (p.gt(m)) m = p;
  m = m.add(Rational.ONE);
  // Costs per sequence pair that ends at a leaf.
  const costs = new Map<number, [Rational, Rational]>();
  for (const leaf of sf.leaves) {
    const key = leaf.s * n2 + leaf.t;
    const c = leaf.chance.mul(m.sub(leaf.payoffs[0]!));
    const d = leaf.chance.mul(m.sub(leaf.payoffs[1]!));
    const old = costs.get(key);
    costs.set(key, old ? [old[0].add(c), old[1].add(d)] : [c, d]);
  }
  let lcm = 1n;
  for (const [c, d] of costs.values()) for (const x of [c, d]) lcm = (lcm / gcd(lcm, x.den)) * x.den;
  const N = n1 + n2 + k1 + k2;
  const X = 0;
  const Y = n1;
  const U = n1 + n2;
  const V = n1 + n2 + k1;
  const columns: Map<number, bigint>[] = Array.from({ length: N }, () => new Map());
  const rows: Map<number, bigint>[] = Array.from({ length: N }, () => new Map());
  const set = (r: number, c: number, v: bigint): void => {
    if (v === 0n) return;
    columns[c]!.set(r, v);
    rows[r]!.set(c, v);
  };
  const q: bigint[] = new Array<bigint>(N).fill(0n);
  for (const [key, [c, d]] of costs) {
    const s = Math.floor(key / n2);
    const t = key % n2;
    set(X + s, Y + t, (c.num * lcm) / c.den);
    set(Y + t, X + s, (d.num * lcm) / d.den);
  }
  const constraint = (rowBase: number, colBase: number, player: 0 | 1): void => {
    set(rowBase, colBase, 1n);
    set(colBase, rowBase, -1n);
    q[rowBase] = -1n;
    sf.infosetsOf[player].forEach((s, h) => {
      const row = rowBase + h + 1;
      const par = colBase + sf.parentSeq[s]!;
      set(row, par, -1n);
      set(par, row, 1n);
      for (let a = 0; a < game.infosets[s]!.actions.length; a++) {
        const col = colBase + sf.seqBase[s]! + a;
        set(row, col, 1n);
        set(col, row, -1n);
      }
    });
  };
  constraint(U, X, 0);
  constraint(V, Y, 1);
  return { sf, n1, n2, N, columns, rows, q };
}

export function solveSequenceFormLcp(game: ExtensiveFormGame, options: SequenceFormLcpOptions = {}): SequenceFormLcpResult {
  if (game.players.length !== 2) {
    throw new InputError(`the sequence-form LCP needs exactly 2 players, the game has ${game.players.length}`, { place: 'game', expected: 'a two-player game' });
  }
  if (options.tableau === 'dense') {
    const sf = buildSequenceForm(game);
    return denseResult(game, sf.numSequences[0] + sf.numSequences[1] + sf.infosetsOf[0].length + sf.infosetsOf[1].length + 2, 0, 0, 0);
  }
  const lcp = buildLcp(game);
  const { N, n1, n2, sf } = lcp;
  const nonzeros = lcp.columns.reduce((s, c) => s + c.size, 0);
  // 1. Floating-point Lemke on the sparse LCP; 2. the exact solution of its final basis. A second
  // attempt with another perturbation if the first does not give an exact equilibrium.
  // In floating point the costs are scaled to at most 1 (so that they and the +-1 entries of E and
  // F have comparable sizes; a positive factor on C and D changes no best response).
  let maxCost = 0;
  for (let r = 0; r < n1 + n2; r++) for (const [c, v] of lcp.rows[r]!) if (c < n1 + n2) maxCost = Math.max(maxCost, Math.abs(bigToNumber(v)));
  const costScale = maxCost > 0 ? 1 / maxCost : 1;
  const sparse: SparseLcp = {
    n: N,
    columns: lcp.columns.map((col, c) => {
      const rowsOf = [...col.keys()];
      return { rows: rowsOf, values: rowsOf.map((r) => (r < n1 + n2 && c < n1 + n2 ? bigToNumber(col.get(r)!) * costScale : Number(col.get(r)!))) };
    }),
    q: Float64Array.from(lcp.q, (v) => Number(v)),
    d: new Float64Array(N).fill(1),
  };
  let pivots = 0;
  let refactorisations = 0;
  let last: ReturnType<typeof lemkeSparse> | undefined;
  for (const [attempt, decay] of [[1, 40], [2, 20]] as const) {
    const rng = createRng(`sequence-form-lcp:${options.seed ?? 1}:${attempt}`);
    const run = lemkeSparse(sparse, { perturbation: lexicographicPerturbation(N, decay, rng) });
    last = run;
    pivots += run.pivots;
    refactorisations += run.refactorisations;
    if (run.status !== 'solution') continue;
    const exact = exactEquilibrium(game, lcp, run.basis, options.exactBudget ?? 5e7);
    if (exact === 'over-budget') break;
    if (exact) {
      return {
        method: 'lcp',
        complete: false,
        exact: true,
        equilibria: [exact],
        stats: { lcpSize: N, nonzeros, pivots, refactorisations, path: 'sparse-exact', maxGain: 0 },
      };
    }
  }
  const stats = { lcpSize: N, nonzeros, pivots, refactorisations };
  const run = last!;
  // 3. Fallbacks.
  if (options.requireExact || N <= DENSE_FALLBACK_LIMIT) return denseResult(game, N, nonzeros, stats.pivots, stats.refactorisations);
  if (run.status !== 'solution') {
    throw new Error(`sequence-form LCP: Lemke's path ended without a solution (${run.status}) and the LCP (${N}) is too large for the exact tableau`);
  }
  const zf = run.z;
  const profile = [floatBehavior(game, sf, 0, zf.subarray(0, n1)), floatBehavior(game, sf, 1, zf.subarray(n1, n1 + n2))];
  return {
    method: 'lcp',
    complete: false,
    exact: false,
    equilibria: [{ profile, payoffs: behaviorPayoffsFloat(game, profile) }],
    // The exact gain of the floating-point profile (every double is a dyadic rational).
    stats: { ...stats, path: 'sparse-float', maxGain: behaviorMaxGain(game, profile.map((row) => row.map((p) => Rational.fromNumber(p)))).toNumber() },
  };
}

/**
 * The perturbation direction rho_i = 2^(-decay i / N) (1 + jitter/1000): decreasing along the
 * rows, a smooth stand-in for the lexicographic order (eps, eps^2, ..., eps^N) of the textbook
 * rule (which a double cannot hold), kept in general position by a seeded jitter. On crisis trees
 * it gives Lemke paths several times shorter than a uniformly random direction.
 */
function lexicographicPerturbation(N: number, decay: number, rng: { next(): number }): Float64Array {
  return Float64Array.from({ length: N }, (_, i) => Math.pow(2, (-decay * i) / N) * (1 + 1e-3 * rng.next()));
}

/** The exact equilibrium of a final basis (undefined when that basis is not an exact solution). */
function exactEquilibrium(game: ExtensiveFormGame, lcp: SequenceFormLcpData, basis: Int32Array, budget: number): Equilibrium | undefined | 'over-budget' {
  const { N, n1, n2, sf } = lcp;
  const K: number[] = [];
  for (const v of basis) if (v >= N && v < 2 * N) K.push(v - N);
  K.sort((a, b) => a - b);
  const local = new Map<number, number>();
  K.forEach((j, k) => local.set(j, k));
  const system: SparseIntegerRow[] = K.map((i) => {
    const entries = new Map<number, bigint>();
    for (const [j, v] of lcp.rows[i]!) {
      const k = local.get(j);
      if (k !== undefined) entries.set(k, v);
    }
    return { entries, rhs: -lcp.q[i]! };
  });
  const solved = solveSparseExact(K.length, system, budget);
  if (solved.status === 'over-budget') return 'over-budget';
  if (solved.status !== 'solved') return undefined;
  const z: Rational[] = new Array<Rational>(N).fill(Rational.ZERO);
  K.forEach((j, k) => (z[j] = solved.x[k]!));
  if (!isComplementarySolution(lcp, z)) return undefined;
  const profile = [behaviorFromRealization(game, sf, 0, z.slice(0, n1)), behaviorFromRealization(game, sf, 1, z.slice(n1, n1 + n2))];
  if (behaviorMaxGain(game, profile).sign() > 0) return undefined;
  return { profile, payoffs: behaviorPayoffs(game, profile) };
}

function denseResult(game: ExtensiveFormGame, N: number, nonzeros: number, pivots: number, refactorisations: number): SequenceFormLcpResult {
  const r = solveSequenceFormLcpDense(game);
  return { ...r, stats: { lcpSize: N, nonzeros, pivots, refactorisations, path: 'dense-exact', maxGain: 0 } };
}

/** z >= 0 and w = q + M z >= 0 with z_i w_i = 0, exactly. */
function isComplementarySolution(lcp: SequenceFormLcpData, z: readonly Rational[]): boolean {
  for (const v of z) if (v.sign() < 0) return false;
  for (let i = 0; i < lcp.N; i++) {
    let w = Rational.fromInt(lcp.q[i]!);
    for (const [j, v] of lcp.rows[i]!) if (!z[j]!.isZero()) w = w.add(z[j]!.mul(Rational.fromInt(v)));
    const s = w.sign();
    if (s < 0) return false;
    if (s > 0 && !z[i]!.isZero()) return false;
  }
  return true;
}

function floatBehavior(game: ExtensiveFormGame, sf: SequenceForm, player: 0 | 1, plan: Float64Array): number[] {
  const flat: number[] = [];
  for (const s of sf.infosetsOf[player]) {
    const k = game.infosets[s]!.actions.length;
    let total = 0;
    for (let a = 0; a < k; a++) total += plan[sf.seqBase[s]! + a]!;
    for (let a = 0; a < k; a++) flat.push(total > 0 ? plan[sf.seqBase[s]! + a]! / total : 1 / k);
  }
  return flat;
}

/** A BigInt as a double, also beyond the double range (as a float of its leading bits). */
function bigToNumber(v: bigint): number {
  const x = Number(v);
  return Number.isFinite(x) ? x : Math.sign(x) * Number.MAX_VALUE;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
