/**
 * Every vertex of a polytope P = { z in R^D : z >= 0, G z <= 1 } (G an R x D matrix of positive
 * integers, so P is bounded and the origin is a nondegenerate vertex), by lexicographic reverse
 * search, with exact decisions computed in floating point while a rigorous error bound certifies
 * them and in BigInt where it cannot.
 *
 * Sources: Avis & Fukuda (1992), "A pivoting algorithm for convex hulls and vertex enumeration of
 * arrangements and polyhedra", Discrete Comput. Geom. 8, sec. 3 (reverse search); Avis (2000),
 * "lrs: a revised implementation of the reverse search vertex enumeration algorithm", in Polytopes:
 * Combinatorics and Computation, sec. 2-3 (lexicographic pivoting, the `reverse` test); Avis,
 * Rosenberg, Savani & von Stengel (2010), Economic Theory 42, sec. 5 (its use for Nash equilibria,
 * `lrsnash`). Error bound: Higham (2002), Accuracy and Stability of Numerical Algorithms, sec. 3.1
 * (gamma_n) and the a posteriori bound |t - t*| <= ||B^-1|| ||g - B t||, ||B^-1|| <= ||R|| / (1 - ||I - R B||).
 *
 * Dictionary. Slack s_r makes row r an equation: G z + s = 1. A basis is R of the D + R variables;
 * the tableau is T = B^-1 [G | I | 1] (columns: z_0..z_{D-1}, s_0..s_{R-1}, right-hand side).
 * Objective: minimise f = sum_i z_i, whose unique optimum is the origin (slack basis), the root.
 * Reduced costs d_j = c_j - sum_{r : basis[r] structural} T[r][j] (c_j = 1 for z_j, 0 for slacks).
 *
 * Pivot rule (the parent of a basis): Bland's entering variable, the smallest index j with d_j < 0,
 * and the lexicographic minimum-ratio leaving row: among rows with T[r][j] > 0 the smallest
 * (T[r][rhs], T[r][s_0], ..., T[r][s_{R-1}]) / T[r][j]. Every basis reached is lex-positive (its
 * rows of [rhs | B^-1] are lexicographically positive), no basis repeats, and every lex-positive
 * basis leads to the root; every vertex has at least one lex-positive basis (Avis 2000).
 *
 * Children (the reverse step, lrs's `reverse`): a nonbasic j and its lex-min-ratio row r give the
 * neighbour B' = B - basis[r] + j, which is a child exactly when the rule applied to B' pivots back:
 *
 *   d_j > 0,   and   d_k - d_j T[r][k] / T[r][j] >= 0   for every nonbasic k != j with k < basis[r].
 *
 * (The leaving row of that reverse pivot is row r whenever B is lex-positive.) A depth-first walk
 * of this tree from the root visits every lex-positive basis once with memory for one path only.
 * A vertex with several lex-positive bases (a degenerate vertex) is reported once.
 *
 * Arithmetic. The walk carries a floating-point tableau (Gauss-Jordan pivots) and, per column c,
 * a bound E_c on |T[i][c] - T*[i][c]| over all rows (T* the exact tableau of the same basis). The
 * bound is propagated through each pivot (propagateBound below: the exact child is the same pivot
 * of the exact parent, so the parent's bounds, the pivot entry and the rounding of the update bound
 * the child's), and when it has grown too loose to certify a decision it is replaced by an
 * a posteriori bound from the residual g - B t of every column, with R (the slack columns of T)
 * approximating B^-1:
 *
 *   |t - t*|_inf <= ||R||_inf / (1 - ||I - R B||_inf) * ||g - B t||_inf,
 *
 * with the rounding of the residuals themselves bounded by gamma_n = n u / (1 - n u), u = 2^-53.
 * Every decision (a sign, a ratio comparison) whose interval does not contain the other side is
 * certain; any decision that is not (an exact tie, a zero right-hand side at a degenerate vertex)
 * sends the basis to the exact path: the fraction-free BigInt tableau of that basis
 * (numeric/integer-tableau.ts) takes the same decisions exactly, and the floating-point tableau is
 * refreshed from it. The result is the exact vertex set, whatever the conditioning.
 */
import { IntegerTableau } from './integer-tableau';
import { solveIntegerSystem } from './exact-linear';
import { Rational } from './rational';

/** A vertex of P, other than the origin. */
export interface PolytopeVertex {
  /** Coordinates with a positive value, ascending. */
  readonly support: readonly number[];
  /** Rows r with (G z)_r = 1, ascending. */
  readonly tightRows: readonly number[];
  /** True when the vertex has more than D tight constraints (zero coordinates and tight rows). */
  readonly degenerate: boolean;
  /** A basis of the vertex: basic variable of each row (v < D: z_v; v >= D: slack of row v - D). */
  readonly basis: Int32Array;
}

export interface VertexEnumerationStats {
  /** Lex-positive bases visited (the nodes of the reverse-search tree). */
  bases: number;
  /** Bases whose decisions were taken in exact arithmetic (floating point could not certify them). */
  exactBases: number;
  /** Bases where the propagated error bound was too loose and an a posteriori bound was computed. */
  boundRefreshes: number;
}

/** The matrix G in both forms; `float` only when every entry is exactly representable as a double. */
export interface PolytopeMatrix {
  readonly rows: number;
  readonly dims: number;
  /** rows x dims, every entry >= 1. */
  readonly exact: readonly (readonly bigint[])[];
}

const U = 2 ** -53;
const gamma = (n: number): number => (n * U) / (1 - n * U);
/** Slack on the bound for the few roundings the analysis does not track term by term. */
const SAFETY = 1 + 1e-9;

interface Analysis {
  readonly vertex: PolytopeVertex | undefined;
  /** Pairs (leaving variable, entering variable) of the children, flattened. */
  readonly children: number[];
}

/**
 * Calls `visit` once for every vertex of P except the origin, in reverse-search order.
 * `visit` may return `false` to stop the enumeration.
 */
export function forEachPolytopeVertex(G: PolytopeMatrix, visit: (vertex: PolytopeVertex) => boolean | void): VertexEnumerationStats {
  const walker = new ReverseSearch(G);
  return walker.run(visit);
}

/** All vertices of P except the origin. */
export function polytopeVertices(G: PolytopeMatrix): PolytopeVertex[] {
  const out: PolytopeVertex[] = [];
  forEachPolytopeVertex(G, (v) => {
    out.push(v);
  });
  return out;
}

/** The exact coordinates (all D of them) of a vertex, from its basis. */
export function vertexCoordinates(G: PolytopeMatrix, basis: Int32Array): Rational[] {
  const D = G.dims;
  const structural: number[] = [];
  const inBasisSlack = new Uint8Array(G.rows);
  for (const v of basis) {
    if (v < D) structural.push(v);
    else inBasisSlack[v - D] = 1;
  }
  structural.sort((a, b) => a - b);
  const tight: number[] = [];
  for (let r = 0; r < G.rows; r++) if (!inBasisSlack[r]) tight.push(r);
  const M = tight.map((r) => structural.map((v) => G.exact[r]![v]!));
  const z = solveIntegerSystem(M, tight.map(() => 1n));
  if (z === undefined) throw new Error('vertexCoordinates: singular basis');
  const out: Rational[] = new Array<Rational>(D).fill(Rational.ZERO);
  structural.forEach((v, k) => (out[v] = z[k]!));
  return out;
}

/** Whether every entry of G is an integer a double holds exactly (and small enough to keep errors tame). */
function floatable(G: PolytopeMatrix): boolean {
  const limit = 2n ** 50n;
  for (const row of G.exact) for (const v of row) if (v > limit || v < -limit) return false;
  return true;
}

interface Frame {
  readonly basis: Int32Array;
  /** Floating-point tableau (rows x width), or null in exact mode. */
  readonly T: Float64Array | null;
  /** Per column: a bound on |T[i][c] - T*[i][c]| over all rows i (floating-point mode). */
  readonly E: Float64Array | null;
  /** Per column: a bound on max_i |T[i][c]| (for rounding terms). */
  readonly M: Float64Array | null;
  /** Exact tableau, kept in exact mode only. */
  readonly X: IntegerTableau | null;
  readonly children: number[];
  next: number;
}

class ReverseSearch {
  private readonly R: number;
  private readonly D: number;
  private readonly W: number;
  private readonly rhs: number;
  private readonly useFloat: boolean;
  /** G column-major as doubles: Gc[v * R + r]. */
  private readonly Gc: Float64Array;
  private readonly stats: VertexEnumerationStats = { bases: 0, exactBases: 0, boundRefreshes: 0 };
  private readonly seenDegenerate = new Set<string>();
  // scratch
  private readonly rowOf: Int32Array;
  private readonly d: Float64Array;
  private readonly errD: Float64Array;
  private readonly acc: Float64Array;
  private readonly absAcc: Float64Array;
  private readonly rowAbsF: Float64Array;

  constructor(private readonly G: PolytopeMatrix) {
    this.R = G.rows;
    this.D = G.dims;
    this.W = this.D + this.R + 1;
    this.rhs = this.D + this.R;
    this.useFloat = floatable(G);
    this.Gc = new Float64Array(this.D * this.R);
    if (this.useFloat) for (let r = 0; r < this.R; r++) for (let v = 0; v < this.D; v++) this.Gc[v * this.R + r] = Number(G.exact[r]![v]!);
    this.rowOf = new Int32Array(this.D + this.R);
    this.d = new Float64Array(this.D + this.R);
    this.errD = new Float64Array(this.D + this.R);
    this.acc = new Float64Array(this.R);
    this.absAcc = new Float64Array(this.R);
    this.rowAbsF = new Float64Array(this.R);
  }

  run(visit: (vertex: PolytopeVertex) => boolean | void): VertexEnumerationStats {
    const { R, D, W } = this;
    const basis = new Int32Array(R);
    for (let r = 0; r < R; r++) basis[r] = D + r;
    let root: Frame;
    if (this.useFloat) {
      const T = new Float64Array(R * W);
      const M = new Float64Array(W);
      for (let r = 0; r < R; r++) {
        for (let v = 0; v < D; v++) {
          const g = this.Gc[v * R + r]!;
          T[r * W + v] = g;
          if (g > M[v]!) M[v] = g;
        }
        T[r * W + D + r] = 1;
        T[r * W + this.rhs] = 1;
      }
      for (let c = D; c < W; c++) M[c] = 1;
      const E = new Float64Array(W); // the initial tableau is exact
      const a = this.analyse(basis, T, E, M, null);
      root = { basis, T, E, M, X: null, children: a.children, next: 0 };
    } else {
      const X = this.exactTableau(basis);
      const a = this.analyse(basis, null, null, null, X);
      root = { basis, T: null, E: null, M: null, X, children: a.children, next: 0 };
    }
    const stack: Frame[] = [root];
    // Buffers of popped frames, reused by later children (the walk allocates per depth, not per basis).
    const spare: Frame[] = [];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next >= top.children.length) {
        const done = stack.pop()!;
        if (done !== root) spare.push(done);
        continue;
      }
      const leaving = top.children[top.next]!;
      const entering = top.children[top.next + 1]!;
      top.next += 2;
      const reuse = spare.pop();
      const childBasis = reuse ? reuse.basis : new Int32Array(R);
      childBasis.set(top.basis);
      let row = -1;
      for (let r = 0; r < R; r++) if (childBasis[r] === leaving) row = r;
      childBasis[row] = entering;
      let child: Frame;
      if (top.T) {
        const T = reuse?.T ?? new Float64Array(R * W);
        const E = reuse?.E ?? new Float64Array(W);
        const M = reuse?.M ?? new Float64Array(W);
        T.set(top.T);
        propagateBound(top.T, top.E!, top.M!, R, W, row, entering, E, M);
        floatPivot(T, R, W, row, entering);
        const a = this.analyse(childBasis, T, E, M, null);
        if (a.vertex && visit(a.vertex) === false) return this.stats;
        child = { basis: childBasis, T, E, M, X: null, children: a.children, next: 0 };
      } else {
        const X = top.X!.clone();
        X.pivot(X.basis.indexOf(leaving), entering);
        const a = this.analyse(childBasis, null, null, null, X);
        if (a.vertex && visit(a.vertex) === false) return this.stats;
        child = { basis: childBasis, T: null, E: null, M: null, X, children: a.children, next: 0 };
      }
      stack.push(child);
    }
    return this.stats;
  }

  /**
   * Analyses one basis: its vertex (if new and not the origin) and its children. In floating point
   * first with the propagated bound E, then with a fresh a posteriori bound, then exactly (which
   * also refreshes T, E and M from the exact tableau).
   */
  private analyse(basis: Int32Array, T: Float64Array | null, E: Float64Array | null, M: Float64Array | null, X: IntegerTableau | null): Analysis {
    this.stats.bases++;
    if (T && E && M) {
      let a = this.analyseFloat(basis, T, E);
      if (a) return a;
      this.stats.boundRefreshes++;
      if (this.posterioriBound(basis, T, E, M)) {
        a = this.analyseFloat(basis, T, E);
        if (a) return a;
      }
    }
    this.stats.exactBases++;
    const exact = X ?? this.exactTableau(basis);
    const a = this.analyseExact(exact);
    if (T && E && M) this.refreshFloat(T, E, M, basis, exact);
    return a;
  }

  /** The exact fraction-free tableau of a basis, built by pivoting its structural columns in. */
  private exactTableau(basis: Int32Array): IntegerTableau {
    const { R, D } = this;
    const rows = this.G.exact.map((row, r) => {
      const full = new Array<bigint>(D + R).fill(0n);
      for (let v = 0; v < D; v++) full[v] = row[v]!;
      full[D + r] = 1n;
      return full;
    });
    const X = IntegerTableau.of(
      rows,
      new Array<bigint>(R).fill(1n),
      Array.from({ length: R }, (_, r) => D + r),
    );
    const target = new Uint8Array(D + R);
    for (const v of basis) target[v] = 1;
    for (const v of basis) {
      if (v >= D) continue;
      let pr = -1;
      for (let r = 0; r < R; r++) {
        const b = X.basis[r]!;
        if (b >= D && !target[b] && X.rows[r]![v] !== 0n) {
          pr = r;
          break;
        }
      }
      if (pr < 0) throw new Error('polytope vertices: singular basis');
      X.pivot(pr, v);
    }
    return X;
  }

  /** Overwrites T with the exact tableau rounded to doubles (rows in the order of `basis`), E and M to match. */
  private refreshFloat(T: Float64Array, E: Float64Array, M: Float64Array, basis: Int32Array, X: IntegerTableau): void {
    const { R, W } = this;
    const det = X.det;
    M.fill(0);
    for (let r = 0; r < R; r++) {
      const row = X.rows[X.basis.indexOf(basis[r]!)]!;
      for (let c = 0; c < W; c++) {
        const v = ratioToNumber(row[c]!, det);
        T[r * W + c] = v;
        if (Math.abs(v) > M[c]!) M[c] = Math.abs(v);
      }
    }
    // ratioToNumber is within a few ulps of the exact ratio.
    for (let c = 0; c < W; c++) E[c] = 8 * U * M[c]!;
  }

  private analyseExact(X: IntegerTableau): Analysis {
    const { R, D } = this;
    const rhs = X.columns;
    const det = X.det;
    const basis = X.basis;
    const isBasic = new Uint8Array(D + R);
    for (const v of basis) isBasic[v] = 1;
    // Vertex.
    let degenerate = false;
    const support: number[] = [];
    const tight: number[] = [];
    for (let r = 0; r < R; r++) {
      const v = basis[r]!;
      const value = X.rows[r]![rhs]!;
      if (value === 0n) degenerate = true;
      else if (v < D) support.push(v);
    }
    for (let j = 0; j < R; j++) {
      if (!isBasic[D + j]) tight.push(j);
      else if (X.rows[basis.indexOf(D + j)]![rhs] === 0n) tight.push(j);
    }
    support.sort((a, b) => a - b);
    const vertex = this.vertexOf(support, tight, degenerate, basis);
    // Reduced costs, scaled by det.
    const d: bigint[] = new Array<bigint>(D + R).fill(0n);
    for (let j = 0; j < D + R; j++) {
      if (isBasic[j]) continue;
      let v = j < D ? det : 0n;
      for (let r = 0; r < R; r++) if (basis[r]! < D) v -= X.rows[r]![j]!;
      d[j] = v;
    }
    const lex = Array.from({ length: R }, (_, k) => D + k);
    const children: number[] = [];
    for (let j = 0; j < D + R; j++) {
      if (isBasic[j] || d[j]! <= 0n) continue;
      const r = X.lexMinRatioRow(j, lex);
      if (r < 0) continue;
      const leaving = basis[r]!;
      const a = X.rows[r]![j]!;
      let ok = true;
      for (let k = 0; k < leaving && ok; k++) {
        if (isBasic[k] || k === j) continue;
        if (d[k]! * a - d[j]! * X.rows[r]![k]! < 0n) ok = false;
      }
      if (ok) children.push(leaving, j);
    }
    return { vertex, children };
  }

  /** The vertex record, or undefined for the origin and for a degenerate vertex already reported. */
  private vertexOf(support: number[], tight: number[], degenerate: boolean, basis: readonly number[] | Int32Array): PolytopeVertex | undefined {
    if (support.length === 0) return undefined;
    if (degenerate) {
      const key = support.join(',') + '|' + tight.join(',');
      if (this.seenDegenerate.has(key)) return undefined;
      this.seenDegenerate.add(key);
    }
    return { support, tightRows: tight, degenerate, basis: Int32Array.from(basis) };
  }

  /**
   * A posteriori bounds on every nonbasic column and the right-hand side (into E, and M exactly);
   * false when the basis is too badly conditioned for the bound (||I - R B|| >= 1/2).
   */
  private posterioriBound(basis: Int32Array, T: Float64Array, E: Float64Array, M: Float64Array): boolean {
    const { R, D, W, Gc, rowOf, acc, absAcc, rowAbsF } = this;
    rowOf.fill(-1);
    let structuralBasics = 0;
    for (let r = 0; r < R; r++) {
      rowOf[basis[r]!] = r;
      if (basis[r]! < D) structuralBasics++;
    }
    // ||R||_inf and ||I - R B||_inf (with rounding).
    let normR = 0;
    rowAbsF.fill(0);
    const gF = gamma(R + 1);
    for (let a = 0; a < R; a++) {
      let s = 0;
      const base = a * W + D;
      for (let b = 0; b < R; b++) s += Math.abs(T[base + b]!);
      if (s > normR) normR = s;
    }
    for (let rho = 0; rho < R; rho++) {
      const v = basis[rho]!;
      if (v >= D) continue; // slack columns of B: R e_j = column j of R = e_rho exactly
      const col = v * R;
      for (let a = 0; a < R; a++) {
        const base = a * W + D;
        let f = a === rho ? -1 : 0;
        let abs = a === rho ? 1 : 0;
        for (let b = 0; b < R; b++) {
          const p = T[base + b]! * Gc[col + b]!;
          f += p;
          abs += Math.abs(p);
        }
        rowAbsF[a] = rowAbsF[a]! + Math.abs(f) + gF * abs;
      }
    }
    let normF = 0;
    for (let a = 0; a < R; a++) if (rowAbsF[a]! > normF) normF = rowAbsF[a]!;
    if (normF >= 0.5) return false;
    const binv = ((normR * SAFETY) / (1 - normF)) * SAFETY;
    const gRes = gamma(structuralBasics + 2);
    for (let c = 0; c < W; c++) {
      let mx = 0;
      for (let rho = 0; rho < R; rho++) {
        const t = Math.abs(T[rho * W + c]!);
        if (t > mx) mx = t;
      }
      M[c] = mx;
      if (c < D + R && rowOf[c]! >= 0) {
        E[c] = 0; // basic columns are exact unit vectors
        continue;
      }
      if (c < D) {
        for (let b = 0; b < R; b++) {
          acc[b] = Gc[c * R + b]!;
          absAcc[b] = acc[b]!;
        }
      } else if (c < D + R) {
        acc.fill(0);
        absAcc.fill(0);
        acc[c - D] = 1;
        absAcc[c - D] = 1;
      } else {
        acc.fill(1);
        absAcc.fill(1);
      }
      for (let rho = 0; rho < R; rho++) {
        const t = T[rho * W + c]!;
        if (t === 0) continue;
        const v = basis[rho]!;
        if (v >= D) {
          acc[v - D] = acc[v - D]! - t;
          absAcc[v - D] = absAcc[v - D]! + Math.abs(t);
        } else {
          const col = v * R;
          const at = Math.abs(t);
          for (let b = 0; b < R; b++) {
            const g = Gc[col + b]!;
            acc[b] = acc[b]! - t * g;
            absAcc[b] = absAcc[b]! + at * g;
          }
        }
      }
      let res = 0;
      for (let b = 0; b < R; b++) {
        const e = Math.abs(acc[b]!) + gRes * absAcc[b]!;
        if (e > res) res = e;
      }
      E[c] = binv * res * SAFETY;
    }
    return true;
  }

  /** The analysis in floating point, every decision certified by the column bounds E; undefined when one is not. */
  private analyseFloat(basis: Int32Array, T: Float64Array, E: Float64Array): Analysis | undefined {
    const { R, D, W, rowOf, d, errD } = this;
    const rhs = this.rhs;
    rowOf.fill(-1);
    let structuralBasics = 0;
    for (let r = 0; r < R; r++) {
      rowOf[basis[r]!] = r;
      if (basis[r]! < D) structuralBasics++;
    }
    // Right-hand side: every basic value must be certainly positive (nondegenerate basis).
    const eRhs = E[rhs]!;
    for (let r = 0; r < R; r++) if (!(T[r * W + rhs]! > eRhs)) return undefined;
    // Reduced costs.
    const gD = gamma(structuralBasics + 1);
    for (let j = 0; j < D + R; j++) {
      if (rowOf[j]! >= 0) continue;
      let v = j < D ? 1 : 0;
      let abs = v;
      for (let r = 0; r < R; r++) {
        if (basis[r]! >= D) continue;
        const t = T[r * W + j]!;
        v -= t;
        abs += Math.abs(t);
      }
      d[j] = v;
      errD[j] = (structuralBasics * E[j]! + gD * abs) * SAFETY;
    }
    const children: number[] = [];
    for (let j = 0; j < D + R; j++) {
      if (rowOf[j]! >= 0) continue;
      const dj = d[j]!;
      const ej = errD[j]!;
      if (dj < -ej) continue;
      if (!(dj > ej)) return undefined;
      // Ratio test on column j.
      const ec = E[j]!;
      let best = -1;
      let bestRatio = Infinity;
      for (let r = 0; r < R; r++) {
        const t = T[r * W + j]!;
        if (t <= ec) {
          if (t >= -ec) return undefined; // sign unknown
          continue;
        }
        const ratio = T[r * W + rhs]! / t;
        if (ratio < bestRatio) {
          bestRatio = ratio;
          best = r;
        }
      }
      if (best < 0) return undefined; // unbounded direction: impossible for a polytope, let exact arithmetic decide
      const bestT = T[best * W + j]!;
      const bestHi = ((T[best * W + rhs]! + eRhs) / (bestT - ec)) * (1 + 4 * U);
      for (let r = 0; r < R; r++) {
        const t = T[r * W + j]!;
        if (r === best || t <= ec) continue;
        const lo = ((T[r * W + rhs]! - eRhs) / (t + ec)) * (1 - 4 * U);
        if (!(bestHi < lo)) return undefined; // ratio tie or too close to call
      }
      const leaving = basis[best]!;
      const a = bestT;
      let ok = true;
      for (let k = 0; k < leaving && ok; k++) {
        if (rowOf[k]! >= 0 || k === j) continue;
        const b = T[best * W + k]!;
        const dk = d[k]!;
        const value = dk * a - dj * b;
        const ek = E[k]!;
        const err = Math.abs(dk) * ec + errD[k]! * (Math.abs(a) + ec) + Math.abs(dj) * ek + ej * (Math.abs(b) + ek) + 4 * U * (Math.abs(dk * a) + Math.abs(dj * b));
        if (value < -err) ok = false;
        else if (!(value > err)) return undefined;
      }
      if (ok) children.push(leaving, j);
    }
    // Vertex: nondegenerate, so the support is the structural basics and the tight rows the nonbasic slacks.
    const support: number[] = [];
    const tight: number[] = [];
    for (let v = 0; v < D; v++) if (rowOf[v]! >= 0) support.push(v);
    for (let j = 0; j < R; j++) if (rowOf[D + j]! < 0) tight.push(j);
    return { vertex: this.vertexOf(support, tight, false, basis), children };
  }
}

/**
 * Column error bounds after the Gauss-Jordan pivot on (row, c), from the parent's bounds: with
 * p = T[row][c], g = max_{i != row} |T[i][c]| and t'_j = T[row][j] / p,
 *
 *   e'_row,j = (|T[row][j]| E_c + |p| E_j) / (|p| (|p| - E_c)) + u |t'_j|,
 *   E'_j     = max(e'_row,j,  E_j + (g + E_c) e'_row,j + |t'_j| E_c + 3u (M_j + g |t'_j|)),
 *
 * (the exact child is the same pivot of the exact parent), and M'_j = max(|t'_j|, M_j + g |t'_j|).
 * Computed from the parent's tableau before it is pivoted.
 */
function propagateBound(T: Float64Array, E: Float64Array, M: Float64Array, rows: number, width: number, row: number, c: number, Eout: Float64Array, Mout: Float64Array): void {
  const base = row * width;
  const p = Math.abs(T[base + c]!);
  const Ec = E[c]!;
  let g = 0;
  for (let i = 0; i < rows; i++) {
    if (i === row) continue;
    const v = Math.abs(T[i * width + c]!);
    if (v > g) g = v;
  }
  const denom = p * (p - Ec);
  for (let j = 0; j < width; j++) {
    const trj = Math.abs(T[base + j]!);
    const t = trj / p;
    const er = ((trj * Ec + p * E[j]!) / denom) * (1 + 4 * U) + U * t;
    const eo = E[j]! + (g + Ec) * er + t * Ec + 3 * U * (M[j]! + g * t);
    Eout[j] = Math.max(er, eo) * (1 + 4 * U);
    Mout[j] = Math.max(t, M[j]! + g * t);
  }
  Eout[c] = 0;
  Mout[c] = 1;
}

/** Gauss-Jordan pivot on (row, column c) of a rows x width tableau; column c becomes exactly e_row. */
function floatPivot(T: Float64Array, rows: number, width: number, row: number, c: number): void {
  const base = row * width;
  const p = T[base + c]!;
  for (let k = 0; k < width; k++) T[base + k] = T[base + k]! / p;
  T[base + c] = 1;
  for (let i = 0; i < rows; i++) {
    if (i === row) continue;
    const bi = i * width;
    const f = T[bi + c]!;
    if (f === 0) continue;
    for (let k = 0; k < width; k++) T[bi + k] = T[bi + k]! - f * T[base + k]!;
    T[bi + c] = 0;
  }
}

/** n / d as the nearest-ish double, also when both are beyond the double range. */
function ratioToNumber(n: bigint, d: bigint): number {
  const a = Number(n);
  const b = Number(d);
  if (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a) < 1e300 && b < 1e300) return a / b;
  const shift = BigInt(Math.max(d.toString(2).length - 900, 0));
  return Number(n >> shift) / Number(d >> shift);
}
