/**
 * Lemke's algorithm for the linear complementarity problem on a sparse matrix, in floating point,
 * in revised form: the basis is kept as a sparse LU factorisation (numeric/sparse-lu.ts) with
 * product-form updates, so that a pivot costs a sparse solve and two vector updates instead of a
 * dense tableau row operation on every row.
 *
 * Source: Lemke (1965), "Bimatrix equilibrium points and mathematical programming", Management
 * Science 11; the revised (basis-factorised) form of pivoting: Dantzig & Orchard-Hays (1954) for the
 * product form of the inverse, Chvatal (1983), Linear Programming, ch. 7 (FTRAN, eta file, periodic
 * refactorisation); degeneracy: Charnes (1952) / Wolfe (1963) perturbation of the right-hand side.
 *
 * Problem: z >= 0, w = q + M z + d z0 >= 0, z^T w = 0, z0 = 0 at the end; d > 0 is the covering
 * vector. As equations, [I | -M | -d] (w, z, z0) = q. Variables are numbered w_i = i, z_j = n + j,
 * z0 = 2n; w_i and z_i are complements.
 *
 *   start:  all w basic; z0 enters at the row minimising q_i / d_i (z0 = -q_r / d_r);
 *   step:   the complement of the variable that left enters; alpha = B^-1 a (a its column);
 *           the leaving position minimises beta_i / alpha_i over alpha_i > 0;
 *           beta <- beta - theta alpha, beta_r = theta (theta = beta_r / alpha_r);
 *   stop:   when z0 leaves (a solution), or when no alpha_i > 0 (a ray: failure).
 *
 * Degeneracy (ties in the ratio test, which the sequence form has at almost every step) is
 * resolved by the symbolic perturbation q + eps * rho with a random rho > 0 and eps -> 0+: the
 * ratio test compares (beta_i, beta'_i) / alpha_i lexicographically, beta' = B^-1 rho kept beside
 * beta. For a rho in general position every basis of the perturbed problem is nondegenerate, so
 * the path cannot cycle; z0 is preferred when it ties at the first level. The end basis is
 * feasible for q itself (continuity at eps = 0); callers confirm the solution exactly.
 */
import { SparseLU, type SparseColumn } from './sparse-lu';

export interface SparseLcp {
  readonly n: number;
  /** The columns of M. */
  readonly columns: readonly SparseColumn[];
  readonly q: Float64Array;
  /** Covering vector, every entry > 0. */
  readonly d: Float64Array;
}

export interface SparseLemkeOptions {
  /** The perturbation direction rho (entries > 0, in general position). */
  readonly perturbation: Float64Array;
  readonly maxPivots?: number;
  /** Refactorise after this many basis changes (default 64). */
  readonly refactorEvery?: number;
}

export interface SparseLemkeResult {
  readonly status: 'solution' | 'ray' | 'pivot-limit';
  /** z at the end (approximate, floating point). */
  readonly z: Float64Array;
  /** The basic variable at each position of the final basis. */
  readonly basis: Int32Array;
  readonly pivots: number;
  readonly refactorisations: number;
}

export function lemkeSparse(lcp: SparseLcp, options: SparseLemkeOptions): SparseLemkeResult {
  const { n, q, d, columns } = lcp;
  const rho = options.perturbation;
  const maxPivots = options.maxPivots ?? 50 * n + 1000;
  const refactorEvery = options.refactorEvery ?? 256;
  const Z0 = 2 * n;
  const basisVar = new Int32Array(n);
  const posOf = new Int32Array(2 * n + 1).fill(-1);
  for (let i = 0; i < n; i++) {
    basisVar[i] = i;
    posOf[i] = i;
  }
  const z = new Float64Array(n);
  if (q.every((v) => v >= 0)) return { status: 'solution', z, basis: basisVar, pivots: 0, refactorisations: 0 };

  const unit = (i: number): SparseColumn => ({ rows: [i], values: [1] });
  const negatedColumns: SparseColumn[] = columns.map((c) => ({ rows: c.rows, values: Array.from(c.values, (v) => -v) }));
  const z0Column: SparseColumn = { rows: Array.from({ length: n }, (_, i) => i), values: Array.from(d, (v) => -v) };
  const columnOf = (v: number): SparseColumn => (v < n ? unit(v) : v < 2 * n ? negatedColumns[v - n]! : z0Column);

  let lu = SparseLU.factor(
    n,
    Array.from({ length: n }, (_, i) => unit(i)),
  );
  let refactorisations = 0;
  // Eta file: position, nonzero indices and values of alpha.
  const etaPos: number[] = [];
  const etaIdx: Int32Array[] = [];
  const etaVal: Float64Array[] = [];
  const etaPivot: number[] = [];
  const beta = Float64Array.from(q);
  const beta1 = Float64Array.from(rho);
  const work = new Float64Array(n);
  const alpha = new Float64Array(n);

  const ftran = (col: SparseColumn, out: Float64Array): void => {
    work.fill(0);
    for (let k = 0; k < col.rows.length; k++) work[col.rows[k]!] = work[col.rows[k]!]! + col.values[k]!;
    lu.solve(work, out);
    for (let e = 0; e < etaPos.length; e++) {
      const r = etaPos[e]!;
      const idx = etaIdx[e]!;
      const val = etaVal[e]!;
      const xr = out[r]! / etaPivot[e]!;
      if (xr !== 0) for (let t = 0; t < idx.length; t++) out[idx[t]!] = out[idx[t]!]! - val[t]! * xr;
      out[r] = xr; // (the loop also touched r; it is set last)
    }
  };

  const refactor = (): void => {
    lu = SparseLU.factor(
      n,
      Array.from(basisVar, (v) => columnOf(v)),
    );
    refactorisations++;
    etaPos.length = 0;
    etaIdx.length = 0;
    etaVal.length = 0;
    etaPivot.length = 0;
    work.set(q);
    lu.solve(work, beta);
    work.set(rho);
    lu.solve(work, beta1);
  };

  let etaNonzeros = 0;
  const idxBuffer = new Int32Array(n);
  /** Pivot on position r; entries of alpha below `drop` are rounding noise and are left out of the eta. */
  const pivot = (r: number, entering: number, drop: number): number => {
    const ar = alpha[r]!;
    const t0 = beta[r]! / ar;
    const t1 = beta1[r]! / ar;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const a = alpha[i]!;
      if (a === 0) continue;
      if (i !== r && Math.abs(a) <= drop) continue;
      idxBuffer[count++] = i;
      if (i === r) continue;
      beta[i] = beta[i]! - t0 * a;
      beta1[i] = beta1[i]! - t1 * a;
    }
    beta[r] = t0;
    beta1[r] = t1;
    const ii = idxBuffer.slice(0, count);
    const vv = new Float64Array(count);
    for (let t = 0; t < count; t++) vv[t] = alpha[ii[t]!]!;
    etaPos.push(r);
    etaIdx.push(ii);
    etaVal.push(vv);
    etaPivot.push(ar);
    etaNonzeros += count;
    const leaving = basisVar[r]!;
    posOf[leaving] = -1;
    basisVar[r] = entering;
    posOf[entering] = r;
    // Refactorise when applying the etas costs more than a few solves with the factors.
    if (etaPos.length >= refactorEvery || etaNonzeros > 4 * (lu.nonzeros + n)) {
      refactor();
      etaNonzeros = 0;
    }
    return leaving;
  };

  // First pivot: z0 enters where q_i / d_i is smallest (lexicographically with rho).
  let r0 = 0;
  for (let i = 1; i < n; i++) {
    const a = q[i]! / d[i]!;
    const b = q[r0]! / d[r0]!;
    if (a < b || (a === b && rho[i]! / d[i]! < rho[r0]! / d[r0]!)) r0 = i;
  }
  ftran(z0Column, alpha);
  let leaving = pivot(r0, Z0, 0);
  let pivots = 1;
  while (pivots < maxPivots) {
    const entering = leaving < n ? leaving + n : leaving - n;
    ftran(columnOf(entering), alpha);
    let amax = 0;
    for (let i = 0; i < n; i++) {
      const a = Math.abs(alpha[i]!);
      if (a > amax) amax = a;
    }
    const tol = 1e-9 * Math.max(1, amax);
    // First level: the smallest beta_i / alpha_i.
    let min0 = Infinity;
    for (let i = 0; i < n; i++) {
      const a = alpha[i]!;
      if (a <= tol) continue;
      const b = beta[i]!;
      const ratio = b > 0 ? b / a : 0;
      if (ratio < min0) min0 = ratio;
    }
    if (min0 === Infinity) return finish('ray');
    const tie = 1e-9 * (1 + min0);
    let best = -1;
    let best1 = Infinity;
    for (let i = 0; i < n; i++) {
      const a = alpha[i]!;
      if (a <= tol) continue;
      const b = beta[i]!;
      if ((b > 0 ? b / a : 0) > min0 + tie) continue;
      if (basisVar[i] === Z0) {
        best = i;
        break;
      }
      const ratio1 = beta1[i]! / a;
      if (ratio1 < best1) {
        best1 = ratio1;
        best = i;
      }
    }
    leaving = pivot(best, entering, 1e-13 * amax);
    pivots++;
    if (leaving === Z0) return finish('solution');
  }
  return finish('pivot-limit');

  function finish(status: SparseLemkeResult['status']): SparseLemkeResult {
    for (let p = 0; p < n; p++) {
      const v = basisVar[p]!;
      if (v >= n && v < 2 * n) z[v - n] = Math.max(beta[p]!, 0);
    }
    return { status, z, basis: basisVar, pivots, refactorisations };
  }
}
