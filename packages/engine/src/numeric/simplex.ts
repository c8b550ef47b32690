/**
 * A small exact linear-programming solver: two-phase primal simplex with Bland's rule on a dense
 * Rational tableau (Chvatal 1983, "Linear Programming", ch. 2-3; Bland 1977 for termination).
 *
 *   maximize c^T x  subject to  A x <= b,  x >= 0.
 *
 * Phase 1 minimises the sum of artificial variables added to rows with b_i < 0; Phase 2 then
 * optimises c from the feasible basis found. Meant for the small LPs of game solving (mixed
 * dominance), not for large problems.
 */
import { Rational } from './rational';

export type LpResult = { status: 'optimal'; value: Rational; x: Rational[] } | { status: 'infeasible' } | { status: 'unbounded' };

export function maximizeLp(c: readonly Rational[], A: readonly (readonly Rational[])[], b: readonly Rational[]): LpResult {
  const m = A.length;
  const nv = c.length;
  const negRows = b.map((v, i) => (v.sign() < 0 ? i : -1)).filter((i) => i >= 0);
  const nArt = negRows.length;
  const cols = nv + m + nArt;
  const T: Rational[][] = [];
  const basis: number[] = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<Rational>(cols + 1).fill(Rational.ZERO);
    const flip = b[i]!.sign() < 0;
    for (let j = 0; j < nv; j++) row[j] = flip ? A[i]![j]!.neg() : A[i]![j]!;
    row[nv + i] = flip ? Rational.ONE.neg() : Rational.ONE;
    row[cols] = flip ? b[i]!.neg() : b[i]!;
    if (flip) {
      const a = nv + m + negRows.indexOf(i);
      row[a] = Rational.ONE;
      basis.push(a);
    } else basis.push(nv + i);
    T.push(row);
  }
  const pivot = (r: number, col: number): void => {
    const pr = T[r]!;
    const p = pr[col]!;
    for (let j = 0; j <= cols; j++) pr[j] = pr[j]!.div(p);
    for (let i = 0; i < m; i++) {
      if (i === r) continue;
      const f = T[i]![col]!;
      if (f.isZero()) continue;
      const row = T[i]!;
      for (let j = 0; j <= cols; j++) if (!pr[j]!.isZero()) row[j] = row[j]!.sub(f.mul(pr[j]!));
    }
    basis[r] = col;
  };
  const run = (cost: readonly Rational[], allowed: (col: number) => boolean): 'optimal' | 'unbounded' => {
    for (;;) {
      // Bland: lowest-index column with positive reduced profit c_j - c_B^T T_j.
      let entering = -1;
      for (let j = 0; j < cols && entering < 0; j++) {
        if (!allowed(j) || basis.includes(j)) continue;
        let profit = cost[j]!;
        for (let i = 0; i < m; i++) profit = profit.sub(cost[basis[i]!]!.mul(T[i]![j]!));
        if (profit.sign() > 0) entering = j;
      }
      if (entering < 0) return 'optimal';
      let leave = -1;
      let best: Rational | undefined;
      for (let i = 0; i < m; i++) {
        const a = T[i]![entering]!;
        if (a.sign() <= 0) continue;
        const ratio = T[i]![cols]!.div(a);
        if (best === undefined || ratio.lt(best) || (ratio.eq(best) && basis[i]! < basis[leave]!)) {
          best = ratio;
          leave = i;
        }
      }
      if (leave < 0) return 'unbounded';
      pivot(leave, entering);
    }
  };
  if (nArt > 0) {
    const phase1 = new Array<Rational>(cols).fill(Rational.ZERO);
    for (let a = nv + m; a < cols; a++) phase1[a] = Rational.ONE.neg();
    run(phase1, () => true);
    let infeasibility = Rational.ZERO;
    for (let i = 0; i < m; i++) if (basis[i]! >= nv + m) infeasibility = infeasibility.add(T[i]![cols]!);
    if (infeasibility.sign() > 0) return { status: 'infeasible' };
    for (let i = 0; i < m; i++) {
      if (basis[i]! < nv + m) continue;
      const j = T[i]!.findIndex((v, col) => col < nv + m && !v.isZero());
      if (j >= 0) pivot(i, j);
    }
  }
  const cost = new Array<Rational>(cols).fill(Rational.ZERO);
  for (let j = 0; j < nv; j++) cost[j] = c[j]!;
  if (run(cost, (col) => col < nv + m) === 'unbounded') return { status: 'unbounded' };
  const x = new Array<Rational>(nv).fill(Rational.ZERO);
  basis.forEach((col, i) => {
    if (col < nv) x[col] = T[i]![cols]!;
  });
  const value = x.reduce((acc, v, j) => acc.add(v.mul(c[j]!)), Rational.ZERO);
  return { status: 'optimal', value, x };
}
