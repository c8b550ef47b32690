/**
 * Lemke's algorithm for the linear complementarity problem, in exact integer arithmetic, on a
 * dense tableau (see lemke-sparse.ts for the floating-point revised form for large sparse problems).
 *
 * Source: Lemke (1965), "Bimatrix equilibrium points and mathematical programming"; the tableau
 * form and the lexicographic rule as in von Stengel (2002, Handbook of Game Theory vol. 3, ch. 45,
 * section 4). Exact fraction-free rows: row i is an integer vector R_i standing for R_i / den_i, and
 * a pivot on (r, c) updates only the rows with a nonzero entry in column c,
 *
 *   R_i <- R_i * R_r[c] - R_i[c] * R_r,   den_i <- den_i * R_r[c],   then both divided by their gcd,
 *
 * which keeps the (very sparse) sequence-form tableaus cheap.
 *
 * Problem: find z >= 0, w = q + M z + d z0 >= 0 with z^T w = 0 and z0 = 0 at the end.
 * Start: z0 enters at the row with lexicographically smallest (q_i, e_i)/d_i (requires some
 * q_i < 0); then the complement of the variable that left enters, with the lexicographic minimum
 * ratio test (rhs, rows of B^{-1}) which makes every basis nondegenerate in the perturbed problem,
 * until z0 leaves (a solution) or no row limits the entering variable (a ray: failure).
 */
import { Rational } from './rational';

export interface LemkeResult {
  /** z, or undefined when the algorithm ended on a ray. */
  readonly z: Rational[] | undefined;
  readonly pivots: number;
}

export function lemke(M: readonly (readonly bigint[])[], q: readonly bigint[], d: readonly bigint[], maxPivots = 1_000_000): LemkeResult {
  const N = q.length;
  const Z0 = 2 * N;
  const RHS = 2 * N + 1;
  const width = 2 * N + 2;
  // Columns: 0..N-1 w, N..2N-1 z, 2N z0, 2N+1 rhs. Row i: w_i - M_i z - d_i z0 = q_i.
  const T: bigint[][] = [];
  for (let i = 0; i < N; i++) {
    const row = new Array<bigint>(width).fill(0n);
    row[i] = 1n;
    for (let j = 0; j < N; j++) row[N + j] = -M[i]![j]!;
    row[Z0] = -d[i]!;
    row[RHS] = q[i]!;
    T.push(row);
  }
  const basis: number[] = Array.from({ length: N }, (_, i) => i);
  if (q.every((x) => x >= 0n)) return { z: new Array<Rational>(N).fill(Rational.ZERO), pivots: 0 };

  // Lexicographic comparison of row a and row b divided by their (positive) entries in column c:
  // negative when row a is smaller. Row denominators cancel.
  const lexCompare = (a: number, b: number, c: number): number => {
    const ca = T[a]![c]!;
    const cb = T[b]![c]!;
    const cols = [RHS];
    for (let j = 0; j < N; j++) cols.push(j);
    for (const j of cols) {
      const l = T[a]![j]! * cb;
      const r = T[b]![j]! * ca;
      if (l !== r) return l < r ? -1 : 1;
    }
    return 0;
  };

  const absGcd = (a: bigint, b: bigint): bigint => {
    if (a < 0n) a = -a;
    if (b < 0n) b = -b;
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
  };

  // Row i holds integers R_i representing R_i / den_i (den_i > 0). Pivoting on (r, c) with
  // P = R_r[c]: R_i <- R_i P - R_i[c] R_r, den_i <- den_i P (sign fixed to keep den_i > 0), then the
  // row is divided by the gcd of its entries. Rows with R_i[c] = 0 are untouched (sparse tableaus).
  const den: bigint[] = new Array<bigint>(N).fill(1n);
  const pivot = (r: number, c: number): void => {
    const pr = T[r]!;
    const P = pr[c]!;
    const nz: number[] = [];
    for (let j = 0; j < width; j++) if (pr[j] !== 0n) nz.push(j);
    for (let i = 0; i < N; i++) {
      if (i === r) continue;
      const row = T[i]!;
      const f = row[c]!;
      if (f === 0n) continue;
      let d = den[i]! * P;
      for (let j = 0; j < width; j++) if (row[j] !== 0n) row[j] = row[j]! * P;
      for (const j of nz) row[j] = row[j]! - f * pr[j]!;
      if (d < 0n) {
        d = -d;
        for (let j = 0; j < width; j++) if (row[j] !== 0n) row[j] = -row[j]!;
      }
      let g = d;
      for (let j = 0; j < width && g !== 1n; j++) if (row[j] !== 0n) g = absGcd(g, row[j]!);
      if (g > 1n) {
        d /= g;
        for (let j = 0; j < width; j++) if (row[j] !== 0n) row[j] = row[j]! / g;
      }
      den[i] = d;
    }
    basis[r] = c;
  };

  // Initial pivot: z0 enters at the lexicographically most negative q_i / d_i.
  let r0 = -1;
  for (let i = 0; i < N; i++) {
    if (d[i]! <= 0n) continue;
    if (r0 < 0) {
      r0 = i;
      continue;
    }
    // Compare (q_i, e_i)/d_i with (q_r0, e_r0)/d_r0 lexicographically; take the smaller.
    const l = q[i]! * d[r0]!;
    const rr = q[r0]! * d[i]!;
    if (l < rr || (l === rr && i > r0)) r0 = i;
  }
  if (r0 < 0 || q[r0]! >= 0n) return { z: undefined, pivots: 0 };
  for (let j = 0; j < width; j++) T[r0]![j] = -T[r0]![j]!;
  pivot(r0, Z0);
  let leaving = r0; // w_{r0} left the basis
  let pivots = 1;
  for (; pivots < maxPivots; pivots++) {
    const entering = leaving < N ? N + leaving : leaving - N;
    let best = -1;
    let z0Row = -1;
    for (let i = 0; i < N; i++) {
      const a = T[i]![entering]!;
      if (a <= 0n) continue;
      if (best < 0) {
        best = i;
      } else {
        const l = T[i]![RHS]! * T[best]![entering]!;
        const rr = T[best]![RHS]! * a;
        if (l < rr) best = i;
        else if (l === rr && lexCompare(i, best, entering) < 0) best = i;
      }
    }
    if (best < 0) return { z: undefined, pivots };
    // Prefer z0 leaving when it ties at the minimum ratio.
    for (let i = 0; i < N; i++) {
      if (basis[i] !== Z0) continue;
      const a = T[i]![entering]!;
      if (a > 0n && T[i]![RHS]! * T[best]![entering]! === T[best]![RHS]! * a) z0Row = i;
    }
    if (z0Row >= 0) best = z0Row;
    const out = basis[best]!;
    pivot(best, entering);
    if (out === Z0) {
      const z = new Array<Rational>(N).fill(Rational.ZERO);
      for (let i = 0; i < N; i++) {
        const v = basis[i]!;
        if (v >= N && v < 2 * N) z[v - N] = Rational.of(T[i]![RHS]!, T[i]![v]!);
      }
      return { z, pivots: pivots + 1 };
    }
    leaving = out;
  }
  return { z: undefined, pivots };
}
